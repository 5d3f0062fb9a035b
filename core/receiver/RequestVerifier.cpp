#include "RequestVerifier.h"

#include "http/ReceivedRequest.h"
#include "jose/Jwe.h"
#include "jose/Jwks.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"
#include "signing/SignatureVerifier.h"

#include <QJsonDocument>

#include <algorithm>

// The order of the checks is the order a careful production endpoint would run them in: who is
// calling (auth), whether the wire bytes are authentic (signatures, over the bytes as received),
// then what the bytes say (JWE, JWS, the event's age), and last whether it was seen before. The
// answer for a rejection is the status of the first check that failed.

namespace {

constexpr int Unauthorized = 401;
constexpr int BadRequest = 400;

// The public reasons of failed checks (VerifyCheck::publicReason): fixed words, never a secret.
const QString CredentialsMissing = QStringLiteral("credentials missing");
const QString CredentialsWrong = QStringLiteral("credentials do not match");
const QString NoSignatureMatched = QStringLiteral("no signature matched");
const QString NotDecrypted = QStringLiteral("the body cannot be decrypted");
const QString JwsNotVerified = QStringLiteral("the JWS is not verified");
const QString EventTooOld = QStringLiteral("the event is too old");
const QString EventTimeUnknown = QStringLiteral("the event's time cannot be read");

VerifyCheck pass(const QString& check, const QString& detail)
{
    return {check, true, detail, false, 0, {}};
}

VerifyCheck failed(const QString& check, const QString& detail, int status, const QString& publicReason)
{
    return {check, false, detail, false, status, publicReason};
}

// The resolved value of a reference, or nullopt when it was not resolved (a caller's bug, said so).
std::optional<QByteArray> secretValue(const SecretValues& secrets, const QString& reference)
{
    const auto it = secrets.constFind(reference);
    if (it == secrets.cend()) {
        return std::nullopt;
    }
    return it.value();
}

// What maskSecret() makes of a credential, as a stored request keeps it: "••••" (U+2022 four
// times), then at most the last 4 characters. Only that exact shape: a longer value that merely
// starts with dots may be a real secret, and is masked and checked like any other.
bool isMaskedValue(QByteArrayView value)
{
    static const QByteArray dots = QString(4, QChar(0x2022)).toUtf8();
    const QByteArrayView trimmed = value.trimmed();
    if (!trimmed.startsWith(dots)) {
        return false;
    }
    const QByteArrayView tail = trimmed.sliced(dots.size());
    return tail.size() <= 4 * 4 && QString::fromUtf8(tail).toUcs4().size() <= 4;
}

// A stored request's credentials were masked when it was stored (docs/secrets.md): said plainly,
// rather than "expected Basic credentials" or "does not match", which would send the user
// looking for a wrong password.
std::optional<VerifyCheck> maskedCredentials(const QString& check, const QString& headerName, const QByteArray& value)
{
    if (!isMaskedValue(value)) {
        return std::nullopt;
    }
    return failed(check,
                  QStringLiteral("%1 is \"%2\", a masked placeholder: credentials are masked when a request is"
                                 " stored, so a stored request's credentials cannot be checked again; re-send the"
                                 " request to check them")
                      .arg(headerName, Headers::displayValue(value)),
                  Unauthorized,
                  CredentialsWrong);
}

VerifyCheck checkBasic(const AuthConfig& auth, const SecretValues& secrets, const HeaderList& headers)
{
    const QString check = QStringLiteral("auth basic");
    const QString headerName = auth.effectiveHeaderName();
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized, CredentialsMissing);
    }
    if (auto masked = maskedCredentials(check, headerName, value)) {
        return *masked;
    }
    const auto [scheme, credentials] = Headers::splitCredentials(value);
    if (scheme.compare("Basic", Qt::CaseInsensitive) != 0) {
        return failed(
            check,
            QStringLiteral("expected Basic credentials, got %1").arg(RequestVerifier::describeCredentials(value)),
            Unauthorized,
            CredentialsWrong);
    }
    auto decoded = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || credentials.isEmpty()) {
        return failed(check, QStringLiteral("Basic credentials are not valid base64"), Unauthorized, CredentialsWrong);
    }
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0) {
        return failed(check,
                      QStringLiteral("Basic credentials have no ':' between user name and password"),
                      Unauthorized,
                      CredentialsWrong);
    }
    const QByteArray user = decoded.decoded.left(colon);
    const QByteArray password = decoded.decoded.mid(colon + 1);
    const auto expected = secretValue(secrets, auth.password);
    if (!expected) {
        return failed(check,
                      QStringLiteral("the password reference %1 was not resolved").arg(auth.password),
                      Unauthorized,
                      CredentialsWrong);
    }
    // Both compared, each in constant time, so the time taken does not tell which one differs.
    const bool userOk = Crypto::constantTimeEquals(user, auth.username.toUtf8());
    const bool passwordOk = Crypto::constantTimeEquals(password, *expected);
    if (!userOk) {
        return failed(check,
                      QStringLiteral("Basic credentials are for user %1, expected user %2")
                          .arg(QString::fromUtf8(user), auth.username),
                      Unauthorized,
                      CredentialsWrong);
    }
    if (!passwordOk) {
        return failed(check,
                      QStringLiteral("Basic credentials for user %1 do not match (wrong password %2)")
                          .arg(auth.username, maskSecret(password)),
                      Unauthorized,
                      CredentialsWrong);
    }
    return pass(check, QStringLiteral("Basic credentials for user %1 match").arg(auth.username));
}

VerifyCheck checkBearer(const AuthConfig& auth, const SecretValues& secrets, const HeaderList& headers)
{
    const QString check = QStringLiteral("auth bearer");
    const QString headerName = auth.effectiveHeaderName();
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized, CredentialsMissing);
    }
    if (auto masked = maskedCredentials(check, headerName, value)) {
        return *masked;
    }
    const auto [scheme, token] = Headers::splitCredentials(value);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0) {
        return failed(check,
                      QStringLiteral("expected Bearer token, got %1").arg(RequestVerifier::describeCredentials(value)),
                      Unauthorized,
                      CredentialsWrong);
    }
    if (token.isEmpty()) {
        return failed(check, QStringLiteral("Bearer token is empty"), Unauthorized, CredentialsWrong);
    }
    const auto expected = secretValue(secrets, auth.token);
    if (!expected) {
        return failed(check,
                      QStringLiteral("the token reference %1 was not resolved").arg(auth.token),
                      Unauthorized,
                      CredentialsWrong);
    }
    if (!Crypto::constantTimeEquals(token, *expected)) {
        return failed(check,
                      QStringLiteral("Bearer token %1 does not match the configured token %2")
                          .arg(maskSecret(token), maskSecret(*expected)),
                      Unauthorized,
                      CredentialsWrong);
    }
    return pass(check, QStringLiteral("Bearer token %1 matches").arg(maskSecret(token)));
}

// apiKey (prefix + value) and header (the value as given).
VerifyCheck checkValue(const AuthConfig& auth, const SecretValues& secrets, const HeaderList& headers)
{
    const bool apiKey = auth.type == AuthType::ApiKey;
    const QString check = apiKey ? QStringLiteral("auth apiKey") : QStringLiteral("auth header");
    const QString headerName = auth.effectiveHeaderName();
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized, CredentialsMissing);
    }
    if (auto masked = maskedCredentials(check, headerName, value)) {
        return *masked;
    }
    const auto secret = secretValue(secrets, auth.value);
    if (!secret) {
        return failed(check,
                      QStringLiteral("the value reference %1 was not resolved").arg(auth.value),
                      Unauthorized,
                      CredentialsWrong);
    }
    const QByteArray prefix = apiKey ? auth.prefix.toUtf8() : QByteArray();
    if (!prefix.isEmpty() && !value.startsWith(prefix)) {
        return failed(check,
                      QStringLiteral("%1 value does not start with the prefix \"%2\"").arg(headerName, auth.prefix),
                      Unauthorized,
                      CredentialsWrong);
    }
    const QByteArray received = value.mid(prefix.size());
    if (!Crypto::constantTimeEquals(received, *secret)) {
        QString detail = QStringLiteral("%1 value %2 does not match the configured value %3")
                             .arg(headerName, maskSecret(received), maskSecret(*secret));
        if (Crypto::constantTimeEquals(received.trimmed(), *secret)) {
            detail += QStringLiteral(" (it matches once spaces around it are removed: the sender adds whitespace)");
        }
        return failed(check, detail, Unauthorized, CredentialsWrong);
    }
    return pass(check, QStringLiteral("%1 value %2 matches").arg(headerName, maskSecret(received)));
}

std::optional<VerifyCheck> checkAuth(const AuthConfig& auth,
                                     const SecretValues& secrets,
                                     const HeaderList& headers,
                                     const QDateTime& now,
                                     const RequestVerifier::TokenCheck& tokens)
{
    switch (auth.type) {
        case AuthType::None:
            return std::nullopt;
        case AuthType::Basic:
            return checkBasic(auth, secrets, headers);
        case AuthType::Bearer:
            return checkBearer(auth, secrets, headers);
        case AuthType::ApiKey:
        case AuthType::Header:
            return checkValue(auth, secrets, headers);
        case AuthType::OAuth2:
        case AuthType::OAuth2ClientCredentials:
        case AuthType::OAuth2AuthorizationCode:
            break;
    }
    if (tokens) {
        VerifyCheck check = tokens(headers, auth.effectiveHeaderName(), now);
        if (!check.ok && check.publicReason.isEmpty()) {
            check.publicReason = Headers::value(headers, auth.effectiveHeaderName().toLatin1()).isNull()
                                     ? CredentialsMissing
                                     : CredentialsWrong;
        }
        return check;
    }
    // Never a fake pass: the tokens the receiver issued live only in the running receiver.
    return failed(QStringLiteral("auth oauth2"),
                  QStringLiteral("not checked: only the running receiver that issued a token knows it, so no"
                                 " OAuth 2.0 token can pass offline"),
                  Unauthorized,
                  CredentialsWrong);
}

std::optional<qint64> parseUnix(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

// The event's time, for maxAgeSeconds: the event's own JSON timestamp (RFC 3339, or unix
// seconds), which stays the same on every retry; the webhook-timestamp header only when the body
// has none, since a sender refreshes it on each attempt. `source` says which was used.
std::optional<qint64> eventTime(const HeaderList& headers, const QJsonObject& body, QString* source, QString* problem)
{
    const QJsonValue timestamp = body.value(QStringLiteral("timestamp"));
    if (timestamp.isDouble()) {
        *source = QStringLiteral("the JSON timestamp");
        return qint64(timestamp.toDouble());
    }
    if (timestamp.isString()) {
        const QDateTime parsed = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
        if (parsed.isValid()) {
            *source = QStringLiteral("the JSON timestamp %1").arg(timestamp.toString());
            return parsed.toSecsSinceEpoch();
        }
        *problem =
            QStringLiteral("the JSON timestamp \"%1\" is not an RFC 3339 time").arg(timestamp.toString().left(40));
        return std::nullopt;
    }
    if (!timestamp.isUndefined() && !timestamp.isNull()) {
        *problem = QStringLiteral("the JSON timestamp is neither an RFC 3339 text nor unix seconds");
        return std::nullopt;
    }
    const QByteArray header = Headers::value(headers, "webhook-timestamp");
    if (!header.isNull()) {
        if (auto value = parseUnix(header)) {
            *source = QStringLiteral("the webhook-timestamp header, as the body has no JSON timestamp");
            return value;
        }
        *problem = QStringLiteral("webhook-timestamp \"%1\" is not unix seconds").arg(Headers::displayValue(header));
        return std::nullopt;
    }
    *problem = QStringLiteral("the body has no JSON timestamp and the request no webhook-timestamp header");
    return std::nullopt;
}

// application/json and every +json type (application/cloudevents+json ...), parameters ignored.
bool isJsonContentType(const QByteArray& contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

VerifyCheck malformedBody(const QByteArray& payload,
                          const QJsonParseError& error,
                          bool jose,
                          const QByteArray& contentType,
                          bool neededForMaxAge)
{
    // QJsonParseError::offset counts bytes of the input; a person counts lines and columns.
    const qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset), payload.size());
    const QByteArray before = payload.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    const QString where = QStringLiteral("line %1, column %2").arg(line).arg(column);
    const QString what = jose ? QStringLiteral("the decoded payload") : QStringLiteral("the body");
    QString why;
    if (!jose && !contentType.isEmpty() && isJsonContentType(contentType)) {
        why = QStringLiteral("the Content-Type is %1 but ").arg(Headers::displayValue(contentType, 60));
    } else if (neededForMaxAge) {
        why = QStringLiteral("maxAgeSeconds needs the JSON timestamp (there is no webhook-timestamp header) but ");
    }
    return failed(QStringLiteral("body"),
                  why
                      + QStringLiteral("%1 is not valid JSON: %2 at %3 (byte %4 of %5)")
                            .arg(what, error.errorString(), where)
                            .arg(offset)
                            .arg(payload.size()),
                  BadRequest,
                  QStringLiteral("%1 is not valid JSON (%2)").arg(what, where));
}

VerifyCheck checkMaxAge(qint64 maxAge, const HeaderList& headers, const QJsonObject& body, qint64 now)
{
    const QString check = QStringLiteral("maxAge");
    QString source;
    QString problem;
    const auto time = eventTime(headers, body, &source, &problem);
    if (!time) {
        return failed(
            check, problem + QStringLiteral(": the event's age cannot be checked"), BadRequest, EventTimeUnknown);
    }
    const qint64 age = now - *time;
    if (age > maxAge) {
        return failed(
            check,
            QStringLiteral("event is %1 s old by %2, more than maxAgeSeconds %3").arg(age).arg(source).arg(maxAge),
            BadRequest,
            EventTooOld);
    }
    return pass(check, QStringLiteral("event is %1 s old by %2 (at most %3 allowed)").arg(age).arg(source).arg(maxAge));
}

// --- JOSE: verify.jwe, then verify.jws over what the JWE held ---

QString utcText(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

// How many dots: 2 for a compact JWS, 4 for a compact JWE.
qsizetype compactDots(const QByteArray& body)
{
    return body.trimmed().count('.');
}

// exp and nbf (RFC 7519 4.1.4, 4.1.5) against the receiver's clock; no leeway: sender and
// receiver of a local test share a clock, and a drifting one is worth seeing.
std::optional<QString> claimsProblem(const QJsonObject& claims, qint64 now)
{
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (!exp.isUndefined()) {
        if (!exp.isDouble()) {
            return QStringLiteral("the exp claim must be a number of unix seconds");
        }
        const qint64 expiry = qint64(exp.toDouble());
        if (now >= expiry) {
            return QStringLiteral("the token expired %1 s ago (exp %2, the receiver's clock says %3)")
                .arg(now - expiry)
                .arg(utcText(expiry), utcText(now));
        }
    }
    const QJsonValue nbf = claims.value(QLatin1String("nbf"));
    if (!nbf.isUndefined()) {
        if (!nbf.isDouble()) {
            return QStringLiteral("the nbf claim must be a number of unix seconds");
        }
        const qint64 notBefore = qint64(nbf.toDouble());
        if (now < notBefore) {
            return QStringLiteral("the token is not valid yet: nbf %1 is %2 s in the future by the receiver's clock")
                .arg(utcText(notBefore))
                .arg(notBefore - now);
        }
    }
    return std::nullopt;
}

struct JoseResult
{
    QByteArray payload; // the decoded payload when the checks got that far
    bool decoded = false;
};

JoseResult
checkJose(const VerifyConfig& config, const JoseKeys& keys, const QByteArray& body, qint64 now, VerifyOutcome& outcome)
{
    JoseResult result;
    QByteArray inner = body.trimmed();
    bool innerOk = true;
    if (config.jwe) {
        const QString check = QStringLiteral("jwe");
        if (compactDots(inner) != 4) {
            const QString what = compactDots(inner) == 2
                                     ? QStringLiteral("the body is a compact JWS, not encrypted: the sender did not"
                                                      " encrypt it (its profile needs jwe)")
                                     : QStringLiteral("the body is not a compact JWE (five base64url parts"
                                                      " separated by dots)");
            outcome.checks.append(failed(check, what, BadRequest, NotDecrypted));
            innerOk = false;
        } else if (keys.jwe.isEmpty()) {
            outcome.checks.append(failed(check,
                                         QStringLiteral("no decryption key: verify.jwe.privateKey was not read"),
                                         BadRequest,
                                         NotDecrypted));
            innerOk = false;
        } else {
            const auto header = Jwe::peekHeader(inner);
            if (header) {
                outcome.jose.insert(QStringLiteral("jwe"), QJsonObject {{QStringLiteral("header"), header.value()}});
            }
            const auto decrypted = Jwe::decryptCompact(inner, keys.jwe);
            if (!decrypted) {
                outcome.checks.append(failed(
                    check, QStringLiteral("cannot decrypt: ") + decrypted.error().message, BadRequest, NotDecrypted));
                innerOk = false;
            } else {
                const QString alg = decrypted->header.value(QLatin1String("alg")).toString();
                const QString enc = decrypted->header.value(QLatin1String("enc")).toString();
                const QString cty = decrypted->header.value(QLatin1String("cty")).toString();
                const QString kid = decrypted->header.value(QLatin1String("kid")).toString();
                outcome.checks.append(pass(check,
                                           QStringLiteral("decrypted %1 / %2%3: %4 bytes of %5")
                                               .arg(alg,
                                                    enc,
                                                    kid.isEmpty() ? QString() : QStringLiteral(" (kid %1)").arg(kid),
                                                    QString::number(decrypted->plaintext.size()),
                                                    cty.compare(QLatin1String("JWT"), Qt::CaseInsensitive) == 0
                                                        ? QStringLiteral("JWT inside (cty JWT)")
                                                        : QStringLiteral("payload"))));
                inner = decrypted->plaintext;
                result.payload = inner;
                result.decoded = true;
            }
        }
    }
    if (!config.jws) {
        return result;
    }
    const QString check = QStringLiteral("jws");
    if (!innerOk) {
        outcome.checks.append(failed(check,
                                     QStringLiteral("not verified: the JWE could not be opened (see the jwe check)"),
                                     Unauthorized,
                                     JwsNotVerified));
        result.decoded = false;
        return result;
    }
    inner = inner.trimmed();
    if (!config.jwe && compactDots(inner) == 4) {
        outcome.checks.append(failed(check,
                                     QStringLiteral("the body is a compact JWE (encrypted): add verify.jwe with the"
                                                    " private key to decrypt it before the JWS is checked"),
                                     Unauthorized,
                                     JwsNotVerified));
        return result;
    }
    const auto parts = Jws::parseCompact(inner);
    if (parts) {
        QJsonObject jws {{QStringLiteral("header"), parts->header}};
        outcome.jose.insert(QStringLiteral("jws"), jws);
    }
    const auto verified = Jws::verifyCompact(inner, keys.jws);
    if (!verified) {
        QString detail = verified.error().message;
        if (parts) {
            // No key for this kid (or no key at all): the receiver may fetch the jwksUrl set again.
            const QString kid = parts->header.value(QLatin1String("kid")).toString();
            bool haveKid = kid.isEmpty();
            bool anyWithoutKid = false;
            for (const auto& key : keys.jws) {
                haveKid |= key.kid() == kid;
                anyWithoutKid |= key.kid().isEmpty();
            }
            if (keys.jws.isEmpty() || (!haveKid && !anyWithoutKid)) {
                outcome.jwsKeyMissing = true;
                outcome.unknownKid = kid;
                if (!keys.jwksUrlProblem.isEmpty()) {
                    detail += QStringLiteral(" (verify.jws.jwksUrl: %1)").arg(keys.jwksUrlProblem);
                } else if (!keys.jwksUrlFetchNote.isEmpty()) {
                    detail += QStringLiteral(" (verify.jws.jwksUrl %1)").arg(keys.jwksUrlFetchNote);
                }
            }
        }
        outcome.checks.append(failed(check, detail, Unauthorized, JwsNotVerified));
        return result;
    }
    result.payload = verified->payload;
    result.decoded = true;
    const QJsonDocument claimsDocument = QJsonDocument::fromJson(verified->payload);
    const QJsonObject claims = claimsDocument.isObject() ? claimsDocument.object() : QJsonObject();
    if (claimsDocument.isObject()) {
        outcome.jose.insert(QStringLiteral("claims"), claims);
    }
    const QString kid = verified->header.value(QLatin1String("kid")).toString();
    const QString source = keys.jwsSources.value(verified->keyIndex);
    const QString signedBy = QStringLiteral("%1 signature verified with the %2%3%4")
                                 .arg(verified->alg,
                                      verified->key.typeName(),
                                      kid.isEmpty() ? QString() : QStringLiteral(" of kid %1").arg(kid),
                                      source.isEmpty() ? QString() : QStringLiteral(" from ") + source);
    if (auto problem = claimsProblem(claims, now)) {
        outcome.checks.append(
            failed(check, signedBy + QStringLiteral(", but ") + *problem, Unauthorized, JwsNotVerified));
        result.decoded = false;
        return result;
    }
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    outcome.checks.append(pass(
        check,
        signedBy
            + (exp.isDouble() ? QStringLiteral("; expires in %1 s").arg(qint64(exp.toDouble()) - now) : QString())));
    return result;
}

} // namespace

VerifyRequest VerifyRequest::from(const ReceivedRequest& request)
{
    return {request.method, request.path, request.headers, request.body};
}

QJsonObject VerifyCheck::toJson() const
{
    QJsonObject out {{QStringLiteral("check"), check}, {QStringLiteral("ok"), ok}, {QStringLiteral("detail"), detail}};
    if (informational) {
        out.insert(QStringLiteral("informational"), true);
    }
    return out;
}

QByteArray VerifyCheck::answerLine() const
{
    // No publicReason: a generic one, so a check that forgot to set it cannot leak its detail.
    const QString reason = !publicReason.isEmpty() ? publicReason
                                                   : (failStatus == Unauthorized ? QStringLiteral("not authorised")
                                                                                 : QStringLiteral("refused"));
    return check.toUtf8() + ": " + reason.toUtf8() + '\n';
}

QString VerifyOutcome::verdict() const
{
    return accepted ? QStringLiteral("accepted") : QStringLiteral("rejected");
}

QJsonArray VerifyOutcome::checksJson() const
{
    QJsonArray out;
    for (const auto& check : checks) {
        out.append(check.toJson());
    }
    return out;
}

void JoseKeys::setJwksUrlKeys(const QList<JoseKey>& keys)
{
    for (qsizetype i = jws.size() - 1; i >= 0; --i) {
        if (jwsSources.at(i) == QLatin1String("verify.jws.jwksUrl")) {
            jws.removeAt(i);
            jwsSources.removeAt(i);
        }
    }
    for (const auto& key : keys) {
        jws.append(key);
        jwsSources.append(QStringLiteral("verify.jws.jwksUrl"));
    }
    jwksUrlProblem.clear();
}

namespace RequestVerifier {

Result<JoseKeys> loadJoseKeys(const VerifyConfig& config, const SecretValues& secrets)
{
    JoseKeys keys;
    if (config.jws) {
        const JwsVerifyConfig& jws = *config.jws;
        if (!jws.publicKey.isEmpty()) {
            const auto key = JoseKey::fromPem(secrets.value(jws.publicKey));
            if (!key) {
                return Error(QStringLiteral("is not a PEM public key or certificate (%1)").arg(key.error().message),
                             QStringLiteral("verify.jws.publicKey"));
            }
            keys.jws.append(key.value());
            keys.jwsSources.append(QStringLiteral("verify.jws.publicKey"));
        }
        if (!jws.secret.isEmpty()) {
            const QByteArray secret = secrets.value(jws.secret);
            if (secret.isEmpty()) {
                return Error(QStringLiteral("is empty; HS256 needs the shared secret's bytes"),
                             QStringLiteral("verify.jws.secret"));
            }
            keys.jws.append(JoseKey::fromSecret(secret));
            keys.jwsSources.append(QStringLiteral("verify.jws.secret"));
        }
        if (!jws.jwks.isEmpty()) {
            const auto set = Jwks::parse(secrets.value(jws.jwks));
            if (!set) {
                return Error(QStringLiteral("is not a usable JWKS: %1").arg(set.error().message),
                             QStringLiteral("verify.jws.jwks"));
            }
            for (const auto& key : set.value()) {
                keys.jws.append(key);
                keys.jwsSources.append(QStringLiteral("verify.jws.jwks"));
            }
        }
        if (!jws.jwksUrl.isEmpty()) {
            keys.jwksUrlProblem = QStringLiteral("the key set at %1 was not fetched").arg(jws.jwksUrl);
        }
    }
    if (config.jwe) {
        const auto key = JoseKey::fromPem(secrets.value(config.jwe->privateKey));
        if (!key) {
            return Error(QStringLiteral("is not a PEM private key (%1)").arg(key.error().message),
                         QStringLiteral("verify.jwe.privateKey"));
        }
        if (!key->hasPrivateKey() || (key->type() != JoseKey::Type::Rsa && key->type() != JoseKey::Type::EcP256)) {
            return Error(QStringLiteral("must be the RSA or EC P-256 private key the payload is encrypted to, not %1%2")
                             .arg(key->hasPrivateKey() ? QString() : QStringLiteral("a public "), key->typeName()),
                         QStringLiteral("verify.jwe.privateKey"));
        }
        keys.jwe.append(key.value());
    }
    return keys;
}

VerifyOutcome verify(const VerifyConfig& config,
                     const SecretValues& secrets,
                     const VerifyRequest& request,
                     const QDateTime& now,
                     int acceptStatus,
                     const SeenPredicate& seen,
                     const TokenCheck& tokens)
{
    auto keys = loadJoseKeys(config, secrets);
    if (!keys) {
        // A key that cannot be read never lets a request pass: the check says why.
        VerifyOutcome outcome = verify(config, secrets, JoseKeys(), request, now, acceptStatus, seen, tokens);
        const QString failedCheck =
            keys.error().path.startsWith(QLatin1String("verify.jwe")) ? QStringLiteral("jwe") : QStringLiteral("jws");
        for (auto& check : outcome.checks) {
            if (!check.ok && check.check == failedCheck) {
                check.detail = keys.error().path + QStringLiteral(" ") + keys.error().message;
            }
        }
        return outcome;
    }
    return verify(config, secrets, keys.value(), request, now, acceptStatus, seen, tokens);
}

bool hasChecks(const VerifyConfig& config)
{
    return config.auth.type != AuthType::None || !config.signatures.isEmpty() || config.jws || config.jwe
           || config.dedupe || config.maxAgeSeconds > 0;
}

QList<QByteArray> secretHeaderNames(const VerifyConfig& config)
{
    QList<QByteArray> names {"authorization", "proxy-authorization", "cookie"};
    const QByteArray authHeader = config.auth.effectiveHeaderName().toLatin1().toLower();
    if (config.auth.type != AuthType::None && !authHeader.isEmpty() && !names.contains(authHeader)) {
        names.append(authHeader);
    }
    return names;
}

QString describeCredentials(QByteArrayView value)
{
    if (isMaskedValue(value)) {
        return QStringLiteral("the masked placeholder %1").arg(Headers::displayValue(value));
    }
    const QByteArray bytes = value.toByteArray();
    const auto [scheme, credentials] = Headers::splitCredentials(bytes);
    const bool token = !scheme.isEmpty() && std::all_of(scheme.cbegin(), scheme.cend(), [](char c) {
        return QByteArrayLiteral("!#$%&'*+-.^_`|~").contains(c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
               || (c >= 'A' && c <= 'Z');
    });
    if (!token || credentials.isEmpty()) {
        return QStringLiteral("a value without an auth scheme (%1)").arg(maskSecret(bytes));
    }
    return QStringLiteral("%1 credentials").arg(Headers::displayValue(scheme, 20));
}

HeaderList maskSecretHeaders(const HeaderList& headers, const QList<QByteArray>& secretNames)
{
    HeaderList out = headers;
    for (auto& [name, value] : out) {
        // A value masked already (a stored request verified again) keeps the tail it kept.
        if (secretNames.contains(name.toLower()) && !isMaskedValue(value)) {
            value = maskSecret(value).toUtf8();
        }
    }
    return out;
}

VerifyOutcome verify(const VerifyConfig& config,
                     const SecretValues& secrets,
                     const JoseKeys& keys,
                     const VerifyRequest& request,
                     const QDateTime& now,
                     int acceptStatus,
                     const SeenPredicate& seen,
                     const TokenCheck& tokens)
{
    VerifyOutcome outcome;
    const qint64 nowUnix = now.toSecsSinceEpoch();

    if (auto auth = checkAuth(config.auth, secrets, request.headers, now, tokens)) {
        outcome.checks.append(*auth);
    }

    for (const auto& signature : config.signatures) {
        const QString name = SignatureVerifier::checkName(signature.scheme);
        QList<QByteArray> values;
        QStringList unresolved;
        for (const QString& reference : signature.secrets) {
            if (auto value = secretValue(secrets, reference)) {
                values.append(*value);
            } else {
                unresolved.append(reference);
            }
        }
        if (!unresolved.isEmpty()) {
            outcome.checks.append(
                failed(name,
                       QStringLiteral("the secret %1 was not resolved").arg(unresolved.join(QStringLiteral(", "))),
                       Unauthorized,
                       NoSignatureMatched));
            continue;
        }
        SignatureVerifyOptions options;
        options.header = signature.header;
        options.encoding = signature.encoding;
        options.prefix = signature.prefix;
        options.toleranceSeconds = signature.toleranceSeconds;
        const SignatureCheck result =
            SignatureVerifier::verify(signature.scheme, options, values, request.headers, request.body, nowUnix);
        outcome.checks.append({result.check,
                               result.ok,
                               result.detail,
                               false,
                               result.ok ? 0 : Unauthorized,
                               result.ok ? QString() : NoSignatureMatched});
    }
    if (config.signatures.isEmpty()) {
        // Nothing to check the signature with: say what it looks like and what would verify it.
        for (const auto& recognised : SignatureVerifier::recognise(request.headers)) {
            VerifyCheck info;
            info.check =
                recognised.scheme ? SignatureVerifier::checkName(*recognised.scheme) : QStringLiteral("signature");
            info.detail = QStringLiteral("not verified: ") + recognised.detail;
            info.informational = true;
            outcome.checks.append(info);
        }
    }

    // The event is what the JOSE layers held once opened and verified; else the body itself.
    const bool jose = config.jwe || config.jws;
    const JoseResult opened =
        jose ? checkJose(config, keys, request.body, nowUnix, outcome) : JoseResult {request.body, true};
    QJsonParseError parseError {};
    const QJsonDocument document =
        opened.decoded ? QJsonDocument::fromJson(opened.payload, &parseError) : QJsonDocument();
    const bool unparsable = opened.decoded && parseError.error != QJsonParseError::NoError;
    const QByteArray contentType = Headers::value(request.headers, "content-type");
    // A body sent as JSON that is not JSON is malformed (400), whatever else is configured; a
    // payload of another type is malformed only when a check needs its JSON (maxAge without a
    // webhook-timestamp header).
    const bool needsJson = config.maxAgeSeconds > 0 && Headers::value(request.headers, "webhook-timestamp").isNull();
    if (unparsable && ((!jose && isJsonContentType(contentType) && !opened.payload.trimmed().isEmpty()) || needsJson)) {
        outcome.checks.append(malformedBody(opened.payload, parseError, jose, contentType, needsJson));
    }
    const QJsonObject body = document.isObject() ? document.object() : QJsonObject();
    if (document.isObject()) {
        if (jose) {
            outcome.event = body;
        } else {
            for (const auto* key : {"id", "type"}) {
                const QJsonValue value = body.value(QLatin1String(key));
                if (value.isString()) {
                    outcome.event.insert(QLatin1String(key), value);
                }
            }
        }
        outcome.eventId = body.value(QStringLiteral("id")).toString();
        outcome.eventType = body.value(QStringLiteral("type")).toString();
    }
    const QByteArray webhookId = Headers::value(request.headers, "webhook-id");
    outcome.dedupeId = !webhookId.isEmpty() ? QString::fromUtf8(webhookId) : outcome.eventId;

    if (config.maxAgeSeconds > 0) {
        outcome.checks.append(checkMaxAge(config.maxAgeSeconds, request.headers, body, nowUnix));
    }

    for (const auto& check : std::as_const(outcome.checks)) {
        if (!check.ok && !check.informational) {
            outcome.accepted = false;
            outcome.status = check.failStatus;
            break;
        }
    }

    if (config.dedupe) {
        const QString source = !webhookId.isEmpty() ? QStringLiteral("webhook-id") : QStringLiteral("JSON id");
        if (!outcome.accepted) {
            outcome.checks.append(pass(QStringLiteral("dedupe"),
                                       QStringLiteral("not looked up: the request is rejected by the checks above")));
        } else if (outcome.dedupeId.isEmpty()) {
            outcome.checks.append(pass(QStringLiteral("dedupe"),
                                       QStringLiteral("no event id (no webhook-id header, no JSON id): every such"
                                                      " request is taken as new")));
        } else if (!seen) {
            outcome.checks.append(pass(QStringLiteral("dedupe"),
                                       QStringLiteral("event id %1 (from %2); duplicates are looked up only while"
                                                      " receiving")
                                           .arg(outcome.dedupeId, source)));
        } else if (seen(outcome.dedupeId)) {
            outcome.duplicate = true;
            outcome.checks.append(pass(QStringLiteral("dedupe"),
                                       QStringLiteral("duplicate: event id %1 (from %2) was processed before;"
                                                      " answered 200 without processing it again")
                                           .arg(outcome.dedupeId, source)));
        } else {
            outcome.checks.append(pass(QStringLiteral("dedupe"),
                                       QStringLiteral("event id %1 (from %2) is new").arg(outcome.dedupeId, source)));
        }
    }

    if (outcome.accepted) {
        outcome.status = outcome.duplicate ? 200 : acceptStatus;
    }
    return outcome;
}

} // namespace RequestVerifier

#include "RequestVerifier.h"

#include "ReceivedRequest.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"
#include "signing/SignatureVerifier.h"

#include <QJsonDocument>

// The order of the checks is the order a careful production endpoint would run them in: who is
// calling (auth), whether the wire bytes are authentic (signatures, over the bytes as received),
// then what the bytes say (JWE, JWS, the event's age), and last whether it was seen before. The
// answer for a rejection is the status of the first check that failed.

namespace {

constexpr int Unauthorized = 401;
constexpr int BadRequest = 400;

VerifyCheck pass(const QString& check, const QString& detail)
{
    return {check, true, detail, false, 0};
}

VerifyCheck failed(const QString& check, const QString& detail, int status)
{
    return {check, false, detail, false, status};
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

// "Basic abc" -> ("Basic", "abc"); the scheme compared case-insensitively (RFC 9110 §11.1).
QPair<QByteArray, QByteArray> splitCredentials(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space < 0) {
        return {trimmed, {}};
    }
    return {trimmed.left(space), trimmed.mid(space + 1).trimmed()};
}

VerifyCheck checkBasic(const AuthConfig& auth, const SecretValues& secrets, const HeaderList& headers)
{
    const QString check = QStringLiteral("auth basic");
    const QString headerName = auth.effectiveHeaderName();
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized);
    }
    const auto [scheme, credentials] = splitCredentials(value);
    if (scheme.compare("Basic", Qt::CaseInsensitive) != 0) {
        return failed(check,
                      QStringLiteral("expected Basic credentials, got %1").arg(QString::fromLatin1(scheme.left(20))),
                      Unauthorized);
    }
    auto decoded = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || credentials.isEmpty()) {
        return failed(check, QStringLiteral("Basic credentials are not valid base64"), Unauthorized);
    }
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0) {
        return failed(
            check, QStringLiteral("Basic credentials have no ':' between user name and password"), Unauthorized);
    }
    const QByteArray user = decoded.decoded.left(colon);
    const QByteArray password = decoded.decoded.mid(colon + 1);
    const auto expected = secretValue(secrets, auth.password);
    if (!expected) {
        return failed(
            check, QStringLiteral("the password reference %1 was not resolved").arg(auth.password), Unauthorized);
    }
    // Both compared, each in constant time, so the time taken does not tell which one differs.
    const bool userOk = Crypto::constantTimeEquals(user, auth.username.toUtf8());
    const bool passwordOk = Crypto::constantTimeEquals(password, *expected);
    if (!userOk) {
        return failed(check,
                      QStringLiteral("Basic credentials are for user %1, expected user %2")
                          .arg(QString::fromUtf8(user), auth.username),
                      Unauthorized);
    }
    if (!passwordOk) {
        return failed(check,
                      QStringLiteral("Basic credentials for user %1 do not match (wrong password %2)")
                          .arg(auth.username, maskSecret(password)),
                      Unauthorized);
    }
    return pass(check, QStringLiteral("Basic credentials for user %1 match").arg(auth.username));
}

VerifyCheck checkBearer(const AuthConfig& auth, const SecretValues& secrets, const HeaderList& headers)
{
    const QString check = QStringLiteral("auth bearer");
    const QString headerName = auth.effectiveHeaderName();
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized);
    }
    const auto [scheme, token] = splitCredentials(value);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0) {
        return failed(check,
                      QStringLiteral("expected Bearer token, got %1").arg(QString::fromLatin1(scheme.left(20))),
                      Unauthorized);
    }
    if (token.isEmpty()) {
        return failed(check, QStringLiteral("Bearer token is empty"), Unauthorized);
    }
    const auto expected = secretValue(secrets, auth.token);
    if (!expected) {
        return failed(check, QStringLiteral("the token reference %1 was not resolved").arg(auth.token), Unauthorized);
    }
    if (!Crypto::constantTimeEquals(token, *expected)) {
        return failed(check,
                      QStringLiteral("Bearer token %1 does not match the configured token %2")
                          .arg(maskSecret(token), maskSecret(*expected)),
                      Unauthorized);
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
        return failed(check, QStringLiteral("%1 header missing").arg(headerName), Unauthorized);
    }
    const auto secret = secretValue(secrets, auth.value);
    if (!secret) {
        return failed(check, QStringLiteral("the value reference %1 was not resolved").arg(auth.value), Unauthorized);
    }
    const QByteArray prefix = apiKey ? auth.prefix.toUtf8() : QByteArray();
    if (!prefix.isEmpty() && !value.startsWith(prefix)) {
        return failed(check,
                      QStringLiteral("%1 value does not start with the prefix \"%2\"").arg(headerName, auth.prefix),
                      Unauthorized);
    }
    const QByteArray received = value.mid(prefix.size());
    if (!Crypto::constantTimeEquals(received, *secret)) {
        QString detail = QStringLiteral("%1 value %2 does not match the configured value %3")
                             .arg(headerName, maskSecret(received), maskSecret(*secret));
        if (Crypto::constantTimeEquals(received.trimmed(), *secret)) {
            detail += QStringLiteral(" (it matches once spaces around it are removed: the sender adds whitespace)");
        }
        return failed(check, detail, Unauthorized);
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
        return tokens(headers, auth.effectiveHeaderName(), now);
    }
    // Never a fake pass: the tokens the receiver issued live only in the running receiver.
    return failed(QStringLiteral("auth oauth2"),
                  QStringLiteral("not checked: only the running receiver that issued a token knows it, so no"
                                 " OAuth 2.0 token can pass offline"),
                  Unauthorized);
}

std::optional<qint64> parseUnix(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

// The event's time, for maxAgeSeconds: the webhook-timestamp header, else the JSON timestamp
// (RFC 3339 text or unix seconds). `source` says which was used.
std::optional<qint64> eventTime(const HeaderList& headers, const QJsonObject& body, QString* source, QString* problem)
{
    const QByteArray header = Headers::value(headers, "webhook-timestamp");
    if (!header.isNull()) {
        if (auto value = parseUnix(header)) {
            *source = QStringLiteral("webhook-timestamp");
            return value;
        }
        *problem =
            QStringLiteral("webhook-timestamp \"%1\" is not unix seconds").arg(QString::fromLatin1(header.left(40)));
        return std::nullopt;
    }
    const QJsonValue timestamp = body.value(QStringLiteral("timestamp"));
    if (timestamp.isDouble()) {
        *source = QStringLiteral("the JSON timestamp");
        return qint64(timestamp.toDouble());
    }
    if (timestamp.isString()) {
        const QDateTime parsed = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
        if (parsed.isValid()) {
            *source = QStringLiteral("the JSON timestamp");
            return parsed.toSecsSinceEpoch();
        }
        *problem =
            QStringLiteral("the JSON timestamp \"%1\" is not an RFC 3339 time").arg(timestamp.toString().left(40));
        return std::nullopt;
    }
    *problem = QStringLiteral("the request has no webhook-timestamp header and the body no JSON timestamp");
    return std::nullopt;
}

VerifyCheck checkMaxAge(qint64 maxAge, const HeaderList& headers, const QJsonObject& body, qint64 now)
{
    const QString check = QStringLiteral("maxAge");
    QString source;
    QString problem;
    const auto time = eventTime(headers, body, &source, &problem);
    if (!time) {
        return failed(check, problem + QStringLiteral(": the event's age cannot be checked"), BadRequest);
    }
    const qint64 age = now - *time;
    if (age > maxAge) {
        return failed(
            check,
            QStringLiteral("event is %1 s old by %2, more than maxAgeSeconds %3").arg(age).arg(source).arg(maxAge),
            BadRequest);
    }
    return pass(check, QStringLiteral("event is %1 s old by %2 (at most %3 allowed)").arg(age).arg(source).arg(maxAge));
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

namespace RequestVerifier {

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

HeaderList maskSecretHeaders(const HeaderList& headers, const QList<QByteArray>& secretNames)
{
    HeaderList out = headers;
    for (auto& [name, value] : out) {
        if (secretNames.contains(name.toLower())) {
            value = maskSecret(value).toUtf8();
        }
    }
    return out;
}

VerifyOutcome verify(const VerifyConfig& config,
                     const SecretValues& secrets,
                     const VerifyRequest& request,
                     const QDateTime& now,
                     int acceptStatus,
                     const SeenPredicate& seen,
                     const TokenCheck& tokens)
{
    VerifyOutcome outcome;
    const qint64 nowUnix = now.toSecsSinceEpoch();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.isObject() ? document.object() : QJsonObject();
    if (document.isObject()) {
        for (const auto* key : {"id", "type"}) {
            const QJsonValue value = body.value(QLatin1String(key));
            if (value.isString()) {
                outcome.event.insert(QLatin1String(key), value);
            }
        }
        outcome.eventId = body.value(QStringLiteral("id")).toString();
        outcome.eventType = body.value(QStringLiteral("type")).toString();
    }
    const QByteArray webhookId = Headers::value(request.headers, "webhook-id");
    outcome.dedupeId = !webhookId.isEmpty() ? QString::fromUtf8(webhookId) : outcome.eventId;

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
                       Unauthorized));
            continue;
        }
        SignatureVerifyOptions options;
        options.header = signature.header;
        options.encoding = signature.encoding;
        options.prefix = signature.prefix;
        options.toleranceSeconds = signature.toleranceSeconds;
        const SignatureCheck result =
            SignatureVerifier::verify(signature.scheme, options, values, request.headers, request.body, nowUnix);
        outcome.checks.append({result.check, result.ok, result.detail, false, result.ok ? 0 : Unauthorized});
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

    // The JOSE work replaces these; until then a configured JWE/JWS can never pass.
    if (config.jwe) {
        outcome.checks.append(failed(
            QStringLiteral("jwe"), QStringLiteral("JWE decryption is not available in this build yet"), BadRequest));
    }
    if (config.jws) {
        outcome.checks.append(failed(QStringLiteral("jws"),
                                     QStringLiteral("JWS verification is not available in this build yet"),
                                     Unauthorized));
    }

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

#include "RequestBuilder.h"

#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"
#include "signing/Signer.h"

#include <QStringDecoder>

#include <QDateTime>
#include <QJsonDocument>

namespace {
QByteArray secretValue(const SecretValues& secrets, const QString& reference)
{
    return secrets.value(reference);
}

QString shellQuote(const QString& text);

// Whether bytes can go on a shell command line as they are: printable UTF-8 text. A NUL cannot be
// in an argument at all, so other bodies are piped in with printf (see toCurl).
bool isPlainText(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return false;
    }
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) || c.unicode() == 0x7f;
    });
}

// printf's format for exactly these bytes, with octal escapes (POSIX printf, dash and bash alike).
QString printfFormat(const QByteArray& bytes)
{
    QString out;
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'' && c != '%') {
            out += QLatin1Char(char(c));
        } else {
            out += QStringLiteral("\\%1").arg(c, 3, 8, QLatin1Char('0'));
        }
    }
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The auth header of the static types (docs/profile-format.md "auth"); empty name for none.
Result<QPair<QByteArray, QByteArray>>
authHeader(const AuthConfig& auth, const SecretValues& secrets, const QByteArray& accessToken)
{
    const QByteArray name = auth.effectiveHeaderName().toLatin1();
    switch (auth.type) {
        case AuthType::None:
            return QPair<QByteArray, QByteArray> {};
        case AuthType::Basic: {
            const QByteArray credentials = auth.username.toUtf8() + ':' + secretValue(secrets, auth.password);
            return QPair<QByteArray, QByteArray> {name, "Basic " + credentials.toBase64()};
        }
        case AuthType::Bearer:
            return QPair<QByteArray, QByteArray> {name, "Bearer " + secretValue(secrets, auth.token)};
        case AuthType::ApiKey:
            return QPair<QByteArray, QByteArray> {name, auth.prefix.toUtf8() + secretValue(secrets, auth.value)};
        case AuthType::Header:
            return QPair<QByteArray, QByteArray> {name, secretValue(secrets, auth.value)};
        case AuthType::OAuth2ClientCredentials:
        case AuthType::OAuth2AuthorizationCode:
            if (accessToken.isEmpty()) {
                return Error(QStringLiteral("OAuth 2.0 is not available in this build yet; use basic, bearer, apiKey"
                                            " or header auth for now"),
                             QStringLiteral("auth.type"));
            }
            return QPair<QByteArray, QByteArray> {name, "Bearer " + accessToken};
        default:
            break;
    }
    return Error(QStringLiteral("this auth type cannot be used to send"), QStringLiteral("auth.type"));
}
} // namespace

QByteArray OutgoingRequest::displayHeaderValue(int index, bool showSecrets) const
{
    const auto& value = headers.at(index).second;
    return showSecrets || !secretHeaderIndexes.contains(index) ? value : maskSecret(value).toUtf8();
}

QString OutgoingRequest::toCurl(bool showSecrets) const
{
    QStringList parts {QStringLiteral("curl"), QStringLiteral("-sS")};
    if (method != "GET") {
        parts << QStringLiteral("-X") << QString::fromLatin1(method);
    }
    for (int i = 0; i < headers.size(); ++i) {
        if (transportHeaderIndexes.contains(i)) {
            continue; // curl sets its own Host, Content-Length and Connection
        }
        const auto value = QString::fromUtf8(displayHeaderValue(i, showSecrets));
        // `Name;` is curl's spelling of a header with an empty value.
        const QString header = value.isEmpty()
                                   ? QString(QString::fromLatin1(headers.at(i).first) + QLatin1Char(';'))
                                   : QString(QString::fromLatin1(headers.at(i).first) + QStringLiteral(": ") + value);
        parts << QStringLiteral("-H") << shellQuote(header);
    }
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
        if (isPlainText(body)) {
            parts << QStringLiteral("--data-binary") << shellQuote(QString::fromUtf8(body));
        } else {
            parts.prepend(QStringLiteral("printf %1 |").arg(printfFormat(body)));
            parts << QStringLiteral("--data-binary") << QStringLiteral("@-");
        }
    }
    parts << shellQuote(url.toString(QUrl::FullyEncoded));
    return parts.join(QLatin1Char(' '));
}

namespace RequestBuilder {

void setTransportHeaders(OutgoingRequest& request)
{
    // Drop the ones set before (a redirect may change host and body), keeping the rest in order.
    HeaderList headers;
    QSet<int> secret;
    QSet<int> credential;
    for (int i = 0; i < request.headers.size(); ++i) {
        if (request.transportHeaderIndexes.contains(i)) {
            continue;
        }
        if (request.secretHeaderIndexes.contains(i)) {
            secret.insert(int(headers.size()));
        }
        if (request.credentialHeaderIndexes.contains(i)) {
            credential.insert(int(headers.size()));
        }
        headers.append(request.headers.at(i));
    }
    const auto shift = [](const QSet<int>& indexes, int by) {
        QSet<int> out;
        for (int i : indexes) {
            out.insert(i + by);
        }
        return out;
    };

    QSet<int> transport;
    int prepended = 0;
    if (!Headers::contains(headers, "Host")) {
        const bool https = request.url.scheme() == QLatin1String("https");
        const int port = request.url.port(https ? 443 : 80);
        QByteArray host = request.url.host(QUrl::FullyEncoded).toLatin1();
        if (host.contains(':')) {
            host = '[' + host + ']';
        }
        if (port != (https ? 443 : 80)) {
            host += ':' + QByteArray::number(port);
        }
        headers.prepend({QByteArrayLiteral("Host"), host});
        transport.insert(0);
        prepended = 1;
    }
    const auto append = [&headers, &transport](const char* name, const QByteArray& value) {
        if (!Headers::contains(headers, name)) {
            transport.insert(int(headers.size()));
            headers.append({QByteArray(name), value});
        }
    };
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
        append("Content-Length", QByteArray::number(request.body.size()));
    }
    append("Connection", QByteArrayLiteral("Keep-Alive"));
    // identity: the response body in the trace is then exactly the bytes that came back.
    append("Accept-Encoding", QByteArrayLiteral("identity"));
    append("Accept-Language", QByteArrayLiteral("*"));

    request.headers = headers;
    request.secretHeaderIndexes = shift(secret, prepended);
    request.credentialHeaderIndexes = shift(credential, prepended);
    request.transportHeaderIndexes = transport;
}

Result<QByteArray>
buildBody(const EndpointProfile& profile, const Event& event, const SecretValues& secrets, qint64 now)
{
    QByteArray body = event.toCompactJson();
    if (profile.jws) {
        const JwsConfig& jws = *profile.jws;
        const bool hmac = jws.alg == QLatin1String("HS256");
        Result<JoseKey> key = hmac ? Result<JoseKey>(JoseKey::fromSecret(secretValue(secrets, jws.secret)))
                                   : JoseKey::fromPem(secretValue(secrets, jws.privateKey));
        const QString keyField = hmac ? QStringLiteral("jws.secret") : QStringLiteral("jws.privateKey");
        if (!key) {
            return Error(key.error().message, keyField);
        }
        QJsonObject claims = event.object();
        for (auto it = jws.claims.begin(); it != jws.claims.end(); ++it) {
            claims.insert(it.key(), it.value());
        }
        if (jws.expiresInSeconds > 0) {
            const qint64 iat = now >= 0 ? now : QDateTime::currentSecsSinceEpoch();
            claims.insert(QStringLiteral("iat"), iat);
            claims.insert(QStringLiteral("exp"), iat + jws.expiresInSeconds);
        }
        QJsonObject header {{QStringLiteral("alg"), jws.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        if (!jws.kid.isEmpty()) {
            header.insert(QStringLiteral("kid"), jws.kid);
        }
        auto token = Jws::signCompact(header, QJsonDocument(claims).toJson(QJsonDocument::Compact), key.value());
        if (!token) {
            return Error(token.error().message, keyField);
        }
        body = token.value();
    }
    if (profile.jwe) {
        const JweConfig& jwe = *profile.jwe;
        // A public key is no secret: a file: reference or the PEM itself, never the keychain.
        const SecretRef reference = SecretRef::parse(jwe.publicKey);
        if (reference.kind == SecretRef::Kind::Keychain) {
            return Error(QStringLiteral("a public key is not kept in the keychain; give a file: reference or the PEM"),
                         QStringLiteral("jwe.publicKey"));
        }
        auto pem = reference.resolveLocal(profile.baseDir);
        if (!pem) {
            return Error(pem.error().message, QStringLiteral("jwe.publicKey"));
        }
        auto recipient = JoseKey::fromPem(pem.value());
        if (!recipient) {
            return Error(recipient.error().message, QStringLiteral("jwe.publicKey"));
        }
        Jwe::EncryptOptions options;
        options.alg = jwe.alg;
        options.enc = jwe.enc;
        options.kid = jwe.kid;
        options.cty = profile.jws ? QStringLiteral("JWT") : QString();
        auto token = Jwe::encryptCompact(body, recipient.value(), options);
        if (!token) {
            return Error(token.error().message, QStringLiteral("jwe.publicKey"));
        }
        body = token.value();
    }
    return body;
}

Result<OutgoingRequest> build(const EndpointProfile& profile,
                              const SecretValues& secrets,
                              const Event& event,
                              const QByteArray& body,
                              qint64 now,
                              const QByteArray& accessToken)
{
    OutgoingRequest request;
    request.method = profile.method.toLatin1();
    request.url = profile.url;
    request.body = body;

    const auto add = [&request](const QByteArray& name,
                                const QByteArray& value,
                                const QString& where,
                                bool secret,
                                bool credential) -> Result<void> {
        if (auto ok = Headers::validate(name, value, where); !ok) {
            return ok.error();
        }
        if (secret) {
            request.secretHeaderIndexes.insert(int(request.headers.size()));
        }
        if (credential) {
            request.credentialHeaderIndexes.insert(int(request.headers.size()));
        }
        request.headers.append({name, value});
        return {};
    };

    bool userSetContentType = false;
    bool userSetUserAgent = false;
    for (const auto& [name, value] : profile.headers) {
        userSetContentType |= name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        userSetUserAgent |= name.compare(QLatin1String("User-Agent"), Qt::CaseInsensitive) == 0;
    }
    // A JOSE body has its own media type (RFC 7515 9.2.1, RFC 7516 9.1); the user's header still wins.
    const QString contentType = profile.jwe   ? QStringLiteral("application/jose")
                                : profile.jws ? QStringLiteral("application/jwt")
                                              : profile.contentType;
    if (!userSetContentType && !contentType.isEmpty()) {
        if (auto ok = add("Content-Type", contentType.toUtf8(), QStringLiteral("contentType"), false, false); !ok) {
            return ok.error();
        }
    }
    if (!userSetUserAgent) {
        request.headers.append({QByteArrayLiteral("User-Agent"), QByteArray(UserAgent)});
    }
    for (const auto& [name, value] : profile.headers) {
        if (auto ok = add(name.toUtf8(), value.toUtf8(), QStringLiteral("headers.") + name, false, false); !ok) {
            return ok.error();
        }
    }

    const auto auth = authHeader(profile.auth, secrets, accessToken);
    if (!auth) {
        return auth.error();
    }
    if (!auth->first.isEmpty()) {
        // The path names the field the value came from, which is where the user has to look.
        const QString field = profile.auth.type == AuthType::Basic    ? QStringLiteral("auth.password")
                              : profile.auth.type == AuthType::Bearer ? QStringLiteral("auth.token")
                                                                      : QStringLiteral("auth.value");
        if (auto ok = add(auth->first, auth->second, field, true, true); !ok) {
            return ok.error();
        }
    }

    const SignatureInput input {body, event.id(), now};
    for (int i = 0; i < profile.signatures.size(); ++i) {
        const auto& config = profile.signatures.at(i);
        const auto headers = Signer::sign(config, secretValue(secrets, config.secret), input, i);
        if (!headers) {
            return headers.error();
        }
        for (const auto& [name, value] : headers.value()) {
            if (auto ok = add(name, value, QStringLiteral("signatures[%1]").arg(i), false, true); !ok) {
                return ok.error();
            }
        }
    }
    setTransportHeaders(request);
    return request;
}

} // namespace RequestBuilder

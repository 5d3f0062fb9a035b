#include "TokenEndpoint.h"

#include "jose/JoseKey.h"
#include "jose/Jwks.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"
#include "util/Headers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 ForgetEverySecs = 60;

// application/x-www-form-urlencoded (RFC 6749 Appendix B): '+' is a space, then %XX.
QByteArray formDecode(QByteArray raw)
{
    raw.replace('+', ' ');
    return QByteArray::fromPercentEncoding(raw);
}

// "type/subtype; name=value; name="quoted value"" -> the lower-case type and the parameters
// (names lower-case). Quoted strings may hold ';' and backslash escapes (RFC 9110 §5.6.4).
QByteArray parseParameters(const QByteArray& text, QHash<QByteArray, QByteArray>* parameters)
{
    const qsizetype semicolon = text.indexOf(';');
    const QByteArray type = (semicolon < 0 ? text : text.left(semicolon)).trimmed().toLower();
    qsizetype pos = semicolon < 0 ? text.size() : semicolon + 1;
    while (pos < text.size()) {
        while (pos < text.size() && (text.at(pos) == ' ' || text.at(pos) == '\t' || text.at(pos) == ';')) {
            ++pos;
        }
        const qsizetype equals = text.indexOf('=', pos);
        if (equals < 0) {
            break;
        }
        const QByteArray name = text.mid(pos, equals - pos).trimmed().toLower();
        pos = equals + 1;
        QByteArray value;
        if (pos < text.size() && text.at(pos) == '"') {
            ++pos;
            while (pos < text.size() && text.at(pos) != '"') {
                if (text.at(pos) == '\\' && pos + 1 < text.size()) {
                    ++pos;
                }
                value += text.at(pos++);
            }
            ++pos; // the closing quote
        } else {
            const qsizetype end = text.indexOf(';', pos);
            value = text.mid(pos, end < 0 ? -1 : end - pos).trimmed();
            pos = end < 0 ? text.size() : end;
        }
        parameters->insert(name, value);
    }
    return type;
}

QList<TokenEndpoint::FormField> parseUrlEncoded(const QByteArray& body)
{
    QList<TokenEndpoint::FormField> fields;
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0) {
            end = body.size();
        }
        if (end > start) {
            qsizetype equals = body.indexOf('=', start);
            if (equals < 0 || equals > end) {
                equals = end;
            }
            TokenEndpoint::FormField field;
            field.name = QString::fromUtf8(formDecode(body.mid(start, equals - start)));
            field.offset = std::min(equals + 1, end);
            field.length = end - field.offset;
            field.value = formDecode(body.mid(field.offset, field.length));
            fields.append(field);
        }
        start = end + 1;
    }
    return fields;
}

// RFC 7578 (and RFC 2046 §5.1.1 for the framing): parts between "--boundary" lines, each with
// a Content-Disposition: form-data; name="..." header.
Result<QList<TokenEndpoint::FormField>> parseMultipart(const QByteArray& boundary, const QByteArray& body)
{
    const QByteArray delimiter = "--" + boundary;
    const QByteArray nextDelimiter = "\r\n" + delimiter;
    qsizetype pos = 0;
    if (!body.startsWith(delimiter)) {
        pos = body.indexOf(nextDelimiter);
        if (pos < 0) {
            return Error(QStringLiteral("the multipart/form-data body holds no boundary line --%1")
                             .arg(Headers::displayValue(boundary, 70)));
        }
        pos += 2; // a preamble before the first boundary is ignored
    }
    QList<TokenEndpoint::FormField> fields;
    for (;;) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            return fields; // the closing boundary; an epilogue after it is ignored
        }
        while (pos < body.size() && (body.at(pos) == ' ' || body.at(pos) == '\t')) {
            ++pos; // transport padding
        }
        if (body.mid(pos, 2) != "\r\n") {
            return Error(QStringLiteral("a multipart boundary line does not end with CRLF"));
        }
        pos += 2;
        qsizetype contentStart = 0;
        QByteArray head;
        if (body.mid(pos, 2) == "\r\n") {
            contentStart = pos + 2; // a part without header lines
        } else {
            const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
            if (headEnd < 0) {
                return Error(QStringLiteral("a multipart part's header lines never end (no empty line)"));
            }
            head = body.mid(pos, headEnd - pos);
            contentStart = headEnd + 4;
        }
        const qsizetype contentEnd = body.indexOf(nextDelimiter, contentStart);
        if (contentEnd < 0) {
            return Error(QStringLiteral("the multipart/form-data body ends before its closing boundary --%1--")
                             .arg(Headers::displayValue(boundary, 70)));
        }
        QByteArray name;
        bool formData = false;
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0 || line.left(colon).trimmed().toLower() != "content-disposition") {
                continue;
            }
            QHash<QByteArray, QByteArray> parameters;
            formData = parseParameters(line.mid(colon + 1).trimmed(), &parameters) == "form-data";
            name = parameters.value("name");
        }
        if (!formData || name.isEmpty()) {
            return Error(QStringLiteral("a multipart part has no Content-Disposition: form-data; name=\"...\" header"));
        }
        TokenEndpoint::FormField field;
        field.name = QString::fromUtf8(name);
        field.offset = contentStart;
        field.length = contentEnd - contentStart;
        field.value = body.mid(field.offset, field.length);
        fields.append(field);
        pos = contentEnd + 2;
    }
}

HttpResponse jsonResponse(int status, const QJsonObject& json)
{
    HttpResponse response;
    response.status = status;
    // RFC 6749 §5.1: token answers must never be cached.
    response.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8")},
                        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
                        {QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")}};
    response.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return response;
}

std::optional<qint64> numericClaim(const QJsonObject& claims, const QString& name)
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        return std::nullopt;
    }
    return qint64(std::floor(value.toDouble()));
}

QString quoted(const QString& text)
{
    return QLatin1Char('"') + text.left(200) + QLatin1Char('"');
}

} // namespace

TokenEndpoint::TokenEndpoint(TokenEndpointConfig config, QByteArray clientSecret)
    : m_config(std::move(config))
{
    const auto clients = m_config.allClients();
    for (qsizetype i = 0; i < clients.size(); ++i) {
        const TokenClientConfig& client = clients.at(i);
        m_clients.append(Client {client.clientId,
                                 i == 0 ? clientSecret : QByteArray(),
                                 client.clientAuth,
                                 {},
                                 client.tlsSubjectDn,
                                 client.tlsSan});
    }
}

Result<std::unique_ptr<TokenEndpoint>> TokenEndpoint::create(const TokenEndpointConfig& config,
                                                             const SecretValues& secrets)
{
    auto endpoint = std::make_unique<TokenEndpoint>(config, QByteArray());
    const auto clients = config.allClients();
    for (qsizetype i = 0; i < clients.size(); ++i) {
        const TokenClientConfig& entry = clients.at(i);
        Client& client = endpoint->m_clients[i];
        client.secret = secrets.value(entry.clientSecret);
        const QString where =
            i == 0 ? QStringLiteral("tokenEndpoint") : QStringLiteral("tokenEndpoint.clients[%1]").arg(i - 1);
        if (!entry.publicKey.isEmpty()) {
            auto key = JoseKey::fromPem(secrets.value(entry.publicKey));
            if (!key) {
                return Error(key.error().message, where + QStringLiteral(".publicKey"));
            }
            if (key->type() == JoseKey::Type::Secret) {
                return Error(QStringLiteral("must be a public key or certificate (PEM)"),
                             where + QStringLiteral(".publicKey"));
            }
            client.keys.append(key.value());
        }
        if (!entry.jwks.isEmpty()) {
            auto keys = Jwks::parse(secrets.value(entry.jwks));
            if (!keys) {
                return Error(keys.error().message, where + QStringLiteral(".jwks"));
            }
            for (const JoseKey& key : keys.value()) {
                if (key.type() != JoseKey::Type::Secret) {
                    client.keys.append(key); // a shared key in the set never checks a private_key_jwt
                }
            }
            if (client.keys.isEmpty()) {
                return Error(QStringLiteral("holds no public key"), where + QStringLiteral(".jwks"));
            }
        }
    }
    return endpoint;
}

const TokenEndpoint::Client* TokenEndpoint::findClient(const QString& id) const
{
    for (const Client& client : m_clients) {
        if (client.id == id) {
            return &client;
        }
    }
    return nullptr;
}

QString TokenEndpoint::clientIds() const
{
    QStringList ids;
    for (const Client& client : m_clients) {
        ids << client.id;
    }
    if (ids.size() == 1) {
        return QStringLiteral("client ") + ids.first();
    }
    const QString last = ids.takeLast();
    return QStringLiteral("clients ") + ids.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

QList<TokenEndpoint::Audience> TokenEndpoint::acceptedAudiences(const QString& receiverUrl,
                                                                const QByteArray& host) const
{
    // This receiver as the client saw it (its Host header), and as the receiver knows itself.
    const QUrl own(receiverUrl);
    QStringList bases;
    if (!host.isEmpty()) {
        bases << own.scheme() + QStringLiteral("://") + QString::fromUtf8(host);
    }
    bases << receiverUrl;
    bases.removeDuplicates();
    QList<Audience> out;
    for (const QString& entry : m_config.audiences) {
        if (entry == u"tokenUrl") {
            for (const QString& base : std::as_const(bases)) {
                out.append({base + m_config.path, false, entry});
            }
        } else if (entry == u"issuer") {
            for (const QString& base : std::as_const(bases)) {
                out.append({base, false, entry});
                out.append({base + QLatin1Char('/'), false, entry});
            }
        } else if (entry == u"webhookUrl") {
            for (const QString& base : std::as_const(bases)) {
                out.append({base, true, entry});
            }
        } else if (entry.startsWith(QLatin1Char('/'))) {
            for (const QString& base : std::as_const(bases)) {
                out.append({base + entry, false, entry});
            }
        } else {
            out.append({entry, false, QString()});
        }
    }
    return out;
}

Result<QList<TokenEndpoint::FormField>> TokenEndpoint::parseBody(const QByteArray& contentType, const QByteArray& body)
{
    QHash<QByteArray, QByteArray> parameters;
    const QByteArray type = parseParameters(contentType, &parameters);
    if (type == "application/x-www-form-urlencoded") {
        return parseUrlEncoded(body);
    }
    if (type == "multipart/form-data") {
        const QByteArray boundary = parameters.value("boundary");
        if (boundary.isEmpty() || boundary.size() > 70) {
            return Error(QStringLiteral("Content-Type multipart/form-data needs a boundary parameter of 1 to 70"
                                        " characters"));
        }
        return parseMultipart(boundary, body);
    }
    if (type.isEmpty()) {
        return Error(QStringLiteral("the request has no Content-Type: send the parameters as"
                                    " application/x-www-form-urlencoded (RFC 6749 §4.4.2) or multipart/form-data"));
    }
    return Error(QStringLiteral("Content-Type %1 is not a form: send the parameters as"
                                " application/x-www-form-urlencoded (RFC 6749 §4.4.2) or multipart/form-data")
                     .arg(Headers::displayValue(type, 80)));
}

QByteArray TokenEndpoint::maskFields(const QByteArray& body, const QList<FormField>& fields, const QStringList& names)
{
    QList<FormField> secret;
    for (const auto& field : fields) {
        if (names.contains(field.name)) {
            secret.append(field);
        }
    }
    std::sort(secret.begin(), secret.end(), [](const FormField& a, const FormField& b) { return a.offset > b.offset; });
    QByteArray out = body;
    for (const auto& field : std::as_const(secret)) {
        out.replace(field.offset, field.length, maskSecret(field.value).toUtf8());
    }
    return out;
}

void TokenEndpoint::forget(const QDateTime& now)
{
    if (m_lastForget.isValid() && m_lastForget.secsTo(now) < ForgetEverySecs) {
        return;
    }
    m_lastForget = now;
    const QDateTime forgetBefore = now.addSecs(-ExpiredMemorySecs);
    m_issued.removeIf([&](const auto& entry) { return entry.value().expiresAt < forgetBefore; });
    const qint64 nowUnix = now.toSecsSinceEpoch();
    m_seenJti.removeIf([&](const auto& entry) { return entry.value() < nowUnix; });
}

TokenEndpoint::Answer TokenEndpoint::handle(const VerifyRequest& request,
                                            const QString& query,
                                            const QString& receiverUrl,
                                            const QDateTime& now,
                                            const TlsSessionInfo& tls)
{
    forget(now);
    static const QStringList secretFields {
        QStringLiteral("client_secret"), QStringLiteral("client_assertion"), QStringLiteral("password")};
    Answer answer;
    answer.maskedBody = request.body;
    const QByteArray rawQuery = query.toUtf8();
    const auto queryFields = parseUrlEncoded(rawQuery);
    answer.maskedQuery = QString::fromUtf8(maskFields(rawQuery, queryFields, secretFields));
    answer.check.check = QStringLiteral("token endpoint");

    const auto refuse = [&answer](const Refusal& refusal) {
        answer.response = jsonResponse(refusal.status,
                                       QJsonObject {{QStringLiteral("error"), refusal.error},
                                                    {QStringLiteral("error_description"), refusal.description}});
        if (refusal.status == 401) {
            // RFC 6749 §5.2: invalid_client is answered 401 with the scheme the client may use.
            answer.response.headers.append(
                {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"hookbench token endpoint\"")});
        }
        if (refusal.status == 405) {
            answer.response.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        }
        answer.check.ok = false;
        answer.check.failStatus = refusal.status;
        answer.check.detail = refusal.error + QStringLiteral(": ") + refusal.description;
        return answer;
    };
    // A body the endpoint cannot read may still hold a secret: it is not stored when it looks so.
    const auto withhold = [&answer, &request] {
        const QByteArray lower = request.body.toLower();
        if (lower.contains("secret") || lower.contains("assertion") || lower.contains("password")) {
            answer.maskedBody = QByteArrayLiteral("[not stored: ") + QByteArray::number(request.body.size())
                                + QByteArrayLiteral(" bytes the token endpoint could not read as a form; they may"
                                                    " hold a secret]");
        }
    };

    if (request.method != u"POST") {
        withhold();
        return refuse({405,
                       QStringLiteral("invalid_request"),
                       QStringLiteral("the token endpoint takes POST (RFC 6749 §3.2), not %1").arg(request.method)});
    }
    auto fields = parseBody(Headers::value(request.headers, "content-type"), request.body);
    if (!fields) {
        withhold();
        return refuse({400, QStringLiteral("invalid_request"), fields.error().message});
    }
    answer.maskedBody = maskFields(request.body, fields.value(), secretFields);

    QHash<QString, QByteArray> form;
    for (const auto& field : std::as_const(fields.value())) {
        if (form.contains(field.name)) {
            return refuse({400,
                           QStringLiteral("invalid_request"),
                           QStringLiteral("%1 is given more than once: RFC 6749 §3.2 allows each parameter once")
                               .arg(field.name)});
        }
        form.insert(field.name, field.value);
    }

    const QList<Audience> audiences = acceptedAudiences(receiverUrl, Headers::value(request.headers, "host"));

    QString method;
    QString clientId;
    if (auto refusal = authenticate(request, form, audiences, now, tls, &method, &clientId)) {
        if (refusal->error == u"invalid_client") {
            if (std::any_of(queryFields.cbegin(), queryFields.cend(), [](const FormField& field) {
                    return field.name == u"client_secret" || field.name == u"client_assertion";
                })) {
                refusal->description += QStringLiteral(" (credentials in the query string are ignored: RFC 6749"
                                                       " §2.3.1 wants them in the body)");
            }
        }
        return refuse(*refusal);
    }

    const QString grantType = QString::fromUtf8(form.value(QStringLiteral("grant_type")));
    if (!form.contains(QStringLiteral("grant_type"))) {
        return refuse({400,
                       QStringLiteral("invalid_request"),
                       QStringLiteral("grant_type is missing: send grant_type=client_credentials")});
    }
    if (grantType != u"client_credentials") {
        return refuse({400,
                       QStringLiteral("unsupported_grant_type"),
                       QStringLiteral("grant_type %1 is not supported: this token endpoint issues client_credentials"
                                      " tokens only")
                           .arg(quoted(grantType))});
    }

    const QByteArray token =
        Crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString scope = QString::fromUtf8(form.value(QStringLiteral("scope")));
    m_issued.insert(Crypto::sha256(token), {now.addSecs(m_config.expiresIn), scope, clientId});
    QJsonObject json {{QStringLiteral("access_token"), QString::fromLatin1(token)},
                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                      {QStringLiteral("expires_in"), m_config.expiresIn}};
    if (!scope.isEmpty()) {
        json.insert(QStringLiteral("scope"), scope);
    }
    answer.response = jsonResponse(200, json);
    answer.check.ok = true;
    answer.check.detail = QStringLiteral("issued token %1 to client %2 (client auth %3), expires in %4 s")
                              .arg(maskSecret(token), clientId, method)
                              .arg(m_config.expiresIn);
    if (!scope.isEmpty()) {
        answer.check.detail += QStringLiteral(", scope %1").arg(quoted(scope));
    }
    return answer;
}

std::optional<TokenEndpoint::Refusal> TokenEndpoint::authenticate(const VerifyRequest& request,
                                                                  const QHash<QString, QByteArray>& form,
                                                                  const QList<Audience>& audiences,
                                                                  const QDateTime& now,
                                                                  const TlsSessionInfo& tls,
                                                                  QString* method,
                                                                  QString* clientId)
{
    const QString invalidClient = QStringLiteral("invalid_client");
    const QString invalidRequest = QStringLiteral("invalid_request");
    const QByteArray authorization = Headers::value(request.headers, "authorization");
    QStringList used;
    if (!authorization.isNull()) {
        used.append(QStringLiteral("an Authorization header"));
    }
    if (form.contains(QStringLiteral("client_secret"))) {
        used.append(QStringLiteral("client_secret"));
    }
    if (form.contains(QStringLiteral("client_assertion")) || form.contains(QStringLiteral("client_assertion_type"))) {
        used.append(QStringLiteral("a client_assertion"));
    }
    QStringList allForms;
    for (const Client& client : m_clients) {
        for (const QString& form : client.auth) {
            if (!allForms.contains(form)) {
                allForms << form;
            }
        }
    }
    const QString allowed = allForms.join(QStringLiteral(", "));
    if (used.size() > 1) {
        return Refusal {400,
                        invalidRequest,
                        QStringLiteral("the request authenticates the client in more than one way (%1): RFC 6749"
                                       " §2.3 allows exactly one")
                            .arg(used.join(QStringLiteral(", ")))};
    }
    const bool bodyHasId = form.contains(QStringLiteral("client_id"));
    const QByteArray bodyId = form.value(QStringLiteral("client_id"));
    const auto notEnabled = [&](const Client& client, const QString& form) {
        return Refusal {401,
                        invalidClient,
                        QStringLiteral("client authentication %1 is not enabled on this token endpoint for client %2"
                                       " (its clientAuth allows %3)")
                            .arg(form, client.id, client.auth.join(QStringLiteral(", ")))};
    };
    const auto unknown = [&](const QByteArray& id, const QString& where) {
        return Refusal {401,
                        invalidClient,
                        QStringLiteral("unknown client id %1%2; this token endpoint serves %3")
                            .arg(quoted(QString::fromUtf8(id)), where, clientIds())};
    };
    if (used.isEmpty()) {
        // RFC 8705 §2: a tls_client_auth client names itself with client_id and proves it with its
        // certificate.
        *method = QStringLiteral("tlsClientAuth");
        const Client* client = bodyHasId ? findClient(QString::fromUtf8(bodyId)) : nullptr;
        if (bodyHasId && !client) {
            return unknown(bodyId, QString());
        }
        if (!client || !client->auth.contains(*method)) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("no client authentication: this token endpoint takes %1 (Basic header,"
                                           " client_id and client_secret in the body, a client_assertion, or"
                                           " client_id with a TLS client certificate)")
                                .arg(allowed)};
        }
        *clientId = client->id;
        return checkCertificate(*client, tls);
    }

    if (!authorization.isNull()) {
        *method = QStringLiteral("basic");
        const auto [scheme, credentials] = Headers::splitCredentials(authorization);
        if (scheme.compare("Basic", Qt::CaseInsensitive) != 0) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("the Authorization header holds %1; the token endpoint takes"
                                           " Basic client credentials")
                                .arg(RequestVerifier::describeCredentials(authorization))};
        }
        if (!allForms.contains(*method)) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("client authentication basic is not enabled on this token endpoint"
                                           " (tokenEndpoint.clientAuth allows %1)")
                                .arg(allowed)};
        }
        auto decoded = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || credentials.isEmpty()) {
            return Refusal {401, invalidClient, QStringLiteral("the Basic credentials are not valid base64")};
        }
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (colon < 0) {
            return Refusal {
                401, invalidClient, QStringLiteral("the Basic credentials have no ':' between client id and secret")};
        }
        // RFC 6749 §2.3.1: id and secret were form-urlencoded before Base64.
        const QByteArray rawId = decoded.decoded.left(colon);
        const QByteArray rawSecret = decoded.decoded.mid(colon + 1);
        const QByteArray id = formDecode(rawId);
        const QByteArray secret = formDecode(rawSecret);
        const Client* client = findClient(QString::fromUtf8(id));
        if (!client) {
            return unknown(id, QStringLiteral(" in the Basic credentials"));
        }
        if (!client->auth.contains(*method)) {
            return notEnabled(*client, *method);
        }
        *clientId = client->id;
        if (!Crypto::constantTimeEquals(secret, client->secret)) {
            QString description =
                QStringLiteral("wrong client secret %1 for client %2").arg(maskSecret(secret), client->id);
            if (Crypto::constantTimeEquals(rawSecret, client->secret)) {
                description += QStringLiteral(" (it matches before form-urldecoding: the client left out the"
                                              " RFC 6749 §2.3.1 encoding of id and secret)");
            }
            return Refusal {401, invalidClient, description};
        }
        if (bodyHasId && bodyId != id) {
            return Refusal {400,
                            invalidRequest,
                            QStringLiteral("client_id %1 in the body is not the client %2 of the Basic credentials")
                                .arg(quoted(QString::fromUtf8(bodyId)), client->id)};
        }
        return std::nullopt;
    }

    if (form.contains(QStringLiteral("client_secret"))) {
        *method = QStringLiteral("post");
        if (!allForms.contains(*method)) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("client authentication post is not enabled on this token endpoint"
                                           " (tokenEndpoint.clientAuth allows %1)")
                                .arg(allowed)};
        }
        if (!bodyHasId) {
            return Refusal {400, invalidRequest, QStringLiteral("client_secret is given without client_id")};
        }
        const Client* client = findClient(QString::fromUtf8(bodyId));
        if (!client) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("unknown client_id %1; this token endpoint serves %2")
                                .arg(quoted(QString::fromUtf8(bodyId)), clientIds())};
        }
        if (!client->auth.contains(*method)) {
            return notEnabled(*client, *method);
        }
        *clientId = client->id;
        const QByteArray secret = form.value(QStringLiteral("client_secret"));
        if (!Crypto::constantTimeEquals(secret, client->secret)) {
            return Refusal {401,
                            invalidClient,
                            QStringLiteral("wrong client_secret %1 for client %2").arg(maskSecret(secret), client->id)};
        }
        return std::nullopt;
    }

    *method = QStringLiteral("jwt");
    const QByteArray assertionType = form.value(QStringLiteral("client_assertion_type"));
    if (assertionType != JwtBearerType) {
        return Refusal {
            400,
            invalidRequest,
            assertionType.isEmpty()
                ? QStringLiteral("client_assertion_type is missing: it must be %1").arg(QLatin1String(JwtBearerType))
                : QStringLiteral("client_assertion_type %1 is not supported: it must be %2")
                      .arg(quoted(QString::fromUtf8(assertionType)), QLatin1String(JwtBearerType))};
    }
    const QByteArray assertion = form.value(QStringLiteral("client_assertion"));
    if (assertion.isEmpty()) {
        return Refusal {400, invalidRequest, QStringLiteral("client_assertion_type is given without client_assertion")};
    }
    return checkAssertion(assertion, form, audiences, now, method, clientId);
}

std::optional<TokenEndpoint::Refusal> TokenEndpoint::checkCertificate(const Client& client,
                                                                      const TlsSessionInfo& tls) const
{
    const auto refused = [](const QString& description) {
        return Refusal {401, QStringLiteral("invalid_client"), description};
    };
    if (!tls.encrypted) {
        return refused(QStringLiteral("client %1 authenticates with its TLS client certificate (tlsClientAuth), but"
                                      " this request came without TLS: send it to the receiver's https:// URL")
                           .arg(client.id));
    }
    if (!tls.clientCertificate || tls.clientCertificate->isNull()) {
        return refused(QStringLiteral("client %1 authenticates with its TLS client certificate (tlsClientAuth), but"
                                      " the connection presented none")
                           .arg(client.id));
    }
    const CertificateInfo& certificate = *tls.clientCertificate;
    if (!tls.clientCertificateVerified) {
        return refused(QStringLiteral("the TLS client certificate (subject %1, issuer %2) does not chain to the"
                                      " receiver's tls.clientCa: RFC 8705 §2.1 trusts only certificates from it")
                           .arg(certificate.subject, certificate.issuer));
    }
    if (!client.subjectDn.isEmpty()) {
        // RFC 8705 §2.1.2: the subject DN compared as RFC 4514 strings (both as OpenSSL prints them).
        const auto normalised = [](QString dn) {
            return dn.remove(QLatin1Char(' ')).toLower();
        };
        if (normalised(certificate.subject) != normalised(client.subjectDn)) {
            return refused(QStringLiteral("the TLS client certificate's subject is %1; client %2 is known by subject"
                                          " %3 (tlsSubjectDn)")
                               .arg(quoted(certificate.subject), client.id, quoted(client.subjectDn)));
        }
        return std::nullopt;
    }
    // tlsSan: "DNS:name" or a bare value matched against every subjectAltName's value.
    const bool typed =
        client.san.contains(QLatin1Char(':'))
        && QStringList {QStringLiteral("DNS"), QStringLiteral("URI"), QStringLiteral("IP"), QStringLiteral("email")}
               .contains(client.san.section(QLatin1Char(':'), 0, 0));
    for (const QString& name : certificate.subjectAltNames) {
        if (typed ? name == client.san : name.section(QLatin1Char(':'), 1) == client.san) {
            return std::nullopt;
        }
    }
    return refused(QStringLiteral("the TLS client certificate's subjectAltNames are %1; client %2 is known by %3"
                                  " (tlsSan)")
                       .arg(certificate.subjectAltNames.isEmpty()
                                ? QStringLiteral("none")
                                : certificate.subjectAltNames.join(QStringLiteral(", ")),
                            client.id,
                            quoted(client.san)));
}

std::optional<TokenEndpoint::Refusal> TokenEndpoint::checkAssertion(const QByteArray& assertion,
                                                                    const QHash<QString, QByteArray>& form,
                                                                    const QList<Audience>& acceptedAudiences,
                                                                    const QDateTime& now,
                                                                    QString* method,
                                                                    QString* clientId)
{
    const auto refused = [](const QString& description) {
        return Refusal {401, QStringLiteral("invalid_client"), description};
    };
    // RFC 7523 §3: signature first, then the claims (nothing unverified is believed). Which
    // client's key checks it comes from client_id, else the (unverified) sub or iss.
    auto parts = Jws::parseCompact(assertion);
    if (!parts) {
        return refused(QStringLiteral("the client_assertion is not a compact JWT: %1").arg(parts.error().message));
    }
    const QString alg = parts->header.value(QStringLiteral("alg")).toString();
    const QJsonObject unverified = QJsonDocument::fromJson(parts->payload).object();
    QString named = QString::fromUtf8(form.value(QStringLiteral("client_id")));
    if (named.isEmpty()) {
        named = unverified.value(QStringLiteral("sub")).toString();
    }
    if (named.isEmpty() || !findClient(named)) {
        const QString iss = unverified.value(QStringLiteral("iss")).toString();
        if (findClient(iss)) {
            named = iss;
        }
    }
    // With one client, its checks explain what is wrong with the claims.
    const Client* client = findClient(named);
    if (!client && m_clients.size() == 1) {
        client = &m_clients.first();
    }
    if (!client) {
        return refused(QStringLiteral("the client assertion names no client this token endpoint serves (client_id"
                                      " %1, sub %2); it serves %3")
                           .arg(quoted(QString::fromUtf8(form.value(QStringLiteral("client_id")))),
                                quoted(unverified.value(QStringLiteral("sub")).toString()),
                                clientIds()));
    }
    *clientId = client->id;
    if (alg == u"HS256") {
        *method = QStringLiteral("jwt");
        if (!client->auth.contains(*method)) {
            return refused(QStringLiteral("the client assertion is signed HS256 (client_secret_jwt); client %1 is not"
                                          " set up for it (its clientAuth allows %2)")
                               .arg(client->id, client->auth.join(QStringLiteral(", "))));
        }
        auto verified = Jws::verifyCompact(assertion, {JoseKey::fromSecret(client->secret)}, {QStringLiteral("HS256")});
        if (!verified) {
            return refused(QStringLiteral("the client assertion's signature does not verify with the client secret of"
                                          " %1 (%2)")
                               .arg(client->id, verified.error().message));
        }
    } else {
        *method = QStringLiteral("privateKeyJwt");
        static const QStringList asymmetric {
            QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
        if (!client->auth.contains(*method) || client->keys.isEmpty()) {
            return refused(QStringLiteral("the client assertion is signed %1, which is private_key_jwt; client %2 is"
                                          " not set up for it (its clientAuth allows %3; give it a publicKey or"
                                          " jwks)")
                               .arg(alg, client->id, client->auth.join(QStringLiteral(", "))));
        }
        if (!asymmetric.contains(alg)) {
            return refused(QStringLiteral("the client assertion is signed %1; private_key_jwt assertions here are"
                                          " signed RS256, PS256, ES256 or EdDSA")
                               .arg(alg));
        }
        auto verified = Jws::verifyCompact(assertion, client->keys, asymmetric);
        if (!verified) {
            return refused(QStringLiteral("the client assertion's %1 signature does not verify with the public key of"
                                          " %2 (%3)")
                               .arg(alg, client->id, verified.error().message));
        }
    }
    const QJsonDocument document = QJsonDocument::fromJson(parts->payload);
    if (!document.isObject()) {
        return refused(QStringLiteral("the client assertion's payload is not a JSON object of claims"));
    }
    const QJsonObject claims = document.object();

    for (const auto* name : {"iss", "sub"}) {
        const QJsonValue value = claims.value(QLatin1String(name));
        if (!value.isString()) {
            return refused(QStringLiteral("the client assertion has no %1 claim: it must be the client id %2")
                               .arg(QLatin1String(name), client->id));
        }
        if (value.toString() != client->id) {
            return refused(QStringLiteral("the client assertion's %1 is %2; it must be the client id %3")
                               .arg(QLatin1String(name), quoted(value.toString()), client->id));
        }
    }
    if (form.contains(QStringLiteral("client_id"))
        && QString::fromUtf8(form.value(QStringLiteral("client_id"))) != client->id) {
        return refused(QStringLiteral("client_id %1 in the body is not the assertion's client %2")
                           .arg(quoted(QString::fromUtf8(form.value(QStringLiteral("client_id")))), client->id));
    }

    // aud: one string or an array of them (RFC 7519 §4.1.3); one must be accepted here.
    QStringList audiences;
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    if (aud.isString()) {
        audiences.append(aud.toString());
    } else if (aud.isArray()) {
        for (const auto& entry : aud.toArray()) {
            audiences.append(entry.toString());
        }
    }
    QStringList accepted;
    for (const Audience& audience : acceptedAudiences) {
        const QString text =
            audience.anyPath ? QStringLiteral("any URL under %1/").arg(audience.value) : audience.value;
        accepted << (audience.why.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, audience.why));
    }
    accepted.removeDuplicates();
    const bool defaults = m_config.audiences == QStringList {QStringLiteral("tokenUrl")};
    const QString expected = defaults ? QStringLiteral("it must be this token endpoint's URL, %1")
                                            .arg(QStringList(accepted)
                                                     .replaceInStrings(QStringLiteral(" (tokenUrl)"), QString())
                                                     .join(QStringLiteral(" or ")))
                                      : QStringLiteral("this endpoint accepts %1 (tokenEndpoint.audiences)")
                                            .arg(accepted.join(QStringLiteral(", ")));
    if (audiences.isEmpty()) {
        return refused(QStringLiteral("the client assertion has no aud claim: %1").arg(expected));
    }
    const auto accepts = [&acceptedAudiences](const QString& value) {
        return std::any_of(acceptedAudiences.cbegin(), acceptedAudiences.cend(), [&value](const Audience& audience) {
            return audience.anyPath ? value.startsWith(audience.value + QLatin1Char('/')) : value == audience.value;
        });
    };
    if (std::none_of(audiences.cbegin(), audiences.cend(), accepts)) {
        return refused(QStringLiteral("the client assertion's aud is %1; %2")
                           .arg(quoted(audiences.join(QStringLiteral(", "))), expected));
    }

    const qint64 nowUnix = now.toSecsSinceEpoch();
    const auto exp = numericClaim(claims, QStringLiteral("exp"));
    if (!exp) {
        return refused(QStringLiteral("the client assertion has no numeric exp claim"));
    }
    if (nowUnix >= *exp + ClockLeewaySecs) {
        return refused(QStringLiteral("the client assertion expired %1 s ago (exp %2, %3 s leeway)")
                           .arg(nowUnix - *exp)
                           .arg(*exp)
                           .arg(ClockLeewaySecs));
    }
    const auto iat = numericClaim(claims, QStringLiteral("iat"));
    if (!iat) {
        return refused(QStringLiteral("the client assertion has no numeric iat claim"));
    }
    if (*iat > nowUnix + ClockLeewaySecs) {
        return refused(QStringLiteral("the client assertion's iat is %1 s in the future: the client's clock runs"
                                      " ahead (%2 s leeway)")
                           .arg(*iat - nowUnix)
                           .arg(ClockLeewaySecs));
    }
    if (claims.contains(QStringLiteral("nbf"))) {
        const auto nbf = numericClaim(claims, QStringLiteral("nbf"));
        if (!nbf || *nbf > nowUnix + ClockLeewaySecs) {
            return refused(
                nbf ? QStringLiteral("the client assertion is not valid before nbf, %1 s from now").arg(*nbf - nowUnix)
                    : QStringLiteral("the client assertion's nbf is not a number"));
        }
    }
    const QString jti = claims.value(QStringLiteral("jti")).toString();
    if (jti.isEmpty()) {
        return refused(QStringLiteral("the client assertion has no jti: this token endpoint needs one to refuse"
                                      " replayed assertions"));
    }
    const QString key = client->id + QLatin1Char('\n') + jti;
    if (m_seenJti.contains(key)) {
        return refused(QStringLiteral("the client assertion's jti %1 was used before (a replay): every token request"
                                      " needs a fresh assertion")
                           .arg(quoted(jti)));
    }
    // Remembered as long as the assertion would pass the exp check.
    m_seenJti.insert(key, std::max(*exp, nowUnix) + ClockLeewaySecs);
    return std::nullopt;
}

VerifyCheck
TokenEndpoint::checkAccessToken(const HeaderList& headers, const QString& headerName, const QDateTime& now) const
{
    VerifyCheck check;
    check.check = QStringLiteral("auth oauth2");
    check.failStatus = 401;
    // The sender may read these refusals (publicReason): they hold only what it sent (its own
    // token, masked) and the token's state, nothing of the receiver's configured secrets, and
    // "expired" against "not issued" is what a sender testing its token refresh needs to see.
    const QByteArray value = Headers::value(headers, headerName.toLatin1());
    if (value.isNull()) {
        check.detail = QStringLiteral("no Bearer token: %1 header missing").arg(headerName);
        check.publicReason = check.detail;
        return check;
    }
    const auto [scheme, token] = Headers::splitCredentials(value);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0) {
        check.detail =
            QStringLiteral("no Bearer token: %1 holds %2").arg(headerName, RequestVerifier::describeCredentials(value));
        check.publicReason = check.detail;
        return check;
    }
    if (token.isEmpty()) {
        check.detail = QStringLiteral("no Bearer token: the Bearer token is empty");
        check.publicReason = check.detail;
        return check;
    }
    const auto issued = m_issued.constFind(Crypto::sha256(token));
    if (issued == m_issued.cend()) {
        check.detail = QStringLiteral("token %1 not issued by this receiver (its token endpoint %2 keeps the tokens it"
                                      " issued in memory: a restarted receiver knows none)")
                           .arg(maskSecret(token), m_config.path);
        check.publicReason = check.detail;
        return check;
    }
    const qint64 left = now.secsTo(issued->expiresAt);
    if (now >= issued->expiresAt) {
        check.detail = QStringLiteral("token %1 expired %2 s ago").arg(maskSecret(token)).arg(-left);
        check.publicReason = check.detail;
        return check;
    }
    check.ok = true;
    check.failStatus = 0;
    check.detail = QStringLiteral("token %1 issued by this receiver to client %2, valid for %3 s more")
                       .arg(maskSecret(token), issued->clientId)
                       .arg(left);
    return check;
}

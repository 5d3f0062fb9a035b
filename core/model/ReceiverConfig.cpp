#include "ReceiverConfig.h"

#include "ModelJson.h"

#include <QFileInfo>
#include <QJsonArray>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace ModelJson;

namespace {

const QStringList& schemeNames()
{
    static const QStringList names {
        u"hmac-sha256"_s, u"github"_s, u"shopify"_s, u"standard-webhooks"_s, u"stripe"_s, u"slack"_s};
    return names;
}

// A year: longer tolerances or ages are surely a typo for something else.
constexpr qint64 YearSeconds = 31536000;
// Ten minutes: an answer delayed longer is a hung server, not a test of one.
constexpr int MaxDelayMs = 600000;

void readStatus(Object& object, const QString& key, int& out)
{
    object.integer(key, out, 100, 599);
}

std::optional<ReceiverTlsConfig> readTls(Object& object)
{
    ReceiverTlsConfig tls;
    object.allowKeys({u"cert"_s, u"key"_s, u"clientCa"_s, u"requireClientCert"_s, u"selfSigned"_s});
    object.nonEmptyString(u"cert"_s, tls.cert);
    object.nonEmptyString(u"key"_s, tls.key);
    object.nonEmptyString(u"clientCa"_s, tls.clientCa);
    object.boolean(u"requireClientCert"_s, tls.requireClientCert);
    object.boolean(u"selfSigned"_s, tls.selfSigned);
    if (object.failed()) {
        return tls;
    }
    if (tls.selfSigned) {
        if (!tls.cert.isEmpty() || !tls.key.isEmpty()) {
            object.fail(tls.cert.isEmpty() ? u"key"_s : u"cert"_s,
                        u"cannot be combined with selfSigned: true (a certificate is made at start); remove one"_s);
        }
    } else {
        object.require(u"cert"_s, u"(or set selfSigned: true to make a certificate at start)"_s);
        object.require(u"key"_s, u"for the certificate in cert"_s);
    }
    if (!object.failed() && tls.requireClientCert && tls.clientCa.isEmpty()) {
        object.fail(u"clientCa"_s, u"is required with requireClientCert (the CA client certificates must chain to)"_s);
    }
    return tls;
}

QJsonObject tlsToJson(const ReceiverTlsConfig& tls)
{
    QJsonObject out;
    const auto put = [&out](const QString& key, const QString& value) {
        if (!value.isEmpty()) {
            out.insert(key, value);
        }
    };
    put(u"cert"_s, tls.cert);
    put(u"key"_s, tls.key);
    put(u"clientCa"_s, tls.clientCa);
    if (tls.requireClientCert) {
        out.insert(u"requireClientCert"_s, true);
    }
    if (tls.selfSigned) {
        out.insert(u"selfSigned"_s, true);
    }
    return out;
}

ResponseConfig readResponse(Object& object)
{
    ResponseConfig response;
    object.allowKeys({u"status"_s, u"headers"_s, u"body"_s, u"delayMs"_s, u"statusSequence"_s, u"drop"_s});
    readStatus(object, u"status"_s, response.status);
    object.pairs(u"headers"_s, response.headers, true);
    object.string(u"body"_s, response.body);
    object.integer(u"delayMs"_s, response.delayMs, 0, MaxDelayMs);
    if (const auto list = object.array(u"statusSequence"_s)) {
        for (qsizetype i = 0; i < list->size() && !object.failed(); ++i) {
            const QJsonValue item = list->at(i);
            const double number = item.toDouble(-1);
            if (!item.isDouble() || number != std::trunc(number) || number < 100 || number > 599) {
                object.failAt(indexPath(object.path(u"statusSequence"_s), i),
                              u"must be an HTTP status from 100 to 599, not %1"_s.arg(
                                  item.isDouble() ? QString::number(number) : typeName(item)));
                break;
            }
            response.statusSequence.append(int(number));
        }
    }
    object.boolean(u"drop"_s, response.drop);
    return response;
}

QJsonObject responseToJson(const ResponseConfig& response)
{
    const ResponseConfig defaults;
    QJsonObject out;
    if (response.status != defaults.status) {
        out.insert(u"status"_s, response.status);
    }
    if (!response.headers.isEmpty()) {
        out.insert(u"headers"_s, pairsToJson(response.headers));
    }
    if (!response.body.isEmpty()) {
        out.insert(u"body"_s, response.body);
    }
    if (response.delayMs != defaults.delayMs) {
        out.insert(u"delayMs"_s, response.delayMs);
    }
    if (!response.statusSequence.isEmpty()) {
        QJsonArray list;
        for (int status : response.statusSequence) {
            list.append(status);
        }
        out.insert(u"statusSequence"_s, list);
    }
    if (response.drop) {
        out.insert(u"drop"_s, true);
    }
    return out;
}

SignatureVerifyConfig readSignature(Object& entry)
{
    SignatureVerifyConfig config;
    QString schemeText;
    if (!entry.require(u"scheme"_s, u"(one of "_s + schemeNames().join(u", "_s) + u')')) {
        return config;
    }
    entry.oneOf(u"scheme"_s, schemeText, schemeNames());
    if (entry.failed()) {
        return config;
    }
    config.scheme = *SignatureConfig::schemeFromName(schemeText);
    QStringList keys {u"scheme"_s, u"secrets"_s, u"secret"_s};
    if (SignatureVerifyConfig::isTimestamped(config.scheme)) {
        keys << u"toleranceSeconds"_s;
    }
    if (config.scheme == SignatureScheme::HmacSha256) {
        keys << u"header"_s << u"encoding"_s << u"prefix"_s;
    }
    if (!entry.allowKeys(keys)) {
        return config;
    }
    // `secret` (one) is accepted as a shorthand for `secrets` (the list kept for rotation).
    if (entry.has(u"secret"_s) && entry.has(u"secrets"_s)) {
        entry.fail(u"secret"_s, u"give either secret or secrets, not both"_s);
    }
    if (!entry.has(u"secret"_s)) {
        entry.require(u"secrets"_s, u"for the "_s + schemeText + u" scheme (a list of secret references)"_s);
    }
    QString single;
    entry.nonEmptyString(u"secret"_s, single);
    if (!single.isEmpty()) {
        config.secrets = {single};
    }
    entry.stringList(u"secrets"_s, config.secrets);
    if (!entry.failed() && config.secrets.isEmpty()) {
        entry.fail(u"secrets"_s, u"must list at least one secret"_s);
    }
    for (qsizetype i = 0; i < config.secrets.size() && !entry.failed(); ++i) {
        if (config.secrets[i].isEmpty()) {
            entry.failAt(indexPath(entry.path(u"secrets"_s), i), u"must not be empty"_s);
        }
    }
    entry.integer(u"toleranceSeconds"_s, config.toleranceSeconds, 0, YearSeconds);
    entry.headerName(u"header"_s, config.header);
    QString encoding;
    entry.oneOf(u"encoding"_s, encoding, {u"hex"_s, u"base64"_s});
    config.encoding = encoding == u"base64"_s ? SignatureConfig::Encoding::Base64 : SignatureConfig::Encoding::Hex;
    entry.headerValue(u"prefix"_s, config.prefix);
    return config;
}

QJsonObject signatureToJson(const SignatureVerifyConfig& config)
{
    const SignatureVerifyConfig defaults;
    QJsonObject out {{u"scheme"_s, SignatureConfig::schemeName(config.scheme)},
                     {u"secrets"_s, QJsonArray::fromStringList(config.secrets)}};
    if (SignatureVerifyConfig::isTimestamped(config.scheme) && config.toleranceSeconds != defaults.toleranceSeconds) {
        out.insert(u"toleranceSeconds"_s, config.toleranceSeconds);
    }
    if (config.scheme == SignatureScheme::HmacSha256) {
        if (!config.header.isEmpty()) {
            out.insert(u"header"_s, config.header);
        }
        if (config.encoding == SignatureConfig::Encoding::Base64) {
            out.insert(u"encoding"_s, u"base64"_s);
        }
        if (!config.prefix.isEmpty()) {
            out.insert(u"prefix"_s, config.prefix);
        }
    }
    return out;
}

JwsVerifyConfig readJws(Object& object)
{
    JwsVerifyConfig jws;
    object.allowKeys({u"publicKey"_s, u"secret"_s, u"jwks"_s, u"jwksUrl"_s});
    object.nonEmptyString(u"publicKey"_s, jws.publicKey);
    object.nonEmptyString(u"secret"_s, jws.secret);
    object.nonEmptyString(u"jwks"_s, jws.jwks);
    object.httpUrl(u"jwksUrl"_s, jws.jwksUrl);
    if (!object.failed() && jws.publicKey.isEmpty() && jws.secret.isEmpty() && jws.jwks.isEmpty()
        && jws.jwksUrl.isEmpty()) {
        object.fail(u"publicKey"_s,
                    u"is required: give publicKey (PEM), secret (HS256), jwks (a file) or jwksUrl to check"
                    " signatures with"_s);
    }
    return jws;
}

QJsonObject jwsToJson(const JwsVerifyConfig& jws)
{
    QJsonObject out;
    const auto put = [&out](const QString& key, const QString& value) {
        if (!value.isEmpty()) {
            out.insert(key, value);
        }
    };
    put(u"publicKey"_s, jws.publicKey);
    put(u"secret"_s, jws.secret);
    put(u"jwks"_s, jws.jwks);
    put(u"jwksUrl"_s, jws.jwksUrl);
    return out;
}

VerifyConfig readVerify(Reader& reader, Object& object)
{
    VerifyConfig verify;
    object.allowKeys({u"auth"_s, u"signatures"_s, u"jws"_s, u"jwe"_s, u"dedupe"_s, u"maxAgeSeconds"_s});
    if (!object.failed()) {
        verify.auth = readAuth(reader, object.json().value(u"auth"_s), object.path(u"auth"_s), AuthUse::Verify);
    }
    if (const auto list = object.array(u"signatures"_s)) {
        for (qsizetype i = 0; i < list->size() && !reader.failed(); ++i) {
            if (auto entry = reader.object(list->at(i), indexPath(object.path(u"signatures"_s), i))) {
                verify.signatures.append(readSignature(*entry));
            }
        }
    }
    if (auto jws = object.object(u"jws"_s)) {
        verify.jws = readJws(*jws);
    }
    if (auto jwe = object.object(u"jwe"_s)) {
        JweVerifyConfig config;
        jwe->allowKeys({u"privateKey"_s});
        jwe->require(u"privateKey"_s, u"(the PEM private key the payload is encrypted to)"_s);
        jwe->nonEmptyString(u"privateKey"_s, config.privateKey);
        verify.jwe = config;
    }
    object.boolean(u"dedupe"_s, verify.dedupe);
    object.integer(u"maxAgeSeconds"_s, verify.maxAgeSeconds, 0, 100 * YearSeconds);
    return verify;
}

QJsonObject verifyToJson(const VerifyConfig& verify)
{
    QJsonObject out;
    if (verify.auth.type != AuthType::None) {
        out.insert(u"auth"_s, authToJson(verify.auth));
    }
    if (!verify.signatures.isEmpty()) {
        QJsonArray list;
        for (const auto& signature : verify.signatures) {
            list.append(signatureToJson(signature));
        }
        out.insert(u"signatures"_s, list);
    }
    if (verify.jws) {
        out.insert(u"jws"_s, jwsToJson(*verify.jws));
    }
    if (verify.jwe) {
        out.insert(u"jwe"_s, QJsonObject {{u"privateKey"_s, verify.jwe->privateKey}});
    }
    if (verify.dedupe) {
        out.insert(u"dedupe"_s, true);
    }
    if (verify.maxAgeSeconds != 0) {
        out.insert(u"maxAgeSeconds"_s, verify.maxAgeSeconds);
    }
    return out;
}

// The keys of one token endpoint client, at the top of the block or in `clients`.
const QStringList TokenClientKeys {u"clientId"_s,
                                   u"clientSecret"_s,
                                   u"clientAuth"_s,
                                   u"publicKey"_s,
                                   u"jwks"_s,
                                   u"tlsSubjectDn"_s,
                                   u"tlsSan"_s};

TokenClientConfig readTokenClient(Object& object)
{
    TokenClientConfig client;
    object.require(u"clientId"_s, u"for the token endpoint (the client it issues tokens to)"_s);
    object.nonEmptyString(u"clientId"_s, client.clientId);
    object.nonEmptyString(u"clientSecret"_s, client.clientSecret);
    object.nonEmptyString(u"publicKey"_s, client.publicKey);
    object.nonEmptyString(u"jwks"_s, client.jwks);
    object.nonEmptyString(u"tlsSubjectDn"_s, client.tlsSubjectDn);
    object.nonEmptyString(u"tlsSan"_s, client.tlsSan);
    const QStringList methods {u"basic"_s, u"post"_s, u"jwt"_s, u"privateKeyJwt"_s, u"tlsClientAuth"_s};
    const QString listed = u"basic, post, jwt, privateKeyJwt, tlsClientAuth"_s;
    if (const auto list = object.array(u"clientAuth"_s)) {
        QStringList chosen;
        for (qsizetype i = 0; i < list->size() && !object.failed(); ++i) {
            const QString method = list->at(i).toString();
            if (!list->at(i).isString() || !methods.contains(method)) {
                object.failAt(indexPath(object.path(u"clientAuth"_s), i),
                              u"must be one of %1, not %2"_s.arg(
                                  listed, list->at(i).isString() ? u'"' + method + u'"' : typeName(list->at(i))));
                break;
            }
            if (!chosen.contains(method)) {
                chosen += method;
            }
        }
        if (!object.failed() && chosen.isEmpty()) {
            object.fail(u"clientAuth"_s, u"must list at least one of %1"_s.arg(listed));
        }
        client.clientAuth = chosen;
    } else {
        // Not given: what the client's secret, keys and certificate allow.
        client.clientAuth.clear();
        if (!client.clientSecret.isEmpty()
            || (client.publicKey.isEmpty() && client.jwks.isEmpty() && client.tlsSubjectDn.isEmpty()
                && client.tlsSan.isEmpty())) {
            client.clientAuth = {u"basic"_s, u"post"_s, u"jwt"_s};
        }
        if (!client.publicKey.isEmpty() || !client.jwks.isEmpty()) {
            client.clientAuth += u"privateKeyJwt"_s;
        }
        if (!client.tlsSubjectDn.isEmpty() || !client.tlsSan.isEmpty()) {
            client.clientAuth += u"tlsClientAuth"_s;
        }
    }
    if (object.failed()) {
        return client;
    }
    const bool secretForm = client.clientAuth.contains(u"basic"_s) || client.clientAuth.contains(u"post"_s)
                            || client.clientAuth.contains(u"jwt"_s);
    if (secretForm && client.clientSecret.isEmpty()) {
        object.fail(u"clientSecret"_s,
                    u"is required: clientAuth basic, post and jwt check the client's secret (a secret reference such"
                    " as env:CLIENT_SECRET)"_s);
    } else if (client.clientAuth.contains(u"privateKeyJwt"_s) && client.publicKey.isEmpty() && client.jwks.isEmpty()) {
        object.fail(u"publicKey"_s,
                    u"is required: clientAuth privateKeyJwt checks the assertion with the client's public key"
                    " (file:client.pub.pem) or a JWKS (jwks: file:client.jwks.json)"_s);
    } else if (client.clientAuth.contains(u"tlsClientAuth"_s)
               && client.tlsSubjectDn.isEmpty() == client.tlsSan.isEmpty()) {
        object.fail(client.tlsSubjectDn.isEmpty() ? u"tlsSubjectDn"_s : u"tlsSan"_s,
                    u"clientAuth tlsClientAuth identifies the client by exactly one of tlsSubjectDn (its certificate's"
                    " subject, such as CN=sender,O=Acme) and tlsSan (a DNS name, URI, IP address or e-mail of its"
                    " subjectAltName), RFC 8705 §2.1.2"_s);
    }
    return client;
}

TokenEndpointConfig readTokenEndpoint(Reader& reader, Object& object)
{
    TokenEndpointConfig config;
    object.allowKeys(TokenClientKeys + QStringList {u"path"_s, u"expiresIn"_s, u"clients"_s, u"audiences"_s});
    object.string(u"path"_s, config.path);
    if (!object.failed() && !config.path.startsWith(u'/')) {
        object.fail(u"path"_s, u"must start with '/', such as /oauth2/token"_s);
    }
    const TokenClientConfig first = readTokenClient(object);
    config.clientId = first.clientId;
    config.clientSecret = first.clientSecret;
    config.clientAuth = first.clientAuth;
    config.publicKey = first.publicKey;
    config.jwks = first.jwks;
    config.tlsSubjectDn = first.tlsSubjectDn;
    config.tlsSan = first.tlsSan;
    if (const auto list = object.array(u"clients"_s)) {
        QStringList ids {config.clientId};
        for (qsizetype i = 0; i < list->size() && !reader.failed(); ++i) {
            if (auto entry = reader.object(list->at(i), indexPath(object.path(u"clients"_s), i))) {
                entry->allowKeys(TokenClientKeys);
                const TokenClientConfig client = readTokenClient(*entry);
                if (!entry->failed() && ids.contains(client.clientId)) {
                    entry->fail(u"clientId"_s,
                                u"\"%1\" is given to two clients: each needs its own"_s.arg(client.clientId));
                }
                ids += client.clientId;
                config.clients.append(client);
            }
        }
    }
    if (object.has(u"audiences"_s)) {
        object.stringList(u"audiences"_s, config.audiences);
        if (!object.failed() && (config.audiences.isEmpty() || config.audiences.contains(QString()))) {
            object.fail(u"audiences"_s,
                        u"must list the aud values a client assertion may carry: tokenUrl, issuer, webhookUrl, a"
                        " /path on this receiver, or a literal string or URL"_s);
        }
    }
    object.integer(u"expiresIn"_s, config.expiresIn, 1, YearSeconds);
    return config;
}

void tokenClientToJson(QJsonObject& out, const TokenClientConfig& client)
{
    out.insert(u"clientId"_s, client.clientId);
    const auto put = [&out](const QString& key, const QString& value) {
        if (!value.isEmpty()) {
            out.insert(key, value);
        }
    };
    put(u"clientSecret"_s, client.clientSecret);
    put(u"publicKey"_s, client.publicKey);
    put(u"jwks"_s, client.jwks);
    put(u"tlsSubjectDn"_s, client.tlsSubjectDn);
    put(u"tlsSan"_s, client.tlsSan);
    if (client.clientAuth != TokenClientConfig {}.clientAuth) {
        out.insert(u"clientAuth"_s, QJsonArray::fromStringList(client.clientAuth));
    }
}

QJsonObject tokenEndpointToJson(const TokenEndpointConfig& config)
{
    const TokenEndpointConfig defaults;
    QJsonObject out;
    tokenClientToJson(out, config.allClients().first());
    if (config.path != defaults.path) {
        out.insert(u"path"_s, config.path);
    }
    if (!config.clients.isEmpty()) {
        QJsonArray clients;
        for (const auto& client : config.clients) {
            QJsonObject entry;
            tokenClientToJson(entry, client);
            clients.append(entry);
        }
        out.insert(u"clients"_s, clients);
    }
    if (config.audiences != defaults.audiences) {
        out.insert(u"audiences"_s, QJsonArray::fromStringList(config.audiences));
    }
    if (config.expiresIn != defaults.expiresIn) {
        out.insert(u"expiresIn"_s, config.expiresIn);
    }
    return out;
}

JwksServeConfig readJwksServe(Object& object)
{
    JwksServeConfig config;
    object.allowKeys({u"path"_s, u"serve"_s, u"decryptionKey"_s, u"kid"_s});
    object.string(u"path"_s, config.path);
    if (!object.failed() && !config.path.startsWith(u'/')) {
        object.fail(u"path"_s, u"must start with '/', such as /.well-known/jwks.json"_s);
    }
    object.nonEmptyString(u"serve"_s, config.serve);
    object.boolean(u"decryptionKey"_s, config.decryptionKey);
    object.nonEmptyString(u"kid"_s, config.kid);
    if (!object.failed() && config.serve.isEmpty() && !config.decryptionKey) {
        object.fail(u"serve"_s,
                    u"is required: give serve (a JWKS file such as file:keys.json) or decryptionKey: true (the public"
                    " part of verify.jwe.privateKey)"_s);
    }
    if (!object.failed() && !config.kid.isEmpty() && !config.decryptionKey) {
        object.fail(u"kid"_s, u"names the decryption key's kid: it needs decryptionKey: true"_s);
    }
    return config;
}

QJsonObject jwksServeToJson(const JwksServeConfig& config)
{
    const JwksServeConfig defaults;
    QJsonObject out;
    if (config.path != defaults.path) {
        out.insert(u"path"_s, config.path);
    }
    if (!config.serve.isEmpty()) {
        out.insert(u"serve"_s, config.serve);
    }
    if (config.decryptionKey) {
        out.insert(u"decryptionKey"_s, true);
    }
    if (!config.kid.isEmpty()) {
        out.insert(u"kid"_s, config.kid);
    }
    return out;
}

LimitsConfig readLimits(Object& object)
{
    LimitsConfig limits;
    object.allowKeys(
        {u"maxBodyBytes"_s, u"maxHeaderBytes"_s, u"headerTimeoutMs"_s, u"maxConnections"_s, u"maxBufferedBodyBytes"_s});
    object.integer(u"maxBodyBytes"_s, limits.maxBodyBytes, 1);
    object.integer(u"maxHeaderBytes"_s, limits.maxHeaderBytes, 1);
    object.integer(u"headerTimeoutMs"_s, limits.headerTimeoutMs, 1);
    object.integer(u"maxConnections"_s, limits.maxConnections, 1);
    object.integer(u"maxBufferedBodyBytes"_s, limits.maxBufferedBodyBytes, 1);
    // Only a value the user wrote is held against maxBodyBytes: a config written before this limit
    // existed, with a body limit above its default, still loads (the receiver then buffers at
    // least one body of the allowed size).
    if (!object.failed() && object.has(u"maxBufferedBodyBytes"_s)
        && limits.maxBufferedBodyBytes < limits.maxBodyBytes) {
        object.fail(u"maxBufferedBodyBytes"_s,
                    u"must be at least maxBodyBytes (%1), or a body of the allowed size could never be received"_s.arg(
                        limits.maxBodyBytes));
    }
    return limits;
}

QJsonObject limitsToJson(const LimitsConfig& limits)
{
    const LimitsConfig defaults;
    QJsonObject out;
    if (limits.maxBodyBytes != defaults.maxBodyBytes) {
        out.insert(u"maxBodyBytes"_s, limits.maxBodyBytes);
    }
    if (limits.maxHeaderBytes != defaults.maxHeaderBytes) {
        out.insert(u"maxHeaderBytes"_s, limits.maxHeaderBytes);
    }
    if (limits.headerTimeoutMs != defaults.headerTimeoutMs) {
        out.insert(u"headerTimeoutMs"_s, limits.headerTimeoutMs);
    }
    if (limits.maxConnections != defaults.maxConnections) {
        out.insert(u"maxConnections"_s, limits.maxConnections);
    }
    if (limits.maxBufferedBodyBytes != defaults.maxBufferedBodyBytes) {
        out.insert(u"maxBufferedBodyBytes"_s, limits.maxBufferedBodyBytes);
    }
    return out;
}

} // namespace

SignatureConfig SignatureVerifyConfig::toSignatureConfig(const QString& secret) const
{
    SignatureConfig config;
    config.scheme = scheme;
    config.secret = secret;
    config.header = header;
    config.encoding = encoding;
    config.prefix = prefix;
    return config;
}

bool SignatureVerifyConfig::isTimestamped(SignatureScheme scheme)
{
    return scheme == SignatureScheme::StandardWebhooks || scheme == SignatureScheme::Stripe
           || scheme == SignatureScheme::Slack;
}

Result<QPair<QHostAddress, quint16>> ReceiverConfig::parseListen(const QString& text)
{
    const QString path = u"listen"_s;
    const QString example = u"must be HOST:PORT, such as 127.0.0.1:8787, [::1]:8787 or *:8787"_s;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        return Error(example + u", not \""_s + text + u'"', path);
    }
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    bool portOk = false;
    const uint port = portText.toUInt(&portOk);
    if (!portOk || port > 65535 || portText.startsWith(u'+')) {
        return Error(u"port \"%1\" must be a number from 0 to 65535 (0 picks a free port)"_s.arg(portText), path);
    }
    QHostAddress address;
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            return Error(u"\"[%1]\" is not an IPv6 address"_s.arg(host), path);
        }
    } else if (host == u"*"_s) {
        address = QHostAddress(QHostAddress::Any);
    } else if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        address = QHostAddress(QHostAddress::LocalHost);
    } else if (host.contains(u':')) {
        return Error(u"write an IPv6 address in brackets, such as [::1]:8787"_s, path);
    } else if (!address.setAddress(host)) {
        return Error(u"host \"%1\" must be an IP address of this machine, localhost or * (every interface)"_s.arg(host),
                     path);
    }
    return QPair<QHostAddress, quint16>(address, quint16(port));
}

QString ReceiverConfig::listenString() const
{
    QString host;
    if (listenAddress == QHostAddress(QHostAddress::Any)) {
        host = u"*"_s;
    } else if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol) {
        host = u'[' + listenAddress.toString() + u']';
    } else {
        host = listenAddress.toString();
    }
    return host + u':' + QString::number(listenPort);
}

Result<ReceiverConfig> ReceiverConfig::fromJson(const QByteArray& json, const QString& fileName)
{
    const auto parsed = parseObject(json, fileName);
    if (!parsed) {
        return parsed.error();
    }
    Reader reader(fileName);
    Object root(reader, parsed.value(), {});
    ReceiverConfig config;

    requireFormat(root,
                  QString::fromLatin1(Format),
                  u"a receiver configuration"_s,
                  u"hookbench.endpoint"_s,
                  u"an endpoint profile"_s);
    root.allowKeys({u"format"_s,
                    u"listen"_s,
                    u"tls"_s,
                    u"response"_s,
                    u"verify"_s,
                    u"tokenEndpoint"_s,
                    u"jwks"_s,
                    u"limits"_s,
                    u"forwardTo"_s});

    QString listen;
    root.string(u"listen"_s, listen);
    if (!root.failed() && root.has(u"listen"_s)) {
        const auto parsedListen = parseListen(listen);
        if (!parsedListen) {
            root.fail(u"listen"_s, parsedListen.error().message);
        } else {
            config.listenAddress = parsedListen->first;
            config.listenPort = parsedListen->second;
        }
    }
    if (auto tls = root.object(u"tls"_s)) {
        config.tls = readTls(*tls);
    }
    if (auto response = root.object(u"response"_s)) {
        config.response = readResponse(*response);
    }
    if (auto verify = root.object(u"verify"_s)) {
        config.verify = readVerify(reader, *verify);
    }
    if (auto tokenEndpoint = root.object(u"tokenEndpoint"_s)) {
        config.tokenEndpoint = readTokenEndpoint(reader, *tokenEndpoint);
    }
    if (auto jwks = root.object(u"jwks"_s)) {
        config.jwks = readJwksServe(*jwks);
    }
    if (auto limits = root.object(u"limits"_s)) {
        config.limits = readLimits(*limits);
    }
    root.httpUrl(u"forwardTo"_s, config.forwardTo);

    if (!reader.failed() && config.verify.auth.type == AuthType::OAuth2 && !config.tokenEndpoint) {
        reader.fail(u"verify.auth.type"_s,
                    u"oauth2 accepts only tokens this receiver's own token endpoint issued: add a tokenEndpoint"
                    " block"_s);
    }
    if (!reader.failed() && config.jwks && config.jwks->decryptionKey && !config.verify.jwe) {
        reader.fail(u"jwks.decryptionKey"_s,
                    u"serves the public part of verify.jwe.privateKey: add verify.jwe, or give a JWKS file in"
                    " jwks.serve"_s);
    }
    if (!reader.failed() && config.tokenEndpoint && (!config.tls || config.tls->clientCa.isEmpty())) {
        const auto clients = config.tokenEndpoint->allClients();
        for (qsizetype i = 0; i < clients.size(); ++i) {
            if (clients.at(i).clientAuth.contains(u"tlsClientAuth"_s)) {
                reader.fail(i == 0 ? u"tokenEndpoint.clientAuth"_s
                                   : indexPath(u"tokenEndpoint.clients"_s, i - 1) + u".clientAuth"_s,
                            u"tlsClientAuth identifies clients by their TLS certificate: the receiver needs tls with a"
                            " clientCa that issued them"_s);
                break;
            }
        }
    }
    if (!reader.failed() && config.jwks && config.tokenEndpoint && config.jwks->path == config.tokenEndpoint->path) {
        reader.fail(u"jwks.path"_s, u"is the token endpoint's path too; give each its own path"_s);
    }
    if (reader.failed()) {
        return reader.error();
    }
    return config;
}

Result<ReceiverConfig> ReceiverConfig::load(const QString& path)
{
    return loadJsonFile<ReceiverConfig>(path);
}

QJsonObject ReceiverConfig::toJson() const
{
    const ReceiverConfig defaults;
    QJsonObject out {{u"format"_s, QString::fromLatin1(Format)}};
    if (listenAddress != defaults.listenAddress || listenPort != defaults.listenPort) {
        out.insert(u"listen"_s, listenString());
    }
    if (tls) {
        out.insert(u"tls"_s, tlsToJson(*tls));
    }
    if (response != defaults.response) {
        out.insert(u"response"_s, responseToJson(response));
    }
    if (verify != defaults.verify) {
        out.insert(u"verify"_s, verifyToJson(verify));
    }
    if (tokenEndpoint) {
        out.insert(u"tokenEndpoint"_s, tokenEndpointToJson(*tokenEndpoint));
    }
    if (jwks) {
        out.insert(u"jwks"_s, jwksServeToJson(*jwks));
    }
    if (limits != defaults.limits) {
        out.insert(u"limits"_s, limitsToJson(limits));
    }
    if (!forwardTo.isEmpty()) {
        out.insert(u"forwardTo"_s, forwardTo.toString(QUrl::FullyEncoded));
    }
    return out;
}

Result<void> ReceiverConfig::save(const QString& path) const
{
    static const QStringList order {u"format"_s,
                                    u"type"_s,
                                    u"scheme"_s,
                                    u"listen"_s,
                                    u"tls"_s,
                                    u"status"_s,
                                    u"response"_s,
                                    u"verify"_s,
                                    u"auth"_s,
                                    u"signatures"_s,
                                    u"tokenEndpoint"_s,
                                    u"jwks"_s,
                                    u"path"_s,
                                    u"limits"_s,
                                    u"forwardTo"_s};
    return writeFile(path, toIndentedJson(toJson(), order));
}

QStringList ReceiverConfig::secretRefs() const
{
    QStringList refs;
    if (tls) {
        addSecretRef(refs, tls->cert);
        addSecretRef(refs, tls->key);
        addSecretRef(refs, tls->clientCa);
    }
    addAuthSecretRefs(verify.auth, refs);
    for (const auto& signature : verify.signatures) {
        for (const QString& secret : signature.secrets) {
            addSecretRef(refs, secret);
        }
    }
    if (verify.jws) {
        addSecretRef(refs, verify.jws->publicKey);
        addSecretRef(refs, verify.jws->secret);
        addSecretRef(refs, verify.jws->jwks);
    }
    if (verify.jwe) {
        addSecretRef(refs, verify.jwe->privateKey);
    }
    if (tokenEndpoint) {
        for (const auto& client : tokenEndpoint->allClients()) {
            addSecretRef(refs, client.clientSecret);
            addSecretRef(refs, client.publicKey);
            addSecretRef(refs, client.jwks);
        }
    }
    if (jwks) {
        addSecretRef(refs, jwks->serve);
    }
    refs.removeDuplicates();
    return refs;
}

bool ReceiverConfig::operator==(const ReceiverConfig& other) const
{
    return listenAddress == other.listenAddress && listenPort == other.listenPort && tls == other.tls
           && response == other.response && verify == other.verify && tokenEndpoint == other.tokenEndpoint
           && jwks == other.jwks && limits == other.limits && forwardTo == other.forwardTo;
}

#include "EndpointProfile.h"

#include "ModelJson.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace ModelJson;

namespace {

const QString DefaultAuthorization = u"Authorization"_s;
const QString DefaultTokenPath = u"/oauth2/token"_s;
constexpr int DefaultMaxAttempts = 5;
// A day: longer than any webhook consumer should take to answer.
constexpr qint64 MaxTimeoutMs = 86400000;
// A year in milliseconds: longer waits between tries are surely a typo.
constexpr qint64 MaxDelayMs = 31536000000;
constexpr int MaxAttemptsLimit = 100000;

const QStringList& schemeNames()
{
    static const QStringList names {
        u"hmac-sha256"_s, u"github"_s, u"shopify"_s, u"standard-webhooks"_s, u"stripe"_s, u"slack"_s};
    return names;
}

const QStringList& policyNames()
{
    static const QStringList names {u"none"_s, u"exponential"_s, u"fixed"_s, u"schedule"_s};
    return names;
}

bool isMethodToken(const QString& method)
{
    static const QString extra = u"!#$%&'*+-.^_`|~"_s;
    return !method.isEmpty() && std::all_of(method.cbegin(), method.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || extra.contains(c);
    });
}

QStringList signatureKeys(SignatureScheme scheme)
{
    switch (scheme) {
        case SignatureScheme::HmacSha256:
            return {u"scheme"_s, u"secret"_s, u"header"_s, u"encoding"_s, u"prefix"_s};
        case SignatureScheme::StandardWebhooks:
            return {u"scheme"_s, u"secret"_s, u"id"_s};
        case SignatureScheme::GitHub:
        case SignatureScheme::Shopify:
        case SignatureScheme::Stripe:
        case SignatureScheme::Slack:
            break;
    }
    return {u"scheme"_s, u"secret"_s};
}

SignatureConfig readSignature(Object& entry)
{
    SignatureConfig config;
    QString schemeText;
    if (!entry.require(u"scheme"_s, u"(one of "_s + schemeNames().join(u", "_s) + u')')) {
        return config;
    }
    entry.oneOf(u"scheme"_s, schemeText, schemeNames());
    if (entry.failed()) {
        return config;
    }
    config.scheme = *SignatureConfig::schemeFromName(schemeText);
    if (!entry.allowKeys(signatureKeys(config.scheme))) {
        return config;
    }
    entry.require(u"secret"_s, u"for the "_s + schemeText + u" scheme"_s);
    entry.nonEmptyString(u"secret"_s, config.secret);
    entry.headerName(u"header"_s, config.header);
    QString encoding;
    entry.oneOf(u"encoding"_s, encoding, {u"hex"_s, u"base64"_s});
    config.encoding = encoding == u"base64"_s ? SignatureConfig::Encoding::Base64 : SignatureConfig::Encoding::Hex;
    entry.headerValue(u"prefix"_s, config.prefix);
    entry.nonEmptyString(u"id"_s, config.id);
    return config;
}

QJsonObject signatureToJson(const SignatureConfig& config)
{
    QJsonObject out {{u"scheme"_s, SignatureConfig::schemeName(config.scheme)}};
    if (!config.secret.isEmpty()) {
        out.insert(u"secret"_s, config.secret);
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
    if (config.scheme == SignatureScheme::StandardWebhooks && !config.id.isEmpty()) {
        out.insert(u"id"_s, config.id);
    }
    return out;
}

JwsConfig readJws(Object& object)
{
    JwsConfig jws;
    object.allowKeys({u"alg"_s, u"privateKey"_s, u"secret"_s, u"kid"_s, u"claims"_s, u"expiresInSeconds"_s});
    object.require(u"alg"_s, u"(one of HS256, RS256, PS256, ES256, EdDSA)"_s);
    object.oneOf(u"alg"_s, jws.alg, {u"HS256"_s, u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s});
    if (object.failed()) {
        return jws;
    }
    if (jws.alg == u"HS256"_s) {
        object.require(u"secret"_s, u"for HS256"_s);
        if (object.has(u"privateKey"_s)) {
            object.fail(u"privateKey"_s, u"is for RS256, PS256, ES256 and EdDSA; HS256 signs with secret"_s);
        }
    } else {
        object.require(u"privateKey"_s, u"for "_s + jws.alg + u" (a PEM private key reference)"_s);
        if (object.has(u"secret"_s)) {
            object.fail(u"secret"_s, u"is for HS256 only; "_s + jws.alg + u" signs with privateKey"_s);
        }
    }
    object.nonEmptyString(u"privateKey"_s, jws.privateKey);
    object.nonEmptyString(u"secret"_s, jws.secret);
    object.string(u"kid"_s, jws.kid);
    object.jsonObject(u"claims"_s, jws.claims);
    object.integer(u"expiresInSeconds"_s, jws.expiresInSeconds, 0);
    return jws;
}

QJsonObject jwsToJson(const JwsConfig& jws)
{
    QJsonObject out {{u"alg"_s, jws.alg}};
    if (!jws.privateKey.isEmpty()) {
        out.insert(u"privateKey"_s, jws.privateKey);
    }
    if (!jws.secret.isEmpty()) {
        out.insert(u"secret"_s, jws.secret);
    }
    if (!jws.kid.isEmpty()) {
        out.insert(u"kid"_s, jws.kid);
    }
    if (!jws.claims.isEmpty()) {
        out.insert(u"claims"_s, jws.claims);
    }
    if (jws.expiresInSeconds != 0) {
        out.insert(u"expiresInSeconds"_s, jws.expiresInSeconds);
    }
    return out;
}

JweConfig readJwe(Object& object)
{
    JweConfig jwe;
    object.allowKeys({u"alg"_s, u"enc"_s, u"publicKey"_s, u"kid"_s});
    object.oneOf(u"alg"_s, jwe.alg, {u"RSA-OAEP-256"_s, u"RSA-OAEP"_s, u"ECDH-ES+A256KW"_s});
    object.oneOf(u"enc"_s, jwe.enc, {u"A256GCM"_s, u"A128CBC-HS256"_s});
    object.require(u"publicKey"_s, u"(the recipient's PEM public key or certificate)"_s);
    object.nonEmptyString(u"publicKey"_s, jwe.publicKey);
    object.string(u"kid"_s, jwe.kid);
    return jwe;
}

QJsonObject jweToJson(const JweConfig& jwe)
{
    const JweConfig defaults;
    QJsonObject out;
    if (jwe.alg != defaults.alg) {
        out.insert(u"alg"_s, jwe.alg);
    }
    if (jwe.enc != defaults.enc) {
        out.insert(u"enc"_s, jwe.enc);
    }
    out.insert(u"publicKey"_s, jwe.publicKey);
    if (!jwe.kid.isEmpty()) {
        out.insert(u"kid"_s, jwe.kid);
    }
    return out;
}

TlsConfig readTls(Object& object)
{
    TlsConfig tls;
    object.allowKeys(
        {u"verify"_s, u"caFile"_s, u"clientCert"_s, u"clientKey"_s, u"clientKeyPassword"_s, u"pinSha256"_s});
    object.boolean(u"verify"_s, tls.verify);
    object.nonEmptyString(u"caFile"_s, tls.caFile);
    object.nonEmptyString(u"clientCert"_s, tls.clientCert);
    object.nonEmptyString(u"clientKey"_s, tls.clientKey);
    object.nonEmptyString(u"clientKeyPassword"_s, tls.clientKeyPassword);
    if (!object.failed() && !tls.clientKey.isEmpty() && tls.clientCert.isEmpty()) {
        object.fail(u"clientKey"_s, u"needs clientCert (the certificate that goes with the key)"_s);
    }
    object.stringList(u"pinSha256"_s, tls.pinSha256);
    for (qsizetype i = 0; i < tls.pinSha256.size() && !object.failed(); ++i) {
        const auto decoded =
            QByteArray::fromBase64Encoding(tls.pinSha256[i].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32) {
            object.fail(u"pinSha256"_s,
                        u"entry %1 must be the base64 SHA-256 digest (44 characters) of the server's public key,"
                        " as `openssl x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary"
                        " | base64` prints it"_s.arg(i));
        }
    }
    return tls;
}

QJsonObject tlsToJson(const TlsConfig& tls)
{
    QJsonObject out;
    if (!tls.verify) {
        out.insert(u"verify"_s, false);
    }
    const auto put = [&out](const QString& key, const QString& value) {
        if (!value.isEmpty()) {
            out.insert(key, value);
        }
    };
    put(u"caFile"_s, tls.caFile);
    put(u"clientCert"_s, tls.clientCert);
    put(u"clientKey"_s, tls.clientKey);
    put(u"clientKeyPassword"_s, tls.clientKeyPassword);
    if (!tls.pinSha256.isEmpty()) {
        out.insert(u"pinSha256"_s, QJsonArray::fromStringList(tls.pinSha256));
    }
    return out;
}

RetryConfig readRetry(Object& object, std::optional<bool>& followRedirects)
{
    RetryConfig retry;
    if (object.json().isEmpty()) {
        return retry;
    }
    QString policyText;
    object.require(u"policy"_s, u"(one of "_s + policyNames().join(u", "_s) + u')');
    object.oneOf(u"policy"_s, policyText, policyNames());
    if (object.failed()) {
        return retry;
    }
    retry.policy = RetryPolicyType(policyNames().indexOf(policyText));
    QStringList keys {u"policy"_s, u"maxAttempts"_s, u"followRedirects"_s};
    switch (retry.policy) {
        case RetryPolicyType::None:
            break;
        case RetryPolicyType::Exponential:
            keys << u"initialDelayMs"_s << u"maxDelayMs"_s << u"multiplier"_s << u"jitter"_s;
            break;
        case RetryPolicyType::Fixed:
            keys << u"intervalMs"_s;
            break;
        case RetryPolicyType::Schedule:
            keys << u"delaysMs"_s;
            break;
    }
    if (!object.allowKeys(keys)) {
        return retry;
    }
    if (object.has(u"followRedirects"_s)) {
        bool follow = false;
        object.boolean(u"followRedirects"_s, follow);
        followRedirects = follow;
    }
    object.integer(u"initialDelayMs"_s, retry.initialDelayMs, 0, MaxDelayMs);
    object.integer(u"maxDelayMs"_s, retry.maxDelayMs, 0, MaxDelayMs);
    if (!object.failed() && retry.maxDelayMs < retry.initialDelayMs) {
        object.fail(object.has(u"maxDelayMs"_s) ? u"maxDelayMs"_s : u"initialDelayMs"_s,
                    u"maxDelayMs (%1) must not be smaller than initialDelayMs (%2)"_s.arg(retry.maxDelayMs)
                        .arg(retry.initialDelayMs));
    }
    object.number(u"multiplier"_s, retry.multiplier, 1.0, 1000.0);
    object.boolean(u"jitter"_s, retry.jitter);
    object.integer(u"intervalMs"_s, retry.intervalMs, 0, MaxDelayMs);
    if (retry.policy == RetryPolicyType::Schedule) {
        object.require(u"delaysMs"_s, u"for the schedule policy (the waits between tries, such as [60000, 600000])"_s);
        if (const auto delays = object.array(u"delaysMs"_s)) {
            if (delays->isEmpty()) {
                object.fail(u"delaysMs"_s, u"must list at least one wait"_s);
            }
            for (qsizetype i = 0; i < delays->size() && !object.failed(); ++i) {
                const QJsonValue item = delays->at(i);
                const double number = item.toDouble(-1);
                if (!item.isDouble() || std::trunc(number) != number || number < 0 || number > double(MaxDelayMs)) {
                    // Reported at the element so the user sees which wait is wrong.
                    object.failAt(indexPath(object.path(u"delaysMs"_s), i),
                                  u"must be a whole number of milliseconds from 0 to %1, not %2"_s.arg(MaxDelayMs)
                                      .arg(item.isDouble() ? QString::number(number) : typeName(item)));
                }
                retry.delaysMs.append(qint64(number));
            }
        }
    }
    const int defaultAttempts = retry.policy == RetryPolicyType::None       ? 1
                                : retry.policy == RetryPolicyType::Schedule ? int(retry.delaysMs.size()) + 1
                                                                            : DefaultMaxAttempts;
    retry.maxAttempts = defaultAttempts;
    object.integer(u"maxAttempts"_s, retry.maxAttempts, 1, MaxAttemptsLimit);
    if (object.failed()) {
        return retry;
    }
    if (retry.policy == RetryPolicyType::None && retry.maxAttempts != 1) {
        object.fail(u"maxAttempts"_s,
                    u"policy none makes exactly 1 attempt; set policy to exponential, fixed or schedule to retry"_s);
    } else if (retry.policy == RetryPolicyType::Schedule && retry.maxAttempts > retry.delaysMs.size() + 1) {
        object.fail(u"maxAttempts"_s,
                    u"is %1, but delaysMs lists waits for only %2 attempts; add waits or lower maxAttempts"_s
                        .arg(retry.maxAttempts)
                        .arg(retry.delaysMs.size() + 1));
    }
    return retry;
}

QJsonObject retryToJson(const RetryConfig& retry)
{
    const RetryConfig defaults;
    QJsonObject out {{u"policy"_s, RetryConfig::policyName(retry.policy)}};
    if (retry.maxAttempts != 1 || retry.policy != RetryPolicyType::None) {
        out.insert(u"maxAttempts"_s, retry.maxAttempts);
    }
    switch (retry.policy) {
        case RetryPolicyType::None:
            break;
        case RetryPolicyType::Exponential:
            out.insert(u"initialDelayMs"_s, retry.initialDelayMs);
            out.insert(u"maxDelayMs"_s, retry.maxDelayMs);
            if (retry.multiplier != defaults.multiplier) {
                out.insert(u"multiplier"_s, retry.multiplier);
            }
            if (retry.jitter != defaults.jitter) {
                out.insert(u"jitter"_s, retry.jitter);
            }
            break;
        case RetryPolicyType::Fixed:
            out.insert(u"intervalMs"_s, retry.intervalMs);
            break;
        case RetryPolicyType::Schedule: {
            QJsonArray delays;
            for (qint64 delay : retry.delaysMs) {
                delays.append(delay);
            }
            out.insert(u"delaysMs"_s, delays);
            break;
        }
    }
    return out;
}

} // namespace

// ---- small helpers of the header ----

QString AuthConfig::effectiveHeaderName() const
{
    if (!headerName.isEmpty()) {
        return headerName;
    }
    switch (type) {
        case AuthType::None:
        case AuthType::ApiKey: // required field, no default
            return {};
        case AuthType::Basic:
        case AuthType::Bearer:
        case AuthType::Header:
        case AuthType::OAuth2ClientCredentials:
        case AuthType::OAuth2AuthorizationCode:
        case AuthType::OAuth2:
            break;
    }
    return DefaultAuthorization;
}

QString AuthConfig::effectiveTokenUrl() const
{
    if (!tokenUrl.isEmpty() || authServerUrl.isEmpty()) {
        return tokenUrl;
    }
    QString base = authServerUrl;
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    return base + (tokenPath.isEmpty() ? DefaultTokenPath : tokenPath);
}

QString SignatureConfig::schemeName(SignatureScheme scheme)
{
    return schemeNames().value(int(scheme));
}

std::optional<SignatureScheme> SignatureConfig::schemeFromName(const QString& name)
{
    const qsizetype index = schemeNames().indexOf(name);
    if (index < 0) {
        return std::nullopt;
    }
    return SignatureScheme(index);
}

QString RetryConfig::policyName(RetryPolicyType policy)
{
    return policyNames().value(int(policy));
}

// ---- EndpointProfile ----

Result<EndpointProfile> EndpointProfile::fromJson(const QByteArray& json, const QString& fileName)
{
    const auto parsed = parseObject(json, fileName);
    if (!parsed) {
        return parsed.error();
    }
    Reader reader(fileName);
    Object root(reader, parsed.value(), {});
    EndpointProfile profile;

    requireFormat(root,
                  QString::fromLatin1(Format),
                  u"an endpoint profile"_s,
                  u"hookbench.receiver"_s,
                  u"a receiver configuration"_s);
    root.allowKeys({u"format"_s,
                    u"name"_s,
                    u"url"_s,
                    u"method"_s,
                    u"headers"_s,
                    u"contentType"_s,
                    u"timeoutMs"_s,
                    u"auth"_s,
                    u"signatures"_s,
                    u"jws"_s,
                    u"jwe"_s,
                    u"tls"_s,
                    u"retry"_s,
                    u"followRedirects"_s});

    root.string(u"name"_s, profile.name);
    root.require(u"url"_s, u"(the webhook endpoint, such as https://hooks.example.com/webhook)"_s);
    root.httpUrl(u"url"_s, profile.url);
    root.string(u"method"_s, profile.method);
    if (!root.failed() && !isMethodToken(profile.method)) {
        root.fail(u"method"_s, u"must be an HTTP method such as POST or PUT, not \"%1\""_s.arg(profile.method));
    }
    root.pairs(u"headers"_s, profile.headers, true);
    root.nonEmptyString(u"contentType"_s, profile.contentType);
    root.headerValue(u"contentType"_s, profile.contentType);
    root.integer(u"timeoutMs"_s, profile.timeoutMs, 1, MaxTimeoutMs);
    std::optional<bool> topFollow;
    if (root.has(u"followRedirects"_s)) {
        bool follow = false;
        root.boolean(u"followRedirects"_s, follow);
        topFollow = follow;
    }

    if (!root.failed()) {
        profile.auth = readAuth(reader, root.json().value(u"auth"_s), root.path(u"auth"_s), AuthUse::Send);
    }
    if (const auto list = root.array(u"signatures"_s)) {
        for (qsizetype i = 0; i < list->size() && !reader.failed(); ++i) {
            if (auto entry = reader.object(list->at(i), indexPath(root.path(u"signatures"_s), i))) {
                profile.signatures.append(readSignature(*entry));
            }
        }
    }
    if (auto object = root.object(u"jws"_s)) {
        profile.jws = readJws(*object);
    }
    if (auto object = root.object(u"jwe"_s)) {
        profile.jwe = readJwe(*object);
    }
    if (auto object = root.object(u"tls"_s)) {
        profile.tls = readTls(*object);
    }
    std::optional<bool> retryFollow;
    if (auto object = root.object(u"retry"_s)) {
        profile.retry = readRetry(*object, retryFollow);
    }
    if (!reader.failed() && topFollow && retryFollow && *topFollow != *retryFollow) {
        reader.fail(u"retry.followRedirects"_s,
                    u"contradicts the top-level followRedirects; keep only the top-level one"_s);
    }
    profile.followRedirects = topFollow.value_or(retryFollow.value_or(false));

    // Headers the request itself owns: framing would cut or desync the body on the wire, and a
    // second header of the auth's name would send two credentials where the trace shows one.
    for (const auto& [name, value] : std::as_const(profile.headers)) {
        if (reader.failed()) {
            break;
        }
        const QString path = u"headers."_s + name;
        if (name.compare(u"Content-Length"_s, Qt::CaseInsensitive) == 0
            || name.compare(u"Transfer-Encoding"_s, Qt::CaseInsensitive) == 0) {
            reader.fail(path, u"is set from the body when the request is sent; remove it from headers"_s);
        } else if (profile.auth.type != AuthType::None
                   && name.compare(profile.auth.effectiveHeaderName(), Qt::CaseInsensitive) == 0) {
            reader.fail(
                path,
                u"is the header auth (%1) sets; remove it from headers, or give auth.headerName another name"_s.arg(
                    authTypeName(profile.auth.type)));
        }
    }

    if (reader.failed()) {
        return reader.error();
    }
    return profile;
}

Result<EndpointProfile> EndpointProfile::load(const QString& path)
{
    return loadJsonFile<EndpointProfile>(path);
}

QJsonObject EndpointProfile::toJson() const
{
    const EndpointProfile defaults;
    QJsonObject out;
    out.insert(u"format"_s, QString::fromLatin1(Format));
    if (!name.isEmpty()) {
        out.insert(u"name"_s, name);
    }
    out.insert(u"url"_s, url.toString(QUrl::FullyEncoded));
    if (method != defaults.method) {
        out.insert(u"method"_s, method);
    }
    if (!headers.isEmpty()) {
        out.insert(u"headers"_s, pairsToJson(headers));
    }
    if (contentType != defaults.contentType) {
        out.insert(u"contentType"_s, contentType);
    }
    if (timeoutMs != defaults.timeoutMs) {
        out.insert(u"timeoutMs"_s, timeoutMs);
    }
    if (auth != defaults.auth) {
        out.insert(u"auth"_s, authToJson(auth));
    }
    if (!signatures.isEmpty()) {
        QJsonArray list;
        for (const auto& signature : signatures) {
            list.append(signatureToJson(signature));
        }
        out.insert(u"signatures"_s, list);
    }
    if (jws) {
        out.insert(u"jws"_s, jwsToJson(*jws));
    }
    if (jwe) {
        out.insert(u"jwe"_s, jweToJson(*jwe));
    }
    if (tls != defaults.tls) {
        out.insert(u"tls"_s, tlsToJson(tls));
    }
    if (retry != defaults.retry) {
        out.insert(u"retry"_s, retryToJson(retry));
    }
    if (followRedirects) {
        out.insert(u"followRedirects"_s, true);
    }
    return out;
}

Result<void> EndpointProfile::save(const QString& path) const
{
    static const QStringList order {u"format"_s,
                                    u"name"_s,
                                    u"type"_s,
                                    u"scheme"_s,
                                    u"policy"_s,
                                    u"alg"_s,
                                    u"url"_s,
                                    u"method"_s,
                                    u"headers"_s,
                                    u"contentType"_s,
                                    u"timeoutMs"_s,
                                    u"followRedirects"_s,
                                    u"auth"_s,
                                    u"signatures"_s,
                                    u"jws"_s,
                                    u"jwe"_s,
                                    u"tls"_s,
                                    u"retry"_s};
    return writeFile(path, toIndentedJson(toJson(), order));
}

QStringList EndpointProfile::secretRefs() const
{
    QStringList refs;
    addAuthSecretRefs(auth, refs);
    for (const auto& signature : signatures) {
        addSecretRef(refs, signature.secret);
    }
    if (jws) {
        addSecretRef(refs, jws->privateKey);
        addSecretRef(refs, jws->secret);
    }
    addSecretRef(refs, tls.clientKey);
    addSecretRef(refs, tls.clientKeyPassword);
    refs.removeDuplicates();
    return refs;
}

QString EndpointProfile::secretFieldPath(const QString& reference) const
{
    const QList<QPair<QString, QString>> fields {
        {QStringLiteral("auth.password"), auth.password},
        {QStringLiteral("auth.token"), auth.token},
        {QStringLiteral("auth.value"), auth.value},
        {QStringLiteral("auth.clientSecret"), auth.clientSecret},
        {QStringLiteral("auth.privateKey"), auth.privateKey},
        {QStringLiteral("jws.privateKey"), jws ? jws->privateKey : QString()},
        {QStringLiteral("jws.secret"), jws ? jws->secret : QString()},
        {QStringLiteral("tls.clientKey"), tls.clientKey},
        {QStringLiteral("tls.clientKeyPassword"), tls.clientKeyPassword},
    };
    for (const auto& [path, value] : fields) {
        if (!value.isEmpty() && value == reference) {
            return path;
        }
    }
    for (qsizetype i = 0; i < signatures.size(); ++i) {
        if (signatures.at(i).secret == reference) {
            return QStringLiteral("signatures[%1].secret").arg(i);
        }
    }
    return {};
}

bool EndpointProfile::operator==(const EndpointProfile& other) const
{
    return name == other.name && url == other.url && method == other.method && headers == other.headers
           && contentType == other.contentType && timeoutMs == other.timeoutMs && auth == other.auth
           && signatures == other.signatures && jws == other.jws && jwe == other.jwe && tls == other.tls
           && retry == other.retry && followRedirects == other.followRedirects;
}

#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The endpoint profile of docs/profile-format.md ("format": "hookbench.endpoint/1") as plain values.
// Fields marked secret hold secret *references* (env:, file:, keychain:, literal:), never values;
// they are resolved by SecretResolver only when a request is built.

enum class AuthType
{
    None,
    Basic,
    Bearer,
    ApiKey,
    Header,
    OAuth2ClientCredentials,
    OAuth2AuthorizationCode,
    OAuth2, // receiver only: accepts the tokens of the receiver's own token endpoint
};

struct AuthConfig
{
    AuthType type = AuthType::None;

    // basic
    QString username;
    QString password; // secret
    // bearer
    QString token; // secret
    // apiKey, header (and where basic/bearer/oauth2 put their value); empty means the default
    QString headerName;
    QString value; // secret
    QString prefix;

    // oauth2ClientCredentials and oauth2AuthorizationCode (docs/profile-format.md, docs/oauth2.md)
    QString tokenUrl;
    QString authServerUrl;
    QString tokenPath; // empty means "/oauth2/token"
    QString clientId;
    QString clientSecret;      // secret
    QString clientAuth;        // basic (default), post, jwt, privateKeyJwt, tlsClientAuth
    QString privateKey;        // secret, PEM
    QString alg;               // for privateKeyJwt; empty = by key type
    QString assertionAudience; // empty means "tokenUrl"
    QString scope;
    QString audience;
    QString resource;
    QList<QPair<QString, QString>> extraParams;
    QString authUrl;
    QString redirectUri;
    bool pkce = true;

    // The header the credential goes into, applying the defaults of docs/profile-format.md.
    QString effectiveHeaderName() const;
    // tokenUrl, or authServerUrl + tokenPath.
    QString effectiveTokenUrl() const;

    bool operator==(const AuthConfig&) const = default;
};

enum class SignatureScheme
{
    HmacSha256,
    GitHub,
    Shopify,
    StandardWebhooks,
    Stripe,
    Slack,
};

struct SignatureConfig
{
    SignatureScheme scheme = SignatureScheme::HmacSha256;
    QString secret; // secret
    QString header; // hmac-sha256 only; empty means "X-Webhook-Signature"
    enum class Encoding
    {
        Hex,
        Base64,
    } encoding = Encoding::Hex; // hmac-sha256 only
    QString prefix;             // hmac-sha256 only
    QString id;                 // standard-webhooks only; empty means the event's id

    static QString schemeName(SignatureScheme scheme);
    static std::optional<SignatureScheme> schemeFromName(const QString& name);

    bool operator==(const SignatureConfig&) const = default;
};

struct JwsConfig
{
    QString alg;        // HS256, RS256, PS256, ES256, EdDSA
    QString privateKey; // secret, PEM (asymmetric algorithms)
    QString secret;     // secret (HS256)
    QString kid;
    QJsonObject claims;
    int expiresInSeconds = 0; // 0: no iat/exp added

    bool operator==(const JwsConfig&) const = default;
};

struct JweConfig
{
    QString alg = QStringLiteral("RSA-OAEP-256"); // RSA-OAEP-256, RSA-OAEP, ECDH-ES+A256KW
    QString enc = QStringLiteral("A256GCM");      // A256GCM, A128CBC-HS256
    QString publicKey;                            // PEM public key or certificate: a file: reference or inline PEM
    QString kid;

    bool operator==(const JweConfig&) const = default;
};

struct TlsConfig
{
    bool verify = true;
    QString caFile;            // path, relative to the profile's folder
    QString clientCert;        // path: PEM, or PKCS#12 when clientKey is empty
    QString clientKey;         // secret, PEM
    QString clientKeyPassword; // secret
    QStringList pinSha256;     // base64 SHA-256 of the server's SubjectPublicKeyInfo

    bool operator==(const TlsConfig&) const = default;
};

enum class RetryPolicyType
{
    None,
    Exponential,
    Fixed,
    Schedule,
};

struct RetryConfig
{
    RetryPolicyType policy = RetryPolicyType::None;
    int maxAttempts = 1; // counts the first try
    qint64 initialDelayMs = 1000;
    qint64 maxDelayMs = 3600000;
    double multiplier = 2.0;
    bool jitter = true;
    qint64 intervalMs = 60000;
    QList<qint64> delaysMs;

    static QString policyName(RetryPolicyType policy);

    bool operator==(const RetryConfig&) const = default;
};

struct EndpointProfile
{
    static constexpr auto Format = "hookbench.endpoint/1";

    QString name;
    QUrl url;
    QString method = QStringLiteral("POST");
    QList<QPair<QString, QString>> headers; // static headers, in file order
    QString contentType = QStringLiteral("application/json");
    int timeoutMs = 30000;
    AuthConfig auth;
    QList<SignatureConfig> signatures;
    std::optional<JwsConfig> jws;
    std::optional<JweConfig> jwe;
    TlsConfig tls;
    RetryConfig retry;
    bool followRedirects = false;

    // Folder of the file it was loaded from: file: references and TLS paths are relative to it.
    QString baseDir;

    // Parses and validates every field. Errors carry the JSON path and what would be right;
    // `fileName` is put into the error so the caller can print it as is.
    static Result<EndpointProfile> fromJson(const QByteArray& json, const QString& fileName = {});
    static Result<EndpointProfile> load(const QString& path);
    QJsonObject toJson() const; // writes only what differs from the defaults, plus format and url
    Result<void> save(const QString& path) const;

    // Every secret reference the profile uses (for resolving them all before a send).
    QStringList secretRefs() const;
    // The JSON path of the first secret field holding `reference` ("signatures[0].secret"), or empty.
    QString secretFieldPath(const QString& reference) const;

    bool operator==(const EndpointProfile& other) const;
};

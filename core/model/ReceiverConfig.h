#pragma once

#include "model/EndpointProfile.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The receiver configuration of docs/receiver-format.md ("format": "hookbench.receiver/1") as plain
// values: where to listen, how to answer, what to check. Like the endpoint profile, secret
// fields hold references (env:, file:, keychain:, literal:) that are resolved only at start.

struct ReceiverTlsConfig
{
    QString cert;     // reference to a PEM certificate (chain)
    QString key;      // secret reference, PEM
    QString clientCa; // reference to a PEM bundle the client certificates must chain to
    bool requireClientCert = false;
    bool selfSigned = false; // make a certificate at start; cert and key then stay empty

    bool operator==(const ReceiverTlsConfig&) const = default;
};

struct ResponseConfig
{
    int status = 200;
    QList<QPair<QString, QString>> headers;
    QString body;
    int delayMs = 0;
    QList<int> statusSequence; // the first requests get these, in turn; then `status`
    bool drop = false;         // close the connection without answering

    bool operator==(const ResponseConfig&) const = default;
};

struct SignatureVerifyConfig
{
    SignatureScheme scheme = SignatureScheme::HmacSha256;
    QStringList secrets;        // secret references; any one matching is enough (rotation)
    int toleranceSeconds = 300; // standard-webhooks, stripe, slack: allowed clock difference either way
    QString header;             // hmac-sha256 only; empty means "X-Webhook-Signature"
    SignatureConfig::Encoding encoding = SignatureConfig::Encoding::Hex; // hmac-sha256 only
    QString prefix;                                                      // hmac-sha256 only

    // The signature entry the sender would use with `secret` (to share the signing code).
    SignatureConfig toSignatureConfig(const QString& secret) const;
    static bool isTimestamped(SignatureScheme scheme);

    bool operator==(const SignatureVerifyConfig&) const = default;
};

struct JwsVerifyConfig
{
    QString publicKey; // reference to a PEM public key or certificate
    QString secret;    // secret reference, for HS256
    QString jwks;      // reference to a JWKS (JSON) file
    QString jwksUrl;   // fetched at start

    bool operator==(const JwsVerifyConfig&) const = default;
};

struct JweVerifyConfig
{
    QString privateKey; // secret reference, PEM

    bool operator==(const JweVerifyConfig&) const = default;
};

struct VerifyConfig
{
    AuthConfig auth; // types of docs/profile-format.md "auth" that make sense for checking, plus OAuth2
    QList<SignatureVerifyConfig> signatures;
    std::optional<JwsVerifyConfig> jws;
    std::optional<JweVerifyConfig> jwe;
    bool dedupe = false;
    qint64 maxAgeSeconds = 0; // 0: no age check

    bool operator==(const VerifyConfig&) const = default;
};

// One client of the token endpoint (docs/receiver-format.md `tokenEndpoint`): how it may prove
// itself, and the secret, keys or certificate it proves itself with.
struct TokenClientConfig
{
    QString clientId;
    QString clientSecret; // secret reference: basic, post, jwt
    // basic, post, jwt (client_secret_jwt), privateKeyJwt, tlsClientAuth (RFC 8705 §2.1)
    QStringList clientAuth {QStringLiteral("basic"), QStringLiteral("post"), QStringLiteral("jwt")};
    QString publicKey;    // privateKeyJwt: reference to a PEM public key or certificate
    QString jwks;         // privateKeyJwt: reference to a JWKS file (the assertion's kid picks the key)
    QString tlsSubjectDn; // tlsClientAuth: the certificate's subject, RFC 4514 ("CN=sender,O=Acme")
    QString tlsSan;       // tlsClientAuth: one of its subjectAltNames: a DNS name, URI, IP address or e-mail

    bool operator==(const TokenClientConfig&) const = default;
};

struct TokenEndpointConfig
{
    QString path = QStringLiteral("/oauth2/token");
    // The first client (its keys sit at the top of the block, as TokenClientConfig's).
    QString clientId;
    QString clientSecret; // secret reference
    QStringList clientAuth {QStringLiteral("basic"), QStringLiteral("post"), QStringLiteral("jwt")};
    QString publicKey;
    QString jwks;
    QString tlsSubjectDn;
    QString tlsSan;
    QList<TokenClientConfig> clients; // more clients, each an object with the same keys
    // The `aud` a client assertion may carry: tokenUrl, issuer, webhookUrl, a /path on this
    // receiver, or any literal string or URL.
    QStringList audiences {QStringLiteral("tokenUrl")};
    int expiresIn = 3600; // seconds

    // The first client, then `clients`.
    QList<TokenClientConfig> allClients() const
    {
        return QList<TokenClientConfig> {{clientId, clientSecret, clientAuth, publicKey, jwks, tlsSubjectDn, tlsSan}}
               + clients;
    }

    bool operator==(const TokenEndpointConfig&) const = default;
};

// `jwks`: a key set the receiver serves (GET or HEAD on `path`), for senders that fetch the
// receiver's encryption key or tests that point verify.jws.jwksUrl at a receiver. Only public
// members are ever served.
struct JwksServeConfig
{
    QString path = QStringLiteral("/.well-known/jwks.json");
    QString serve;              // reference to a JWKS file (its public part is served)
    bool decryptionKey = false; // also serve the public part of verify.jwe.privateKey
    QString kid;                // the decryption key's kid; empty: its RFC 7638 thumbprint

    bool operator==(const JwksServeConfig&) const = default;
};

struct LimitsConfig
{
    qint64 maxBodyBytes = 10485760;
    int maxHeaderBytes = 65536;
    int headerTimeoutMs = 10000;
    int maxConnections = 256;
    qint64 maxBufferedBodyBytes = 268435456; // all connections' bodies together; at least maxBodyBytes

    bool operator==(const LimitsConfig&) const = default;
};

struct ReceiverConfig
{
    static constexpr auto Format = "hookbench.receiver/1";

    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 0; // 0: a free port
    std::optional<ReceiverTlsConfig> tls;
    ResponseConfig response;
    VerifyConfig verify;
    std::optional<TokenEndpointConfig> tokenEndpoint;
    std::optional<JwksServeConfig> jwks;
    LimitsConfig limits;
    QUrl forwardTo; // empty: not forwarded

    // Folder of the file it was loaded from: file: references are relative to it.
    QString baseDir;

    static Result<ReceiverConfig> fromJson(const QByteArray& json, const QString& fileName = {});
    static Result<ReceiverConfig> load(const QString& path);
    QJsonObject toJson() const; // only what differs from the defaults, plus format
    Result<void> save(const QString& path) const;

    // "host:port", "[v6]:port", "localhost:port" or "*:port" (every interface), as `listen` and
    // `receive --listen` take it. The error names `listen` as its path.
    static Result<QPair<QHostAddress, quint16>> parseListen(const QString& text);
    QString listenString() const;

    // Every reference the configuration uses: TLS files and keys, verification secrets and keys.
    QStringList secretRefs() const;

    bool operator==(const ReceiverConfig& other) const;
};

#pragma once

#include "model/EndpointProfile.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Everything one token request needs, with the secrets already resolved (docs/oauth2.md).
struct TokenRequest
{
    QUrl tokenUrl;
    QString clientId;
    QByteArray clientSecret;
    QString clientAuth = QStringLiteral("basic"); // basic, post, jwt, privateKeyJwt, tlsClientAuth
    QByteArray privateKeyPem;
    QString alg;               // privateKeyJwt: empty means by key type
    QString assertionAudience; // the resolved `aud` of the client assertion
    QString scope;
    QString audience;
    QString resource;
    QList<QPair<QString, QString>> extraParams;
    std::optional<QSslConfiguration> ssl; // https token URLs: trust and, for tlsClientAuth, the client certificate
    bool verifyTls = true;
    int timeoutMs = 30000;

    // From a profile of type oauth2ClientCredentials; errors name the auth.* field.
    static Result<TokenRequest> fromProfile(const EndpointProfile& profile, const SecretValues& secrets);
    // Every setting that changes the token request (token URL, client, client auth, secret or key,
    // scope, audience, resource, extra parameters, client certificate): requests with the same
    // key share one token.
    QString cacheKey() const;
};

struct AccessToken
{
    QByteArray value;
    QString tokenType;
    QDateTime expiresAt;
    QString scope;
};

// What a caller of TokenProvider::token() gets: the token or the error, and the exchange
// (request with secrets masked, response with tokens masked, timing) when a fetch was made for it.
struct TokenOutcome
{
    std::optional<AccessToken> token;
    Error error;
    QJsonObject exchange; // empty when the token came from the cache
    // The stored refresh token is gone (refused, or never stored): only a new sign-in helps.
    bool signInNeeded = false;
    bool ok() const { return token.has_value(); }
};

// OAuth 2.0 client-credentials tokens for the engine: fetched through the engine's
// QNetworkAccessManager, cached per token URL, client and scope until 30 s before they expire,
// and fetched once however many deliveries wait for the same token (single flight).
class TokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenProvider)

public:
    using Callback = std::function<void(const TokenOutcome&)>;

    static constexpr qint64 ExpirySkewSecs = 30;
    static constexpr qint64 DefaultLifetimeSecs = 3600;
    static constexpr int AssertionLifetimeSecs = 300;
    static constexpr int MaxRetries = 2;

    explicit TokenProvider(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~TokenProvider() override;

    // Calls `done` once (never inside this call) with a cached token or a fresh one. `context`
    // guards the callback: nothing is called once it is destroyed.
    void token(const TokenRequest& request, QObject* context, Callback done);
    // Drops the cached token (a delivery was answered 401 with it).
    void invalidate(const QString& cacheKey);
    // Token requests sent to a server (retries of one fetch count once).
    int fetchCount() const { return m_fetchCount; }

    // The client assertion for jwt and privateKeyJwt (exposed for `token` and the tests).
    static Result<QByteArray> clientAssertion(const TokenRequest& request, qint64 now);
    // The form fields and headers a token request carries (before secrets are masked).
    struct Prepared
    {
        QList<QPair<QString, QString>> form;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    static Result<Prepared> prepare(const TokenRequest& request, qint64 now);
    // Parses a token endpoint answer; errors say what was wrong with it.
    static Result<AccessToken> parseResponse(int status, const QByteArray& body, const QDateTime& now);
    // {"header": {...}, "claims": {...}} of a compact JWT (the signature left out).
    static QJsonObject decodeAssertion(const QByteArray& jwt);
    // A JSON object with access_token, refresh_token and id_token masked.
    static QJsonObject maskedResponse(const QByteArray& body, bool showSecrets = false);
    // The request part of an exchange trace: what was sent, with secrets masked (the decoded
    // client assertion added when there is one).
    static QJsonObject requestTrace(const QUrl& url,
                                    const QString& clientAuth,
                                    const QList<QPair<QByteArray, QByteArray>>& headers,
                                    const QList<QPair<QString, QString>>& form,
                                    qsizetype bodyBytes);
    // The response part of an exchange trace: the status, headers and body that came back
    // (tokens masked), or null when no HTTP answer arrived.
    static QJsonValue responseTrace(QNetworkReply* reply, const QByteArray& body);

private:
    struct Fetch;
    void startFetch(const QString& key);
    void sendTry(Fetch* fetch);
    void onReply(Fetch* fetch, QNetworkReply* reply, bool timedOut);
    void finishFetch(const QString& key, TokenOutcome outcome);

    QNetworkAccessManager* m_network;
    QHash<QString, AccessToken> m_cache;
    QHash<QString, Fetch*> m_inFlight;
    int m_fetchCount = 0;
};

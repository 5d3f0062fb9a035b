#pragma once

#include "model/AttemptTrace.h"
#include "RequestBuilder.h"
#include "RetryPolicy.h"
#include "auth/TokenProvider.h"
#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>

#include <optional>

class AuthorizationCodeFlow;
struct AuthorizationCodeConfig;
class HistoryStore;
class SecretStore;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// What to deliver: the profile with its secrets already resolved, and the event.
struct DeliveryJob
{
    EndpointProfile profile;
    SecretValues secrets;
    Event event;
    std::optional<QByteArray> rawBody; // --raw-body: these exact bytes instead of the event JSON
    bool noRetry = false;
};

class DeliveryEngine;

// One event on its way: attempts, waits between them, and the outcome. A child of the engine;
// whoever started it deletes it (deleteLater) once it has emitted finished().
class Delivery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Delivery)

public:
    const QList<AttemptTrace>& attempts() const { return m_attempts; }
    const DeliveryJob& job() const { return m_job; }
    bool isFinished() const { return m_finished; }
    bool isDelivered() const { return m_delivered; }
    // Cancels the attempt in flight and every pending retry; finished(false) follows.
    void cancel();

signals:
    void attemptStarted(int attempt);
    void attemptFinished(const AttemptTrace& trace);
    void finished(bool delivered);

private:
    friend class DeliveryEngine;
    Delivery(DeliveryEngine* engine, DeliveryJob job);

    void start();
    void startAttempt();
    // OAuth profiles: the token first (cached or fetched), then sendAttempt.
    void requestToken();
    void onToken(const TokenOutcome& outcome);
    void sendAttempt();
    void sendHop(const OutgoingRequest& request);
    void readResponse(QNetworkReply* reply);
    void onReplyFinished(QNetworkReply* reply);
    void finishAttempt(AttemptTrace trace, std::optional<qint64> retryAfterMs);
    void fail(const QString& error);
    QSslConfiguration sslConfiguration(QString* error) const;
    bool usesTokens() const;

    DeliveryEngine* m_engine;
    DeliveryJob m_job;
    RetryPolicy m_policy;
    QByteArray m_body;
    QByteArray m_eventJson; // for the history, serialised once
    QList<AttemptTrace> m_attempts;
    int m_attempt = 0;
    bool m_finished = false;
    bool m_delivered = false;
    bool m_cancelled = false;

    // the attempt in flight
    AttemptTrace m_current;
    OutgoingRequest m_request; // the first hop's request (what the trace shows)
    int m_hops = 0;
    bool m_timedOut = false;
    QStringList m_tlsErrors;
    QString m_pinError;
    QElapsedTimer m_clock;
    QPointer<QNetworkReply> m_reply;
    QTimer* m_timeoutTimer = nullptr;
    QTimer* m_retryTimer = nullptr;

    // OAuth: the token of this attempt, its cache key, and whether a 401 already made us
    // fetch a new one and send again (once per attempt).
    QByteArray m_accessToken;
    QString m_tokenKey;
    bool m_resentAfter401 = false;
    QJsonObject m_tokenExchange;
    QStringList m_notes;
};

// The delivery engine: one QNetworkAccessManager shared by every delivery of the process, so
// connections (and later tokens) are reused. Both the GUI and the CLI send through it.
class DeliveryEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryEngine)

public:
    static constexpr int MaxRedirects = 5;

    explicit DeliveryEngine(QObject* parent = nullptr);
    ~DeliveryEngine() override;

    // Every attempt is written here (masked) when set. Not owned.
    void setHistory(HistoryStore* history);
    // Starts delivering at once. The Delivery is a child of the engine.
    Delivery* deliver(DeliveryJob job);

    QNetworkAccessManager* network() const { return m_network; }
    // OAuth tokens shared by every delivery of this engine.
    TokenProvider* tokens() const { return m_tokens; }
    // Token requests sent: client credentials and authorization-code refreshes.
    int tokenFetches() const { return m_tokens->fetchCount() + m_codeFetches; }

    // Where oauth2AuthorizationCode refresh tokens live (not owned); set it before the first
    // delivery. Without one the OS keychain is used.
    void setSecretStore(SecretStore* store);
    // The authorization code flow the deliveries get their tokens from: silent, it uses the stored
    // refresh token and never opens a browser; the face (CLI, GUI) sets its sign-in hint.
    AuthorizationCodeFlow* authorizationCode();
    // Signs in through the browser (`openUrl` opens the address) and keeps the access token for
    // the deliveries: a send afterwards uses it until it expires, and refreshes only then.
    // `done` gets the outcome with the exchange trace; `context` guards it.
    void signIn(const AuthorizationCodeConfig& config,
                std::function<void(const QUrl&)> openUrl,
                QObject* context,
                TokenProvider::Callback done);
    // The key the deliveries' access tokens of an authorization-code profile are cached under:
    // every setting that changes the token request (the refresh token itself is per client and
    // token URL, see AuthorizationCodeConfig::keychainEntry).
    static QString authorizationCodeCacheKey(const AuthorizationCodeConfig& config);

signals:
    void attemptFinished(const AttemptTrace& trace);
    void historyError(const QString& message);

private:
    friend class Delivery;
    // oauth2AuthorizationCode: a cached token, or one refresh for all the deliveries waiting for
    // it (a rotating refresh token must never be used twice at once).
    void authorizationCodeToken(const AuthorizationCodeConfig& config, QObject* context, TokenProvider::Callback done);
    void invalidateAuthorizationCodeToken(const QString& key) { m_codeTokens.remove(key); }
    void finishAuthorizationCodeToken(const QString& key, const TokenOutcome& outcome);
    void record(const AttemptTrace& trace, const QByteArray& eventJson);
    void flushHistory();
    // Qt keys its connection cache by scheme, host and port only, so a kept-alive TLS connection
    // made with one profile's client certificate, trust and pins would serve another profile's
    // request to the same origin. Called before each https request: when the TLS settings for
    // the origin differ from the last ones used, the cached connections are dropped.
    void useTlsSettings(const QString& origin, const QString& settings);

    QNetworkAccessManager* m_network;
    TokenProvider* m_tokens;
    HistoryStore* m_history = nullptr;
    // Attempts not yet written: while other deliveries are in flight, one transaction per
    // event-loop turn instead of one per attempt (see record()).
    QList<QPair<AttemptTrace, QByteArray>> m_pendingHistory;
    bool m_flushQueued = false;
    QHash<QString, QString> m_tlsSettingsByOrigin;
    QRandomGenerator m_random {QRandomGenerator::securelySeeded()};

    struct CodeWaiter
    {
        QPointer<QObject> context;
        TokenProvider::Callback done;
    };
    QPointer<SecretStore> m_secretStore;
    AuthorizationCodeFlow* m_codeFlow = nullptr;
    AuthorizationCodeFlow* m_signInFlow = nullptr;   // interactive: opens the browser
    QHash<QString, AccessToken> m_codeTokens;        // by authorizationCodeCacheKey()
    QHash<QString, QList<CodeWaiter>> m_codeWaiters; // refreshes in flight
    int m_codeFetches = 0;
};

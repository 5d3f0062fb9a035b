#pragma once

#include "TokenProvider.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class HttpServer;
class QNetworkAccessManager;
class SecretStore;

// Everything the authorization code flow needs (docs/oauth2.md "Authorization code with PKCE"), secrets resolved.
struct AuthorizationCodeConfig
{
    QUrl authUrl;
    QUrl tokenUrl;
    QString clientId;
    QByteArray clientSecret;                      // empty for a public client
    QString clientAuth = QStringLiteral("basic"); // basic or post
    QString scope;
    QString redirectUri; // empty: http://127.0.0.1:PORT/callback on a free port
    bool pkce = true;
    int timeoutMs = 30000;        // each token request
    int signInTimeoutMs = 300000; // how long the browser sign-in may take
    QString keychainEntry;        // where the refresh token lives

    static Result<AuthorizationCodeConfig> fromProfile(const EndpointProfile& profile, const SecretValues& secrets);
    // "oauth2-refresh:CLIENT@TOKENURL": one entry per client and authorization server.
    static QString keychainEntryFor(const AuthConfig& auth);
};

// OAuth 2.0 authorization code with PKCE for a native app (RFC 6749 §4.1, RFC 7636, RFC 8252):
// the system browser signs the user in, the redirect comes back to a loopback listener, the
// code is exchanged, and the refresh token is kept in the keychain so later tokens come
// silently. Opening the browser is the caller's (core has no GUI): it gets the URL to open.
class AuthorizationCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationCodeFlow)

public:
    using OpenUrl = std::function<void(const QUrl&)>;
    using Callback = std::function<void(Result<AccessToken>)>;
    // The token or the error, with the exchange trace (request and answer, secrets masked) and
    // whether only a new sign-in can help.
    using OutcomeCallback = std::function<void(const TokenOutcome&)>;

    AuthorizationCodeFlow(QNetworkAccessManager* network, SecretStore* store, QObject* parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // Without one the flow is silent: it uses the stored refresh token or fails, never asking
    // anyone to sign in (the delivery engine's way).
    void setOpenUrl(OpenUrl openUrl) { m_openUrl = std::move(openUrl); }
    // Added to the error when a sign-in is needed but cannot happen here, such as
    // "run `hookbench-cli token --profile P.json` to sign in".
    void setSignInHint(const QString& hint) { m_signInHint = hint; }
    // When the stored refresh token is refused (invalid_grant, invalid_scope): sign in at once
    // (true) instead of failing with "sign in again" (false, the default).
    void setSignInWhenRefused(bool signIn) { m_signInWhenRefused = signIn; }

    // A token: from the stored refresh token when there is one (silently), else by signing in.
    // The refresh asks for no scope (RFC 6749 §6: "as originally granted"), so a server that
    // refuses scopes the refresh token does not carry never sees any. A refused refresh token
    // (invalid_grant, invalid_scope) is deleted from the store and the error asks to sign in again.
    void token(const AuthorizationCodeConfig& config, Callback done);
    void tokenWithTrace(const AuthorizationCodeConfig& config, OutcomeCallback done);
    // Signs in through the browser whatever is stored.
    void signIn(const AuthorizationCodeConfig& config, Callback done);
    void signInWithTrace(const AuthorizationCodeConfig& config, OutcomeCallback done);

    // RFC 7636: 43 characters of base64url from 32 CSPRNG bytes, and its S256 challenge.
    static QByteArray makeCodeVerifier();
    static QByteArray codeChallenge(const QByteArray& verifier);

signals:
    // Something the user should know that did not stop the token, e.g. that the refresh token
    // could not be kept in the keychain (the next run will have to sign in again).
    void warning(const QString& message);

private:
    struct Pending;
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString networkError;
        QJsonObject trace; // startedAt, request, response, elapsedMs
    };
    void refresh(const AuthorizationCodeConfig& config, const QByteArray& refreshToken, OutcomeCallback done);
    void onCallback(const QByteArray& query);
    void exchange(const AuthorizationCodeConfig& config,
                  QList<QPair<QString, QString>> form,
                  std::function<void(const Answer&)> done);
    void finishSignIn(TokenOutcome outcome);
    // Keeps a refresh token from `body` (if any) in the store, then calls `then`.
    void storeRefreshToken(const AuthorizationCodeConfig& config, const QByteArray& body, std::function<void()> then);
    TokenOutcome signInNeeded(const QString& why) const;

    QNetworkAccessManager* m_network;
    QPointer<SecretStore> m_store;
    OpenUrl m_openUrl;
    QString m_signInHint;
    bool m_signInWhenRefused = false;
    std::unique_ptr<Pending> m_pending;
};

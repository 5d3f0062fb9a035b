#include "AuthorizationCodeFlow.h"

#include "http/HttpServer.h"
#include "secrets/SecretStore.h"
#include "signing/Crypto.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/crypto.h>

namespace {
QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray formEncode(const QString& text)
{
    QByteArray out = text.toUtf8().toPercentEncoding(" ");
    out.replace(' ', '+');
    return out;
}

bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray page(const QString& title, const QString& text)
{
    return QStringLiteral("<!doctype html><meta charset=utf-8><title>HookBench</title><h1>%1</h1><p>%2</p>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
}
} // namespace

struct AuthorizationCodeFlow::Pending
{
    AuthorizationCodeConfig config;
    OutcomeCallback done;
    QByteArray state;
    QByteArray verifier;
    QString redirectUri;
    std::unique_ptr<HttpServer> server;
    QTimer timer;
    bool answered = false;
};

Result<AuthorizationCodeConfig> AuthorizationCodeConfig::fromProfile(const EndpointProfile& profile,
                                                                     const SecretValues& secrets)
{
    const AuthConfig& auth = profile.auth;
    AuthorizationCodeConfig config;
    config.authUrl = QUrl(auth.authUrl);
    if (!config.authUrl.isValid() || config.authUrl.host().isEmpty()) {
        return Error(QStringLiteral("must be the authorization endpoint's absolute URL"),
                     QStringLiteral("auth.authUrl"));
    }
    config.tokenUrl = QUrl(auth.effectiveTokenUrl());
    if (!config.tokenUrl.isValid() || config.tokenUrl.host().isEmpty()) {
        return Error(QStringLiteral("must be the token endpoint's absolute URL"), QStringLiteral("auth.tokenUrl"));
    }
    if (auth.clientId.isEmpty()) {
        return Error(QStringLiteral("is missing: the client id registered with the authorization server"),
                     QStringLiteral("auth.clientId"));
    }
    config.clientId = auth.clientId;
    config.clientSecret = secrets.value(auth.clientSecret);
    config.clientAuth = auth.clientAuth.isEmpty() ? QStringLiteral("basic") : auth.clientAuth;
    if (config.clientAuth != u"basic" && config.clientAuth != u"post") {
        return Error(QStringLiteral("must be basic or post for the authorization code flow"),
                     QStringLiteral("auth.clientAuth"));
    }
    config.scope = auth.scope;
    config.redirectUri = auth.redirectUri;
    config.pkce = auth.pkce;
    config.timeoutMs = std::max(1, profile.timeoutMs);
    config.keychainEntry = keychainEntryFor(auth);
    return config;
}

QString AuthorizationCodeConfig::keychainEntryFor(const AuthConfig& auth)
{
    return QStringLiteral("oauth2-refresh:%1@%2").arg(auth.clientId, auth.effectiveTokenUrl());
}

AuthorizationCodeFlow::AuthorizationCodeFlow(QNetworkAccessManager* network, SecretStore* store, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
{ }

AuthorizationCodeFlow::~AuthorizationCodeFlow() = default;

QByteArray AuthorizationCodeFlow::makeCodeVerifier()
{
    return base64Url(Crypto::randomBytes(32)); // 43 characters
}

QByteArray AuthorizationCodeFlow::codeChallenge(const QByteArray& verifier)
{
    return base64Url(Crypto::sha256(verifier));
}

namespace {
AuthorizationCodeFlow::OutcomeCallback withoutTrace(AuthorizationCodeFlow::Callback done)
{
    return [done = std::move(done)](const TokenOutcome& outcome) {
        if (outcome.ok()) {
            done(*outcome.token);
        } else {
            done(outcome.error);
        }
    };
}

// The outcome of one exchange with the token endpoint: the token, or the error in words.
TokenOutcome outcomeOf(int status, const QByteArray& body, const QString& networkError, QJsonObject trace)
{
    TokenOutcome outcome;
    if (!networkError.isEmpty()) {
        outcome.error = Error(networkError, QStringLiteral("auth.tokenUrl"));
    } else {
        auto parsed = TokenProvider::parseResponse(status, body, QDateTime::currentDateTimeUtc());
        if (parsed) {
            outcome.token = std::move(parsed).value();
        } else {
            outcome.error = parsed.error();
        }
    }
    if (!outcome.ok()) {
        trace.insert(QStringLiteral("error"), outcome.error.message);
    }
    outcome.exchange = trace;
    return outcome;
}
} // namespace

void AuthorizationCodeFlow::token(const AuthorizationCodeConfig& config, Callback done)
{
    tokenWithTrace(config, withoutTrace(std::move(done)));
}

void AuthorizationCodeFlow::signIn(const AuthorizationCodeConfig& config, Callback done)
{
    signInWithTrace(config, withoutTrace(std::move(done)));
}

void AuthorizationCodeFlow::tokenWithTrace(const AuthorizationCodeConfig& config, OutcomeCallback done)
{
    if (!m_store) {
        signInWithTrace(config, std::move(done));
        return;
    }
    m_store->read(
        config.keychainEntry, [this, config, done = std::move(done)](Result<std::optional<QByteArray>> stored) mutable {
            if (stored && stored.value() && !stored.value()->isEmpty()) {
                refresh(config, *stored.value(), std::move(done));
            } else if (!m_openUrl) {
                done(signInNeeded(stored
                                      ? QStringLiteral("no refresh token is stored for client %1 (keychain entry %2)")
                                            .arg(config.clientId, config.keychainEntry)
                                      : QStringLiteral("the refresh token cannot be read from the keychain (%1)")
                                            .arg(stored.error().message)));
            } else {
                signInWithTrace(config, std::move(done)); // nothing stored (or no keychain): sign in
            }
        });
}

TokenOutcome AuthorizationCodeFlow::signInNeeded(const QString& why) const
{
    TokenOutcome outcome;
    outcome.signInNeeded = true;
    outcome.error = Error(why + QStringLiteral(": sign in first")
                          + (m_signInHint.isEmpty() ? QString() : QStringLiteral(": ") + m_signInHint));
    return outcome;
}

void AuthorizationCodeFlow::refresh(const AuthorizationCodeConfig& config,
                                    const QByteArray& refreshToken,
                                    OutcomeCallback done)
{
    // No scope: RFC 6749 §6 makes it optional, and without it the server grants what the refresh
    // token carries. Repeating the sign-in's scope (offline_access among it) is refused by servers
    // that check it against the refresh token's own scope (oidc-provider: invalid_scope).
    const QList<QPair<QString, QString>> form {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                               {QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken)}};
    exchange(config, form, [this, config, done](const Answer& answer) {
        TokenOutcome outcome = outcomeOf(answer.status, answer.body, answer.networkError, answer.trace);
        if (outcome.ok()) {
            // Rotated refresh tokens replace the old one before anyone may ask for the next token.
            auto kept = std::make_shared<TokenOutcome>(std::move(outcome));
            storeRefreshToken(config, answer.body, [done, kept] { done(*kept); });
            return;
        }
        const QString error = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toString();
        if (!answer.networkError.isEmpty() || (error != u"invalid_grant" && error != u"invalid_scope")) {
            done(outcome);
            return;
        }
        // The server will never take this refresh token again: forgotten before the caller hears
        // of it, so a short-lived process does not quit with the dead token still in the keychain.
        const QString refused = outcome.error.message;
        const QJsonObject trace = outcome.exchange;
        const auto next = [this, config, done, refused, trace](const QString& removal) {
            if (m_signInWhenRefused && m_openUrl) {
                signInWithTrace(config, done);
                return;
            }
            TokenOutcome failed;
            failed.signInNeeded = true;
            failed.error = Error(
                QStringLiteral("sign in again: the stored refresh token was refused (%1); %2%3")
                    .arg(refused, removal, m_signInHint.isEmpty() ? QString() : QStringLiteral(": ") + m_signInHint));
            failed.exchange = trace;
            failed.exchange.insert(QStringLiteral("error"), failed.error.message);
            failed.exchange.insert(QStringLiteral("signInNeeded"), true);
            done(failed);
        };
        if (!m_store) {
            next(QStringLiteral("it was not stored"));
            return;
        }
        QPointer<AuthorizationCodeFlow> self(this);
        const QString entry = config.keychainEntry;
        m_store->remove(entry, [self, next, entry](Result<void> removed) {
            if (self) {
                next(removed ? QStringLiteral("it was deleted from the keychain (entry %1)").arg(entry)
                             : QStringLiteral("it could not be deleted from the keychain (entry %1: %2)")
                                   .arg(entry, removed.error().message));
            }
        });
    });
}

void AuthorizationCodeFlow::signInWithTrace(const AuthorizationCodeConfig& config, OutcomeCallback done)
{
    const auto failed = [](const Error& error) {
        TokenOutcome outcome;
        outcome.error = error;
        return outcome;
    };
    if (m_pending) {
        done(failed(Error(QStringLiteral("a sign-in is already waiting for the browser"))));
        return;
    }
    if (!m_openUrl) {
        done(signInNeeded(QStringLiteral("a sign-in in the browser is needed, but nothing here can open one")));
        return;
    }
    auto pending = std::make_unique<Pending>();
    pending->config = config;
    pending->done = std::move(done);
    pending->state = base64Url(Crypto::randomBytes(32)); // 256 bits
    pending->verifier = makeCodeVerifier();
    pending->server = std::make_unique<HttpServer>();

    QUrl redirect(config.redirectUri.isEmpty() ? QStringLiteral("http://127.0.0.1:0/callback") : config.redirectUri);
    if (redirect.scheme() != u"http" || (redirect.host() != u"127.0.0.1" && redirect.host() != u"localhost")) {
        pending->done(failed(Error(QStringLiteral("must be an http://127.0.0.1:PORT/... loopback address (RFC 8252)"),
                                   QStringLiteral("auth.redirectUri"))));
        return;
    }
    auto listening = pending->server->listen(QHostAddress::LocalHost, quint16(std::max(0, redirect.port(0))));
    if (!listening) {
        pending->done(
            failed(Error(QStringLiteral("cannot listen for the sign-in redirect: %1").arg(listening.error().message),
                         QStringLiteral("auth.redirectUri"))));
        return;
    }
    redirect.setPort(pending->server->serverPort());
    if (redirect.path().isEmpty()) {
        redirect.setPath(QStringLiteral("/callback"));
    }
    pending->redirectUri = redirect.toString();
    const QString callbackPath = redirect.path();
    pending->server->setHandler([this, callbackPath](const ReceivedRequest& request, HttpResponder responder) {
        if (request.path != callbackPath || !m_pending || m_pending->answered) {
            responder.respond(HttpResponse::text(404, "not the sign-in callback"));
            return;
        }
        const QUrlQuery query(request.query);
        const bool stateOk =
            sameBytes(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8(), m_pending->state);
        HttpResponse response;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
        if (!stateOk) {
            response.status = 400;
            response.body = page(QStringLiteral("Sign-in refused"),
                                 QStringLiteral("This answer does not belong to the sign-in HookBench started."));
        } else {
            response.body = page(QStringLiteral("Signed in"), QStringLiteral("You can close this window."));
        }
        responder.respond(response);
        onCallback(request.query.toUtf8());
    });

    QUrl authUrl = config.authUrl;
    QUrlQuery query(authUrl);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), config.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), pending->redirectUri);
    if (!config.scope.isEmpty()) {
        query.addQueryItem(QStringLiteral("scope"), config.scope);
    }
    if (config.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QStringLiteral("offline_access"))) {
        // OpenID Connect Core §11: offline_access is ignored (no refresh token) unless the user is
        // asked to consent; oidc-provider drops it without prompt=consent.
        query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("consent"));
    }
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(pending->state));
    if (config.pkce) {
        query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge(pending->verifier)));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    }
    // The items above hold no reserved characters but the redirect URI and scope: encode fully.
    QString encoded;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        encoded += (encoded.isEmpty() ? QString() : QStringLiteral("&")) + QString::fromLatin1(formEncode(name))
                   + QLatin1Char('=') + QString::fromLatin1(formEncode(value));
    }
    authUrl.setQuery(encoded, QUrl::StrictMode);

    pending->timer.setSingleShot(true);
    connect(&pending->timer, &QTimer::timeout, this, [this, failed] {
        finishSignIn(failed(Error(
            QStringLiteral("no sign-in within %1 s; start it again").arg(m_pending->config.signInTimeoutMs / 1000))));
    });
    pending->timer.start(config.signInTimeoutMs);
    m_pending = std::move(pending);
    m_openUrl(authUrl);
}

void AuthorizationCodeFlow::onCallback(const QByteArray& rawQuery)
{
    const auto failed = [](const QString& message) {
        TokenOutcome outcome;
        outcome.error = Error(message);
        return outcome;
    };
    m_pending->answered = true;
    const QUrlQuery query(QString::fromUtf8(rawQuery));
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (!sameBytes(state.toUtf8(), m_pending->state)) {
        finishSignIn(failed(QStringLiteral("state mismatch: the redirect did not answer the sign-in HookBench started"
                                           " (a stale or forged redirect); sign in again")));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        finishSignIn(failed(QStringLiteral("the authorization server refused the sign-in: %1%2")
                                .arg(error, description.isEmpty() ? QString() : QStringLiteral(": ") + description)));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        finishSignIn(failed(QStringLiteral("the redirect carried no code")));
        return;
    }
    QList<QPair<QString, QString>> form {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                         {QStringLiteral("code"), code},
                                         {QStringLiteral("redirect_uri"), m_pending->redirectUri}};
    if (m_pending->config.pkce) {
        form.append({QStringLiteral("code_verifier"), QString::fromLatin1(m_pending->verifier)});
    }
    const AuthorizationCodeConfig config = m_pending->config;
    exchange(config, form, [this, config](const Answer& answer) {
        TokenOutcome outcome = outcomeOf(answer.status, answer.body, answer.networkError, answer.trace);
        if (!outcome.ok()) {
            finishSignIn(std::move(outcome));
            return;
        }
        auto kept = std::make_shared<TokenOutcome>(std::move(outcome));
        storeRefreshToken(config, answer.body, [this, kept] { finishSignIn(*kept); });
    });
}

void AuthorizationCodeFlow::finishSignIn(TokenOutcome outcome)
{
    if (!m_pending) {
        return;
    }
    std::unique_ptr<Pending> pending = std::move(m_pending);
    pending->timer.stop();
    OutcomeCallback done = std::move(pending->done);
    // The listener may be inside its handler, and its page to the browser still on the way:
    // it goes a moment later (later requests are answered 404, nothing is pending any more).
    HttpServer* server = pending->server.release();
    server->setParent(this);
    QTimer::singleShot(1000, server, [server] {
        server->close();
        server->deleteLater();
    });
    done(outcome);
}

void AuthorizationCodeFlow::storeRefreshToken(const AuthorizationCodeConfig& config,
                                              const QByteArray& body,
                                              std::function<void()> then)
{
    const QString refreshToken =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("refresh_token")).toString();
    if (refreshToken.isEmpty() || !m_store) {
        then();
        return;
    }
    // The caller hears of the token once the write is done, so a short-lived process (the CLI)
    // does not quit with the refresh token still on its way to the keychain.
    QPointer<AuthorizationCodeFlow> self(this);
    m_store->write(config.keychainEntry,
                   refreshToken.toUtf8(),
                   [self, entry = config.keychainEntry, then = std::move(then)](Result<void> written) {
                       if (!self) {
                           return;
                       }
                       if (!written) {
                           emit self->warning(QStringLiteral("the refresh token could not be kept in the keychain"
                                                             " (entry %1): %2; the next run will have to sign in"
                                                             " again")
                                                  .arg(entry, written.error().message));
                       }
                       then();
                   });
}

void AuthorizationCodeFlow::exchange(const AuthorizationCodeConfig& config,
                                     QList<QPair<QString, QString>> form,
                                     std::function<void(const Answer&)> done)
{
    QNetworkRequest request(config.tokenUrl);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (config.clientAuth == u"basic" && !config.clientSecret.isEmpty()) {
        const QByteArray credentials =
            formEncode(config.clientId) + ':' + formEncode(QString::fromUtf8(config.clientSecret));
        headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
    } else {
        form.append({QStringLiteral("client_id"), config.clientId});
        if (!config.clientSecret.isEmpty()) {
            form.append({QStringLiteral("client_secret"), QString::fromUtf8(config.clientSecret)});
        }
    }
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    for (const auto& [name, value] : std::as_const(headers)) {
        request.setRawHeader(name, value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QByteArray body;
    for (const auto& [name, value] : std::as_const(form)) {
        body += (body.isEmpty() ? QByteArray() : QByteArray("&")) + formEncode(name) + '=' + formEncode(value);
    }
    // What the Token tab shows: the request as sent (secrets masked) and, below, the answer.
    QJsonObject trace {
        {QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("request"),
         TokenProvider::requestTrace(config.tokenUrl, config.clientAuth, headers, form, body.size())},
    };
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    request.setTransferTimeout(config.timeoutMs);
    QNetworkReply* reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, trace, clock, done = std::move(done)]() mutable {
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        if (answer.status == 0) {
            answer.networkError = QStringLiteral("token endpoint unreachable: %1").arg(reply->errorString());
        }
        trace.insert(QStringLiteral("response"), TokenProvider::responseTrace(reply, answer.body));
        trace.insert(QStringLiteral("elapsedMs"), qRound(double(clock->nsecsElapsed()) / 1e5) / 10.0);
        answer.trace = trace;
        done(answer);
    });
}

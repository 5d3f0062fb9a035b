#include "FakeSecretStore.h"
#include "LoopbackServer.h"
#include "tst_oauth_tokenserver.h"

#include "auth/AuthorizationCodeFlow.h"
#include "delivery/DeliveryEngine.h"
#include "secrets/SecretRef.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>

// The authorization code flow with PKCE against the independent Python authorization server:
// the "browser" is a QNetworkAccessManager that follows the server's redirect to HookBench's
// loopback listener, so the whole flow runs without a display.
class TestOAuthAuthCode final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PyTokenServer m_server;
    QNetworkAccessManager m_browserNetwork;
    QList<QUrl> m_opened;
    int m_browserStatus = 0;

    AuthorizationCodeConfig config(const QString& clientAuth = QStringLiteral("basic"))
    {
        AuthorizationCodeConfig config;
        config.authUrl = QUrl(QString::fromLatin1(m_server.url("/authorize")));
        config.tokenUrl = QUrl(QString::fromLatin1(m_server.url("/token")));
        config.clientId = QStringLiteral("desktop app");
        config.clientSecret = "desk secret&1";
        config.clientAuth = clientAuth;
        config.scope = QStringLiteral("hooks offline_access");
        config.keychainEntry = QStringLiteral("oauth2-refresh:test");
        return config;
    }

    // A browser: opens the URL (after `tamper`) and follows the redirect to the listener.
    AuthorizationCodeFlow::OpenUrl browser(std::function<QUrl(QUrl)> tamper = {})
    {
        return [this, tamper](const QUrl& url) {
            m_opened.append(url);
            QNetworkReply* reply = m_browserNetwork.get(QNetworkRequest(tamper ? tamper(url) : url));
            connect(reply, &QNetworkReply::finished, this, [this, reply] {
                m_browserStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                reply->deleteLater();
            });
        };
    }

    Result<AccessToken> run(AuthorizationCodeFlow& flow, const AuthorizationCodeConfig& config)
    {
        std::optional<Result<AccessToken>> result;
        flow.token(config, [&](Result<AccessToken> answer) { result = std::move(answer); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            return Error(QStringLiteral("the flow never answered"));
        }
        return std::move(*result);
    }

    TokenOutcome runWithTrace(AuthorizationCodeFlow& flow, const AuthorizationCodeConfig& config)
    {
        std::optional<TokenOutcome> result;
        flow.tokenWithTrace(config, [&](const TokenOutcome& answer) { result = answer; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            TokenOutcome never;
            never.error = Error(QStringLiteral("the flow never answered"));
            return never;
        }
        return *result;
    }

    // An oauth2AuthorizationCode endpoint profile for the engine, delivering to `hook`.
    EndpointProfile codeProfile(const LoopbackServer& hook, const QString& clientAuth = QStringLiteral("basic"))
    {
        EndpointProfile profile;
        profile.name = QStringLiteral("Ringostat-like");
        profile.url = QUrl(QString::fromLatin1(hook.url()));
        profile.timeoutMs = 5000;
        profile.auth.type = AuthType::OAuth2AuthorizationCode;
        profile.auth.authUrl = QString::fromLatin1(m_server.url("/authorize"));
        profile.auth.tokenUrl = QString::fromLatin1(m_server.url("/token"));
        profile.auth.clientId = QStringLiteral("desktop app");
        profile.auth.clientSecret = QStringLiteral("literal:desk secret&1");
        profile.auth.clientAuth = clientAuth;
        profile.auth.scope = QStringLiteral("hooks offline_access");
        return profile;
    }

    static SecretValues secretsOf(const EndpointProfile& profile)
    {
        return SecretValues {{profile.auth.clientSecret, QByteArray("desk secret&1")}};
    }

    static AttemptTrace deliverOnce(DeliveryEngine& engine, const EndpointProfile& profile)
    {
        Delivery* delivery =
            engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false});
        QSignalSpy finished(delivery, &Delivery::finished);
        if (!finished.wait(20000) || delivery->attempts().isEmpty()) {
            AttemptTrace never;
            never.error = QStringLiteral("the delivery never finished");
            return never;
        }
        return delivery->attempts().last();
    }

    QList<QJsonObject> tokenRequests()
    {
        QList<QJsonObject> out;
        for (const auto& entry : m_server.log()) {
            if (!entry.toObject().contains(QStringLiteral("authorize"))) {
                out.append(entry.toObject());
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start(m_dir.path(),
                               QJsonObject {{QStringLiteral("clientId"), QStringLiteral("desktop app")},
                                            {QStringLiteral("clientSecret"), QStringLiteral("desk secret&1")}}));
    }

    void init()
    {
        m_server.reset();
        m_opened.clear();
        m_browserStatus = 0;
    }

    void pkceVerifier()
    {
        const QByteArray verifier = AuthorizationCodeFlow::makeCodeVerifier();
        QVERIFY(verifier.size() >= 43 && verifier.size() <= 128);
        QVERIFY(verifier != AuthorizationCodeFlow::makeCodeVerifier());
        // S256 as Python's hashlib computes it.
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys,hashlib,base64;print(base64.urlsafe_b64encode(hashlib.sha256("
                                     "sys.argv[1].encode()).digest()).rstrip(b'=').decode())"),
                      QString::fromLatin1(verifier)});
        QVERIFY(python.waitForFinished(10000));
        QCOMPARE(AuthorizationCodeFlow::codeChallenge(verifier), python.readAllStandardOutput().trimmed());
    }

    void signInThenRefreshSilently_data()
    {
        QTest::addColumn<QString>("clientAuth");
        QTest::addColumn<QString>("seenForm");
        QTest::newRow("basic") << QStringLiteral("basic") << QStringLiteral("basic");
        QTest::newRow("post") << QStringLiteral("post") << QStringLiteral("post");
    }

    void signInThenRefreshSilently()
    {
        QFETCH(QString, clientAuth);
        QFETCH(QString, seenForm);
        FakeSecretStore store;
        QNetworkAccessManager network;
        AuthorizationCodeFlow flow(&network, &store);
        flow.setOpenUrl(browser());

        const auto first = run(flow, config(clientAuth));
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QVERIFY(first->value.startsWith("at-"));
        QCOMPARE(m_opened.size(), 1);
        QCOMPARE(m_browserStatus, 200);

        const QUrlQuery opened(m_opened.first());
        QCOMPARE(opened.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(opened.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(opened.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        // offline_access (in the scope) gets a refresh token from OpenID servers only with consent.
        QCOMPARE(opened.queryItemValue(QStringLiteral("prompt")), QStringLiteral("consent"));
        QVERIFY(opened.queryItemValue(QStringLiteral("state")).size() >= 22); // >= 128 bits of base64url
        QVERIFY(opened.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral("http://127.0.0.1:")));

        auto requests = tokenRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().value(QStringLiteral("grantType")).toString(), QStringLiteral("authorization_code"));
        QCOMPARE(requests.first().value(QStringLiteral("pkce")).toString(), QStringLiteral("ok"));
        QCOMPARE(requests.first().value(QStringLiteral("form_used")).toString(), seenForm);
        QCOMPARE(requests.first().value(QStringLiteral("error")), QJsonValue(QJsonValue::Null));
        QTRY_VERIFY(store.entries().value(QStringLiteral("oauth2-refresh:test")).startsWith("rt-"));
        const QByteArray firstRefresh = store.entries().value(QStringLiteral("oauth2-refresh:test"));

        // From now on: silently, with the stored refresh token, no browser.
        const auto second = run(flow, config(clientAuth));
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QVERIFY(second->value != first->value);
        QCOMPARE(m_opened.size(), 1);
        requests = tokenRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.last().value(QStringLiteral("grantType")).toString(), QStringLiteral("refresh_token"));
        QTRY_VERIFY(store.entries().value(QStringLiteral("oauth2-refresh:test")) != firstRefresh); // rotated

        // Issue 17: the refresh names no scope (the server, like oidc-provider, refuses one that
        // repeats offline_access), and refreshing again keeps working.
        QVERIFY(!requests.last().value(QStringLiteral("form")).toObject().contains(QStringLiteral("scope")));
        const auto third = run(flow, config(clientAuth));
        QVERIFY2(third.ok(), qPrintable(third.error().toString()));
        QCOMPARE(third->scope, QStringLiteral("hooks"));
        QCOMPARE(tokenRequests().size(), 3);
        QCOMPARE(m_opened.size(), 1);
    }

    void refusedRefreshTokenIsDeleted_data()
    {
        QTest::addColumn<QByteArray>("refreshToken");
        QTest::addColumn<QString>("error");
        QTest::newRow("invalid_grant") << QByteArray("rt-revoked") << QStringLiteral("invalid_grant");
        QTest::newRow("invalid_scope") << QByteArray("rt-scope-refused") << QStringLiteral("invalid_scope");
    }

    // Issue 17: a refresh token the server refuses is deleted, the error says so and asks for a
    // sign-in (the trace shows the request and the 400 that came back).
    void refusedRefreshTokenIsDeleted()
    {
        QFETCH(QByteArray, refreshToken);
        QFETCH(QString, error);
        FakeSecretStore store;
        store.setEntry(QStringLiteral("oauth2-refresh:test"), refreshToken);
        QNetworkAccessManager network;
        AuthorizationCodeFlow flow(&network, &store);
        flow.setSignInHint(QStringLiteral("run `hookbench-cli token --sign-in --profile p.json` to sign in again"));
        const TokenOutcome outcome = runWithTrace(flow, config());
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.signInNeeded);
        const QString message = outcome.error.message;
        QVERIFY2(message.startsWith(QStringLiteral("sign in again: the stored refresh token was refused (token"
                                                   " endpoint refused (HTTP 400): ")
                                    + error),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("it was deleted from the keychain (entry oauth2-refresh:test)")),
                 qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(": run `hookbench-cli token --sign-in --profile p.json` to sign in"
                                                 " again")),
                 qPrintable(message));
        QVERIFY(!store.entries().contains(QStringLiteral("oauth2-refresh:test")));
        QCOMPARE(m_opened.size(), 0);
        QCOMPARE(tokenRequests().size(), 1);

        const QJsonObject request = outcome.exchange.value(QStringLiteral("request")).toObject();
        QCOMPARE(request.value(QStringLiteral("grantType")).toString(), QStringLiteral("refresh_token"));
        QVERIFY(request.value(QStringLiteral("headers"))
                    .toObject()
                    .value(QStringLiteral("Authorization"))
                    .toString()
                    .startsWith(QStringLiteral("\u2022\u2022\u2022\u2022")));
        QVERIFY(!request.value(QStringLiteral("form")).toObject().contains(QStringLiteral("scope")));
        QCOMPARE(request.value(QStringLiteral("form")).toObject().value(QStringLiteral("refresh_token")).toString(),
                 maskSecret(refreshToken));
        const QJsonObject response = outcome.exchange.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(response.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Cache-Control")).toString(),
                 QStringLiteral("no-store"));
        QCOMPARE(response.value(QStringLiteral("body")).toObject().value(QStringLiteral("error")).toString(), error);
    }

    // Issue 17: every send waiting for the refused token fails with the sentence that says to sign
    // in again; one refresh was tried, none again, and nothing went to the webhook.
    void sendsWaitingForARefusedTokenFailOnce()
    {
        FakeSecretStore store;
        LoopbackServer hook;
        store.setEntry(AuthorizationCodeConfig::keychainEntryFor(codeProfile(hook).auth), "rt-revoked");
        DeliveryEngine engine;
        engine.setSecretStore(&store);
        engine.authorizationCode()->setSignInHint(QStringLiteral("press Sign in"));
        EndpointProfile profile = codeProfile(hook);
        profile.retry.maxAttempts = 3;
        QList<Delivery*> deliveries;
        for (int i = 0; i < 3; ++i) {
            deliveries.append(
                engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(deliveries.cbegin(),
                                             deliveries.cend(),
                                             [](const Delivery* delivery) { return delivery->isFinished(); }),
                                 20000);
        for (const Delivery* delivery : std::as_const(deliveries)) {
            QCOMPARE(delivery->attempts().size(), 1); // not retried: only a sign-in helps
            const AttemptTrace trace = delivery->attempts().first();
            QVERIFY2(trace.error.startsWith(QStringLiteral("token fetch refused: sign in again: the stored refresh"
                                                           " token was refused")),
                     qPrintable(trace.error));
            QVERIFY2(trace.error.contains(QStringLiteral("it was deleted from the keychain")), qPrintable(trace.error));
            QVERIFY2(trace.error.endsWith(QStringLiteral(": press Sign in")), qPrintable(trace.error));
            QCOMPARE(trace.tokenExchange.value(QStringLiteral("signInNeeded")).toBool(), true);
        }
        QCOMPARE(tokenRequests().size(), 1);
        QCOMPARE(hook.requests().size(), 0);
        QVERIFY(store.entries().isEmpty());

        // A later send does not try again: nothing is stored, it says to sign in.
        const AttemptTrace later = deliverOnce(engine, profile);
        QVERIFY2(later.error.contains(QStringLiteral("no refresh token is stored for client desktop app")),
                 qPrintable(later.error));
        QCOMPARE(later.tokenExchange.value(QStringLiteral("signInNeeded")).toBool(), true);
        QCOMPARE(tokenRequests().size(), 1);
    }

    // Issue 18.3: the Token tab of a refused refresh shows the request that went out and the HTTP
    // answer that came back, never "no answer".
    void refreshTraceShowsRequestAndAnswer()
    {
        FakeSecretStore store;
        LoopbackServer hook;
        store.setEntry(AuthorizationCodeConfig::keychainEntryFor(codeProfile(hook).auth), "rt-revoked");
        DeliveryEngine engine;
        engine.setSecretStore(&store);
        const AttemptTrace trace = deliverOnce(engine, codeProfile(hook, QStringLiteral("post")));
        const QJsonObject exchange = trace.tokenExchange;
        const QJsonObject request = exchange.value(QStringLiteral("request")).toObject();
        QCOMPARE(request.value(QStringLiteral("url")).toString(), QString::fromLatin1(m_server.url("/token")));
        QCOMPARE(request.value(QStringLiteral("clientAuth")).toString(), QStringLiteral("post"));
        const QJsonObject form = request.value(QStringLiteral("form")).toObject();
        QCOMPARE(form.value(QStringLiteral("grant_type")).toString(), QStringLiteral("refresh_token"));
        QCOMPARE(form.value(QStringLiteral("client_id")).toString(), QStringLiteral("desktop app"));
        QCOMPARE(form.value(QStringLiteral("client_secret")).toString(), maskSecret("desk secret&1"));
        QCOMPARE(request.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Content-Type")).toString(),
                 QStringLiteral("application/x-www-form-urlencoded"));
        const QJsonValue response = exchange.value(QStringLiteral("response"));
        QVERIFY2(response.isObject(), QJsonDocument(exchange).toJson().constData());
        QCOMPARE(response.toObject().value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(response.toObject().value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("application/json"));
        QCOMPARE(response.toObject()
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("error_description"))
                     .toString(),
                 QStringLiteral("refresh token revoked"));
        QVERIFY(!QJsonDocument(trace.toJson(false)).toJson().contains("desk secret&1"));
    }

    // Issue 18.1: the access token sign-in obtained serves the sends until it expires: no refresh.
    void signedInTokenServesTheSends()
    {
        FakeSecretStore store;
        LoopbackServer hook;
        DeliveryEngine engine;
        engine.setSecretStore(&store);
        const EndpointProfile profile = codeProfile(hook);
        auto config = AuthorizationCodeConfig::fromProfile(profile, secretsOf(profile));
        QVERIFY(config);
        config->keychainEntry = AuthorizationCodeConfig::keychainEntryFor(profile.auth);
        std::optional<TokenOutcome> signedIn;
        engine.signIn(config.value(), browser(), this, [&](const TokenOutcome& outcome) { signedIn = outcome; });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 20000);
        QVERIFY2(signedIn->ok(), qPrintable(signedIn->error.toString()));
        QCOMPARE(
            signedIn->exchange.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(),
            200);
        QCOMPARE(tokenRequests().size(), 1);

        for (int i = 0; i < 2; ++i) {
            const AttemptTrace trace = deliverOnce(engine, profile);
            QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        }
        QCOMPARE(tokenRequests().size(), 1); // the authorization_code exchange only
        QCOMPARE(engine.tokenFetches(), 0);
        QCOMPARE(hook.requests().last().header("Authorization"), QByteArray("Bearer ") + signedIn->token->value);

        // Another client authentication changes the token request: it is not served from that cache.
        const AttemptTrace post = deliverOnce(engine, codeProfile(hook, QStringLiteral("post")));
        QVERIFY2(post.outcome == AttemptTrace::Outcome::Delivered, qPrintable(post.error));
        QCOMPARE(tokenRequests().size(), 2);
        QCOMPARE(tokenRequests().last().value(QStringLiteral("form_used")).toString(), QStringLiteral("post"));
    }

    void revokedRefreshTokenAsksToSignInAgain()
    {
        FakeSecretStore store;
        store.setEntry(QStringLiteral("oauth2-refresh:test"), "rt-revoked");
        QNetworkAccessManager network;
        AuthorizationCodeFlow flow(&network, &store);
        flow.setOpenUrl(browser());
        const auto result = run(flow, config());
        QVERIFY(!result);
        QVERIFY2(result.error().message.startsWith(QStringLiteral("sign in again:")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("invalid_grant")));
        QCOMPARE(m_opened.size(), 0);
        QTRY_VERIFY(!store.entries().contains(QStringLiteral("oauth2-refresh:test")));
    }

    void stateMismatchIsRefused()
    {
        FakeSecretStore store;
        QNetworkAccessManager network;
        AuthorizationCodeFlow flow(&network, &store);
        flow.setOpenUrl(browser([](QUrl url) {
            QUrlQuery query(url);
            query.removeQueryItem(QStringLiteral("state"));
            query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-state-of-another-sign-in"));
            url.setQuery(query);
            return url;
        }));
        const auto result = run(flow, config());
        QVERIFY(!result);
        QVERIFY2(result.error().message.startsWith(QStringLiteral("state mismatch")),
                 qPrintable(result.error().message));
        QTRY_COMPARE(m_browserStatus, 400);
        QCOMPARE(tokenRequests().size(), 0); // the code was never exchanged
        QVERIFY(store.entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOAuthAuthCode)
#include "tst_oauth_authcode.moc"

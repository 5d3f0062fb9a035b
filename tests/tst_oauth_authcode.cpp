#include "FakeSecretStore.h"
#include "tst_oauth_tokenserver.h"

#include "auth/AuthorizationCodeFlow.h"

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

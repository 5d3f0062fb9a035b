#include "LoopbackServer.h"
#include "tst_oauth_tokenserver.h"

#include <QTemporaryDir>
#include <QUrlQuery>

using Run = TestSupport::CliRun;
using TestSupport::jsonLines;

// `send` and `token` with OAuth 2.0 client credentials, as a user runs them: the real binary,
// the independent Python token server, a loopback webhook endpoint.
class TestOAuthCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PyTokenServer m_tokens;
    LoopbackServer* m_hook = nullptr;

    QProcessEnvironment cliEnvironment()
    {
        QProcessEnvironment env = TestSupport::cliEnvironment(m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("OAUTH_CS"), QStringLiteral("cli-secret-value"));
        // No browser may ever start from a test (the sign-in also runs with --no-browser).
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        return env;
    }

    Run cli(const QStringList& args, const QByteArray& input = {})
    {
        return TestSupport::runCli(args, cliEnvironment(), input);
    }

    QString profile(const QByteArray& tokenPath, const QString& clientAuth, const QJsonObject& extra = {})
    {
        QJsonObject auth {{QStringLiteral("type"), QStringLiteral("oauth2ClientCredentials")},
                          {QStringLiteral("tokenUrl"), QString::fromLatin1(m_tokens.url(tokenPath))},
                          {QStringLiteral("clientId"), QStringLiteral("cli-client")},
                          {QStringLiteral("clientSecret"), QStringLiteral("env:OAUTH_CS")},
                          {QStringLiteral("clientAuth"), clientAuth}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            auth.insert(it.key(), it.value());
        }
        const QJsonObject json {{QStringLiteral("format"), QStringLiteral("hookbench.endpoint/1")},
                                {QStringLiteral("url"), QString::fromLatin1(m_hook->url())},
                                {QStringLiteral("auth"), auth}};
        const QString path = m_dir.filePath(QStringLiteral("profile.json"));
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(QJsonDocument(json).toJson());
        return path;
    }

    // oauth2AuthorizationCode against the Python server's /authorize (signs in at once) and /token.
    QString codeProfile()
    {
        const QJsonObject auth {{QStringLiteral("type"), QStringLiteral("oauth2AuthorizationCode")},
                                {QStringLiteral("authUrl"), QString::fromLatin1(m_tokens.url("/authorize"))},
                                {QStringLiteral("tokenUrl"), QString::fromLatin1(m_tokens.url("/token"))},
                                {QStringLiteral("clientId"), QStringLiteral("cli-client")},
                                {QStringLiteral("clientSecret"), QStringLiteral("env:OAUTH_CS")},
                                {QStringLiteral("scope"), QStringLiteral("hooks offline_access")}};
        const QJsonObject json {{QStringLiteral("format"), QStringLiteral("hookbench.endpoint/1")},
                                {QStringLiteral("url"), QString::fromLatin1(m_hook->url())},
                                {QStringLiteral("auth"), auth}};
        const QString path = m_dir.filePath(QStringLiteral("code-profile.json"));
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(QJsonDocument(json).toJson());
        return path;
    }

    QString codeKeychainEntry() const
    {
        return QStringLiteral("oauth2-refresh:cli-client@") + QString::fromLatin1(m_tokens.url("/token"));
    }

    QStringList codeArgs(const QString& command, const QStringList& more = {})
    {
        return QStringList {command, QStringLiteral("--profile"), codeProfile()} + more;
    }

    QStringList sendArgs(const QStringList& more = {})
    {
        return codeArgs(QStringLiteral("send"),
                        QStringList {QStringLiteral("--type"),
                                     QStringLiteral("t.code"),
                                     QStringLiteral("--data"),
                                     QStringLiteral("{}"),
                                     QStringLiteral("--no-history")}
                            + more);
    }

    // `token` for an authorization-code profile, with the test as the browser: it waits for the
    // printed sign-in address, follows it (the server redirects to the CLI's loopback listener)
    // and lets the CLI finish.
    struct SignInRun
    {
        Run run;
        QUrl opened;
        int browserStatus = 0;
    };
    SignInRun signIn(const QStringList& args)
    {
        SignInRun result;
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(TestSupport::cliPath(), args);
        if (!process.waitForStarted()) {
            return result;
        }
        process.closeWriteChannel();
        QByteArray err;
        const auto signInUrl = [&]() -> QUrl {
            err += process.readAllStandardError();
            for (const QByteArray& line : err.split('\n')) {
                if (line.trimmed().startsWith("http://") && line.contains("/authorize?")) {
                    return QUrl(QString::fromUtf8(line.trimmed()));
                }
            }
            return {};
        };
        if (QTest::qWaitFor([&] { return !signInUrl().isEmpty() || process.state() == QProcess::NotRunning; }, 30000)) {
            result.opened = signInUrl();
        }
        if (result.opened.isValid()) {
            QNetworkAccessManager browser;
            QNetworkReply* reply = browser.get(QNetworkRequest(result.opened));
            if (QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
                result.browserStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            }
            delete reply;
        }
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
        }
        result.run = {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                      process.readAllStandardOutput(),
                      err + process.readAllStandardError()};
        return result;
    }

    QList<QJsonObject> tokenRequests()
    {
        QList<QJsonObject> out;
        for (const auto& entry : m_tokens.log()) {
            if (!entry.toObject().contains(QStringLiteral("authorize"))) {
                out.append(entry.toObject());
            }
        }
        return out;
    }

    // The CLI keeps refresh tokens in the OS keychain: without a Secret Service (scripts/bootstrap.sh
    // test provides one) the sign-in cannot be kept, and the test is skipped unless required.
    bool keychainAvailable(QByteArray* why)
    {
        const Run probe = cli({QStringLiteral("secret"), QStringLiteral("get"), codeKeychainEntry()});
        *why = probe.err;
        return !probe.err.contains("No keychain");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_tokens.start(m_dir.path(),
                               QJsonObject {{QStringLiteral("clientId"), QStringLiteral("cli-client")},
                                            {QStringLiteral("clientSecret"), QStringLiteral("cli-secret-value")}}));
        m_hook = new LoopbackServer(this);
    }

    void init() { m_tokens.reset(); }

    void sendRepeatFetchesOneToken()
    {
        const QString path = profile("/t/ok/repeat", QStringLiteral("basic"));
        const Run run = cli({QStringLiteral("send"),
                             QStringLiteral("--profile"),
                             path,
                             QStringLiteral("--type"),
                             QStringLiteral("t.x"),
                             QStringLiteral("--data"),
                             QStringLiteral("{}"),
                             QStringLiteral("--repeat"),
                             QStringLiteral("100"),
                             QStringLiteral("--json"),
                             QStringLiteral("--no-history")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 101);
        const QJsonObject summary = lines.last().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("events")).toInt(), 100);
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 100);
        QCOMPARE(summary.value(QStringLiteral("tokenFetches")).toInt(), 1);
        QCOMPARE(m_tokens.log().size(), 1);
        // Exactly one attempt line carries the exchange; the token is masked in every line.
        int withExchange = 0;
        for (int i = 0; i < 100; ++i) {
            const QJsonObject line = lines.at(i);
            withExchange += line.contains(QStringLiteral("tokenExchange")) ? 1 : 0;
            const QString authorization = line.value(QStringLiteral("request"))
                                              .toObject()
                                              .value(QStringLiteral("headers"))
                                              .toObject()
                                              .value(QStringLiteral("Authorization"))
                                              .toString();
            QVERIFY2(authorization.startsWith(QStringLiteral("\u2022\u2022\u2022\u2022")), qPrintable(authorization));
        }
        QVERIFY(withExchange >= 1); // every waiter of the single fetch shows it
        QVERIFY(!run.out.contains("cli-secret-value"));
        QVERIFY(m_hook->requests().last().header("Authorization").startsWith("Bearer tok-"));
    }

    void sendFailsWhenTheTokenIsRefused()
    {
        const Run run = cli({QStringLiteral("send"),
                             QStringLiteral("--profile"),
                             profile("/t/error/send", QStringLiteral("post")),
                             QStringLiteral("--type"),
                             QStringLiteral("t.x"),
                             QStringLiteral("--data"),
                             QStringLiteral("{}"),
                             QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("token fetch refused: token endpoint refused (HTTP 400): invalid_scope"),
                 run.out.constData());
    }

    void tokenShowsTheAssertionAndMasksTheToken()
    {
        const Run run = cli({QStringLiteral("token"),
                             QStringLiteral("--profile"),
                             profile("/t/ok/token", QStringLiteral("jwt")),
                             QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonLines(run.out).first();
        QCOMPARE(out.value(QStringLiteral("clientAuth")).toString(), QStringLiteral("jwt"));
        const QString token =
            out.value(QStringLiteral("token")).toObject().value(QStringLiteral("access_token")).toString();
        QCOMPARE(token, QStringLiteral("\u2022\u2022\u2022\u2022xxxx"));
        const QJsonObject assertion = out.value(QStringLiteral("assertion")).toObject();
        QCOMPARE(assertion.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
                 QStringLiteral("HS256"));
        const QJsonObject claims = assertion.value(QStringLiteral("claims")).toObject();
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("cli-client"));
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QString::fromLatin1(m_tokens.url("/t/ok/token")));
        // What the server verified is what was printed.
        QCOMPARE(m_tokens.log().first().toObject().value(QStringLiteral("assertionClaims")).toObject(), claims);
        QVERIFY(!run.out.contains("cli-secret-value"));

        const Run shown = cli({QStringLiteral("token"),
                               QStringLiteral("--profile"),
                               profile("/t/ok/token2", QStringLiteral("post")),
                               QStringLiteral("--show-secrets")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("\"access_token\": \"tok-"), shown.out.constData());
        QVERIFY(shown.out.contains("token valid until"));
    }

    void tokenExitCodes()
    {
        const Run ok =
            cli({QStringLiteral("token"), QStringLiteral("--profile"), profile("/t/ok/x", QStringLiteral("basic"))});
        QCOMPARE(ok.exitCode, 0);
        const Run error =
            cli({QStringLiteral("token"), QStringLiteral("--profile"), profile("/t/mac/x", QStringLiteral("post"))});
        QCOMPARE(error.exitCode, 1);
        QVERIFY2(error.err.contains("token fetch refused: token_type is \"mac\", not Bearer"), error.err.constData());
        const Run config = cli({QStringLiteral("token"),
                                QStringLiteral("--profile"),
                                profile("/t/ok/x", QStringLiteral("carrier-pigeon"))});
        QCOMPARE(config.exitCode, 2);
        QVERIFY2(config.err.contains("auth.clientAuth"), config.err.constData());
    }

    void authCodeSendWithoutSignInSaysHow()
    {
        cli({QStringLiteral("secret"), QStringLiteral("delete"), codeKeychainEntry()});
        const int before = m_hook->requests().size();
        const Run run = cli(sendArgs());
        QCOMPARE(run.exitCode, 1);
        const QByteArray hint =
            "run `hookbench-cli token --sign-in --profile " + codeProfile().toUtf8() + "` to sign in";
        QVERIFY2(run.out.contains("failed: token fetch refused: "), run.out.constData());
        QVERIFY2(run.out.contains(hint), run.out.constData());
        QCOMPARE(m_hook->requests().size(), before); // nothing went out without a token
        QCOMPARE(tokenRequests().size(), 0);
    }

    void authCodeSignInThroughTheCli()
    {
        QByteArray why;
        if (!keychainAvailable(&why)) {
            if (qEnvironmentVariableIntValue("HOOKBENCH_REQUIRE_KEYCHAIN") == 1) {
                QFAIL(why.constData());
            }
            QSKIP("no Secret Service in this session (scripts/bootstrap.sh test provides one)");
        }
        const QString entry = codeKeychainEntry();
        cli({QStringLiteral("secret"), QStringLiteral("delete"), entry});

        // 1. No refresh token: `token` prints the sign-in address; the "browser" follows it.
        const SignInRun first =
            signIn(codeArgs(QStringLiteral("token"), {QStringLiteral("--json"), QStringLiteral("--no-browser")}));
        QVERIFY2(first.run.exitCode == 0, first.run.err.constData());
        QCOMPARE(first.browserStatus, 200);
        QVERIFY(first.run.err.contains("Sign in by opening this address in a browser:"));
        const QUrlQuery opened(first.opened);
        QCOMPARE(opened.queryItemValue(QStringLiteral("client_id")), QStringLiteral("cli-client"));
        QCOMPARE(opened.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QJsonObject out = jsonLines(first.run.out).first();
        QCOMPARE(out.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(out.value(QStringLiteral("signedIn")).toBool(), true);
        QCOMPARE(out.value(QStringLiteral("grant")).toString(), QStringLiteral("authorization_code"));
        QCOMPARE(out.value(QStringLiteral("keychainEntry")).toString(), entry);
        QCOMPARE(out.value(QStringLiteral("token")).toObject().value(QStringLiteral("access_token")).toString(),
                 QStringLiteral("\u2022\u2022\u2022\u2022yyyy"));
        QVERIFY(!first.run.out.contains("at-") && !first.run.out.contains("rt-"));
        auto requests = tokenRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().value(QStringLiteral("grantType")).toString(), QStringLiteral("authorization_code"));
        QCOMPARE(requests.first().value(QStringLiteral("pkce")).toString(), QStringLiteral("ok"));
        QCOMPARE(requests.first().value(QStringLiteral("form_used")).toString(), QStringLiteral("basic"));
        // The refresh token is in the keychain (the CLI waited for the write before exiting).
        const Run stored =
            cli({QStringLiteral("secret"), QStringLiteral("get"), entry, QStringLiteral("--show-secrets")});
        QCOMPARE(stored.exitCode, 0);
        QVERIFY2(stored.out.startsWith("rt-"), stored.out.constData());

        // 2. `send` uses it silently: one refresh for all the deliveries.
        m_tokens.reset();
        const Run send = cli(sendArgs({QStringLiteral("--repeat"), QStringLiteral("3"), QStringLiteral("--json")}));
        QVERIFY2(send.exitCode == 0, send.out.constData());
        const QJsonObject summary = jsonLines(send.out).last().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 3);
        QCOMPARE(summary.value(QStringLiteral("tokenFetches")).toInt(), 1);
        requests = tokenRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().value(QStringLiteral("grantType")).toString(), QStringLiteral("refresh_token"));
        QVERIFY(m_hook->requests().last().header("Authorization").startsWith("Bearer at-"));

        // 3. `token` again: no sign-in, the (rotated) refresh token serves.
        const Run again = cli(codeArgs(QStringLiteral("token"), {QStringLiteral("--json")}));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        out = jsonLines(again.out).first();
        QCOMPARE(out.value(QStringLiteral("signedIn")).toBool(), false);
        QCOMPARE(out.value(QStringLiteral("grant")).toString(), QStringLiteral("refresh_token"));
        QVERIFY(!again.err.contains("/authorize?"));

        // 4. A refused refresh token (invalid_grant): `send` says to sign in again and deletes it ...
        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), entry}, "rt-revoked\n").exitCode, 0);
        const Run refused = cli(sendArgs());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains("sign in again: the stored refresh token was refused"), refused.out.constData());
        QVERIFY2(refused.out.contains("invalid_grant"), refused.out.constData());
        QVERIFY2(refused.out.contains(QByteArray("it was deleted from the keychain (entry " + entry.toUtf8() + ")")),
                 refused.out.constData());
        QVERIFY2(refused.out.contains("run `hookbench-cli token --sign-in --profile "), refused.out.constData());
        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("get"), entry}).exitCode, 1);
        // ... and so does `token` (issue 17: invalid_scope too), without starting a sign-in ...
        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), entry}, "rt-scope-refused\n").exitCode, 0);
        const Run tokenRefused = cli(codeArgs(QStringLiteral("token")));
        QCOMPARE(tokenRefused.exitCode, 1);
        QVERIFY2(tokenRefused.err.contains("invalid_scope: refresh token missing requested scope"),
                 tokenRefused.err.constData());
        QVERIFY2(tokenRefused.err.contains("it was deleted from the keychain"), tokenRefused.err.constData());
        QVERIFY2(tokenRefused.err.contains(QByteArray("run `hookbench-cli token --sign-in --profile "
                                                      + codeProfile().toUtf8() + "` to sign in again")),
                 tokenRefused.err.constData());
        QVERIFY(!tokenRefused.err.contains("/authorize?"));
        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("get"), entry}).exitCode, 1);
        // ... which `token --sign-in` does.
        const SignInRun renewed =
            signIn(codeArgs(QStringLiteral("token"), {QStringLiteral("--sign-in"), QStringLiteral("--no-browser")}));
        QVERIFY2(renewed.run.exitCode == 0, renewed.run.err.constData());
        QCOMPARE(renewed.browserStatus, 200);
        QVERIFY2(renewed.run.out.contains("signed in; code exchanged"), renewed.run.out.constData());
        QVERIFY(cli({QStringLiteral("secret"), QStringLiteral("get"), entry, QStringLiteral("--show-secrets")})
                    .out.startsWith("rt-"));

        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("delete"), entry}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestOAuthCli)
#include "tst_oauth_cli.moc"

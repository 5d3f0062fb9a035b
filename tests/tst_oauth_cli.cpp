#include "LoopbackServer.h"
#include "tst_oauth_tokenserver.h"

#include <QTemporaryDir>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const auto& line : out.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            lines.append(QJsonDocument::fromJson(line).object());
        }
    }
    return lines;
}
} // namespace

// `send` and `token` with OAuth 2.0 client credentials, as a user runs them: the real binary,
// the independent Python token server, a loopback webhook endpoint.
class TestOAuthCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PyTokenServer m_tokens;
    LoopbackServer* m_hook = nullptr;

    Run cli(const QStringList& args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOOKBENCH_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("OAUTH_CS"), QStringLiteral("cli-secret-value"));
        process.setProcessEnvironment(env);
        process.start(TestSupport::cliPath(), args);
        if (!process.waitForStarted()) {
            return {};
        }
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(),
                process.readAllStandardError()};
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
};

QTEST_GUILESS_MAIN(TestOAuthCli)
#include "tst_oauth_cli.moc"

#include "LoopbackServer.h"
#include "TestSupport.h"

#include "signing/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using Run = TestSupport::CliRun;
using TestSupport::jsonLines;

// hookbench-cli as a user runs it: the real binary, real files, a real server on loopback.
class TestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LoopbackServer* m_server = nullptr;

    // Runs the CLI without blocking the event loop, so the loopback server can answer it.
    Run cli(const QStringList& args, const QProcessEnvironment& extraEnv = {}, const QByteArray& input = {})
    {
        return TestSupport::runCli(
            args, TestSupport::cliEnvironment(m_dir.filePath(QStringLiteral("data")), extraEnv), input);
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(content);
        return path;
    }

    QString profile(const QByteArray& extra, const QByteArray& url = {})
    {
        const QByteArray target = url.isEmpty() ? m_server->url() : url;
        return write(QStringLiteral("profile.json"),
                     "{\"format\":\"hookbench.endpoint/1\",\"name\":\"CLI test\",\"url\":\"" + target + "\""
                         + (extra.isEmpty() ? QByteArray() : "," + extra) + "}");
    }

    QString event()
    {
        return write(QStringLiteral("event.json"),
                     "{\"id\":\"evt_cli_1\",\"type\":\"policy.bound\",\"timestamp\":\"2026-11-23T10:00:00Z\",\"data\":{"
                     "\"policyId\":\"abc\"}}");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(TestSupport::cliPath()), "HOOKBENCH_CLI must point at the built hookbench-cli");
    }

    void init() { m_server = new LoopbackServer(this); }

    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void versionAndHelp()
    {
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("hookbench-cli " HOOKBENCH_VERSION "\n"));

        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"send",
                                    "receive",
                                    "token",
                                    "curl",
                                    "sign",
                                    "verify",
                                    "replay",
                                    "check",
                                    "gen-key",
                                    "gen-cert",
                                    "secret"}) {
            QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + command + ' ')), command);
        }
        const Run sendHelp = cli({QStringLiteral("send"), QStringLiteral("--help")});
        QCOMPARE(sendHelp.exitCode, 0);
        for (const char* flag :
             {"--profile", "--event", "--type", "--data", "--repeat", "--json", "--show-secrets", "--no-retry"}) {
            QVERIFY2(sendHelp.out.contains(flag), flag);
        }
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("profileJson"); // empty: no profile file written
        QTest::addColumn<QByteArray>("expectedError");

        QTest::newRow("unknown command") << QStringList {QStringLiteral("launch")} << QByteArray()
                                         << QByteArray("hookbench-cli launch: unknown command");
        QTest::newRow("unknown flag") << QStringList {QStringLiteral("send"), QStringLiteral("--bogus")} << QByteArray()
                                      << QByteArray("Unknown option 'bogus'");
        QTest::newRow("no profile") << QStringList {QStringLiteral("send"),
                                                    QStringLiteral("--type"),
                                                    QStringLiteral("t")}
                                    << QByteArray() << QByteArray("--profile P.json is required");
        QTest::newRow("missing profile file") << QStringList {QStringLiteral("send"),
                                                              QStringLiteral("--profile"),
                                                              QStringLiteral("/nonexistent/p.json"),
                                                              QStringLiteral("--type"),
                                                              QStringLiteral("t")}
                                              << QByteArray() << QByteArray("/nonexistent/p.json");
        QTest::newRow("malformed json") << QStringList {}
                                        << QByteArray("{\"format\": \"hookbench.endpoint/1\",\n  \"url\": }")
                                        << QByteArray("profile.json");
        QTest::newRow("missing url") << QStringList {} << QByteArray("{\"format\":\"hookbench.endpoint/1\"}")
                                     << QByteArray("url");
        QTest::newRow("unknown auth type") << QStringList {}
                                           << QByteArray("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://"
                                                         "127.0.0.1:9/\",\"auth\":{\"type\":\"magic\"}}")
                                           << QByteArray("auth.type");
        QTest::newRow("header injection") << QStringList {}
                                          << QByteArray("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://"
                                                        "127.0.0.1:9/\",\"headers\":{\"X-A\":\"a\\r\\nX-Evil: 1\"}}")
                                          << QByteArray("headers.X-A");
        QTest::newRow("unset env secret")
            << QStringList {}
            << QByteArray("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:9/"
                          "\",\"auth\":{\"type\":\"bearer\",\"token\":\"env:HOOKBENCH_TEST_UNSET_VAR\"}}")
            << QByteArray("auth.token: environment variable HOOKBENCH_TEST_UNSET_VAR is not set");
        QTest::newRow("bad --data") << QStringList {QStringLiteral("--data"), QStringLiteral("{nope")}
                                    << QByteArray(
                                           "{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:9/\"}")
                                    << QByteArray("--data");
        QTest::newRow("bad --repeat") << QStringList {QStringLiteral("--repeat"), QStringLiteral("0")}
                                      << QByteArray(
                                             "{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:9/\"}")
                                      << QByteArray("--repeat");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, profileJson);
        QFETCH(QByteArray, expectedError);
        if (!profileJson.isEmpty()) {
            const QString path = write(QStringLiteral("profile.json"), profileJson);
            args = QStringList {QStringLiteral("send"),
                                QStringLiteral("--profile"),
                                path,
                                QStringLiteral("--type"),
                                QStringLiteral("policy.bound")}
                   + args;
        }
        const Run run = cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1); // one line
        QVERIFY2(run.err.contains(expectedError), run.err.constData());
    }

    void injectionThroughASecretSendsNothing()
    {
        const QString path = profile("\"auth\":{\"type\":\"bearer\",\"token\":\"env:HB_TOKEN\"}");
        QProcessEnvironment env;
        env.insert(QStringLiteral("HB_TOKEN"), QStringLiteral("abc\r\nX-Evil: yes"));
        const Run run =
            cli({QStringLiteral("send"), QStringLiteral("--profile"), path, QStringLiteral("--event"), event()}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("auth.token") && run.err.contains("line break"), run.err.constData());
        QVERIFY(!run.err.contains("X-Evil")); // the secret value is not echoed
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void sendDeliversWithMaskedSecrets()
    {
        const QString path =
            profile("\"auth\":{\"type\":\"basic\",\"username\":\"acme\",\"password\":\"env:HB_PW\"},\n            "
                    "\"signatures\":[{\"scheme\":\"github\",\"secret\":\"literal:It's a Secret to Everybody\"}]");
        QProcessEnvironment env;
        env.insert(QStringLiteral("HB_PW"), QStringLiteral("hunter2-password"));
        const QStringList args {QStringLiteral("send"),
                                QStringLiteral("--profile"),
                                path,
                                QStringLiteral("--event"),
                                event(),
                                QStringLiteral("--json")};
        const Run run = cli(args, env);
        QCOMPARE(run.exitCode, 0);
        const auto lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 2);
        const QJsonObject attempt = lines.first();
        QCOMPARE(attempt.value(QStringLiteral("event")).toString(), QStringLiteral("evt_cli_1"));
        QCOMPARE(attempt.value(QStringLiteral("attempt")).toInt(), 1);
        QCOMPARE(attempt.value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
        QCOMPARE(attempt.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(attempt.value(QStringLiteral("elapsedMs")).toDouble() > 0);
        const QJsonObject headers =
            attempt.value(QStringLiteral("request")).toObject().value(QStringLiteral("headers")).toObject();
        const QByteArray basic = "Basic " + QByteArray("acme:hunter2-password").toBase64();
        QCOMPARE(headers.value(QStringLiteral("Authorization")).toString(),
                 QString::fromUtf8("\u2022\u2022\u2022\u2022") + QString::fromLatin1(basic.right(4)));
        QVERIFY(!run.out.contains(QByteArray("acme:hunter2-password").toBase64()));
        QCOMPARE(
            lines.last(),
            (QJsonObject {
                {QStringLiteral("summary"),
                 QJsonObject {{QStringLiteral("events"), 1},
                              {QStringLiteral("delivered"), 1},
                              {QStringLiteral("failed"), 0},
                              {QStringLiteral("tokenFetches"), 0},
                              {QStringLiteral("elapsedMs"),
                               lines.last()[QStringLiteral("summary")][QStringLiteral("elapsedMs")]},
                              {QStringLiteral("deliveriesPerSecond"),
                               lines.last()[QStringLiteral("summary")][QStringLiteral("deliveriesPerSecond")]}}}}));

        const auto& received = m_server->requests().first();
        QCOMPARE(received.header("Authorization"), basic);
        QCOMPARE(received.header("X-Hub-Signature-256"),
                 "sha256=" + Crypto::hmacSha256("It's a Secret to Everybody", received.body).toHex());

        // --show-secrets reveals the value; the human output says what happened.
        const Run shown = cli(args + QStringList {QStringLiteral("--show-secrets")}, env);
        QVERIFY(shown.out.contains(basic));
        const Run human = cli(args.mid(0, 5), env);
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("[evt_cli_1] attempt 1/1: 200 OK in "), human.out.constData());
        QVERIFY(human.out.contains("1 event: 1 delivered, 0 failed"));

        // ... and the history holds it, masked.
        const Run history = cli({QStringLiteral("history"),
                                 QStringLiteral("--event-id"),
                                 QStringLiteral("evt_cli_1"),
                                 QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(jsonLines(history.out).size(), 3);
        QVERIFY(!history.out.contains(QByteArray("acme:hunter2-password").toBase64()));
    }

    void repeatSendsFreshIds()
    {
        const QString path = profile("\"signatures\":[{\"scheme\":\"hmac-sha256\",\"secret\":\"literal:k\"}]");
        const Run run = cli({QStringLiteral("send"),
                             QStringLiteral("--profile"),
                             path,
                             QStringLiteral("--type"),
                             QStringLiteral("call.ended"),
                             QStringLiteral("--data"),
                             QStringLiteral("{\"n\":1}"),
                             QStringLiteral("--repeat"),
                             QStringLiteral("25"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const auto lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 26);
        QSet<QString> ids;
        for (const auto& line : lines.mid(0, 25)) {
            ids.insert(line.value(QStringLiteral("event")).toString());
        }
        QCOMPARE(ids.size(), 25);
        QCOMPARE(m_server->requests().size(), 25);
        const QJsonObject summary = lines.last().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("events")).toInt(), 25);
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 25);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("call.ended"));
        QVERIFY(body.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("evt_")));
        QVERIFY(!body.value(QStringLiteral("timestamp")).toString().isEmpty());
    }

    void failuresExitOne()
    {
        m_server->setResponses({{500, "Internal Server Error"}});
        const QString path = profile("\"retry\":{\"policy\":\"fixed\",\"intervalMs\":10,\"maxAttempts\":3}");
        const Run run = cli({QStringLiteral("send"),
                             QStringLiteral("--profile"),
                             path,
                             QStringLiteral("--event"),
                             event(),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const auto lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0).value(QStringLiteral("outcome")).toString(), QStringLiteral("retrying"));
        QCOMPARE(lines.at(2).value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(lines.at(2).value(QStringLiteral("error")).toString(),
                 QStringLiteral("HTTP 500 Internal Server Error"));

        const Run once = cli({QStringLiteral("send"),
                              QStringLiteral("--profile"),
                              path,
                              QStringLiteral("--event"),
                              event(),
                              QStringLiteral("--no-retry"),
                              QStringLiteral("--json")});
        QCOMPARE(once.exitCode, 1);
        QCOMPARE(jsonLines(once.out).size(), 2);

        const QString down = profile({}, "http://127.0.0.1:1/hook");
        const Run refused =
            cli({QStringLiteral("send"), QStringLiteral("--profile"), down, QStringLiteral("--event"), event()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains("connection refused by 127.0.0.1:1"), refused.out.constData());
    }

    void sigtermEndsASendCleanlyWithWhatItHas()
    {
        m_server->setResponses({{500, "Internal Server Error"}});
        const QString path = profile("\"retry\":{\"policy\":\"fixed\",\"intervalMs\":60000,\"maxAttempts\":3}");
        QProcess process;
        process.setProcessEnvironment(TestSupport::cliEnvironment(m_dir.filePath(QStringLiteral("data-sigterm"))));
        process.start(TestSupport::cliPath(),
                      {QStringLiteral("send"),
                       QStringLiteral("--profile"),
                       path,
                       QStringLiteral("--event"),
                       event(),
                       QStringLiteral("--json")});
        QVERIFY(process.waitForStarted());
        // The first attempt's line arrives as soon as it is made (lines are flushed one by one).
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += process.readAllStandardOutput();
                return out.contains('\n');
            },
            10000));
        QCOMPARE(
            QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object().value(QStringLiteral("outcome")).toString(),
            QStringLiteral("retrying"));
        process.terminate(); // SIGTERM during the 60 s wait
        QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1); // not delivered
        out += process.readAllStandardOutput();
        const auto lines = jsonLines(out);
        QVERIFY(lines.size() >= 2);
        const QJsonObject summary = lines.last().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("interrupted")).toBool(), true);
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 0);
        QVERIFY(process.readAllStandardError().contains("interrupted"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void signAndCurlShowTheRequest()
    {
        const QString path = profile("\"auth\":{\"type\":\"apiKey\",\"headerName\":\"X-Api-Key\",\"value\":\"literal:"
                                     "key-0123456789\"},\n            "
                                     "\"signatures\":[{\"scheme\":\"hmac-sha256\",\"header\":\"X-Covered-Signature-1\","
                                     "\"secret\":\"literal:Open Sesame\"}]");
        const QString rawBody = write(QStringLiteral("body.txt"), "Hello, from Covered!");
        const QStringList args {QStringLiteral("--profile"),
                                path,
                                QStringLiteral("--event"),
                                event(),
                                QStringLiteral("--raw-body"),
                                rawBody};
        const Run sign = cli(QStringList {QStringLiteral("sign")} + args);
        QCOMPARE(sign.exitCode, 0);
        // The published Covered vector, computed over the exact raw body.
        QVERIFY2(sign.out.contains(
                     "X-Covered-Signature-1: c5bd4c4eab749a037897b3df74f407e095bef784d65c5077252c31525af6d481\n"),
                 sign.out.constData());
        // A 14-character key: too short for its last 4 characters to be shown.
        QVERIFY2(sign.out.contains("X-Api-Key: \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\n"),
                 sign.out.constData());
        QVERIFY(!sign.out.contains("6789"));
        QVERIFY(sign.out.endsWith("\n\nHello, from Covered!\n"));
        QCOMPARE(m_server->requests().size(), 0); // sign sends nothing

        const Run curl = cli(QStringList {QStringLiteral("curl")} + args);
        QCOMPARE(curl.exitCode, 0);
        QVERIFY(curl.out.startsWith("curl -sS -X POST "));
        QVERIFY(curl.out.contains("-H 'X-Covered-Signature-1: c5bd4c4e"));
        QVERIFY(!curl.out.contains("key-0123456789"));
        QVERIFY(curl.out.contains("--data-binary 'Hello, from Covered!'"));
        const Run revealed = cli(QStringList {QStringLiteral("curl"), QStringLiteral("--show-secrets")} + args);
        QVERIFY(revealed.out.contains("-H 'X-Api-Key: key-0123456789'"));
    }

    void curlKeepsABinaryBodyRunnable()
    {
        const QString path = profile({});
        const QByteArray bytes("a\0b\xff'c%d\\", 9);
        const QString rawBody = write(QStringLiteral("binary.bin"), bytes);
        const Run curl = cli({QStringLiteral("curl"),
                              QStringLiteral("--profile"),
                              path,
                              QStringLiteral("--event"),
                              event(),
                              QStringLiteral("--raw-body"),
                              rawBody});
        QCOMPARE(curl.exitCode, 0);
        QVERIFY2(curl.out.startsWith("printf 'a\\000b\\377\\047c\\045d\\134' | curl "), curl.out.constData());
        QVERIFY(curl.out.contains(" --data-binary @- "));
        QVERIFY(curl.out.endsWith("/hook'\n")); // nothing cut after the NUL

        // Run it as printed: the server gets the exact bytes.
        QProcess shell;
        shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), QString::fromUtf8(curl.out)});
        QVERIFY(shell.waitForStarted());
        QVERIFY(QTest::qWaitFor([&shell] { return shell.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().body, bytes);
    }

    void schedulePreviewsSixADayForFourteenDays()
    {
        const QString path = profile("\"retry\":{\"policy\":\"fixed\",\"intervalMs\":14400000,\"maxAttempts\":84}");
        const Run run = cli({QStringLiteral("schedule"),
                             QStringLiteral("--profile"),
                             path,
                             QStringLiteral("--start"),
                             QStringLiteral("2026-11-23T10:00:00Z")});
        QCOMPARE(run.exitCode, 0);
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 85);
        QCOMPARE(lines.first(), QByteArray("84 attempts over 13 d 20 h, one every 4 h"));
        QVERIFY(lines.at(1).contains("2026-11-23T10:00:00Z"));
        QVERIFY(lines.last().contains("2026-12-07T06:00:00Z"));
        QVERIFY(lines.last().contains("+13 d 20 h"));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void secretRoundTripThroughTheKeychain()
    {
        const QString name = QStringLiteral("tst-cli-%1").arg(QCoreApplication::applicationPid());
        const Run set = cli({QStringLiteral("secret"), QStringLiteral("set"), name}, {}, "s3cr3t-value-1234\n");
        if (set.exitCode != 0 && set.err.contains("No keychain")) {
            if (qEnvironmentVariableIntValue("HOOKBENCH_REQUIRE_KEYCHAIN") == 1) {
                QFAIL(set.err.constData());
            }
            QSKIP("no Secret Service in this session (scripts/bootstrap.sh test provides one)");
        }
        QCOMPARE(set.exitCode, 0);
        QVERIFY(!set.out.contains("s3cr3t-value"));

        const Run masked = cli({QStringLiteral("secret"), QStringLiteral("get"), name});
        QCOMPARE(masked.exitCode, 0);
        QCOMPARE(masked.out,
                 QByteArray("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"
                            "1234\n"));
        const Run shown =
            cli({QStringLiteral("secret"), QStringLiteral("get"), name, QStringLiteral("--show-secrets")});
        QCOMPARE(shown.out, QByteArray("s3cr3t-value-1234\n")); // the trailing newline of stdin was not stored

        // A profile refers to it as keychain:NAME and the value reaches the wire.
        const QString path = profile("\"auth\":{\"type\":\"bearer\",\"token\":\"keychain:" + name.toUtf8() + "\"}");
        const Run send =
            cli({QStringLiteral("send"), QStringLiteral("--profile"), path, QStringLiteral("--event"), event()});
        QCOMPARE(send.exitCode, 0);
        QCOMPARE(m_server->requests().first().header("Authorization"), QByteArray("Bearer s3cr3t-value-1234"));

        QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("delete"), name}).exitCode, 0);
        const Run gone = cli({QStringLiteral("secret"), QStringLiteral("get"), name});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.err.contains(QByteArray("no keychain entry named " + name.toUtf8())));
        const Run missing =
            cli({QStringLiteral("send"), QStringLiteral("--profile"), path, QStringLiteral("--event"), event()});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QByteArray("hookbench-cli secret set " + name.toUtf8())),
                 missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

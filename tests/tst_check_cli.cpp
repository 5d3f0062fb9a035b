#include "LoopbackServer.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `hookbench-cli check` as a user runs it: the real binary against `hookbench-cli receive` in
// another process (strict, then without dedupe) and against a server that accepts everything;
// docs/cli.md's JSON lines, the table, and the exit codes 0, 1 and 2.
namespace {
using Run = TestSupport::CliRun;
using TestSupport::jsonLines;

const QByteArray Token = "tok-0123456789";
const QByteArray Secret = "It's a Secret to Everybody";
} // namespace

class TestCheckCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment environment() const
    {
        return TestSupport::cliEnvironment(m_dir.filePath(QStringLiteral("data")));
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return {};
        }
        file.write(content);
        return path;
    }

    // Runs the CLI without blocking the event loop, so an in-process server can answer it.
    Run cli(const QStringList& args) { return TestSupport::runCli(args, environment()); }

    // Starts `receive --json` with the given verify and response parts; returns its URL.
    QString startReceive(QProcess& process, const QByteArray& verify, int status)
    {
        const QString config = write(QStringLiteral("receiver.json"),
                                     "{\"format\":\"hookbench.receiver/1\",\"response\":{\"status\":"
                                         + QByteArray::number(status) + "},\"verify\":" + verify + "}");
        process.setProcessEnvironment(environment());
        process.start(TestSupport::cliPath(),
                      {QStringLiteral("receive"),
                       QStringLiteral("--config"),
                       config,
                       QStringLiteral("--json"),
                       QStringLiteral("--timeout-s"),
                       QStringLiteral("60")});
        if (!process.waitForStarted()) {
            return {};
        }
        QByteArray out;
        if (!QTest::qWaitFor(
                [&] {
                    out += process.readAllStandardOutput();
                    return out.contains('\n');
                },
                15000)) {
            return {};
        }
        return jsonLines(out).value(0).value(QStringLiteral("listening")).toString();
    }

    static void stop(QProcess& process)
    {
        process.terminate();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished();
        }
    }

    // bearer + github + standard-webhooks, the receiver's verify part to match.
    QString profile(const QString& url, const QByteArray& check = {})
    {
        return write(QStringLiteral("profile.json"),
                     "{\"format\":\"hookbench.endpoint/1\",\"url\":\"" + url.toUtf8()
                         + "/hook\",\"auth\":{\"type\":\"bearer\",\"token\":\"literal:" + Token
                         + "\"},\"signatures\":[{\"scheme\":\"github\",\"secret\":\"literal:" + Secret
                         + "\"},{\"scheme\":\"standard-webhooks\",\"secret\":"
                           "\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}]"
                         + (check.isEmpty() ? QByteArray() : ",\"check\":" + check) + "}");
    }

    static QByteArray verify(bool dedupe)
    {
        return "{\"auth\":{\"type\":\"bearer\",\"token\":\"literal:" + Token
               + "\"},\"signatures\":[{\"scheme\":\"github\",\"secrets\":[\"literal:" + Secret
               + "\"]},{\"scheme\":\"standard-webhooks\",\"secrets\":[\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"]}],"
                 "\"dedupe\":"
               + (dedupe ? "true" : "false") + "}";
    }

    const QStringList m_expectedCases {
        QStringLiteral("valid"),
        QStringLiteral("duplicate-event"),
        QStringLiteral("tampered-body"),
        QStringLiteral("reserialised-body"),
        QStringLiteral("wrong-secret-github"),
        QStringLiteral("signature-missing-github"),
        QStringLiteral("other-version-github"),
        QStringLiteral("empty-signature-github"),
        QStringLiteral("wrong-secret-standard-webhooks"),
        QStringLiteral("signature-missing-standard-webhooks"),
        QStringLiteral("other-version-standard-webhooks"),
        QStringLiteral("empty-signature-standard-webhooks"),
        QStringLiteral("timestamp-too-old"),
        QStringLiteral("timestamp-ahead"),
        QStringLiteral("timestamp-not-numeric"),
        QStringLiteral("no-credentials"),
        QStringLiteral("wrong-credentials"),
    };

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::cliPath().isEmpty(), "HOOKBENCH_CLI is not set");
    }

    void strictReceiverPassesWithJsonLines()
    {
        QProcess receive;
        const QString url = startReceive(receive, verify(true), 202);
        QVERIFY(!url.isEmpty());
        const Run run = cli({QStringLiteral("check"),
                             QStringLiteral("--profile"),
                             profile(url, "{\"duplicateStatus\":200}"),
                             QStringLiteral("--json")});
        stop(receive);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY(run.err.isEmpty());
        const auto lines = jsonLines(run.out);
        QStringList cases;
        for (const auto& line : lines) {
            cases.append(line.value(QStringLiteral("case")).toString());
            QVERIFY2(line.value(QStringLiteral("ok")).toBool(), QJsonDocument(line).toJson().constData());
            QCOMPARE(line.value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
            for (const char* key : {"case", "expect", "status", "verdict", "ok", "risk"}) {
                QVERIFY2(line.contains(QLatin1String(key)), key);
            }
            const QString expect = line.value(QStringLiteral("expect")).toString();
            const int status = line.value(QStringLiteral("status")).toInt();
            if (expect == QLatin1String("reject")) {
                QCOMPARE(status, 401);
            } else if (expect == QLatin1String("accept")) {
                QCOMPARE(status, 202);
            } else {
                QCOMPARE(expect, QStringLiteral("accept-no-effect"));
                QCOMPARE(status, 200); // the receiver's answer to a recognised duplicate
            }
        }
        QCOMPARE(cases, m_expectedCases);
    }

    void receiverWithoutDedupeFailsTheDuplicate()
    {
        QProcess receive;
        const QString url = startReceive(receive, verify(false), 202);
        QVERIFY(!url.isEmpty());
        const Run run = cli({QStringLiteral("check"),
                             QStringLiteral("--profile"),
                             profile(url),
                             QStringLiteral("--duplicate-status"),
                             QStringLiteral("200"),
                             QStringLiteral("--json")});
        stop(receive);
        QCOMPARE(run.exitCode, 1);
        const auto lines = jsonLines(run.out);
        QCOMPARE(lines.size(), m_expectedCases.size());
        for (const auto& line : lines) {
            const bool duplicate = line.value(QStringLiteral("case")).toString() == QLatin1String("duplicate-event");
            QVERIFY2(line.value(QStringLiteral("ok")).toBool() != duplicate, QJsonDocument(line).toJson().constData());
            QCOMPARE(line.value(QStringLiteral("verdict")).toString(),
                     duplicate ? QStringLiteral("fail") : QStringLiteral("ok"));
            if (duplicate) {
                QCOMPARE(line.value(QStringLiteral("status")).toInt(), 202);
                QVERIFY(line.value(QStringLiteral("note")).toString().contains(QStringLiteral("not recognised")));
            }
        }
    }

    void acceptEverythingTableListsEveryRejectCase()
    {
        LoopbackServer server;
        const Run run =
            cli({QStringLiteral("check"), QStringLiteral("--profile"), profile(QString::fromLatin1(server.url("")))});
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(QStringLiteral("Checking POST http://127.0.0.1:")), qPrintable(out));
        for (const QString& name : m_expectedCases) {
            const QString rowStart = QStringLiteral("\n") + name + QLatin1Char(' ');
            const qsizetype at = out.indexOf(rowStart);
            QVERIFY2(at >= 0, qPrintable(name));
            const QString row = out.mid(at + 1, out.indexOf(QLatin1Char('\n'), at + 1) - at - 1);
            QVERIFY2(row.contains(QStringLiteral("200 OK")), qPrintable(row));
            const QString verdict = name == QLatin1String("valid")             ? QStringLiteral("ok")
                                    : name == QLatin1String("duplicate-event") ? QStringLiteral("unverified")
                                    : name == QLatin1String("timestamp-ahead") ? QStringLiteral("warn")
                                                                               : QStringLiteral("fail");
            QVERIFY2(row.endsWith(QLatin1Char(' ') + verdict), qPrintable(row));
        }
        QVERIFY(out.contains(QStringLiteral("    risk: An endpoint that does not require credentials")));
        QVERIFY(out.contains(QStringLiteral("    risk: An endpoint that accepts future timestamps")));
        QVERIFY(out.contains(QStringLiteral("\n17 cases: 1 ok, 1 warn, 1 unverified, 14 fail; failed\n")));
        QCOMPARE(server.requests().size(), 17);
    }

    // A server scripted per case (the cases go out one by one, in a fixed order): exit 1 only on a
    // fail, or on a warn with --strict; an unclear answer to a hostile case does not fail the run.
    void exitRuleAndStrict()
    {
        // A fresh server per run: it answers `accepted` with `status`, the valid delivery 202, the
        // duplicate 200 (told apart from the first delivery: ok) and every other case 401.
        const auto run = [this](const QString& accepted, int status, const QStringList& flags) {
            LoopbackServer server;
            QList<LoopbackServer::Response> responses {LoopbackServer::Response {202, "Accepted"},
                                                       LoopbackServer::Response {200, "OK"}};
            for (qsizetype i = 2; i < m_expectedCases.size(); ++i) {
                responses.append(m_expectedCases.at(i) == accepted
                                     ? LoopbackServer::Response {status, status == 200 ? "OK" : "Oops"}
                                     : LoopbackServer::Response {401, "Unauthorized"});
            }
            server.setResponses(responses);
            return cli(QStringList {QStringLiteral("check"),
                                    QStringLiteral("--profile"),
                                    profile(QString::fromLatin1(server.url("")))}
                       + flags);
        };
        const auto row = [](const Run& run, const QString& name) {
            for (const auto& line : jsonLines(run.out)) {
                if (line.value(QStringLiteral("case")).toString() == name) {
                    return line;
                }
            }
            return QJsonObject {};
        };

        const Run warn = run(QStringLiteral("timestamp-ahead"), 200, {QStringLiteral("--json")});
        QVERIFY2(warn.exitCode == 0, warn.out.constData());
        QCOMPARE(row(warn, QStringLiteral("timestamp-ahead")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("warn"));
        QCOMPARE(row(warn, QStringLiteral("timestamp-ahead")).value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(row(warn, QStringLiteral("duplicate-event")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("ok"));

        const Run strict = run(QStringLiteral("timestamp-ahead"), 200, {QStringLiteral("--strict")});
        QCOMPARE(strict.exitCode, 1);
        QVERIFY2(strict.out.contains("\n17 cases: 16 ok, 1 warn; failed (--strict counts warn)\n"),
                 strict.out.constData());

        const Run unclear = run(QStringLiteral("tampered-body"), 500, {});
        QVERIFY2(unclear.exitCode == 0, unclear.out.constData());
        QVERIFY2(unclear.out.contains("\n17 cases: 16 ok, 1 unclear; passed\n"), unclear.out.constData());

        const Run fail = run(QStringLiteral("wrong-secret-github"), 200, {QStringLiteral("--json")});
        QCOMPARE(fail.exitCode, 1);
        QCOMPARE(row(fail, QStringLiteral("wrong-secret-github")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("fail"));
        QCOMPARE(row(fail, QStringLiteral("wrong-secret-github")).value(QStringLiteral("ok")).toBool(), false);
    }

    void errorsAndExitCodes()
    {
        const Run noProfile = cli({QStringLiteral("check")});
        QCOMPARE(noProfile.exitCode, 2);
        QVERIFY(noProfile.err.contains("--profile P.json is required"));

        const Run badCheck = cli({QStringLiteral("check"),
                                  QStringLiteral("--profile"),
                                  profile(QStringLiteral("http://127.0.0.1:9"), "{\"tolerance\":1}")});
        QCOMPARE(badCheck.exitCode, 2);
        QVERIFY2(badCheck.err.contains("profile.json: check.tolerance: unknown key"), badCheck.err.constData());

        const Run badFlag = cli({QStringLiteral("check"),
                                 QStringLiteral("--profile"),
                                 profile(QStringLiteral("http://127.0.0.1:9")),
                                 QStringLiteral("--tolerance-s"),
                                 QStringLiteral("soon")});
        QCOMPARE(badFlag.exitCode, 2);
        QVERIFY(badFlag.err.contains("--tolerance-s takes a whole number"));

        const QString missingSecret =
            write(QStringLiteral("env.json"),
                  "{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:9/hook\","
                  "\"signatures\":[{\"scheme\":\"github\",\"secret\":\"env:HOOKBENCH_CHECK_UNSET_VAR\"}]}");
        const Run unresolved = cli({QStringLiteral("check"), QStringLiteral("--profile"), missingSecret});
        QCOMPARE(unresolved.exitCode, 2);
        QVERIFY(unresolved.err.contains("HOOKBENCH_CHECK_UNSET_VAR"));

        // Nobody listening: the work failed, every case unclear.
        const Run refused = cli({QStringLiteral("check"),
                                 QStringLiteral("--profile"),
                                 profile(QStringLiteral("http://127.0.0.1:9")),
                                 QStringLiteral("--json")});
        QCOMPARE(refused.exitCode, 1);
        const auto lines = jsonLines(refused.out);
        QCOMPARE(lines.size(), m_expectedCases.size());
        QCOMPARE(lines.first().value(QStringLiteral("status")).toInt(), 0);
        QVERIFY(lines.first().value(QStringLiteral("error")).toString().contains(QStringLiteral("connection refused")));

        const Run help = cli({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("check --profile P.json [--event E.json] [--json] [--strict]"));
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_check_cli.moc"

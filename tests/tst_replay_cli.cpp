#include "LoopbackServer.h"
#include "TestSupport.h"

#include "history/ReceivedStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = TestSupport::CliRun;

// Bytes a JSON or UTF-8 round trip would change: NUL, CR LF, invalid UTF-8, a lone high byte.
const QByteArray BinaryBody = QByteArray("\x00\x01\r\n{\"a\":1}\xff\xfe tail\x80", 20);
} // namespace

// `hookbench-cli replay`: requests stored by the receiver (written here with ReceivedStore into a
// private data folder) are sent again to a real server on loopback; the test checks the bytes
// that arrive.
class TestReplayCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LoopbackServer* m_server = nullptr;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    Run cli(const QStringList& args, const QProcessEnvironment& extraEnv = {})
    {
        return TestSupport::runCli(QStringList {QStringLiteral("replay")} + args,
                                   TestSupport::cliEnvironment(dataDir(), extraEnv));
    }

    qint64 store(const ReceivedRecord& record)
    {
        auto opened = ReceivedStore::open(QDir(dataDir()).filePath(QStringLiteral("history.sqlite")));
        if (!opened) {
            qWarning() << opened.error().toString();
            return -1;
        }
        auto seq = opened.value()->add(record);
        return seq ? seq.value() : -1;
    }

    static ReceivedRecord hostileRecord()
    {
        ReceivedRecord record;
        record.receivedAt = QDateTime::currentDateTimeUtc();
        record.method = QStringLiteral("PUT");
        record.path = QStringLiteral("/orig/a%20b");
        record.query = QStringLiteral("x=1&y=%2F");
        record.headers = {{"Host", "example.org:8080"},
                          {"Content-Type", "application/octet-stream"},
                          {"Connection", "keep-alive, X-Per-Hop"},
                          {"X-Per-Hop", "dropped"},
                          {"Keep-Alive", "timeout=5"},
                          {"Content-Length", QByteArray::number(BinaryBody.size())},
                          {"X-Repeat", "first"},
                          {"User-Agent", "original-agent/1.0"},
                          {"X-Repeat", "second"},
                          {"Authorization", "Bearer original-token"}};
        record.body = BinaryBody;
        record.remote = QStringLiteral("127.0.0.1:50000");
        record.verdict = QStringLiteral("accepted");
        record.status = 200;
        return record;
    }

    static QList<QByteArray> values(const LoopbackServer::Request& request, QByteArrayView name)
    {
        QList<QByteArray> found;
        for (const auto& [n, v] : request.headers) {
            if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0) {
                found.append(v);
            }
        }
        return found;
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

    void toUrlSendsTheOriginalRequest()
    {
        const qint64 seq = store(hostileRecord());
        QVERIFY(seq > 0);

        const Run run = cli({QStringLiteral("--seq"),
                             QString::number(seq),
                             QStringLiteral("--to"),
                             QString::fromLatin1(m_server->url("/new/target?z=9"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const auto& request = m_server->requests().first();

        QCOMPARE(request.method, QByteArray("PUT"));
        QCOMPARE(request.target, QByteArray("/new/target?z=9"));
        QCOMPARE(request.body, BinaryBody);
        QCOMPARE(request.header("Content-Length"), QByteArray::number(BinaryBody.size()));
        QCOMPARE(request.header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(m_server->port()));
        QCOMPARE(values(request, "Content-Type"), QList<QByteArray> {"application/octet-stream"});
        // Repeated lines arrive as one comma-joined field: the same value for HTTP (RFC 9110 5.3).
        QCOMPARE(values(request, "X-Repeat"), QList<QByteArray> {"first, second"});
        QCOMPARE(values(request, "User-Agent"), QList<QByteArray> {"original-agent/1.0"});
        QCOMPARE(values(request, "Authorization"), QList<QByteArray> {"Bearer original-token"});
        // Hop-by-hop headers belong to the original connection, not to the request.
        QVERIFY(values(request, "X-Per-Hop").isEmpty());
        QVERIFY(values(request, "Keep-Alive").isEmpty());
        QCOMPARE(values(request, "Host").size(), 1);
        QCOMPARE(values(request, "Content-Length").size(), 1);
        QVERIFY(run.out.contains("delivered"));
    }

    // The receiver stores credentials masked ("••••dHB3"); replaying them as real headers would
    // send a fake credential. They are left out, and the output says so.
    void toUrlLeavesOutMaskedHeaders()
    {
        ReceivedRecord record = hostileRecord();
        record.headers.append({QByteArrayLiteral("Authorization"), QStringLiteral("••••dHB3").toUtf8()});
        record.headers.removeIf([](const auto& header) { return header.second == "Bearer original-token"; });
        record.headers.append({QByteArrayLiteral("X-Api-Key"), QStringLiteral("••••").toUtf8()});
        record.headers.append({QByteArrayLiteral("X-Plain"), QByteArrayLiteral("kept")});
        const qint64 seq = store(record);
        QVERIFY(seq > 0);
        const QStringList args {QStringLiteral("--seq"),
                                QString::number(seq),
                                QStringLiteral("--to"),
                                QString::fromLatin1(m_server->url("/m"))};

        const Run human = cli(args);
        QVERIFY2(human.exitCode == 0, human.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const auto& request = m_server->requests().first();
        QVERIFY(values(request, "Authorization").isEmpty());
        QVERIFY(values(request, "X-Api-Key").isEmpty());
        QCOMPARE(values(request, "X-Plain"), QList<QByteArray> {"kept"});
        QVERIFY(!request.headers.isEmpty());
        for (const auto& [name, value] : request.headers) {
            QVERIFY2(!value.contains(QStringLiteral("••••").toUtf8()), name.constData());
        }
        const QString err = QString::fromUtf8(human.err);
        QVERIFY2(err.contains(QLatin1String("warning: left out Authorization, X-Api-Key")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("--profile")), qPrintable(err));

        const Run json = cli(args + QStringList {QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject trace = QJsonDocument::fromJson(json.out.split('\n').first()).object();
        QVERIFY2(trace.value(QStringLiteral("note")).toString().contains(QLatin1String("left out Authorization")),
                 json.out.constData());
        QCOMPARE(trace.value(QStringLiteral("droppedHeaders")).toArray(),
                 QJsonArray({QStringLiteral("Authorization"), QStringLiteral("X-Api-Key")}));
        QVERIFY(!json.err.contains("left out")); // said once, in the JSON line
    }

    void urlWithoutPathKeepsTheOriginalPathAndQuery()
    {
        const qint64 seq = store(hostileRecord());
        QVERIFY(seq > 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
        const Run run = cli({QStringLiteral("--seq"), QString::number(seq), QStringLiteral("--to"), base});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target, QByteArray("/orig/a%20b?x=1&y=%2F"));
    }

    void profileSignsTheOriginalBody()
    {
        const qint64 seq = store(hostileRecord());
        QVERIFY(seq > 0);
        const QString profilePath = m_dir.filePath(QStringLiteral("profile.json"));
        QFile file(profilePath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"format\":\"hookbench.endpoint/1\",\"name\":\"replay profile\",\"url\":\""
                   + m_server->url("/signed")
                   + "\",\"auth\":{\"type\":\"basic\",\"username\":\"acme\",\"password\":\"env:REPLAY_PW\"},"
                     "\"signatures\":[{\"scheme\":\"hmac-sha256\",\"secret\":\"env:REPLAY_KEY\",\"header\":\"X-Sig\","
                     "\"prefix\":\"sha256=\"}]}");
        file.close();

        QProcessEnvironment env;
        env.insert(QStringLiteral("REPLAY_PW"), QStringLiteral("pw-1234"));
        env.insert(QStringLiteral("REPLAY_KEY"), QStringLiteral("replay-secret"));
        const Run run = cli({QStringLiteral("--seq"),
                             QString::number(seq),
                             QStringLiteral("--profile"),
                             profilePath,
                             QStringLiteral("--json")},
                            env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const auto& request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("POST")); // the profile's method
        QCOMPARE(request.target, QByteArray("/signed"));
        QCOMPARE(request.body, BinaryBody);
        const QByteArray expected = "sha256="
                                    + QMessageAuthenticationCode::hash(
                                          BinaryBody, QByteArrayLiteral("replay-secret"), QCryptographicHash::Sha256)
                                          .toHex();
        QCOMPARE(request.header("X-Sig"), expected);
        QCOMPARE(request.header("Authorization"), QByteArray("Basic ") + QByteArray("acme:pw-1234").toBase64());
        QVERIFY(values(request, "X-Repeat").isEmpty()); // the profile's headers, not the original ones

        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject attempt = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(attempt.value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
        QCOMPARE(attempt.value(QStringLiteral("attempt")).toInt(), 1);
        // The secret never shows unmasked.
        QVERIFY(!run.out.contains(QByteArray("acme:pw-1234").toBase64()));
        const QJsonObject summary =
            QJsonDocument::fromJson(lines.last()).object().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
    }

    void notAcknowledgedExitsOne()
    {
        const qint64 seq = store(hostileRecord());
        QVERIFY(seq > 0);
        m_server->setResponses({LoopbackServer::Response(500, "Internal Server Error")});
        const Run run = cli({QStringLiteral("--seq"),
                             QString::number(seq),
                             QStringLiteral("--to"),
                             QString::fromLatin1(m_server->url())});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(run.out.contains("HTTP 500"));
    }

    // A replay that fails reads like a send that fails: the same line, with the status and the
    // time the attempt took.
    void failureLineMatchesSend()
    {
        const qint64 seq = store(hostileRecord());
        QVERIFY(seq > 0);
        m_server->setResponses({LoopbackServer::Response(500, "Internal Server Error"),
                                LoopbackServer::Response(500, "Internal Server Error")});
        const Run replayed = cli({QStringLiteral("--seq"),
                                  QString::number(seq),
                                  QStringLiteral("--to"),
                                  QString::fromLatin1(m_server->url()),
                                  QStringLiteral("--no-retry")});
        QCOMPARE(replayed.exitCode, 1);

        const QString profile = m_dir.filePath(QStringLiteral("send-profile.json"));
        QVERIFY(TestSupport::writeFile(profile,
                                       "{\"format\":\"hookbench.endpoint/1\",\"name\":\"replay test\",\"url\":\""
                                           + m_server->url() + "\"}"));
        const Run sent = TestSupport::runCli({QStringLiteral("send"),
                                              QStringLiteral("--profile"),
                                              profile,
                                              QStringLiteral("--type"),
                                              QStringLiteral("policy.bound"),
                                              QStringLiteral("--data"),
                                              QStringLiteral("{}"),
                                              QStringLiteral("--no-retry"),
                                              QStringLiteral("--no-history")},
                                             TestSupport::cliEnvironment(dataDir()));
        QCOMPARE(sent.exitCode, 1);
        QCOMPARE(m_server->requests().size(), 2);

        // "[evt_...] attempt 1/1: failed: HTTP 500 Internal Server Error (after 1.2 ms)", the
        // event id and the time aside.
        const QRegularExpression failure(
            QStringLiteral("^\\[[^\\]]+\\] (attempt 1/1: failed: .*) \\(after \\d+\\.\\d ms\\)$"),
            QRegularExpression::MultilineOption);
        const auto replayedLine = failure.match(QString::fromUtf8(replayed.out));
        const auto sentLine = failure.match(QString::fromUtf8(sent.out));
        QVERIFY2(replayedLine.hasMatch(), replayed.out.constData());
        QVERIFY2(sentLine.hasMatch(), sent.out.constData());
        QCOMPARE(replayedLine.captured(1), QStringLiteral("attempt 1/1: failed: HTTP 500 Internal Server Error"));
        QCOMPARE(replayedLine.captured(1), sentLine.captured(1));
    }

    void unknownSeqNamesTheDataDir()
    {
        QVERIFY(store(hostileRecord()) > 0);
        const Run run = cli({QStringLiteral("--seq"),
                             QStringLiteral("987654"),
                             QStringLiteral("--to"),
                             QString::fromLatin1(m_server->url())});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("#987654"), run.err.constData());
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(dataDir()).toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("neither --to nor --profile") << QStringList {QStringLiteral("--seq"), QStringLiteral("1")};
        QTest::newRow("both") << QStringList {QStringLiteral("--seq"),
                                              QStringLiteral("1"),
                                              QStringLiteral("--to"),
                                              QStringLiteral("http://127.0.0.1:1/"),
                                              QStringLiteral("--profile"),
                                              QStringLiteral("p.json")};
        QTest::newRow("no seq") << QStringList {QStringLiteral("--to"), QStringLiteral("http://127.0.0.1:1/")};
        QTest::newRow("seq not a number") << QStringList {QStringLiteral("--seq"),
                                                          QStringLiteral("abc"),
                                                          QStringLiteral("--to"),
                                                          QStringLiteral("http://127.0.0.1:1/")};
        QTest::newRow("not a URL") << QStringList {
            QStringLiteral("--seq"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("ftp://x/")};
        QTest::newRow("missing profile file") << QStringList {QStringLiteral("--seq"),
                                                              QStringLiteral("1"),
                                                              QStringLiteral("--profile"),
                                                              QStringLiteral("/nonexistent/p.json")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QVERIFY(store(hostileRecord()) > 0);
        const Run run = cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("hookbench-cli replay: "));
        QCOMPARE(m_server->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReplayCli)
#include "tst_replay_cli.moc"

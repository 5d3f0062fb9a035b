#include "TestSupport.h"

#include "history/ReceivedStore.h"
#include "signing/Crypto.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

// `hookbench-cli receive` and `verify` as a user runs them: real processes, real sockets, the
// real `send` on the other side, signals, and a kill -9 that must not lose an answered request.
using TestSupport::jsonLines;

namespace {

const QByteArray GithubSecret = "It's a Secret to Everybody";
const QByteArray Token = "tok-0123456789";

// Writes `request` as raw bytes to the receiver at `url` and returns what came back up to the end
// of the answer's head (empty when nothing came within 10 s).
QByteArray exchangeRaw(const QString& url, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(url).port()));
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(request);
    QByteArray answer;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n");
        },
        10000);
    return answer;
}

} // namespace

class TestReceiveCli final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_receiveOut; // everything `receive` printed so far

    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    QProcessEnvironment environment() const { return TestSupport::cliEnvironment(dataDir()); }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(content);
        return path;
    }

    QString receiverConfig()
    {
        return write(QStringLiteral("receiver.json"),
                     "{\"format\":\"hookbench.receiver/1\",\"verify\":{"
                     "\"auth\":{\"type\":\"bearer\",\"token\":\"literal:"
                         + Token
                         + "\"},"
                           "\"signatures\":[{\"scheme\":\"github\",\"secrets\":[\"literal:"
                         + GithubSecret + "\"]}]}}");
    }

    QString profile(const QString& url, const QByteArray& secret = GithubSecret)
    {
        return write(QStringLiteral("profile.json"),
                     "{\"format\":\"hookbench.endpoint/1\",\"url\":\"" + url.toUtf8()
                         + "/hook?src=cli\",\"auth\":{\"type\":\"bearer\",\"token\":\"literal:" + Token
                         + "\"},\"signatures\":[{\"scheme\":\"github\",\"secret\":\"literal:" + secret + "\"}]}");
    }

    // Starts `receive`, waits for its listening line and returns the URL (empty on failure).
    QString startReceive(QProcess& process, const QStringList& extra, QString config = {})
    {
        if (config.isEmpty()) {
            config = receiverConfig();
        }
        m_receiveOut.clear();
        process.setProcessEnvironment(environment());
        process.start(
            TestSupport::cliPath(),
            QStringList {QStringLiteral("receive"), QStringLiteral("--config"), config, QStringLiteral("--json")}
                + extra);
        if (!process.waitForStarted()) {
            return {};
        }
        if (!QTest::qWaitFor(
                [&] {
                    m_receiveOut += process.readAllStandardOutput();
                    return m_receiveOut.contains('\n') || process.state() == QProcess::NotRunning;
                },
                15000)) {
            return {};
        }
        const QJsonObject first = jsonLines(m_receiveOut).value(0);
        return first.value(QStringLiteral("listening")).toString();
    }

    // `send` runs to the end; the receiver is another process, so blocking here is fine.
    int send(const QString& profilePath, const QString& eventId)
    {
        const QString event = write(QStringLiteral("event.json"),
                                    "{\"id\":\"" + eventId.toUtf8() + "\",\"type\":\"policy.bound\",\"data\":{}}");
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(TestSupport::cliPath(),
                      {QStringLiteral("send"),
                       QStringLiteral("--profile"),
                       profilePath,
                       QStringLiteral("--event"),
                       event,
                       QStringLiteral("--no-retry"),
                       QStringLiteral("--no-history")});
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        return process.exitCode();
    }

    int waitExit(QProcess& process, int timeoutMs = 20000)
    {
        if (!QTest::qWaitFor(
                [&] {
                    m_receiveOut += process.readAllStandardOutput();
                    return process.state() == QProcess::NotRunning;
                },
                timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return -100;
        }
        m_receiveOut += process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList& args)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(TestSupport::cliPath(), args);
        process.waitForFinished(30000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY2(QFile::exists(TestSupport::cliPath()), "HOOKBENCH_CLI must point at the built hookbench-cli");
    }

    void receivePrintsOneDocumentedLinePerRequest()
    {
        QProcess receive;
        const QString url = startReceive(receive, {QStringLiteral("--max-requests"), QStringLiteral("2")});
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), m_receiveOut.constData());

        QCOMPARE(send(profile(url), QStringLiteral("evt_good")), 0);
        QCOMPARE(send(profile(url, "the wrong secret"), QStringLiteral("evt_bad")), 1);
        QCOMPARE(waitExit(receive), 0);

        const auto lines = jsonLines(m_receiveOut);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).keys(), QStringList {QStringLiteral("listening")});
        const QJsonObject good = lines.at(1);
        for (const char* key : {"seq",
                                "receivedAt",
                                "method",
                                "path",
                                "query",
                                "headers",
                                "body",
                                "remote",
                                "tls",
                                "checks",
                                "verdict",
                                "status",
                                "duplicate",
                                "event"}) {
            QVERIFY2(good.contains(QLatin1String(key)), key);
        }
        QCOMPARE(good.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(good.value(QStringLiteral("path")).toString(), QStringLiteral("/hook"));
        QCOMPARE(good.value(QStringLiteral("query")).toString(), QStringLiteral("src=cli"));
        QCOMPARE(good.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        QCOMPARE(good.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(good.value(QStringLiteral("duplicate")).toBool(), false);
        QCOMPARE(good.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("evt_good"));
        QVERIFY(good.value(QStringLiteral("remote")).toString().startsWith(QLatin1String("127.0.0.1:")));
        QVERIFY(
            QDateTime::fromString(good.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(good.value(QStringLiteral("body")).toString().contains(QLatin1String("evt_good")));
        const QJsonArray checks = good.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 2);
        for (const auto& check : checks) {
            QVERIFY(check.toObject().value(QStringLiteral("ok")).toBool());
        }
        // Headers are a list of pairs; the token never appears, only its masked form.
        bool sawAuthorization = false;
        for (const auto& header : good.value(QStringLiteral("headers")).toArray()) {
            const QJsonArray pair = header.toArray();
            QCOMPARE(pair.size(), 2);
            if (pair.at(0).toString().compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
                sawAuthorization = true;
                // 14 characters: too short for its last 4 to be shown (docs/secrets.md).
                QCOMPARE(pair.at(1).toString(), QStringLiteral("••••"));
            }
        }
        QVERIFY(sawAuthorization);
        QVERIFY(!m_receiveOut.contains(Token));

        const QJsonObject bad = lines.at(2);
        QCOMPARE(bad.value(QStringLiteral("verdict")).toString(), QStringLiteral("rejected"));
        QCOMPARE(bad.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(bad.value(QStringLiteral("seq")).toInteger(), good.value(QStringLiteral("seq")).toInteger() + 1);

        // The printed line feeds `verify` as it is: the same verdicts offline.
        const QString goodFile = write(QStringLiteral("good.json"), QJsonDocument(good).toJson());
        const Run offline = cli({QStringLiteral("verify"),
                                 QStringLiteral("--config"),
                                 receiverConfig(),
                                 QStringLiteral("--request"),
                                 goodFile});
        // The stored token is masked, so offline only the signature can pass.
        QCOMPARE(offline.exitCode, 1);
        const QJsonObject verified = jsonLines(offline.out).value(0);
        const QJsonArray offlineChecks = verified.value(QStringLiteral("checks")).toArray();
        QCOMPARE(offlineChecks.size(), 2);
        QCOMPARE(offlineChecks.at(1).toObject().value(QStringLiteral("check")).toString(), QStringLiteral("github"));
        QVERIFY(offlineChecks.at(1).toObject().value(QStringLiteral("ok")).toBool());
    }

    // docs/receiver-format.md: every request is stored, also one the transport refuses (here ambiguous
    // framing, answered 400): it is in the history and printed like the others.
    void transportRefusalsAreStoredAndPrinted()
    {
        QProcess receive;
        const QString url = startReceive(receive, {QStringLiteral("--max-requests"), QStringLiteral("1")});
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), m_receiveOut.constData());
        const QByteArray answer = exchangeRaw(
            url, "POST /smuggle?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QCOMPARE(waitExit(receive), 0);
        const auto lines = jsonLines(m_receiveOut);
        QCOMPARE(lines.size(), 2);
        const QJsonObject refused = lines.at(1);
        QCOMPARE(refused.value(QStringLiteral("verdict")).toString(), QStringLiteral("rejected"));
        QCOMPARE(refused.value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(refused.value(QStringLiteral("path")).toString(), QStringLiteral("/smuggle"));
        QCOMPARE(refused.value(QStringLiteral("query")).toString(), QStringLiteral("x=1"));
        QVERIFY(refused.value(QStringLiteral("seq")).toInteger() > 0);
        QVERIFY(refused.value(QStringLiteral("remote")).toString().startsWith(QLatin1String("127.0.0.1:")));
        const QJsonObject check = refused.value(QStringLiteral("checks")).toArray().first().toObject();
        QCOMPARE(check.value(QStringLiteral("check")).toString(), QStringLiteral("transport"));
        QCOMPARE(check.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(check.value(QStringLiteral("detail")).toString().contains(QLatin1String("Content-Length")),
                 qPrintable(check.value(QStringLiteral("detail")).toString()));
        // And it is in the history, as `history` would list it.
        auto store = ReceivedStore::open(dataDir() + QStringLiteral("/history.sqlite"));
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        const auto stored = store.value()->latest(1);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().verdict, QStringLiteral("rejected"));
        QCOMPARE(stored.first().status, 400);
    }

    void sigtermExitsCleanlyWithEverythingStored()
    {
        QProcess receive;
        const QString url = startReceive(receive, {});
        QVERIFY2(!url.isEmpty(), m_receiveOut.constData());
        QCOMPARE(send(profile(url), QStringLiteral("evt_term_1")), 0);
        QCOMPARE(send(profile(url), QStringLiteral("evt_term_2")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            (m_receiveOut += receive.readAllStandardOutput(), jsonLines(m_receiveOut).size()), 3, 10000);
        ::kill(pid_t(receive.processId()), SIGTERM);
        QCOMPARE(waitExit(receive), 0);
        auto store = ReceivedStore::open(dataDir() + QStringLiteral("/history.sqlite"));
        QVERIFY(store.ok());
        QCOMPARE(store.value()->count(), qint64(2));
        const auto latest = store.value()->latest(1).first();
        QCOMPARE(QJsonDocument::fromJson(latest.eventJson).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("evt_term_2"));

        // SIGINT too.
        QProcess again;
        QVERIFY(!startReceive(again, {}).isEmpty());
        ::kill(pid_t(again.processId()), SIGINT);
        QCOMPARE(waitExit(again), 0);
    }

    void killNineAfterAnAnswerLosesNothing()
    {
        QProcess receive;
        const QString url = startReceive(receive, {});
        QVERIFY(!url.isEmpty());
        // send exits 0 only after it read a 2xx: from then on the row must survive anything.
        QCOMPARE(send(profile(url), QStringLiteral("evt_kill")), 0);
        ::kill(pid_t(receive.processId()), SIGKILL);
        QCOMPARE(waitExit(receive), -1);

        auto store = ReceivedStore::open(dataDir() + QStringLiteral("/history.sqlite"));
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        QCOMPARE(store.value()->count(), qint64(1));
        const auto record = store.value()->latest(1).first();
        QCOMPARE(record.verdict, QStringLiteral("accepted"));
        QCOMPARE(record.status, 200);
        store.value().reset();

        // A restarted receiver continues the same history.
        QProcess restarted;
        const QString url2 = startReceive(restarted, {QStringLiteral("--max-requests"), QStringLiteral("1")});
        QVERIFY(!url2.isEmpty());
        QCOMPARE(send(profile(url2), QStringLiteral("evt_after")), 0);
        QCOMPARE(waitExit(restarted), 0);
        const auto lines = jsonLines(m_receiveOut);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1).value(QStringLiteral("seq")).toInteger(), record.seq + 1);
    }

    // A header value that is not UTF-8 (Latin-1 here, as old clients send) is printed as a
    // [name, base64] pair listed in "headersBase64": "headers" holds pairs only (docs/cli.md), and
    // the line fed to `verify` gives the same bytes back, so the same verdict. webhook-id is
    // signed by standard-webhooks: a reader that took the base64 text as the value would reject.
    void nonUtf8HeaderValuesArePairsListedInHeadersBase64()
    {
        const QByteArray key = "0123456789abcdef0123456789abcdef";
        const QString config = write(QStringLiteral("sw.json"),
                                     "{\"format\":\"hookbench.receiver/1\",\"verify\":{\"signatures\":[{\"scheme\":"
                                     "\"standard-webhooks\",\"secrets\":[\"literal:whsec_"
                                         + key.toBase64() + "\"]}]}}");
        QProcess receive;
        const QString url = startReceive(receive, {QStringLiteral("--max-requests"), QStringLiteral("1")}, config);
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), m_receiveOut.constData());

        const QByteArray id = "evt-caf\xe9";       // Latin-1 é: not UTF-8
        const QByteArray note = "Gr\xfc\xdf Gott"; // Latin-1 üß
        const QByteArray body = "{\"id\":\"evt_latin1\",\"type\":\"policy.bound\"}";
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray signature = "v1," + Crypto::hmacSha256(key, {id, ".", timestamp, ".", body}).toBase64();
        const QByteArray answer = exchangeRaw(
            url,
            "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nwebhook-id: " + id
                + "\r\nwebhook-timestamp: " + timestamp + "\r\nwebhook-signature: " + signature + "\r\nX-Note: " + note
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(waitExit(receive), 0);

        // The printed line is valid UTF-8 JSON with pairs only.
        const QList<QByteArray> printed = m_receiveOut.trimmed().split('\n');
        QCOMPARE(printed.size(), 2);
        QJsonParseError parseError;
        const QJsonObject line = QJsonDocument::fromJson(printed.at(1), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(line.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        const QJsonArray headers = line.value(QStringLiteral("headers")).toArray();
        QList<int> base64Indexes;
        for (const auto& index : line.value(QStringLiteral("headersBase64")).toArray()) {
            QVERIFY(index.isDouble());
            base64Indexes.append(index.toInt());
        }
        QCOMPARE(base64Indexes.size(), 2);
        QMap<QByteArray, QByteArray> values; // lower-case name -> the bytes the header carried
        for (qsizetype i = 0; i < headers.size(); ++i) {
            const QJsonArray pair = headers.at(i).toArray();
            QCOMPARE(pair.size(), 2);
            QVERIFY(pair.at(0).isString() && pair.at(1).isString());
            const QByteArray text = pair.at(1).toString().toUtf8();
            values.insert(pair.at(0).toString().toLatin1().toLower(),
                          base64Indexes.contains(int(i)) ? QByteArray::fromBase64(text) : text);
        }
        QCOMPARE(values.value("webhook-id"), id);
        QCOMPARE(values.value("x-note"), note);
        QCOMPARE(values.value("webhook-signature"), signature);
        for (const int index : base64Indexes) {
            const QByteArray name = headers.at(index).toArray().at(0).toString().toLatin1().toLower();
            QVERIFY2(name == "webhook-id" || name == "x-note", name.constData());
        }

        const QStringList verify {
            QStringLiteral("verify"), QStringLiteral("--config"), config, QStringLiteral("--request")};
        // Fed back as printed: the same verdict, and the same form.
        const Run again = cli(verify + QStringList {write(QStringLiteral("line.json"), printed.at(1))});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject verified = jsonLines(again.out).value(0);
        QCOMPARE(verified.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        QCOMPARE(verified.value(QStringLiteral("headers")), line.value(QStringLiteral("headers")));
        QCOMPARE(verified.value(QStringLiteral("headersBase64")), line.value(QStringLiteral("headersBase64")));

        // Without indexes (an empty headersBase64 is the same as none) the base64 text itself is the
        // value: the signature no longer holds.
        QJsonObject stripped = line;
        stripped.insert(QStringLiteral("headersBase64"), QJsonArray {});
        const Run textOnly =
            cli(verify + QStringList {write(QStringLiteral("stripped.json"), QJsonDocument(stripped).toJson())});
        QCOMPARE(textOnly.exitCode, 1);
        QCOMPARE(jsonLines(textOnly.out).value(0).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("rejected"));

        // The form earlier versions printed, [name, base64, "base64"], still verifies, and is
        // printed back in the documented form.
        QJsonObject old = line;
        old.remove(QStringLiteral("headersBase64"));
        QJsonArray triples = headers;
        for (const int index : base64Indexes) {
            QJsonArray triple = triples.at(index).toArray();
            triple.append(QStringLiteral("base64"));
            triples.replace(index, triple);
        }
        old.insert(QStringLiteral("headers"), triples);
        const Run oldForm = cli(verify + QStringList {write(QStringLiteral("old.json"), QJsonDocument(old).toJson())});
        QCOMPARE(oldForm.exitCode, 0);
        const QJsonObject oldVerified = jsonLines(oldForm.out).value(0);
        QCOMPARE(oldVerified.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        QCOMPARE(oldVerified.value(QStringLiteral("headers")), line.value(QStringLiteral("headers")));
        QCOMPARE(oldVerified.value(QStringLiteral("headersBase64")), line.value(QStringLiteral("headersBase64")));

        // Broken files: exit 2, one line naming the file and the JSON path.
        const int first = base64Indexes.first();
        const auto broken = [&](const QString& name, const std::function<void(QJsonObject&)>& edit) {
            QJsonObject object = line;
            edit(object);
            return cli(verify + QStringList {write(name, QJsonDocument(object).toJson())});
        };
        const auto setValue = [&](QJsonObject& object, int index, const QJsonValue& value) {
            QJsonArray list = object.value(QStringLiteral("headers")).toArray();
            QJsonArray pair = list.at(index).toArray();
            pair.replace(1, value);
            list.replace(index, pair);
            object.insert(QStringLiteral("headers"), list);
        };
        const QByteArray at = QStringLiteral("headers[%1][1]").arg(first).toLatin1();

        const Run badBase64 = broken(QStringLiteral("badb64.json"),
                                     [&](QJsonObject& o) { setValue(o, first, QStringLiteral("not base64!")); });
        QCOMPARE(badBase64.exitCode, 2);
        QVERIFY2(badBase64.err.contains("badb64.json") && badBase64.err.contains(at)
                     && badBase64.err.contains("base64"),
                 badBase64.err.constData());
        QCOMPARE(badBase64.err.count('\n'), 1);

        const Run number = broken(QStringLiteral("number.json"), [&](QJsonObject& o) { setValue(o, 0, 42); });
        QCOMPARE(number.exitCode, 2);
        QVERIFY2(number.err.contains("number.json") && number.err.contains("headers[0][1]"), number.err.constData());

        const Run outOfRange = broken(QStringLiteral("range.json"), [&](QJsonObject& o) {
            o.insert(QStringLiteral("headersBase64"), QJsonArray {int(headers.size())});
        });
        QCOMPARE(outOfRange.exitCode, 2);
        QVERIFY2(outOfRange.err.contains("headersBase64[0]"), outOfRange.err.constData());

        const Run notList = broken(QStringLiteral("notlist.json"), [&](QJsonObject& o) {
            o.insert(QStringLiteral("headersBase64"), QStringLiteral("1"));
        });
        QCOMPARE(notList.exitCode, 2);
        QVERIFY2(notList.err.contains("headersBase64"), notList.err.constData());

        const Run badMarker = broken(QStringLiteral("marker.json"), [&](QJsonObject& o) {
            o.insert(QStringLiteral("headers"),
                     QJsonArray {QJsonArray {QStringLiteral("X-A"), QStringLiteral("YQ=="), QStringLiteral("hex")}});
            o.remove(QStringLiteral("headersBase64"));
        });
        QCOMPARE(badMarker.exitCode, 2);
        QVERIFY2(badMarker.err.contains("headers[0][2]"), badMarker.err.constData());
    }

    // A stored request keeps its credentials masked: `verify --request` on what `receive` printed
    // says so, in UTF-8 ("••••", not "â¢â¢â¢â¢"), and never blames a wrong password.
    void verifyOfAStoredRequestSaysItsCredentialsWereMasked_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<bool>("tailShown");
        QTest::newRow("short password: ••••") << QByteArray("pass-1234") << false;
        QTest::newRow("long password: ••••abcd") << QByteArray("correct-horse-battery-staple") << true;
    }

    void verifyOfAStoredRequestSaysItsCredentialsWereMasked()
    {
        QFETCH(QByteArray, password);
        QFETCH(bool, tailShown);
        const QString config = write(QStringLiteral("basic.json"),
                                     "{\"format\":\"hookbench.receiver/1\",\"verify\":{\"auth\":{\"type\":\"basic\","
                                     "\"username\":\"acme\",\"password\":\"literal:"
                                         + password + "\"}}}");
        QProcess receive;
        const QString url = startReceive(receive, {QStringLiteral("--max-requests"), QStringLiteral("1")}, config);
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), m_receiveOut.constData());
        const QString sender = write(QStringLiteral("basic-profile.json"),
                                     "{\"format\":\"hookbench.endpoint/1\",\"url\":\"" + url.toUtf8()
                                         + "/hook\",\"auth\":{\"type\":\"basic\",\"username\":\"acme\","
                                           "\"password\":\"literal:"
                                         + password + "\"}}");
        QCOMPARE(send(sender, QStringLiteral("evt_basic")), 0);
        QCOMPARE(waitExit(receive), 0);
        const QList<QByteArray> printed = m_receiveOut.trimmed().split('\n');
        QCOMPARE(printed.size(), 2);
        const QJsonObject line = QJsonDocument::fromJson(printed.at(1)).object();
        QCOMPARE(line.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        QString stored;
        for (const auto& header : line.value(QStringLiteral("headers")).toArray()) {
            if (header.toArray().at(0).toString().compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
                stored = header.toArray().at(1).toString();
            }
        }
        const QString dots = QStringLiteral("••••");
        QVERIFY2(stored.startsWith(dots), qPrintable(stored));
        QCOMPARE(stored.size(), tailShown ? 8 : 4); // docs/secrets.md: the tail only for 16 characters or more

        const QString expected =
            QStringLiteral("Authorization is \"") + stored
            + QStringLiteral("\", a masked placeholder: credentials are masked when a request is stored, so a stored"
                             " request's credentials cannot be checked again; re-send the request to check them");
        const QString lineFile = write(QStringLiteral("stored.json"), printed.at(1));
        const Run json =
            cli({QStringLiteral("verify"), QStringLiteral("--config"), config, QStringLiteral("--request"), lineFile});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject verified = jsonLines(json.out).value(0);
        QCOMPARE(verified.value(QStringLiteral("verdict")).toString(), QStringLiteral("rejected"));
        QCOMPARE(verified.value(QStringLiteral("status")).toInt(), 401);
        const QJsonObject check = verified.value(QStringLiteral("checks")).toArray().at(0).toObject();
        QCOMPARE(check.value(QStringLiteral("check")).toString(), QStringLiteral("auth basic"));
        QCOMPARE(check.value(QStringLiteral("detail")).toString(), expected);
        // Printed back as it was stored, tail included.
        QCOMPARE(verified.value(QStringLiteral("headers")), line.value(QStringLiteral("headers")));

        const Run text = cli({QStringLiteral("verify"),
                              QStringLiteral("--config"),
                              config,
                              QStringLiteral("--request"),
                              lineFile,
                              QStringLiteral("--text")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QByteArray(QByteArray("FAIL auth basic: ") + expected.toUtf8())),
                 text.out.constData());
        QVERIFY2(!text.out.contains("\xc3\xa2"), text.out.constData()); // "â": UTF-8 read as Latin-1
        QVERIFY(!text.out.contains(password) && !json.out.contains(password));
    }

    void verifyExitCodes()
    {
        const QByteArray body = "{\"id\":\"evt_v\",\"type\":\"policy.bound\"}";
        const QByteArray signature = "sha256=" + Crypto::hmacSha256(GithubSecret, body).toHex();
        const auto request = [&](const QByteArray& sentBody, const QByteArray& token) {
            return QJsonDocument(QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                                              {QStringLiteral("path"), QStringLiteral("/hook")},
                                              {QStringLiteral("headers"),
                                               QJsonArray {QJsonArray {QStringLiteral("Authorization"),
                                                                       QString::fromLatin1("Bearer " + token)},
                                                           QJsonArray {QStringLiteral("X-Hub-Signature-256"),
                                                                       QString::fromLatin1(signature)}}},
                                              {QStringLiteral("body"), QString::fromUtf8(sentBody)}})
                .toJson();
        };
        const QStringList base {
            QStringLiteral("verify"), QStringLiteral("--config"), receiverConfig(), QStringLiteral("--request")};

        const Run accepted = cli(base + QStringList {write(QStringLiteral("ok.json"), request(body, Token))});
        QCOMPARE(accepted.exitCode, 0);
        const QJsonObject out = jsonLines(accepted.out).value(0);
        QCOMPARE(out.value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));
        QCOMPARE(out.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(out.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("evt_v"));
        QVERIFY(!accepted.out.contains(Token));

        QByteArray tampered = body;
        tampered.replace("evt_v", "evt_w");
        const Run rejected = cli(base + QStringList {write(QStringLiteral("bad.json"), request(tampered, Token))});
        QCOMPARE(rejected.exitCode, 1);
        const QJsonObject bad = jsonLines(rejected.out).value(0);
        QCOMPARE(bad.value(QStringLiteral("verdict")).toString(), QStringLiteral("rejected"));
        QCOMPARE(bad.value(QStringLiteral("status")).toInt(), 401);
        QVERIFY(!bad.value(QStringLiteral("checks")).toArray().at(1).toObject().value(QStringLiteral("ok")).toBool());

        const Run notJson = cli(base + QStringList {write(QStringLiteral("broken.json"), "{\"method\":")});
        QCOMPARE(notJson.exitCode, 2);
        QVERIFY2(notJson.err.contains("broken.json"), notJson.err.constData());

        const Run badConfig =
            cli({QStringLiteral("verify"),
                 QStringLiteral("--config"),
                 write(QStringLiteral("r2.json"), "{\"format\":\"hookbench.receiver/1\",\"verify\":{\"dedupe\":3}}"),
                 QStringLiteral("--request"),
                 m_dir->filePath(QStringLiteral("ok.json"))});
        QCOMPARE(badConfig.exitCode, 2);
        QVERIFY2(badConfig.err.contains("verify.dedupe"), badConfig.err.constData());
        QCOMPARE(badConfig.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestReceiveCli)
#include "tst_receive_cli.moc"

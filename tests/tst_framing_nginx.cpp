// The receiver's HTTP/1.1 framing compared with nginx's on the same bytes. Each case is sent, as
// one write on a fresh loopback connection, to the receiver (in process, storing into a history
// database of its own) and to a real nginx (Debian nginx-light, run unprivileged with everything
// in a temporary folder, as bench/receive_bench.sh does). Whatever nginx refuses the receiver
// must refuse too, and it may read no more requests out of the bytes than nginx did: a request
// nginx never saw answered is a request smuggled past a proxy in front of the receiver. Every
// case ends with a sentinel request that asks to close, so each exchange ends with a close.
#include "history/ReceivedStore.h"
#include "model/ReceiverConfig.h"
#include "receiver/Receiver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Response
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
};

// Responses with Content-Length framing (both servers send no other kind here).
QList<Response> parseResponses(const QByteArray& data)
{
    QList<Response> out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype end = data.indexOf("\r\n\r\n", pos);
        if (end < 0) {
            break;
        }
        const QList<QByteArray> lines = data.mid(pos, end - pos).split('\n');
        Response response;
        response.status = lines.first().trimmed().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qsizetype bodyStart = end + 4;
        const qsizetype length = Headers::value(response.headers, "Content-Length").toLongLong();
        response.body = data.mid(bodyStart, length);
        out.append(response);
        pos = bodyStart + length;
    }
    return out;
}

struct Exchange
{
    QList<Response> responses;
    bool closed = false;

    int answered() const // 2xx
    {
        return int(std::count_if(
            responses.begin(), responses.end(), [](const Response& r) { return r.status >= 200 && r.status < 300; }));
    }
    // Refused: an error status, or closed without a single answer.
    bool refused() const
    {
        return responses.isEmpty()
               || std::any_of(responses.begin(), responses.end(), [](const Response& r) { return r.status >= 400; });
    }
    QList<int> statuses() const
    {
        QList<int> out;
        for (const Response& r : responses) {
            out.append(r.status);
        }
        return out;
    }
};

Exchange exchange(quint16 port, const QByteArray& bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray received;
    Exchange result;
    if (!QTest::qWaitFor([&]() { return socket.state() == QAbstractSocket::ConnectedState; }, 5000)) {
        return result;
    }
    socket.write(bytes);
    result.closed = QTest::qWaitFor(
        [&]() {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    received += socket.readAll();
    result.responses = parseResponses(received);
    return result;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Stored
{
    QString method;
    QString target; // path, and ?query when there is one
    int status = 0;
    QString verdict;
    bool operator==(const Stored&) const = default;
};

char* toString(const Stored& s)
{
    return QTest::toString(QStringLiteral("%1 %2 -> %3 %4").arg(s.method, s.target).arg(s.status).arg(s.verdict));
}

QByteArray chunkedPost(const QByteArray& path, const QByteArray& body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
}

// The issue's second example: after "hello", a bare LF where CRLF belongs, then a chunk of 256
// bytes that holds a whole request.
QByteArray smuggledSplit()
{
    const QByteArray start = "\r\nGET /SMUGGLED HTTP/1.1\r\nHost: x\r\nX-Pad: ";
    const QByteArray hidden = start + QByteArray(256 - start.size() - 4, 'a') + "\r\n\r\n";
    return chunkedPost("/p80", "5\r\nhello\n100\r\n" + hidden + "\r\n0\r\n\r\n");
}

} // namespace

class TestFramingNginx final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_nginxPort = 0;
    qsizetype m_logRead = 0;
    std::unique_ptr<ReceivedStore> m_store;
    std::unique_ptr<Receiver> m_receiver;
    qint64 m_lastSeq = 0;
    int m_case = 0;

    // What nginx logged since the last call: "status target" per request it read.
    QStringList nginxLog()
    {
        QFile file(m_dir.filePath(QStringLiteral("access.log")));
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        const QByteArray all = file.readAll();
        const QByteArray fresh = all.mid(m_logRead);
        m_logRead = all.size();
        QStringList out;
        for (const QByteArray& line : fresh.split('\n')) {
            if (!line.isEmpty()) {
                out << QString::fromLatin1(line);
            }
        }
        return out;
    }

    QList<Stored> storedSince()
    {
        QList<Stored> out;
        const QList<ReceivedRecord> latest = m_store->latest(50);
        for (auto it = latest.rbegin(); it != latest.rend(); ++it) {
            if (it->seq > m_lastSeq) {
                out.append({it->method,
                            it->query.isEmpty() ? it->path : it->path + QLatin1Char('?') + it->query,
                            it->status,
                            it->verdict});
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"));
        if (nginx.isEmpty() && QFile::exists(QStringLiteral("/usr/sbin/nginx"))) {
            nginx = QStringLiteral("/usr/sbin/nginx");
        }
        if (nginx.isEmpty()) {
            QSKIP("nginx is not installed (apt-get install nginx-light; scripts/bootstrap.sh does): the framing"
                  " comparison with nginx is skipped");
        }
        QVERIFY(m_dir.isValid());
        const QString prefix = m_dir.path();
        m_nginxPort = freePort();
        const QString config = QStringLiteral(R"(worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log info;
events { worker_connections 64; }
http {
    log_format framing '$status "$request"';
    access_log %1/access.log framing;
    client_body_temp_path %1/client_body;
    proxy_temp_path %1/proxy;
    fastcgi_temp_path %1/fastcgi;
    uwsgi_temp_path %1/uwsgi;
    scgi_temp_path %1/scgi;
    server {
        listen 127.0.0.1:%2;
        location / { return 200; }
    }
}
)")
                                   .arg(prefix)
                                   .arg(m_nginxPort);
        QFile file(m_dir.filePath(QStringLiteral("nginx.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config.toUtf8());
        file.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx,
                      {QStringLiteral("-p"),
                       prefix,
                       QStringLiteral("-c"),
                       file.fileName(),
                       QStringLiteral("-e"),
                       m_dir.filePath(QStringLiteral("error.log")),
                       QStringLiteral("-g"),
                       QStringLiteral("daemon off;")});
        QVERIFY2(m_nginx.waitForStarted(), qPrintable(m_nginx.errorString()));
        const bool up = QTest::qWaitFor(
            [&]() {
                if (m_nginx.state() != QProcess::Running) {
                    return true;
                }
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_nginxPort);
                return probe.waitForConnected(200);
            },
            10000);
        QVERIFY2(up && m_nginx.state() == QProcess::Running, m_nginx.readAll().constData());
        nginxLog();

        m_store = ReceivedStore::open(m_dir.filePath(QStringLiteral("history.sqlite"))).value();
        auto parsed = ReceiverConfig::fromJson(
            QJsonDocument(QJsonObject {{QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")}}).toJson());
        QVERIFY(parsed.ok());
        m_receiver = std::make_unique<Receiver>();
        m_receiver->setStore(m_store.get());
        const auto started = m_receiver->start(parsed.value(), {});
        QVERIFY2(started.ok(), qPrintable(started.error().toString()));
    }

    void cleanupTestCase()
    {
        if (m_receiver) {
            m_receiver.reset();
        }
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000)) {
                m_nginx.kill();
                m_nginx.waitForFinished(5000);
            }
        }
    }

    void sameBytes_data()
    {
        QTest::addColumn<QByteArray>("request");
        // What the receiver stores of the case (the sentinel only when it reads it).
        QTest::addColumn<QList<Stored>>("stored");

        const Stored sentinel {u"GET"_s, u"/sentinel"_s, 200, u"accepted"_s};
        auto refused = [](const char* method, const char* target, int status = 400) {
            return QList<Stored> {
                {QString::fromLatin1(method), QString::fromLatin1(target), status, QStringLiteral("rejected")}};
        };
        const QByteArray post = "POST %1 HTTP/1.1\r\nHost: x\r\n";
        auto head = [&](const char* path) {
            return QByteArray(post).replace("%1", path);
        };

        QTest::newRow("smuggling: XX after the chunk data")
            << chunkedPost("/xx", "5\r\nhelloXX0\r\n\r\n") << refused("POST", "/xx");
        QTest::newRow("smuggling: request hidden in a chunk") << smuggledSplit() << refused("POST", "/p80");
        QTest::newRow("terminator: LF only") << chunkedPost("/lf", "5\r\nhello\n0\r\n\r\n") << refused("POST", "/lf");
        QTest::newRow("terminator: CR only") << chunkedPost("/cr", "5\r\nhello\r0\r\n\r\n") << refused("POST", "/cr");
        QTest::newRow("terminator: missing")
            << chunkedPost("/missing", "5\r\nhello0\r\n\r\n") << refused("POST", "/missing");
        QTest::newRow("oversized chunk size")
            << chunkedPost("/huge", "fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n") << refused("POST", "/huge");
        QTest::newRow("Content-Length and Transfer-Encoding")
            << head("/clte") + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            << refused("POST", "/clte");
        QTest::newRow("two different Content-Length")
            << head("/twocl") + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab" << refused("POST", "/twocl");
        QTest::newRow("obs-fold") << head("/fold?a=1") + "X-A: one\r\n two\r\nContent-Length: 0\r\n\r\n"
                                  << refused("POST", "/fold?a=1");
        QTest::newRow("NUL in a header") << head("/nul") + QByteArray("X-A: a\0b\r\nContent-Length: 0\r\n\r\n", 31)
                                         << refused("POST", "/nul");
        QTest::newRow("bare CR in a header") << head("/barecr") + "X-A: a\rb\r\nContent-Length: 0\r\n\r\n"
                                             << refused("POST", "/barecr");
        QTest::newRow("headers too large") << head("/large") + "X-A: " + QByteArray(70000, 'a') + "\r\n\r\n"
                                           << refused("POST", "/large", 431);
        QTest::newRow("CONNECT") << QByteArray("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n")
                                 << refused("CONNECT", "evil.example:443");
        QTest::newRow("absolute-form target")
            << QByteArray("POST http://evil.example:81/x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
            << QList<Stored> {{u"POST"_s, u"http://evil.example:81/x"_s, 200, u"accepted"_s}, sentinel};
        QTest::newRow("valid chunked (control)")
            << chunkedPost("/chunked", "2\r\n{}\r\n0\r\n\r\n")
            << QList<Stored> {{u"POST"_s, u"/chunked"_s, 200, u"accepted"_s}, sentinel};
        QTest::newRow("valid Content-Length (control)")
            << head("/cl") + "Content-Length: 2\r\n\r\n{}"
            << QList<Stored> {{u"POST"_s, u"/cl"_s, 200, u"accepted"_s}, sentinel};
    }

    void sameBytes()
    {
        QFETCH(QByteArray, request);
        QFETCH(QList<Stored>, stored);
        // Each case's sentinel has a path of its own, so nginx's log lines and the stored
        // requests of one case are never taken for another's.
        const QString sentinel = QStringLiteral("/sentinel/%1").arg(++m_case);
        for (Stored& s : stored) {
            if (s.target == QLatin1String("/sentinel")) {
                s.target = sentinel;
            }
        }
        const QByteArray bytes =
            request + "GET " + sentinel.toLatin1() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        m_lastSeq = m_store->latest(1).value(0).seq;

        const Exchange nginx = exchange(m_nginxPort, bytes);
        QVERIFY2(nginx.closed, "nginx did not close the connection");
        // nginx logs a request when it is done with it, which can be after the close the client
        // saw; every request it answered is logged.
        QStringList nginxSaw;
        QTRY_VERIFY_WITH_TIMEOUT((nginxSaw += nginxLog()).size() >= nginx.responses.size(), 10000);
        const Exchange ours = exchange(m_receiver->port(), bytes);
        QVERIFY2(ours.closed, "the receiver did not close the connection");
        qInfo() << "nginx answered" << nginx.statuses() << "having read" << nginxSaw << "- the receiver answered"
                << ours.statuses();

        if (nginx.refused()) {
            QVERIFY2(ours.refused(), "nginx refuses these bytes, the receiver does not");
        }
        QVERIFY2(ours.answered() <= nginx.answered(), "the receiver answered more requests 2xx than nginx");

        QTRY_COMPARE(storedSince().size(), stored.size());
        const QList<Stored> got = storedSince();
        QCOMPARE(got, stored);
        // Every request the receiver accepted is one nginx read and answered 2xx too.
        for (const Stored& s : got) {
            if (s.verdict == QLatin1String("accepted")) {
                const QString line = QStringLiteral("200 \"%1 %2 HTTP/1.1\"").arg(s.method, s.target);
                QVERIFY2(nginxSaw.contains(line), qPrintable(line + QStringLiteral(" was not read by nginx")));
            }
        }
    }

    void nothingSmuggledIsStored()
    {
        for (const ReceivedRecord& record : m_store->latest(1000)) {
            QVERIFY2(!record.path.contains(QLatin1String("SMUGGLED")), "a smuggled request was stored");
        }
    }

    void oversizedChunkSizeIsNamed()
    {
        // The stored refusal says what was wrong, not "Content-Length is not one decimal number".
        m_lastSeq = m_store->latest(1).value(0).seq;
        const Exchange ours = exchange(m_receiver->port(), chunkedPost("/named", "10000000000000000\r\n"));
        QCOMPARE(ours.statuses(), QList<int> {400});
        QTRY_COMPARE(storedSince().size(), 1);
        const ReceivedRecord record = m_store->latest(1).value(0);
        QCOMPARE(record.path, QStringLiteral("/named"));
        const QString detail = record.checks.at(0).toObject().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QLatin1String("chunk size is too large")), qPrintable(detail));
        QVERIFY(ours.responses[0].body.contains("chunk size is too large"));
    }
};

QTEST_GUILESS_MAIN(TestFramingNginx)
#include "tst_framing_nginx.moc"

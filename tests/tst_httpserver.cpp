#include "http/ChunkScanner.h"
#include "http/HeadScanner.h"
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

struct Response
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const { return Headers::value(headers, name); }
};

// A deliberately small, independent reading of HTTP/1.1 responses (Content-Length framing only,
// which is all the server sends).
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
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        response.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qsizetype bodyStart = end + 4;
        if (response.status >= 100 && response.status < 200) {
            out.append(response);
            pos = bodyStart;
            continue;
        }
        const qsizetype length = response.header("Content-Length").toLongLong();
        if (data.size() < bodyStart + length) {
            break;
        }
        response.body = data.mid(bodyStart, length);
        out.append(response);
        pos = bodyStart + length;
    }
    return out;
}

class RawClient final
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool waitConnected()
    {
        return QTest::qWaitFor([&]() { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    void pump() { m_received += m_socket.readAll(); }
    QList<Response> finals() const
    {
        QList<Response> out;
        for (const Response& r : parseResponses(m_received)) {
            if (r.status >= 200) {
                out.append(r);
            }
        }
        return out;
    }
    QList<Response> waitResponses(int count, int timeoutMs = 5000)
    {
        const bool arrived = QTest::qWaitFor(
            [&]() {
                pump();
                return finals().size() >= count;
            },
            timeoutMs);
        Q_UNUSED(arrived) // the caller compares what arrived
        return finals();
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&]() {
                pump();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QByteArray received() const { return m_received; }
    void close() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

HttpLimits testLimits()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    limits.maxHeaderBytes = 2048;
    limits.headerTimeoutMs = 300;
    limits.maxConnections = 8;
    limits.idleTimeoutMs = 5000;
    return limits;
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QList<ReceivedRequest> m_requests;
    QList<int> m_rejections;
    struct Rejection
    {
        int status = 0;
        QString reason;
        QString method;
        QString target;
    };
    QList<Rejection> m_rejectionDetails;

    void start(const HttpLimits& limits = testLimits())
    {
        m_server = std::make_unique<HttpServer>();
        m_server->setLimits(limits);
        m_server->setHandler([this](const ReceivedRequest& request, HttpResponder responder) {
            m_requests.append(request);
            if (request.path == QLatin1String("/delay")) {
                responder.respondAfter(200, HttpResponse::text(200, "delayed"));
            } else if (request.path == QLatin1String("/drop")) {
                responder.drop();
            } else if (request.path == QLatin1String("/headers")) {
                HttpResponse response = HttpResponse::text(201, "x");
                response.headers.append({QByteArrayLiteral("Content-Length"), QByteArrayLiteral("999")});
                response.headers.append({QByteArrayLiteral("X-Evil"), QByteArrayLiteral("a\r\nSet-Cookie: stolen=1")});
                response.headers.append({QByteArrayLiteral("X-Good"), QByteArrayLiteral("yes")});
                responder.respond(response);
            } else {
                responder.respond(HttpResponse::text(
                    200, request.method.toUtf8() + ' ' + request.path.toUtf8() + ' ' + request.body));
            }
        });
        connect(m_server.get(), &HttpServer::requestRejected, this, [this](const QString&, int status, const QString&) {
            m_rejections.append(status);
        });
        connect(
            m_server.get(),
            &HttpServer::requestRejected,
            this,
            [this](const QString&, int status, const QString& reason, const QString& method, const QString& target) {
                m_rejectionDetails.append({status, reason, method, target});
            });
        const auto listening = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY2(listening.ok(), qPrintable(listening.error().toString()));
    }
    quint16 port() const { return m_server->serverPort(); }

private slots:
    void init()
    {
        m_requests.clear();
        m_rejections.clear();
        m_rejectionDetails.clear();
        start();
    }
    void cleanup() { m_server.reset(); }

    void simplePost()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /hook?x=1&y=%20 HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\n"
                    "X-Dup: one\r\nX-Dup: two\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(responses[0].body, QByteArray("POST /hook {\"a\":1}"));
        QVERIFY(!responses[0].header("Date").isEmpty());
        QVERIFY(client.isOpen());

        QCOMPARE(m_requests.size(), 1);
        const ReceivedRequest& r = m_requests[0];
        QCOMPARE(r.method, QStringLiteral("POST"));
        QCOMPARE(r.target, QByteArray("/hook?x=1&y=%20"));
        QCOMPARE(r.path, QStringLiteral("/hook"));
        QCOMPARE(r.query, QStringLiteral("x=1&y=%20"));
        const HeaderList expected = {{"Host", "localhost"},
                                     {"content-type", "application/json"},
                                     {"X-Dup", "one"},
                                     {"X-Dup", "two"},
                                     {"Content-Length", "7"}};
        QCOMPARE(r.headers, expected);
        QCOMPARE(r.body, QByteArray("{\"a\":1}"));
        QCOMPARE(r.remoteAddress.toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(r.remote().startsWith(QLatin1String("127.0.0.1:")));
        QCOMPARE(r.localPort, port());
        QVERIFY(r.keepAlive);
        QVERIFY(!r.chunked);
        QCOMPARE(r.httpVersion(), QStringLiteral("HTTP/1.1"));
        QVERIFY(r.receivedAt.isValid());
        QCOMPARE(r.receivedAt.timeSpec(), Qt::UTC);
        QVERIFY(!r.tls.encrypted);
    }

    void keepAliveSeveralRequests()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        for (int i = 1; i <= 3; ++i) {
            const QByteArray body = QByteArray::number(i);
            client.send("POST /k HTTP/1.1\r\nHost: a\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                        + body);
            const auto responses = client.waitResponses(i);
            QCOMPARE(responses.size(), i);
            QCOMPARE(responses.last().body, "POST /k " + body);
            QVERIFY(responses.last().header("Connection").isNull());
        }
        QVERIFY(client.isOpen());
        QCOMPARE(m_requests.size(), 3);
        QCOMPARE(m_requests[0].connectionId, m_requests[2].connectionId);
        QCOMPARE(m_requests[2].sequenceOnConnection, quint64(3));
    }

    void pipelinedAnswersInOrder()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("GET /delay HTTP/1.1\r\nHost: a\r\n\r\n"
                    "POST /second HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
                    "GET /third HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        const auto responses = client.waitResponses(3);
        QCOMPARE(responses.size(), 3);
        QCOMPARE(responses[0].body, QByteArray("delayed"));
        QCOMPARE(responses[1].body, QByteArray("POST /second hi"));
        QCOMPARE(responses[2].body, QByteArray("GET /third "));
        QCOMPARE(responses[2].header("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.finals().size(), 3); // nothing after the last answer
    }

    void chunkedBodyWithExtensionsAndTrailers()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "5;name=value\r\nhello\r\n"
                    "6\r\n world\r\n"
                    "0\r\nX-Trailer: t1\r\n\r\n");
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].body, QByteArray("POST /c hello world"));
        QCOMPARE(m_requests.size(), 1);
        QVERIFY(m_requests[0].chunked);
        QCOMPARE(m_requests[0].body, QByteArray("hello world"));
        QCOMPARE(m_requests[0].trailers, (HeaderList {{"X-Trailer", "t1"}}));
        QVERIFY(!Headers::contains(m_requests[0].headers, "X-Trailer"));
        QVERIFY(client.isOpen());
    }

    void chunkedSentByteByByte()
    {
        // The head and body split at every possible place must give the same request. A byte a
        // millisecond can take longer than testLimits()' 300 ms for the head on a busy machine.
        HttpLimits limits = testLimits();
        limits.headerTimeoutMs = 10000;
        start(limits);
        RawClient client(port());
        QVERIFY(client.waitConnected());
        const QByteArray bytes = "POST /b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "3\r\nabc\r\n0\r\nX-T: v\r\n\r\n";
        for (char c : bytes) {
            client.send(QByteArray(1, c));
            QTest::qWait(1);
        }
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].body, QByteArray("POST /b abc"));
        QCOMPARE(m_requests[0].trailers, (HeaderList {{"X-T", "v"}}));
    }

    void http10ClosesUnlessKeepAlive()
    {
        {
            RawClient client(port());
            QVERIFY(client.waitConnected());
            client.send("GET /old HTTP/1.0\r\n\r\n");
            QVERIFY(client.waitClosed());
            const auto responses = client.finals();
            QCOMPARE(responses.size(), 1);
            QCOMPARE(responses[0].status, 200);
            QCOMPARE(responses[0].header("Connection"), QByteArray("close"));
            QVERIFY(!m_requests.last().keepAlive);
            QCOMPARE(m_requests.last().httpVersion(), QStringLiteral("HTTP/1.0"));
        }
        {
            RawClient client(port());
            QVERIFY(client.waitConnected());
            client.send("GET /old1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            auto responses = client.waitResponses(1);
            QCOMPARE(responses.size(), 1);
            QCOMPARE(responses[0].header("Connection"), QByteArray("keep-alive"));
            client.send("GET /old2 HTTP/1.0\r\n\r\n");
            QVERIFY(client.waitClosed());
            responses = client.finals();
            QCOMPARE(responses.size(), 2);
            QCOMPARE(responses[1].body, QByteArray("GET /old2 "));
        }
    }

    void expectContinue()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QVERIFY(QTest::qWaitFor(
            [&]() {
                client.pump();
                return client.received().startsWith("HTTP/1.1 100 Continue\r\n\r\n");
            },
            5000));
        QVERIFY(m_requests.isEmpty());
        client.send("body");
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].body, QByteArray("POST /e body"));
    }

    void expectContinueTooLargeGets413WithoutContinue()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
        QVERIFY(client.waitClosed());
        QVERIFY(client.received().startsWith("HTTP/1.1 413 "));
        QVERIFY(!client.received().contains("100 Continue"));
    }

    void bodyLimitByContentLength()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n" + QByteArray(1001, 'x'));
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 413);
        QCOMPARE(responses[0].header("Connection"), QByteArray("close"));
        QVERIFY(m_requests.isEmpty());
        QCOMPARE(m_rejections, QList<int> {413});
    }

    void bodyAtTheLimitIsAccepted()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /max HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" + QByteArray(1000, 'x'));
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(m_requests[0].body.size(), 1000);
    }

    void bodyLimitByChunkedTotal()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        // Each chunk is small; only the running total passes the limit.
        QByteArray chunks;
        for (int i = 0; i < 11; ++i) {
            chunks += "64\r\n" + QByteArray(100, 'y') + "\r\n";
        }
        client.send("POST /big HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n");
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 413);
        QVERIFY(m_requests.isEmpty());
    }

    void headerLimit()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(3000, 'h') + "\r\n\r\n");
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 431);
        QVERIFY(m_requests.isEmpty());
    }

    void headerLimitWithoutEndOfHead()
    {
        // Headers that never end: cut off at the limit, not buffered forever.
        RawClient client(port());
        QVERIFY(client.waitConnected());
        QByteArray many = "GET / HTTP/1.1\r\nHost: a\r\n";
        for (int i = 0; i < 400; ++i) {
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        }
        client.send(many);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.finals().value(0).status, 431);
    }

    void slowHeadersTimeOut()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        const QByteArray head = "POST /slow HTTP/1.1\r\nHost: a\r\nX-Slow: " + QByteArray(400, 's') + "\r\n\r\n";
        qsizetype sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, this, [&]() {
            if (sent < head.size() && client.isOpen()) {
                client.send(head.mid(sent++, 1)); // a slowloris: one byte at a time
            }
        });
        trickle.start(20);
        QVERIFY(client.waitClosed(10000));
        trickle.stop();
        QVERIFY(sent < head.size());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 408);
        QVERIFY(m_requests.isEmpty());
    }

    void silentConnectionTimesOut()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        QVERIFY(client.waitClosed());
        QCOMPARE(client.finals().value(0).status, 408);
    }

    void headerTimeoutNeverCutsEarly()
    {
        // Qt's default coarse timers round their expiry to a boundary up to 5 % early (300 ms:
        // to a multiple of 100 ms, up to 15 ms early), depending on when they start. Staggered
        // connections start in every phase; none may be cut before the limit (later is load).
        constexpr int clients = 20;
        HttpLimits limits = testLimits();
        limits.maxConnections = clients;
        start(limits);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QElapsedTimer> opened(clients);
        std::vector<qint64> cutAfterMs(clients, -1);
        for (int i = 0; i < clients; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            connect(socket.get(), &QTcpSocket::readChannelFinished, this, [&opened, &cutAfterMs, i]() {
                cutAfterMs[i] = opened[i].elapsed();
            });
            opened[i].start();
            socket->connectToHost(QHostAddress::LocalHost, port());
            sockets.push_back(std::move(socket));
            QTest::qWait(7);
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(cutAfterMs, [](qint64 ms) { return ms >= 0; }), 10000);
        for (int i = 0; i < clients; ++i) {
            QVERIFY2(cutAfterMs[i] >= limits.headerTimeoutMs,
                     qPrintable(QStringLiteral("connection %1 was cut after %2 ms").arg(i).arg(cutAfterMs[i])));
            QVERIFY(sockets[i]->readAll().startsWith("HTTP/1.1 408 "));
        }
    }

    void idleKeepAliveClosedSilently()
    {
        HttpLimits limits = testLimits();
        limits.idleTimeoutMs = 200;
        start(limits);
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("GET /once HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(client.waitResponses(1).size(), 1);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.finals().size(), 1); // no stray 408 a reusing client could mistake for its answer
    }

    void maxConnections()
    {
        HttpLimits limits = testLimits();
        limits.maxConnections = 2;
        limits.headerTimeoutMs = 10000;
        start(limits);
        RawClient first(port());
        RawClient second(port());
        QVERIFY(first.waitConnected());
        QVERIFY(second.waitConnected());
        QTRY_COMPARE(m_server->connectionCount(), 2);

        RawClient third(port());
        QVERIFY(third.waitConnected());
        QVERIFY(third.waitClosed());
        QCOMPARE(third.finals().value(0).status, 503);
        QCOMPARE(m_server->connectionCount(), 2);

        first.close();
        QTRY_COMPARE(m_server->connectionCount(), 1);
        RawClient fourth(port());
        QVERIFY(fourth.waitConnected());
        fourth.send("GET /fourth HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(fourth.waitResponses(1).value(0).status, 200);
        second.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(second.waitResponses(1).value(0).status, 200);
    }

    void ambiguousFraming_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");

        const QByteArray start = "POST /f HTTP/1.1\r\nHost: a\r\n";
        QTest::newRow("two different Content-Length")
            << start + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab" << 400;
        QTest::newRow("two equal Content-Length") << start + "Content-Length: 1\r\nContent-Length: 1\r\n\r\na" << 400;
        QTest::newRow("Content-Length list") << start + "Content-Length: 1, 1\r\n\r\na" << 400;
        QTest::newRow("CL then TE") << start + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                    << 400;
        QTest::newRow("TE then CL") << start + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"
                                    << 400;
        QTest::newRow("obs-fold") << start + "X-A: one\r\n two\r\nContent-Length: 0\r\n\r\n" << 400;
        QTest::newRow("obs-fold tab") << start + "X-A: one\r\n\ttwo\r\n\r\n" << 400;
        QTest::newRow("fold in trailer")
            << start + "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-T: 1\r\n 2\r\n\r\n"
            << 400;
        QTest::newRow("NUL in value") << start + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400;
        QTest::newRow("NUL in name") << start + QByteArray("X\0A: ab\r\n\r\n", 11) << 400;
        QTest::newRow("bare CR") << start + "X-A: a\rb\r\n\r\n" << 400;
        QTest::newRow("space before colon") << start + "Content-Length : 1\r\n\r\na" << 400;
        QTest::newRow("negative Content-Length") << start + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("plus Content-Length") << start + "Content-Length: +1\r\n\r\na" << 400;
        QTest::newRow("letters Content-Length") << start + "Content-Length: 1a\r\n\r\na" << 400;
        QTest::newRow("huge Content-Length") << start + "Content-Length: 99999999999999999999999\r\n\r\n" << 400;
        QTest::newRow("TE gzip only") << start + "Transfer-Encoding: gzip\r\n\r\nabc" << 400;
        QTest::newRow("TE chunked, gzip") << start + "Transfer-Encoding: chunked, gzip\r\n\r\n" << 400;
        QTest::newRow("TE chunked twice") << start + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n" << 400;
        QTest::newRow("TE gzip, chunked") << start + "Transfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n0\r\n\r\n"
                                          << 501;
        QTest::newRow("bad chunk size") << start + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("no Host in 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505;
        QTest::newRow("unknown Expect") << start + "Expect: magic\r\nContent-Length: 0\r\n\r\n" << 417;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n\r\n") << 400;
        QTest::newRow("binary noise") << QByteArray("\xff\xfe\xfd\xfc\r\n\r\n") << 400;
        QTest::newRow("unknown method") << QByteArray("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    }

    void ambiguousFraming()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send(request);
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, status);
        QCOMPARE(responses[0].header("Connection"), QByteArray("close"));
        QVERIFY(!responses[0].body.isEmpty()); // says why, in words
        QVERIFY(m_requests.isEmpty());
        QCOMPARE(m_rejections, QList<int> {status});
    }

    // libhttp-parser skips the two bytes after a chunk's data unchecked; nginx answers 400.
    void chunkTerminatorMustBeCrlf_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reasonPart");
        const QString notCrlf = QStringLiteral("not followed by CRLF");
        QTest::newRow("XX instead of CRLF") << QByteArray("5\r\nhelloXX0\r\n\r\n") << 400 << notCrlf;
        QTest::newRow("LF only") << QByteArray("5\r\nhello\n0\r\n\r\n") << 400 << notCrlf;
        QTest::newRow("CR only") << QByteArray("5\r\nhello\r0\r\n\r\n") << 400 << notCrlf;
        QTest::newRow("missing") << QByteArray("5\r\nhello0\r\n\r\n") << 400 << notCrlf;
        QTest::newRow("chunk longer than its size") << QByteArray("3\r\nhello\r\n0\r\n\r\n") << 400 << notCrlf;
        QTest::newRow("CR then X in size line")
            << QByteArray("5\rXhello\r\n0\r\n\r\n") << 400 << QStringLiteral("CR in a chunk size line");
        QTest::newRow("bare LF after size") << QByteArray("5\nhello\r\n0\r\n\r\n") << 400 << QStringLiteral("bare LF");
        QTest::newRow("bare LF after extension")
            << QByteArray("5;a=b\nhello\r\n0\r\n\r\n") << 400 << QStringLiteral("bare LF");
        QTest::newRow("bare CR in trailer")
            << QByteArray("1\r\na\r\n0\r\nX-T: a\rb\r\n\r\n") << 400 << QStringLiteral("CR that is not followed by LF");
        QTest::newRow("NUL in trailer") << QByteArray("1\r\na\r\n0\r\nX-T: a\0b\r\n\r\n", 21) << 400
                                        << QStringLiteral("NUL");
        QTest::newRow("last chunk not ended by CRLF")
            << QByteArray("1\r\na\r\n0\r\n\rX") << 400 << QStringLiteral("does not end with CRLF");
        QTest::newRow("oversized chunk size") << QByteArray("fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n") << 400
                                              << QStringLiteral("chunk size is too large");
        QTest::newRow("chunk size past the body limit")
            << QByteArray("3e9\r\nhello\r\n0\r\n\r\n") << 413 << QStringLiteral("a chunk of 1001 bytes");
    }

    void chunkTerminatorMustBeCrlf()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, reasonPart);
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, status);
        QVERIFY(m_requests.isEmpty());
        QCOMPARE(m_rejectionDetails.size(), 1);
        QVERIFY2(m_rejectionDetails[0].reason.contains(reasonPart), qPrintable(m_rejectionDetails[0].reason));
        QCOMPARE(m_rejectionDetails[0].method, QStringLiteral("POST"));
        QCOMPARE(m_rejectionDetails[0].target, QStringLiteral("/t"));
    }

    // The issue's second example: a bare LF after the first chunk's data made the parser read the
    // second chunk's data as a request of its own, answered and handed on.
    void smuggledRequestIsNeverRead()
    {
        const QByteArray smuggled = "\r\nGET /SMUGGLED HTTP/1.1\r\nHost: x\r\nX-Pad: ";
        QByteArray hidden = smuggled + QByteArray(256 - smuggled.size() - 4, 'a') + "\r\n\r\n";
        QCOMPARE(hidden.size(), 256);
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /p80 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\n100\r\n" + hidden
                    + "\r\n0\r\n\r\n");
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 400);
        QVERIFY(m_requests.isEmpty());
        QCOMPARE(m_rejectionDetails.size(), 1);
        QCOMPARE(m_rejectionDetails[0].target, QStringLiteral("/p80"));
    }

    void chunkedFramingAcrossPieces()
    {
        // Every split of a valid chunked body with extensions and trailers is read the same.
        const QByteArray body = "5;x=y\r\nhello\r\n1\r\n!\r\n0\r\nX-T: v\r\n\r\n";
        for (qsizetype split = 1; split < body.size(); ++split) {
            ChunkScanner scanner(1000, 100);
            const auto first = scanner.scan(body.left(split));
            QCOMPARE(first.outcome, ChunkScanner::Outcome::NeedMore);
            const auto second = scanner.scan(QByteArray(body.mid(split) + "GET"));
            QCOMPARE(second.outcome, ChunkScanner::Outcome::Complete);
            QCOMPARE(second.consumed, body.size() - split);
            QCOMPARE(scanner.bodyBytes(), 6);
        }
    }

    // The head scanner refuses these before the parser has seen the head; the refusal still names
    // the request line that was read.
    void refusalNamesTheRequestLine_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray start = "POST /r?q=1 HTTP/1.1\r\nHost: a\r\n";
        QTest::newRow("obs-fold") << start + "X-A: one\r\n two\r\n\r\n" << 400;
        QTest::newRow("NUL") << start + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400;
        QTest::newRow("bare CR") << start + "X-A: a\rb\r\n\r\n" << 400;
        QTest::newRow("431") << start + "X-A: " + QByteArray(3000, 'a') + "\r\n\r\n" << 431;
    }

    void refusalNamesTheRequestLine()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        for (const bool afterAnother : {false, true}) {
            m_rejectionDetails.clear();
            RawClient client(port());
            QVERIFY(client.waitConnected());
            // Also as the second request on a connection, after the parser paused at the first.
            client.send((afterAnother ? QByteArray("GET /first HTTP/1.1\r\nHost: a\r\n\r\n") : QByteArray()) + request);
            QVERIFY(client.waitClosed());
            QCOMPARE(client.finals().last().status, status);
            QCOMPARE(m_rejectionDetails.size(), 1);
            QCOMPARE(m_rejectionDetails[0].method, QStringLiteral("POST"));
            QCOMPARE(m_rejectionDetails[0].target, QStringLiteral("/r?q=1"));
        }
    }

    void absoluteFormKeepsTheAuthority()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST http://evil.example:81/x?y=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi");
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests[0].target, QByteArray("http://evil.example:81/x?y=1"));
        QCOMPARE(m_requests[0].path, QStringLiteral("http://evil.example:81/x"));
        QCOMPARE(m_requests[0].query, QStringLiteral("y=1"));
    }

    void connectIsRefused()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
        QVERIFY(client.waitClosed());
        const auto responses = client.finals();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 400); // as nginx answers it
        QVERIFY(m_requests.isEmpty());
        QCOMPARE(m_rejectionDetails.size(), 1);
        QCOMPARE(m_rejectionDetails[0].method, QStringLiteral("CONNECT"));
        QCOMPARE(m_rejectionDetails[0].target, QStringLiteral("evil.example:443"));
        QVERIFY(m_rejectionDetails[0].reason.contains(QStringLiteral("CONNECT")));
    }

    // Two slow bodies: the second one's bytes would take all connections' bodies past
    // maxBufferedBodyBytes, so it is answered 503; the first one is still received whole.
    void bufferedBodiesAreBounded()
    {
        HttpLimits limits = testLimits();
        limits.maxBodyBytes = 1000;
        limits.maxBufferedBodyBytes = 1500;
        start(limits);
        RawClient first(port());
        RawClient second(port());
        QVERIFY(first.waitConnected());
        QVERIFY(second.waitConnected());
        first.send("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" + QByteArray(800, 'a'));
        QTRY_COMPARE(m_server->bufferedBodyBytes(), qint64(800));
        second.send("POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" + QByteArray(1000, 'b'));
        QVERIFY(second.waitClosed());
        const auto refused = second.finals();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0].status, 503);
        QCOMPARE(refused[0].header("Retry-After"), QByteArray("1"));
        QVERIFY(refused[0].body.contains("maxBufferedBodyBytes") || refused[0].body.contains("1500"));
        QCOMPARE(m_server->bufferedBodyBytes(), qint64(800));

        first.send(QByteArray(200, 'a'));
        const auto answered = first.waitResponses(1);
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered[0].status, 200);
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests[0].body.size(), 1000);
        QCOMPARE(m_server->bufferedBodyBytes(), qint64(0)); // released once answered
        QCOMPARE(m_rejections, QList<int> {503});

        // Chunked bodies count the same way.
        RawClient third(port());
        QVERIFY(third.waitConnected());
        third.send("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + QByteArray(1000, 'c')
                   + "\r\n0\r\n\r\n");
        QCOMPARE(third.waitResponses(1).value(0).status, 200);
        QCOMPARE(m_server->bufferedBodyBytes(), qint64(0));
    }

    void clientDisconnectsMidBody()
    {
        {
            RawClient client(port());
            QVERIFY(client.waitConnected());
            QTRY_COMPARE(m_server->connectionCount(), 1);
            client.send("POST /cut HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n0123456789");
            QTest::qWait(50);
            client.close();
        }
        QTRY_COMPARE(m_server->connectionCount(), 0);
        QVERIFY(m_requests.isEmpty());
        RawClient next(port());
        QVERIFY(next.waitConnected());
        next.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(next.waitResponses(1).value(0).status, 200);
    }

    void dropClosesWithoutAnswer()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("POST /drop HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx");
        QVERIFY(client.waitClosed());
        QVERIFY(client.received().isEmpty());
        QCOMPARE(m_requests.size(), 1);
        QTRY_COMPARE(m_server->connectionCount(), 0);
    }

    void responseFramingBelongsToServer()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("GET /headers HTTP/1.1\r\nHost: a\r\n\r\n");
        const auto responses = client.waitResponses(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 201);
        QCOMPARE(responses[0].header("Content-Length"), QByteArray("1"));
        QCOMPARE(responses[0].header("X-Good"), QByteArray("yes"));
        QVERIFY(!client.received().contains("Set-Cookie"));
        QVERIFY(!client.received().contains("999"));
    }

    void headAnswerHasLengthButNoBody()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send("HEAD /h HTTP/1.1\r\nHost: a\r\n\r\nGET /z HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        QVERIFY(client.waitClosed());
        const QByteArray raw = client.received();
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        // The length of what GET would send, and no body: else the next answer would be garbled.
        QVERIFY(raw.left(headEnd + 2).contains("Content-Length: 8\r\n"));
        const QList<Response> rest = parseResponses(raw.mid(headEnd + 4));
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest[0].body, QByteArray("GET /z "));
    }

    void headScannerFindsEndAcrossPieces()
    {
        HeadScanner scanner(100);
        QCOMPARE(scanner.scan("\r\nGET / HTTP/1.1\r\nHo").outcome, HeadScanner::Outcome::NeedMore);
        QCOMPARE(scanner.scan("st: a\r\n\r").outcome, HeadScanner::Outcome::NeedMore);
        const auto step = scanner.scan("\nBODY");
        QCOMPARE(step.outcome, HeadScanner::Outcome::Complete);
        QCOMPARE(step.consumed, 1);
    }

    void pythonHttpClientKeepAlive()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        const QString script = QStringLiteral(R"(
import http.client, sys
c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=10)
for i in range(3):
    c.request('POST', '/py/%d?n=%d' % (i, i), body=b'x' * i, headers={'X-Seq': str(i)})
    r = c.getresponse()
    print(r.status, r.read().decode())
c.request('POST', '/py/chunked', body=iter([b'ab', b'cde']))
r = c.getresponse()
print(r.status, r.read().decode())
)");
        QProcess process;
        process.start(python, {QStringLiteral("-c"), script, QString::number(port())});
        QVERIFY(QTest::qWaitFor([&]() { return process.state() == QProcess::NotRunning; }, 15000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray output = process.readAllStandardOutput();
        QCOMPARE(output,
                 QByteArray("200 POST /py/0 \n200 POST /py/1 x\n200 POST /py/2 xx\n200 POST /py/chunked abcde\n"));
        QCOMPARE(m_requests.size(), 4);
        for (const ReceivedRequest& r : m_requests) {
            QCOMPARE(r.connectionId, m_requests[0].connectionId); // one kept-alive connection
        }
        QCOMPARE(m_requests[2].query, QStringLiteral("n=2"));
        QCOMPARE(Headers::value(m_requests[2].headers, "X-Seq"), QByteArray("2"));
        QVERIFY(m_requests[3].chunked);
        QCOMPARE(m_requests[3].body, QByteArray("abcde"));
    }

    void curlExpectContinue()
    {
        const QString curl = QStringLiteral("/usr/bin/curl");
        if (!QFile::exists(curl)) {
            QSKIP("curl is not installed");
        }
        QProcess process;
        process.start(curl,
                      {QStringLiteral("-sS"),
                       QStringLiteral("-v"),
                       QStringLiteral("--http1.1"),
                       QStringLiteral("-H"),
                       QStringLiteral("Expect: 100-continue"),
                       QStringLiteral("--data-binary"),
                       QStringLiteral("hello curl"),
                       QStringLiteral("%1/curl").arg(m_server->url())});
        QVERIFY(QTest::qWaitFor([&]() { return process.state() == QProcess::NotRunning; }, 15000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), QByteArray("POST /curl hello curl"));
        QVERIFY(process.readAllStandardError().contains("HTTP/1.1 100 Continue"));
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(Headers::value(m_requests[0].headers, "expect"), QByteArray("100-continue"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"

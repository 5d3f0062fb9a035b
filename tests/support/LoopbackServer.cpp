#include "LoopbackServer.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

QByteArray LoopbackServer::Request::header(QByteArrayView name) const
{
    for (const auto& [n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            return v;
        }
    }
    return {};
}

LoopbackServer::LoopbackServer(QObject* parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

LoopbackServer::~LoopbackServer() = default;

quint16 LoopbackServer::port() const
{
    return m_server.serverPort();
}

QByteArray LoopbackServer::url(const QByteArray& path) const
{
    return "http://127.0.0.1:" + QByteArray::number(port()) + path;
}

void LoopbackServer::setResponses(QList<Response> responses)
{
    m_responses = std::move(responses);
}

bool LoopbackServer::waitForRequests(int count, int timeoutMs)
{
    return QTest::qWaitFor([this, count] { return m_requests.size() >= count; }, timeoutMs);
}

void LoopbackServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                length = value.toLongLong();
            }
        }
        if (buffer.size() < end + 4 + length) {
            return; // body not complete yet
        }
        request.body = buffer.mid(end + 4, length);
        request.raw = buffer.left(end + 4 + length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        emit requestReceived();
        answer(socket);
    }
}

void LoopbackServer::answer(QTcpSocket* socket)
{
    const qsizetype index = std::min<qsizetype>(m_requests.size() - 1, m_responses.size() - 1);
    const Response response = m_responses.at(index);
    QPointer<QTcpSocket> guard(socket);
    auto send = [guard, response] {
        if (!guard) {
            return;
        }
        if (response.close) {
            guard->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
        for (const auto& [name, value] : response.headers) {
            out += name + ": " + value + "\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
        guard->write(out);
    };
    if (response.delayMs > 0) {
        QTimer::singleShot(response.delayMs, this, send);
    } else {
        send();
    }
}

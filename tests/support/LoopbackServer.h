#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>

class QTcpSocket;

// A small HTTP/1.1 server on 127.0.0.1 for engine tests, until tests can use the receiver:
// it records every request byte for byte and answers from a script of responses.
class LoopbackServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackServer)

public:
    struct Response
    {
        Response(int code = 200,
                 QByteArray phrase = "OK",
                 QList<QPair<QByteArray, QByteArray>> extraHeaders = {},
                 QByteArray content = {})
            : status(code)
            , reason(std::move(phrase))
            , headers(std::move(extraHeaders))
            , body(std::move(content))
        { }

        int status = 200;
        QByteArray reason = "OK";
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        bool close = false; // close the connection without answering
    };

    struct Request
    {
        QByteArray raw; // the bytes as received: request line, headers, blank line, body
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(QByteArrayView name) const;
    };

    explicit LoopbackServer(QObject* parent = nullptr);
    ~LoopbackServer() override;

    quint16 port() const;
    QByteArray url(const QByteArray& path = "/hook") const;

    // Answers requests with these in turn, then repeats the last one (default: 200 OK).
    void setResponses(QList<Response> responses);
    const QList<Request>& requests() const { return m_requests; }
    bool waitForRequests(int count, int timeoutMs = 5000);

signals:
    void requestReceived();

private:
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket);

    QTcpServer m_server;
    QList<Response> m_responses {Response {}};
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

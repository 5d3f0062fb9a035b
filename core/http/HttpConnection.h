#pragma once

#include "ChunkScanner.h"
#include "HeadScanner.h"
#include "HttpLimits.h"
#include "HttpResponse.h"
#include "ReceivedRequest.h"

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

struct http_parser;
struct http_parser_settings;

// One client connection: reads bytes, runs them through http_parser with the limits and framing
// rules of docs/receiver.md, hands each complete request to the handler and writes the answers.
// Requests are handled one at a time: while one waits for its answer, the rest of the pipeline
// stays in the socket (whose read buffer is bounded), so answers go out in order and a peer
// cannot make the connection buffer more than one request.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using Handler = std::function<void(const ReceivedRequest&, HttpResponder)>;

    // Takes ownership of `socket` (re-parented). For a QSslSocket in server mode, encryption is
    // expected to have been started; requests are read once it is established. `budget` is shared
    // by all of a server's connections (limits.maxBufferedBodyBytes); without one the connection
    // keeps its own.
    HttpConnection(QTcpSocket* socket,
                   quint64 id,
                   const HttpLimits& limits,
                   Handler handler,
                   QObject* parent,
                   std::shared_ptr<HttpBodyBudget> budget = {});
    ~HttpConnection() override;

    quint64 id() const { return m_id; }
    // Answer `status` at once and close, without reading a request (used for 503 when full).
    void rejectWithoutReading(int status, const QString& reason);

    // Called through HttpResponder.
    void respond(quint64 sequence, HttpResponse response);
    void drop(quint64 sequence);
    bool isWaitingFor(quint64 sequence) const;

signals:
    // The socket is closed; the owner deletes the connection (deleteLater).
    void finished();
    // A request was refused by the transport rules (limits, framing, timeouts).
    void
    rejected(const QString& remote, int status, const QString& reason, const QString& method, const QString& target);

private:
    enum class State
    {
        Handshake, // TLS handshake in progress
        ReadingHead,
        ReadingBody,
        Handling, // a request waits for its answer
        Closing,
    };

    static const http_parser_settings& parserSettings();
    static int onMessageBegin(http_parser* parser);
    static int onUrl(http_parser* parser, const char* at, size_t length);
    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);
    static int onChunkHeader(http_parser* parser);

    int headersComplete();
    int failFromCallback(int status, const QString& reason);
    void processInput();
    qsizetype feed(const QByteArray& data);
    qsizetype execute(const char* data, qsizetype length);
    void dispatch();
    void startNextRequest();
    void reject(int status, const QString& reason);
    void readRequestLineBefore(const char* data, qsizetype length);
    void releaseBody();
    void beginClose();
    void finishWriteSide();
    void onEncrypted();
    void onTimeout();
    void storeHeaderPair();
    void emitFinished();
    QString remote() const;

    QTcpSocket* m_socket = nullptr;
    quint64 m_id = 0;
    HttpLimits m_limits;
    Handler m_handler;
    State m_state = State::ReadingHead;
    std::unique_ptr<http_parser> m_parser;
    HeadScanner m_scanner;
    ChunkScanner m_chunks;
    std::shared_ptr<HttpBodyBudget> m_budget;
    qint64 m_bodyHeld = 0; // this connection's share of m_budget->used
    QByteArray m_pending;  // read from the socket, not yet parsed (at most one read chunk)
    QTimer m_headTimer;    // headerTimeoutMs: until the head is complete
    QTimer m_idleTimer;    // idleTimeoutMs: keep-alive wait, silence inside a body
    QTimer m_lingerTimer;  // bounds the graceful close
    TlsSessionInfo m_tls;

    // The request being read.
    ReceivedRequest m_request;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_headComplete = false;
    bool m_messageComplete = false;
    bool m_messageStarted = false;
    bool m_inTrailers = false;
    bool m_headRequest = false;
    bool m_closeAfter = false;
    qint64 m_trailerBytes = 0;
    char m_lastByteBefore = 0; // last byte of the previous execute() chunk, for fold detection
    const char* m_chunkStart = nullptr;
    bool m_inProcess = false;
    bool m_writeShut = false;
    bool m_finishedEmitted = false;
    int m_failStatus = 0;
    QString m_failReason;

    quint64 m_sequence = 0;   // requests started on this connection
    quint64 m_waitingFor = 0; // the sequence whose answer is awaited, 0 if none
};

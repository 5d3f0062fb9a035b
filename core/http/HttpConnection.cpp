#include "HttpConnection.h"

#include "HttpLog.h"

#include <QSslCipher>
#include <QSslSocket>

#include <http_parser.h>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

// One read from the socket; also the socket's read buffer size, so a connection never holds
// more than this of not-yet-parsed input.
constexpr qint64 kReadChunk = 64 * 1024;
// Stop reading new requests while this much of our answers is still unsent (a client that
// pipelines but never reads).
constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
// How long a closing connection may drain what the client still sends, so the client reads
// our error answer instead of a reset.
constexpr int kLingerMs = 2000;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArray trimOws(const QByteArray& value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value[begin] == ' ' || value[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (value[end - 1] == ' ' || value[end - 1] == '\t')) {
        --end;
    }
    return value.mid(begin, end - begin);
}

int countHeaders(const HeaderList& headers, QByteArrayView name)
{
    int count = 0;
    for (const auto& header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0) {
            ++count;
        }
    }
    return count;
}

// Origin-form ("/hook?x=1"), asterisk-form ("*") and absolute-form ("http://host:81/hook?x=1")
// alike: the path is the target up to the query, so an absolute-form target keeps the authority
// its sender named (docs/receiver.md, "Framing rules").
void splitTarget(ReceivedRequest& request)
{
    const QByteArray& target = request.target;
    const qsizetype hash = target.indexOf('#');
    const QByteArray withoutFragment = hash < 0 ? target : target.left(hash);
    const qsizetype question = withoutFragment.indexOf('?');
    if (question < 0) {
        request.path = QString::fromUtf8(withoutFragment);
    } else {
        request.path = QString::fromUtf8(withoutFragment.left(question));
        request.query = QString::fromUtf8(withoutFragment.mid(question + 1));
    }
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
        case QSsl::TlsV1_3:
            return QStringLiteral("TLSv1.3");
        case QSsl::TlsV1_2:
            return QStringLiteral("TLSv1.2");
        default:
            return QStringLiteral("TLS");
    }
}

struct ParserFailure
{
    int status;
    QString reason;
};

ParserFailure describeParserError(http_errno error)
{
    switch (error) {
        case HPE_HEADER_OVERFLOW:
            return {431, QStringLiteral("the request headers are too large")};
        case HPE_INVALID_CONTENT_LENGTH:
            return {400, QStringLiteral("Content-Length is not one decimal number")};
        case HPE_UNEXPECTED_CONTENT_LENGTH:
            return {400,
                    QStringLiteral("Content-Length appears more than once or together with Transfer-Encoding, so"
                                   " the body's length is ambiguous")};
        case HPE_INVALID_TRANSFER_ENCODING:
            return {400, QStringLiteral("Transfer-Encoding must end with chunked")};
        case HPE_INVALID_METHOD:
            return {400, QStringLiteral("this is not an HTTP request (unknown method)")};
        case HPE_INVALID_CHUNK_SIZE:
            return {400, QStringLiteral("a chunk size is not a hexadecimal number")};
        default:
            return {400,
                    QStringLiteral("the request is not valid HTTP/1.1: %1")
                        .arg(QString::fromLatin1(http_errno_description(error)))};
    }
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket,
                               quint64 id,
                               const HttpLimits& limits,
                               Handler handler,
                               QObject* parent,
                               std::shared_ptr<HttpBodyBudget> budget)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_parser(std::make_unique<http_parser>())
    , m_scanner(limits.maxHeaderBytes)
    , m_chunks(limits.maxBodyBytes, limits.maxHeaderBytes)
    , m_budget(std::move(budget))
{
    if (!m_budget) {
        m_budget = std::make_shared<HttpBodyBudget>();
        m_budget->limit = limits.maxBufferedBodyBytes;
    }
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadChunk);
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;

    for (QTimer* timer : {&m_headTimer, &m_idleTimer, &m_lingerTimer}) {
        timer->setSingleShot(true);
    }
    // Qt's default coarse timers may fire up to 5 % early; a documented limit must not cut a
    // client before it has passed (bench/slow_headers.py saw 408s after 4.78 s of 5 s).
    m_headTimer.setTimerType(Qt::PreciseTimer);
    m_idleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_headTimer, &QTimer::timeout, this, [this]() {
        if (m_state == State::Handshake) {
            emit rejected(
                remote(), 408, QStringLiteral("the TLS handshake did not finish in time"), QString(), QString());
            m_state = State::Closing;
            m_socket->abort();
            emitFinished();
            return;
        }
        reject(408, QStringLiteral("the request headers did not arrive within %1 ms").arg(m_limits.headerTimeoutMs));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this]() {
        if (m_state == State::ReadingBody) {
            reject(408, QStringLiteral("no body bytes arrived for %1 ms").arg(m_limits.idleTimeoutMs));
        } else if (m_state == State::ReadingHead && !m_messageStarted) {
            qCDebug(lcHttp) << "connection" << m_id << "idle, closing";
            beginClose();
        }
    });
    connect(&m_lingerTimer, &QTimer::timeout, this, [this]() {
        m_socket->abort();
        emitFinished();
    });

    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this]() {
        if (m_state == State::Closing) {
            finishWriteSide();
        } else {
            processInput();
        }
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::emitFinished);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            qCDebug(lcHttp) << "connection" << m_id << "socket error:" << m_socket->errorString();
        }
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            emitFinished();
        }
    });

    m_headTimer.start(m_limits.headerTimeoutMs);
    auto* ssl = qobject_cast<QSslSocket*>(m_socket);
    if (ssl && ssl->mode() == QSslSocket::SslServerMode && !ssl->isEncrypted()) {
        m_state = State::Handshake;
        connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
    } else {
        m_state = State::ReadingHead;
        QMetaObject::invokeMethod(
            this, [this]() { processInput(); }, Qt::QueuedConnection);
    }
}

HttpConnection::~HttpConnection()
{
    releaseBody();
}

void HttpConnection::releaseBody()
{
    m_budget->used -= m_bodyHeld;
    m_bodyHeld = 0;
}

const http_parser_settings& HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        s.on_chunk_header = &HttpConnection::onChunkHeader;
        return s;
    }();
    return settings;
}

void HttpConnection::rejectWithoutReading(int status, const QString& reason)
{
    if (m_state == State::Handshake) {
        // Answer once the handshake is done; a TLS client cannot read a plain answer.
        connect(qobject_cast<QSslSocket*>(m_socket), &QSslSocket::encrypted, this, [this, status, reason]() {
            reject(status, reason);
        });
        return;
    }
    reject(status, reason);
}

QString HttpConnection::remote() const
{
    ReceivedRequest where;
    where.remoteAddress = m_socket->peerAddress();
    where.remotePort = m_socket->peerPort();
    return where.remote();
}

void HttpConnection::onEncrypted()
{
    if (m_state != State::Handshake) {
        return;
    }
    auto* ssl = qobject_cast<QSslSocket*>(m_socket);
    m_tls.encrypted = true;
    m_tls.protocol = protocolName(ssl->sessionProtocol());
    m_tls.cipher = ssl->sessionCipher().name();
    const QSslCertificate peer = ssl->peerCertificate();
    if (!peer.isNull()) {
        m_tls.clientCertificate = CertificateInfo::fromCertificate(peer);
        m_tls.clientCertificateVerified = ssl->sslHandshakeErrors().isEmpty();
    }
    m_state = State::ReadingHead;
    processInput();
}

void HttpConnection::processInput()
{
    if (m_inProcess) {
        return;
    }
    m_inProcess = true;
    while (m_state == State::ReadingHead || m_state == State::ReadingBody) {
        if (m_socket->bytesToWrite() > kMaxUnsentBytes) {
            break; // resumed from bytesWritten
        }
        if (m_pending.isEmpty()) {
            m_pending = m_socket->read(kReadChunk);
            if (m_pending.isEmpty()) {
                break;
            }
        }
        const qsizetype used = feed(m_pending);
        if (m_state == State::Closing) {
            break;
        }
        m_pending.remove(0, used);
        if (m_messageComplete) {
            dispatch(); // may answer at once and put us back to ReadingHead
        } else if (used == 0) {
            reject(400, QStringLiteral("the request could not be parsed"));
        }
    }
    if (m_state == State::Closing) {
        m_pending.clear();
        m_socket->readAll(); // drained and dropped while the close completes
    }
    m_inProcess = false;
}

qsizetype HttpConnection::feed(const QByteArray& data)
{
    if (m_state == State::ReadingHead) {
        if (!m_messageStarted) {
            m_messageStarted = true;
            m_idleTimer.stop();
            if (!m_headTimer.isActive()) {
                m_headTimer.start(m_limits.headerTimeoutMs);
            }
        }
        const HeadScanner::Step step = m_scanner.scan(data);
        if (step.outcome == HeadScanner::Outcome::Malformed || step.outcome == HeadScanner::Outcome::TooLarge) {
            readRequestLineBefore(data.constData(), step.consumed - 1);
            reject(step.outcome == HeadScanner::Outcome::TooLarge ? 431 : 400, step.reason);
            return data.size();
        }
        // Only the head goes to the parser here: what follows is parsed once the head passed
        // its checks, and what the scanner and the parser see as the head is the same bytes.
        const qsizetype parsed = execute(data.constData(), step.consumed);
        if (m_state == State::Closing) {
            return data.size();
        }
        if (step.outcome == HeadScanner::Outcome::Complete && !m_headComplete) {
            reject(400, QStringLiteral("the request head could not be parsed"));
            return data.size();
        }
        return parsed;
    }
    m_idleTimer.start(m_limits.idleTimeoutMs);
    if (!m_request.chunked) {
        return execute(data.constData(), data.size());
    }
    // The chunked framing is checked here first (see ChunkScanner for why), and the parser gets
    // the body up to its end and nothing after it; both must agree on where that is.
    const ChunkScanner::Step step = m_chunks.scan(data);
    if (step.outcome == ChunkScanner::Outcome::Refused) {
        reject(step.status, step.reason);
        return data.size();
    }
    const qsizetype parsed = execute(data.constData(), step.consumed);
    if (m_state == State::Closing) {
        return data.size();
    }
    if (m_messageComplete != (step.outcome == ChunkScanner::Outcome::Complete) || parsed != step.consumed) {
        reject(400, QStringLiteral("the chunked body could not be parsed"));
        return data.size();
    }
    return parsed;
}

void HttpConnection::readRequestLineBefore(const char* data, qsizetype length)
{
    // The head is refused at a byte the parser has not seen. Once the whole request line lies
    // before that byte, let the parser read up to it, so the refusal names the method and
    // target (see reject()).
    if (HTTP_PARSER_ERRNO(m_parser.get()) == HPE_PAUSED) {
        http_parser_pause(m_parser.get(), 0); // the previous request's pause
    }
    if (!m_scanner.seenRequestLine() || length <= 0 || HTTP_PARSER_ERRNO(m_parser.get()) != HPE_OK) {
        return;
    }
    m_chunkStart = data;
    http_parser_execute(m_parser.get(), &parserSettings(), data, static_cast<size_t>(length));
}

qsizetype HttpConnection::execute(const char* data, qsizetype length)
{
    if (HTTP_PARSER_ERRNO(m_parser.get()) == HPE_PAUSED) {
        http_parser_pause(m_parser.get(), 0);
    }
    m_chunkStart = data;
    const auto parsed = static_cast<qsizetype>(
        http_parser_execute(m_parser.get(), &parserSettings(), data, static_cast<size_t>(length)));
    if (parsed > 0) {
        m_lastByteBefore = data[parsed - 1];
    }
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());
    if (error == HPE_PAUSED) {
        return parsed; // a message is complete; the rest waits for its answer
    }
    if (error != HPE_OK) {
        if (m_failStatus != 0) {
            reject(m_failStatus, m_failReason);
        } else {
            const ParserFailure failure = describeParserError(error);
            reject(failure.status, failure.reason);
        }
        return length;
    }
    if (parsed != length && !m_messageComplete) {
        reject(400, QStringLiteral("the request could not be parsed"));
        return length;
    }
    return parsed;
}

int HttpConnection::failFromCallback(int status, const QString& reason)
{
    m_failStatus = status;
    m_failReason = reason;
    return -1;
}

void HttpConnection::storeHeaderPair()
{
    if (m_field.isEmpty()) {
        return;
    }
    (m_inTrailers ? m_request.trailers : m_request.headers).append({m_field, trimOws(m_value)});
    m_field.clear();
    m_value.clear();
    m_inValue = false;
}

int HttpConnection::onMessageBegin(http_parser* parser)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    self->m_request.sequenceOnConnection = ++self->m_sequence;
    return 0;
}

int HttpConnection::onUrl(http_parser* parser, const char* at, size_t length)
{
    static_cast<HttpConnection*>(parser->data)->m_request.target.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser* parser, const char* at, size_t length)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    for (size_t i = 0; i < length; ++i) {
        if (!isTokenChar(at[i])) {
            return self->failFromCallback(400,
                                          QStringLiteral("a header name contains whitespace or another character"
                                                         " not allowed in a name (is there a space before the"
                                                         " colon?)"));
        }
    }
    if (self->m_inValue) {
        self->storeHeaderPair();
    }
    if (self->m_inTrailers) {
        self->m_trailerBytes += static_cast<qint64>(length);
        if (self->m_trailerBytes > self->m_limits.maxHeaderBytes) {
            return self->failFromCallback(431, QStringLiteral("the chunked trailer fields are too large"));
        }
    }
    self->m_field.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser* parser, const char* at, size_t length)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    if (length == 0) {
        return 0;
    }
    // http_parser 2.9 hands a folded continuation line over as more value bytes; the only way a
    // value's bytes can start right after a line feed is such a fold. (The head scanner catches
    // folds in the head already; this also covers chunked trailers.)
    const char before = at == self->m_chunkStart ? self->m_lastByteBefore : at[-1];
    if (before == '\n') {
        return self->failFromCallback(400,
                                      QStringLiteral("a header line starts with whitespace (obs-fold line folding),"
                                                     " which RFC 9112 forbids because parsers disagree on it"));
    }
    if (self->m_inTrailers) {
        self->m_trailerBytes += static_cast<qint64>(length);
        if (self->m_trailerBytes > self->m_limits.maxHeaderBytes) {
            return self->failFromCallback(431, QStringLiteral("the chunked trailer fields are too large"));
        }
    }
    self->m_inValue = true;
    self->m_value.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser* parser)
{
    return static_cast<HttpConnection*>(parser->data)->headersComplete();
}

int HttpConnection::headersComplete()
{
    storeHeaderPair();
    m_headComplete = true;
    m_inTrailers = true; // any header callbacks from here on are chunked trailers
    m_headTimer.stop();

    const http_parser& p = *m_parser;
    m_request.httpMajor = p.http_major;
    m_request.httpMinor = p.http_minor;
    m_request.method = QString::fromLatin1(http_method_str(static_cast<http_method>(p.method)));
    m_headRequest = p.method == HTTP_HEAD;
    const HeaderList& headers = m_request.headers;

    if (p.http_major != 1) {
        return failFromCallback(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
    }
    if (p.method == HTTP_CONNECT) {
        // As nginx answers it: a tunnel is not a request this server could hand on.
        return failFromCallback(400, QStringLiteral("CONNECT is not supported: the receiver is not a proxy"));
    }
    const int hosts = countHeaders(headers, "Host");
    if (hosts > 1 || (p.http_minor >= 1 && hosts == 0)) {
        return failFromCallback(400, QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
    }
    const int contentLengths = countHeaders(headers, "Content-Length");
    if (contentLengths > 1) {
        return failFromCallback(400, QStringLiteral("Content-Length appears more than once"));
    }
    QList<QByteArray> codings;
    for (const auto& [name, value] : headers) {
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            for (const QByteArray& coding : value.split(',')) {
                codings.append(trimOws(coding).toLower());
            }
        }
    }
    if (!codings.isEmpty()) {
        if (contentLengths > 0) {
            return failFromCallback(400,
                                    QStringLiteral("Content-Length and Transfer-Encoding together make the body's"
                                                   " length ambiguous"));
        }
        if (codings.last() != "chunked" || codings.count("chunked") != 1) {
            return failFromCallback(400, QStringLiteral("Transfer-Encoding must end with chunked, applied once"));
        }
        if (codings.size() > 1) {
            return failFromCallback(501, QStringLiteral("only the chunked transfer coding is supported"));
        }
    }
    const bool chunked = (p.flags & F_CHUNKED) != 0;
    const bool hasLength = (p.flags & F_CONTENTLENGTH) != 0;
    if (hasLength && p.content_length > static_cast<quint64>(m_limits.maxBodyBytes)) {
        return failFromCallback(413,
                                QStringLiteral("the body of %1 bytes is larger than the limit of %2 bytes")
                                    .arg(p.content_length)
                                    .arg(m_limits.maxBodyBytes));
    }
    const QByteArray expect = Headers::value(headers, "Expect");
    if (!expect.isNull() && p.http_minor >= 1) {
        if (trimOws(expect).compare("100-continue", Qt::CaseInsensitive) != 0) {
            return failFromCallback(417, QStringLiteral("only \"Expect: 100-continue\" is understood"));
        }
        if (chunked || (hasLength && p.content_length > 0)) {
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
    }

    m_request.chunked = chunked;
    m_request.keepAlive = http_should_keep_alive(&p) != 0;
    splitTarget(m_request);
    m_state = State::ReadingBody;
    m_idleTimer.start(m_limits.idleTimeoutMs);
    return 0;
}

int HttpConnection::onChunkHeader(http_parser* parser)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    const auto room = static_cast<quint64>(self->m_limits.maxBodyBytes - self->m_request.body.size());
    if (parser->content_length > room) {
        return self->failFromCallback(
            413, QStringLiteral("the chunked body grows past the limit of %1 bytes").arg(self->m_limits.maxBodyBytes));
    }
    return 0;
}

int HttpConnection::onBody(http_parser* parser, const char* at, size_t length)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    if (self->m_request.body.size() + static_cast<qint64>(length) > self->m_limits.maxBodyBytes) {
        return self->failFromCallback(
            413, QStringLiteral("the body is larger than the limit of %1 bytes").arg(self->m_limits.maxBodyBytes));
    }
    HttpBodyBudget& budget = *self->m_budget;
    if (budget.used + static_cast<qint64>(length) > budget.limit) {
        return self->failFromCallback(503,
                                      QStringLiteral("the request bodies being received add up to more than the"
                                                     " limit of %1 bytes for all connections together; try again"
                                                     " later")
                                          .arg(budget.limit));
    }
    budget.used += static_cast<qint64>(length);
    self->m_bodyHeld += static_cast<qint64>(length);
    self->m_request.body.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser* parser)
{
    auto* self = static_cast<HttpConnection*>(parser->data);
    self->storeHeaderPair();
    self->m_messageComplete = true;
    self->m_request.receivedAt = QDateTime::currentDateTimeUtc();
    if (parser->upgrade) {
        self->m_closeAfter = true; // we never switch protocols; what follows is not HTTP/1.1
    }
    // Stop here: the next pipelined request is parsed only after this one is answered.
    http_parser_pause(parser, 1);
    return 0;
}

void HttpConnection::dispatch()
{
    m_messageComplete = false;
    m_state = State::Handling;
    m_headTimer.stop();
    m_idleTimer.stop();

    if (!m_request.keepAlive) {
        m_closeAfter = true;
    }
    m_request.keepAlive = !m_closeAfter;
    m_request.connectionId = m_id;
    m_request.remoteAddress = m_socket->peerAddress();
    m_request.remotePort = m_socket->peerPort();
    m_request.localPort = m_socket->localPort();
    m_request.tls = m_tls;
    m_waitingFor = m_request.sequenceOnConnection;

    qCDebug(lcHttp) << "connection" << m_id << m_request.method << m_request.target << m_request.body.size()
                    << "body bytes";
    const ReceivedRequest request = std::move(m_request);
    m_request = {};
    if (m_handler) {
        m_handler(request, HttpResponder(this, request.sequenceOnConnection));
    } else {
        respond(request.sequenceOnConnection, HttpResponse {});
    }
}

bool HttpConnection::isWaitingFor(quint64 sequence) const
{
    return m_state == State::Handling && sequence != 0 && m_waitingFor == sequence;
}

void HttpConnection::respond(quint64 sequence, HttpResponse response)
{
    if (!isWaitingFor(sequence)) {
        return;
    }
    m_waitingFor = 0;
    releaseBody();
    const bool close = m_closeAfter || response.closeConnection;
    QByteArray connection;
    if (close) {
        connection = QByteArrayLiteral("close");
    } else if (m_parser->http_minor == 0) {
        connection = QByteArrayLiteral("keep-alive");
    }
    m_socket->write(HttpWire::serialize(response, m_headRequest, connection));
    // Hand the answer to the kernel now rather than on the next turn of the event loop: the
    // client waits for it, and the loop may first be busy with other connections' requests.
    m_socket->flush();
    if (close) {
        beginClose();
    } else {
        startNextRequest();
    }
}

void HttpConnection::drop(quint64 sequence)
{
    if (!isWaitingFor(sequence)) {
        return;
    }
    m_waitingFor = 0;
    releaseBody();
    m_state = State::Closing;
    qCDebug(lcHttp) << "connection" << m_id << "dropped without an answer";
    m_socket->abort();
    emitFinished();
}

void HttpConnection::startNextRequest()
{
    m_request = {};
    m_field.clear();
    m_value.clear();
    m_inValue = false;
    m_headComplete = false;
    m_messageComplete = false;
    m_messageStarted = false;
    m_inTrailers = false;
    m_headRequest = false;
    m_closeAfter = false;
    m_trailerBytes = 0;
    m_failStatus = 0;
    m_failReason.clear();
    m_scanner.reset();
    m_chunks.reset();
    m_state = State::ReadingHead;
    m_idleTimer.start(m_limits.idleTimeoutMs);
    // Pipelined bytes may already be waiting in m_pending or the socket; no readyRead will come
    // for them.
    QMetaObject::invokeMethod(
        this, [this]() { processInput(); }, Qt::QueuedConnection);
}

void HttpConnection::reject(int status, const QString& reason)
{
    if (m_state == State::Closing) {
        return;
    }
    qCInfo(lcHttp).noquote() << "connection" << m_id << remote() << "refused with" << status << "-" << reason;
    // What was read of the request line, the target as sent. The parser reads the method before
    // the target, so once there is a target the method is known, even when the head was refused
    // before it was complete (by the head scanner, or by the parser itself).
    if (m_request.method.isEmpty() && !m_request.target.isEmpty()) {
        m_request.method = QString::fromLatin1(http_method_str(static_cast<http_method>(m_parser->method)));
    }
    emit rejected(remote(), status, reason, m_request.method, QString::fromLatin1(m_request.target.left(2048)));
    m_waitingFor = 0;
    releaseBody();
    HttpResponse response = HttpResponse::text(status, reason.toUtf8() + '\n');
    if (status == 503) {
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    }
    m_socket->write(HttpWire::serialize(response, false, QByteArrayLiteral("close")));
    beginClose();
}

void HttpConnection::beginClose()
{
    m_state = State::Closing;
    m_headTimer.stop();
    m_idleTimer.stop();
    m_pending.clear();
    m_lingerTimer.start(kLingerMs);
    finishWriteSide();
}

void HttpConnection::finishWriteSide()
{
    if (m_writeShut || m_socket->bytesToWrite() > 0) {
        return; // called again from bytesWritten
    }
    m_writeShut = true;
    auto* ssl = qobject_cast<QSslSocket*>(m_socket);
#ifdef Q_OS_UNIX
    if (!ssl) {
        // Half-close: the client gets our answer and an end of stream, while what it still
        // sends is read and dropped instead of making the kernel reset the connection (which
        // would destroy the answer before the client read it).
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
        return;
    }
#endif
    Q_UNUSED(ssl)
    m_socket->disconnectFromHost();
}

void HttpConnection::emitFinished()
{
    if (m_finishedEmitted) {
        return;
    }
    m_finishedEmitted = true;
    m_state = State::Closing;
    releaseBody();
    m_headTimer.stop();
    m_idleTimer.stop();
    m_lingerTimer.stop();
    emit finished();
}

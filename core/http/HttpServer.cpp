#include "HttpServer.h"

#include "HttpLog.h"
#include "tls/CertificateInfo.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

#include <http_parser.h>

#include <algorithm>

namespace {
// Connections over maxConnections are still answered 503 (so the client learns why), up to
// this many at once; beyond that they are closed without a word.
constexpr int kMaxRefusing = 32;
} // namespace

class HttpServer::Listener final : public QTcpServer
{
public:
    explicit Listener(HttpServer* server)
        : QTcpServer(server)
        , m_server(server)
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->accept(descriptor); }

private:
    HttpServer* m_server;
};

HttpServer::HttpServer(QObject* parent)
    : QObject(parent)
{ }

HttpServer::~HttpServer() = default;

void HttpServer::setLimits(const HttpLimits& limits)
{
    m_limits = limits;
    m_bodyBudget->limit = limits.maxBufferedBodyBytes;
    // http_parser has its own, process-wide cap on header bytes (80 KiB by default); keep it
    // above ours so that ours, with its clearer answer, is the one that applies.
    http_parser_set_max_header_size(static_cast<uint32_t>(std::max(80 * 1024, limits.maxHeaderBytes + 1024)));
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

Result<void> HttpServer::setTls(const HttpTlsConfig& config)
{
    if (config.certificate.isNull()) {
        return Error(QStringLiteral("the server certificate is missing or not a PEM certificate"),
                     QStringLiteral("tls.cert"));
    }
    if (config.privateKey.isNull()) {
        return Error(QStringLiteral("the server key is missing or not an unencrypted PEM private key"),
                     QStringLiteral("tls.key"));
    }
    if (const auto match = Tls::checkKeyMatchesCertificate(config.certificate, config.privateKey); !match) {
        return Error(match.error().message, QStringLiteral("tls.key"));
    }
    if (config.requireClientCert && config.clientCaCertificates.isEmpty()) {
        return Error(QStringLiteral("requireClientCert needs clientCa: the CA certificates client certificates"
                                    " must be issued by"),
                     QStringLiteral("tls.clientCa"));
    }
    m_tls = std::make_unique<HttpTlsConfig>(config);
    return {};
}

Result<void> HttpServer::listen(const QHostAddress& address, quint16 port)
{
    close();
    m_listener = new Listener(this);
    m_listener->setMaxPendingConnections(std::max(30, m_limits.maxConnections));
    if (!m_listener->listen(address, port)) {
        const QString why = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return Error(QStringLiteral("cannot listen on %1:%2: %3; choose another address or port")
                         .arg(address.toString())
                         .arg(port)
                         .arg(why),
                     QStringLiteral("listen"));
    }
    if (!address.isLoopback()) {
        qCWarning(lcHttp).noquote() << "listening on" << address.toString()
                                    << "- the receiver is reachable from the network, not only this machine";
    }
    qCInfo(lcHttp).noquote() << "listening on" << url();
    return {};
}

void HttpServer::close()
{
    if (!m_listener) {
        return;
    }
    m_listener->close();
    for (HttpConnection* connection : findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly)) {
        connection->disconnect(this);
        connection->deleteLater();
    }
    m_active = 0;
    m_refusing = 0;
    delete m_listener;
    m_listener = nullptr;
}

bool HttpServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QString HttpServer::url() const
{
    const QHostAddress address = serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QStringLiteral("%1://%2:%3")
        .arg(isTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(serverPort());
}

void HttpServer::accept(qintptr descriptor)
{
    const bool full = m_active >= m_limits.maxConnections;
    std::unique_ptr<QTcpSocket> socket;
    if (m_tls) {
        socket = std::make_unique<QSslSocket>();
    } else {
        socket = std::make_unique<QTcpSocket>();
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "could not take an accepted connection:" << socket->errorString();
        return;
    }
    if (full && m_refusing >= kMaxRefusing) {
        socket->abort();
        return;
    }
    if (m_tls) {
        auto* ssl = static_cast<QSslSocket*>(socket.get());
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(QList<QSslCertificate> {m_tls->certificate} + m_tls->chain);
        configuration.setPrivateKey(m_tls->privateKey);
        if (m_tls->clientCaCertificates.isEmpty()) {
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        } else {
            // Only the configured CAs vouch for clients, never the system's trust store.
            configuration.setCaCertificates(m_tls->clientCaCertificates);
            configuration.setPeerVerifyMode(m_tls->requireClientCert ? QSslSocket::VerifyPeer : QSslSocket::QueryPeer);
        }
        ssl->setSslConfiguration(configuration);
        if (!m_tls->requireClientCert) {
            // QueryPeer: an unverifiable client certificate is kept (marked unverified), not fatal.
            connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError>&) { ssl->ignoreSslErrors(); });
        }
        ssl->startServerEncryption();
    }

    const quint64 id = m_nextConnectionId++;
    auto* connection = new HttpConnection(socket.release(), id, m_limits, m_handler, this, m_bodyBudget);
    connect(connection, &HttpConnection::rejected, this, &HttpServer::requestRejected);
    if (full) {
        ++m_refusing;
        connect(connection, &HttpConnection::finished, this, [this, connection]() {
            --m_refusing;
            connection->deleteLater();
        });
        connection->rejectWithoutReading(
            503, QStringLiteral("too many connections (limit %1); try again later").arg(m_limits.maxConnections));
        return;
    }
    ++m_active;
    connect(connection, &HttpConnection::finished, this, [this, connection]() {
        --m_active;
        connection->deleteLater();
    });
}

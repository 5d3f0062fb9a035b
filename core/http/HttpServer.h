#pragma once

#include "HttpConnection.h"
#include "HttpLimits.h"
#include "HttpResponse.h"
#include "ReceivedRequest.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>
#include <memory>

// Server certificate and, for mutual TLS, the CAs client certificates must chain to.
struct HttpTlsConfig
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain; // intermediates sent after the certificate
    QSslKey privateKey;
    QList<QSslCertificate> clientCaCertificates; // empty: no client certificate is asked for
    bool requireClientCert = false;              // without a valid one, the handshake fails
};

// The receiver's HTTP/1.1 (optionally HTTPS) listener. It turns connections into
// ReceivedRequest values within the configured limits and hands each to the handler together
// with the HttpResponder that answers it. What to answer, and what to check, is the caller's.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = HttpConnection::Handler;

    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    // Take effect for connections accepted afterwards.
    void setLimits(const HttpLimits& limits);
    HttpLimits limits() const { return m_limits; }
    // Without a handler every request is answered 200 with an empty body.
    void setHandler(Handler handler);
    // Serve HTTPS from now on; fails when the certificate or key is missing or they do not match.
    Result<void> setTls(const HttpTlsConfig& config);
    bool isTls() const { return m_tls != nullptr; }

    // Port 0 picks a free port. Any address but loopback is logged as reachable from the network.
    Result<void> listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close(); // stops listening and closes every connection
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QString url() const; // "http://127.0.0.1:8787" (https with TLS)
    int connectionCount() const { return m_active; }
    // Body bytes all connections hold now (bounded by limits().maxBufferedBodyBytes).
    qint64 bufferedBodyBytes() const { return m_bodyBudget->used; }

signals:
    // A connection or request refused by the transport rules: over a limit, ambiguous framing,
    // not HTTP, too slow, or over maxConnections. `method` and `target` are what was read of the
    // request line (empty when not known).
    void requestRejected(const QString& remote,
                         int status,
                         const QString& reason,
                         const QString& method,
                         const QString& target);

private:
    class Listener;
    void accept(qintptr descriptor);

    HttpLimits m_limits;
    // Shared with the connections, which may outlive this object's members during destruction.
    std::shared_ptr<HttpBodyBudget> m_bodyBudget = std::make_shared<HttpBodyBudget>();
    Handler m_handler;
    std::unique_ptr<HttpTlsConfig> m_tls;
    Listener* m_listener = nullptr;
    quint64 m_nextConnectionId = 1;
    int m_active = 0;   // connections that may send requests
    int m_refusing = 0; // over-the-limit connections being answered 503
};

#pragma once

#include "util/Headers.h"

#include <QByteArray>
#include <QPointer>

class HttpConnection;

// An answer a handler gives. The server owns the framing: it adds Date (unless given),
// Content-Length and Connection, and drops any Content-Length, Transfer-Encoding or Connection
// the handler set, as well as headers that are not valid on the wire (CR, LF, NUL, bad names).
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    bool closeConnection = false; // answer, then close even if the client wants keep-alive

    static HttpResponse text(int status, const QByteArray& body);
};

namespace HttpWire {
QByteArray reasonPhrase(int status);
QByteArray httpDate(); // IMF-fixdate of the current time
// The bytes of the status line, headers and (unless `headRequest` or a status without content)
// the body. `connection` is the value of the Connection header to send, empty for none.
QByteArray serialize(const HttpResponse& response, bool headRequest, const QByteArray& connection);
} // namespace HttpWire

// The handle a handler answers one request through: at once, later (the connection keeps later
// pipelined requests waiting, so answers always go out in order), or not at all (drop closes the
// connection without a byte). Copies share the request; only the first answer counts, and every
// call is a harmless no-op once the client has gone.
class HttpResponder final
{
public:
    HttpResponder() = default;

    void respond(HttpResponse response) const;
    void respondAfter(int delayMs, HttpResponse response) const;
    void drop() const;
    // True while the connection is open and still waiting for this answer.
    bool isPending() const;

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection* connection, quint64 sequence);

    QPointer<HttpConnection> m_connection;
    quint64 m_sequence = 0;
};

#include "HttpResponse.h"

#include "HttpConnection.h"
#include "HttpLog.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <http_parser.h>

HttpResponse HttpResponse::text(int status, const QByteArray& body)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    response.body = body;
    return response;
}

namespace HttpWire {

QByteArray reasonPhrase(int status)
{
    if (status < 100 || status > 999) {
        return {};
    }
    const QByteArray reason(http_status_str(static_cast<http_status>(status)));
    return reason.startsWith('<') ? QByteArray() : reason; // "<unknown>"
}

QByteArray httpDate()
{
    // Formatting through QLocale costs more than the rest of an answer; it changes once a second.
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cached = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        cachedSecond = second;
    }
    return cached;
}

QByteArray serialize(const HttpResponse& response, bool headRequest, const QByteArray& connection)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    const bool noContent = (status >= 100 && status < 200) || status == 204 || status == 304;

    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasDate = false;
    for (const auto& [name, value] : response.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0
            || name.compare("Connection", Qt::CaseInsensitive) == 0) {
            continue;
        }
        if (const auto valid = Headers::validate(name, value, QStringLiteral("response.headers")); !valid) {
            qCWarning(lcHttp) << "response header left out:" << valid.error().toString();
            continue;
        }
        hasDate = hasDate || name.compare("Date", Qt::CaseInsensitive) == 0;
        out += name + ": " + value + "\r\n";
    }
    if (!hasDate) {
        out += "Date: " + httpDate() + "\r\n";
    }
    if (!noContent) {
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    if (!connection.isEmpty()) {
        out += "Connection: " + connection + "\r\n";
    }
    out += "\r\n";
    if (!noContent && !headRequest) {
        out += response.body;
    }
    return out;
}

} // namespace HttpWire

HttpResponder::HttpResponder(HttpConnection* connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{ }

void HttpResponder::respond(HttpResponse response) const
{
    if (m_connection) {
        m_connection->respond(m_sequence, std::move(response));
    }
}

void HttpResponder::respondAfter(int delayMs, HttpResponse response) const
{
    if (!m_connection) {
        return;
    }
    if (delayMs <= 0) {
        respond(std::move(response));
        return;
    }
    QTimer::singleShot(delayMs, m_connection.data(), [responder = *this, response = std::move(response)]() {
        responder.respond(response);
    });
}

void HttpResponder::drop() const
{
    if (m_connection) {
        m_connection->drop(m_sequence);
    }
}

bool HttpResponder::isPending() const
{
    return m_connection && m_connection->isWaitingFor(m_sequence);
}

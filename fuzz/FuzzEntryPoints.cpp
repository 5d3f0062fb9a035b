#include "FuzzEntryPoints.h"

#include "model/EndpointProfile.h"
#include "model/ReceiverConfig.h"
#include "receiver/HttpConnection.h"
#include "signing/SignatureVerifier.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTcpSocket>

namespace {

// A connected-looking socket with no network under it: reads hand out the fuzz input (in
// pieces of at most `piece` bytes), writes are collected.
class FuzzSocket final : public QTcpSocket
{
public:
    FuzzSocket(QByteArray input, qint64 piece)
        : m_input(std::move(input))
        , m_piece(piece)
    {
        setOpenMode(QIODevice::ReadWrite | QIODevice::Unbuffered);
        setSocketState(QAbstractSocket::ConnectedState);
    }

    qint64 bytesAvailable() const override { return m_input.size() - m_offset; }
    qint64 bytesToWrite() const override { return 0; }
    qint64 consumed() const { return m_offset; }
    const QByteArray& written() const { return m_written; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = std::min({maxSize, m_piece, qint64(m_input.size()) - m_offset});
        std::memcpy(data, m_input.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char* data, qint64 size) override
    {
        m_written.append(data, size);
        return size;
    }

private:
    QByteArray m_input;
    qint64 m_piece;
    qint64 m_offset = 0;
    QByteArray m_written;
};

// Everything the connection made of the bytes: each request it handed over, and what it wrote
// (the status line of every answer and rejection).
QByteArray runConnection(const QByteArray& input, qint64 piece)
{
    HttpLimits limits;
    limits.maxBodyBytes = 4096; // small limits, so the fuzzer reaches 413 and 431 too
    limits.maxHeaderBytes = 1024;
    auto* socket = new FuzzSocket(input, piece);
    QByteArray seen;
    auto connection = std::make_unique<HttpConnection>(
        socket,
        1,
        limits,
        [&seen](const ReceivedRequest& request, HttpResponder responder) {
            seen += "REQUEST " + request.method.toLatin1() + ' ' + request.target + ' ' + request.path.toUtf8() + '?'
                    + request.query.toUtf8() + " HTTP/" + QByteArray::number(request.httpMajor) + '.'
                    + QByteArray::number(request.httpMinor) + (request.keepAlive ? " keep-alive" : " close") + '\n';
            for (const auto& [name, value] : request.headers) {
                seen += "  H " + name + ": " + value + '\n';
            }
            for (const auto& [name, value] : request.trailers) {
                seen += "  T " + name + ": " + value + '\n';
            }
            seen += "  BODY " + QByteArray::number(request.body.size()) + ' ' + request.body.toHex() + '\n';
            responder.respond(HttpResponse::text(200, QByteArrayLiteral("ok\n")));
        },
        nullptr);

    // The connection reads from queued calls and readyRead; run them until nothing moves.
    qint64 lastConsumed = -1;
    qsizetype lastWritten = -1;
    for (int round = 0; round < 100000; ++round) {
        emit socket->readyRead();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        if (socket->consumed() == lastConsumed && socket->written().size() == lastWritten) {
            break;
        }
        lastConsumed = socket->consumed();
        lastWritten = socket->written().size();
    }
    // The status lines: which answers went out, in order. (The text of a 400 may differ: when a
    // head has two faults, which one is named depends on which check saw its byte first.)
    QByteArray written;
    for (const QByteArray& line : socket->written().split('\n')) {
        if (line.startsWith("HTTP/1.1 ")) {
            written += line + '\n';
        }
    }
    connection.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return seen + "WRITTEN\n" + written;
}

QList<QPair<QByteArray, QByteArray>> headerLines(QByteArrayView text)
{
    HeaderList headers;
    for (const QByteArray& line : text.toByteArray().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
    }
    return headers;
}

} // namespace

namespace FuzzEntry {

QString profile(QByteArrayView data)
{
    const auto loaded = EndpointProfile::fromJson(data.toByteArray(), QStringLiteral("fuzz.json"));
    if (!loaded) {
        return loaded.error().message.isEmpty() ? QStringLiteral("an error without a message") : QString();
    }
    const QByteArray again = QJsonDocument(loaded->toJson()).toJson(QJsonDocument::Compact);
    const auto reloaded = EndpointProfile::fromJson(again, QStringLiteral("fuzz.json"));
    if (!reloaded) {
        return QStringLiteral("the profile's own toJson() does not load: ") + reloaded.error().toString()
               + QStringLiteral(" in ") + QString::fromUtf8(again);
    }
    if (!(reloaded.value() == loaded.value())) {
        return QStringLiteral("toJson() -> fromJson() changed the profile: ") + QString::fromUtf8(again);
    }
    return {};
}

QString receiverConfig(QByteArrayView data)
{
    const auto loaded = ReceiverConfig::fromJson(data.toByteArray(), QStringLiteral("fuzz.json"));
    if (!loaded) {
        return loaded.error().message.isEmpty() ? QStringLiteral("an error without a message") : QString();
    }
    const QByteArray again = QJsonDocument(loaded->toJson()).toJson(QJsonDocument::Compact);
    const auto reloaded = ReceiverConfig::fromJson(again, QStringLiteral("fuzz.json"));
    if (!reloaded) {
        return QStringLiteral("the configuration's own toJson() does not load: ") + reloaded.error().toString()
               + QStringLiteral(" in ") + QString::fromUtf8(again);
    }
    if (!(reloaded.value() == loaded.value())) {
        return QStringLiteral("toJson() -> fromJson() changed the configuration: ") + QString::fromUtf8(again);
    }
    return {};
}

QString httpRequest(QByteArrayView data)
{
    const QByteArray input = data.toByteArray();
    const QByteArray whole = runConnection(input, 64 * 1024);
    const QByteArray bytewise = runConnection(input, 1);
    if (whole != bytewise) {
        return QStringLiteral("the same bytes parse differently in one piece and a byte at a time:\n--- one piece\n")
               + QString::fromLatin1(whole) + QStringLiteral("--- byte at a time\n") + QString::fromLatin1(bytewise);
    }
    return {};
}

QString signatureHeaders(QByteArrayView data)
{
    if (data.isEmpty()) {
        return {};
    }
    static const SignatureScheme schemes[] = {SignatureScheme::HmacSha256,
                                              SignatureScheme::GitHub,
                                              SignatureScheme::Shopify,
                                              SignatureScheme::StandardWebhooks,
                                              SignatureScheme::Stripe,
                                              SignatureScheme::Slack};
    const auto selector = static_cast<unsigned char>(data.front());
    const SignatureScheme scheme = schemes[selector % 6];
    SignatureVerifyOptions options;
    options.encoding = (selector & 0x08) ? SignatureConfig::Encoding::Base64 : SignatureConfig::Encoding::Hex;
    options.prefix = (selector & 0x10) ? QStringLiteral("sha256=") : QString();
    options.toleranceSeconds = (selector & 0x20) ? -1 : 300;

    QByteArrayView rest = data.sliced(1);
    const qsizetype end = rest.indexOf(QByteArrayView("\n\n"));
    const QByteArrayView head = end < 0 ? rest : rest.first(end);
    const QByteArrayView body = end < 0 ? QByteArrayView() : rest.sliced(end + 2);
    const HeaderList headers = headerLines(head);

    const QList<QByteArray> secrets =
        scheme == SignatureScheme::StandardWebhooks
            ? QList<QByteArray> {QByteArrayLiteral("whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
                                 QByteArrayLiteral("whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")}
            : QList<QByteArray> {QByteArrayLiteral("fuzz-secret"), QByteArrayLiteral("fuzz-secret-old")};
    // 2026-11-23T10:00:00Z: timestamps in the input are judged against a fixed "now".
    const SignatureCheck check = SignatureVerifier::verify(scheme, options, secrets, headers, body, 1795428000);
    if (check.detail.isEmpty()) {
        return QStringLiteral("a %1 check without a detail").arg(check.check);
    }
    for (const auto& recognised : SignatureVerifier::recognise(headers)) {
        if (recognised.detail.isEmpty() && !recognised.scheme) {
            return QStringLiteral("an unrecognisable signature without a detail");
        }
    }
    return {};
}

Function byName(const QString& target)
{
    if (target == QLatin1String("fuzz_profile")) {
        return &profile;
    }
    if (target == QLatin1String("fuzz_receiverconfig")) {
        return &receiverConfig;
    }
    if (target == QLatin1String("fuzz_http_request")) {
        return &httpRequest;
    }
    if (target == QLatin1String("fuzz_signature_headers")) {
        return &signatureHeaders;
    }
    return nullptr;
}

} // namespace FuzzEntry

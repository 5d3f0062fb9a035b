#include "FuzzEntryPoints.h"

#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "model/EndpointProfile.h"
#include "model/ReceiverConfig.h"
#include "http/HttpConnection.h"
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

// Fixed keys, so the kept corpus can hold valid tokens and the fuzzer starts deep inside the
// parsers (tokens for them are made by fuzz/make_jose_seeds.py). Test keys only, never used elsewhere.
const char* const FuzzRsaPem = "-----BEGIN PRIVATE KEY-----\n"
                               "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCvo9E40J7+RakI\n"
                               "MxsS6qjMQI8kiIm5ag1O2zPcezYRznk/87NVXu09Qu+84i+UP+8J0uIIyk8a3IVb\n"
                               "npPGZ5w5bW4V78awfFmjMMRDr4ODmnblu1wEDRF+EWFEdN7qU9phHCBQ3pL7qWtF\n"
                               "vTy0qrgxY7oI7SWTFRn1xDj57aNvDVBgOPaQgdgpFN+oV5Qq4EIr4Z7nMU+i9yW6\n"
                               "9CFIuwqtz43krio/BGflch2kD/+SzDOe+6W+kKRIqn6k9TokkclPAOtgq1JoAHvh\n"
                               "bdclT2/zQP4YlJNQXQ+uZmELzC2LaKmj4jyBd34Y9MXgPr2VD2zevYo7MU4RpgtD\n"
                               "siHrRPqFAgMBAAECggEAJkHVeb2fVB1SQzH2jLlGSS8qvrdq4FMkUO/YLQc9cMV7\n"
                               "jZ2Ei2zg2f4xf//4gx8l7wrbJzUB5ATym1FAOPAqjCu01dxjd9+uGqitp1ycldbY\n"
                               "XRPhaBR8oewhNqsKPxpCr/JTa6n/dAekEQ22IlgpRMDHLdiR3aaz/99c1buYZMCy\n"
                               "R8YHIMh+9O3qk7fv0JZtxU2Dvz0/qDmv4L5OTAvz7Bfzq1tVBs1wpYrrC27sSKyT\n"
                               "nAEGCt2yNjmGHuz0ZJTFoe9dvM/ZxxSpU5+LN2XwGgg6RHw8foD+bileehINT2+B\n"
                               "gxOgUL4GJYSRL9P66oCQ1iiI3MtQsCASBWtt6Rc0hQKBgQDVBCJkkO0d4zwYx/ZO\n"
                               "/COYwt/ktuJfk3G2n1Z6PjCf7mpCStTUAAdp167Fkwda9EimWu8//dUZv1G1jPg1\n"
                               "D1d3NjTIbc3hgyNl4e6LkL49jCxKpFPpmZlA8JY/Pjcu4s6hTOFRZtRhwgEHCO3L\n"
                               "mLNZacKX5uEHn3/PhXSPDrMoNwKBgQDTFOw2mE8Ywa317CcsmrW7pz+mjlVgsS9j\n"
                               "MT2Cs6F2RywOVbOrdqCb8K7Mt6LXBPhdf6XaaXSF9wO9KO8iNxVNXiDOY6fmKXyv\n"
                               "s1YRsTRBvH3ycQiRRnmL3WW9RzcSCTHN5viJUwOKdZHVialO1iccyYw5oHlHw9vF\n"
                               "ZDl2A+ndIwKBgQDFcnaatwdDG90Zr0ftAKPSNlgn/SkppFbUCy+yUbDqnaia2Bgc\n"
                               "hgZZIlXaxyUbNrGcmU+JBjSgEAmh+hAbxqOxWWplmforHU4TYu+lKD5eeG6ZpWYu\n"
                               "cnRukFMEPhwSdqNHOibkOCeGkbg4GBurC1i6+WApQxW05jAnYDGhZOPF0wKBgC/S\n"
                               "jbHQ0BrLxp3w4u84HfRl8AXMOYuumQ3gGg+CoxIpDdIxmINAXSL3ZKL89+e/OIX2\n"
                               "ZZ0WR1ASpsY0f/lAgZMFwGkCKwf6XkVwXA+mFjDOg7pp4YcIcIE/p806VT/A1YfQ\n"
                               "zH5QUH0OJfw7NCCoZDQhdaOYt+GKfkA6dMpIGLQBAoGATkGwf18JyC/RvXYiLX7f\n"
                               "cZsZYucHDHovJhP3612GH/FbHBZfrnzpc2MX+k/bQ1cxjJztiVdMZRf+OnG4AUyu\n"
                               "CdwN+6wd2flCFsssleoK0YMnPFeM3PFPRjEQUNlLQhNAPFrY0R63IjLNZyEPjXmJ\n"
                               "EA2+GJT/HhkugwOTd11voWY=\n"
                               "-----END PRIVATE KEY-----\n";
const char* const FuzzEcPem = "-----BEGIN PRIVATE KEY-----\n"
                              "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg4Zu6i5stuvFSytLf\n"
                              "VytLyitc/BbyZRKNPrqpB/d8y+GhRANCAAQvQS2PSOL93zL00nGxgi8fEQnQcGoU\n"
                              "RsWyEemddINIW5cZpwRGnzhD6qa8KMwtv5zoZcCZYH8xYu4KkHOmnzyW\n"
                              "-----END PRIVATE KEY-----\n";
const char* const FuzzEdPem = "-----BEGIN PRIVATE KEY-----\n"
                              "MC4CAQAwBQYDK2VwBCIEIMRym+7AO6aA7qYW21ILvxJ6zjXQYtdXD481TcYsdZfg\n"
                              "-----END PRIVATE KEY-----\n";

JoseKey fixedKey(const char* pem)
{
    auto key = JoseKey::fromPem(QByteArray(pem));
    return key ? key.value() : JoseKey();
}

struct FuzzKeys
{
    JoseKey rsa = fixedKey(FuzzRsaPem);
    JoseKey ec = fixedKey(FuzzEcPem);
    JoseKey ed = fixedKey(FuzzEdPem);
    JoseKey secret = JoseKey::fromSecret(QByteArrayLiteral("fuzz-secret-0123456789abcdef0123"));
};

const FuzzKeys& fuzzKeys()
{
    static const FuzzKeys keys;
    return keys;
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

QString jwsParser(QByteArrayView data)
{
    const FuzzKeys& keys = fuzzKeys();
    if (keys.rsa.isNull() || keys.ec.isNull() || keys.ed.isNull()) {
        return QStringLiteral("the fixed fuzz keys do not load");
    }
    const QByteArray token = data.toByteArray();
    const auto parts = Jws::parseCompact(token);
    if (!parts && parts.error().message.isEmpty()) {
        return QStringLiteral("a JWS parse error without a message");
    }
    const auto verified = Jws::verifyCompact(token, {keys.secret, keys.rsa, keys.ec, keys.ed});
    if (!verified) {
        if (verified.error().message.isEmpty()) {
            return QStringLiteral("a JWS refusal without a message");
        }
    } else {
        if (!parts) {
            return QStringLiteral("verifyCompact accepted a token parseCompact refuses: ") + parts.error().message;
        }
        if (verified->payload != parts->payload || verified->header != parts->header) {
            return QStringLiteral("verifyCompact and parseCompact decode the token differently");
        }
        if (verified->alg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
            || parts->header.contains(QLatin1String("crit"))) {
            return QStringLiteral("a token with alg none or crit was accepted");
        }
    }
    if (parts) {
        // What was decoded signs and verifies again, with the same payload bytes.
        QJsonObject header = parts->header;
        header.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
        header.remove(QStringLiteral("crit"));
        header.remove(QStringLiteral("kid"));
        const auto resigned = Jws::signCompact(header, parts->payload, keys.secret);
        if (!resigned) {
            return QStringLiteral("a decoded token cannot be signed again: ") + resigned.error().message;
        }
        const auto again = Jws::verifyCompact(resigned.value(), {keys.secret});
        if (!again || again->payload != parts->payload) {
            return QStringLiteral("a re-signed token does not verify to the same payload");
        }
    }
    return {};
}

QString jweParser(QByteArrayView data)
{
    const FuzzKeys& keys = fuzzKeys();
    if (keys.rsa.isNull() || keys.ec.isNull()) {
        return QStringLiteral("the fixed fuzz keys do not load");
    }
    const QByteArray token = data.toByteArray();
    const auto header = Jwe::peekHeader(token);
    if (!header && header.error().message.isEmpty()) {
        return QStringLiteral("a JWE header error without a message");
    }
    const auto decrypted = Jwe::decryptCompact(token, {keys.rsa, keys.ec});
    if (!decrypted) {
        if (decrypted.error().message.isEmpty()) {
            return QStringLiteral("a JWE refusal without a message");
        }
    } else if (!header || header.value() != decrypted->header) {
        return QStringLiteral("decryptCompact and peekHeader disagree on the header");
    }

    // The input as a plaintext: encrypt to the P-256 key (fast), decrypt, compare; then every
    // one-character change of the token must be refused.
    Jwe::EncryptOptions options;
    options.alg = QStringLiteral("ECDH-ES+A256KW");
    options.enc = (!data.isEmpty() && (data.front() & 1)) ? QStringLiteral("A128CBC-HS256") : QStringLiteral("A256GCM");
    const QByteArray plaintext = data.first(std::min<qsizetype>(data.size(), 256)).toByteArray();
    const auto encrypted = Jwe::encryptCompact(plaintext, keys.ec, options);
    if (!encrypted) {
        return QStringLiteral("encryption failed: ") + encrypted.error().message;
    }
    const auto roundTrip = Jwe::decryptCompact(encrypted.value(), {keys.ec});
    if (!roundTrip || roundTrip->plaintext != plaintext) {
        return QStringLiteral("encrypt -> decrypt does not give the plaintext back: ")
               + (roundTrip ? QStringLiteral("other bytes") : roundTrip.error().message);
    }
    if (!data.isEmpty()) {
        QByteArray tampered = encrypted.value();
        const qsizetype at = qsizetype(static_cast<unsigned char>(data.back())) * 7 % tampered.size();
        tampered[at] = tampered.at(at) == 'A' ? 'B' : 'A';
        const auto refused = Jwe::decryptCompact(tampered, {keys.ec});
        if (refused) {
            return QStringLiteral("a token changed at offset %1 still decrypts").arg(at);
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
    if (target == QLatin1String("fuzz_jws")) {
        return &jwsParser;
    }
    if (target == QLatin1String("fuzz_jwe")) {
        return &jweParser;
    }
    return nullptr;
}

} // namespace FuzzEntry

#include "CaseGenerator.h"

#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "model/ReceiverConfig.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace Conformance {

namespace {

using Mutation = std::function<Result<void>(OutgoingRequest&)>;

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Another character of the same kind, so a changed byte keeps JSON and base64url well formed.
char shifted(char c)
{
    if ((c >= 'a' && c < 'z') || (c >= 'A' && c < 'Z') || (c >= '0' && c < '9')) {
        return char(c + 1);
    }
    switch (c) {
        case 'z':
            return 'y';
        case 'Z':
            return 'Y';
        case '9':
            return '8';
        case '-':
            return '_';
        case '_':
            return '-';
        default:
            return c;
    }
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Changes one letter or digit inside the middle of [from, to): a base64url segment.
void shiftMiddle(QByteArray& bytes, qsizetype from, qsizetype to)
{
    for (qsizetype i = from + (to - from) / 2; i < to; ++i) {
        if (isAlnum(bytes.at(i)) || bytes.at(i) == '-' || bytes.at(i) == '_') {
            bytes[i] = shifted(bytes.at(i));
            return;
        }
    }
}

// One byte of the body changed: in JSON, the last letter or digit of the last string value (the
// document stays valid JSON, only a value differs); in a compact JWS or JWE, a character in the
// middle of the payload or ciphertext; otherwise a letter near the middle.
QByteArray tamperOneByte(QByteArray body)
{
    if (QJsonDocument::fromJson(body).isObject()) {
        qsizetype candidate = -1;
        qsizetype lastInString = -1;
        bool inString = false;
        for (qsizetype i = 0; i < body.size(); ++i) {
            const char c = body.at(i);
            if (inString) {
                if (c == '\\') {
                    ++i;
                } else if (c == '"') {
                    inString = false;
                    qsizetype next = i + 1;
                    while (next < body.size() && (body.at(next) == ' ' || body.at(next) == '\n')) {
                        ++next;
                    }
                    if (lastInString >= 0 && (next >= body.size() || body.at(next) != ':')) {
                        candidate = lastInString; // a value, not a key
                    }
                } else if (isAlnum(c)) {
                    lastInString = i;
                }
            } else if (c == '"') {
                inString = true;
                lastInString = -1;
            }
        }
        if (candidate >= 0) {
            body[candidate] = shifted(body.at(candidate));
            return body;
        }
    }
    const QList<QByteArray> parts = body.split('.');
    if (parts.size() == 3 || parts.size() == 5) {
        const int segment = parts.size() == 3 ? 1 : 3; // JWS payload, JWE ciphertext
        qsizetype from = 0;
        for (int i = 0; i < segment; ++i) {
            from += parts.at(i).size() + 1;
        }
        shiftMiddle(body, from, from + parts.at(segment).size());
        return body;
    }
    const QByteArray before = body;
    shiftMiddle(body, 0, body.size());
    if (body == before && !body.isEmpty()) {
        body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x01);
    }
    return body;
}

void writeReordered(const QJsonValue& value, QByteArray& out);

// JSON with ", " and ": " separators and object keys in reverse order: the same data, other bytes
// (what a consumer that parses and re-serialises before verifying would compute over).
void writeReordered(const QJsonValue& value, QByteArray& out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::reverse(keys.begin(), keys.end());
        out += '{';
        for (int i = 0; i < keys.size(); ++i) {
            out += i > 0 ? ", " : "";
            writeReordered(QJsonValue(keys.at(i)), out);
            out += ": ";
            writeReordered(object.value(keys.at(i)), out);
        }
        out += '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += i > 0 ? ", " : "";
            writeReordered(array.at(i), out);
        }
        out += ']';
    } else {
        const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        out += wrapped.mid(1, wrapped.size() - 2);
    }
}

QByteArray reserialised(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return {};
    }
    QByteArray out;
    writeReordered(document.object(), out);
    return out == body ? QByteArray() : out;
}

int headerIndex(const OutgoingRequest& request, QByteArrayView name)
{
    for (int i = 0; i < request.headers.size(); ++i) {
        if (QByteArrayView(request.headers.at(i).first).compare(name, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

Result<void> removeHeader(OutgoingRequest& request, QByteArrayView name)
{
    const int index = headerIndex(request, name);
    if (index < 0) {
        return Error(QStringLiteral("the request has no %1 header to take out").arg(QString::fromLatin1(name)));
    }
    request.headers.removeAt(index);
    const auto shift = [index](const QSet<int>& indexes) {
        QSet<int> out;
        for (int i : indexes) {
            if (i != index) {
                out.insert(i > index ? i - 1 : i);
            }
        }
        return out;
    };
    request.secretHeaderIndexes = shift(request.secretHeaderIndexes);
    request.credentialHeaderIndexes = shift(request.credentialHeaderIndexes);
    request.transportHeaderIndexes = shift(request.transportHeaderIndexes);
    return {};
}

Result<void> replaceHeader(OutgoingRequest& request, QByteArrayView name, const QByteArray& value)
{
    const int index = headerIndex(request, name);
    if (index < 0) {
        return Error(QStringLiteral("the request has no %1 header to change").arg(QString::fromLatin1(name)));
    }
    request.headers[index].second = value;
    return {};
}

// The header holding the signature of one `signatures` entry.
QByteArray signatureHeader(const SignatureConfig& config)
{
    switch (config.scheme) {
        case SignatureScheme::HmacSha256:
            return config.header.isEmpty() ? QByteArrayLiteral("X-Webhook-Signature") : config.header.toLatin1();
        case SignatureScheme::GitHub:
            return QByteArrayLiteral("X-Hub-Signature-256");
        case SignatureScheme::Shopify:
            return QByteArrayLiteral("X-Shopify-Hmac-Sha256");
        case SignatureScheme::StandardWebhooks:
            return QByteArrayLiteral("webhook-signature");
        case SignatureScheme::Stripe:
            return QByteArrayLiteral("Stripe-Signature");
        case SignatureScheme::Slack:
            return QByteArrayLiteral("X-Slack-Signature");
    }
    return {};
}

// The signature value with its version label replaced by another version's, the MAC kept: what
// a consumer that ignores the label accepts. Empty when the scheme has no version label.
QByteArray otherVersion(const SignatureConfig& config, const QByteArray& value)
{
    switch (config.scheme) {
        case SignatureScheme::StandardWebhooks:
            return value.startsWith("v1") ? "v2" + value.mid(2) : QByteArray();
        case SignatureScheme::Stripe: {
            QByteArray changed = value;
            return changed.replace(",v1=", ",v0=");
        }
        case SignatureScheme::Slack:
            return value.startsWith("v0=") ? "v1=" + value.mid(3) : QByteArray();
        case SignatureScheme::GitHub:
            return value.startsWith("sha256=") ? "sha1=" + value.mid(7) : QByteArray();
        case SignatureScheme::HmacSha256: {
            const QByteArray prefix = config.prefix.toUtf8();
            if (prefix == "sha256=") {
                return "sha1=" + value.mid(prefix.size());
            }
            if (prefix.size() >= 2 && prefix.at(0) == 'v' && prefix.at(1) >= '0' && prefix.at(1) <= '9') {
                QByteArray changed = value;
                changed[1] = prefix.at(1) == '9' ? '8' : char(prefix.at(1) + 1);
                return changed;
            }
            return {};
        }
        case SignatureScheme::Shopify:
            return {};
    }
    return {};
}

// "v1", "v0", "sha256": the label of a signature value, for descriptions.
QString versionLabel(const QByteArray& value)
{
    const qsizetype comma = value.lastIndexOf(',');
    QByteArray last = value.mid(comma + 1);
    if (value.startsWith("v") && comma > 0 && !value.startsWith("t=")) {
        last = value.left(comma); // standard-webhooks: "v1,MAC"
    }
    const qsizetype equals = last.indexOf('=');
    return QString::fromLatin1(equals > 0 ? last.left(equals) : last);
}

// The signature with its value emptied but its label kept (v1, / t=TS,v1= / sha256=).
QByteArray emptySignature(const SignatureConfig& config, const QByteArray& value)
{
    switch (config.scheme) {
        case SignatureScheme::StandardWebhooks:
            return value.left(value.indexOf(',') + 1);
        case SignatureScheme::Stripe:
            return value.left(value.indexOf(",v1=") + 4);
        case SignatureScheme::Slack:
            return QByteArrayLiteral("v0=");
        case SignatureScheme::GitHub:
            return QByteArrayLiteral("sha256=");
        case SignatureScheme::HmacSha256:
            return config.prefix.toUtf8();
        case SignatureScheme::Shopify:
            return QByteArray("", 0);
    }
    return {};
}

// A secret of the same form as the configured one, that is not it.
QByteArray wrongSecret(const QByteArray& secret)
{
    if (secret.startsWith("whsec_")) {
        return "whsec_" + Crypto::randomBytes(24).toBase64();
    }
    if (secret.startsWith("whsk_")) {
        return "whsk_" + Crypto::randomBytes(32).toBase64();
    }
    return "hookbench-wrong-" + Crypto::randomBytes(16).toHex();
}

// The request parts a case varies.
struct Variant
{
    EndpointProfile profile;
    SecretValues secrets;
    Event event;
    std::optional<QByteArray> body; // default: RequestBuilder::buildBody
    qint64 bodyTime = 0;
    qint64 signTime = 0;
};

class Generator final
{
public:
    Generator(const EndpointProfile& profile,
              const SecretValues& secrets,
              const Event& event,
              const Options& options,
              qint64 now,
              const QByteArray& accessToken)
        : m_profile(profile)
        , m_secrets(secrets)
        , m_event(event)
        , m_options(options)
        , m_now(now)
        , m_accessToken(accessToken)
    {
        // Each case must be a new message to a consumer that deduplicates.
        for (auto& signature : m_profile.signatures) {
            signature.id.clear();
        }
    }

    Result<QList<Case>> run()
    {
        auto valid = variant();
        auto baseline = build(valid, {});
        if (!baseline) {
            return baseline.error();
        }
        m_validBody = baseline->body;
        add(QStringLiteral("valid"),
            Expectation::Accept,
            QStringLiteral("the real delivery, signed and authenticated as configured"),
            QStringLiteral("An endpoint that refuses a correct delivery loses events, and its refusals of the"
                           " hostile cases below prove nothing."),
            valid.event,
            baseline.value());
        add(QStringLiteral("duplicate-event"),
            Expectation::AcceptNoEffect,
            QStringLiteral("the valid request again, byte for byte (a retry, or a replay within the tolerance)"),
            QStringLiteral("An endpoint that processes the same event id twice acts twice on one event when the"
                           " sender retries or an attacker replays a captured request."),
            valid.event,
            baseline.value());

        if (auto ok = integrityCases(); !ok) {
            return ok.error();
        }
        for (int i = 0; i < m_profile.signatures.size(); ++i) {
            if (auto ok = signatureCases(i); !ok) {
                return ok.error();
            }
        }
        if (auto ok = timestampCases(); !ok) {
            return ok.error();
        }
        if (auto ok = credentialCases(); !ok) {
            return ok.error();
        }
        if (auto ok = jwsCases(); !ok) {
            return ok.error();
        }
        if (auto ok = jweCases(); !ok) {
            return ok.error();
        }
        return m_cases;
    }

private:
    Event freshEvent() const
    {
        QJsonObject object = m_event.object();
        object.insert(QStringLiteral("id"), Event::newId());
        object.insert(QStringLiteral("timestamp"),
                      QDateTime::fromSecsSinceEpoch(m_now, Qt::UTC).toString(Qt::ISODateWithMs));
        return Event(object);
    }

    Variant variant() const { return Variant {m_profile, m_secrets, freshEvent(), std::nullopt, m_now, m_now}; }

    Result<OutgoingRequest> build(const Variant& v, const Mutation& mutate) const
    {
        QByteArray body;
        if (v.body) {
            body = *v.body;
        } else {
            auto built = RequestBuilder::buildBody(v.profile, v.event, v.secrets, v.bodyTime);
            if (!built) {
                return built.error();
            }
            body = std::move(built).value();
        }
        auto request = RequestBuilder::build(v.profile, v.secrets, v.event, body, v.signTime, m_accessToken);
        if (!request) {
            return request.error();
        }
        if (mutate) {
            if (auto ok = mutate(request.value()); !ok) {
                return ok.error();
            }
            RequestBuilder::setTransportHeaders(request.value()); // Content-Length follows a changed body
        }
        return request;
    }

    void add(const QString& name,
             Expectation expectation,
             const QString& description,
             const QString& risk,
             const Event& event,
             const OutgoingRequest& request)
    {
        m_cases.append(Case {name, expectation, risk, description, event.id(), request});
    }

    Result<void> addBuilt(const QString& name,
                          const QString& description,
                          const QString& risk,
                          const Variant& v,
                          const Mutation& mutate = {})
    {
        auto request = build(v, mutate);
        if (!request) {
            return Error(QStringLiteral("cannot build the %1 case: %2").arg(name, request.error().message),
                         request.error().path);
        }
        add(name, Expectation::Reject, description, risk, v.event, request.value());
        return {};
    }

    // Something in the profile protects the body: a signature over it, or a JWS inside it.
    Result<void> integrityCases()
    {
        // A JWE body is covered by the jwe-tampered cases instead.
        if (m_profile.signatures.isEmpty() && (!m_profile.jws || m_profile.jwe)) {
            return {};
        }
        const Variant v = variant();
        if (auto ok = addBuilt(QStringLiteral("tampered-body"),
                               QStringLiteral("the body with one byte changed after signing"),
                               QStringLiteral("An endpoint that does not check the signature over the exact bytes it"
                                              " received acts on data anyone on the way could have changed."),
                               v,
                               [](OutgoingRequest& request) -> Result<void> {
                                   request.body = tamperOneByte(request.body);
                                   return {};
                               });
            !ok) {
            return ok;
        }
        if (m_profile.signatures.isEmpty() || m_profile.jws || m_profile.jwe) {
            return {};
        }
        if (reserialised(m_validBody).isEmpty()) {
            return {}; // not a JSON object: nothing to re-serialise
        }
        return addBuilt(QStringLiteral("reserialised-body"),
                        QStringLiteral("the same JSON with other whitespace and key order, signature of the original"),
                        QStringLiteral("An endpoint that verifies a re-serialised copy of the parsed JSON instead of"
                                       " the raw bytes can be made to accept a body that was never signed."),
                        variant(),
                        [](OutgoingRequest& request) -> Result<void> {
                            request.body = reserialised(request.body);
                            return {};
                        });
    }

    Result<void> signatureCases(int index)
    {
        const SignatureConfig& config = m_profile.signatures.at(index);
        QString suffix;
        if (m_profile.signatures.size() > 1) {
            suffix = QLatin1Char('-') + SignatureConfig::schemeName(config.scheme);
            const auto same = std::count_if(m_profile.signatures.cbegin(),
                                            m_profile.signatures.cend(),
                                            [&config](const SignatureConfig& c) { return c.scheme == config.scheme; });
            if (same > 1) {
                suffix += QLatin1Char('-') + QString::number(index + 1);
            }
        }
        const QString scheme = SignatureConfig::schemeName(config.scheme);
        const QByteArray header = signatureHeader(config);

        Variant wrong = variant();
        const QString wrongRef = QStringLiteral("literal:hookbench-check-wrong-secret-%1").arg(index);
        wrong.profile.signatures[index].secret = wrongRef;
        wrong.secrets.insert(wrongRef, wrongSecret(m_secrets.value(config.secret)));
        if (auto ok = addBuilt(QStringLiteral("wrong-secret") + suffix,
                               QStringLiteral("a %1 signature made with another secret").arg(scheme),
                               QStringLiteral("An endpoint that does not compare the signature with its own secret (or"
                                              " compares it wrongly) accepts requests from anyone."),
                               wrong);
            !ok) {
            return ok;
        }

        if (auto ok = addBuilt(QStringLiteral("signature-missing") + suffix,
                               QStringLiteral("no %1 header").arg(QString::fromLatin1(header)),
                               QStringLiteral("An endpoint that verifies only when a signature is present accepts"
                                              " unsigned requests from anyone."),
                               variant(),
                               [header](OutgoingRequest& request) { return removeHeader(request, header); });
            !ok) {
            return ok;
        }

        // The probe build tells what the header holds, to relabel it.
        const Variant probe = variant();
        auto probeRequest = build(probe, {});
        if (!probeRequest) {
            return probeRequest.error();
        }
        const QByteArray value = Headers::value(probeRequest->headers, header);
        const QByteArray relabelled = otherVersion(config, value);
        if (!relabelled.isEmpty()) {
            if (auto ok =
                    addBuilt(QStringLiteral("other-version") + suffix,
                             QStringLiteral("the valid MAC under another version label (%1 instead of %2)")
                                 .arg(versionLabel(relabelled), versionLabel(value)),
                             QStringLiteral("An endpoint that ignores the version label accepts signatures of a"
                                            " scheme version it does not implement, which opens downgrades."),
                             probe,
                             [header, config](OutgoingRequest& request) {
                                 return replaceHeader(
                                     request, header, otherVersion(config, Headers::value(request.headers, header)));
                             });
                !ok) {
                return ok;
            }
        }

        const QByteArray empty = emptySignature(config, value);
        return addBuilt(QStringLiteral("empty-signature") + suffix,
                        empty.isEmpty() ? QStringLiteral("an empty %1 header").arg(QString::fromLatin1(header))
                                        : QStringLiteral("%1: %2 with nothing after the label")
                                              .arg(QString::fromLatin1(header), QString::fromLatin1(empty)),
                        QStringLiteral("An endpoint that compares only as many characters as were sent, or finds"
                                       " no signature to fail on, accepts a request with no signature at all."),
                        variant(),
                        [header, config](OutgoingRequest& request) {
                            return replaceHeader(
                                request, header, emptySignature(config, Headers::value(request.headers, header)));
                        });
    }

    Result<void> timestampCases()
    {
        QStringList schemes;
        for (const auto& config : m_profile.signatures) {
            if (SignatureVerifyConfig::isTimestamped(config.scheme)) {
                schemes.append(SignatureConfig::schemeName(config.scheme));
            }
        }
        if (schemes.isEmpty()) {
            return {};
        }
        const qint64 beyond = qint64(m_options.toleranceSeconds) + m_options.marginSeconds;
        Variant old = variant();
        old.signTime = m_now - beyond;
        if (auto ok = addBuilt(QStringLiteral("timestamp-too-old"),
                               QStringLiteral("correctly signed, with a timestamp %1 s in the past (tolerance %2 s)")
                                   .arg(beyond)
                                   .arg(m_options.toleranceSeconds),
                               QStringLiteral("An endpoint that does not bound the signature's age accepts a captured"
                                              " request replayed at any later time."),
                               old);
            !ok) {
            return ok;
        }
        Variant ahead = variant();
        ahead.signTime = m_now + beyond;
        if (auto ok =
                addBuilt(QStringLiteral("timestamp-ahead"),
                         QStringLiteral("correctly signed, with a timestamp %1 s in the future (tolerance %2 s)")
                             .arg(beyond)
                             .arg(m_options.toleranceSeconds),
                         QStringLiteral("An endpoint that accepts future timestamps lets a request signed ahead of"
                                        " time (or by a sender whose clock runs fast) be replayed until that time"
                                        " has passed, plus the tolerance. Stripe's official libraries (stripe-node's"
                                        " constructEvent among them) check only how old a timestamp is, never whether"
                                        " it lies ahead, so consumers built on them accept this."),
                         ahead);
            !ok) {
            return ok;
        }
        // Only the holder of the secret can sign a future timestamp: a hardening gap, not a forgery.
        m_cases.last().whenAccepted = Verdict::Warn;

        // Signed over the old number, as a lenient reader (parseInt, atoi) reads "<number>abc": such
        // a reader sees a valid signature and a timestamp too old, and refuses. Only a consumer that
        // skips the age check when it cannot read the number accepts it.
        Variant unreadable = variant();
        unreadable.signTime = m_now - beyond;
        const QByteArray number = QByteArray::number(unreadable.signTime);
        const auto config = m_profile.signatures;
        return addBuilt(
            QStringLiteral("timestamp-not-numeric"),
            QStringLiteral("a timestamp %1 s in the past with letters appended (%2abc), signed over the number a"
                           " lenient parser reads (%2)")
                .arg(beyond)
                .arg(QString::fromLatin1(number)),
            QStringLiteral("An endpoint that skips the age check when it cannot read the timestamp as a number"
                           " accepts a captured request replayed at any later time, once letters are appended to"
                           " its timestamp."),
            unreadable,
            [config, number](OutgoingRequest& request) -> Result<void> {
                for (const auto& entry : config) {
                    Result<void> ok;
                    if (entry.scheme == SignatureScheme::StandardWebhooks) {
                        ok = replaceHeader(request, "webhook-timestamp", number + "abc");
                    } else if (entry.scheme == SignatureScheme::Slack) {
                        ok = replaceHeader(request, "X-Slack-Request-Timestamp", number + "abc");
                    } else if (entry.scheme == SignatureScheme::Stripe) {
                        QByteArray value = Headers::value(request.headers, "Stripe-Signature");
                        value.replace(QByteArray("t=" + number + ","), QByteArray("t=" + number + "abc,"));
                        ok = replaceHeader(request, "Stripe-Signature", value);
                    }
                    if (!ok) {
                        return ok;
                    }
                }
                return {};
            });
    }

    Result<void> credentialCases()
    {
        const AuthConfig& auth = m_profile.auth;
        if (auth.type == AuthType::None) {
            return {};
        }
        const QByteArray header = auth.effectiveHeaderName().toLatin1();
        if (auto ok = addBuilt(QStringLiteral("no-credentials"),
                               QStringLiteral("no %1 header").arg(QString::fromLatin1(header)),
                               QStringLiteral("An endpoint that does not require credentials accepts deliveries from"
                                              " anyone who knows its URL."),
                               variant(),
                               [header](OutgoingRequest& request) { return removeHeader(request, header); });
            !ok) {
            return ok;
        }
        const QByteArray random = Crypto::randomBytes(18).toBase64(Base64Url);
        QByteArray wrong;
        QString what;
        switch (auth.type) {
            case AuthType::Basic:
                wrong = "Basic " + QByteArray(auth.username.toUtf8() + ':' + random).toBase64();
                what = QStringLiteral("Basic credentials of user %1 with a wrong password").arg(auth.username);
                break;
            case AuthType::ApiKey:
                wrong = auth.prefix.toUtf8() + random;
                what = QStringLiteral("a wrong API key");
                break;
            case AuthType::Header:
                wrong = random;
                what = QStringLiteral("a wrong header value");
                break;
            default:
                wrong = "Bearer " + random;
                what = QStringLiteral("a wrong bearer token");
                break;
        }
        return addBuilt(QStringLiteral("wrong-credentials"),
                        what + QStringLiteral(" in %1").arg(QString::fromLatin1(header)),
                        QStringLiteral("An endpoint that checks only that credentials are present, not that they are"
                                       " right, accepts deliveries from anyone."),
                        variant(),
                        [header, wrong](OutgoingRequest& request) { return replaceHeader(request, header, wrong); });
    }

    // The recipient key of `jwe`, as RequestBuilder resolves it.
    Result<JoseKey> jweRecipient() const
    {
        const SecretRef reference = SecretRef::parse(m_profile.jwe->publicKey);
        auto pem = reference.resolveLocal(m_profile.baseDir);
        if (!pem) {
            return Error(pem.error().message, QStringLiteral("jwe.publicKey"));
        }
        return JoseKey::fromPem(pem.value());
    }

    // A hand-made JWS as the body: encrypted to the recipient when `jwe` is set, as the sender
    // would, so only the JWS is at fault.
    Result<QByteArray> wrapped(const QByteArray& jws) const
    {
        if (!m_profile.jwe) {
            return jws;
        }
        auto recipient = jweRecipient();
        if (!recipient) {
            return recipient.error();
        }
        Jwe::EncryptOptions options;
        options.alg = m_profile.jwe->alg;
        options.enc = m_profile.jwe->enc;
        options.kid = m_profile.jwe->kid;
        options.cty = QStringLiteral("JWT");
        return Jwe::encryptCompact(jws, recipient.value(), options);
    }

    Result<void> jwsCases()
    {
        if (!m_profile.jws) {
            return {};
        }
        const JwsConfig& jws = *m_profile.jws;

        // The valid JWS of a fresh event, taken apart to re-sign its payload.
        Variant signedOnly = variant();
        signedOnly.profile.jwe.reset();
        auto token = RequestBuilder::buildBody(signedOnly.profile, signedOnly.event, m_secrets, m_now);
        if (!token) {
            return token.error();
        }
        auto parts = Jws::parseCompact(token.value());
        if (!parts) {
            return parts.error();
        }
        const QByteArray payloadPart = parts->signingInput.mid(parts->signingInput.indexOf('.') + 1);

        QJsonObject noneHeader = parts->header;
        noneHeader.insert(QStringLiteral("alg"), QStringLiteral("none"));
        const QByteArray noneToken =
            QJsonDocument(noneHeader).toJson(QJsonDocument::Compact).toBase64(Base64Url) + '.' + payloadPart + '.';
        auto noneBody = wrapped(noneToken);
        if (!noneBody) {
            return noneBody.error();
        }
        Variant none = signedOnly;
        none.profile = m_profile;
        none.body = noneBody.value();
        if (auto ok = addBuilt(QStringLiteral("jws-alg-none"),
                               QStringLiteral("the JWS with header alg \"none\" and no signature"),
                               QStringLiteral("An endpoint whose JWT library honours alg none accepts any payload"
                                              " without a signature (RFC 8725 section 3.1)."),
                               none);
            !ok) {
            return ok;
        }

        if (jws.alg != QLatin1String("HS256")) {
            auto key = JoseKey::fromPem(m_secrets.value(jws.privateKey));
            if (!key) {
                return Error(key.error().message, QStringLiteral("jws.privateKey"));
            }
            QJsonObject hsHeader = parts->header;
            hsHeader.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
            auto confused = Jws::signCompact(hsHeader, parts->payload, JoseKey::fromSecret(key->publicPem()));
            if (!confused) {
                return confused.error();
            }
            auto confusedBody = wrapped(confused.value());
            if (!confusedBody) {
                return confusedBody.error();
            }
            Variant hs = none;
            hs.body = confusedBody.value();
            if (auto ok = addBuilt(QStringLiteral("jws-hs256-public-key"),
                                   QStringLiteral("the payload signed HS256 with the sender's public key PEM as the"
                                                  " HMAC secret"),
                                   QStringLiteral("An endpoint that lets the token choose the algorithm verifies an"
                                                  " HMAC keyed with the public key, which anyone can compute"
                                                  " (RFC 8725 section 2.1)."),
                                   hs);
                !ok) {
                return ok;
            }
        }

        Variant expired = variant();
        const int lifetime = jws.expiresInSeconds > 0 ? jws.expiresInSeconds : 300;
        expired.profile.jws->expiresInSeconds = lifetime;
        expired.bodyTime = m_now - lifetime - 3600;
        return addBuilt(QStringLiteral("jws-expired"),
                        QStringLiteral("a correctly signed JWS whose exp passed an hour ago"),
                        QStringLiteral("An endpoint that ignores exp accepts a signed payload captured long ago,"
                                       " for ever (RFC 8725 section 3.10, RFC 7519 section 4.1.4)."),
                        expired);
    }

    Result<void> jweCases()
    {
        if (!m_profile.jwe) {
            return {};
        }
        const auto tamperSegment = [](int segment) {
            return [segment](OutgoingRequest& request) -> Result<void> {
                const QList<QByteArray> parts = request.body.split('.');
                if (parts.size() != 5) {
                    return Error(QStringLiteral("the body is not a compact JWE"));
                }
                qsizetype from = 0;
                for (int i = 0; i < segment; ++i) {
                    from += parts.at(i).size() + 1;
                }
                shiftMiddle(request.body, from, from + parts.at(segment).size());
                return {};
            };
        };
        if (auto ok = addBuilt(QStringLiteral("jwe-tampered-ciphertext"),
                               QStringLiteral("the JWE with one character of the ciphertext changed"),
                               QStringLiteral("An endpoint that decrypts without checking the authentication tag acts"
                                              " on plaintext an attacker can flip bit by bit."),
                               variant(),
                               tamperSegment(3));
            !ok) {
            return ok;
        }
        return addBuilt(QStringLiteral("jwe-tampered-tag"),
                        QStringLiteral("the JWE with one character of the authentication tag changed"),
                        QStringLiteral("An endpoint that does not verify the JWE tag (or accepts a shortened one)"
                                       " cannot tell a forged or altered payload from a real one."),
                        variant(),
                        tamperSegment(4));
    }

    EndpointProfile m_profile;
    const SecretValues& m_secrets;
    const Event& m_event;
    const Options& m_options;
    qint64 m_now;
    QByteArray m_accessToken;
    QByteArray m_validBody;
    QList<Case> m_cases;
};

} // namespace

Result<QList<Case>> generateCases(const EndpointProfile& profile,
                                  const SecretValues& secrets,
                                  const Event& event,
                                  const Options& options,
                                  qint64 now,
                                  const QByteArray& accessToken)
{
    return Generator(profile, secrets, event, options, now, accessToken).run();
}

} // namespace Conformance

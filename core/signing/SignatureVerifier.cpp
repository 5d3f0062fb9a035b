#include "SignatureVerifier.h"

#include "Crypto.h"

#include <QJsonDocument>

#include <functional>

// Verification first tries the request exactly as configured, with constant-time comparisons.
// Only when nothing matched does it search the usual sender mistakes (other encoding, other
// form of the key, a re-serialised body, the body signed alone, a missing or extra prefix) and
// report the combination with the fewest mistakes that makes the signature match.

namespace {

enum class Encoding
{
    Hex,
    Base64,
};

constexpr int HmacSize = 32;
constexpr int Ed25519SignatureSize = 64;

struct Candidate
{
    QByteArray version; // "v1", "v1a", "v0", "sha256" or empty
    QByteArray text;    // the encoded signature
    int position = 1;   // 1-based among the header's signatures
    QString note;       // non-empty: read this way only by assuming a sender mistake
};

struct Key
{
    QByteArray bytes;
    int secretIndex = 0; // 1-based
    bool ed25519 = false;
    QString note; // non-empty: a form of the secret a mistaken sender might have used
};

struct BodyVariant
{
    QByteArray bytes;
    QString note;
};

struct Plan
{
    QString check;
    QByteArray header; // where the signature was read from
    Encoding encoding = Encoding::Hex;
    QList<Candidate> candidates;
    int headerSignatures = 1;
    QList<Key> keys;
    int secretCount = 0;
    QStringList secretProblems;
    std::optional<qint64> timestamp;
    std::function<QByteArray(QByteArrayView body)> signedContent;
    QString bareBodyNote; // non-empty: also try the body alone, with this note
};

// A header value in quotes, as UTF-8 text (Headers::displayValue), at most 40 characters.
QString quoted(QByteArrayView text)
{
    return QLatin1Char('"') + Headers::displayValue(text, 40) + QLatin1Char('"');
}

bool isHex(QByteArrayView text)
{
    if (text.isEmpty() || text.size() % 2) {
        return false;
    }
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

std::optional<QByteArray> decode(QByteArrayView text, Encoding encoding, int size)
{
    QByteArray bytes;
    if (encoding == Encoding::Hex) {
        if (!isHex(text)) {
            return std::nullopt;
        }
        bytes = QByteArray::fromHex(text.toByteArray());
    } else {
        auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return std::nullopt;
        }
        bytes = std::move(decoded.decoded);
    }
    if (bytes.size() != size) {
        return std::nullopt;
    }
    return bytes;
}

QString encodingName(Encoding encoding)
{
    return encoding == Encoding::Hex ? QStringLiteral("hex") : QStringLiteral("base64");
}

Encoding other(Encoding encoding)
{
    return encoding == Encoding::Hex ? Encoding::Base64 : Encoding::Hex;
}

bool matches(const Key& key, QByteArrayView signature, QByteArrayView content)
{
    if (key.ed25519) {
        return Crypto::ed25519Verify(key.bytes, signature, content);
    }
    return Crypto::constantTimeEquals(Crypto::hmacSha256(key.bytes, content), signature);
}

bool compatible(const Key& key, const Candidate& candidate)
{
    return key.ed25519 == (candidate.version == "v1a");
}

// Strips JSON whitespace outside strings and re-inserts the given separators, keeping key order.
QByteArray reformatJson(QByteArrayView body, QByteArrayView itemSeparator, QByteArrayView keySeparator)
{
    QByteArray out;
    out.reserve(body.size());
    bool inString = false;
    bool escaped = false;
    for (char c : body) {
        if (inString) {
            out.append(c);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        switch (c) {
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                break;
            case '"':
                inString = true;
                out.append(c);
                break;
            case ',':
                out.append(itemSeparator);
                break;
            case ':':
                out.append(keySeparator);
                break;
            default:
                out.append(c);
        }
    }
    return out;
}

QList<BodyVariant> bodyVariants(QByteArrayView body)
{
    QList<BodyVariant> variants {{body.toByteArray(), {}}};
    auto add = [&variants](QByteArray bytes, const QString& note) {
        for (const auto& v : std::as_const(variants)) {
            if (v.bytes == bytes) {
                return;
            }
        }
        variants.append({std::move(bytes), note});
    };
    const QString changed = QStringLiteral("body changed: the signature matches the body re-serialised as %1, not the"
                                           " bytes received; the sender must sign the exact bytes it sends");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError && !document.isNull()) {
        add(reformatJson(body, ",", ":"), changed.arg(QStringLiteral("compact JSON (whitespace removed)")));
        add(document.toJson(QJsonDocument::Compact), changed.arg(QStringLiteral("compact JSON with sorted keys")));
        add(reformatJson(body, ", ", ": "),
            changed.arg(QStringLiteral("JSON with \", \" and \": \" separators (Python's json.dumps default)")));
        add(document.toJson(QJsonDocument::Indented), changed.arg(QStringLiteral("indented JSON")));
    }
    if (body.endsWith('\n')) {
        add(body.chopped(body.endsWith("\r\n") ? 2 : 1).toByteArray(),
            QStringLiteral("the sender signed the body without its trailing newline"));
    } else {
        add(body.toByteArray() + '\n',
            QStringLiteral("the sender signed the body with a trailing newline it did not send"));
    }
    return variants;
}

QString secretsPhrase(int count)
{
    return count == 1 ? QStringLiteral("the secret does not") : QStringLiteral("none of the %1 secrets").arg(count);
}

QString label(const Candidate& candidate)
{
    return candidate.version.isEmpty() ? QStringLiteral("signature")
                                       : QString::fromLatin1(candidate.version) + QStringLiteral(" signature");
}

SignatureCheck fail(const QString& check, const QString& detail)
{
    return {check, false, detail};
}

// ---- secrets -------------------------------------------------------------------------------

// The secret as given plus the forms a sender might wrongly have used instead.
void addRawSecret(Plan& plan, const QByteArray& secret, int index)
{
    if (secret.isEmpty()) {
        plan.secretProblems.append(QStringLiteral("secret %1 is empty").arg(index));
        return;
    }
    plan.keys.append({secret, index, false, {}});
    const QString decodedNote = QStringLiteral("the sender base64-decoded the secret, but %1 uses the secret's bytes"
                                               " as they are")
                                    .arg(plan.check);
    if (secret.startsWith("whsec_")) {
        const auto decoded = QByteArray::fromBase64Encoding(secret.mid(6), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && !decoded.decoded.isEmpty()) {
            plan.keys.append({decoded.decoded, index, false, decodedNote});
        }
    } else if (secret.size() >= 16) {
        const auto decoded = QByteArray::fromBase64Encoding(secret, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() >= 8) {
            plan.keys.append({decoded.decoded, index, false, decodedNote});
        }
    }
}

// Returns the key or says what is wrong with the secret, without quoting it.
std::optional<Key> standardWebhooksKey(const QByteArray& secret, int index, QString* problem)
{
    auto decodeTail = [&](int prefixLength, const char* prefix) -> std::optional<QByteArray> {
        const auto decoded =
            QByteArray::fromBase64Encoding(secret.mid(prefixLength), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty()) {
            *problem = QStringLiteral("the part after %1 is not valid base64; copy the key again exactly as issued")
                           .arg(QLatin1String(prefix));
            return std::nullopt;
        }
        return decoded.decoded;
    };
    if (secret.startsWith("whsec_")) {
        auto key = decodeTail(6, "whsec_");
        return key ? std::optional<Key>(Key {*key, index, false, {}}) : std::nullopt;
    }
    if (secret.startsWith("whpk_") || secret.startsWith("whsk_")) {
        const bool isPublic = secret.startsWith("whpk_");
        auto key = decodeTail(5, isPublic ? "whpk_" : "whsk_");
        if (!key) {
            return std::nullopt;
        }
        if (key->size() != 32 && !(!isPublic && key->size() == 64)) {
            *problem = QStringLiteral("the part after %1 decodes to %2 bytes, but an Ed25519 key is 32 bytes (44"
                                      " base64 characters); check that the whole key was copied")
                           .arg(isPublic ? QStringLiteral("whpk_") : QStringLiteral("whsk_"))
                           .arg(key->size());
            return std::nullopt;
        }
        if (isPublic) {
            return Key {*key, index, true, {}};
        }
        // A secret key also verifies: its public half is derived.
        const auto publicKey = Crypto::ed25519PublicKey(QByteArrayView(*key).first(32));
        if (!publicKey) {
            *problem = publicKey.error().message;
            return std::nullopt;
        }
        return Key {publicKey.value(), index, true, {}};
    }
    *problem = QStringLiteral("a standard-webhooks key starts with whsec_ (HMAC, v1 signatures) or whpk_ (Ed25519"
                              " public key, v1a signatures) followed by base64; this one starts with neither");
    return std::nullopt;
}

void addStandardWebhooksSecret(Plan& plan, const QByteArray& secret, int index)
{
    QString problem;
    const auto key = standardWebhooksKey(secret, index, &problem);
    if (!key) {
        plan.secretProblems.append(QStringLiteral("secret %1: %2").arg(index).arg(problem));
        return;
    }
    plan.keys.append(*key);
    if (!key->ed25519) {
        plan.keys.append({secret,
                          index,
                          false,
                          QStringLiteral("the sender used the whsec_ secret as raw text instead of base64-decoding"
                                         " the part after whsec_")});
        plan.keys.append({secret.mid(6),
                          index,
                          false,
                          QStringLiteral("the sender used the part after whsec_ as raw text instead of"
                                         " base64-decoding it")});
    }
}

// ---- timestamps ------------------------------------------------------------------------------

std::optional<qint64> parseUnixSeconds(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.toByteArray().toLongLong(&ok);
    if (!ok || text.isEmpty() || text.front() == '+' || text.front() == '-') {
        return std::nullopt;
    }
    return value;
}

QString timestampProblem(qint64 timestamp, qint64 now, int tolerance)
{
    if (tolerance < 0) {
        return {};
    }
    const qint64 age = now - timestamp;
    if (age > tolerance) {
        return QStringLiteral("timestamp %1 s old, beyond the %2 s tolerance").arg(age).arg(tolerance);
    }
    if (-age > tolerance) {
        return QStringLiteral("timestamp %1 s ahead of the clock, beyond the %2 s tolerance").arg(-age).arg(tolerance);
    }
    return {};
}

// ---- the search ------------------------------------------------------------------------------

struct Match
{
    const Key* key = nullptr;
    const Candidate* candidate = nullptr;
    QStringList notes;
};

std::optional<Match> findExact(const Plan& plan, QByteArrayView body)
{
    const QByteArray content = plan.signedContent(body);
    for (const Candidate& candidate : plan.candidates) {
        if (!candidate.note.isEmpty()) {
            continue;
        }
        for (const Key& key : plan.keys) {
            if (!key.note.isEmpty() || !compatible(key, candidate)) {
                continue;
            }
            const auto signature = decode(candidate.text, plan.encoding, key.ed25519 ? Ed25519SignatureSize : HmacSize);
            if (signature && matches(key, *signature, content)) {
                return Match {&key, &candidate, {}};
            }
        }
    }
    return std::nullopt;
}

std::optional<Match> findExplanation(const Plan& plan, QByteArrayView body)
{
    std::optional<Match> best;
    const QList<BodyVariant> bodies = bodyVariants(body);
    for (const BodyVariant& variant : bodies) {
        for (int bare = 0; bare < (plan.bareBodyNote.isEmpty() ? 1 : 2); ++bare) {
            const QByteArray content = bare ? variant.bytes : plan.signedContent(variant.bytes);
            for (const Candidate& candidate : plan.candidates) {
                for (const Key& key : plan.keys) {
                    if (!compatible(key, candidate)) {
                        continue;
                    }
                    for (Encoding encoding : {plan.encoding, other(plan.encoding)}) {
                        QStringList notes;
                        for (const QString& note : {variant.note, candidate.note, key.note}) {
                            if (!note.isEmpty()) {
                                notes.append(note);
                            }
                        }
                        if (bare) {
                            notes.append(plan.bareBodyNote);
                        }
                        if (encoding != plan.encoding) {
                            notes.append(QStringLiteral("%1 sent where %2 was expected")
                                             .arg(encodingName(encoding), encodingName(plan.encoding)));
                        }
                        if (notes.isEmpty() || (best && best->notes.size() <= notes.size())) {
                            continue;
                        }
                        const auto signature =
                            decode(candidate.text, encoding, key.ed25519 ? Ed25519SignatureSize : HmacSize);
                        if (signature && matches(key, *signature, content)) {
                            best = Match {&key, &candidate, notes};
                        }
                    }
                }
            }
        }
    }
    return best;
}

// A hint for a mismatch nothing explains: a signature that is the other encoding's shape.
QString encodingHint(const Plan& plan)
{
    for (const Candidate& candidate : plan.candidates) {
        if (!candidate.note.isEmpty()) {
            continue;
        }
        const int size = candidate.version == "v1a" ? Ed25519SignatureSize : HmacSize;
        if (!decode(candidate.text, plan.encoding, size) && decode(candidate.text, other(plan.encoding), size)) {
            return QStringLiteral("; the signature looks %1-encoded where %2 was expected")
                .arg(encodingName(other(plan.encoding)), encodingName(plan.encoding));
        }
    }
    return {};
}

SignatureCheck run(const Plan& plan, QByteArrayView body, qint64 now, int tolerance)
{
    if (plan.keys.isEmpty()) {
        return fail(
            plan.check,
            QStringLiteral("no usable secret to verify with: %1").arg(plan.secretProblems.join(QStringLiteral("; "))));
    }
    const QString timeProblem = plan.timestamp ? timestampProblem(*plan.timestamp, now, tolerance) : QString();
    int usableSecrets = 0;
    {
        QList<int> seen;
        for (const Key& key : plan.keys) {
            if (!seen.contains(key.secretIndex)) {
                seen.append(key.secretIndex);
            }
        }
        usableSecrets = seen.size();
    }

    if (const auto match = findExact(plan, body)) {
        QString detail = label(*match->candidate)
                         + QStringLiteral(" %1 of %2 matched").arg(match->key->secretIndex).arg(plan.secretCount);
        if (plan.headerSignatures > 1) {
            detail += QStringLiteral(" (entry %1 of %2 in %3)")
                          .arg(match->candidate->position)
                          .arg(plan.headerSignatures)
                          .arg(QString::fromLatin1(plan.header));
        }
        if (!timeProblem.isEmpty()) {
            return fail(plan.check, detail + QStringLiteral(", but ") + timeProblem);
        }
        return {plan.check, true, detail};
    }

    QString detail;
    if (const auto explanation = findExplanation(plan, body)) {
        detail = explanation->notes.join(QStringLiteral("; "))
                 + QStringLiteral(" (taking that into account, the %1 matches secret %2 of %3)")
                       .arg(label(*explanation->candidate))
                       .arg(explanation->key->secretIndex)
                       .arg(plan.secretCount);
    } else {
        const int signatures = plan.headerSignatures;
        detail = secretsPhrase(usableSecrets)
                 + QStringLiteral(" match %1 in %2: wrong secret, or the body was changed on the way")
                       .arg(signatures == 1 ? QStringLiteral("the signature")
                                            : QStringLiteral("any of its %1 signatures").arg(signatures),
                            QString::fromLatin1(plan.header));
        detail += encodingHint(plan);
    }
    if (!plan.secretProblems.isEmpty()) {
        detail += QStringLiteral("; skipped ") + plan.secretProblems.join(QStringLiteral("; "));
    }
    if (!timeProblem.isEmpty()) {
        detail += QStringLiteral("; also ") + timeProblem;
    }
    return fail(plan.check, detail);
}

QString missing(QByteArrayView header, const HeaderList& headers)
{
    QString detail = QStringLiteral("header %1 missing").arg(QString::fromLatin1(header));
    const auto others = SignatureVerifier::recognise(headers);
    if (!others.isEmpty()) {
        detail += QStringLiteral("; the request %1").arg(others.first().detail);
    }
    return detail;
}

} // namespace

namespace SignatureVerifier {

QString checkName(SignatureScheme scheme)
{
    return SignatureConfig::schemeName(scheme);
}

Result<void> checkSecret(SignatureScheme scheme, const QByteArray& secret, const QString& path)
{
    if (secret.isEmpty()) {
        return Error(QStringLiteral("the secret is empty; give the shared secret (or a reference such as env:NAME)"),
                     path);
    }
    if (scheme == SignatureScheme::StandardWebhooks) {
        QString problem;
        if (!standardWebhooksKey(secret, 1, &problem)) {
            return Error(problem, path);
        }
    }
    return {};
}

SignatureCheck verify(SignatureScheme scheme,
                      const SignatureVerifyOptions& options,
                      const QList<QByteArray>& secrets,
                      const HeaderList& headers,
                      QByteArrayView body,
                      qint64 nowUnix)
{
    Plan plan;
    plan.check = checkName(scheme);
    plan.secretCount = int(secrets.size());
    plan.signedContent = [](QByteArrayView b) -> QByteArray {
        return b.toByteArray();
    };
    if (secrets.isEmpty()) {
        return fail(plan.check, QStringLiteral("no secrets configured: add the sender's secret to secrets"));
    }

    switch (scheme) {
        case SignatureScheme::HmacSha256:
        case SignatureScheme::GitHub:
        case SignatureScheme::Shopify: {
            QByteArray prefix;
            if (scheme == SignatureScheme::HmacSha256) {
                plan.header =
                    options.header.isEmpty() ? QByteArrayLiteral("X-Webhook-Signature") : options.header.toLatin1();
                plan.encoding =
                    options.encoding == SignatureConfig::Encoding::Base64 ? Encoding::Base64 : Encoding::Hex;
                prefix = options.prefix.toUtf8();
            } else if (scheme == SignatureScheme::GitHub) {
                plan.header = QByteArrayLiteral("X-Hub-Signature-256");
                prefix = QByteArrayLiteral("sha256=");
            } else {
                plan.header = QByteArrayLiteral("X-Shopify-Hmac-Sha256");
                plan.encoding = Encoding::Base64;
            }
            const QByteArray value = Headers::value(headers, plan.header).trimmed();
            if (value.isNull()) {
                if (scheme == SignatureScheme::GitHub && Headers::contains(headers, "X-Hub-Signature")) {
                    return fail(plan.check,
                                QStringLiteral("header X-Hub-Signature-256 missing; the request carries only the legacy"
                                               " X-Hub-Signature (SHA-1), which is too weak to accept: have the sender"
                                               " send X-Hub-Signature-256"));
                }
                return fail(plan.check, missing(plan.header, headers));
            }
            if (value.isEmpty()) {
                return fail(plan.check, QStringLiteral("header %1 is empty").arg(QString::fromLatin1(plan.header)));
            }
            if (scheme == SignatureScheme::GitHub) {
                if (!value.startsWith(prefix)) {
                    const qsizetype eq = value.indexOf('=');
                    if (eq > 0 && eq < 10 && !value.startsWith("sha256")) {
                        return fail(plan.check,
                                    QStringLiteral("X-Hub-Signature-256 carries a %1 signature; GitHub's is sha256="
                                                   " followed by the hex HMAC-SHA256")
                                        .arg(Headers::displayValue(value.left(eq + 1))));
                    }
                    plan.candidates.append({"sha256", value, 1, QStringLiteral("the value lacks the sha256= prefix")});
                } else {
                    plan.candidates.append({"sha256", value.mid(prefix.size()), 1, {}});
                }
            } else if (!prefix.isEmpty()) {
                if (value.startsWith(prefix)) {
                    plan.candidates.append({{}, value.mid(prefix.size()), 1, {}});
                } else {
                    plan.candidates.append({{},
                                            value,
                                            1,
                                            QStringLiteral("the value lacks the configured prefix \"%1\"")
                                                .arg(QString::fromUtf8(prefix))});
                }
            } else {
                plan.candidates.append({{}, value, 1, {}});
                // An unconfigured "sha256=" style prefix.
                const qsizetype cut = value.indexOf('=') > 0 && value.indexOf('=') < 12   ? value.indexOf('=')
                                      : value.indexOf(':') > 0 && value.indexOf(':') < 12 ? value.indexOf(':')
                                                                                          : -1;
                if (cut > 0 && cut + 1 < value.size()) {
                    plan.candidates.append(
                        {{},
                         value.mid(cut + 1),
                         1,
                         QStringLiteral("the value starts with a prefix \"%1\" that is not configured;"
                                        " set prefix to it")
                             .arg(Headers::displayValue(value.left(cut + 1)))});
                }
            }
            for (int i = 0; i < secrets.size(); ++i) {
                addRawSecret(plan, secrets.at(i), i + 1);
            }
            break;
        }
        case SignatureScheme::Stripe: {
            plan.header = QByteArrayLiteral("Stripe-Signature");
            const QByteArray value = Headers::value(headers, plan.header);
            if (value.isNull()) {
                return fail(plan.check, missing(plan.header, headers));
            }
            QByteArray timestamp;
            QList<QByteArray> v1;
            int v0 = 0;
            for (const QByteArray& rawItem : value.split(',')) {
                const QByteArray item = rawItem.trimmed();
                const qsizetype eq = item.indexOf('=');
                if (eq <= 0) {
                    return fail(plan.check,
                                QStringLiteral("Stripe-Signature is malformed: %1 is not key=value (expected"
                                               " t=TIMESTAMP,v1=HEX)")
                                    .arg(quoted(item)));
                }
                const QByteArray key = item.left(eq);
                if (key == "t") {
                    timestamp = item.mid(eq + 1);
                } else if (key == "v1") {
                    v1.append(item.mid(eq + 1));
                } else if (key == "v0") {
                    ++v0;
                }
            }
            if (timestamp.isNull()) {
                return fail(plan.check, QStringLiteral("Stripe-Signature is malformed: no t= timestamp"));
            }
            plan.timestamp = parseUnixSeconds(timestamp);
            if (!plan.timestamp) {
                return fail(plan.check,
                            QStringLiteral("Stripe-Signature is malformed: t=%1 is not unix seconds")
                                .arg(Headers::displayValue(timestamp)));
            }
            if (v1.isEmpty()) {
                return fail(plan.check,
                            v0 ? QStringLiteral("Stripe-Signature carries only v0 signatures (Stripe's legacy test"
                                                " scheme) and no v1; the sender must send v1=")
                               : QStringLiteral("Stripe-Signature is malformed: no v1= signature"));
            }
            plan.headerSignatures = int(v1.size());
            for (int i = 0; i < v1.size(); ++i) {
                plan.candidates.append({"v1", v1.at(i), i + 1, {}});
            }
            plan.signedContent = [timestamp](QByteArrayView b) -> QByteArray {
                return timestamp + '.' + b;
            };
            plan.bareBodyNote = QStringLiteral("the signature covers the body alone, not TIMESTAMP.body");
            for (int i = 0; i < secrets.size(); ++i) {
                addRawSecret(plan, secrets.at(i), i + 1);
            }
            break;
        }
        case SignatureScheme::Slack: {
            plan.header = QByteArrayLiteral("X-Slack-Signature");
            const QByteArray value = Headers::value(headers, plan.header).trimmed();
            if (value.isNull()) {
                return fail(plan.check, missing(plan.header, headers));
            }
            const QByteArray timestamp = Headers::value(headers, "X-Slack-Request-Timestamp").trimmed();
            if (timestamp.isNull()) {
                return fail(plan.check, QStringLiteral("header X-Slack-Request-Timestamp missing"));
            }
            plan.timestamp = parseUnixSeconds(timestamp);
            if (!plan.timestamp) {
                return fail(plan.check,
                            QStringLiteral("X-Slack-Request-Timestamp %1 is not unix seconds").arg(quoted(timestamp)));
            }
            const qsizetype eq = value.indexOf('=');
            if (eq <= 0) {
                return fail(plan.check,
                            QStringLiteral("X-Slack-Signature is malformed: expected v0= followed by the hex HMAC"));
            }
            const QByteArray version = value.left(eq);
            if (version != "v0") {
                return fail(plan.check,
                            QStringLiteral("X-Slack-Signature is version %1, but Slack signatures are v0 (v0= HMAC of"
                                           " v0:TIMESTAMP:body)")
                                .arg(Headers::displayValue(version, 10)));
            }
            plan.candidates.append({"v0", value.mid(eq + 1), 1, {}});
            plan.signedContent = [timestamp](QByteArrayView b) -> QByteArray {
                return "v0:" + timestamp + ':' + b;
            };
            plan.bareBodyNote = QStringLiteral("the signature covers the body alone, not v0:TIMESTAMP:body");
            for (int i = 0; i < secrets.size(); ++i) {
                addRawSecret(plan, secrets.at(i), i + 1);
            }
            break;
        }
        case SignatureScheme::StandardWebhooks: {
            plan.header = QByteArrayLiteral("webhook-signature");
            plan.encoding = Encoding::Base64;
            for (const char* name : {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
                if (!Headers::contains(headers, name)) {
                    return fail(plan.check, missing(name, headers));
                }
            }
            const QByteArray id = Headers::value(headers, "webhook-id");
            const QByteArray timestamp = Headers::value(headers, "webhook-timestamp").trimmed();
            plan.timestamp = parseUnixSeconds(timestamp);
            if (!plan.timestamp) {
                return fail(plan.check,
                            QStringLiteral("webhook-timestamp %1 is not unix seconds").arg(quoted(timestamp)));
            }
            for (int i = 0; i < secrets.size(); ++i) {
                addStandardWebhooksSecret(plan, secrets.at(i), i + 1);
            }
            const QList<QByteArray> entries = Headers::value(headers, "webhook-signature").simplified().split(' ');
            QStringList unknownVersions;
            int position = 0;
            int v1 = 0;
            int v1a = 0;
            for (const QByteArray& entry : entries) {
                if (entry.isEmpty()) {
                    continue;
                }
                ++position;
                const qsizetype comma = entry.indexOf(',');
                if (comma <= 0) {
                    return fail(
                        plan.check,
                        QStringLiteral("webhook-signature is malformed: entry %1 is not VERSION,BASE64 (expected"
                                       " \"v1,...\", several separated by spaces)")
                            .arg(position));
                }
                const QByteArray version = entry.left(comma);
                if (version == "v1" || version == "v1a") {
                    (version == "v1" ? v1 : v1a)++;
                    plan.candidates.append({version, entry.mid(comma + 1), position, {}});
                } else {
                    unknownVersions.append(Headers::displayValue(version, 10));
                }
            }
            plan.headerSignatures = position;
            if (position == 0) {
                return fail(plan.check, QStringLiteral("header webhook-signature is empty"));
            }
            bool haveHmac = false;
            bool haveEd = false;
            for (const Key& key : std::as_const(plan.keys)) {
                (key.ed25519 ? haveEd : haveHmac) = true;
            }
            if (plan.candidates.isEmpty()) {
                return fail(plan.check,
                            QStringLiteral("webhook-signature carries only version %1 signatures, which HookBench does"
                                           " not know (expected v1 or v1a)")
                                .arg(unknownVersions.join(QStringLiteral(", "))));
            }
            if (!plan.keys.isEmpty() && v1 && !v1a && !haveHmac) {
                return fail(
                    plan.check,
                    QStringLiteral("webhook-signature carries only v1 (HMAC) signatures, but the configured keys"
                                   " are whpk_ (v1a, Ed25519) public keys: add the sender's whsec_ secret"));
            }
            if (!plan.keys.isEmpty() && v1a && !v1 && !haveEd) {
                return fail(plan.check,
                            QStringLiteral("webhook-signature carries only v1a (Ed25519) signatures, but the configured"
                                           " secrets are whsec_ (v1, HMAC) keys: add the sender's whpk_ public key"));
            }
            plan.signedContent = [id, timestamp](QByteArrayView b) -> QByteArray {
                return id + '.' + timestamp + '.' + b;
            };
            plan.bareBodyNote = QStringLiteral("the signature covers the body alone, not id.timestamp.body");
            break;
        }
    }
    return run(plan, body, nowUnix, options.toleranceSeconds);
}

QList<RecognisedSignature> recognise(const HeaderList& headers)
{
    QList<RecognisedSignature> found;
    QList<QByteArray> known;
    auto has = [&](const char* name) {
        known.append(QByteArray(name).toLower());
        return Headers::contains(headers, name);
    };

    if (has("webhook-signature")) {
        const QByteArray value = Headers::value(headers, "webhook-signature");
        known.append("webhook-id");
        known.append("webhook-timestamp");
        if (value.contains("v1a,")) {
            found.append({SignatureScheme::StandardWebhooks,
                          "webhook-signature",
                          QStringLiteral("looks like Standard Webhooks (webhook-signature v1a, Ed25519): add a"
                                         " standard-webhooks entry with the sender's whpk_ public key to verify it")});
        } else {
            found.append({SignatureScheme::StandardWebhooks,
                          "webhook-signature",
                          QStringLiteral("looks like Standard Webhooks (webhook-signature v1): add a"
                                         " standard-webhooks entry with its whsec_ secret to verify it")});
        }
    }
    if (has("Stripe-Signature")) {
        found.append({SignatureScheme::Stripe,
                      "Stripe-Signature",
                      QStringLiteral("looks like Stripe (Stripe-Signature t=...,v1=...): add a stripe entry with the"
                                     " endpoint's signing secret (whsec_..., used as it is) to verify it")});
    }
    if (has("X-Slack-Signature")) {
        known.append("x-slack-request-timestamp");
        found.append({SignatureScheme::Slack,
                      "X-Slack-Signature",
                      QStringLiteral("looks like Slack (X-Slack-Signature v0=...): add a slack entry with the app's"
                                     " signing secret to verify it")});
    }
    if (has("X-Hub-Signature-256")) {
        found.append({SignatureScheme::GitHub,
                      "X-Hub-Signature-256",
                      QStringLiteral("looks like GitHub (X-Hub-Signature-256 sha256=...): add a github entry with the"
                                     " webhook's secret to verify it")});
        known.append("x-hub-signature");
    } else if (has("X-Hub-Signature")) {
        found.append({std::nullopt,
                      "X-Hub-Signature",
                      QStringLiteral("looks like GitHub's legacy SHA-1 signature (X-Hub-Signature), which HookBench"
                                     " does not accept: have the sender add X-Hub-Signature-256")});
    }
    if (has("X-Shopify-Hmac-Sha256")) {
        found.append({SignatureScheme::Shopify,
                      "X-Shopify-Hmac-Sha256",
                      QStringLiteral("looks like Shopify (X-Shopify-Hmac-Sha256): add a shopify entry with the app's"
                                     " client secret to verify it")});
    }

    // Anything else named like a signature: a plain HMAC-SHA256 header, if its value has the shape.
    for (const auto& [name, rawValue] : headers) {
        const QByteArray lower = name.toLower();
        if (known.contains(lower) || !(lower.contains("signature") || lower.contains("hmac"))) {
            continue;
        }
        const QByteArray value = rawValue.trimmed();
        QByteArray prefix;
        QByteArray signature = value;
        const qsizetype cut = value.indexOf('=');
        if (cut > 0 && cut < 12 && cut + 1 < value.size()) {
            prefix = value.left(cut + 1);
            signature = value.mid(cut + 1);
        }
        QString encoding;
        if (decode(signature, Encoding::Hex, HmacSize)) {
            encoding = QStringLiteral("hex");
        } else if (decode(signature, Encoding::Base64, HmacSize)) {
            encoding = QStringLiteral("base64");
        } else if (decode(value, Encoding::Base64, HmacSize)) {
            prefix.clear();
            encoding = QStringLiteral("base64");
        } else {
            continue;
        }
        QString detail = QStringLiteral("looks like an HMAC-SHA256 signature in %1 (%2): add an hmac-sha256 entry with"
                                        " header %1, encoding %2")
                             .arg(QString::fromLatin1(name), encoding);
        if (!prefix.isEmpty()) {
            detail += QStringLiteral(", prefix \"%1\"").arg(QString::fromLatin1(prefix));
        }
        found.append({SignatureScheme::HmacSha256, name, detail + QStringLiteral(" and its secret to verify it")});
    }
    return found;
}

} // namespace SignatureVerifier

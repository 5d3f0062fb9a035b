#include "Signer.h"

#include "Crypto.h"

// Each scheme of docs/signatures.md is a few lines over Crypto: the work is in naming what is wrong
// with a secret in words the user can act on, without ever echoing the secret itself.

namespace {

QString field(int index, const char* name)
{
    return QStringLiteral("signatures[%1].%2").arg(index).arg(QLatin1String(name));
}

QByteArray unixSeconds(qint64 timestamp)
{
    return QByteArray::number(timestamp);
}

Result<QByteArray> decodeBase64Part(const QByteArray& encoded, int index, const char* prefix, const char* what)
{
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        return Error(QStringLiteral("the part after %1 is not valid base64; copy the %2 again exactly as issued")
                         .arg(QLatin1String(prefix), QLatin1String(what)),
                     field(index, "secret"));
    }
    return decoded.decoded;
}

Result<HeaderList>
standardWebhooks(const SignatureConfig& config, const QByteArray& secret, const SignatureInput& input, int index)
{
    const QString id = config.id.isEmpty() ? input.eventId : config.id;
    if (id.isEmpty()) {
        return Error(QStringLiteral("standard-webhooks needs a message id: set id here or give the event an id"),
                     field(index, "id"));
    }
    const QByteArray idBytes = id.toUtf8();
    if (auto valid = Headers::validate("webhook-id", idBytes, field(index, "id")); !valid) {
        return valid.error();
    }
    const QByteArray timestamp = unixSeconds(input.timestamp);

    QByteArray signature;
    if (secret.startsWith("whsec_")) {
        auto key = decodeBase64Part(secret.mid(6), index, "whsec_", "signing secret");
        if (!key) {
            return key.error();
        }
        signature = "v1," + Crypto::hmacSha256(key.value(), {idBytes, ".", timestamp, ".", input.body}).toBase64();
    } else if (secret.startsWith("whsk_")) {
        auto seed = decodeBase64Part(secret.mid(5), index, "whsk_", "Ed25519 secret key");
        if (!seed) {
            return seed.error();
        }
        QByteArray seedBytes = seed.value();
        // libsodium writes a secret key as seed || public key: accept it when the halves agree.
        if (seedBytes.size() == 64) {
            const auto derived = Crypto::ed25519PublicKey(QByteArrayView(seedBytes).first(32));
            if (derived && Crypto::constantTimeEquals(derived.value(), QByteArrayView(seedBytes).sliced(32))) {
                seedBytes.truncate(32);
            }
        }
        if (seedBytes.size() != 32) {
            return Error(QStringLiteral("the part after whsk_ decodes to %1 bytes, but an Ed25519 seed is 32 bytes"
                                        " (base64 of 32 bytes is 44 characters); check that the whole key was copied")
                             .arg(seedBytes.size()),
                         field(index, "secret"));
        }
        const QByteArray message = idBytes + '.' + timestamp + '.' + input.body;
        auto signed_ = Crypto::ed25519Sign(seedBytes, message);
        if (!signed_) {
            return Error(signed_.error().message, field(index, "secret"));
        }
        signature = "v1a," + signed_.value().toBase64();
    } else if (secret.startsWith("whpk_")) {
        return Error(QStringLiteral("this is an Ed25519 public key (whpk_), which can only verify; the sender needs"
                                    " the matching secret key, whsk_ followed by the base64 seed"),
                     field(index, "secret"));
    } else {
        return Error(QStringLiteral("a standard-webhooks secret starts with whsec_ (HMAC, v1 signatures) or whsk_"
                                    " (Ed25519 seed, v1a signatures) followed by base64; this one starts with"
                                    " neither. Prefix a base64 key with whsec_"),
                     field(index, "secret"));
    }
    return HeaderList {
        {QByteArrayLiteral("webhook-id"), idBytes},
        {QByteArrayLiteral("webhook-timestamp"), timestamp},
        {QByteArrayLiteral("webhook-signature"), signature},
    };
}

} // namespace

namespace Signer {

Result<HeaderList> sign(const SignatureConfig& config, const QByteArray& secret, const SignatureInput& input, int index)
{
    if (secret.isEmpty()) {
        return Error(QStringLiteral("the secret is empty; give the shared secret (or a reference such as env:NAME"
                                    " that resolves to it)"),
                     field(index, "secret"));
    }

    switch (config.scheme) {
        case SignatureScheme::HmacSha256: {
            const QByteArray header =
                config.header.isEmpty() ? QByteArrayLiteral("X-Webhook-Signature") : config.header.toLatin1();
            const QByteArray mac = Crypto::hmacSha256(secret, input.body);
            const QByteArray value =
                config.prefix.toUtf8()
                + (config.encoding == SignatureConfig::Encoding::Base64 ? mac.toBase64() : mac.toHex());
            if (auto valid = Headers::validate(header, {}, field(index, "header")); !valid) {
                return valid.error();
            }
            if (auto valid = Headers::validate(header, value, field(index, "prefix")); !valid) {
                return valid.error();
            }
            return HeaderList {{header, value}};
        }
        case SignatureScheme::GitHub:
            return HeaderList {
                {QByteArrayLiteral("X-Hub-Signature-256"), "sha256=" + Crypto::hmacSha256(secret, input.body).toHex()}};
        case SignatureScheme::Shopify:
            return HeaderList {
                {QByteArrayLiteral("X-Shopify-Hmac-Sha256"), Crypto::hmacSha256(secret, input.body).toBase64()}};
        case SignatureScheme::StandardWebhooks:
            return standardWebhooks(config, secret, input, index);
        case SignatureScheme::Stripe: {
            const QByteArray timestamp = unixSeconds(input.timestamp);
            const QByteArray mac = Crypto::hmacSha256(secret, {timestamp, ".", input.body});
            return HeaderList {{QByteArrayLiteral("Stripe-Signature"), "t=" + timestamp + ",v1=" + mac.toHex()}};
        }
        case SignatureScheme::Slack: {
            const QByteArray timestamp = unixSeconds(input.timestamp);
            const QByteArray mac = Crypto::hmacSha256(secret, {"v0:", timestamp, ":", input.body});
            return HeaderList {
                {QByteArrayLiteral("X-Slack-Request-Timestamp"), timestamp},
                {QByteArrayLiteral("X-Slack-Signature"), "v0=" + mac.toHex()},
            };
        }
    }
    return Error(QStringLiteral("unknown signature scheme"), field(index, "scheme"));
}

} // namespace Signer

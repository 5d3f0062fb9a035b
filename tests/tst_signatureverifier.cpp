#include "TestSupport.h"
#include "signing/Crypto.h"
#include "signing/SignatureVerifier.h"
#include "signing/Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The receiver's signature checks: published vectors verify, every scheme round-trips with the
// Signer, and every way a request can fail is explained in the detail a user reads.
namespace {

const QByteArray SwSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const QByteArray SwKey = QByteArray::fromBase64("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray Seed = QByteArray::fromBase64("VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=");
const QByteArray PublicKey = "whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=";
constexpr qint64 Now = 1614265330;

HeaderList sign(SignatureScheme scheme, const QByteArray& secret, const QByteArray& body, qint64 ts = Now)
{
    SignatureConfig config;
    config.scheme = scheme;
    auto headers = Signer::sign(config, secret, {body, QStringLiteral("msg_1"), ts});
    if (!headers) {
        qFatal("%s", qPrintable(headers.error().toString()));
    }
    return headers.value();
}

SignatureCheck check(SignatureScheme scheme,
                     const QList<QByteArray>& secrets,
                     const HeaderList& headers,
                     const QByteArray& body,
                     const SignatureVerifyOptions& options = {},
                     qint64 now = Now)
{
    return SignatureVerifier::verify(scheme, options, secrets, headers, body, now);
}

HeaderList standardHeaders(const QByteArray& signature, const QByteArray& ts = QByteArray::number(Now))
{
    return {{"webhook-id", "msg_1"}, {"webhook-timestamp", ts}, {"webhook-signature", signature}};
}

QByteArray swMac(const QByteArray& key, const QByteArray& body)
{
    return Crypto::hmacSha256(key, QByteArray("msg_1." + QByteArray::number(Now) + '.' + body));
}

} // namespace

#define VERIFY_DETAIL(result, part)                                                                                    \
    QVERIFY2((result).detail.contains(part), qPrintable(QStringLiteral("detail: ") + (result).detail))

class TestSignatureVerifier final : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectorsVerify()
    {
        const QByteArray json = TestSupport::readFile(TestSupport::dataDir() + QStringLiteral("/vectors.json"));
        QVERIFY2(!json.isEmpty(), "tests/data/vectors.json not found: is HOOKBENCH_SOURCE_DIR the checkout?");
        const QJsonArray vectors = QJsonDocument::fromJson(json).object().value(QStringLiteral("vectors")).toArray();
        QVERIFY(vectors.size() >= 4);
        for (const auto& item : vectors) {
            const QJsonObject v = item.toObject();
            const QString scheme = v.value(QStringLiteral("scheme")).toString();
            const QByteArray body = v.value(QStringLiteral("body")).toString().toUtf8();
            const QByteArray expected = v.value(QStringLiteral("expected")).toString().toLatin1();
            const QByteArray secret = v.value(QStringLiteral("secret")).toString().toUtf8();
            const qint64 ts = static_cast<qint64>(v.value(QStringLiteral("timestamp")).toDouble());
            const QByteArray id = v.value(QStringLiteral("id")).toString().toUtf8();
            const HeaderList swHeaders {
                {"webhook-id", id}, {"webhook-timestamp", QByteArray::number(ts)}, {"webhook-signature", expected}};
            SignatureCheck result;
            if (scheme == QLatin1String("hmac-sha256")) {
                result = check(SignatureScheme::HmacSha256, {secret}, {{"X-Webhook-Signature", expected}}, body);
            } else if (scheme == QLatin1String("github")) {
                result = check(SignatureScheme::GitHub, {secret}, {{"X-Hub-Signature-256", expected}}, body);
            } else if (scheme == QLatin1String("standard-webhooks")) {
                result = check(SignatureScheme::StandardWebhooks, {secret}, swHeaders, body, {}, ts);
            } else if (scheme == QLatin1String("standard-webhooks-v1a")) {
                const QByteArray key = "whpk_" + v.value(QStringLiteral("publicKeyBase64")).toString().toLatin1();
                result = check(SignatureScheme::StandardWebhooks, {key}, swHeaders, body, {}, ts);
                QCOMPARE(result.detail, QStringLiteral("v1a signature 1 of 1 matched"));
            } else {
                QFAIL(qPrintable(QStringLiteral("unknown scheme in vectors.json: ") + scheme));
            }
            QVERIFY2(result.ok, qPrintable(scheme + QStringLiteral(": ") + result.detail));
            // One changed byte of the body must fail every vector.
            QByteArray tampered = body;
            tampered[0] = static_cast<char>(tampered[0] ^ 0x20);
            if (scheme.startsWith(QLatin1String("standard-webhooks"))) {
                const QByteArray key = scheme.endsWith(QLatin1String("v1a"))
                                           ? "whpk_" + v.value(QStringLiteral("publicKeyBase64")).toString().toLatin1()
                                           : secret;
                QVERIFY(!check(SignatureScheme::StandardWebhooks, {key}, swHeaders, tampered, {}, ts).ok);
            }
        }
    }

    void roundTripEveryScheme_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("verifySecret");
        QTest::addColumn<QString>("label");
        QTest::newRow("hmac-sha256") << int(SignatureScheme::HmacSha256) << QByteArray("s3cret") << QByteArray("s3cret")
                                     << QStringLiteral("signature");
        QTest::newRow("github") << int(SignatureScheme::GitHub) << QByteArray("gh") << QByteArray("gh")
                                << QStringLiteral("sha256 signature");
        QTest::newRow("shopify") << int(SignatureScheme::Shopify) << QByteArray("shp") << QByteArray("shp")
                                 << QStringLiteral("signature");
        QTest::newRow("standard v1") << int(SignatureScheme::StandardWebhooks) << SwSecret << SwSecret
                                     << QStringLiteral("v1 signature");
        QTest::newRow("standard v1a") << int(SignatureScheme::StandardWebhooks) << "whsk_" + Seed.toBase64()
                                      << PublicKey << QStringLiteral("v1a signature");
        QTest::newRow("stripe") << int(SignatureScheme::Stripe) << QByteArray("whsec_stripe_is_raw")
                                << QByteArray("whsec_stripe_is_raw") << QStringLiteral("v1 signature");
        QTest::newRow("slack") << int(SignatureScheme::Slack) << QByteArray("8f742231b10e8888abcd99yyyzzz85a5")
                               << QByteArray("8f742231b10e8888abcd99yyyzzz85a5") << QStringLiteral("v0 signature");
    }

    void roundTripEveryScheme()
    {
        QFETCH(int, scheme);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, verifySecret);
        QFETCH(QString, label);
        const auto s = static_cast<SignatureScheme>(scheme);
        for (int round = 0; round < 10; ++round) {
            const QByteArray body = Crypto::randomBytes(round * 97);
            const HeaderList headers = sign(s, secret, body);
            // The current secret first, an old one second (rotation): the second matches.
            const QByteArray old =
                s == SignatureScheme::StandardWebhooks
                    ? (verifySecret.startsWith("whpk_") ? QByteArray("whpk_") + Crypto::randomBytes(32).toBase64()
                                                        : QByteArray("whsec_") + Crypto::randomBytes(24).toBase64())
                    : Crypto::randomBytes(20).toHex();
            const SignatureCheck result = check(s, {old, verifySecret}, headers, body);
            QVERIFY2(result.ok, qPrintable(result.detail));
            QCOMPARE(result.check, SignatureVerifier::checkName(s));
            QCOMPARE(result.detail, label + QStringLiteral(" 2 of 2 matched"));
            QVERIFY(!check(s, {old}, headers, body).ok);
            if (!body.isEmpty()) {
                QByteArray tampered = body;
                tampered[0] = static_cast<char>(tampered[0] ^ 1);
                QVERIFY(!check(s, {old, verifySecret}, headers, tampered).ok);
            }
        }
    }

    void headerMissingIsNamed()
    {
        const auto none = check(SignatureScheme::GitHub, {"s"}, {{"Content-Type", "application/json"}}, "{}");
        QVERIFY(!none.ok);
        QCOMPARE(none.detail, QStringLiteral("header X-Hub-Signature-256 missing"));

        // Signed with another scheme: the detail says what it looks like.
        const auto other = check(SignatureScheme::GitHub, {"s"}, standardHeaders("v1,abc"), "{}");
        VERIFY_DETAIL(other,
                      QStringLiteral("header X-Hub-Signature-256 missing; the request looks like Standard Webhooks"));

        HeaderList noId = standardHeaders("v1,abc");
        noId.removeFirst();
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {SwSecret}, noId, "{}"),
                      QStringLiteral("header webhook-id missing"));
        VERIFY_DETAIL(check(SignatureScheme::Slack, {"s"}, {{"X-Slack-Signature", "v0=00"}}, "{}"),
                      QStringLiteral("header X-Slack-Request-Timestamp missing"));
        VERIFY_DETAIL(check(SignatureScheme::GitHub, {"s"}, {{"X-Hub-Signature", "sha1=0000"}}, "{}"),
                      QStringLiteral("only the legacy X-Hub-Signature (SHA-1)"));
    }

    void malformedHeaders()
    {
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders("garbage"), "{}"),
                      QStringLiteral("webhook-signature is malformed: entry 1 is not VERSION,BASE64"));
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders("v1,x", "yesterday"), "{}"),
                      QStringLiteral("webhook-timestamp \"yesterday\" is not unix seconds"));
        VERIFY_DETAIL(check(SignatureScheme::Stripe, {"s"}, {{"Stripe-Signature", "t=abc,v1=00"}}, "{}"),
                      QStringLiteral("t=abc is not unix seconds"));
        VERIFY_DETAIL(check(SignatureScheme::Stripe, {"s"}, {{"Stripe-Signature", "v1=00"}}, "{}"),
                      QStringLiteral("no t= timestamp"));
        VERIFY_DETAIL(check(SignatureScheme::Stripe, {"s"}, {{"Stripe-Signature", "t=1,junk"}}, "{}"),
                      QStringLiteral("\"junk\" is not key=value"));
        VERIFY_DETAIL(check(SignatureScheme::Slack,
                            {"s"},
                            {{"X-Slack-Request-Timestamp", "1"}, {"X-Slack-Signature", "deadbeef"}},
                            "{}"),
                      QStringLiteral("X-Slack-Signature is malformed"));
    }

    void wrongSecretSaysAllWereTried()
    {
        const HeaderList headers = sign(SignatureScheme::StandardWebhooks, SwSecret, "{\"a\":1}");
        const QByteArray other1 = "whsec_" + Crypto::randomBytes(24).toBase64();
        const QByteArray other2 = "whsec_" + Crypto::randomBytes(24).toBase64();
        const QByteArray other3 = "whsec_" + Crypto::randomBytes(24).toBase64();
        const auto result = check(SignatureScheme::StandardWebhooks, {other1, other2, other3}, headers, "{\"a\":1}");
        QVERIFY(!result.ok);
        QCOMPARE(result.detail,
                 QStringLiteral("none of the 3 secrets match the signature in webhook-signature: wrong secret, or the"
                                " body was changed on the way"));

        const auto one = check(SignatureScheme::GitHub, {"nope"}, sign(SignatureScheme::GitHub, "s", "b"), "b");
        QVERIFY(!one.ok);
        VERIFY_DETAIL(one, QStringLiteral("the secret does not match the signature in X-Hub-Signature-256"));
    }

    void hexWhereBase64WasExpectedAndReverse()
    {
        const QByteArray body = "{\"event\":\"x\"}";
        const QByteArray mac = Crypto::hmacSha256(QByteArrayView("k"), body);
        SignatureVerifyOptions base64;
        base64.encoding = SignatureConfig::Encoding::Base64;
        const auto hexSent =
            check(SignatureScheme::HmacSha256, {"k"}, {{"X-Webhook-Signature", mac.toHex()}}, body, base64);
        QVERIFY(!hexSent.ok);
        VERIFY_DETAIL(hexSent, QStringLiteral("hex sent where base64 was expected"));
        VERIFY_DETAIL(hexSent, QStringLiteral("the signature matches secret 1 of 1"));

        const auto base64Sent =
            check(SignatureScheme::GitHub, {"k"}, {{"X-Hub-Signature-256", "sha256=" + mac.toBase64()}}, body);
        QVERIFY(!base64Sent.ok);
        VERIFY_DETAIL(base64Sent, QStringLiteral("base64 sent where hex was expected"));

        // Shopify is base64; hex from a wrong secret is still recognised by its shape.
        const auto shapeOnly =
            check(SignatureScheme::Shopify, {"other"}, {{"X-Shopify-Hmac-Sha256", mac.toHex()}}, body);
        VERIFY_DETAIL(shapeOnly, QStringLiteral("the signature looks hex-encoded where base64 was expected"));
    }

    void whsecKeyUsedRawOrDecoded()
    {
        const QByteArray body = "{\"a\":1}";
        // Sender HMACed with the whole "whsec_..." text as key.
        const QByteArray raw = "v1," + swMac(SwSecret, body).toBase64();
        const auto rawResult = check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders(raw), body);
        QVERIFY(!rawResult.ok);
        VERIFY_DETAIL(rawResult,
                      QStringLiteral("the sender used the whsec_ secret as raw text instead of base64-decoding the part"
                                     " after whsec_"));

        // Stripe uses its whsec_ secret as text; a sender that decoded it is caught.
        const QByteArray stripeSecret = "whsec_" + Crypto::randomBytes(24).toBase64();
        const QByteArray decodedKey = QByteArray::fromBase64(stripeSecret.mid(6));
        const QByteArray ts = QByteArray::number(Now);
        const HeaderList stripe {
            {"Stripe-Signature",
             "t=" + ts + ",v1=" + Crypto::hmacSha256(decodedKey, QByteArray(ts + '.' + body)).toHex()}};
        const auto decoded = check(SignatureScheme::Stripe, {stripeSecret}, stripe, body);
        QVERIFY(!decoded.ok);
        VERIFY_DETAIL(decoded,
                      QStringLiteral("the sender base64-decoded the secret, but stripe uses the secret's bytes"));
    }

    void bodyMatchesOnlyAfterReserialisation()
    {
        const QByteArray sent = "{\n  \"type\": \"x\",\n  \"id\": 1\n}";
        const auto signedAs = [&](const QByteArray& signedBody) {
            return check(SignatureScheme::StandardWebhooks,
                         {SwSecret},
                         standardHeaders("v1," + swMac(SwKey, signedBody).toBase64()),
                         sent);
        };
        const auto compact = signedAs("{\"type\":\"x\",\"id\":1}");
        QVERIFY(!compact.ok);
        VERIFY_DETAIL(compact,
                      QStringLiteral("body changed: the signature matches the body re-serialised as compact JSON"
                                     " (whitespace removed)"));
        const auto sorted = signedAs("{\"id\":1,\"type\":\"x\"}");
        QVERIFY(!sorted.ok);
        VERIFY_DETAIL(sorted, QStringLiteral("compact JSON with sorted keys"));
        const auto python = signedAs("{\"type\": \"x\", \"id\": 1}");
        VERIFY_DETAIL(python, QStringLiteral("Python's json.dumps default"));
        const auto newline = signedAs(sent + '\n');
        VERIFY_DETAIL(newline, QStringLiteral("with a trailing newline it did not send"));
    }

    void signatureOfAnotherVersion()
    {
        // Slack v1 instead of v0.
        VERIFY_DETAIL(check(SignatureScheme::Slack,
                            {"s"},
                            {{"X-Slack-Request-Timestamp", QByteArray::number(Now)}, {"X-Slack-Signature", "v1=abcd"}},
                            "{}"),
                      QStringLiteral("X-Slack-Signature is version v1, but Slack signatures are v0"));
        // Stripe with only v0 entries.
        VERIFY_DETAIL(check(SignatureScheme::Stripe, {"s"}, {{"Stripe-Signature", "t=1614265330,v0=abcd"}}, "{}"),
                      QStringLiteral("carries only v0 signatures"));
        // GitHub sha1 in the sha256 header.
        VERIFY_DETAIL(check(SignatureScheme::GitHub, {"s"}, {{"X-Hub-Signature-256", "sha1=abcd"}}, "{}"),
                      QStringLiteral("carries a sha1= signature"));
        // Standard Webhooks: v1a sent, only whsec_ configured; and the reverse.
        const HeaderList v1a = sign(SignatureScheme::StandardWebhooks, "whsk_" + Seed.toBase64(), "{}");
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {SwSecret}, v1a, "{}"),
                      QStringLiteral("carries only v1a (Ed25519) signatures, but the configured secrets are whsec_"));
        const HeaderList v1 = sign(SignatureScheme::StandardWebhooks, SwSecret, "{}");
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {PublicKey}, v1, "{}"),
                      QStringLiteral("carries only v1 (HMAC) signatures, but the configured keys are whpk_"));
        VERIFY_DETAIL(check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders("v2,abcd"), "{}"),
                      QStringLiteral("only version v2 signatures"));
    }

    void standardWebhooksSeveralSignatures()
    {
        const QByteArray body = "{\"a\":1}";
        const QByteArray good = "v1," + swMac(SwKey, body).toBase64();
        const QByteArray wrong = "v1," + Crypto::randomBytes(32).toBase64();
        const QByteArray ed = "v1a," + Crypto::randomBytes(64).toBase64();
        const auto result =
            check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders(wrong + ' ' + ed + ' ' + good), body);
        QVERIFY2(result.ok, qPrintable(result.detail));
        QCOMPARE(result.detail, QStringLiteral("v1 signature 1 of 1 matched (entry 3 of 3 in webhook-signature)"));

        const auto none = check(SignatureScheme::StandardWebhooks, {SwSecret}, standardHeaders(wrong + ' ' + ed), body);
        QVERIFY(!none.ok);
        VERIFY_DETAIL(none, QStringLiteral("the secret does not match any of its 2 signatures in webhook-signature"));
    }

    void stripeSeveralV1Entries()
    {
        const QByteArray body = "{}";
        const QByteArray ts = QByteArray::number(Now);
        const QByteArray good = Crypto::hmacSha256(QByteArrayView("sk"), QByteArray(ts + '.' + body)).toHex();
        const HeaderList headers {
            {"Stripe-Signature", "t=" + ts + ",v1=" + QByteArray(64, 'a') + ",v1=" + good + ",v0=00"}};
        const auto result = check(SignatureScheme::Stripe, {"old", "sk"}, headers, body);
        QVERIFY2(result.ok, qPrintable(result.detail));
        QCOMPARE(result.detail, QStringLiteral("v1 signature 2 of 2 matched (entry 2 of 2 in Stripe-Signature)"));
    }

    void timestampToleranceBothWays()
    {
        const QByteArray body = "{}";
        const HeaderList old = sign(SignatureScheme::StandardWebhooks, SwSecret, body, Now - 412);
        const auto tooOld = check(SignatureScheme::StandardWebhooks, {SwSecret}, old, body);
        QVERIFY(!tooOld.ok);
        QCOMPARE(tooOld.detail,
                 QStringLiteral("v1 signature 1 of 1 matched, but timestamp 412 s old, beyond the 300 s tolerance"));

        SignatureVerifyOptions tight;
        tight.toleranceSeconds = 10;
        const HeaderList ahead = sign(SignatureScheme::Slack, "s", body, Now + 30);
        const auto future = check(SignatureScheme::Slack, {"s"}, ahead, body, tight);
        QVERIFY(!future.ok);
        VERIFY_DETAIL(future, QStringLiteral("timestamp 30 s ahead of the clock, beyond the 10 s tolerance"));
        QVERIFY(check(SignatureScheme::Slack, {"s"}, ahead, body).ok); // within the default 300 s

        // A bad signature and a stale timestamp: both are said.
        const HeaderList stripe = sign(SignatureScheme::Stripe, "s", body, Now - 1000);
        const auto both = check(SignatureScheme::Stripe, {"x"}, stripe, body);
        VERIFY_DETAIL(both, QStringLiteral("the secret does not match"));
        VERIFY_DETAIL(both, QStringLiteral("; also timestamp 1000 s old"));
    }

    void bodySignedAlone()
    {
        const QByteArray body = "{}";
        const QByteArray ts = QByteArray::number(Now);
        const HeaderList headers {{"X-Slack-Request-Timestamp", ts},
                                  {"X-Slack-Signature", "v0=" + Crypto::hmacSha256(QByteArrayView("s"), body).toHex()}};
        VERIFY_DETAIL(check(SignatureScheme::Slack, {"s"}, headers, body),
                      QStringLiteral("the signature covers the body alone, not v0:TIMESTAMP:body"));
    }

    void prefixMismatch()
    {
        const QByteArray body = "b";
        const QByteArray hex = Crypto::hmacSha256(QByteArrayView("k"), body).toHex();
        SignatureVerifyOptions withPrefix;
        withPrefix.prefix = QStringLiteral("sha256=");
        VERIFY_DETAIL(check(SignatureScheme::HmacSha256, {"k"}, {{"X-Webhook-Signature", hex}}, body, withPrefix),
                      QStringLiteral("the value lacks the configured prefix \"sha256=\""));
        QVERIFY(
            check(SignatureScheme::HmacSha256, {"k"}, {{"X-Webhook-Signature", "sha256=" + hex}}, body, withPrefix).ok);
        VERIFY_DETAIL(check(SignatureScheme::HmacSha256, {"k"}, {{"X-Webhook-Signature", "sha256=" + hex}}, body),
                      QStringLiteral("starts with a prefix \"sha256=\" that is not configured"));
    }

    void unusableSecrets()
    {
        const HeaderList headers = sign(SignatureScheme::StandardWebhooks, SwSecret, "{}");
        const auto result =
            check(SignatureScheme::StandardWebhooks, {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, headers, "{}");
        QVERIFY(!result.ok);
        VERIFY_DETAIL(result,
                      QStringLiteral("no usable secret to verify with: secret 1: a standard-webhooks key starts"
                                     " with whsec_"));
        QVERIFY(!result.detail.contains(QStringLiteral("MfKQ9r8")));
        // One bad, one good: verifies, the good one is named.
        QCOMPARE(check(SignatureScheme::StandardWebhooks, {"whsec_!!", SwSecret}, headers, "{}").detail,
                 QStringLiteral("v1 signature 2 of 2 matched"));
        VERIFY_DETAIL(check(SignatureScheme::GitHub, {}, {}, "{}"), QStringLiteral("no secrets configured"));

        QVERIFY(SignatureVerifier::checkSecret(SignatureScheme::StandardWebhooks, SwSecret, {}).ok());
        QVERIFY(SignatureVerifier::checkSecret(SignatureScheme::StandardWebhooks, PublicKey, {}).ok());
        const auto bad = SignatureVerifier::checkSecret(SignatureScheme::StandardWebhooks,
                                                        "whpk_" + QByteArray(10, 'a').toBase64(),
                                                        QStringLiteral("verify.signatures[0].secrets[1]"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().path, QStringLiteral("verify.signatures[0].secrets[1]"));
        QVERIFY2(bad.error().message.contains(QStringLiteral("decodes to 10 bytes")), qPrintable(bad.error().message));
        QVERIFY(!SignatureVerifier::checkSecret(SignatureScheme::Stripe, {}, {}).ok());
    }

    void recogniseWithoutConfig()
    {
        auto first = [](const HeaderList& headers) {
            const auto found = SignatureVerifier::recognise(headers);
            return found.isEmpty() ? QString() : found.first().detail;
        };
        QCOMPARE(first(sign(SignatureScheme::StandardWebhooks, SwSecret, "{}")),
                 QStringLiteral("looks like Standard Webhooks (webhook-signature v1): add a standard-webhooks entry"
                                " with its whsec_ secret to verify it"));
        QVERIFY(first(sign(SignatureScheme::StandardWebhooks, "whsk_" + Seed.toBase64(), "{}"))
                    .contains(QStringLiteral("whpk_ public key")));
        QVERIFY(first(sign(SignatureScheme::Stripe, "s", "{}")).startsWith(QStringLiteral("looks like Stripe")));
        QVERIFY(first(sign(SignatureScheme::Slack, "s", "{}")).startsWith(QStringLiteral("looks like Slack")));
        QVERIFY(first(sign(SignatureScheme::GitHub, "s", "{}")).startsWith(QStringLiteral("looks like GitHub")));
        QVERIFY(first(sign(SignatureScheme::Shopify, "s", "{}")).startsWith(QStringLiteral("looks like Shopify")));

        const QByteArray mac = Crypto::hmacSha256(QByteArrayView("k"), QByteArrayView("b"));
        QCOMPARE(first({{"X-Covered-Signature-1", "sha256=" + mac.toHex()}}),
                 QStringLiteral("looks like an HMAC-SHA256 signature in X-Covered-Signature-1 (hex): add an hmac-sha256"
                                " entry with header X-Covered-Signature-1, encoding hex, prefix \"sha256=\" and its"
                                " secret to verify it"));
        QVERIFY(first({{"X-Acme-Hmac", mac.toBase64()}}).contains(QStringLiteral("encoding base64 and its secret")));
        const auto found = SignatureVerifier::recognise({{"X-Covered-Signature-1", mac.toHex()}});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().scheme, std::optional<SignatureScheme>(SignatureScheme::HmacSha256));
        QCOMPARE(found.first().header, QByteArray("X-Covered-Signature-1"));

        QVERIFY(
            SignatureVerifier::recognise({{"Content-Type", "application/json"}, {"X-Signature-Mode", "on"}}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignatureVerifier)
#include "tst_signatureverifier.moc"

#include "TestSupport.h"
#include "signing/Crypto.h"
#include "signing/Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

// Signer against the published vectors of tests/data/vectors.json and against an independent
// implementation: Python's hmac/hashlib/base64 and the cryptography package's Ed25519.
namespace {

// Reads JSON lines {scheme, secret (base64), body (base64), id, ts, encoding, prefix} and prints,
// for each, the header lines the scheme defines, computed only with Python's own modules.
const char* const PythonSigner = R"PY(
import base64, hashlib, hmac, json, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

def mac(key, msg):
    return hmac.new(key, msg, hashlib.sha256).digest()

out = []
for line in sys.stdin:
    c = json.loads(line)
    secret = base64.b64decode(c["secret"])
    body = base64.b64decode(c["body"])
    ts = str(c["ts"]).encode()
    s = c["scheme"]
    if s == "hmac-sha256":
        d = mac(secret, body)
        enc = base64.b64encode(d) if c["encoding"] == "base64" else d.hex().encode()
        h = [["X-Webhook-Signature", c["prefix"].encode() + enc]]
    elif s == "github":
        h = [["X-Hub-Signature-256", b"sha256=" + mac(secret, body).hex().encode()]]
    elif s == "shopify":
        h = [["X-Shopify-Hmac-Sha256", base64.b64encode(mac(secret, body))]]
    elif s == "stripe":
        h = [["Stripe-Signature", b"t=" + ts + b",v1=" + mac(secret, ts + b"." + body).hex().encode()]]
    elif s == "slack":
        h = [["X-Slack-Request-Timestamp", ts],
             ["X-Slack-Signature", b"v0=" + mac(secret, b"v0:" + ts + b":" + body).hex().encode()]]
    elif s == "standard-webhooks":
        msg = c["id"].encode() + b"." + ts + b"." + body
        if secret.startswith(b"whsec_"):
            sig = b"v1," + base64.b64encode(mac(base64.b64decode(secret[6:]), msg))
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret[5:]))
            sig = b"v1a," + base64.b64encode(key.sign(msg))
        h = [["webhook-id", c["id"].encode()], ["webhook-timestamp", ts], ["webhook-signature", sig]]
    out.append([[n, v.decode()] for n, v in h])
print(json.dumps(out))
)PY";

struct Case
{
    SignatureConfig config;
    QByteArray secret;
    QByteArray body;
    QString id;
    qint64 timestamp = 0;
};

QString schemeText(SignatureScheme scheme)
{
    switch (scheme) {
        case SignatureScheme::HmacSha256:
            return QStringLiteral("hmac-sha256");
        case SignatureScheme::GitHub:
            return QStringLiteral("github");
        case SignatureScheme::Shopify:
            return QStringLiteral("shopify");
        case SignatureScheme::StandardWebhooks:
            return QStringLiteral("standard-webhooks");
        case SignatureScheme::Stripe:
            return QStringLiteral("stripe");
        case SignatureScheme::Slack:
            return QStringLiteral("slack");
    }
    return {};
}

QByteArray randomBytes(int minLength, int maxLength)
{
    const int length = QRandomGenerator::global()->bounded(minLength, maxLength + 1);
    return Crypto::randomBytes(length);
}

QJsonObject vectorsFile()
{
    const QString path = TestSupport::dataDir() + QStringLiteral("/vectors.json");
    const QByteArray json = TestSupport::readFile(path);
    if (json.isEmpty()) {
        qFatal("cannot read %s (tests/data/vectors.json in the checkout)", qPrintable(path));
    }
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestSigner final : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectors()
    {
        const QJsonArray vectors = vectorsFile().value(QStringLiteral("vectors")).toArray();
        QVERIFY(vectors.size() >= 4);
        int checked = 0;
        for (const auto& item : vectors) {
            const QJsonObject v = item.toObject();
            const QString scheme = v.value(QStringLiteral("scheme")).toString();
            SignatureConfig config;
            QByteArray secret = v.value(QStringLiteral("secret")).toString().toUtf8();
            QByteArray header;
            if (scheme == QLatin1String("hmac-sha256")) {
                config.scheme = SignatureScheme::HmacSha256;
                header = "X-Webhook-Signature";
            } else if (scheme == QLatin1String("github")) {
                config.scheme = SignatureScheme::GitHub;
                header = "X-Hub-Signature-256";
            } else if (scheme == QLatin1String("standard-webhooks")) {
                config.scheme = SignatureScheme::StandardWebhooks;
                header = "webhook-signature";
            } else if (scheme == QLatin1String("standard-webhooks-v1a")) {
                config.scheme = SignatureScheme::StandardWebhooks;
                secret = "whsk_" + v.value(QStringLiteral("secretSeedBase64")).toString().toLatin1();
                header = "webhook-signature";
                const QByteArray seed =
                    QByteArray::fromBase64(v.value(QStringLiteral("secretSeedBase64")).toString().toLatin1());
                const auto publicKey = Crypto::ed25519PublicKey(seed);
                QVERIFY(publicKey.ok());
                QCOMPARE(publicKey.value().toBase64(),
                         v.value(QStringLiteral("publicKeyBase64")).toString().toLatin1());
            } else {
                QFAIL(qPrintable(QStringLiteral("vectors.json has a scheme this test does not know: ") + scheme));
            }
            const QByteArray body = v.value(QStringLiteral("body")).toString().toUtf8();
            const SignatureInput input {body,
                                        v.value(QStringLiteral("id")).toString(),
                                        static_cast<qint64>(v.value(QStringLiteral("timestamp")).toDouble())};
            const auto headers = Signer::sign(config, secret, input);
            QVERIFY2(headers.ok(), qPrintable(headers.error().toString()));
            QCOMPARE(Headers::value(headers.value(), header),
                     v.value(QStringLiteral("expected")).toString().toLatin1());
            if (config.scheme == SignatureScheme::StandardWebhooks) {
                QCOMPARE(Headers::value(headers.value(), "webhook-id"), input.eventId.toUtf8());
                QCOMPARE(Headers::value(headers.value(), "webhook-timestamp"), QByteArray::number(input.timestamp));
            }
            ++checked;
        }
        QCOMPARE(checked, vectors.size());
    }

    void headerNamesAndDefaults()
    {
        SignatureConfig config;
        config.scheme = SignatureScheme::HmacSha256;
        config.header = QStringLiteral("X-Covered-Signature-1");
        config.encoding = SignatureConfig::Encoding::Base64;
        config.prefix = QStringLiteral("sha256=");
        const auto headers = Signer::sign(config, "Open Sesame", {"Hello, from Covered!", {}, 0});
        QVERIFY(headers.ok());
        QCOMPARE(headers->size(), 1);
        QCOMPARE(headers->at(0).first, QByteArray("X-Covered-Signature-1"));
        QCOMPARE(
            headers->at(0).second,
            "sha256="
                + QByteArray::fromHex("c5bd4c4eab749a037897b3df74f407e095bef784d65c5077252c31525af6d481").toBase64());

        // standard-webhooks: config.id wins over the event id; headers in the documented order.
        SignatureConfig sw;
        sw.scheme = SignatureScheme::StandardWebhooks;
        sw.id = QStringLiteral("msg_fixed");
        const auto swHeaders =
            Signer::sign(sw, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", {"{}", QStringLiteral("evt_1"), 5});
        QVERIFY(swHeaders.ok());
        QCOMPARE(swHeaders->size(), 3);
        QCOMPARE(swHeaders->at(0), qMakePair(QByteArray("webhook-id"), QByteArray("msg_fixed")));
        QCOMPARE(swHeaders->at(1), qMakePair(QByteArray("webhook-timestamp"), QByteArray("5")));
        QCOMPARE(swHeaders->at(2).first, QByteArray("webhook-signature"));

        // Slack: timestamp header first, then the signature.
        SignatureConfig slack;
        slack.scheme = SignatureScheme::Slack;
        const auto slackHeaders = Signer::sign(slack, "s", {"b", {}, 1700000000});
        QVERIFY(slackHeaders.ok());
        QCOMPARE(slackHeaders->at(0), qMakePair(QByteArray("X-Slack-Request-Timestamp"), QByteArray("1700000000")));
        QVERIFY(slackHeaders->at(1).second.startsWith("v0="));
        QCOMPARE(slackHeaders->at(1).second.size(), 3 + 64);
    }

    void libsodiumSecretKeyFormIsAccepted()
    {
        // seed || public key (libsodium's 64-byte secret key) signs like the seed alone.
        const QByteArray seed = QByteArray::fromBase64("VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=");
        const QByteArray full = seed + Crypto::ed25519PublicKey(seed).value();
        SignatureConfig config;
        config.scheme = SignatureScheme::StandardWebhooks;
        const SignatureInput input {"{}", QStringLiteral("msg_1"), 1};
        const auto a = Signer::sign(config, "whsk_" + seed.toBase64(), input);
        const auto b = Signer::sign(config, "whsk_" + full.toBase64(), input);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value(), b.value());
    }

    void matchesIndependentImplementation()
    {
        QList<Case> cases;
        const QList<SignatureScheme> schemes {SignatureScheme::HmacSha256,
                                              SignatureScheme::GitHub,
                                              SignatureScheme::Shopify,
                                              SignatureScheme::StandardWebhooks,
                                              SignatureScheme::Stripe,
                                              SignatureScheme::Slack};
        auto* rng = QRandomGenerator::global();
        for (int round = 0; round < 25; ++round) {
            for (SignatureScheme scheme : schemes) {
                Case c;
                c.config.scheme = scheme;
                c.body = randomBytes(0, 3000);
                c.timestamp = rng->bounded(1000000000, 2000000000);
                c.id = QStringLiteral("msg_")
                       + QString::fromLatin1(Crypto::randomBytes(9).toBase64(QByteArray::Base64UrlEncoding
                                                                             | QByteArray::OmitTrailingEquals));
                c.secret = randomBytes(1, 100);
                if (scheme == SignatureScheme::HmacSha256) {
                    c.config.encoding = round % 2 ? SignatureConfig::Encoding::Base64 : SignatureConfig::Encoding::Hex;
                    c.config.prefix = round % 3 ? QStringLiteral("sha256=") : QString();
                } else if (scheme == SignatureScheme::StandardWebhooks) {
                    c.secret = round % 2 ? QByteArray("whsk_" + Crypto::randomBytes(32).toBase64())
                                         : QByteArray("whsec_" + randomBytes(16, 64).toBase64());
                }
                cases.append(c);
            }
        }

        QByteArray input;
        for (const Case& c : cases) {
            const QJsonObject line {
                {QStringLiteral("scheme"), schemeText(c.config.scheme)},
                {QStringLiteral("secret"), QString::fromLatin1(c.secret.toBase64())},
                {QStringLiteral("body"), QString::fromLatin1(c.body.toBase64())},
                {QStringLiteral("id"), c.id},
                {QStringLiteral("ts"), c.timestamp},
                {QStringLiteral("encoding"),
                 c.config.encoding == SignatureConfig::Encoding::Base64 ? QStringLiteral("base64")
                                                                        : QStringLiteral("hex")},
                {QStringLiteral("prefix"), c.config.prefix},
            };
            input += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        }

        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(PythonSigner)});
        QVERIFY2(python.waitForStarted(), "the independent implementation needs /usr/bin/python3");
        python.write(input);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonArray expected = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        QCOMPARE(expected.size(), cases.size());

        for (int i = 0; i < cases.size(); ++i) {
            const Case& c = cases.at(i);
            const auto headers = Signer::sign(c.config, c.secret, {c.body, c.id, c.timestamp}, i);
            QVERIFY2(headers.ok(), qPrintable(headers.error().toString()));
            const QJsonArray want = expected.at(i).toArray();
            QCOMPARE(headers->size(), want.size());
            for (int h = 0; h < want.size(); ++h) {
                const QJsonArray pair = want.at(h).toArray();
                QCOMPARE(QString::fromLatin1(headers->at(h).first), pair.at(0).toString());
                QCOMPARE(QString::fromLatin1(headers->at(h).second), pair.at(1).toString());
            }
        }
    }

    void errors_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");

        const int hmac = static_cast<int>(SignatureScheme::HmacSha256);
        const int sw = static_cast<int>(SignatureScheme::StandardWebhooks);
        const QString secretPath = QStringLiteral("signatures[3].secret");
        QTest::newRow("empty secret") << static_cast<int>(SignatureScheme::GitHub) << QByteArray() << QString()
                                      << QString() << QString() << secretPath << QStringLiteral("secret is empty");
        QTest::newRow("sw without prefix")
            << sw << QByteArray("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") << QString() << QString() << QString() << secretPath
            << QStringLiteral("starts with whsec_ (HMAC, v1 signatures) or whsk_");
        QTest::newRow("sw invalid base64")
            << sw << QByteArray("whsec_not*base64!") << QString() << QString() << QString() << secretPath
            << QStringLiteral("the part after whsec_ is not valid base64");
        QTest::newRow("sw empty key") << sw << QByteArray("whsec_") << QString() << QString() << QString() << secretPath
                                      << QStringLiteral("not valid base64");
        QTest::newRow("whsk wrong length")
            << sw << QByteArray("whsk_") + QByteArray(20, 'k').toBase64() << QString() << QString() << QString()
            << secretPath << QStringLiteral("decodes to 20 bytes, but an Ed25519 seed is 32 bytes");
        QTest::newRow("whsk 64 bytes not seed+pub")
            << sw << QByteArray("whsk_") + QByteArray(64, 'k').toBase64() << QString() << QString() << QString()
            << secretPath << QStringLiteral("decodes to 64 bytes");
        QTest::newRow("public key given")
            << sw << QByteArray("whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=") << QString() << QString()
            << QString() << secretPath << QStringLiteral("public key (whpk_)");
        QTest::newRow("sw id with newline")
            << sw << QByteArray("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") << QStringLiteral("a\nb") << QString()
            << QString() << QStringLiteral("signatures[3].id") << QStringLiteral("line break");
        QTest::newRow("hmac bad header") << hmac << QByteArray("s") << QString() << QStringLiteral("X Sig") << QString()
                                         << QStringLiteral("signatures[3].header")
                                         << QStringLiteral("not allowed in a header name");
        QTest::newRow("hmac prefix with CR")
            << hmac << QByteArray("s") << QString() << QString() << QStringLiteral("x\r\nX-Evil: 1")
            << QStringLiteral("signatures[3].prefix") << QStringLiteral("line break");
    }

    void errors()
    {
        QFETCH(int, scheme);
        QFETCH(QByteArray, secret);
        QFETCH(QString, id);
        QFETCH(QString, header);
        QFETCH(QString, prefix);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);

        SignatureConfig config;
        config.scheme = static_cast<SignatureScheme>(scheme);
        config.id = id;
        config.header = header;
        config.prefix = prefix;
        const auto result = Signer::sign(config, secret, {"{}", QStringLiteral("evt_1"), 1}, 3);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().path, path);
        QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
        // Never echo the secret itself.
        if (secret.size() > 6) {
            QVERIFY(!result.error().message.contains(QString::fromLatin1(secret.mid(6))));
        }
    }

    void standardWebhooksNeedsAnId()
    {
        SignatureConfig config;
        config.scheme = SignatureScheme::StandardWebhooks;
        const auto result = Signer::sign(config, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", {"{}", {}, 1}, 0);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().path, QStringLiteral("signatures[0].id"));
        QVERIFY(result.error().message.contains(QStringLiteral("needs a message id")));
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"

#include "JoseTestSupport.h"
#include "jose/JoseKey.h"
#include "jose/Jws.h"
#include "signing/Crypto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// Compact JWS against RFC 7515 Appendix A, against python3-jwcrypto in both directions, and
// against the attacks a verifier must refuse.
using JoseTestSupport::b64u;
using JoseTestSupport::jwcrypto;
using JoseTestSupport::unb64u;

namespace {

// RFC 7515 Appendix A.1: the HMAC key, and the token the appendix prints.
const auto A1Key =
    QByteArrayLiteral("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
const auto A1Token =
    QByteArrayLiteral("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
                      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
                      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const auto A1Payload = QByteArrayLiteral("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n"
                                         " \"http://example.com/is_root\":true}");

// RFC 7515 Appendix A.2: the RSA key (n, e, d) and the RS256 token (PKCS#1 v1.5 is deterministic).
QJsonObject a2Jwk()
{
    return {
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("n"),
         QStringLiteral(
             "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4"
             "QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBY"
             "UsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmo"
             "udF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ")},
        {QStringLiteral("e"), QStringLiteral("AQAB")},
        {QStringLiteral("d"),
         QStringLiteral(
             "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoA"
             "Je46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI"
             "9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pI"
             "uhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ")},
    };
}
const auto A2Token = QByteArrayLiteral(
    "eyJhbGciOiJSUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1d"
    "nZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDw"
    "usC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77R"
    "w");

// A token with the given header bytes and payload, HMAC-signed with `secret` (for the attacks that
// need a header JoseKey/Jws would never write).
QByteArray hmacToken(const QByteArray& headerJson, const QByteArray& payload, const QByteArray& secret)
{
    const QByteArray input = b64u(headerJson) + '.' + b64u(payload);
    return input + '.' + b64u(Crypto::hmacSha256(secret, input));
}

} // namespace

class TestJws final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rfc7515A1Hs256();
    void rfc7515A2Rs256();

    void roundTrip_data();
    void roundTrip();
    void es256SignatureIsRawRAndS();
    void jwcryptoVerifiesOurs_data();
    void jwcryptoVerifiesOurs();
    void weVerifyJwcrypto_data();
    void weVerifyJwcrypto();

    void refusesAlgNone();
    void refusesHmacWithRsaPublicKeyAsSecret();
    void refusesUnknownCrit();
    void refusesDuplicateHeaderNames_data();
    void refusesDuplicateHeaderNames();
    void refusesMalformedBase64Url_data();
    void refusesMalformedBase64Url();
    void refusesWrongSignatureLength();
    void refusesTamperedPayload();
    void refusesWrongKey();
    void keyTypeMustFitAlgorithmWhenSigning();
    void choosesKeyByKid();
    void allowedAlgsNarrowTheKeyAllowlist();

private:
    JoseKey privateKey(const QString& alg) const;
    JoseKey publicKey(const QString& alg) const;

    JoseKey m_secret;
    JoseKey m_rsa;
    JoseKey m_ec;
    JoseKey m_ed;
};

void TestJws::initTestCase()
{
    m_secret = JoseKey::fromSecret(Crypto::randomBytes(32));
    JoseTestSupport::generateKeys(
        {{&m_rsa, JoseKey::Type::Rsa}, {&m_ec, JoseKey::Type::EcP256}, {&m_ed, JoseKey::Type::Ed25519}});
}

JoseKey TestJws::privateKey(const QString& alg) const
{
    if (alg == QLatin1String("HS256")) {
        return m_secret;
    }
    if (alg == QLatin1String("ES256")) {
        return m_ec;
    }
    if (alg == QLatin1String("EdDSA")) {
        return m_ed;
    }
    return m_rsa;
}

// The public half, read back from PEM the way a receiver gets it.
JoseKey TestJws::publicKey(const QString& alg) const
{
    const JoseKey key = privateKey(alg);
    if (key.type() == JoseKey::Type::Secret) {
        return key;
    }
    auto pub = JoseKey::fromPem(key.publicPem());
    return pub ? pub.value() : JoseKey();
}

void TestJws::rfc7515A1Hs256()
{
    auto key = JoseKey::fromJwk(
        {{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QString::fromLatin1(A1Key)}});
    QVERIFY2(key, qPrintable(key.error().message));
    auto verified = Jws::verifyCompact(A1Token, {key.value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->payload, A1Payload);
    QCOMPARE(verified->header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    // Signing the appendix's signing input gives the appendix's signature.
    const QList<QByteArray> parts = A1Token.split('.');
    auto signature = Jws::sign(QStringLiteral("HS256"), QByteArray(parts.at(0) + '.' + parts.at(1)), key.value());
    QVERIFY(signature);
    QCOMPARE(b64u(signature.value()), parts.at(2));
}

void TestJws::rfc7515A2Rs256()
{
    auto key = JoseKey::fromJwk(a2Jwk());
    QVERIFY2(key, qPrintable(key.error().message));
    QVERIFY(key->hasPrivateKey());
    const QList<QByteArray> parts = A2Token.split('.');
    auto signature = Jws::sign(QStringLiteral("RS256"), QByteArray(parts.at(0) + '.' + parts.at(1)), key.value());
    QVERIFY2(signature, qPrintable(signature.error().message));
    QCOMPARE(b64u(signature.value()), parts.at(2));

    auto pub = JoseKey::fromJwk(key->toPublicJwk());
    QVERIFY(pub && !pub->hasPrivateKey());
    auto verified = Jws::verifyCompact(A2Token, {pub.value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->payload, A1Payload);
}

void TestJws::roundTrip_data()
{
    QTest::addColumn<QString>("alg");
    for (const char* alg : {"HS256", "RS256", "PS256", "ES256", "EdDSA"}) {
        QTest::newRow(alg) << QString::fromLatin1(alg);
    }
}

void TestJws::roundTrip()
{
    QFETCH(QString, alg);
    const QByteArray payload = QByteArrayLiteral("{\"id\":\"evt_1\",\"data\":{\"n\":\"\\u00e9\"}}");
    const QJsonObject header {{QStringLiteral("alg"), alg},
                              {QStringLiteral("typ"), QStringLiteral("JWT")},
                              {QStringLiteral("kid"), QStringLiteral("k1")}};
    auto token = Jws::signCompact(header, payload, privateKey(alg));
    QVERIFY2(token, qPrintable(token.error().message));
    QCOMPARE(token->count('.'), 2);

    auto verified = Jws::verifyCompact(token.value(), {publicKey(alg)});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->payload, payload);
    QCOMPARE(verified->alg, alg);
    QCOMPARE(verified->header.value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
    QCOMPARE(verified->keyIndex, 0);
}

void TestJws::es256SignatureIsRawRAndS()
{
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("ES256")}}, "x", m_ec);
    QVERIFY(token);
    const QByteArray signature = unb64u(token->split('.').at(2));
    QCOMPARE(signature.size(), 64); // R || S, never DER (which starts with 0x30 and is 70-72 bytes)
}

void TestJws::jwcryptoVerifiesOurs_data()
{
    roundTrip_data();
}

void TestJws::jwcryptoVerifiesOurs()
{
    QFETCH(QString, alg);
    const QByteArray payload = QByteArrayLiteral("{\"id\":\"evt_interop\",\"type\":\"policy.bound\"}");
    auto token = Jws::signCompact(
        {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}}, payload, privateKey(alg));
    QVERIFY(token);
    QJsonObject request {{QStringLiteral("token"), QString::fromLatin1(token.value())}, {QStringLiteral("alg"), alg}};
    const JoseKey key = privateKey(alg);
    if (key.type() == JoseKey::Type::Secret) {
        request.insert(QStringLiteral("secret"), QString::fromLatin1(b64u(key.secret())));
    } else {
        request.insert(QStringLiteral("pem"), QString::fromLatin1(key.publicPem()));
    }
    const QJsonObject answer = jwcrypto(QStringLiteral("verify-jws"), request);
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
    QCOMPARE(unb64u(answer.value(QStringLiteral("payload")).toString().toLatin1()), payload);

    // And jwcrypto refuses it once one byte of the payload changed: the check above can fail.
    QByteArray tampered = token.value();
    const qsizetype dot = tampered.indexOf('.');
    tampered[dot + 2] = tampered[dot + 2] == 'A' ? 'B' : 'A';
    request.insert(QStringLiteral("token"), QString::fromLatin1(tampered));
    QVERIFY(jwcrypto(QStringLiteral("verify-jws"), request).contains(QStringLiteral("error")));
}

void TestJws::weVerifyJwcrypto_data()
{
    roundTrip_data();
}

void TestJws::weVerifyJwcrypto()
{
    QFETCH(QString, alg);
    const QByteArray payload = QByteArrayLiteral("{\"sub\":\"from jwcrypto\"}");
    QJsonObject request {{QStringLiteral("alg"), alg},
                         {QStringLiteral("payload"), QString::fromLatin1(b64u(payload))},
                         {QStringLiteral("header"), QJsonObject {{QStringLiteral("kid"), QStringLiteral("py")}}}};
    const JoseKey key = privateKey(alg);
    if (key.type() == JoseKey::Type::Secret) {
        request.insert(QStringLiteral("secret"), QString::fromLatin1(b64u(key.secret())));
    } else {
        request.insert(QStringLiteral("pem"), QString::fromLatin1(key.privatePem()));
    }
    const QJsonObject answer = jwcrypto(QStringLiteral("sign-jws"), request);
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
    const QByteArray token = answer.value(QStringLiteral("token")).toString().toLatin1();

    auto verified = Jws::verifyCompact(token, {publicKey(alg)});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->payload, payload);
    QCOMPARE(verified->header.value(QStringLiteral("kid")).toString(), QStringLiteral("py"));
}

void TestJws::refusesAlgNone()
{
    const QByteArray token = b64u("{\"alg\":\"none\"}") + '.' + b64u("{\"admin\":true}") + '.';
    auto verified = Jws::verifyCompact(token, {m_secret, publicKey(QStringLiteral("RS256"))});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("\"none\"")), qPrintable(verified.error().message));
}

void TestJws::refusesHmacWithRsaPublicKeyAsSecret()
{
    // The classic confusion: the attacker HMACs with the public key PEM the receiver holds.
    const JoseKey rsaPublic = publicKey(QStringLiteral("RS256"));
    const QByteArray token =
        hmacToken("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"admin\":true}", rsaPublic.publicPem());
    auto verified = Jws::verifyCompact(token, {rsaPublic});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("HS256"))
                 && verified.error().message.contains(QLatin1String("RSA key")),
             qPrintable(verified.error().message));
    // Nor does the low-level check accept it.
    QVERIFY(!Jws::verifySignature(QStringLiteral("HS256"), "a.b", QByteArray(32, 'x'), rsaPublic));
}

void TestJws::refusesUnknownCrit()
{
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
                              {QStringLiteral("crit"), QJsonArray {QStringLiteral("exp")}},
                              {QStringLiteral("exp"), 1}};
    auto token = Jws::signCompact(header, "{}", m_secret);
    QVERIFY(token);
    auto verified = Jws::verifyCompact(token.value(), {m_secret});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("crit")), qPrintable(verified.error().message));
}

void TestJws::refusesDuplicateHeaderNames_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("plain") << QByteArrayLiteral("{\"alg\":\"HS256\",\"kid\":\"a\",\"kid\":\"b\"}");
    QTest::newRow("escaped") << QByteArrayLiteral("{\"alg\":\"HS256\",\"\\u0061lg\":\"HS256\"}");
    QTest::newRow("alg twice") << QByteArrayLiteral("{\"alg\":\"none\", \"alg\" : \"HS256\"}");
}

void TestJws::refusesDuplicateHeaderNames()
{
    QFETCH(QByteArray, header);
    const QByteArray token = hmacToken(header, "{}", m_secret.secret());
    auto verified = Jws::verifyCompact(token, {m_secret});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("twice")), qPrintable(verified.error().message));
}

void TestJws::refusesMalformedBase64Url_data()
{
    QTest::addColumn<int>("part");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QString>("expected");
    QTest::newRow("padding") << 2 << QByteArrayLiteral("=") << QStringLiteral("base64url");
    QTest::newRow("plus") << 1 << QByteArrayLiteral("+") << QStringLiteral("base64url");
    QTest::newRow("space") << 0 << QByteArrayLiteral(" ") << QStringLiteral("base64url");
    QTest::newRow("stray bits") << 2 << QByteArrayLiteral("") << QStringLiteral("canonical");
}

void TestJws::refusesMalformedBase64Url()
{
    QFETCH(int, part);
    QFETCH(QByteArray, replacement);
    QFETCH(QString, expected);
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("HS256")}}, "{\"a\":1}", m_secret);
    QVERIFY(token);
    QList<QByteArray> parts = token->split('.');
    if (replacement.isEmpty()) {
        // 32 bytes take 43 characters; the last holds 2 unused bits: set one.
        QByteArray& signature = parts[part];
        const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const int value = int(alphabet.indexOf(signature.back()));
        signature.back() = alphabet.at(value ^ 1);
    } else {
        parts[part].insert(1, replacement);
    }
    auto verified = Jws::verifyCompact(parts.join('.'), {m_secret});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(expected), qPrintable(verified.error().message));
}

void TestJws::refusesWrongSignatureLength()
{
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("ES256")}}, "{}", m_ec);
    QVERIFY(token);
    QList<QByteArray> parts = token->split('.');
    parts[2] = b64u(unb64u(parts.at(2)).left(63));
    auto verified = Jws::verifyCompact(parts.join('.'), {publicKey(QStringLiteral("ES256"))});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("63 bytes")), qPrintable(verified.error().message));
}

void TestJws::refusesTamperedPayload()
{
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("EdDSA")}}, "{\"amount\":1}", m_ed);
    QVERIFY(token);
    QList<QByteArray> parts = token->split('.');
    parts[1] = b64u("{\"amount\":9}");
    auto verified = Jws::verifyCompact(parts.join('.'), {publicKey(QStringLiteral("EdDSA"))});
    QVERIFY(!verified);
    QVERIFY2(verified.error().message.contains(QLatin1String("does not match")), qPrintable(verified.error().message));
}

void TestJws::refusesWrongKey()
{
    auto other = JoseKey::generate(JoseKey::Type::Rsa, 2048);
    QVERIFY(other);
    for (const char* alg : {"RS256", "PS256"}) {
        auto token = Jws::signCompact({{QStringLiteral("alg"), QLatin1String(alg)}}, "{}", other.value());
        QVERIFY(token);
        auto verified = Jws::verifyCompact(token.value(), {publicKey(QStringLiteral("RS256"))});
        QVERIFY(!verified);
        QVERIFY2(verified.error().message.contains(QLatin1String("does not match")),
                 qPrintable(verified.error().message));
    }
    auto token =
        Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("HS256")}}, "{}", JoseKey::fromSecret("other"));
    QVERIFY(token);
    QVERIFY(!Jws::verifyCompact(token.value(), {m_secret}));
}

void TestJws::keyTypeMustFitAlgorithmWhenSigning()
{
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("ES256")}}, "{}", m_rsa);
    QVERIFY(!token);
    QVERIFY2(token.error().message.contains(QLatin1String("EC P-256")), qPrintable(token.error().message));
    auto publicOnly =
        Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("RS256")}}, "{}", publicKey(QStringLiteral("RS256")));
    QVERIFY(!publicOnly);
    QVERIFY2(publicOnly.error().message.contains(QLatin1String("private key")), qPrintable(publicOnly.error().message));
}

void TestJws::choosesKeyByKid()
{
    JoseKey first = publicKey(QStringLiteral("ES256"));
    first.setKid(QStringLiteral("a"));
    auto secondPrivate = JoseKey::generate(JoseKey::Type::EcP256);
    QVERIFY(secondPrivate);
    auto second = JoseKey::fromPem(secondPrivate->publicPem());
    QVERIFY(second);
    second->setKid(QStringLiteral("b"));

    auto token = Jws::signCompact(
        {{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("kid"), QStringLiteral("b")}},
        "{}",
        secondPrivate.value());
    QVERIFY(token);
    auto verified = Jws::verifyCompact(token.value(), {first, second.value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->keyIndex, 1);
    QCOMPARE(verified->key.kid(), QStringLiteral("b"));

    auto unknown = Jws::signCompact(
        {{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("kid"), QStringLiteral("c")}},
        "{}",
        secondPrivate.value());
    QVERIFY(unknown);
    auto refused = Jws::verifyCompact(unknown.value(), {first, second.value()});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("kid \"c\"")), qPrintable(refused.error().message));
}

void TestJws::allowedAlgsNarrowTheKeyAllowlist()
{
    auto token = Jws::signCompact({{QStringLiteral("alg"), QStringLiteral("PS256")}}, "{}", m_rsa);
    QVERIFY(token);
    QVERIFY(Jws::verifyCompact(token.value(), {publicKey(QStringLiteral("RS256"))}));
    auto refused = Jws::verifyCompact(token.value(), {publicKey(QStringLiteral("RS256"))}, {QStringLiteral("RS256")});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("only RS256")), qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestJws)
#include "tst_jws.moc"

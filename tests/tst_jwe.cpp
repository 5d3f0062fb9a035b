#include "JoseTestSupport.h"
#include "TestSupport.h"
#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Compact JWE: round trips, python3-jwcrypto in both directions for every alg/enc pair, keys
// made by the openssl command (PEM, encrypted PEM, certificate), and the tampering a decrypter
// must notice.
using JoseTestSupport::b64u;
using JoseTestSupport::jwcrypto;
using JoseTestSupport::unb64u;

namespace {

// Runs the openssl command; its stderr on failure.
QString openssl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        return QString::fromUtf8(process.readAllStandardError());
    }
    return {};
}

// Replaces part `index` of a compact token with `bytes` (base64url-encoded here).
QByteArray withPart(const QByteArray& token, int index, const QByteArray& bytes)
{
    QList<QByteArray> parts = token.split('.');
    parts[index] = b64u(bytes);
    return parts.join('.');
}

QByteArray flipFirstBit(QByteArray bytes)
{
    bytes[0] = char(bytes.at(0) ^ 0x01);
    return bytes;
}

} // namespace

class TestJwe final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void jwcryptoDecryptsOurs_data();
    void jwcryptoDecryptsOurs();
    void weDecryptJwcrypto_data();
    void weDecryptJwcrypto();
    void recipientFromCertificate();
    void encryptedPrivateKeyNeedsItsPassword();
    void nestedSignThenEncrypt();

    void refusesTampering_data();
    void refusesTampering();
    void refusesWrongKey_data();
    void refusesWrongKey();
    void refusesHeaderTricks_data();
    void refusesHeaderTricks();
    void keyMustFitAlg();

private:
    void addAlgEncRows();
    const JoseKey& privateKey(const QString& alg) const;
    JoseKey publicKey(const QString& alg) const;

    QTemporaryDir m_dir;
    JoseKey m_rsa;
    JoseKey m_ec;
};

void TestJwe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keys from the openssl command, the way a user makes them (docs/jose.md).
    const QString rsaPath = m_dir.filePath(QStringLiteral("rsa.key"));
    const QString ecPath = m_dir.filePath(QStringLiteral("ec.key"));
    QCOMPARE(openssl({QStringLiteral("genpkey"),
                      QStringLiteral("-algorithm"),
                      QStringLiteral("RSA"),
                      QStringLiteral("-pkeyopt"),
                      QStringLiteral("rsa_keygen_bits:2048"),
                      QStringLiteral("-out"),
                      rsaPath}),
             QString());
    QCOMPARE(openssl({QStringLiteral("genpkey"),
                      QStringLiteral("-algorithm"),
                      QStringLiteral("EC"),
                      QStringLiteral("-pkeyopt"),
                      QStringLiteral("ec_paramgen_curve:P-256"),
                      QStringLiteral("-out"),
                      ecPath}),
             QString());
    auto rsa = JoseKey::fromPem(TestSupport::readFile(rsaPath));
    auto ec = JoseKey::fromPem(TestSupport::readFile(ecPath));
    QVERIFY2(rsa, qPrintable(rsa.error().message));
    QVERIFY2(ec, qPrintable(ec.error().message));
    QVERIFY(rsa->hasPrivateKey() && ec->hasPrivateKey());
    m_rsa = rsa.value();
    m_ec = ec.value();
}

void TestJwe::addAlgEncRows()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    for (const char* alg : {"RSA-OAEP-256", "RSA-OAEP", "ECDH-ES+A256KW"}) {
        for (const char* enc : {"A256GCM", "A128CBC-HS256"}) {
            QTest::addRow("%s %s", alg, enc) << QString::fromLatin1(alg) << QString::fromLatin1(enc);
        }
    }
}

const JoseKey& TestJwe::privateKey(const QString& alg) const
{
    return alg.startsWith(QLatin1String("ECDH")) ? m_ec : m_rsa;
}

JoseKey TestJwe::publicKey(const QString& alg) const
{
    auto key = JoseKey::fromPem(privateKey(alg).publicPem());
    return key ? key.value() : JoseKey();
}

void TestJwe::roundTrip_data()
{
    addAlgEncRows();
}

void TestJwe::roundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    const QByteArray plaintext = QByteArrayLiteral("{\"id\":\"evt_1\",\"data\":{\"amount\":12}}");
    Jwe::EncryptOptions options;
    options.alg = alg;
    options.enc = enc;
    options.kid = QStringLiteral("recipient-1");
    auto token = Jwe::encryptCompact(plaintext, publicKey(alg), options);
    QVERIFY2(token, qPrintable(token.error().message));
    QCOMPARE(token->count('.'), 4);
    QVERIFY(!token->contains("amount"));

    auto decrypted = Jwe::decryptCompact(token.value(), {privateKey(alg)});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->plaintext, plaintext);
    QCOMPARE(decrypted->header.value(QStringLiteral("alg")).toString(), alg);
    QCOMPARE(decrypted->header.value(QStringLiteral("enc")).toString(), enc);
    QCOMPARE(decrypted->header.value(QStringLiteral("kid")).toString(), QStringLiteral("recipient-1"));
    QCOMPARE(decrypted->header.contains(QStringLiteral("epk")), alg.startsWith(QLatin1String("ECDH")));
}

void TestJwe::jwcryptoDecryptsOurs_data()
{
    addAlgEncRows();
}

void TestJwe::jwcryptoDecryptsOurs()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    const QByteArray plaintext = QByteArrayLiteral("{\"id\":\"evt_interop\",\"note\":\"caf\xc3\xa9\"}");
    Jwe::EncryptOptions options;
    options.alg = alg;
    options.enc = enc;
    auto token = Jwe::encryptCompact(plaintext, publicKey(alg), options);
    QVERIFY(token);
    QJsonObject request {{QStringLiteral("token"), QString::fromLatin1(token.value())},
                         {QStringLiteral("pem"), QString::fromLatin1(privateKey(alg).privatePem())}};
    const QJsonObject answer = jwcrypto(QStringLiteral("decrypt-jwe"), request);
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
    QCOMPARE(unb64u(answer.value(QStringLiteral("payload")).toString().toLatin1()), plaintext);

    // jwcrypto notices an altered tag too, so the check above can fail.
    const QByteArray tag = unb64u(token->split('.').at(4));
    request.insert(QStringLiteral("token"), QString::fromLatin1(withPart(token.value(), 4, flipFirstBit(tag))));
    QVERIFY(jwcrypto(QStringLiteral("decrypt-jwe"), request).contains(QStringLiteral("error")));
}

void TestJwe::weDecryptJwcrypto_data()
{
    addAlgEncRows();
}

void TestJwe::weDecryptJwcrypto()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    const QByteArray plaintext = QByteArrayLiteral("{\"from\":\"jwcrypto\"}");
    const QJsonObject request {{QStringLiteral("alg"), alg},
                               {QStringLiteral("enc"), enc},
                               {QStringLiteral("payload"), QString::fromLatin1(b64u(plaintext))},
                               {QStringLiteral("header"), QJsonObject {{QStringLiteral("kid"), QStringLiteral("py")}}},
                               {QStringLiteral("pem"), QString::fromLatin1(privateKey(alg).publicPem())}};
    const QJsonObject answer = jwcrypto(QStringLiteral("encrypt-jwe"), request);
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
    const QByteArray token = answer.value(QStringLiteral("token")).toString().toLatin1();

    auto decrypted = Jwe::decryptCompact(token, {privateKey(alg)});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->plaintext, plaintext);
    QCOMPARE(decrypted->header.value(QStringLiteral("kid")).toString(), QStringLiteral("py"));
}

void TestJwe::recipientFromCertificate()
{
    const QString keyPath = m_dir.filePath(QStringLiteral("cert.key"));
    const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    QCOMPARE(openssl({QStringLiteral("req"),
                      QStringLiteral("-x509"),
                      QStringLiteral("-newkey"),
                      QStringLiteral("rsa:2048"),
                      QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"),
                      keyPath,
                      QStringLiteral("-out"),
                      certPath,
                      QStringLiteral("-days"),
                      QStringLiteral("2"),
                      QStringLiteral("-subj"),
                      QStringLiteral("/CN=receiver")}),
             QString());
    auto certificate = JoseKey::fromPem(TestSupport::readFile(certPath));
    QVERIFY2(certificate, qPrintable(certificate.error().message));
    QCOMPARE(certificate->type(), JoseKey::Type::Rsa);
    QVERIFY(!certificate->hasPrivateKey());
    auto token = Jwe::encryptCompact("{\"to\":\"a certificate\"}", certificate.value());
    QVERIFY(token);
    auto key = JoseKey::fromPem(TestSupport::readFile(keyPath));
    QVERIFY(key);
    auto decrypted = Jwe::decryptCompact(token.value(), {key.value()});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->plaintext, QByteArrayLiteral("{\"to\":\"a certificate\"}"));
    QCOMPARE(decrypted->header.value(QStringLiteral("alg")).toString(), QStringLiteral("RSA-OAEP-256"));
    // A certificate holds no private key: it cannot decrypt.
    QVERIFY(!Jwe::decryptCompact(token.value(), {certificate.value()}));
}

void TestJwe::encryptedPrivateKeyNeedsItsPassword()
{
    const QString path = m_dir.filePath(QStringLiteral("protected.key"));
    QCOMPARE(openssl({QStringLiteral("pkey"),
                      QStringLiteral("-in"),
                      m_dir.filePath(QStringLiteral("ec.key")),
                      QStringLiteral("-aes-256-cbc"),
                      QStringLiteral("-passout"),
                      QStringLiteral("pass:s3cret"),
                      QStringLiteral("-out"),
                      path}),
             QString());
    const QByteArray pem = TestSupport::readFile(path);
    auto none = JoseKey::fromPem(pem);
    QVERIFY(!none);
    QVERIFY2(none.error().message.contains(QLatin1String("give its password")), qPrintable(none.error().message));
    auto wrong = JoseKey::fromPem(pem, "wrong");
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().message.contains(QLatin1String("password is wrong")), qPrintable(wrong.error().message));
    auto right = JoseKey::fromPem(pem, "s3cret");
    QVERIFY2(right, qPrintable(right.error().message));
    QCOMPARE(right->toPublicJwk(), m_ec.toPublicJwk());
}

void TestJwe::nestedSignThenEncrypt()
{
    auto signer = JoseKey::generate(JoseKey::Type::Ed25519);
    QVERIFY(signer);
    auto jws = Jws::signCompact(
        {{QStringLiteral("alg"), QStringLiteral("EdDSA")}, {QStringLiteral("typ"), QStringLiteral("JWT")}},
        "{\"sub\":\"nested\"}",
        signer.value());
    QVERIFY(jws);
    Jwe::EncryptOptions options;
    options.cty = QStringLiteral("JWT");
    auto jwe = Jwe::encryptCompact(jws.value(), publicKey(QStringLiteral("RSA-OAEP-256")), options);
    QVERIFY(jwe);

    auto decrypted = Jwe::decryptCompact(jwe.value(), {m_rsa});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->header.value(QStringLiteral("cty")).toString(), QStringLiteral("JWT"));
    auto verifier = JoseKey::fromPem(signer->publicPem());
    QVERIFY(verifier);
    auto verified = Jws::verifyCompact(decrypted->plaintext, {verifier.value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->payload, QByteArrayLiteral("{\"sub\":\"nested\"}"));
}

void TestJwe::refusesTampering_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    for (const char* enc : {"A256GCM", "A128CBC-HS256"}) {
        QTest::addRow("ciphertext %s", enc) << QStringLiteral("RSA-OAEP-256") << QString::fromLatin1(enc) << 3
                                            << QStringLiteral("flip") << QStringLiteral("tag does not match");
        QTest::addRow("tag %s", enc) << QStringLiteral("RSA-OAEP-256") << QString::fromLatin1(enc) << 4
                                     << QStringLiteral("flip") << QStringLiteral("tag does not match");
        QTest::addRow("truncated tag %s", enc) << QStringLiteral("RSA-OAEP-256") << QString::fromLatin1(enc) << 4
                                               << QStringLiteral("truncate") << QStringLiteral("15 bytes");
        QTest::addRow("iv %s", enc) << QStringLiteral("ECDH-ES+A256KW") << QString::fromLatin1(enc) << 2
                                    << QStringLiteral("flip") << QStringLiteral("tag does not match");
        QTest::addRow("iv length %s", enc) << QStringLiteral("ECDH-ES+A256KW") << QString::fromLatin1(enc) << 2
                                           << QStringLiteral("truncate") << QStringLiteral("IV is");
    }
    QTest::newRow("rsa encrypted key") << QStringLiteral("RSA-OAEP-256") << QStringLiteral("A256GCM") << 1
                                       << QStringLiteral("flip") << QStringLiteral("does not decrypt");
    QTest::newRow("wrapped key integrity") << QStringLiteral("ECDH-ES+A256KW") << QStringLiteral("A256GCM") << 1
                                           << QStringLiteral("flip") << QStringLiteral("integrity check");
    QTest::newRow("wrapped key length") << QStringLiteral("ECDH-ES+A256KW") << QStringLiteral("A128CBC-HS256") << 1
                                        << QStringLiteral("truncate") << QStringLiteral("39 bytes");
}

void TestJwe::refusesTampering()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(int, part);
    QFETCH(QString, change);
    QFETCH(QString, expected);
    Jwe::EncryptOptions options;
    options.alg = alg;
    options.enc = enc;
    auto token = Jwe::encryptCompact("{\"amount\":100}", publicKey(alg), options);
    QVERIFY(token);
    QVERIFY(Jwe::decryptCompact(token.value(), {privateKey(alg)}));
    const QByteArray original = unb64u(token->split('.').at(part));
    const QByteArray changed = change == QLatin1String("flip") ? flipFirstBit(original) : original.chopped(1);
    auto decrypted = Jwe::decryptCompact(withPart(token.value(), part, changed), {privateKey(alg)});
    QVERIFY(!decrypted);
    QVERIFY2(decrypted.error().message.contains(expected), qPrintable(decrypted.error().message));
}

void TestJwe::refusesWrongKey_data()
{
    addAlgEncRows();
}

void TestJwe::refusesWrongKey()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    auto other = JoseKey::generate(privateKey(alg).type());
    QVERIFY(other);
    Jwe::EncryptOptions options;
    options.alg = alg;
    options.enc = enc;
    auto token = Jwe::encryptCompact("{}", publicKey(alg), options);
    QVERIFY(token);
    auto decrypted = Jwe::decryptCompact(token.value(), {other.value()});
    QVERIFY(!decrypted);
    QVERIFY2(decrypted.error().message.contains(QLatin1String("another key")), qPrintable(decrypted.error().message));
}

void TestJwe::refusesHeaderTricks_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");
    QTest::newRow("duplicate") << QByteArrayLiteral(
        "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"enc\":\"A128CBC-HS256\"}")
                               << QStringLiteral("twice");
    QTest::newRow("crit") << QByteArrayLiteral(
        "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"crit\":[\"x\"],\"x\":1}")
                          << QStringLiteral("crit");
    QTest::newRow("zip") << QByteArrayLiteral("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}")
                         << QStringLiteral("zip");
    QTest::newRow("RSA1_5") << QByteArrayLiteral("{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\"}")
                            << QStringLiteral("RSA1_5");
    QTest::newRow("dir") << QByteArrayLiteral("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}")
                         << QStringLiteral("not supported");
    QTest::newRow("changed header") << QByteArrayLiteral("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"x\"}")
                                    << QStringLiteral("tag does not match");
}

void TestJwe::refusesHeaderTricks()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    auto token = Jwe::encryptCompact("{}", publicKey(QStringLiteral("RSA-OAEP-256")));
    QVERIFY(token);
    auto decrypted = Jwe::decryptCompact(withPart(token.value(), 0, header), {m_rsa});
    QVERIFY(!decrypted);
    QVERIFY2(decrypted.error().message.contains(expected), qPrintable(decrypted.error().message));
}

void TestJwe::keyMustFitAlg()
{
    Jwe::EncryptOptions options;
    options.alg = QStringLiteral("ECDH-ES+A256KW");
    auto token = Jwe::encryptCompact("{}", publicKey(QStringLiteral("RSA-OAEP")), options);
    QVERIFY(!token);
    QVERIFY2(token.error().message.contains(QLatin1String("EC P-256")), qPrintable(token.error().message));
    auto jws = Jwe::decryptCompact("a.b.c", {m_rsa});
    QVERIFY(!jws);
    QVERIFY2(jws.error().message.contains(QLatin1String("JWS")), qPrintable(jws.error().message));
}

QTEST_GUILESS_MAIN(TestJwe)
#include "tst_jwe.moc"

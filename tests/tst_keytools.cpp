#include "tls/ClientTls.h"
#include "tls/KeyTools.h"
#include "tls/SelfSigned.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    Run result;
    if (!process.waitForFinished(30000)) {
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// `openssl x509 -text` of a PEM certificate: the independent reading of what we wrote.
QByteArray opensslText(const QByteArray& pem)
{
    return run(QStringLiteral("openssl"),
               {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text")},
               pem)
        .out;
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Tls::IssuedCertificate makeCa(const QByteArray& keyPem)
{
    Tls::CertificateOptions options;
    options.commonName = QStringLiteral("KeyTools Test CA");
    options.kind = Tls::CertificateKind::Authority;
    auto ca = Tls::makeCertificate(keyPem, options);
    return ca ? ca.value() : Tls::IssuedCertificate();
}

} // namespace

class TestKeyTools final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void generatesEveryKeyType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("bits");
        QTest::addColumn<QByteArray>("opensslSays");
        QTest::newRow("rsa 2048") << QStringLiteral("rsa") << 2048 << QByteArray("Private-Key: (2048 bit, 2 primes)");
        QTest::newRow("rsa 3072") << QStringLiteral("rsa") << 3072 << QByteArray("Private-Key: (3072 bit, 2 primes)");
        QTest::newRow("rsa 4096") << QStringLiteral("rsa") << 4096 << QByteArray("Private-Key: (4096 bit, 2 primes)");
        QTest::newRow("ec") << QStringLiteral("ec") << 0 << QByteArray("NIST CURVE: P-256");
        QTest::newRow("ed25519") << QStringLiteral("ED25519") << 0 << QByteArray("ED25519 Private-Key:");
    }
    void generatesEveryKeyType()
    {
        QFETCH(QString, type);
        QFETCH(int, bits);
        QFETCH(QByteArray, opensslSays);
        const auto parsed = Tls::parseKeyType(type);
        QVERIFY(parsed.ok());
        const auto key = Tls::generateKey(parsed.value(), bits ? bits : Tls::DefaultRsaBits);
        QVERIFY2(key.ok(), qPrintable(key.error().toString()));
        QVERIFY(key->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----\n")); // PKCS#8
        QVERIFY(key->publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        const Run text = run(QStringLiteral("openssl"),
                             {QStringLiteral("pkey"), QStringLiteral("-noout"), QStringLiteral("-text")},
                             key->privateKeyPem);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(opensslSays), text.out.left(200).constData());
        // The public PEM is the public half of this private key.
        const Run pub =
            run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-pubout")}, key->privateKeyPem);
        QCOMPARE(pub.out, key->publicKeyPem);
        // Every type is usable as a TLS client key.
        QVERIFY(Tls::loadPrivateKey(key->privateKeyPem, {}, QStringLiteral("k")).ok());
        // Two keys are never the same.
        const auto other = Tls::generateKey(parsed.value(), bits ? bits : Tls::DefaultRsaBits);
        QVERIFY(other->privateKeyPem != key->privateKeyPem);
    }

    void rejectsBadKeyRequests()
    {
        QVERIFY(!Tls::parseKeyType(QStringLiteral("dsa")).ok());
        QVERIFY(Tls::parseKeyType(QStringLiteral("dsa")).error().message.contains(QLatin1String("rsa, ec")));
        const auto key = Tls::generateKey(Tls::KeyType::Rsa, 1024);
        QVERIFY(!key.ok());
        QVERIFY(key.error().message.contains(QLatin1String("2048, 3072 or 4096")));
    }

    void certificateAuthorityHasCaExtensions()
    {
        const auto key = Tls::generateKey(Tls::KeyType::Ec);
        const Tls::IssuedCertificate ca = makeCa(key->privateKeyPem);
        QVERIFY(!ca.certificatePem.isEmpty());
        const QSslCertificate qt(ca.certificatePem, QSsl::Pem);
        QVERIFY(!qt.isNull());
        QVERIFY(qt.isSelfSigned());
        QCOMPARE(qt.subjectInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("KeyTools Test CA")});
        // 10 years by default
        const qint64 days = qt.effectiveDate().daysTo(qt.expiryDate());
        QVERIFY2(days >= 3649 && days <= 3650, qPrintable(QString::number(days)));
        const QByteArray text = opensslText(ca.certificatePem);
        QVERIFY(text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE"));
        QVERIFY(text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"));
        QVERIFY(text.contains("X509v3 Subject Key Identifier:"));
        QVERIFY(!text.contains("Subject Alternative Name"));
        QCOMPARE(ca.subject, QStringLiteral("CN=KeyTools Test CA"));
        QCOMPARE(ca.issuer, ca.subject);
        // A random 128-bit serial: 32 hex digits.
        QCOMPARE(qt.serialNumber().replace(':', "").size(), 32);
        QVERIFY(makeCa(key->privateKeyPem).certificatePem != ca.certificatePem);
        QCOMPARE(ca.publicKeyPin, Tls::publicKeyPin(qt));
    }

    void leavesSignedByTheCaVerifyWithOpenssl_data()
    {
        QTest::addColumn<int>("caType");
        QTest::addColumn<int>("leafType");
        QTest::newRow("ec ca, rsa leaf") << int(Tls::KeyType::Ec) << int(Tls::KeyType::Rsa);
        QTest::newRow("ec ca, ec leaf") << int(Tls::KeyType::Ec) << int(Tls::KeyType::Ec);
        QTest::newRow("ec ca, ed25519 leaf") << int(Tls::KeyType::Ec) << int(Tls::KeyType::Ed25519);
        QTest::newRow("rsa ca, ec leaf") << int(Tls::KeyType::Rsa) << int(Tls::KeyType::Ec);
        QTest::newRow("ed25519 ca, ec leaf") << int(Tls::KeyType::Ed25519) << int(Tls::KeyType::Ec);
    }
    void leavesSignedByTheCaVerifyWithOpenssl()
    {
        QFETCH(int, caType);
        QFETCH(int, leafType);
        const auto caKey = Tls::generateKey(Tls::KeyType(caType), 2048);
        const Tls::IssuedCertificate ca = makeCa(caKey->privateKeyPem);
        const auto leafKey = Tls::generateKey(Tls::KeyType(leafType), 2048);
        Tls::CertificateOptions options;
        options.commonName = QStringLiteral("hooks.example.com");
        options.subjectAltNames = {QStringLiteral("dns:Other.Example"), QStringLiteral("IP:192.0.2.7")};
        // The public key is enough for a CA-signed certificate.
        const auto leaf =
            Tls::makeCertificate(leafKey->publicKeyPem, options, Tls::Issuer {ca.certificatePem, caKey->privateKeyPem});
        QVERIFY2(leaf.ok(), qPrintable(leaf.error().toString()));
        QCOMPARE(leaf->issuer, QStringLiteral("CN=KeyTools Test CA"));
        QCOMPARE(leaf->subjectAltNames,
                 QStringList({QStringLiteral("DNS:localhost"),
                              QStringLiteral("IP:127.0.0.1"),
                              QStringLiteral("IP:::1"),
                              QStringLiteral("DNS:hooks.example.com"),
                              QStringLiteral("DNS:other.example"),
                              QStringLiteral("IP:192.0.2.7")}));

        const QSslCertificate qt(leaf->certificatePem, QSsl::Pem);
        QVERIFY(!qt.isNull());
        QCOMPARE(qt.issuerInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("KeyTools Test CA")});
        const qint64 days = qt.effectiveDate().daysTo(qt.expiryDate());
        QVERIFY2(days >= 824 && days <= 825, qPrintable(QString::number(days)));
        QVERIFY(qt.subjectAlternativeNames().values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));

        const QByteArray text = opensslText(leaf->certificatePem);
        QVERIFY(text.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"));
        const bool rsa = Tls::KeyType(leafType) == Tls::KeyType::Rsa;
        QVERIFY2(text.contains(rsa ? "X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment"
                                   : "X509v3 Key Usage: critical\n                Digital Signature\n"),
                 text.constData());
        QVERIFY(text.contains("TLS Web Server Authentication, TLS Web Client Authentication"));
        QVERIFY(text.contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:hooks.example.com,"
                              " DNS:other.example, IP Address:192.0.2.7"));
        QVERIFY(text.contains("X509v3 Authority Key Identifier:"));
        QVERIFY(text.contains("X509v3 Subject Key Identifier:"));

        const QString caPath = m_dir.filePath(QStringLiteral("ca-%1.pem").arg(QLatin1String(QTest::currentDataTag())));
        const QString leafPath =
            m_dir.filePath(QStringLiteral("leaf-%1.pem").arg(QLatin1String(QTest::currentDataTag())));
        QVERIFY(writeBytes(caPath, ca.certificatePem));
        QVERIFY(writeBytes(leafPath, leaf->certificatePem));
        for (const QString& purpose : {QStringLiteral("sslserver"), QStringLiteral("sslclient")}) {
            const Run verify = run(QStringLiteral("openssl"),
                                   {QStringLiteral("verify"),
                                    QStringLiteral("-purpose"),
                                    purpose,
                                    QStringLiteral("-CAfile"),
                                    caPath,
                                    leafPath});
            QVERIFY2(verify.exitCode == 0, QByteArray(verify.out + verify.err).constData());
            QCOMPARE(verify.out.trimmed(), leafPath.toUtf8() + ": OK");
        }
        // ...and not against another CA.
        const auto otherKey = Tls::generateKey(Tls::KeyType::Ec);
        const QString otherPath =
            m_dir.filePath(QStringLiteral("other-%1.pem").arg(QLatin1String(QTest::currentDataTag())));
        QVERIFY(writeBytes(otherPath, makeCa(otherKey->privateKeyPem).certificatePem));
        QVERIFY(
            run(QStringLiteral("openssl"), {QStringLiteral("verify"), QStringLiteral("-CAfile"), otherPath, leafPath})
                .exitCode
            != 0);
    }

    void refusesBadIssuersAndNames()
    {
        const auto caKey = Tls::generateKey(Tls::KeyType::Ec);
        const auto otherKey = Tls::generateKey(Tls::KeyType::Ec);
        const Tls::IssuedCertificate ca = makeCa(caKey->privateKeyPem);
        Tls::CertificateOptions options;
        options.commonName = QStringLiteral("leaf");

        auto made = Tls::makeCertificate(
            otherKey->privateKeyPem, options, Tls::Issuer {ca.certificatePem, otherKey->privateKeyPem});
        QVERIFY(!made.ok());
        QVERIFY(made.error().message.contains(QLatin1String("not the key of the CA certificate")));

        const auto leaf = Tls::makeCertificate(
            otherKey->privateKeyPem, options, Tls::Issuer {ca.certificatePem, caKey->privateKeyPem});
        QVERIFY(leaf.ok());
        made = Tls::makeCertificate(
            caKey->privateKeyPem, options, Tls::Issuer {leaf->certificatePem, otherKey->privateKeyPem});
        QVERIFY(!made.ok());
        QVERIFY(made.error().message.contains(QLatin1String("is not a certificate authority")));

        options.subjectAltNames = {QStringLiteral("DNS:a,IP:1.2.3.4")};
        made = Tls::makeCertificate(otherKey->privateKeyPem, options);
        QVERIFY(!made.ok());
        QVERIFY(made.error().message.contains(QLatin1String("neither DNS:host.name nor IP:address")));

        options.subjectAltNames.clear();
        made = Tls::makeCertificate(otherKey->publicKeyPem, options); // self-signed needs the private key
        QVERIFY(!made.ok());
        options.commonName.clear();
        QVERIFY(!Tls::makeCertificate(otherKey->privateKeyPem, options).ok());
    }

    void backdatedCertificatesAreExpiredOrNotYetValid()
    {
        const auto key = Tls::generateKey(Tls::KeyType::Ec);
        Tls::CertificateOptions options;
        options.commonName = QStringLiteral("old");
        options.validDays = 1;
        options.backdateSeconds = 3 * 86400;
        const auto old = Tls::makeCertificate(key->privateKeyPem, options);
        QVERIFY(old->notAfter < QDateTime::currentDateTimeUtc());
        options.backdateSeconds = -86400;
        const auto future = Tls::makeCertificate(key->privateKeyPem, options);
        QVERIFY(future->notBefore > QDateTime::currentDateTimeUtc());
    }

    void receiverSelfSignedUsesTheSameMaker()
    {
        const auto made = Tls::makeSelfSigned();
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const QByteArray text = opensslText(made->certificatePem);
        QVERIFY(text.contains("CA:FALSE"));
        QVERIFY(text.contains("TLS Web Server Authentication"));
        QVERIFY(text.contains("DNS:localhost, IP Address:127.0.0.1"));
    }

    void writesPrivateKeysForTheOwnerOnly()
    {
        const QString key = m_dir.filePath(QStringLiteral("written.key"));
        const QString cert = m_dir.filePath(QStringLiteral("written.pem"));
        QVERIFY(Tls::writeFile(key, "secret", true, false).ok());
        QVERIFY(Tls::writeFile(cert, "public", false, false).ok());
        QCOMPARE(QFile(key).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(QFile(key).permissions() & QFile::ReadOwner);
        QVERIFY(QFile(cert).permissions() & QFile::ReadOther);
        // No silent overwrite.
        const auto again = Tls::writeFile(key, "other", true, false);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QLatin1String("already exists")));
        QFile check(key);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("secret"));
        check.close();
        // Overwriting a world-readable file with a key leaves it private.
        QVERIFY(Tls::writeFile(cert, "now a key", true, true).ok());
        QCOMPARE(QFile(cert).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void pinMatchesAnIndependentComputation()
    {
        const auto key = Tls::generateKey(Tls::KeyType::Rsa, 2048);
        const auto ca = makeCa(key->privateKeyPem);
        const QString certPath = m_dir.filePath(QStringLiteral("pin.pem"));
        QVERIFY(writeBytes(certPath, ca.certificatePem));
        const Run python = run(QStringLiteral("/usr/bin/python3"),
                               {QStringLiteral("-c"),
                                QStringLiteral("import sys,hashlib,base64\n"
                                               "from cryptography import x509\n"
                                               "from cryptography.hazmat.primitives import serialization as s\n"
                                               "c=x509.load_pem_x509_certificate(open(sys.argv[1],'rb').read())\n"
                                               "d=c.public_key().public_bytes(s.Encoding.DER,"
                                               "s.PublicFormat.SubjectPublicKeyInfo)\n"
                                               "print(base64.b64encode(hashlib.sha256(d).digest()).decode())\n"),
                                certPath});
        QCOMPARE(python.exitCode, 0);
        QCOMPARE(QString::fromLatin1(python.out.trimmed()), ca.publicKeyPin);
    }
};

QTEST_GUILESS_MAIN(TestKeyTools)
#include "tst_keytools.moc"

#include "http/HttpServer.h"
#include "tls/SelfSigned.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// Makes a CA, a client certificate it issued (CN=sender), and a client certificate from an
// unrelated CA, with python3-cryptography: an implementation independent of ours. Prints the
// values a user would compare (RFC 4514 subject/issuer, serial, SHA-256 fingerprint).
const char* kMakeCertsScript = R"(
import sys, json, datetime
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
out = sys.argv[1]
now = datetime.datetime.now(datetime.timezone.utc)
def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, 'HookBench Test'),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])
def make(subject, issuer, key, signer, ca):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        b = b.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    return b.sign(signer, hashes.SHA256())
def save(fn, cert, key):
    open(out + '/' + fn + '.pem', 'wb').write(cert.public_bytes(serialization.Encoding.PEM))
    open(out + '/' + fn + '.key', 'wb').write(key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
ca_key = ec.generate_private_key(ec.SECP256R1()); ca = make(name('Test CA'), name('Test CA'), ca_key, ca_key, True)
cl_key = ec.generate_private_key(ec.SECP256R1()); cl = make(name('sender'), ca.subject, cl_key, ca_key, False)
ro_key = ec.generate_private_key(ec.SECP256R1()); ro = make(name('Rogue CA'), name('Rogue CA'), ro_key, ro_key, True)
rc_key = ec.generate_private_key(ec.SECP256R1()); rc = make(name('sender'), ro.subject, rc_key, ro_key, False)
save('ca', ca, ca_key); save('client', cl, cl_key); save('rogue-client', rc, rc_key)
print(json.dumps({'subject': cl.subject.rfc4514_string(), 'issuer': cl.issuer.rfc4514_string(),
                  'serial': format(cl.serial_number, 'X'), 'sha256': cl.fingerprint(hashes.SHA256()).hex()}))
)";

struct Exchange
{
    bool encrypted = false;
    QByteArray received;
};

// A QSslSocket client that trusts only `trusted`, optionally presents a client certificate,
// sends `request` and collects what comes back until the server closes.
Exchange exchange(quint16 port,
                  const QList<QSslCertificate>& trusted,
                  const QByteArray& request,
                  const QSslCertificate& clientCert = QSslCertificate(),
                  const QSslKey& clientKey = QSslKey())
{
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(trusted);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!clientCert.isNull()) {
        configuration.setLocalCertificate(clientCert);
        configuration.setPrivateKey(clientKey);
    }
    socket.setSslConfiguration(configuration);
    Exchange result;
    QObject::connect(&socket, &QSslSocket::encrypted, &socket, [&]() {
        result.encrypted = true;
        socket.write(request);
    });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    const bool closed = QTest::qWaitFor(
        [&]() {
            result.received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    Q_UNUSED(closed) // the caller checks what was received
    result.received += socket.readAll();
    return result;
}

} // namespace

class TestHttpServerTls final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QList<ReceivedRequest> m_requests;
    SelfSignedCertificate m_serverCert;

    void start(const HttpTlsConfig& tls)
    {
        m_server = std::make_unique<HttpServer>();
        const auto tlsOk = m_server->setTls(tls);
        QVERIFY2(tlsOk.ok(), qPrintable(tlsOk.error().toString()));
        m_server->setHandler([this](const ReceivedRequest& request, HttpResponder responder) {
            m_requests.append(request);
            responder.respond(HttpResponse::text(200, "secure " + request.body));
        });
        const auto listening = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY2(listening.ok(), qPrintable(listening.error().toString()));
        QVERIFY(m_server->url().startsWith(QLatin1String("https://127.0.0.1:")));
    }

private slots:
    void initTestCase()
    {
        const auto made = Tls::makeSelfSigned();
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        m_serverCert = made.value();
    }
    void init() { m_requests.clear(); }
    void cleanup() { m_server.reset(); }

    void selfSignedCertificate()
    {
        const QSslCertificate& cert = m_serverCert.certificate;
        QVERIFY(!cert.isNull());
        QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("localhost")});
        const auto alt = cert.subjectAlternativeNames();
        QVERIFY(alt.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(alt.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(m_serverCert.privateKey.algorithm(), QSsl::Ec);
        QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addDays(300));
        QVERIFY(Tls::checkKeyMatchesCertificate(cert, m_serverCert.privateKey).ok());
        // Two certificates never share a key or a serial.
        const auto other = Tls::makeSelfSigned();
        QVERIFY(other.ok());
        QVERIFY(other->sha256 != m_serverCert.sha256);
        QVERIFY(!Tls::checkKeyMatchesCertificate(cert, other->privateKey).ok());

        // The fingerprint we show is the one openssl shows.
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("x509"),
                       QStringLiteral("-noout"),
                       QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256")});
        QVERIFY(openssl.waitForStarted());
        openssl.write(m_serverCert.certificatePem);
        openssl.closeWriteChannel();
        QVERIFY(openssl.waitForFinished());
        const QString printed = QString::fromLatin1(openssl.readAllStandardOutput()).trimmed();
        QCOMPARE(printed.section(QLatin1Char('='), 1), m_serverCert.sha256Fingerprint());
        QCOMPARE(m_serverCert.sha256Fingerprint().size(), 32 * 3 - 1);
    }

    void httpsWithPinnedSelfSignedCertificate()
    {
        HttpTlsConfig tls;
        tls.certificate = m_serverCert.certificate;
        tls.privateKey = m_serverCert.privateKey;
        start(tls);
        const Exchange result =
            exchange(m_server->serverPort(),
                     {m_serverCert.certificate},
                     "POST /s HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
        QVERIFY(result.encrypted);
        QVERIFY2(result.received.startsWith("HTTP/1.1 200 OK\r\n"), result.received.constData());
        QVERIFY(result.received.endsWith("secure hi"));
        QCOMPARE(m_requests.size(), 1);
        QVERIFY(m_requests[0].tls.encrypted);
        QVERIFY(m_requests[0].tls.protocol.startsWith(QLatin1String("TLSv1.")));
        QVERIFY(!m_requests[0].tls.cipher.isEmpty());
        QVERIFY(!m_requests[0].tls.clientCertificate.has_value());
    }

    void clientThatDoesNotTrustTheCertificateGetsNothing()
    {
        HttpTlsConfig tls;
        tls.certificate = m_serverCert.certificate;
        tls.privateKey = m_serverCert.privateKey;
        start(tls);
        const auto other = Tls::makeSelfSigned();
        QVERIFY(other.ok());
        const Exchange result =
            exchange(m_server->serverPort(), {other->certificate}, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(!result.encrypted);
        QVERIFY(result.received.isEmpty());
        QVERIFY(m_requests.isEmpty());
    }

    void plainHttpOnTlsPortIsRefused()
    {
        HttpTlsConfig tls;
        tls.certificate = m_serverCert.certificate;
        tls.privateKey = m_serverCert.privateKey;
        start(tls);
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&]() { return plain.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY(m_requests.isEmpty());
        QTRY_COMPARE(m_server->connectionCount(), 0);
    }

    void curlTrustsTheSelfSignedCertificate()
    {
        if (!QFile::exists(QStringLiteral("/usr/bin/curl"))) {
            QSKIP("curl is not installed");
        }
        HttpTlsConfig tls;
        tls.certificate = m_serverCert.certificate;
        tls.privateKey = m_serverCert.privateKey;
        start(tls);
        QTemporaryDir dir;
        QFile pem(dir.filePath(QStringLiteral("server.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(m_serverCert.certificatePem);
        pem.close();
        QProcess curl;
        curl.start(QStringLiteral("/usr/bin/curl"),
                   {QStringLiteral("-sS"),
                    QStringLiteral("--cacert"),
                    pem.fileName(),
                    QStringLiteral("--data-binary"),
                    QStringLiteral("from curl"),
                    m_server->url() + QStringLiteral("/c")});
        QVERIFY(QTest::qWaitFor([&]() { return curl.state() == QProcess::NotRunning; }, 15000));
        QCOMPARE(curl.exitCode(), 0);
        QCOMPARE(curl.readAllStandardOutput(), QByteArray("secure from curl"));
    }

    void mutualTls()
    {
        if (!QFile::exists(kPython)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        QTemporaryDir dir;
        QProcess python;
        python.start(kPython, {QStringLiteral("-c"), QString::fromUtf8(kMakeCertsScript), dir.path()});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject expected = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        auto load = [&](const QString& name) {
            return QFile(dir.filePath(name));
        };
        auto certAt = [&](const QString& name) {
            QFile file = load(name);
            return file.open(QIODevice::ReadOnly) ? QSslCertificate(file.readAll(), QSsl::Pem) : QSslCertificate();
        };
        auto keyAt = [&](const QString& name) {
            QFile file = load(name);
            return file.open(QIODevice::ReadOnly) ? QSslKey(file.readAll(), QSsl::Ec, QSsl::Pem) : QSslKey();
        };
        const QSslCertificate ca = certAt(QStringLiteral("ca.pem"));
        const QSslCertificate client = certAt(QStringLiteral("client.pem"));
        const QSslKey clientKey = keyAt(QStringLiteral("client.key"));
        const QSslCertificate rogue = certAt(QStringLiteral("rogue-client.pem"));
        const QSslKey rogueKey = keyAt(QStringLiteral("rogue-client.key"));
        QVERIFY(!ca.isNull() && !client.isNull() && !clientKey.isNull() && !rogue.isNull() && !rogueKey.isNull());

        HttpTlsConfig tls;
        tls.certificate = m_serverCert.certificate;
        tls.privateKey = m_serverCert.privateKey;
        tls.clientCaCertificates = {ca};
        tls.requireClientCert = true;
        start(tls);
        const QByteArray request = "POST /m HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nConnection: close\r\n\r\nmtl";

        const Exchange good = exchange(m_server->serverPort(), {m_serverCert.certificate}, request, client, clientKey);
        QVERIFY(good.encrypted);
        QVERIFY2(good.received.startsWith("HTTP/1.1 200 OK\r\n"), good.received.constData());
        QCOMPARE(m_requests.size(), 1);
        const TlsSessionInfo& info = m_requests[0].tls;
        QVERIFY(info.clientCertificate.has_value());
        QVERIFY(info.clientCertificateVerified);
        QCOMPARE(info.clientCertificate->subject, expected.value(QStringLiteral("subject")).toString());
        QCOMPARE(info.clientCertificate->subject, QStringLiteral("CN=sender,O=HookBench Test"));
        QCOMPARE(info.clientCertificate->issuer, expected.value(QStringLiteral("issuer")).toString());
        // The same number; our hex is padded to whole bytes (as openssl prints it), Python's is not.
        const auto withoutLeadingZeros = [](QString hex) {
            return hex.remove(QRegularExpression(QStringLiteral("^0+")));
        };
        QCOMPARE(withoutLeadingZeros(info.clientCertificate->serial),
                 withoutLeadingZeros(expected.value(QStringLiteral("serial")).toString()));
        QCOMPARE(QString::fromLatin1(info.clientCertificate->sha256.toHex()),
                 expected.value(QStringLiteral("sha256")).toString());

        const Exchange none = exchange(m_server->serverPort(), {m_serverCert.certificate}, request);
        QVERIFY(!none.received.startsWith("HTTP/1.1 200"));
        const Exchange wrongCa = exchange(m_server->serverPort(), {m_serverCert.certificate}, request, rogue, rogueKey);
        QVERIFY(!wrongCa.received.startsWith("HTTP/1.1 200"));
        QCOMPARE(m_requests.size(), 1);
        QTRY_COMPARE(m_server->connectionCount(), 0);

        // An independent client: curl with the same client certificate.
        if (QFile::exists(QStringLiteral("/usr/bin/curl"))) {
            QFile pem(dir.filePath(QStringLiteral("server.pem")));
            QVERIFY(pem.open(QIODevice::WriteOnly));
            pem.write(m_serverCert.certificatePem);
            pem.close();
            QProcess curl;
            curl.start(QStringLiteral("/usr/bin/curl"),
                       {QStringLiteral("-sS"),
                        QStringLiteral("--cacert"),
                        pem.fileName(),
                        QStringLiteral("--cert"),
                        dir.filePath(QStringLiteral("client.pem")),
                        QStringLiteral("--key"),
                        dir.filePath(QStringLiteral("client.key")),
                        QStringLiteral("--data-binary"),
                        QStringLiteral("c"),
                        m_server->url() + QStringLiteral("/curl")});
            QVERIFY(QTest::qWaitFor([&]() { return curl.state() == QProcess::NotRunning; }, 15000));
            QCOMPARE(curl.exitCode(), 0);
            QCOMPARE(curl.readAllStandardOutput(), QByteArray("secure c"));
            QCOMPARE(m_requests.last().tls.clientCertificate->subject, QStringLiteral("CN=sender,O=HookBench Test"));
        }
    }

    void tlsConfigErrorsNameTheField()
    {
        HttpServer server;
        HttpTlsConfig tls;
        auto result = server.setTls(tls);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().path, QStringLiteral("tls.cert"));
        tls.certificate = m_serverCert.certificate;
        const auto other = Tls::makeSelfSigned();
        QVERIFY(other.ok());
        tls.privateKey = other->privateKey;
        result = server.setTls(tls);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().path, QStringLiteral("tls.key"));
        QVERIFY(result.error().message.contains(QLatin1String("does not belong")));
        tls.privateKey = m_serverCert.privateKey;
        tls.requireClientCert = true;
        result = server.setTls(tls);
        QCOMPARE(result.error().path, QStringLiteral("tls.clientCa"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServerTls)
#include "tst_httpserver_tls.moc"

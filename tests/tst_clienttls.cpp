#include "delivery/DeliveryEngine.h"
#include "http/HttpServer.h"
#include "tls/ClientTls.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// Certificates for every case, made with python3-cryptography (independent of our KeyTools): a
// CA, server certificates that are fine, expired, not yet valid, for another name, self-signed
// or from an unknown CA (all with one server key), and client credentials as PEM (EC), an
// encrypted PKCS#8 RSA key, Ed25519, and PKCS#12. Prints the server key's pin.
const char* const kCertsScript =
    "import sys, json, datetime, hashlib, base64, ipaddress\n"
    "from cryptography import x509\n"
    "from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID\n"
    "from cryptography.hazmat.primitives import hashes, serialization\n"
    "from cryptography.hazmat.primitives.asymmetric import ec, rsa, ed25519\n"
    "from cryptography.hazmat.primitives.serialization import pkcs12\n"
    "out = sys.argv[1]\n"
    "now = datetime.datetime.now(datetime.timezone.utc)\n"
    "day = datetime.timedelta(days=1)\n"
    "def name(cn):\n"
    "    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])\n"
    "def make(cn, key, issuer, signer, ca=False, sans=('DNS:localhost', 'IP:127.0.0.1'), start=-1, end=30):\n"
    "    b = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(issuer).public_key(key.public_key())\n"
    "         .serial_number(x509.random_serial_number())\n"
    "         .not_valid_before(now + start * day).not_valid_after(now + end * day)\n"
    "         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))\n"
    "    if not ca:\n"
    "        alt = [x509.DNSName(s[4:]) if s.startswith('DNS:') else x509.IPAddress(ipaddress.ip_address(s[3:])) for s "
    "in sans]\n"
    "        b = b.add_extension(x509.SubjectAlternativeName(alt), critical=False)\n"
    "        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, "
    "ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)\n"
    "    return b.sign(signer, None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256())\n"
    "def save_cert(fn, cert):\n"
    "    open(out + '/' + fn, 'wb').write(cert.public_bytes(serialization.Encoding.PEM))\n"
    "def save_key(fn, key, password=None):\n"
    "    enc = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()\n"
    "    open(out + '/' + fn, 'wb').write(key.private_bytes(serialization.Encoding.PEM, "
    "serialization.PrivateFormat.PKCS8, enc))\n"
    "ca_key = ec.generate_private_key(ec.SECP256R1())\n"
    "ca = make('HookBench Test CA', ca_key, name('HookBench Test CA'), ca_key, ca=True, end=3650)\n"
    "rogue_key = ec.generate_private_key(ec.SECP256R1())\n"
    "rogue = make('Rogue CA', rogue_key, name('Rogue CA'), rogue_key, ca=True, end=3650)\n"
    "save_cert('ca.pem', ca); save_key('ca.key', ca_key)\n"
    "server_key = ec.generate_private_key(ec.SECP256R1())\n"
    "save_key('server.key', server_key)\n"
    "save_cert('server.pem', make('localhost', server_key, ca.subject, ca_key))\n"
    "save_cert('expired.pem', make('expired.test', server_key, ca.subject, ca_key, start=-30, end=-2))\n"
    "save_cert('future.pem', make('future.test', server_key, ca.subject, ca_key, start=2, end=30))\n"
    "save_cert('othername.pem', make('other.example', server_key, ca.subject, ca_key, sans=('DNS:other.example',)))\n"
    "save_cert('selfsigned.pem', make('selfsigned.test', server_key, name('selfsigned.test'), server_key))\n"
    "save_cert('unknownca.pem', make('unknown-ca.test', server_key, rogue.subject, rogue_key))\n"
    "k = ec.generate_private_key(ec.SECP256R1())\n"
    "save_cert('client-pem.pem', make('pem-client', k, ca.subject, ca_key, sans=('DNS:pem-client',))); "
    "save_key('client-pem.key', k)\n"
    "k = rsa.generate_private_key(public_exponent=65537, key_size=2048)\n"
    "save_cert('client-enc.pem', make('enc-client', k, ca.subject, ca_key, sans=('DNS:enc-client',))); "
    "save_key('client-enc.key', k, b'correct horse')\n"
    "k = ed25519.Ed25519PrivateKey.generate()\n"
    "save_cert('client-ed.pem', make('ed-client', k, ca.subject, ca_key, sans=('DNS:ed-client',))); "
    "save_key('client-ed.key', k)\n"
    "k = ec.generate_private_key(ec.SECP256R1())\n"
    "c = make('p12-client', k, ca.subject, ca_key, sans=('DNS:p12-client',))\n"
    "open(out + '/client.p12', 'wb').write(pkcs12.serialize_key_and_certificates(b'p12-client', k, c, [ca], "
    "serialization.BestAvailableEncryption(b'p12 pass')))\n"
    "spki = server_key.public_key().public_bytes(serialization.Encoding.DER, "
    "serialization.PublicFormat.SubjectPublicKeyInfo)\n"
    "print(json.dumps({'serverPin': base64.b64encode(hashlib.sha256(spki).digest()).decode()}))\n";

// An independent TLS server: Python's http.server wrapped in ssl with CERT_REQUIRED, answering
// with the subject of the client certificate it received.
const char* const kServerScript =
    "import ssl, sys, http.server\n"
    "class Handler(http.server.BaseHTTPRequestHandler):\n"
    "    def do_POST(self):\n"
    "        body = self.rfile.read(int(self.headers.get('Content-Length', '0')))\n"
    "        cert = self.connection.getpeercert()\n"
    "        subject = ','.join('%s=%s' % rdn[0] for rdn in cert['subject'])\n"
    "        answer = ('client ' + subject + ' sent ' + str(len(body)) + ' bytes').encode()\n"
    "        self.send_response(200)\n"
    "        self.send_header('Content-Length', str(len(answer)))\n"
    "        self.end_headers()\n"
    "        self.wfile.write(answer)\n"
    "    def log_message(self, *args):\n"
    "        pass\n"
    "context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
    "context.load_cert_chain(sys.argv[1], sys.argv[2])\n"
    "context.load_verify_locations(sys.argv[3])\n"
    "context.verify_mode = ssl.CERT_REQUIRED\n"
    "server = http.server.HTTPServer(('127.0.0.1', 0), Handler)\n"
    "server.socket = context.wrap_socket(server.socket, server_side=True)\n"
    "print(server.server_address[1], flush=True)\n"
    "server.serve_forever()\n";

Event sampleEvent()
{
    auto event = Event::make(QStringLiteral("tls.test"), QByteArrayLiteral("{\"n\":1}"));
    return event ? event.value() : Event();
}

} // namespace

class TestClientTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_serverPin;
    std::unique_ptr<HttpServer> m_server;
    QList<ReceivedRequest> m_requests;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QSslCertificate certificate(const QString& name) const { return QSslCertificate(read(name), QSsl::Pem); }

    // Our receiver with the named server certificate; with mutual TLS, clients must present a
    // certificate issued by the test CA. Answers with the client certificate's subject.
    QString startServer(const QString& certificateName, bool requireClientCert)
    {
        m_server = std::make_unique<HttpServer>();
        HttpTlsConfig tls;
        tls.certificate = certificate(certificateName);
        tls.privateKey = QSslKey(read(QStringLiteral("server.key")), QSsl::Ec);
        if (requireClientCert) {
            tls.clientCaCertificates = {certificate(QStringLiteral("ca.pem"))};
            tls.requireClientCert = true;
        }
        const auto set = m_server->setTls(tls);
        if (!set) {
            qWarning() << set.error().toString();
            return {};
        }
        m_server->setHandler([this](const ReceivedRequest& request, HttpResponder responder) {
            m_requests.append(request);
            const QString subject =
                request.tls.clientCertificate ? request.tls.clientCertificate->subject : QStringLiteral("none");
            responder.respond(HttpResponse::text(200, "client " + subject.toUtf8()));
        });
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            return {};
        }
        return m_server->url() + QStringLiteral("/hook");
    }

    EndpointProfile profile(const QString& url) const
    {
        EndpointProfile profile;
        profile.name = QStringLiteral("TLS");
        profile.url = QUrl(url);
        profile.timeoutMs = 10000;
        profile.baseDir = m_dir.path();
        profile.tls.caFile = QStringLiteral("ca.pem");
        return profile;
    }

    // One attempt through a fresh engine: Qt keeps TLS connections per host and port, and a
    // reused connection would carry the previous case's client certificate.
    AttemptTrace deliver(const EndpointProfile& profile, const SecretValues& secrets = {})
    {
        DeliveryEngine engine;
        DeliveryJob job {profile, secrets, sampleEvent(), std::nullopt, true};
        Delivery* delivery = engine.deliver(std::move(job));
        QSignalSpy finished(delivery, &Delivery::finished);
        if (!finished.wait(20000) || delivery->attempts().isEmpty()) {
            return {};
        }
        return delivery->attempts().last();
    }

    EndpointProfile pemClient(const QString& url, SecretValues& secrets) const
    {
        EndpointProfile p = profile(url);
        p.tls.clientCert = QStringLiteral("client-pem.pem");
        p.tls.clientKey = QStringLiteral("test:pem-key");
        secrets.insert(p.tls.clientKey, read(QStringLiteral("client-pem.key")));
        return p;
    }
    EndpointProfile p12Client(const QString& url, SecretValues& secrets, const QByteArray& password) const
    {
        EndpointProfile p = profile(url);
        p.tls.clientCert = QStringLiteral("client.p12");
        p.tls.clientKeyPassword = QStringLiteral("test:p12-password");
        secrets.insert(p.tls.clientKeyPassword, password);
        return p;
    }
    EndpointProfile encryptedClient(const QString& url, SecretValues& secrets, const QByteArray& password) const
    {
        EndpointProfile p = profile(url);
        p.tls.clientCert = QStringLiteral("client-enc.pem");
        p.tls.clientKey = QStringLiteral("test:enc-key");
        secrets.insert(p.tls.clientKey, read(QStringLiteral("client-enc.key")));
        if (!password.isNull()) {
            p.tls.clientKeyPassword = QStringLiteral("test:enc-password");
            secrets.insert(p.tls.clientKeyPassword, password);
        }
        return p;
    }
    EndpointProfile ed25519Client(const QString& url, SecretValues& secrets) const
    {
        EndpointProfile p = profile(url);
        p.tls.clientCert = QStringLiteral("client-ed.pem");
        p.tls.clientKey = QStringLiteral("test:ed-key");
        secrets.insert(p.tls.clientKey, read(QStringLiteral("client-ed.key")));
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile script(path(QStringLiteral("certs.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kCertsScript);
        script.close();
        QProcess python;
        python.start(kPython, {script.fileName(), m_dir.path()});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        m_serverPin = QJsonDocument::fromJson(python.readAllStandardOutput())
                          .object()
                          .value(QStringLiteral("serverPin"))
                          .toString();
        QVERIFY(!m_serverPin.isEmpty());
    }
    void init() { m_requests.clear(); }
    void cleanup() { m_server.reset(); }

    void pinIsTheSubjectPublicKeyInfoDigest()
    {
        // python computed it from the key; we compute it from the certificate
        QCOMPARE(Tls::publicKeyPin(certificate(QStringLiteral("server.pem"))), m_serverPin);
        QCOMPARE(Tls::publicKeyPin(certificate(QStringLiteral("expired.pem"))), m_serverPin);
        QVERIFY(Tls::publicKeyPin(certificate(QStringLiteral("ca.pem"))) != m_serverPin);
    }

    void mutualTlsWithPemCredentials()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        QVERIFY(!url.isEmpty());
        SecretValues secrets;
        const AttemptTrace trace = deliver(pemClient(url, secrets), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(trace.responseBody, QByteArray("client CN=pem-client"));
        QCOMPARE(m_requests.size(), 1);
        QVERIFY(m_requests.first().tls.clientCertificateVerified);
    }

    void mutualTlsWithPkcs12()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        SecretValues secrets;
        const AttemptTrace trace = deliver(p12Client(url, secrets, "p12 pass"), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(trace.responseBody, QByteArray("client CN=p12-client"));
    }

    void pkcs12WithWrongOrMissingPassword()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        SecretValues secrets;
        AttemptTrace trace = deliver(p12Client(url, secrets, "not it"), secrets);
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY2(trace.error.contains(QLatin1String("tls.clientKeyPassword"))
                     && trace.error.contains(QLatin1String("wrong password")),
                 qPrintable(trace.error));

        EndpointProfile noPassword = profile(url);
        noPassword.tls.clientCert = QStringLiteral("client.p12");
        trace = deliver(noPassword);
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY2(trace.error.contains(QLatin1String("protected by a password")), qPrintable(trace.error));
        QVERIFY(m_requests.isEmpty());
    }

    void encryptedPemKey()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        SecretValues secrets;
        AttemptTrace trace = deliver(encryptedClient(url, secrets, "correct horse"), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(trace.responseBody, QByteArray("client CN=enc-client"));

        secrets.clear();
        trace = deliver(encryptedClient(url, secrets, "battery staple"), secrets);
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY2(trace.error.startsWith(QLatin1String("tls.clientKeyPassword: "))
                     && trace.error.contains(QLatin1String("wrong password")),
                 qPrintable(trace.error));
        QVERIFY(!trace.error.contains(QLatin1String("battery")));

        secrets.clear();
        trace = deliver(encryptedClient(url, secrets, QByteArray()), secrets);
        QVERIFY2(trace.error.startsWith(QLatin1String("tls.clientKey: "))
                     && trace.error.contains(QLatin1String("encrypted"))
                     && trace.error.contains(QLatin1String("tls.clientKeyPassword")),
                 qPrintable(trace.error));
        QCOMPARE(m_requests.size(), 1); // only the right password got through
    }

    void ed25519ClientKey()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        SecretValues secrets;
        const AttemptTrace trace = deliver(ed25519Client(url, secrets), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(trace.responseBody, QByteArray("client CN=ed-client"));
    }

    void keyOfAnotherCertificateIsRefused()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        SecretValues secrets;
        EndpointProfile p = pemClient(url, secrets);
        p.tls.clientCert = QStringLiteral("client-ed.pem");
        const AttemptTrace trace = deliver(p, secrets);
        QVERIFY2(trace.error.contains(QLatin1String("does not belong to the client certificate \"CN=ed-client\"")),
                 qPrintable(trace.error));
    }

    void missingClientCertificateIsExplained()
    {
        const QString url = startServer(QStringLiteral("server.pem"), true);
        const AttemptTrace trace = deliver(profile(url));
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY(m_requests.isEmpty());
        QVERIFY2(trace.error.contains(QLatin1String("tls.clientCert")), qPrintable(trace.error));
    }

    void mutualTlsAgainstPythonSsl()
    {
        QFile script(path(QStringLiteral("server.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kServerScript);
        script.close();
        QProcess server;
        server.start(kPython,
                     {script.fileName(),
                      path(QStringLiteral("server.pem")),
                      path(QStringLiteral("server.key")),
                      path(QStringLiteral("ca.pem"))});
        QVERIFY(server.waitForReadyRead(20000));
        const int port = server.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        const QString url = QStringLiteral("https://localhost:%1/hook").arg(port);
        const QByteArray body = sampleEvent().toCompactJson();

        SecretValues secrets;
        AttemptTrace trace = deliver(pemClient(url, secrets), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(trace.responseBody, "client commonName=pem-client sent " + QByteArray::number(body.size()) + " bytes");

        secrets.clear();
        trace = deliver(p12Client(url, secrets, "p12 pass"), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QVERIFY(trace.responseBody.startsWith("client commonName=p12-client "));

        secrets.clear();
        trace = deliver(encryptedClient(url, secrets, "correct horse"), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QVERIFY(trace.responseBody.startsWith("client commonName=enc-client "));

        secrets.clear();
        trace = deliver(ed25519Client(url, secrets), secrets);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QVERIFY(trace.responseBody.startsWith("client commonName=ed-client "));

        // Python refuses the handshake without a client certificate.
        trace = deliver(profile(url));
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY(trace.error.contains(QLatin1String("localhost")));

        server.kill();
        server.waitForFinished();
    }

    void certificateFailuresAreExplained_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("expired") << QStringLiteral("expired.pem") << QStringLiteral("127.0.0.1")
                                 << QStringList {QStringLiteral("\"CN=expired.test\""),
                                                 QStringLiteral("expired on"),
                                                 QStringLiteral("tls.verify false")};
        QTest::newRow("not yet valid") << QStringLiteral("future.pem") << QStringLiteral("127.0.0.1")
                                       << QStringList {QStringLiteral("\"CN=future.test\""),
                                                       QStringLiteral("is not valid until"),
                                                       QStringLiteral("clock")};
        QTest::newRow("unknown CA") << QStringLiteral("unknownca.pem") << QStringLiteral("127.0.0.1")
                                    << QStringList {QStringLiteral("\"CN=unknown-ca.test\""),
                                                    QStringLiteral("issued by \"CN=Rogue CA\""),
                                                    QStringLiteral("unknown CA"),
                                                    QStringLiteral("tls.caFile")};
        QTest::newRow("self-signed") << QStringLiteral("selfsigned.pem") << QStringLiteral("127.0.0.1")
                                     << QStringList {QStringLiteral("\"CN=selfsigned.test\""),
                                                     QStringLiteral("is self-signed"),
                                                     QStringLiteral("tls.caFile"),
                                                     QStringLiteral("tls.pinSha256")};
        QTest::newRow("hostname mismatch") << QStringLiteral("othername.pem") << QStringLiteral("127.0.0.1")
                                           << QStringList {QStringLiteral("\"CN=other.example\""),
                                                           QStringLiteral("is for DNS:other.example, not for"
                                                                          " \"127.0.0.1\""),
                                                           QStringLiteral("hostname mismatch"),
                                                           QStringLiteral("--san IP:127.0.0.1")};
        QTest::newRow("hostname mismatch by name")
            << QStringLiteral("othername.pem") << QStringLiteral("localhost")
            << QStringList {QStringLiteral("not for \"localhost\""), QStringLiteral("--san DNS:localhost")};
    }
    void certificateFailuresAreExplained()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, host);
        QFETCH(QStringList, expected);
        QString url = startServer(certificate, false);
        QVERIFY(!url.isEmpty());
        url.replace(QLatin1String("127.0.0.1"), host);
        const AttemptTrace trace = deliver(profile(url));
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QVERIFY(m_requests.isEmpty());
        qInfo().noquote() << "what the user reads:" << trace.error;
        QVERIFY2(trace.error.startsWith(QStringLiteral("TLS: the certificate of %1 was refused: ").arg(host)),
                 qPrintable(trace.error));
        for (const QString& part : expected) {
            QVERIFY2(trace.error.contains(part), qPrintable(QStringLiteral("no \"%1\" in: %2").arg(part, trace.error)));
        }
        // The certificate is named with its dates.
        const QSslCertificate presented = this->certificate(certificate);
        QVERIFY2(trace.error.contains(presented.expiryDate().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                 qPrintable(trace.error));
        if (qstrcmp(QTest::currentDataTag(), "self-signed") == 0) {
            QVERIFY2(trace.error.contains(m_serverPin), qPrintable(trace.error)); // the pin to use
        }
        // Without verification (for testing) the same server is reached.
        EndpointProfile unverified = profile(url);
        unverified.tls.verify = false;
        const AttemptTrace accepted = deliver(unverified);
        QVERIFY2(accepted.outcome == AttemptTrace::Outcome::Delivered, qPrintable(accepted.error));
    }

    void unreadableCaFileIsAConfigurationError()
    {
        const QString url = startServer(QStringLiteral("server.pem"), false);
        EndpointProfile p = profile(url);
        p.tls.caFile = QStringLiteral("missing-ca.pem");
        AttemptTrace trace = deliver(p);
        QVERIFY2(trace.error.startsWith(QLatin1String("tls.caFile: cannot read ")), qPrintable(trace.error));
        p.tls.caFile = QStringLiteral("server.key");
        trace = deliver(p);
        QVERIFY2(trace.error.startsWith(QLatin1String("tls.caFile: no PEM certificate")), qPrintable(trace.error));
        QVERIFY(m_requests.isEmpty());
        // Without caFile the private CA is unknown.
        p.tls.caFile.clear();
        trace = deliver(p);
        QVERIFY2(trace.error.contains(QLatin1String("unknown CA")), qPrintable(trace.error));
    }

    void pinMatchAndMismatch()
    {
        const QString url = startServer(QStringLiteral("server.pem"), false);
        EndpointProfile p = profile(url);
        p.tls.pinSha256 = {QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), m_serverPin};
        AttemptTrace trace = deliver(p);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(m_requests.size(), 1);

        p.tls.pinSha256 = {QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")};
        trace = deliver(p);
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Failed);
        QCOMPARE(m_requests.size(), 1); // aborted before the request was sent
        QVERIFY2(trace.error.startsWith(QLatin1String("TLS pin mismatch: the server's certificate \"CN=localhost\"")),
                 qPrintable(trace.error));
        QVERIFY(trace.error.contains(m_serverPin));
        QVERIFY(trace.error.contains(QLatin1String("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")));
        QVERIFY(trace.error.contains(QLatin1String("valid ")));
    }

    void pinAcceptsExactlyOneSelfSignedKey()
    {
        // verify false + pinSha256: the documented way to trust one self-signed server.
        const QString url = startServer(QStringLiteral("selfsigned.pem"), false);
        EndpointProfile p = profile(url);
        p.tls.verify = false;
        p.tls.pinSha256 = {m_serverPin};
        AttemptTrace trace = deliver(p);
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        p.tls.pinSha256 = {Tls::publicKeyPin(certificate(QStringLiteral("ca.pem")))};
        trace = deliver(p);
        QVERIFY2(trace.error.startsWith(QLatin1String("TLS pin mismatch")), qPrintable(trace.error));
        QCOMPARE(m_requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientTls)
#include "tst_clienttls.moc"

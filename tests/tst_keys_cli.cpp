#include "TestSupport.h"
#include "http/HttpServer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// gen-key and gen-cert end to end: the documented three steps (CA, server, client) give files
// that openssl, curl and Python's ssl accept, and that our receiver uses for mutual TLS.
class TestKeysCli final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Runs a program while the event loop keeps our in-process receiver answering.
    Run runProgram(const QString& program, const QStringList& args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOOKBENCH_DATA_DIR"), path(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path());
        process.start(program, args);
        Run result;
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    Run cli(const QStringList& args) { return runProgram(TestSupport::cliPath(), args); }

    QByteArray read(const QString& name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void threeStepsMakeAWorkingCaServerAndClient()
    {
        // The walkthrough of docs/tls.md.
        const QList<QStringList> steps {
            {QStringLiteral("gen-key"),
             QStringLiteral("--type"),
             QStringLiteral("ec"),
             QStringLiteral("--out"),
             QStringLiteral("ca.key")},
            {QStringLiteral("gen-cert"),
             QStringLiteral("--key"),
             QStringLiteral("ca.key"),
             QStringLiteral("--cn"),
             QStringLiteral("My Test CA"),
             QStringLiteral("--out"),
             QStringLiteral("ca.pem")},
            {QStringLiteral("gen-key"),
             QStringLiteral("--type"),
             QStringLiteral("rsa"),
             QStringLiteral("--bits"),
             QStringLiteral("2048"),
             QStringLiteral("--out"),
             QStringLiteral("server.key")},
            {QStringLiteral("gen-cert"),
             QStringLiteral("--key"),
             QStringLiteral("server.key"),
             QStringLiteral("--cn"),
             QStringLiteral("localhost"),
             QStringLiteral("--out"),
             QStringLiteral("server.pem"),
             QStringLiteral("--ca"),
             QStringLiteral("ca.pem"),
             QStringLiteral("--ca-key"),
             QStringLiteral("ca.key")},
            {QStringLiteral("gen-key"),
             QStringLiteral("--type"),
             QStringLiteral("ed25519"),
             QStringLiteral("--out"),
             QStringLiteral("client.key"),
             QStringLiteral("--pub"),
             QStringLiteral("client.pub")},
            {QStringLiteral("gen-cert"),
             QStringLiteral("--key"),
             QStringLiteral("client.key"),
             QStringLiteral("--cn"),
             QStringLiteral("sender"),
             QStringLiteral("--out"),
             QStringLiteral("client.pem"),
             QStringLiteral("--ca"),
             QStringLiteral("ca.pem"),
             QStringLiteral("--ca-key"),
             QStringLiteral("ca.key")},
        };
        for (const QStringList& step : steps) {
            const Run r = cli(step);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(r.out.startsWith("wrote "));
        }
        QCOMPARE(QFile(path(QStringLiteral("client.key"))).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(read(QStringLiteral("client.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));

        const Run verify = runProgram(QStringLiteral("openssl"),
                                      {QStringLiteral("verify"),
                                       QStringLiteral("-CAfile"),
                                       QStringLiteral("ca.pem"),
                                       QStringLiteral("server.pem"),
                                       QStringLiteral("client.pem")});
        QCOMPARE(verify.out, QByteArray("server.pem: OK\nclient.pem: OK\n"));

        // Our receiver, requiring a client certificate from that CA.
        HttpServer server;
        HttpTlsConfig tls;
        tls.certificate = QSslCertificate(read(QStringLiteral("server.pem")), QSsl::Pem);
        tls.privateKey = QSslKey(read(QStringLiteral("server.key")), QSsl::Rsa);
        tls.clientCaCertificates = {QSslCertificate(read(QStringLiteral("ca.pem")), QSsl::Pem)};
        tls.requireClientCert = true;
        const auto set = server.setTls(tls);
        QVERIFY2(set.ok(), qPrintable(set.error().toString()));
        QStringList seen;
        server.setHandler([&seen](const ReceivedRequest& request, HttpResponder responder) {
            seen << (request.tls.clientCertificate ? request.tls.clientCertificate->subject : QString());
            responder.respond(HttpResponse::text(200, "hello " + request.body));
        });
        QVERIFY(server.listen().ok());
        const QString url = QStringLiteral("https://localhost:%1/hook").arg(server.serverPort());

        const Run curl = runProgram(QStringLiteral("curl"),
                                    {QStringLiteral("-sS"),
                                     QStringLiteral("--cacert"),
                                     QStringLiteral("ca.pem"),
                                     QStringLiteral("--cert"),
                                     QStringLiteral("client.pem"),
                                     QStringLiteral("--key"),
                                     QStringLiteral("client.key"),
                                     QStringLiteral("--data"),
                                     QStringLiteral("curl"),
                                     url});
        QVERIFY2(curl.exitCode == 0, curl.err.constData());
        QCOMPARE(curl.out, QByteArray("hello curl"));

        const Run python =
            runProgram(QStringLiteral("/usr/bin/python3"),
                       {QStringLiteral("-c"),
                        QStringLiteral("import ssl,sys,http.client\n"
                                       "c=ssl.create_default_context(cafile='ca.pem')\n"
                                       "c.load_cert_chain('client.pem','client.key')\n"
                                       "h=http.client.HTTPSConnection('127.0.0.1',int(sys.argv[1]),context=c)\n"
                                       "h.request('POST','/hook',body=b'python')\n"
                                       "r=h.getresponse();print(r.status,r.read().decode())\n"),
                        QString::number(server.serverPort())});
        QVERIFY2(python.exitCode == 0, python.err.constData());
        QCOMPARE(python.out, QByteArray("200 hello python\n"));
        QCOMPARE(seen, QStringList({QStringLiteral("CN=sender"), QStringLiteral("CN=sender")}));

        // Without the client certificate curl is turned away.
        const Run anonymous = runProgram(QStringLiteral("curl"),
                                         {QStringLiteral("-sS"),
                                          QStringLiteral("--cacert"),
                                          QStringLiteral("ca.pem"),
                                          QStringLiteral("--data"),
                                          QStringLiteral("x"),
                                          url});
        QVERIFY(anonymous.exitCode != 0);
        QCOMPARE(seen.size(), 2);
    }

    void refusesToOverwriteWithoutForce()
    {
        QVERIFY(cli({QStringLiteral("gen-key"),
                     QStringLiteral("--type"),
                     QStringLiteral("ec"),
                     QStringLiteral("--out"),
                     QStringLiteral("keep.key")})
                    .exitCode
                == 0);
        const QByteArray before = read(QStringLiteral("keep.key"));
        Run r = cli({QStringLiteral("gen-key"),
                     QStringLiteral("--type"),
                     QStringLiteral("ec"),
                     QStringLiteral("--out"),
                     QStringLiteral("keep.key")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("hookbench-cli gen-key: keep.key already exists; pass --force to replace it\n"));
        QCOMPARE(read(QStringLiteral("keep.key")), before);
        r = cli({QStringLiteral("gen-key"),
                 QStringLiteral("--type"),
                 QStringLiteral("ec"),
                 QStringLiteral("--out"),
                 QStringLiteral("keep.key"),
                 QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(read(QStringLiteral("keep.key")) != before);

        QVERIFY(cli({QStringLiteral("gen-cert"),
                     QStringLiteral("--key"),
                     QStringLiteral("keep.key"),
                     QStringLiteral("--cn"),
                     QStringLiteral("x"),
                     QStringLiteral("--out"),
                     QStringLiteral("keep.pem")})
                    .exitCode
                == 0);
        r = cli({QStringLiteral("gen-cert"),
                 QStringLiteral("--key"),
                 QStringLiteral("keep.key"),
                 QStringLiteral("--cn"),
                 QStringLiteral("x"),
                 QStringLiteral("--out"),
                 QStringLiteral("keep.pem")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("already exists"));
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown type") << QStringList {QStringLiteral("gen-key"),
                                                      QStringLiteral("--type"),
                                                      QStringLiteral("dsa"),
                                                      QStringLiteral("--out"),
                                                      QStringLiteral("a.key")}
                                      << QByteArray("--type: unknown key type \"dsa\"");
        QTest::newRow("bits for ec") << QStringList {QStringLiteral("gen-key"),
                                                     QStringLiteral("--type"),
                                                     QStringLiteral("ec"),
                                                     QStringLiteral("--bits"),
                                                     QStringLiteral("2048"),
                                                     QStringLiteral("--out"),
                                                     QStringLiteral("a.key")}
                                     << QByteArray("--bits applies to rsa keys only");
        QTest::newRow("bad bits") << QStringList {QStringLiteral("gen-key"),
                                                  QStringLiteral("--type"),
                                                  QStringLiteral("rsa"),
                                                  QStringLiteral("--bits"),
                                                  QStringLiteral("1024"),
                                                  QStringLiteral("--out"),
                                                  QStringLiteral("a.key")}
                                  << QByteArray("--bits must be 2048, 3072 or 4096");
        QTest::newRow("no out") << QStringList {QStringLiteral("gen-key"),
                                                QStringLiteral("--type"),
                                                QStringLiteral("ec")}
                                << QByteArray("--out KEY.pem are required");
        QTest::newRow("unreadable key") << QStringList {QStringLiteral("gen-cert"),
                                                        QStringLiteral("--key"),
                                                        QStringLiteral("missing.key"),
                                                        QStringLiteral("--cn"),
                                                        QStringLiteral("x"),
                                                        QStringLiteral("--out"),
                                                        QStringLiteral("x.pem")}
                                        << QByteArray("--key: cannot read missing.key");
        QTest::newRow("ca without key") << QStringList {QStringLiteral("gen-cert"),
                                                        QStringLiteral("--key"),
                                                        QStringLiteral("missing.key"),
                                                        QStringLiteral("--cn"),
                                                        QStringLiteral("x"),
                                                        QStringLiteral("--out"),
                                                        QStringLiteral("x.pem"),
                                                        QStringLiteral("--ca"),
                                                        QStringLiteral("ca.pem")}
                                        << QByteArray("--ca CA.pem and --ca-key CA.key go together");
        QTest::newRow("bad san") << QStringList {QStringLiteral("gen-cert"),
                                                 QStringLiteral("--key"),
                                                 QStringLiteral("keep.key"),
                                                 QStringLiteral("--cn"),
                                                 QStringLiteral("x"),
                                                 QStringLiteral("--out"),
                                                 QStringLiteral("y.pem"),
                                                 QStringLiteral("--san"),
                                                 QStringLiteral("URI:x")}
                                 << QByteArray("\"URI:x\" is neither DNS:host.name nor IP:address");
        QTest::newRow("bad days") << QStringList {QStringLiteral("gen-cert"),
                                                  QStringLiteral("--key"),
                                                  QStringLiteral("keep.key"),
                                                  QStringLiteral("--cn"),
                                                  QStringLiteral("x"),
                                                  QStringLiteral("--out"),
                                                  QStringLiteral("y.pem"),
                                                  QStringLiteral("--days"),
                                                  QStringLiteral("0")}
                                  << QByteArray("--days must be");
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(!QFile::exists(path(QStringLiteral("a.key"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("y.pem"))));
    }
};

QTEST_GUILESS_MAIN(TestKeysCli)
#include "tst_keys_cli.moc"

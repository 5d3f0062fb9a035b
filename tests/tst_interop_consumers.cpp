#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// `hookbench-cli check` and `send` against webhook consumers built on each provider's official
// library (tests/interop/consumers: Node.js, the libraries at the versions package-lock.json pins),
// each on its own loopback port:
// - no case is a fail against a real library, and the warn rows are exactly the ones its known
//   defaults produce (Stripe's: future timestamps are accepted);
// - a consumer that accepts everything gets a fail on every hostile case;
// - what `send` signs is what each library verifies: it accepts the delivery and returns our event.
// Without Node.js or the installed libraries the test fails under CI=true and is skipped elsewhere.
namespace {
using Run = TestSupport::CliRun;
using TestSupport::jsonLines;
using Verdicts = QMap<QString, QString>;

const QByteArray Whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const QByteArray StripeSecret = "whsec_hookbench_interop_stripe_0123456789";
const QByteArray GitHubSecret = "It's a Secret to Everybody";

// The verdicts of a consumer that verifies correctly with nothing stricter than its library: every
// case ok, the duplicate unverified (a consumer that does not deduplicate answers it like the
// first delivery, and from outside that cannot be told from one that does), plus the warn rows.
Verdicts expectedVerdicts(const QStringList& cases, const QStringList& warn)
{
    Verdicts out;
    for (const QString& name : cases) {
        out.insert(name,
                   name == QLatin1String("duplicate-event") ? QStringLiteral("unverified")
                   : warn.contains(name)                    ? QStringLiteral("warn")
                                                            : QStringLiteral("ok"));
    }
    return out;
}

const QStringList Base {QStringLiteral("valid"), QStringLiteral("duplicate-event")};
const QStringList Integrity {QStringLiteral("tampered-body"), QStringLiteral("reserialised-body")};
const QStringList Signature {QStringLiteral("wrong-secret"),
                             QStringLiteral("signature-missing"),
                             QStringLiteral("other-version"),
                             QStringLiteral("empty-signature")};
const QStringList Timestamps {QStringLiteral("timestamp-too-old"),
                              QStringLiteral("timestamp-ahead"),
                              QStringLiteral("timestamp-not-numeric")};
} // namespace

class TestInteropConsumers final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_node;
    QString m_consumers;

    QProcessEnvironment environment() const
    {
        return TestSupport::cliEnvironment(m_dir.filePath(QStringLiteral("data")));
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        return TestSupport::writeFile(path, content) ? path : QString();
    }

    // Starts `node <script>` with WEBHOOK_SECRET; returns the URL it listens on, empty on failure.
    QString startConsumer(QProcess& process, const QString& script, const QByteArray& secret)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WEBHOOK_SECRET"), QString::fromUtf8(secret));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_consumers);
        process.start(m_node, {script});
        if (!process.waitForStarted()) {
            qWarning() << "cannot start" << m_node << script << process.errorString();
            return {};
        }
        QByteArray out;
        if (!QTest::qWaitFor(
                [&] {
                    out += process.readAllStandardOutput();
                    return out.contains('\n') || process.state() == QProcess::NotRunning;
                },
                20000)) {
            qWarning() << script << "did not say where it listens";
            return {};
        }
        const QString url = jsonLines(out).value(0).value(QStringLiteral("listening")).toString();
        if (url.isEmpty()) {
            qWarning() << script << "failed:" << out << process.readAllStandardError();
        }
        return url;
    }

    // Stops the consumer; returns the lines it printed after the first (one per request).
    static QList<QJsonObject> stop(QProcess& process)
    {
        process.terminate();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished();
        }
        return jsonLines(process.readAllStandardOutput());
    }

    QString profile(const QString& url, const QByteArray& signature)
    {
        return write(QStringLiteral("profile.json"),
                     "{\"format\":\"hookbench.endpoint/1\",\"url\":\"" + url.toUtf8() + "/webhooks\",\"signatures\":["
                         + signature + "]}");
    }

    static Verdicts verdicts(const Run& run)
    {
        Verdicts out;
        for (const auto& line : jsonLines(run.out)) {
            out.insert(line.value(QStringLiteral("case")).toString(), line.value(QStringLiteral("verdict")).toString());
            // ok is true exactly for ok, warn and unverified
            const QString verdict = line.value(QStringLiteral("verdict")).toString();
            if (line.value(QStringLiteral("ok")).toBool()
                != (verdict == u"ok" || verdict == u"warn" || verdict == u"unverified")) {
                out.insert(QStringLiteral("ok-field-wrong"), verdict);
            }
        }
        return out;
    }

    static QString describe(const Run& run) { return QString::fromUtf8(run.out + run.err); }

    void addLibraries()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QStringList>("cases");
        QTest::addColumn<QStringList>("warn");

        const QByteArray standard = "{\"scheme\":\"standard-webhooks\",\"secret\":\"literal:" + Whsec + "\"}";
        QTest::newRow("standardwebhooks") << QStringLiteral("standardwebhooks.mjs") << Whsec << standard
                                          << Base + Integrity + Signature + Timestamps << QStringList {};
        QTest::newRow("svix") << QStringLiteral("svix.mjs") << Whsec << standard
                              << Base + Integrity + Signature + Timestamps << QStringList {};
        // stripe-node checks only a timestamp's age, never whether it lies in the future.
        QTest::newRow("stripe") << QStringLiteral("stripe.mjs") << StripeSecret
                                << "{\"scheme\":\"stripe\",\"secret\":\"literal:" + StripeSecret + "\"}"
                                << Base + Integrity + Signature + Timestamps
                                << QStringList {QStringLiteral("timestamp-ahead")};
        QTest::newRow("@octokit/webhooks-methods")
            << QStringLiteral("octokit.mjs") << GitHubSecret
            << "{\"scheme\":\"github\",\"secret\":\"literal:" + GitHubSecret + "\"}" << Base + Integrity + Signature
            << QStringList {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::cliPath().isEmpty(), "HOOKBENCH_CLI is not set");
        m_consumers = TestSupport::sourceDir() + QStringLiteral("/tests/interop/consumers");
        QVERIFY2(QFileInfo::exists(m_consumers + QStringLiteral("/package-lock.json")), qPrintable(m_consumers));
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty()) {
            m_node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
        }
        QString missing;
        if (m_node.isEmpty()) {
            missing = QStringLiteral("Node.js (node) is not installed");
        } else if (!QFileInfo::exists(m_consumers + QStringLiteral("/node_modules/.package-lock.json"))) {
            missing =
                QStringLiteral("the consumers' libraries are not installed (no %1/node_modules)").arg(m_consumers);
        }
        if (!missing.isEmpty()) {
            const QString message =
                missing
                + QStringLiteral("; scripts/bootstrap.sh deps installs them (Node.js from Debian, then npm ci in"
                                 " tests/interop/consumers)");
            if (qEnvironmentVariable("CI") == QLatin1String("true")) {
                QFAIL(qPrintable(message)); // CI must run these, not pass without them
            }
            QSKIP(qPrintable(message));
        }
    }

    void checkAgainstTheOfficialLibrary_data() { addLibraries(); }

    void checkAgainstTheOfficialLibrary()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, signature);
        QFETCH(QStringList, cases);
        QFETCH(QStringList, warn);

        QProcess consumer;
        const QString url = startConsumer(consumer, script, secret);
        QVERIFY(!url.isEmpty());
        const QString profilePath = profile(url, signature);
        const Run run = TestSupport::runCli(
            {QStringLiteral("check"), QStringLiteral("--profile"), profilePath, QStringLiteral("--json")},
            environment());
        const Run strict = TestSupport::runCli(
            {QStringLiteral("check"), QStringLiteral("--profile"), profilePath, QStringLiteral("--strict")},
            environment());
        const auto log = stop(consumer);

        QCOMPARE(verdicts(run), expectedVerdicts(cases, warn));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        // --strict counts the warn rows: a library default still fails a strict run.
        QVERIFY2(strict.exitCode == (warn.isEmpty() ? 0 : 1), qPrintable(describe(strict)));
        // Every request reached the library; it accepted the valid delivery, its duplicate and the
        // warn rows only (twice: the run and the strict run).
        const auto accepted = std::count_if(log.cbegin(), log.cend(), [](const QJsonObject& line) {
            return line.value(QStringLiteral("accepted")).toBool();
        });
        QCOMPARE(log.size(), 2 * cases.size());
        QCOMPARE(accepted, 2 * (2 + warn.size()));
    }

    void acceptEverythingFailsEveryHostileCase_data() { addLibraries(); }

    // The same profiles against a consumer that verifies nothing: every case that expects a
    // refusal is a fail, except timestamp-ahead, which is never more than a warn.
    void acceptEverythingFailsEveryHostileCase()
    {
        QFETCH(QByteArray, signature);
        QFETCH(QStringList, cases);

        QProcess consumer;
        const QString url = startConsumer(consumer, QStringLiteral("accept-everything.mjs"), "unused");
        QVERIFY(!url.isEmpty());
        const Run run = TestSupport::runCli(
            {QStringLiteral("check"), QStringLiteral("--profile"), profile(url, signature), QStringLiteral("--json")},
            environment());
        stop(consumer);

        Verdicts expected;
        for (const QString& name : cases) {
            expected.insert(name,
                            name == QLatin1String("valid")             ? QStringLiteral("ok")
                            : name == QLatin1String("duplicate-event") ? QStringLiteral("unverified")
                            : name == QLatin1String("timestamp-ahead") ? QStringLiteral("warn")
                                                                       : QStringLiteral("fail"));
        }
        QCOMPARE(verdicts(run), expected);
        QCOMPARE(run.exitCode, 1);
    }

    void sendIsAcceptedByTheOfficialLibrary_data() { addLibraries(); }

    // What `send` signs is what the library verifies: it accepts the delivery and hands back the
    // event we sent.
    void sendIsAcceptedByTheOfficialLibrary()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, signature);

        QProcess consumer;
        const QString url = startConsumer(consumer, script, secret);
        QVERIFY(!url.isEmpty());
        const QString event =
            write(QStringLiteral("event.json"),
                  "{\"id\":\"evt_interop_0001\",\"type\":\"invoice.paid\","
                  "\"data\":{\"amount\":1250,\"currency\":\"EUR\",\"note\":\"caf\xc3\xa9 \xe2\x82\xac\"}}");
        const Run run = TestSupport::runCli({QStringLiteral("send"),
                                             QStringLiteral("--profile"),
                                             profile(url, signature),
                                             QStringLiteral("--event"),
                                             event},
                                            environment());
        const auto log = stop(consumer);

        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(log.size(), 1);
        QVERIFY2(log.first().value(QStringLiteral("accepted")).toBool(),
                 QJsonDocument(log.first()).toJson().constData());
        QCOMPARE(log.first().value(QStringLiteral("id")).toString(), QStringLiteral("evt_interop_0001"));
    }
};

QTEST_GUILESS_MAIN(TestInteropConsumers)
#include "tst_interop_consumers.moc"

#include "LoopbackServer.h"

#include "delivery/DeliveryEngine.h"
#include "history/ReceivedStore.h"
#include "receiver/Receiver.h"
#include "secrets/SecretRef.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The project's sender against the project's receiver over loopback: each scheme valid and
// signed with the wrong key, the configured answers driving the sender's retries, delays and
// dropped connections, and the rule that a request is in the database before its answer leaves.
namespace {

const QByteArray Seed = QByteArray::fromBase64("VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=");
const QString PublicKey = QStringLiteral("whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=");

SecretValues resolveAll(const QStringList& refs)
{
    SecretValues values;
    for (const QString& ref : refs) {
        values.insert(ref, SecretRef::parse(ref).resolveLocal({}).value());
    }
    return values;
}

Event sampleEvent(const QString& id = QStringLiteral("evt_recv_1"))
{
    return Event(
        QJsonObject {{QStringLiteral("id"), id},
                     {QStringLiteral("type"), QStringLiteral("policy.bound")},
                     {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("policyId"), QStringLiteral("abc")}}}});
}

QList<AttemptTrace> deliverAll(DeliveryEngine& engine, DeliveryJob job, int timeoutMs = 15000)
{
    Delivery* delivery = engine.deliver(std::move(job));
    QSignalSpy finished(delivery, &Delivery::finished);
    if (!finished.wait(timeoutMs)) {
        return {};
    }
    return delivery->attempts();
}

QString details(const ReceivedRecord& record)
{
    return QString::fromUtf8(QJsonDocument(record.checks).toJson(QJsonDocument::Compact));
}

} // namespace

class TestReceiver final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<ReceivedStore> m_store;
    Receiver* m_receiver = nullptr;

    // Starts a receiver from a config object (format added); fails the test when it cannot.
    bool startReceiver(QJsonObject config)
    {
        config.insert(QStringLiteral("format"), QStringLiteral("hookbench.receiver/1"));
        auto parsed = ReceiverConfig::fromJson(QJsonDocument(config).toJson());
        if (!parsed) {
            qWarning() << parsed.error().toString();
            return false;
        }
        m_receiver = new Receiver(this);
        m_receiver->setStore(m_store.get());
        auto started = m_receiver->start(parsed.value(), resolveAll(parsed->secretRefs()));
        if (!started) {
            qWarning() << started.error().toString();
            return false;
        }
        return true;
    }

    EndpointProfile profile(const QString& path = QStringLiteral("/hook")) const
    {
        EndpointProfile p;
        p.name = QStringLiteral("to receiver");
        p.url = QUrl(m_receiver->url() + path);
        p.timeoutMs = 5000;
        return p;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        auto store = ReceivedStore::open(m_dir->filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        m_store = std::move(store).value();
    }

    void cleanup()
    {
        delete m_receiver;
        m_receiver = nullptr;
        m_store.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void everySchemeValidAndWrongKey_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("signSecret");
        QTest::addColumn<QString>("verifySecret");
        QTest::addColumn<QString>("wrongSecret");
        QTest::newRow("hmac-sha256") << "hmac-sha256"
                                     << "shared-1"
                                     << "shared-1"
                                     << "shared-2";
        QTest::newRow("github") << "github"
                                << "gh-secret"
                                << "gh-secret"
                                << "gh-other";
        QTest::newRow("shopify") << "shopify"
                                 << "shp-secret"
                                 << "shp-secret"
                                 << "shp-other";
        QTest::newRow("standard-webhooks v1")
            << "standard-webhooks"
            << "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
            << "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
            << QStringLiteral("whsec_") + QString::fromLatin1(QByteArray("another key!").toBase64());
        QTest::newRow("standard-webhooks v1a")
            << "standard-webhooks" << QStringLiteral("whsk_") + QString::fromLatin1(Seed.toBase64()) << PublicKey
            << QStringLiteral("whsk_") + QString::fromLatin1(QByteArray(32, 'k').toBase64());
        QTest::newRow("stripe") << "stripe"
                                << "whsec_stripe"
                                << "whsec_stripe"
                                << "whsec_other";
        QTest::newRow("slack") << "slack"
                               << "slack-signing"
                               << "slack-signing"
                               << "slack-other";
    }

    void everySchemeValidAndWrongKey()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, signSecret);
        QFETCH(QString, verifySecret);
        QFETCH(QString, wrongSecret);
        QVERIFY(startReceiver(QJsonObject {
            {QStringLiteral("verify"),
             QJsonObject {
                 {QStringLiteral("signatures"),
                  QJsonArray {QJsonObject {{QStringLiteral("scheme"), scheme},
                                           {QStringLiteral("secrets"),
                                            QJsonArray {QString(QStringLiteral("literal:") + verifySecret)}}}}}}}}));
        DeliveryEngine engine;
        for (const bool valid : {true, false}) {
            EndpointProfile p = profile();
            SignatureConfig signature;
            signature.scheme = *SignatureConfig::schemeFromName(scheme);
            signature.secret = QStringLiteral("literal:") + (valid ? signSecret : wrongSecret);
            p.signatures = {signature};
            const auto attempts =
                deliverAll(engine, {p, resolveAll(p.secretRefs()), sampleEvent(), std::nullopt, true});
            QCOMPARE(attempts.size(), 1);
            QCOMPARE(attempts.first().status, valid ? 200 : 401);
            const auto stored = m_store->latest(1);
            QCOMPARE(stored.size(), 1);
            const ReceivedRecord& record = stored.first();
            QCOMPARE(record.verdict, valid ? QStringLiteral("accepted") : QStringLiteral("rejected"));
            QCOMPARE(record.status, valid ? 200 : 401);
            QCOMPARE(record.body, attempts.first().requestBody);
            const QJsonObject check = record.checks.first().toObject();
            QCOMPARE(check.value(QStringLiteral("check")).toString(), scheme);
            QCOMPARE(check.value(QStringLiteral("ok")).toBool(), valid);
            if (!valid) {
                // The sender reads why in the answer's body.
                QVERIFY2(attempts.first().responseBody.startsWith(QByteArray(scheme.toUtf8() + ": ")),
                         attempts.first().responseBody.constData());
            }
        }
        QCOMPARE(m_store->count(), 2);
    }

    void statusSequenceDrivesTheSendersRetries()
    {
        QVERIFY(startReceiver(QJsonObject {
            {QStringLiteral("response"), QJsonObject {{QStringLiteral("statusSequence"), QJsonArray {500, 500, 200}}}},
            {QStringLiteral("verify"), QJsonObject {{QStringLiteral("dedupe"), true}}}}));
        EndpointProfile p = profile();
        p.retry.policy = RetryPolicyType::Fixed;
        p.retry.intervalMs = 20;
        p.retry.maxAttempts = 5;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {p, {}, sampleEvent(), std::nullopt, false});
        QCOMPARE(attempts.size(), 3);
        QCOMPARE(attempts.at(0).status, 500);
        QCOMPARE(attempts.at(1).status, 500);
        QCOMPARE(attempts.at(2).status, 200);
        QCOMPARE(AttemptTrace::outcomeName(attempts.at(2).outcome), QStringLiteral("delivered"));
        // The retries of an event answered 500 are not duplicates: it was never processed.
        const auto stored = m_store->latest(10);
        QCOMPARE(stored.size(), 3);
        for (const auto& record : stored) {
            QVERIFY(!record.duplicate);
        }
        // Now it was processed: the same event again is a duplicate, answered 200.
        const auto again = deliverAll(engine, {p, {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(again.first().status, 200);
        QVERIFY(m_store->latest(1).first().duplicate);
        QVERIFY2(details(m_store->latest(1).first()).contains(QLatin1String("duplicate: event id evt_recv_1")),
                 qPrintable(details(m_store->latest(1).first())));
    }

    void delayBeyondTheSendersTimeoutIsATimeout()
    {
        QVERIFY(
            startReceiver(QJsonObject {{QStringLiteral("response"), QJsonObject {{QStringLiteral("delayMs"), 1500}}}}));
        EndpointProfile p = profile();
        p.timeoutMs = 200;
        DeliveryEngine engine;
        const auto late = deliverAll(engine, {p, {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.first().status, 0);
        QVERIFY2(late.first().error.contains(QLatin1String("timed out"), Qt::CaseInsensitive)
                     || late.first().error.contains(QLatin1String("timeout"), Qt::CaseInsensitive),
                 qPrintable(late.first().error));
        QCOMPARE(m_store->count(), 1); // stored although the answer never reached the sender

        p.timeoutMs = 5000;
        const auto patient = deliverAll(engine, {p, {}, sampleEvent(QStringLiteral("evt_2")), std::nullopt, true});
        QCOMPARE(patient.first().status, 200);
    }

    void dropClosesWithoutAnswer()
    {
        QVERIFY(
            startReceiver(QJsonObject {{QStringLiteral("response"), QJsonObject {{QStringLiteral("drop"), true}}}}));
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile(), {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().status, 0);
        QVERIFY(!attempts.first().error.isEmpty());
        const auto stored = m_store->latest(1);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().status, 0);
        QCOMPARE(stored.first().verdict, QStringLiteral("accepted"));
    }

    void storeFailureIsAnswered503NeverOk()
    {
        QVERIFY(startReceiver(QJsonObject {}));
        {
            // Another program breaks the database under the receiver's feet.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
            db.setDatabaseName(m_store->path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("ALTER TABLE received RENAME TO received_gone")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));
        QSignalSpy failed(m_receiver, &Receiver::storeFailed);
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile(), {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(attempts.first().status, 503);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_receiver->processedCount(), qint64(0));
    }

    void concurrentRequestsAreAllStoredMasked()
    {
        QVERIFY(startReceiver(QJsonObject {
            {QStringLiteral("verify"),
             QJsonObject {{QStringLiteral("auth"),
                           QJsonObject {{QStringLiteral("type"), QStringLiteral("basic")},
                                        {QStringLiteral("username"), QStringLiteral("acme")},
                                        {QStringLiteral("password"), QStringLiteral("literal:pw-0123456789")}}}}}}));
        // A second connection to the file, as another process would read it: every answered
        // request is there by the time the sender has its answer (the kill -9 test of
        // tst_receive_cli proves the same across processes).
        auto reader = ReceivedStore::open(m_store->path());
        QVERIFY(reader.ok());
        EndpointProfile p = profile();
        p.auth.type = AuthType::Basic;
        p.auth.username = QStringLiteral("acme");
        p.auth.password = QStringLiteral("literal:pw-0123456789");
        DeliveryEngine engine;
        QList<qint64> countsSeenByTheSender;
        QObject::connect(&engine, &DeliveryEngine::attemptFinished, this, [&](const AttemptTrace& trace) {
            if (trace.status == 200) {
                countsSeenByTheSender.append(reader.value()->count());
            }
        });
        constexpr int Total = 12;
        QList<Delivery*> deliveries;
        for (int i = 0; i < Total; ++i) {
            deliveries.append(engine.deliver(
                {p, resolveAll(p.secretRefs()), sampleEvent(QStringLiteral("evt_b%1").arg(i)), std::nullopt, true}));
        }
        QTRY_COMPARE_WITH_TIMEOUT(countsSeenByTheSender.size(), Total, 15000);
        for (int i = 0; i < Total; ++i) {
            QVERIFY2(countsSeenByTheSender.at(i) >= i + 1, "an answer arrived before its request was stored");
        }
        QCOMPARE(m_store->count(), Total);
        // The credential is kept masked, the rest exactly.
        const ReceivedRecord record = m_store->latest(1).first();
        const QByteArray authorization = Headers::value(record.headers, "Authorization");
        QCOMPARE(authorization,
                 QByteArray(QStringLiteral("••••").toUtf8() + QByteArray("acme:pw-0123456789").toBase64().right(4)));
        QVERIFY(!record.body.isEmpty());
        QCOMPARE(m_receiver->processedCount(), qint64(Total));
    }

    void forwardsAcceptedRequestsAndRecordsTheAnswer()
    {
        LoopbackServer target;
        target.setResponses({LoopbackServer::Response(202, "Accepted", {{"X-Dev", "yes"}}, "dev says hi")});
        QVERIFY(startReceiver(QJsonObject {{QStringLiteral("forwardTo"), QString::fromLatin1(target.url("/dev"))}}));
        QSignalSpy forwarded(m_receiver, &Receiver::requestForwarded);
        EndpointProfile p = profile(QStringLiteral("/hook?x=1"));
        p.headers = {{QStringLiteral("X-Partner-Id"), QStringLiteral("p-42")}};
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {p, {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(attempts.first().status, 200);
        QVERIFY(forwarded.wait(10000) || forwarded.size() == 1);
        QCOMPARE(target.requests().size(), 1);
        const auto& sent = target.requests().first();
        QCOMPARE(sent.target, QByteArray("/dev?x=1"));
        QCOMPARE(sent.header("X-Partner-Id"), QByteArray("p-42"));
        QCOMPARE(sent.body, attempts.first().requestBody);
        const auto record = m_store->bySeq(forwarded.first().first().toLongLong());
        QVERIFY(record);
        QCOMPARE(record->forward.value(QStringLiteral("status")).toInt(), 202);
        QCOMPARE(record->forward.value(QStringLiteral("body")).toString(), QStringLiteral("dev says hi"));
    }

    void selfSignedHttps()
    {
        QVERIFY(
            startReceiver(QJsonObject {{QStringLiteral("tls"), QJsonObject {{QStringLiteral("selfSigned"), true}}}}));
        QVERIFY(m_receiver->url().startsWith(QLatin1String("https://")));
        QCOMPARE(m_receiver->selfSignedFingerprint().size(), 32 * 3 - 1);
        EndpointProfile p = profile();
        p.tls.verify = false;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {p, {}, sampleEvent(), std::nullopt, true});
        QCOMPARE(attempts.first().status, 200);
        const auto record = m_store->latest(1).first();
        QVERIFY(record.tls.value(QStringLiteral("protocol")).toString().startsWith(QLatin1String("TLSv1")));
    }
};

QTEST_GUILESS_MAIN(TestReceiver)
#include "tst_receiver.moc"

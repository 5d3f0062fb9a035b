#include "LoopbackServer.h"
#include "TestSupport.h"

#include "delivery/DeliveryEngine.h"
#include "history/ReceivedStore.h"
#include "receiver/Receiver.h"
#include "secrets/SecretRef.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The project's sender against the project's receiver over loopback: each scheme valid and
// signed with the wrong key, the configured answers driving the sender's retries, delays and
// dropped connections, and the rule that a request is in the database before its answer leaves.
using TestSupport::resolveAll;

namespace {

const QByteArray Seed = QByteArray::fromBase64("VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=");
const QString PublicKey = QStringLiteral("whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=");

Event sampleEvent(const QString& id = QStringLiteral("evt_recv_1"))
{
    return TestSupport::sampleEvent(id);
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

struct RawAnswer
{
    int status = 0;
    QByteArray body;
};

// A request with exactly these headers, as an unauthenticated client would send it.
RawAnswer postRaw(const QString& url, const HeaderList& headers, const QByteArray& body)
{
    QNetworkAccessManager network;
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QNetworkReply* reply = network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000)) {
        return {};
    }
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

// Everything of a configured secret an answer must not show: the value, its masked form, its
// last four characters.
void verifyRevealsNothingOf(const QByteArray& answer, const QString& secret)
{
    const QString text = QString::fromUtf8(answer);
    QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY2(!text.contains(maskSecret(secret.toUtf8())), qPrintable(text));
    QVERIFY2(!text.contains(secret.right(4)), qPrintable(text));
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

    // The answer to a rejected request goes to an unauthenticated client: it names the failed
    // check and a fixed reason, never anything derived from the configured secret (its masked
    // form, its last characters, "it matches once spaces are removed"). The full detail stays
    // in the history, the local user's view.
    void authRejectionsRevealNoSecret_data()
    {
        QTest::addColumn<QJsonObject>("auth");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("storedDetailPart");
        const QString pw = QStringLiteral("pw-configured-2345");
        QTest::newRow("basic wrong password")
            << QJsonObject {{QStringLiteral("type"), QStringLiteral("basic")},
                            {QStringLiteral("username"), QStringLiteral("acme")},
                            {QStringLiteral("password"), QString(QStringLiteral("literal:") + pw)}}
            << QByteArray("Authorization") << QByteArray("Basic " + QByteArray("acme:pw-configured-2346").toBase64())
            << pw << "auth basic: credentials do not match\n"
            << "do not match (wrong password";
        QTest::newRow("basic missing") << QJsonObject {{QStringLiteral("type"), QStringLiteral("basic")},
                                                       {QStringLiteral("username"), QStringLiteral("acme")},
                                                       {QStringLiteral("password"),
                                                        QString(QStringLiteral("literal:") + pw)}}
                                       << QByteArray("X-Other") << QByteArray("x") << pw
                                       << "auth basic: credentials missing\n"
                                       << "Authorization header missing";
        const QString token = QStringLiteral("tok-configured-2345");
        QTest::newRow("bearer") << QJsonObject {{QStringLiteral("type"), QStringLiteral("bearer")},
                                                {QStringLiteral("token"), QString(QStringLiteral("literal:") + token)}}
                                << QByteArray("Authorization") << QByteArray("Bearer tok-configured-oken") << token
                                << "auth bearer: credentials do not match\n"
                                << maskSecret(token.toUtf8());
        const QString key = QStringLiteral("key-configured-2345");
        QTest::newRow("apiKey") << QJsonObject {{QStringLiteral("type"), QStringLiteral("apiKey")},
                                                {QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                                                {QStringLiteral("prefix"), QStringLiteral("Key ")},
                                                {QStringLiteral("value"), QString(QStringLiteral("literal:") + key)}}
                                << QByteArray("X-Api-Key") << QByteArray("Key key-wrong-0000") << key
                                << "auth apiKey: credentials do not match\n"
                                << maskSecret(key.toUtf8());
        QTest::newRow("header") << QJsonObject {{QStringLiteral("type"), QStringLiteral("header")},
                                                {QStringLiteral("headerName"), QStringLiteral("X-Auth")},
                                                {QStringLiteral("value"), QString(QStringLiteral("literal:") + key)}}
                                << QByteArray("X-Auth") << QByteArray("key-configured-234") << key
                                << "auth header: credentials do not match\n"
                                << maskSecret(key.toUtf8());
        // oauth2 tells the sender whether its token expired or was never issued (what it sent,
        // masked), never anything of the client secret.
        QTest::newRow("oauth2") << QJsonObject {{QStringLiteral("type"), QStringLiteral("oauth2")}}
                                << QByteArray("Authorization") << QByteArray("Bearer not-issued-token-9999")
                                << QStringLiteral("cs-configured-2345")
                                << "auth oauth2: token \u2022\u2022\u2022\u20229999 not issued by this receiver"
                                << "not issued by this receiver";
    }

    void authRejectionsRevealNoSecret()
    {
        QFETCH(QJsonObject, auth);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QString, secret);
        QFETCH(QString, answer);
        QFETCH(QString, storedDetailPart);
        QJsonObject config {{QStringLiteral("verify"), QJsonObject {{QStringLiteral("auth"), auth}}}};
        if (auth.value(QStringLiteral("type")).toString() == QLatin1String("oauth2")) {
            config.insert(QStringLiteral("tokenEndpoint"),
                          QJsonObject {{QStringLiteral("path"), QStringLiteral("/oauth2/token")},
                                       {QStringLiteral("clientId"), QStringLiteral("c1")},
                                       {QStringLiteral("clientSecret"), QString(QStringLiteral("literal:") + secret)}});
        }
        QVERIFY(startReceiver(config));
        const RawAnswer rejected = postRaw(
            m_receiver->url() + QStringLiteral("/hook"), {{header, value}}, QByteArrayLiteral("{\"id\":\"e\"}"));
        QCOMPARE(rejected.status, 401);
        QVERIFY2(QString::fromUtf8(rejected.body).startsWith(answer), rejected.body.constData());
        QCOMPARE(rejected.body.count('\n'), 1);
        verifyRevealsNothingOf(rejected.body, secret);
        // The local user still reads the whole explanation.
        const auto stored = m_store->latest(1);
        QCOMPARE(stored.size(), 1);
        QVERIFY2(details(stored.first()).contains(storedDetailPart), qPrintable(details(stored.first())));
    }

    void signatureRejectionsRevealNoSecret_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("signSecret");
        for (const char* scheme : {"hmac-sha256", "github", "shopify", "stripe", "slack"}) {
            QTest::newRow(scheme) << QString::fromLatin1(scheme) << QStringLiteral("sig-configured-2345")
                                  << QStringLiteral("sig-configured-2346");
        }
        QTest::newRow("standard-webhooks")
            << "standard-webhooks"
            << QStringLiteral("whsec_") + QString::fromLatin1(QByteArray("configured key 2345").toBase64())
            << QStringLiteral("whsec_") + QString::fromLatin1(QByteArray("configured key 2346").toBase64());
        QTest::newRow("standard-webhooks v1a")
            << "standard-webhooks" << PublicKey
            << QStringLiteral("whsk_") + QString::fromLatin1(QByteArray(32, 'k').toBase64());
    }

    void signatureRejectionsRevealNoSecret()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, secret);
        QFETCH(QString, signSecret);
        QVERIFY(startReceiver(QJsonObject {
            {QStringLiteral("verify"),
             QJsonObject {{QStringLiteral("signatures"),
                           QJsonArray {QJsonObject {{QStringLiteral("scheme"), scheme},
                                                    {QStringLiteral("secrets"),
                                                     QJsonArray {QString(QStringLiteral("literal:") + secret)}}}}}}}}));
        EndpointProfile p = profile();
        SignatureConfig signature;
        signature.scheme = *SignatureConfig::schemeFromName(scheme);
        signature.secret = QStringLiteral("literal:") + signSecret;
        p.signatures = {signature};
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {p, resolveAll(p.secretRefs()), sampleEvent(), std::nullopt, true});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().status, 401);
        QCOMPARE(QString::fromUtf8(attempts.first().responseBody), scheme + QStringLiteral(": no signature matched\n"));
        verifyRevealsNothingOf(attempts.first().responseBody, secret);
        QCOMPARE(m_store->latest(1).first().checks.first().toObject().value(QStringLiteral("ok")).toBool(), false);
    }

    void malformedJsonBodyIsAnswered400()
    {
        QVERIFY(
            startReceiver(QJsonObject {{QStringLiteral("verify"), QJsonObject {{QStringLiteral("dedupe"), true}}}}));
        const RawAnswer answer = postRaw(m_receiver->url() + QStringLiteral("/hook"), {}, "{\"id\":\"evt_1\",}");
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.body.startsWith("body: the body is not valid JSON (line 1, column "), answer.body.constData());
        const auto stored = m_store->latest(1);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().verdict, QStringLiteral("rejected"));
        QCOMPARE(stored.first().status, 400);
        QVERIFY2(details(stored.first()).contains(QLatin1String("the Content-Type is application/json but the body")),
                 qPrintable(details(stored.first())));
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
        // The credential is kept masked, the rest exactly. The password has 13 characters: the
        // base64 tail would encode a quarter of it, so nothing of it is kept.
        const ReceivedRecord record = m_store->latest(1).first();
        const QByteArray authorization = Headers::value(record.headers, "Authorization");
        QCOMPARE(authorization, QStringLiteral("••••").toUtf8());
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

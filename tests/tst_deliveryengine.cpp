#include "LoopbackServer.h"

#include "delivery/DeliveryEngine.h"
#include "history/HistoryStore.h"
#include "signing/Crypto.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
EndpointProfile profileFor(const QByteArray& url)
{
    EndpointProfile profile;
    profile.name = QStringLiteral("Loopback");
    profile.url = QUrl(QString::fromLatin1(url));
    profile.timeoutMs = 5000;
    return profile;
}

Event sampleEvent()
{
    Event event(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("evt_test_1")},
                     {QStringLiteral("type"), QStringLiteral("policy.bound")},
                     {QStringLiteral("timestamp"), QStringLiteral("2026-11-23T10:00:00Z")},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("policyId"), QStringLiteral("abc")}}}});
    return event;
}

// Runs one delivery to the end and returns its attempts.
QList<AttemptTrace> deliverAll(DeliveryEngine& engine, DeliveryJob job, int timeoutMs = 10000)
{
    Delivery* delivery = engine.deliver(std::move(job));
    QSignalSpy finished(delivery, &Delivery::finished);
    if (!finished.wait(timeoutMs)) {
        return {};
    }
    return delivery->attempts();
}
} // namespace

class TestDeliveryEngine final : public QObject
{
    Q_OBJECT

private slots:
    void sendsAuthAndSignatureExactlyAsTraced()
    {
        LoopbackServer server;
        auto profile = profileFor(server.url());
        profile.headers = {{QStringLiteral("X-Partner-Id"), QStringLiteral("p-42")}};
        profile.auth.type = AuthType::Basic;
        profile.auth.username = QStringLiteral("acme");
        profile.auth.password = QStringLiteral("literal:s3cret-password");
        SignatureConfig signature;
        signature.scheme = SignatureScheme::HmacSha256;
        signature.header = QStringLiteral("X-Covered-Signature-1");
        signature.secret = QStringLiteral("literal:Open Sesame");
        profile.signatures = {signature};
        const SecretValues secrets {{QStringLiteral("literal:s3cret-password"), "s3cret-password"},
                                    {QStringLiteral("literal:Open Sesame"), "Open Sesame"}};

        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, secrets, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        const AttemptTrace& trace = attempts.first();
        QCOMPARE(AttemptTrace::outcomeName(trace.outcome), QStringLiteral("delivered"));
        QCOMPARE(trace.status, 200);
        QCOMPARE(server.requests().size(), 1);

        const auto& received = server.requests().first();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.target, QByteArray("/hook"));
        QCOMPARE(received.body, sampleEvent().toCompactJson());
        QCOMPARE(received.header("Authorization"), "Basic " + QByteArray("acme:s3cret-password").toBase64());
        QCOMPARE(received.header("X-Covered-Signature-1"),
                 Crypto::hmacSha256("Open Sesame", sampleEvent().toCompactJson()).toHex());
        QCOMPARE(received.header("X-Partner-Id"), QByteArray("p-42"));
        QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));

        // The trace holds what went over the wire: every header it lists arrived, in that order.
        QCOMPARE(trace.requestBody, received.body);
        qsizetype position = -1;
        for (const auto& [name, value] : trace.requestHeaders) {
            const qsizetype at = received.raw.indexOf(QByteArray("\r\n" + name + ": " + value + "\r\n"));
            QVERIFY2(at > position, name.constData());
            position = at;
        }
        // ... and every header that arrived is in the trace.
        for (const auto& [name, value] : received.headers) {
            QVERIFY2(Headers::value(trace.requestHeaders, name) == value, name.constData());
        }

        // The secret never shows unmasked unless asked.
        const QByteArray masked = QJsonDocument(trace.toJson(false)).toJson();
        QVERIFY(!masked.contains(QByteArray("acme:s3cret-password").toBase64()));
        QVERIFY(masked.contains("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"));
        QVERIFY(QJsonDocument(trace.toJson(true)).toJson().contains(QByteArray("acme:s3cret-password").toBase64()));
    }

    void retriesUntilDeliveredAndRecordsHistory()
    {
        LoopbackServer server;
        server.setResponses({{503, "Service Unavailable"}, {500, "Internal Server Error"}, {204, "No Content"}});
        auto profile = profileFor(server.url());
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.intervalMs = 20;
        profile.retry.maxAttempts = 5;

        QTemporaryDir dir;
        auto history = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(history, qPrintable(history.error().toString()));
        DeliveryEngine engine;
        engine.setHistory(history.value().get());
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 3);
        QCOMPARE(attempts.at(0).outcome, AttemptTrace::Outcome::Retrying);
        QCOMPARE(attempts.at(0).status, 503);
        QCOMPARE(attempts.at(0).nextDelayMs, 20);
        QVERIFY(attempts.at(0).retryReason.contains(QStringLiteral("attempt 2 of 5")));
        QCOMPARE(attempts.at(1).outcome, AttemptTrace::Outcome::Retrying);
        QCOMPARE(attempts.at(2).outcome, AttemptTrace::Outcome::Delivered);
        QCOMPARE(attempts.at(2).status, 204);
        QCOMPARE(server.requests().size(), 3);

        HistoryQuery query;
        query.eventId = QStringLiteral("evt_test_1");
        const auto rows = history.value()->attempts(query);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.first().status, 204); // newest first
        QCOMPARE(rows.last().status, 503);
        QCOMPARE(rows.first().profileName, QStringLiteral("Loopback"));
    }

    void noRetryMeansOneAttempt()
    {
        LoopbackServer server;
        server.setResponses({{500, "Internal Server Error"}});
        auto profile = profileFor(server.url());
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.intervalMs = 10;
        profile.retry.maxAttempts = 4;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, true});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, AttemptTrace::Outcome::Failed);
        QCOMPARE(attempts.first().error, QStringLiteral("HTTP 500 Internal Server Error"));
    }

    void goneStopsAtOnce()
    {
        LoopbackServer server;
        server.setResponses({{410, "Gone"}});
        auto profile = profileFor(server.url());
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.intervalMs = 10;
        profile.retry.maxAttempts = 5;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, AttemptTrace::Outcome::Failed);
        QVERIFY(attempts.first().error.contains(QStringLiteral("asked not to send this again")));
        QCOMPARE(server.requests().size(), 1);
    }

    void retryAfterLengthensTheWait()
    {
        LoopbackServer server;
        server.setResponses({{429, "Too Many Requests", {{"Retry-After", "30"}}}});
        auto profile = profileFor(server.url());
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.intervalMs = 10;
        profile.retry.maxAttempts = 3;
        DeliveryEngine engine;
        Delivery* delivery = engine.deliver({profile, {}, sampleEvent(), {}, false});
        QSignalSpy attempt(delivery, &Delivery::attemptFinished);
        QVERIFY(attempt.wait());
        const auto trace = attempt.first().first().value<AttemptTrace>();
        QCOMPARE(trace.outcome, AttemptTrace::Outcome::Retrying);
        QCOMPARE(trace.nextDelayMs, 30000);
        QVERIFY(trace.retryReason.contains(QStringLiteral("Retry-After")));

        // Cancelling drops the pending retry: finished(false), no second request.
        QSignalSpy finished(delivery, &Delivery::finished);
        delivery->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QTest::qWait(50);
        QCOMPARE(server.requests().size(), 1);
    }

    void redirectIsAFailureByDefault()
    {
        LoopbackServer other;
        LoopbackServer server;
        server.setResponses({{307, "Temporary Redirect", {{"Location", other.url()}}}});
        auto profile = profileFor(server.url());
        profile.auth.type = AuthType::Bearer;
        profile.auth.token = QStringLiteral("literal:tok-123456789");
        DeliveryEngine engine;
        const auto attempts =
            deliverAll(engine, {profile, {{profile.auth.token, "tok-123456789"}}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, AttemptTrace::Outcome::Failed);
        QCOMPARE(attempts.first().status, 307);
        QVERIFY(attempts.first().error.contains(QStringLiteral("redirects are not followed")));
        QTest::qWait(50);
        QCOMPARE(other.requests().size(), 0);
    }

    void followedRedirectNeverTakesCredentialsToAnotherOrigin()
    {
        LoopbackServer other; // another port: another origin
        LoopbackServer server;
        server.setResponses({{307, "Temporary Redirect", {{"Location", server.url("/moved")}}},
                             {308, "Permanent Redirect", {{"Location", other.url("/elsewhere")}}}});
        auto profile = profileFor(server.url());
        profile.followRedirects = true;
        profile.auth.type = AuthType::Bearer;
        profile.auth.token = QStringLiteral("literal:tok-123456789");
        SignatureConfig signature;
        signature.scheme = SignatureScheme::GitHub;
        signature.secret = QStringLiteral("literal:gh");
        profile.signatures = {signature};
        DeliveryEngine engine;
        const auto attempts = deliverAll(
            engine,
            {profile, {{profile.auth.token, "tok-123456789"}, {signature.secret, "gh"}}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, AttemptTrace::Outcome::Delivered);
        QCOMPARE(attempts.first().redirects.size(), 2);
        QVERIFY(attempts.first().redirects.at(1).contains(QStringLiteral("credentials and signatures not sent")));

        // Same origin: the credentials went along.
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).target, QByteArray("/moved"));
        QCOMPARE(server.requests().at(1).header("Authorization"), QByteArray("Bearer tok-123456789"));
        QCOMPARE(server.requests().at(1).body, sampleEvent().toCompactJson()); // 307 keeps method and body
        // Another origin: no Authorization, no signature; the body still arrives (308).
        QCOMPARE(other.requests().size(), 1);
        QVERIFY(other.requests().first().header("Authorization").isNull());
        QVERIFY(other.requests().first().header("X-Hub-Signature-256").isNull());
        QCOMPARE(other.requests().first().method, QByteArray("POST"));
    }

    void redirectsKeepTheMethodAndBodyAndSeeOtherIsNotDelivered()
    {
        LoopbackServer server;
        server.setResponses({{302, "Found", {{"Location", server.url("/moved")}}},
                             {200, "OK"},
                             {303, "See Other", {{"Location", server.url("/status")}}}});
        auto profile = profileFor(server.url());
        profile.followRedirects = true;
        DeliveryEngine engine;
        const auto followed = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(followed.size(), 1);
        QCOMPARE(followed.first().outcome, AttemptTrace::Outcome::Delivered);
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(1).method, QByteArray("POST")); // not turned into a GET
        QCOMPARE(server.requests().at(1).body, sampleEvent().toCompactJson());

        const auto seeOther = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(seeOther.size(), 1);
        QCOMPARE(seeOther.first().outcome, AttemptTrace::Outcome::Failed);
        QVERIFY2(seeOther.first().error.startsWith(QStringLiteral("HTTP 303 See Other")),
                 qPrintable(seeOther.first().error));
        QCOMPARE(server.requests().size(), 3); // the 303's Location was not fetched
    }

    void timeoutIsAFailureWithItsReason()
    {
        LoopbackServer server;
        LoopbackServer::Response slow;
        slow.delayMs = 3000;
        server.setResponses({slow});
        auto profile = profileFor(server.url());
        profile.timeoutMs = 200;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, AttemptTrace::Outcome::Failed);
        QCOMPARE(attempts.first().error, QStringLiteral("no answer within 200 ms (timeoutMs)"));
    }

    void unreachableHostSaysSo()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        } // closed again: nothing listens there now
        auto profile = profileFor("http://127.0.0.1:" + QByteArray::number(port) + "/hook");
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QVERIFY2(attempts.first().error.startsWith(QStringLiteral("connection refused by 127.0.0.1:")),
                 qPrintable(attempts.first().error));
    }

    void droppedConnectionIsRetried()
    {
        // Qt resends once by itself when a connection closes before any answer, so the server
        // drops every request here: each attempt fails with its reason and the policy retries.
        LoopbackServer server;
        LoopbackServer::Response drop;
        drop.close = true;
        server.setResponses({drop});
        auto profile = profileFor(server.url());
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.intervalMs = 10;
        profile.retry.maxAttempts = 2;
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profile, {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).status, 0);
        QCOMPARE(attempts.at(0).outcome, AttemptTrace::Outcome::Retrying);
        QVERIFY2(attempts.at(0).error.contains(QStringLiteral("closed the connection before answering")),
                 qPrintable(attempts.at(0).error));
        QCOMPARE(attempts.at(1).outcome, AttemptTrace::Outcome::Failed);
    }

    void hugeResponseBodyIsCapped()
    {
        LoopbackServer server;
        LoopbackServer::Response big;
        big.body = QByteArray(AttemptTrace::ResponseBodyLimit + 4096, 'x');
        server.setResponses({big});
        DeliveryEngine engine;
        const auto attempts = deliverAll(engine, {profileFor(server.url()), {}, sampleEvent(), {}, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().responseBody.size(), AttemptTrace::ResponseBodyLimit);
        QVERIFY(attempts.first().responseBodyTruncated);
    }

    void rawBodyIsSentAsIs()
    {
        LoopbackServer server;
        DeliveryEngine engine;
        const QByteArray raw("{\"a\": 1,\n \"b\":[ ]}");
        const auto attempts = deliverAll(engine, {profileFor(server.url()), {}, sampleEvent(), raw, false});
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(server.requests().first().body, raw);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryEngine)
#include "tst_deliveryengine.moc"

#include "JoseTestSupport.h"
#include "LoopbackServer.h"
#include "TestSupport.h"

#include "conformance/CaseGenerator.h"
#include "conformance/ConformanceRunner.h"
#include "history/ReceivedStore.h"
#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "receiver/Receiver.h"
#include "signing/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cctype>

// The conformance check against the project's own receiver on loopback: configured strictly for
// each scheme it must pass every case; weakened (no dedupe, a huge tolerance, no checks at all)
// exactly the matching cases must fail; and an endpoint that accepts everything fails every
// reject case. Also the judging rules and the hostile JOSE objects, checked with core/jose.
using TestSupport::resolveAll;

namespace {

using namespace Conformance;

const QString Whsec = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

QJsonObject sig(const QString& scheme, const QString& secret, const QJsonObject& extra = {})
{
    QJsonObject out {{QStringLiteral("scheme"), scheme},
                     {QStringLiteral("secret"), QString(QStringLiteral("literal:") + secret)}};
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

// The receiver's entry for the same scheme: `secrets` instead of `secret`.
QJsonObject verifySig(const QJsonObject& entry, int toleranceSeconds = 0)
{
    QJsonObject out = entry;
    out.insert(QStringLiteral("secrets"), QJsonArray {out.take(QStringLiteral("secret"))});
    if (toleranceSeconds > 0) {
        out.insert(QStringLiteral("toleranceSeconds"), toleranceSeconds);
    }
    return out;
}

Event sampleEvent()
{
    return Event(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("evt_conform")},
                     {QStringLiteral("type"), QStringLiteral("policy.bound")},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("policyId"), QStringLiteral("abc")}}}});
}

QStringList names(const QList<CaseResult>& results)
{
    QStringList out;
    for (const auto& r : results) {
        out.append(r.name);
    }
    return out;
}

QString report(const QList<CaseResult>& results)
{
    QString out;
    for (const auto& r : results) {
        out += QStringLiteral("\n  %1: %2 %3 %4")
                   .arg(r.name, r.answerText(), verdictName(r.verdict), QString::fromUtf8(r.bodyHint));
    }
    return out;
}

const CaseResult* find(const QList<CaseResult>& results, const QString& name)
{
    for (const auto& r : results) {
        if (r.name == name) {
            return &r;
        }
    }
    return nullptr;
}

// What an endpoint that accepts everything gets for each case.
Verdict acceptedVerdict(const QString& name)
{
    if (name == QLatin1String("valid")) {
        return Verdict::Ok;
    }
    if (name == QLatin1String("duplicate-event")) {
        return Verdict::Unverified; // the same 200 twice
    }
    return name == QLatin1String("timestamp-ahead") ? Verdict::Warn : Verdict::Fail;
}

Case caseOf(Expectation expectation)
{
    Case c;
    c.name = QStringLiteral("x");
    c.expectation = expectation;
    c.eventId = QStringLiteral("evt_1");
    return c;
}

} // namespace

class TestConformance final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<ReceivedStore> m_store;
    Receiver* m_receiver = nullptr;
    QString m_senderKey;   // EC P-256 private key file (JWS)
    QString m_senderPub;   // its public key
    QString m_receiverKey; // RSA private key file (JWE)
    QString m_receiverPub; // its public key

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir->filePath(name);
        return TestSupport::writeFile(path, bytes) ? path : QString();
    }

    bool startReceiver(const QJsonObject& verify, int status = 202)
    {
        const QJsonObject config {{QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")},
                                  {QStringLiteral("response"), QJsonObject {{QStringLiteral("status"), status}}},
                                  {QStringLiteral("verify"), verify}};
        auto parsed = ReceiverConfig::fromJson(QJsonDocument(config).toJson());
        if (!parsed) {
            qWarning() << parsed.error().toString();
            return false;
        }
        delete m_receiver;
        m_receiver = new Receiver(this);
        m_receiver->setStore(m_store.get());
        auto started = m_receiver->start(parsed.value(), resolveAll(parsed->secretRefs()));
        if (!started) {
            qWarning() << started.error().toString();
            return false;
        }
        return true;
    }

    static Result<EndpointProfile> profileFor(const QString& url, const QJsonObject& extra)
    {
        QJsonObject json {{QStringLiteral("format"), QStringLiteral("hookbench.endpoint/1")},
                          {QStringLiteral("url"), url},
                          {QStringLiteral("timeoutMs"), 5000}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            json.insert(it.key(), it.value());
        }
        return EndpointProfile::fromJson(QJsonDocument(json).toJson());
    }

    // Generates the battery for `extra` against `url` and runs it; empty on a setup failure.
    static QList<CaseResult> check(const QString& url, const QJsonObject& extra, const Options& options = {})
    {
        auto profile = profileFor(url, extra);
        if (!profile) {
            qWarning() << profile.error().toString();
            return {};
        }
        const SecretValues secrets = resolveAll(profile->secretRefs());
        auto cases =
            generateCases(profile.value(), secrets, sampleEvent(), options, QDateTime::currentSecsSinceEpoch());
        if (!cases) {
            qWarning() << cases.error().toString();
            return {};
        }
        Runner runner;
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start(profile.value(), secrets, cases.value(), options);
        if (!finished.wait(30000)) {
            return {};
        }
        return runner.results();
    }

    QString receiverUrl() const { return m_receiver->url() + QStringLiteral("/hook"); }

private slots:
    void initTestCase()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        auto store = ReceivedStore::open(m_dir->filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        m_store = std::move(store).value();
        JoseKey ec;
        JoseKey rsa;
        JoseTestSupport::generateKeys({{&ec, JoseKey::Type::EcP256}, {&rsa, JoseKey::Type::Rsa}});
        if (QTest::currentTestFailed()) {
            return;
        }
        m_senderKey = writeFile(QStringLiteral("sender.key"), ec.privatePem());
        m_senderPub = writeFile(QStringLiteral("sender.pub.pem"), ec.publicPem());
        m_receiverKey = writeFile(QStringLiteral("receiver.key"), rsa.privatePem());
        m_receiverPub = writeFile(QStringLiteral("receiver.pub.pem"), rsa.publicPem());
        QVERIFY(!m_senderKey.isEmpty() && !m_receiverPub.isEmpty());
    }

    void cleanupTestCase()
    {
        delete m_receiver;
        m_receiver = nullptr;
        m_store.reset();
        delete m_dir;
    }

    void judgingRules_data()
    {
        QTest::addColumn<int>("expectation");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("baseline");
        QTest::addColumn<int>("duplicateStatus"); // 0: not set
        QTest::addColumn<bool>("warnWhenAccepted");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("verdict");

        const int reject = int(Expectation::Reject);
        const int accept = int(Expectation::Accept);
        const int dup = int(Expectation::AcceptNoEffect);
        QTest::newRow("reject 401") << reject << 401 << 200 << 0 << false << true << QStringLiteral("ok");
        QTest::newRow("reject 400") << reject << 400 << 200 << 0 << false << true << QStringLiteral("ok");
        QTest::newRow("reject answered 200") << reject << 200 << 200 << 0 << false << false << QStringLiteral("fail");
        QTest::newRow("reject answered 204") << reject << 204 << 200 << 0 << false << false << QStringLiteral("fail");
        QTest::newRow("hardening case answered 200")
            << reject << 200 << 200 << 0 << true << true << QStringLiteral("warn");
        QTest::newRow("hardening case answered 401")
            << reject << 401 << 200 << 0 << true << true << QStringLiteral("ok");
        QTest::newRow("hardening case answered 500")
            << reject << 500 << 200 << 0 << true << false << QStringLiteral("unclear");
        QTest::newRow("reject answered 500")
            << reject << 500 << 200 << 0 << false << false << QStringLiteral("unclear");
        QTest::newRow("reject answered 302")
            << reject << 302 << 200 << 0 << false << false << QStringLiteral("unclear");
        QTest::newRow("reject answered 429")
            << reject << 429 << 200 << 0 << false << false << QStringLiteral("unclear");
        QTest::newRow("reject no answer") << reject << 0 << 200 << 0 << false << false << QStringLiteral("unclear");
        QTest::newRow("reject, baseline refused too")
            << reject << 401 << 401 << 0 << false << false << QStringLiteral("unclear");
        QTest::newRow("accept 200") << accept << 200 << 200 << 0 << false << true << QStringLiteral("ok");
        QTest::newRow("accept 401") << accept << 401 << 401 << 0 << false << false << QStringLiteral("fail");
        QTest::newRow("accept no answer") << accept << 0 << 0 << 0 << false << false << QStringLiteral("unclear");
        // The same 2xx as the first delivery cannot show whether the event was processed twice.
        QTest::newRow("duplicate 200 like first")
            << dup << 200 << 200 << 0 << false << true << QStringLiteral("unverified");
        QTest::newRow("duplicate 200 after 202") << dup << 200 << 202 << 0 << false << true << QStringLiteral("ok");
        QTest::newRow("duplicate 409") << dup << 409 << 200 << 0 << false << true << QStringLiteral("ok");
        QTest::newRow("duplicate 400") << dup << 400 << 200 << 0 << false << false << QStringLiteral("fail");
        QTest::newRow("duplicate 500") << dup << 500 << 200 << 0 << false << false << QStringLiteral("fail");
        QTest::newRow("duplicate, configured 200, got 200")
            << dup << 200 << 202 << 200 << false << true << QStringLiteral("ok");
        QTest::newRow("duplicate, configured 200, got 202")
            << dup << 202 << 202 << 200 << false << false << QStringLiteral("fail");
    }

    void judgingRules()
    {
        QFETCH(int, expectation);
        QFETCH(int, status);
        QFETCH(int, baseline);
        QFETCH(int, duplicateStatus);
        QFETCH(bool, warnWhenAccepted);
        QFETCH(bool, ok);
        QFETCH(QString, verdict);
        Options options;
        if (duplicateStatus > 0) {
            options.duplicateStatus = duplicateStatus;
        }
        Case testCase = caseOf(Expectation(expectation));
        if (warnWhenAccepted) {
            testCase.whenAccepted = Verdict::Warn;
        }
        const CaseResult result =
            judge(testCase, status, "X", status == 0 ? QStringLiteral("refused") : QString(), baseline, options);
        QCOMPARE(result.ok(), ok);
        QCOMPARE(verdictName(result.verdict), verdict);
        if (Expectation(expectation) == Expectation::AcceptNoEffect && status == baseline && ok) {
            QVERIFY2(result.note.contains(QStringLiteral("cannot show whether event evt_1 was processed twice")),
                     qPrintable(result.note));
        }
        // docs/cli.md's row: {"case","expect","status","verdict","ok","risk"}
        const QJsonObject json = result.toJson();
        QCOMPARE(json.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), verdict);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), ok);
        QVERIFY(json.contains(QStringLiteral("case")) && json.contains(QStringLiteral("expect"))
                && json.contains(QStringLiteral("risk")));
    }

    // The exit rule of `check`: only a fail or a refused valid delivery fails the check; --strict
    // (passed(true)) also counts a warn; unclear and unverified never do.
    void exitRule_data()
    {
        QTest::addColumn<QList<int>>("statuses"); // valid, duplicate, then one reject case each
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("passedStrict");
        QTest::addColumn<QString>("text");
        QTest::newRow("all refused") << QList<int> {202, 200, 401, 401} << true << true
                                     << QStringLiteral("4 cases: 4 ok");
        QTest::newRow("duplicate unverified")
            << QList<int> {200, 200, 401, 401} << true << true << QStringLiteral("4 cases: 3 ok, 1 unverified");
        QTest::newRow("hardening gap") << QList<int> {202, 200, 401, 200} << true << false
                                       << QStringLiteral("4 cases: 3 ok, 1 warn");
        QTest::newRow("accepted a forgery")
            << QList<int> {202, 200, 200, 401} << false << false << QStringLiteral("4 cases: 3 ok, 1 fail");
        QTest::newRow("server error on a hostile case")
            << QList<int> {202, 200, 500, 401} << true << true << QStringLiteral("4 cases: 3 ok, 1 unclear");
        QTest::newRow("valid refused") << QList<int> {401, 401, 401, 401} << false << false
                                       << QStringLiteral("4 cases: 2 fail, 2 unclear");
        QTest::newRow("nobody answers") << QList<int> {0, 0, 0, 0} << false << false
                                        << QStringLiteral("4 cases: 4 unclear");
    }

    void exitRule()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(bool, passed);
        QFETCH(bool, passedStrict);
        QFETCH(QString, text);
        QList<Case> cases {caseOf(Expectation::Accept),
                           caseOf(Expectation::AcceptNoEffect),
                           caseOf(Expectation::Reject),
                           caseOf(Expectation::Reject)};
        cases[3].whenAccepted = Verdict::Warn;
        QList<CaseResult> results;
        for (int i = 0; i < cases.size(); ++i) {
            results.append(judge(cases.at(i), statuses.at(i), "X", {}, statuses.at(0), {}));
        }
        const Summary summary = summarize(results);
        QCOMPARE(summary.passed(), passed);
        QCOMPARE(summary.passed(true), passedStrict);
        QCOMPARE(summary.text(), text);
    }

    void checkSettingsInTheProfile()
    {
        const QByteArray good = "{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:1/h\","
                                "\"check\":{\"toleranceSeconds\":600,\"duplicateStatus\":200}}";
        auto parsed = profileFromJson(good, QStringLiteral("p.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->options.toleranceSeconds, 600);
        QCOMPARE(parsed->options.duplicateStatus.value_or(0), 200);
        QCOMPARE(parsed->profile.url, QUrl(QStringLiteral("http://127.0.0.1:1/h")));

        auto unknown = profileFromJson("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:1/h\","
                                       "\"check\":{\"tolerance\":600}}",
                                       QStringLiteral("p.json"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().toString().left(25), QStringLiteral("p.json: check.tolerance: "));
        auto bad = profileFromJson("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:1/h\","
                                   "\"check\":{\"toleranceSeconds\":\"300\"}}",
                                   QStringLiteral("p.json"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().path, QStringLiteral("check.toleranceSeconds"));
        // Everything else is still the profile's own validation.
        auto profileError = profileFromJson("{\"format\":\"hookbench.endpoint/1\",\"url\":\"ftp://x\","
                                            "\"check\":{}}",
                                            QStringLiteral("p.json"));
        QVERIFY(!profileError.ok());
        QCOMPARE(profileError.error().path, QStringLiteral("url"));
    }

    void strictReceiverPassesEveryCase_data()
    {
        QTest::addColumn<QJsonObject>("profile");
        QTest::addColumn<QJsonObject>("verify");
        QTest::addColumn<QStringList>("cases");

        const QStringList base {QStringLiteral("valid"), QStringLiteral("duplicate-event")};
        const QStringList integrity {QStringLiteral("tampered-body"), QStringLiteral("reserialised-body")};
        const QStringList signature {QStringLiteral("wrong-secret"),
                                     QStringLiteral("signature-missing"),
                                     QStringLiteral("other-version"),
                                     QStringLiteral("empty-signature")};
        const QStringList unversioned {
            QStringLiteral("wrong-secret"), QStringLiteral("signature-missing"), QStringLiteral("empty-signature")};
        const QStringList timestamps {QStringLiteral("timestamp-too-old"),
                                      QStringLiteral("timestamp-ahead"),
                                      QStringLiteral("timestamp-not-numeric")};
        const QStringList credentials {QStringLiteral("no-credentials"), QStringLiteral("wrong-credentials")};
        const QJsonValue dedupe(true);

        const auto signed_ = [&](const char* row, const QJsonObject& entry, const QStringList& cases) {
            QTest::newRow(row) << QJsonObject {{QStringLiteral("signatures"), QJsonArray {entry}}}
                               << QJsonObject {{QStringLiteral("signatures"), QJsonArray {verifySig(entry)}},
                                               {QStringLiteral("dedupe"), dedupe}}
                               << cases;
        };
        signed_("hmac-sha256",
                sig(QStringLiteral("hmac-sha256"),
                    QStringLiteral("Open Sesame"),
                    {{QStringLiteral("header"), QStringLiteral("X-Covered-Signature-1")},
                     {QStringLiteral("prefix"), QStringLiteral("sha256=")}}),
                base + integrity + signature);
        signed_("github", sig(QStringLiteral("github"), QStringLiteral("It's a Secret")), base + integrity + signature);
        signed_("shopify", sig(QStringLiteral("shopify"), QStringLiteral("shpss_1")), base + integrity + unversioned);
        signed_("standard-webhooks v1",
                sig(QStringLiteral("standard-webhooks"), Whsec),
                base + integrity + signature + timestamps);
        signed_("stripe",
                sig(QStringLiteral("stripe"), QStringLiteral("whsec_stripe")),
                base + integrity + signature + timestamps);
        signed_("slack",
                sig(QStringLiteral("slack"), QStringLiteral("8f742231b10e8888abcd99yyyzzz85a5")),
                base + integrity + signature + timestamps);

        const auto auth = [&](const char* row, const QJsonObject& send, const QJsonObject& check) {
            QTest::newRow(row) << QJsonObject {{QStringLiteral("auth"), send}}
                               << QJsonObject {{QStringLiteral("auth"), check}, {QStringLiteral("dedupe"), dedupe}}
                               << base + credentials;
        };
        const QJsonObject basic {{QStringLiteral("type"), QStringLiteral("basic")},
                                 {QStringLiteral("username"), QStringLiteral("acme")},
                                 {QStringLiteral("password"), QStringLiteral("literal:pw-12345678")}};
        auth("basic", basic, basic);
        const QJsonObject bearer {{QStringLiteral("type"), QStringLiteral("bearer")},
                                  {QStringLiteral("token"), QStringLiteral("literal:tok-0123456789")}};
        auth("bearer", bearer, bearer);
        const QJsonObject apiKey {{QStringLiteral("type"), QStringLiteral("apiKey")},
                                  {QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                                  {QStringLiteral("prefix"), QStringLiteral("Key ")},
                                  {QStringLiteral("value"), QStringLiteral("literal:k-1234567890")}};
        auth("apiKey", apiKey, apiKey);
    }

    void strictReceiverPassesEveryCase()
    {
        QFETCH(QJsonObject, profile);
        QFETCH(QJsonObject, verify);
        QFETCH(QStringList, cases);
        QVERIFY(startReceiver(verify));
        Options options;
        options.duplicateStatus = 200; // the receiver answers 202, and a recognised duplicate 200
        const auto results = check(receiverUrl(), profile, options);
        QCOMPARE(names(results), cases);
        for (const auto& r : results) {
            QVERIFY2(r.verdict == Verdict::Ok, qPrintable(r.name + report(results)));
        }
    }

    void joseCases_data()
    {
        QTest::addColumn<bool>("jws");
        QTest::addColumn<bool>("jwe");
        QTest::addColumn<QStringList>("cases");
        const QStringList base {QStringLiteral("valid"), QStringLiteral("duplicate-event")};
        const QStringList jws {QStringLiteral("tampered-body"),
                               QStringLiteral("jws-alg-none"),
                               QStringLiteral("jws-hs256-public-key"),
                               QStringLiteral("jws-expired")};
        const QStringList jwe {QStringLiteral("jwe-tampered-ciphertext"), QStringLiteral("jwe-tampered-tag")};
        QTest::newRow("JWS") << true << false << base + jws;
        QTest::newRow("JWE") << false << true << base + jwe;
        QTest::newRow("JWS in JWE") << true << true << base + jws.mid(1) + jwe;
    }

    // The hostile JOSE objects are what they claim: checked with core/jose, independently of any
    // receiver, and then against the strict receiver.
    void joseCases()
    {
        QFETCH(bool, jws);
        QFETCH(bool, jwe);
        QFETCH(QStringList, cases);
        QJsonObject extra;
        QJsonObject verify {{QStringLiteral("dedupe"), true}};
        if (jws) {
            extra.insert(QStringLiteral("jws"),
                         QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")},
                                      {QStringLiteral("privateKey"), QString(QStringLiteral("file:") + m_senderKey)},
                                      {QStringLiteral("expiresInSeconds"), 300}});
            verify.insert(QStringLiteral("jws"),
                          QJsonObject {{QStringLiteral("publicKey"), QString(QStringLiteral("file:") + m_senderPub)}});
        }
        if (jwe) {
            extra.insert(QStringLiteral("jwe"),
                         QJsonObject {{QStringLiteral("publicKey"), QString(QStringLiteral("file:") + m_receiverPub)}});
            verify.insert(
                QStringLiteral("jwe"),
                QJsonObject {{QStringLiteral("privateKey"), QString(QStringLiteral("file:") + m_receiverKey)}});
        }
        auto profile = profileFor(QStringLiteral("http://127.0.0.1:1/hook"), extra);
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        const SecretValues secrets = resolveAll(profile->secretRefs());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto generated = generateCases(profile.value(), secrets, sampleEvent(), {}, now);
        QVERIFY2(generated.ok(), qPrintable(generated.error().toString()));
        QStringList generatedNames;
        for (const auto& c : generated.value()) {
            generatedNames.append(c.name);
        }
        QCOMPARE(generatedNames, cases);

        auto senderPub = JoseKey::fromPem(TestSupport::readFile(m_senderPub));
        auto receiverKey = JoseKey::fromPem(TestSupport::readFile(m_receiverKey));
        QVERIFY(senderPub && receiverKey);
        for (const auto& c : generated.value()) {
            QByteArray body = c.request.body;
            if (jwe) {
                auto opened = Jwe::decryptCompact(body, {receiverKey.value()});
                const bool tampered = c.name.startsWith(QLatin1String("jwe-tampered"));
                QVERIFY2(opened.ok() != tampered, qPrintable(c.name));
                if (tampered) {
                    continue;
                }
                body = opened->plaintext;
            }
            if (!jws) {
                continue;
            }
            auto verified = Jws::verifyCompact(body, {senderPub.value()});
            const bool hostile = c.name.startsWith(QLatin1String("jws-alg-none"))
                                 || c.name.startsWith(QLatin1String("jws-hs256"))
                                 || c.name == QLatin1String("tampered-body");
            QVERIFY2(verified.ok() != hostile, qPrintable(c.name));
            if (c.name == QLatin1String("jws-alg-none")) {
                auto parts = Jws::parseCompact(body);
                QVERIFY(parts.ok());
                QCOMPARE(parts->header.value(QStringLiteral("alg")).toString(), QStringLiteral("none"));
                QVERIFY(parts->signature.isEmpty());
            }
            if (c.name == QLatin1String("jws-hs256-public-key")) {
                // Really an HMAC keyed with the public key PEM: what an alg-confused library computes.
                auto confused = Jws::verifyCompact(body, {JoseKey::fromSecret(senderPub->publicPem())});
                QVERIFY2(confused.ok(), qPrintable(confused.error().message));
            }
            if (c.name == QLatin1String("jws-expired")) {
                const auto claims = QJsonDocument::fromJson(verified->payload).object();
                QVERIFY(claims.value(QStringLiteral("exp")).toInteger() < now - 3000);
            }
            if (c.name == QLatin1String("valid")) {
                const auto claims = QJsonDocument::fromJson(verified->payload).object();
                QVERIFY(claims.value(QStringLiteral("exp")).toInteger() > now);
            }
        }

        QVERIFY(startReceiver(verify));
        Options options;
        options.duplicateStatus = 200;
        const auto results = check(receiverUrl(), extra, options);
        QCOMPARE(names(results), cases);
        for (const auto& r : results) {
            QVERIFY2(r.verdict == Verdict::Ok, qPrintable(r.name + report(results)));
        }
    }

    void noDedupeFailsTheDuplicate()
    {
        const QJsonObject entry = sig(QStringLiteral("github"), QStringLiteral("s3cret"));
        QVERIFY(startReceiver(QJsonObject {{QStringLiteral("signatures"), QJsonArray {verifySig(entry)}}}));
        Options options;
        options.duplicateStatus = 200;
        const auto results = check(receiverUrl(), {{QStringLiteral("signatures"), QJsonArray {entry}}}, options);
        QVERIFY(!results.isEmpty());
        for (const auto& r : results) {
            QVERIFY2((r.verdict == Verdict::Ok) == (r.name != QLatin1String("duplicate-event")),
                     qPrintable(r.name + report(results)));
        }
        QCOMPARE(find(results, QStringLiteral("duplicate-event"))->status, 202);
        QCOMPARE(find(results, QStringLiteral("duplicate-event"))->verdict, Verdict::Fail);
    }

    void hugeToleranceFailsTheTimestampCases_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        QTest::newRow("standard-webhooks") << sig(QStringLiteral("standard-webhooks"), Whsec);
        QTest::newRow("stripe") << sig(QStringLiteral("stripe"), QStringLiteral("sk_stripe"));
        QTest::newRow("slack") << sig(QStringLiteral("slack"), QStringLiteral("slack-secret"));
    }

    void hugeToleranceFailsTheTimestampCases()
    {
        QFETCH(QJsonObject, entry);
        const int oneYear = 365 * 24 * 3600; // the most the receiver configuration allows
        QVERIFY(startReceiver(QJsonObject {{QStringLiteral("signatures"), QJsonArray {verifySig(entry, oneYear)}},
                                           {QStringLiteral("dedupe"), true}}));
        Options options;
        options.duplicateStatus = 200;
        const auto results = check(receiverUrl(), {{QStringLiteral("signatures"), QJsonArray {entry}}}, options);
        QVERIFY(!results.isEmpty());
        // Too old is a replay hole; ahead is the hardening gap Stripe's libraries leave by default;
        // letters in the timestamp are still refused (the receiver reads it strictly).
        for (const auto& r : results) {
            const Verdict expected = r.name == QLatin1String("timestamp-too-old") ? Verdict::Fail
                                     : r.name == QLatin1String("timestamp-ahead") ? Verdict::Warn
                                                                                  : Verdict::Ok;
            QVERIFY2(r.verdict == expected, qPrintable(r.name + report(results)));
            if (expected != Verdict::Ok) {
                QCOMPARE(r.status, 202);
            }
        }
        QVERIFY(find(results, QStringLiteral("timestamp-ahead"))
                    ->risk.contains(QLatin1String("Stripe's official libraries")));
    }

    void notNumericTimestampIsOldAndSignedAsParseIntReadsIt_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        QTest::newRow("standard-webhooks") << sig(QStringLiteral("standard-webhooks"), Whsec);
        QTest::newRow("stripe") << sig(QStringLiteral("stripe"), QStringLiteral("whsec_stripe"));
        QTest::newRow("slack") << sig(QStringLiteral("slack"), QStringLiteral("slack-secret"));
    }

    // What a lenient reader (parseInt) makes of timestamp-not-numeric: a correctly signed request
    // whose timestamp is too old, so it refuses it; the letters themselves are not signed. Checked
    // here with a MAC computed independently of core/signing.
    void notNumericTimestampIsOldAndSignedAsParseIntReadsIt()
    {
        QFETCH(QJsonObject, entry);
        auto profile =
            profileFor(QStringLiteral("http://127.0.0.1:1/hook"), {{QStringLiteral("signatures"), QJsonArray {entry}}});
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        Options options;
        options.toleranceSeconds = 300;
        options.marginSeconds = 60;
        auto cases = generateCases(profile.value(), resolveAll(profile->secretRefs()), sampleEvent(), options, now);
        QVERIFY2(cases.ok(), qPrintable(cases.error().toString()));
        const auto found = std::find_if(cases->cbegin(), cases->cend(), [](const Case& c) {
            return c.name == QLatin1String("timestamp-not-numeric");
        });
        QVERIFY(found != cases->cend());
        const OutgoingRequest& request = found->request;
        const QString scheme = entry.value(QStringLiteral("scheme")).toString();
        const QByteArray secret = entry.value(QStringLiteral("secret")).toString().mid(8).toUtf8(); // "literal:"

        QByteArray timestamp;
        if (scheme == QLatin1String("stripe")) {
            const QByteArray header = Headers::value(request.headers, "Stripe-Signature");
            timestamp = header.mid(2, header.indexOf(',') - 2);
        } else {
            timestamp = Headers::value(
                request.headers, scheme == QLatin1String("slack") ? "X-Slack-Request-Timestamp" : "webhook-timestamp");
        }
        // parseInt: the leading digits.
        qsizetype digits = 0;
        while (digits < timestamp.size() && std::isdigit(static_cast<unsigned char>(timestamp.at(digits)))) {
            ++digits;
        }
        const QByteArray number = timestamp.left(digits);
        QCOMPARE(timestamp, number + "abc");
        QCOMPARE(number.toLongLong(), now - 360); // as old as timestamp-too-old

        const auto macOver = [&](const QByteArray& ts) -> QByteArray {
            const QByteArray& body = request.body;
            if (scheme == QLatin1String("stripe")) {
                return "v1=" + Crypto::hmacSha256(secret, QByteArray(ts + '.' + body)).toHex();
            }
            if (scheme == QLatin1String("slack")) {
                return "v0=" + Crypto::hmacSha256(secret, QByteArray("v0:" + ts + ':' + body)).toHex();
            }
            const QByteArray key = QByteArray::fromBase64(secret.mid(6));
            const QByteArray id = Headers::value(request.headers, "webhook-id");
            return "v1," + Crypto::hmacSha256(key, QByteArray(id + '.' + ts + '.' + body)).toBase64();
        };
        const QByteArray signature = Headers::value(request.headers,
                                                    scheme == QLatin1String("stripe")  ? "Stripe-Signature"
                                                    : scheme == QLatin1String("slack") ? "X-Slack-Signature"
                                                                                       : "webhook-signature");
        QVERIFY2(signature.endsWith(macOver(number)), signature.constData());
        QVERIFY(!signature.endsWith(macOver(timestamp)));
    }

    void noVerificationFailsEveryRejectCase()
    {
        QVERIFY(startReceiver(QJsonObject {}, 200));
        const QJsonObject extra {
            {QStringLiteral("auth"),
             QJsonObject {{QStringLiteral("type"), QStringLiteral("bearer")},
                          {QStringLiteral("token"), QStringLiteral("literal:tok-0123456789")}}},
            {QStringLiteral("signatures"), QJsonArray {sig(QStringLiteral("standard-webhooks"), Whsec)}}};
        const auto results = check(receiverUrl(), extra);
        QCOMPARE(results.size(), 13);
        for (const auto& r : results) {
            QVERIFY2(r.verdict == acceptedVerdict(r.name), qPrintable(r.name + report(results)));
        }
        QVERIFY(!summarize(results).passed());
    }

    // An endpoint that accepts everything: every reject case is reported not ok, with its risk; and
    // the requests that arrived are the mutations they claim to be.
    void acceptEverythingServer()
    {
        LoopbackServer server;
        const QJsonObject extra {{QStringLiteral("auth"),
                                  QJsonObject {{QStringLiteral("type"), QStringLiteral("basic")},
                                               {QStringLiteral("username"), QStringLiteral("acme")},
                                               {QStringLiteral("password"), QStringLiteral("literal:pw-12345678")}}},
                                 {QStringLiteral("signatures"),
                                  QJsonArray {sig(QStringLiteral("hmac-sha256"), QStringLiteral("Open Sesame")),
                                              sig(QStringLiteral("stripe"), QStringLiteral("sk_1"))}}};
        const auto results = check(QString::fromLatin1(server.url()), extra);
        const QStringList expected {
            QStringLiteral("valid"),
            QStringLiteral("duplicate-event"),
            QStringLiteral("tampered-body"),
            QStringLiteral("reserialised-body"),
            QStringLiteral("wrong-secret-hmac-sha256"),
            QStringLiteral("signature-missing-hmac-sha256"),
            QStringLiteral("empty-signature-hmac-sha256"),
            QStringLiteral("wrong-secret-stripe"),
            QStringLiteral("signature-missing-stripe"),
            QStringLiteral("other-version-stripe"),
            QStringLiteral("empty-signature-stripe"),
            QStringLiteral("timestamp-too-old"),
            QStringLiteral("timestamp-ahead"),
            QStringLiteral("timestamp-not-numeric"),
            QStringLiteral("no-credentials"),
            QStringLiteral("wrong-credentials"),
        };
        QCOMPARE(names(results), expected);
        for (const auto& r : results) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.verdict, acceptedVerdict(r.name));
            QVERIFY(!r.risk.isEmpty());
        }
        const auto& requests = server.requests();
        QCOMPARE(requests.size(), expected.size());
        const auto& valid = requests.at(0);
        QCOMPARE(requests.at(1).raw, valid.raw); // the duplicate is the same request, byte for byte
        // The valid signature matches its body; the tampered body is as long, still JSON, and no
        // longer matches the signature it came with.
        const auto hmacHex = [](const QByteArray& body) {
            return Crypto::hmacSha256("Open Sesame", body).toHex();
        };
        QCOMPARE(valid.header("X-Webhook-Signature"), hmacHex(valid.body));
        QCOMPARE(requests.at(2).body.size(), valid.body.size());
        QVERIFY(QJsonDocument::fromJson(requests.at(2).body).isObject());
        QVERIFY(requests.at(2).header("X-Webhook-Signature") != hmacHex(requests.at(2).body));
        QVERIFY(requests.at(3).header("X-Webhook-Signature") != hmacHex(requests.at(3).body));
        QVERIFY(QJsonDocument::fromJson(requests.at(3).body).isObject());
        QVERIFY(requests.at(3).body.contains("\", \""));
        QVERIFY(requests.at(5).header("X-Webhook-Signature").isNull());
        QVERIFY(!requests.at(6).header("X-Webhook-Signature").isNull());
        QVERIFY(requests.at(6).header("X-Webhook-Signature").isEmpty());
        QVERIFY(requests.at(9).header("Stripe-Signature").contains(",v0="));
        QVERIFY(requests.at(13).header("Stripe-Signature").contains("abc,v1="));
        QVERIFY(requests.at(14).header("Authorization").isNull());
        QVERIFY(requests.at(15).header("Authorization").startsWith("Basic "));
        QVERIFY(requests.at(15).header("Authorization") != valid.header("Authorization"));
        // every hostile case is a new event id
        QSet<QByteArray> ids;
        for (const auto& request : requests.mid(2)) {
            ids.insert(QJsonDocument::fromJson(request.body).object().value(QStringLiteral("id")).toString().toUtf8());
        }
        QCOMPARE(ids.size(), requests.size() - 2);
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"

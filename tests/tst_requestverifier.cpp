#include "TestSupport.h"
#include "model/ReceiverConfig.h"
#include "receiver/RequestVerifier.h"
#include "secrets/SecretRef.h"
#include "signing/Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The receiver's checks as a pure function: every auth type right, wrong and missing; every
// signature scheme signed by the project's Signer, valid and tampered; rotation, tolerance both
// ways, dedupe, maxAge, recognition without configuration and the published vectors. Each
// failure must say why in words, and never show a secret.
namespace {

constexpr qint64 Now = 1790000000;
const QByteArray Seed = QByteArray::fromBase64("VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=");
const QByteArray PublicKey = "whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=";
const QByteArray Body = "{\"id\":\"evt_1\",\"type\":\"policy.bound\",\"timestamp\":\"2026-09-21T12:00:00Z\"}";

struct Setup
{
    VerifyConfig verify;
    SecretValues secrets;
};

Setup setup(const QJsonObject& verify)
{
    const QJsonObject root {{QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")},
                            {QStringLiteral("verify"), verify}};
    auto config = ReceiverConfig::fromJson(QJsonDocument(root).toJson());
    if (!config) {
        qFatal("%s", qPrintable(config.error().toString()));
    }
    Setup out {config->verify, {}};
    for (const QString& ref : config->secretRefs()) {
        out.secrets.insert(ref, SecretRef::parse(ref).resolveLocal({}).value());
    }
    return out;
}

QJsonObject auth(const QString& type, std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject object {{QStringLiteral("type"), type}};
    for (const auto& [key, value] : fields) {
        object.insert(key, value);
    }
    return QJsonObject {{QStringLiteral("auth"), object}};
}

VerifyOutcome run(const Setup& s,
                  const HeaderList& headers,
                  const QByteArray& body = Body,
                  qint64 now = Now,
                  const RequestVerifier::SeenPredicate& seen = {})
{
    return RequestVerifier::verify(s.verify,
                                   s.secrets,
                                   {QStringLiteral("POST"), QStringLiteral("/hook"), headers, body},
                                   QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                                   200,
                                   seen);
}

HeaderList signHeaders(SignatureScheme scheme, const QByteArray& secret, const QByteArray& body, qint64 ts = Now)
{
    SignatureConfig config;
    config.scheme = scheme;
    auto headers = Signer::sign(config, secret, {body, QStringLiteral("evt_1"), ts});
    if (!headers) {
        qFatal("%s", qPrintable(headers.error().toString()));
    }
    return headers.value();
}

QJsonObject signatureConfig(const QString& scheme, const QStringList& secrets, int tolerance = -1)
{
    QJsonArray list;
    for (const auto& secret : secrets) {
        list.append(QString(QStringLiteral("literal:") + secret));
    }
    QJsonObject entry {{QStringLiteral("scheme"), scheme}, {QStringLiteral("secrets"), list}};
    if (tolerance >= 0) {
        entry.insert(QStringLiteral("toleranceSeconds"), tolerance);
    }
    return QJsonObject {{QStringLiteral("signatures"), QJsonArray {entry}}};
}

QString allDetails(const VerifyOutcome& outcome)
{
    QStringList details;
    for (const auto& check : outcome.checks) {
        details << check.check + QStringLiteral(": ") + check.detail;
    }
    return details.join(QStringLiteral(" | "));
}

} // namespace

#define EXPECT(outcome, accepted_, status_, part)                                                                      \
    do {                                                                                                               \
        const VerifyOutcome& o_ = (outcome);                                                                           \
        QVERIFY2(o_.accepted == (accepted_), qPrintable(allDetails(o_)));                                              \
        QCOMPARE(o_.status, status_);                                                                                  \
        QVERIFY2(allDetails(o_).contains(QString::fromUtf8(part)), qPrintable(allDetails(o_)));                        \
    } while (false)

class TestRequestVerifier final : public QObject
{
    Q_OBJECT

private slots:
    void basicAuth()
    {
        const Setup s = setup(auth(QStringLiteral("basic"),
                                   {{QStringLiteral("username"), QStringLiteral("acme")},
                                    {QStringLiteral("password"), QStringLiteral("literal:s3cret-pass")}}));
        EXPECT(run(s, {{"Authorization", "Basic " + QByteArray("acme:s3cret-pass").toBase64()}}),
               true,
               200,
               "Basic credentials for user acme match");
        const auto wrong = run(s, {{"authorization", "basic " + QByteArray("acme:guessed-it").toBase64()}});
        EXPECT(wrong, false, 401, "Basic credentials for user acme do not match");
        QVERIFY(!allDetails(wrong).contains(QLatin1String("s3cret")));
        QVERIFY(!allDetails(wrong).contains(QLatin1String("guessed")));
        EXPECT(run(s, {{"Authorization", "Basic " + QByteArray("bob:s3cret-pass").toBase64()}}),
               false,
               401,
               "Basic credentials are for user bob, expected user acme");
        EXPECT(run(s, {}), false, 401, "Authorization header missing");
        EXPECT(run(s, {{"Authorization", "Bearer abc"}}), false, 401, "expected Basic credentials, got Bearer");
        EXPECT(run(s, {{"Authorization", "Basic !!!"}}), false, 401, "not valid base64");
        EXPECT(run(s, {{"Authorization", "Basic " + QByteArray("acme").toBase64()}}), false, 401, "no ':'");
    }

    void bearerAuth()
    {
        const Setup s = setup(auth(QStringLiteral("bearer"),
                                   {{QStringLiteral("token"), QStringLiteral("literal:tok-0123456789abcdef")}}));
        EXPECT(run(s, {{"Authorization", "Bearer tok-0123456789abcdef"}}), true, 200, "Bearer token ••••cdef matches");
        const auto wrong = run(s, {{"Authorization", "Bearer tok-9999999999abcd"}});
        EXPECT(wrong, false, 401, "Bearer token ••••abcd does not match the configured token ••••cdef");
        QVERIFY(!allDetails(wrong).contains(QLatin1String("tok-")));
        EXPECT(run(s, {}), false, 401, "Authorization header missing");
        EXPECT(run(s, {{"Authorization", "Basic " + QByteArray("a:b").toBase64()}}),
               false,
               401,
               "expected Bearer token, got Basic");
        EXPECT(run(s, {{"Authorization", "Bearer "}}), false, 401, "Bearer token is empty");
        // A token of fewer than 16 characters shows no tail: 4 of them would be too large a share.
        const auto shortToken = run(s, {{"Authorization", "Bearer tok-56789abc"}});
        EXPECT(shortToken, false, 401, "Bearer token •••• does not match the configured token ••••cdef");
        QVERIFY(!allDetails(shortToken).contains(QLatin1String("9abc")));
    }

    void apiKeyAuth()
    {
        const Setup s = setup(auth(QStringLiteral("apiKey"),
                                   {{QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                                    {QStringLiteral("prefix"), QStringLiteral("Key ")},
                                    {QStringLiteral("value"), QStringLiteral("literal:k-1234567890abcdef")}}));
        EXPECT(run(s, {{"x-api-key", "Key k-1234567890abcdef"}}), true, 200, "X-Api-Key value ••••cdef matches");
        EXPECT(
            run(s, {{"X-Api-Key", "Key k-0000000000000000"}}), false, 401, "X-Api-Key value ••••0000 does not match");
        EXPECT(run(s, {{"X-Api-Key", "k-1234567890abcdef"}}), false, 401, "does not start with the prefix \"Key \"");
        EXPECT(run(s, {{"Authorization", "Key k-1234567890abcdef"}}), false, 401, "X-Api-Key header missing");
    }

    void headerAuth()
    {
        const Setup s = setup(
            auth(QStringLiteral("header"), {{QStringLiteral("value"), QStringLiteral("literal:Token abcdefgh")}}));
        EXPECT(run(s, {{"Authorization", "Token abcdefgh"}}), true, 200, "matches");
        EXPECT(run(s, {{"Authorization", "Token abcdefgx"}}), false, 401, "does not match");
        EXPECT(run(s, {{"Authorization", "Token abcdefgh "}}), false, 401, "once spaces around it are removed");
        EXPECT(run(s, {}), false, 401, "Authorization header missing");
    }

    // A stored request keeps its credentials masked ("••••", "••••abcd", docs/secrets.md): verifying
    // it again must say so in readable UTF-8, not "expected Basic credentials, got â¢â¢â¢â¢".
    void maskedStoredCredentialsAreSaidSo_data()
    {
        QTest::addColumn<QJsonObject>("verify");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("check");
        QTest::newRow("basic") << auth(QStringLiteral("basic"),
                                       {{QStringLiteral("username"), QStringLiteral("acme")},
                                        {QStringLiteral("password"), QStringLiteral("literal:s3cret-pass")}})
                               << QByteArray("Authorization") << QStringLiteral("auth basic");
        QTest::newRow("bearer") << auth(QStringLiteral("bearer"),
                                        {{QStringLiteral("token"), QStringLiteral("literal:tok-0123456789abcdef")}})
                                << QByteArray("Authorization") << QStringLiteral("auth bearer");
        QTest::newRow("apiKey") << auth(QStringLiteral("apiKey"),
                                        {{QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                                         {QStringLiteral("value"), QStringLiteral("literal:k-1234567890abcdef")}})
                                << QByteArray("X-Api-Key") << QStringLiteral("auth apiKey");
        QTest::newRow("header") << auth(QStringLiteral("header"),
                                        {{QStringLiteral("value"), QStringLiteral("literal:Token abcdefgh")}})
                                << QByteArray("Authorization") << QStringLiteral("auth header");
    }

    void maskedStoredCredentialsAreSaidSo()
    {
        QFETCH(QJsonObject, verify);
        QFETCH(QByteArray, header);
        QFETCH(QString, check);
        const Setup s = setup(verify);
        for (const QString& stored : {QStringLiteral("••••"), QStringLiteral("••••dHB3")}) {
            const auto outcome = run(s, {{header, stored.toUtf8()}});
            QVERIFY(!outcome.accepted);
            QCOMPARE(outcome.status, 401);
            QCOMPARE(outcome.checks.size(), 1);
            QCOMPARE(outcome.checks.first().check, check);
            QCOMPARE(outcome.checks.first().detail,
                     QString::fromLatin1(header) + QStringLiteral(" is \"") + stored
                         + QStringLiteral("\", a masked placeholder: credentials are masked when a request is stored,"
                                          " so a stored request's credentials cannot be checked again; re-send the"
                                          " request to check them"));
            QCOMPARE(outcome.checks.first().publicReason, QStringLiteral("credentials do not match"));
            // Printed again, a masked value stays as it was stored.
            QCOMPARE(RequestVerifier::maskSecretHeaders({{header, stored.toUtf8()}},
                                                        RequestVerifier::secretHeaderNames(s.verify))
                         .first()
                         .second,
                     stored.toUtf8());
        }
        // Only maskSecret()'s exact shape counts: a longer value that starts with dots may be a
        // real secret, masked like any other.
        const QByteArray dotted = QStringLiteral("••••a-real-secret-0123456789").toUtf8();
        const auto outcome = run(s, {{header, dotted}});
        QVERIFY(!outcome.checks.first().detail.contains(QLatin1String("masked placeholder")));
        QVERIFY(!outcome.checks.first().detail.contains(QLatin1String("real-secret")));
        QCOMPARE(RequestVerifier::maskSecretHeaders({{header, dotted}}, RequestVerifier::secretHeaderNames(s.verify))
                     .first()
                     .second,
                 QStringLiteral("••••6789").toUtf8());
    }

    // Header values quoted into details are UTF-8 text; bytes that are not UTF-8 are written
    // \xNN; a value without an auth scheme (a bare token) is never quoted, only masked.
    void headerValuesAreQuotedAsText()
    {
        const Setup basic = setup(auth(QStringLiteral("basic"),
                                       {{QStringLiteral("username"), QStringLiteral("acme")},
                                        {QStringLiteral("password"), QStringLiteral("literal:s3cret-pass")}}));
        EXPECT(run(basic, {{"Authorization", "Bearer abc"}}),
               false,
               401,
               "expected Basic credentials, got Bearer credentials");
        const auto bare = run(basic, {{"Authorization", "bare-secret-token-0123456789"}});
        EXPECT(bare, false, 401, "expected Basic credentials, got a value without an auth scheme (••••6789)");
        QVERIFY(!allDetails(bare).contains(QLatin1String("bare-secret")));
        EXPECT(run(basic, {{"Authorization", "Gr\xc3\xbc\xc3\x9f abc"}}),
               false,
               401,
               "expected Basic credentials, got a value without an auth scheme (••••)");
        QCOMPARE(RequestVerifier::describeCredentials("Digest username=\"a\""), QStringLiteral("Digest credentials"));
        QCOMPARE(RequestVerifier::describeCredentials(QStringLiteral("••••abcd").toUtf8()),
                 QStringLiteral("the masked placeholder ••••abcd"));

        // A timestamp header read for maxAgeSeconds: UTF-8 shown as itself, Latin-1 bytes as \xNN.
        const Setup age = setup(QJsonObject {{QStringLiteral("maxAgeSeconds"), 3600}});
        EXPECT(run(age, {{"webhook-timestamp", "vor \xe2\x80\xa2 Zeit"}}, "{\"id\":\"x\"}"),
               false,
               400,
               "webhook-timestamp \"vor • Zeit\" is not unix seconds");
        EXPECT(run(age, {{"webhook-timestamp", "caf\xe9\x01"}}, "{\"id\":\"x\"}"),
               false,
               400,
               "webhook-timestamp \"caf\\xe9\\x01\" is not unix seconds");
        // Long values are cut at a character, never inside one, and say so.
        const QByteArray dots = QString(50, QChar(0x2022)).toUtf8();
        EXPECT(run(age, {{"webhook-timestamp", dots}}, "{\"id\":\"x\"}"),
               false,
               400,
               QString(QLatin1String("webhook-timestamp \"") + QString(40, QChar(0x2022))
                       + QLatin1String("...\" is not unix seconds"))
                   .toUtf8()
                   .constData());
    }

    void oauth2AndJoseAreNeverAFakePass()
    {
        QJsonObject verify;
        verify.insert(QStringLiteral("jws"), QJsonObject {{QStringLiteral("secret"), QStringLiteral("literal:x")}});
        EXPECT(run(setup(verify), {}), false, 401, "a compact JWS has three base64url parts");
        verify = QJsonObject {
            {QStringLiteral("jwe"), QJsonObject {{QStringLiteral("privateKey"), QStringLiteral("literal:x")}}}};
        EXPECT(run(setup(verify), {}), false, 400, "verify.jwe.privateKey is not a PEM private key");

        // oauth2 needs the running receiver's token endpoint; offline the verifier refuses every token.
        VerifyConfig config;
        config.auth.type = AuthType::OAuth2;
        const auto outcome = RequestVerifier::verify(
            config,
            {},
            {QStringLiteral("POST"), QStringLiteral("/"), {{"Authorization", "Bearer any"}}, {}},
            QDateTime::currentDateTimeUtc());
        EXPECT(outcome, false, 401, "no OAuth 2.0 token can pass offline");
    }

    void everySchemeSignedAndTampered_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QByteArray>("signSecret");
        QTest::addColumn<QString>("verifySecret");
        QTest::addColumn<int>("schemeId");
        QTest::newRow("hmac-sha256") << "hmac-sha256" << QByteArray("shared-secret") << "shared-secret"
                                     << int(SignatureScheme::HmacSha256);
        QTest::newRow("github") << "github" << QByteArray("It's a Secret") << "It's a Secret"
                                << int(SignatureScheme::GitHub);
        QTest::newRow("shopify") << "shopify" << QByteArray("shpss_abc") << "shpss_abc"
                                 << int(SignatureScheme::Shopify);
        QTest::newRow("standard-webhooks v1")
            << "standard-webhooks" << QByteArray("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            << "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" << int(SignatureScheme::StandardWebhooks);
        QTest::newRow("standard-webhooks v1a")
            << "standard-webhooks" << QByteArray("whsk_" + Seed.toBase64()) << QString::fromLatin1(PublicKey)
            << int(SignatureScheme::StandardWebhooks);
        QTest::newRow("stripe") << "stripe" << QByteArray("whsec_stripe123") << "whsec_stripe123"
                                << int(SignatureScheme::Stripe);
        QTest::newRow("slack") << "slack" << QByteArray("8f742231b10e8888abcd99yyyzzz85a5")
                               << "8f742231b10e8888abcd99yyyzzz85a5" << int(SignatureScheme::Slack);
    }

    void everySchemeSignedAndTampered()
    {
        QFETCH(QString, scheme);
        QFETCH(QByteArray, signSecret);
        QFETCH(QString, verifySecret);
        QFETCH(int, schemeId);
        const Setup s = setup(signatureConfig(scheme, {verifySecret}));
        const HeaderList headers = signHeaders(SignatureScheme(schemeId), signSecret, Body);
        const auto good = run(s, headers);
        QVERIFY2(good.accepted, qPrintable(allDetails(good)));
        QCOMPARE(good.status, 200);
        QCOMPARE(good.checks.size(), 1);
        QCOMPARE(good.checks.first().check, scheme);
        QCOMPARE(good.event.value(QStringLiteral("id")).toString(), QStringLiteral("evt_1"));
        QCOMPARE(good.event.value(QStringLiteral("type")).toString(), QStringLiteral("policy.bound"));

        QByteArray tampered = Body;
        tampered.replace("policy.bound", "policy.bount");
        const auto bad = run(s, headers, tampered);
        QVERIFY(!bad.accepted);
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.verdict(), QStringLiteral("rejected"));
        QVERIFY(!bad.checks.first().detail.isEmpty());
        QVERIFY(!bad.checks.first().detail.contains(QString::fromLatin1(signSecret)));

        const auto missing = run(s, {});
        QVERIFY(!missing.accepted);
        QVERIFY2(missing.checks.first().detail.contains(QLatin1String("missing")), qPrintable(allDetails(missing)));
    }

    void rotationAcceptsAnyConfiguredSecret()
    {
        const Setup s = setup(signatureConfig(
            QStringLiteral("standard-webhooks"),
            {QStringLiteral("whsec_") + QString::fromLatin1(QByteArray("new-key-0123456789abcdef").toBase64()),
             QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")}));
        const auto old =
            run(s, signHeaders(SignatureScheme::StandardWebhooks, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Body));
        EXPECT(old, true, 200, "2");
        const auto neither = run(s,
                                 signHeaders(SignatureScheme::StandardWebhooks,
                                             "whsec_" + QByteArray("some-other-key-0123456789").toBase64(),
                                             Body));
        EXPECT(neither, false, 401, "standard-webhooks");
    }

    void toleranceBothWays_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("schemeId");
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("standard-webhooks") << "standard-webhooks" << int(SignatureScheme::StandardWebhooks)
                                           << QByteArray("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QTest::newRow("stripe") << "stripe" << int(SignatureScheme::Stripe) << QByteArray("whsec_s");
        QTest::newRow("slack") << "slack" << int(SignatureScheme::Slack) << QByteArray("slack-secret");
    }

    void toleranceBothWays()
    {
        QFETCH(QString, scheme);
        QFETCH(int, schemeId);
        QFETCH(QByteArray, secret);
        const Setup s = setup(signatureConfig(scheme, {QString::fromLatin1(secret)}, 300));
        const auto sign = [&](qint64 ts) {
            return signHeaders(SignatureScheme(schemeId), secret, Body, ts);
        };
        EXPECT(run(s, sign(Now - 299)), true, 200, scheme.toLatin1().constData());
        EXPECT(run(s, sign(Now + 299)), true, 200, scheme.toLatin1().constData());
        EXPECT(run(s, sign(Now - 412)), false, 401, "412");
        EXPECT(run(s, sign(Now + 412)), false, 401, "412");
    }

    void dedupe()
    {
        const Setup s = setup(QJsonObject {{QStringLiteral("dedupe"), true}});
        QStringList asked;
        const auto seen = [&asked](const QString& id) {
            asked << id;
            return id == QLatin1String("evt_1") || id == QLatin1String("msg_seen");
        };
        // Seen: 200 whatever the configured answer, marked duplicate.
        const auto again = RequestVerifier::verify(s.verify,
                                                   s.secrets,
                                                   {QStringLiteral("POST"), QStringLiteral("/"), {}, Body},
                                                   QDateTime::currentDateTimeUtc(),
                                                   500,
                                                   seen);
        QVERIFY(again.accepted);
        QVERIFY(again.duplicate);
        QCOMPARE(again.status, 200);
        QCOMPARE(asked, QStringList {QStringLiteral("evt_1")});
        // The webhook-id header comes before the JSON id.
        const auto byHeader = run(s, {{"webhook-id", "msg_new"}}, Body, Now, seen);
        QVERIFY(!byHeader.duplicate);
        QCOMPARE(byHeader.dedupeId, QStringLiteral("msg_new"));
        EXPECT(byHeader, true, 200, "event id msg_new (from webhook-id) is new");
        QVERIFY(run(s, {{"webhook-id", "msg_seen"}}, "not json", Now, seen).duplicate);
        // No id at all: taken as new, said so.
        EXPECT(run(s, {}, "plain text", Now, seen), true, 200, "no event id");
        // Offline (no store): reported, never a duplicate.
        EXPECT(run(s, {}), true, 200, "looked up only while receiving");
    }

    void rejectedRequestsAreNotLookedUpForDedupe()
    {
        QJsonObject verify = auth(QStringLiteral("bearer"), {{QStringLiteral("token"), QStringLiteral("literal:t")}});
        verify.insert(QStringLiteral("dedupe"), true);
        const Setup s = setup(verify);
        bool asked = false;
        const auto outcome = run(s, {}, Body, Now, [&asked](const QString&) {
            asked = true;
            return true;
        });
        QVERIFY(!asked);
        QVERIFY(!outcome.duplicate);
        EXPECT(outcome, false, 401, "not looked up");
    }

    void maxAge()
    {
        const Setup s = setup(QJsonObject {{QStringLiteral("maxAgeSeconds"), 3600}});
        const qint64 eventTime =
            QDateTime::fromString(QStringLiteral("2026-09-21T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
        EXPECT(run(s, {}, Body, eventTime + 3000), true, 200, "event is 3000 s old by the JSON timestamp");
        EXPECT(run(s, {}, Body, eventTime + 4000),
               false,
               400,
               "event is 4000 s old by the JSON timestamp 2026-09-21T12:00:00Z, more than maxAgeSeconds 3600");
        // A retry carries a fresh webhook-timestamp (senders sign each attempt anew), but the
        // event is as old as its own timestamp says: the body wins over the header.
        EXPECT(run(s, {{"webhook-timestamp", QByteArray::number(eventTime + 3990)}}, Body, eventTime + 4000),
               false,
               400,
               "event is 4000 s old by the JSON timestamp 2026-09-21T12:00:00Z, more than maxAgeSeconds 3600");
        // Only a body without a timestamp falls back to the header, and says so.
        EXPECT(run(s, {{"webhook-timestamp", QByteArray::number(Now - 10)}}, "{\"id\":\"x\"}", Now),
               true,
               200,
               "10 s old by the webhook-timestamp header, as the body has no JSON timestamp");
        EXPECT(run(s, {{"webhook-timestamp", QByteArray::number(Now - 4000)}}, "{\"id\":\"x\"}", Now),
               false,
               400,
               "4000 s old by the webhook-timestamp header");
        EXPECT(run(s, {}, "{\"id\":\"x\"}", Now),
               false,
               400,
               "the body has no JSON timestamp and the request no webhook-timestamp header");
        EXPECT(run(s, {}, "{\"timestamp\":\"yesterday\"}", Now), false, 400, "is not an RFC 3339 time");
        // A broken body timestamp is not replaced by the header's.
        EXPECT(run(s, {{"webhook-timestamp", QByteArray::number(Now)}}, "{\"timestamp\":\"yesterday\"}", Now),
               false,
               400,
               "is not an RFC 3339 time");
    }

    // A body sent as JSON that is not JSON is a malformed request (docs/receiver-format.md: 400), explained
    // with where the JSON breaks; before, it was accepted and its event silently empty.
    void malformedJsonBodyIsRejected400()
    {
        const Setup none = setup(QJsonObject {});
        const QByteArray broken = "{\"id\":\"evt_1\",\n  \"type\": oops}";
        const auto outcome = run(none, {{"Content-Type", "application/json; charset=utf-8"}}, broken);
        EXPECT(outcome,
               false,
               400,
               "body: the Content-Type is application/json; charset=utf-8 but the body is not valid JSON: ");
        QVERIFY2(allDetails(outcome).contains(QLatin1String("at line 2, column 11")), qPrintable(allDetails(outcome)));
        QCOMPARE(outcome.checks.last().publicReason, QStringLiteral("the body is not valid JSON (line 2, column 11)"));
        EXPECT(run(none, {{"content-type", "application/cloudevents+json"}}, "{\"id\":"), false, 400, "body: ");
        // Valid JSON, an empty body, or another type: no body check.
        QVERIFY(run(none, {{"Content-Type", "application/json"}}, Body).checks.isEmpty());
        QVERIFY(run(none, {{"Content-Type", "application/json"}}, "").checks.isEmpty());
        QVERIFY(run(none, {{"Content-Type", "text/plain"}}, "not json").accepted);
        // Auth and signatures come first: their status wins.
        const Setup bearer =
            setup(auth(QStringLiteral("bearer"), {{QStringLiteral("token"), QStringLiteral("literal:t")}}));
        EXPECT(run(bearer, {{"Content-Type", "application/json"}}, broken), false, 401, "body: ");
        // A check that needs the JSON and cannot parse it: maxAge without webhook-timestamp.
        const Setup age = setup(QJsonObject {{QStringLiteral("maxAgeSeconds"), 3600}});
        EXPECT(run(age, {{"Content-Type", "text/plain"}}, "{\"timestamp\": 1"),
               false,
               400,
               "body: maxAgeSeconds needs the JSON timestamp (there is no webhook-timestamp header) but the body is"
               " not valid JSON");
    }

    void recognisesWhatItCannotCheck()
    {
        const Setup none = setup(QJsonObject {});
        const auto outcome = run(none, signHeaders(SignatureScheme::GitHub, "whatever", Body));
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.checks.size(), 1);
        QVERIFY(outcome.checks.first().informational);
        QVERIFY(!outcome.checks.first().ok);
        QCOMPARE(outcome.checks.first().check, QStringLiteral("github"));
        QVERIFY2(outcome.checks.first().detail.contains(QLatin1String("add a github entry")),
                 qPrintable(outcome.checks.first().detail));
        QCOMPARE(outcome.checksJson().first().toObject().value(QStringLiteral("informational")).toBool(), true);
        QVERIFY(run(none, {}).checks.isEmpty());
    }

    void publishedVectors()
    {
        const QByteArray json = TestSupport::readFile(TestSupport::dataDir() + QStringLiteral("/vectors.json"));
        QVERIFY2(!json.isEmpty(), "tests/data/vectors.json not found: is HOOKBENCH_SOURCE_DIR the checkout?");
        int checked = 0;
        for (const auto& item : QJsonDocument::fromJson(json).object().value(QStringLiteral("vectors")).toArray()) {
            const QJsonObject v = item.toObject();
            QString scheme = v.value(QStringLiteral("scheme")).toString();
            const QByteArray body = v.value(QStringLiteral("body")).toString().toUtf8();
            const QByteArray expected = v.value(QStringLiteral("expected")).toString().toLatin1();
            const qint64 ts = qint64(v.value(QStringLiteral("timestamp")).toDouble());
            QString secret = v.value(QStringLiteral("secret")).toString();
            HeaderList headers;
            if (scheme == QLatin1String("hmac-sha256")) {
                headers = {{"X-Webhook-Signature", expected}};
            } else if (scheme == QLatin1String("github")) {
                headers = {{"X-Hub-Signature-256", expected}};
            } else if (scheme.startsWith(QLatin1String("standard-webhooks"))) {
                if (scheme.endsWith(QLatin1String("v1a"))) {
                    secret = QStringLiteral("whpk_") + v.value(QStringLiteral("publicKeyBase64")).toString();
                    scheme = QStringLiteral("standard-webhooks");
                }
                headers = {{"webhook-id", v.value(QStringLiteral("id")).toString().toUtf8()},
                           {"webhook-timestamp", QByteArray::number(ts)},
                           {"webhook-signature", expected}};
            } else {
                continue;
            }
            const Setup s = setup(signatureConfig(scheme, {secret}));
            const qint64 now = ts > 0 ? ts : Now;
            const auto good = run(s, headers, body, now);
            QVERIFY2(good.accepted, qPrintable(scheme + QStringLiteral(": ") + allDetails(good)));
            const auto bad = run(s, headers, body + ' ', now);
            QVERIFY2(!bad.accepted, qPrintable(scheme));
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void secretHeadersAreMasked()
    {
        const Setup s = setup(auth(QStringLiteral("apiKey"),
                                   {{QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                                    {QStringLiteral("value"), QStringLiteral("literal:k-1234567890")}}));
        const HeaderList masked = RequestVerifier::maskSecretHeaders({{"Authorization", "Bearer tok-0123456789"},
                                                                      {"x-api-key", "k-1234567890abcdef"},
                                                                      {"Cookie", "session=abcdefghijkl"},
                                                                      {"Proxy-Authorization", "Basic eHh4eHh4eHg="},
                                                                      {"X-Other", "visible"}},
                                                                     RequestVerifier::secretHeaderNames(s.verify));
        // A 14-character Bearer token and an 8-character Basic password ("xxxxxxxx") are too
        // short for their last 4 characters to be shown; the 18- and 20-character values are not.
        QCOMPARE(masked.at(0).second, QStringLiteral("••••").toUtf8());
        QCOMPARE(masked.at(1).second, QStringLiteral("••••cdef").toUtf8());
        QCOMPARE(masked.at(2).second, QStringLiteral("••••ijkl").toUtf8());
        QCOMPARE(masked.at(3).second, QStringLiteral("••••").toUtf8());
        QCOMPARE(masked.at(4).second, QByteArray("visible"));
    }

    void everyConfiguredCheckMustPass()
    {
        QJsonObject verify = signatureConfig(QStringLiteral("github"), {QStringLiteral("gh-secret")});
        verify.insert(QStringLiteral("auth"),
                      QJsonObject {{QStringLiteral("type"), QStringLiteral("bearer")},
                                   {QStringLiteral("token"), QStringLiteral("literal:tok-0123456789")}});
        const Setup s = setup(verify);
        HeaderList headers = signHeaders(SignatureScheme::GitHub, "gh-secret", Body);
        EXPECT(run(s, headers), false, 401, "Authorization header missing");
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer tok-0123456789")));
        const auto both = run(s, headers);
        QVERIFY(both.accepted);
        QCOMPARE(both.checks.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRequestVerifier)
#include "tst_requestverifier.moc"

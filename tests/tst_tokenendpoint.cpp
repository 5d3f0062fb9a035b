#include "TestSupport.h"

#include "auth/TokenProvider.h"
#include "delivery/DeliveryEngine.h"
#include "history/ReceivedStore.h"
#include "jose/JoseKey.h"
#include "jose/Jws.h"
#include "receiver/Receiver.h"
#include "receiver/TokenEndpoint.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

// The receiver as an OAuth 2.0 token server (docs/receiver-format.md tokenEndpoint) and as a checker of the
// tokens it issued (verify.auth oauth2): the project's own client (TokenProvider, DeliveryEngine)
// for every client authentication form, hand-made requests for each refusal, and an independent
// client in Python (urllib + PyJWT).
namespace {

const QString ClientId = QStringLiteral("hook-client");
// Holds ':', '&', '+', a space and a non-ASCII letter: Basic must form-urlencode it (RFC 6749 §2.3.1).
const QByteArray ClientSecret = QByteArrayLiteral("s3cr:t &+/\xc3\xa9-value-0042");
const QString SecretRefText = QStringLiteral("env:TST_TOKENENDPOINT_SECRET");
const QString Dots = QStringLiteral("\u2022\u2022\u2022\u2022");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
    QString description() const { return json.value(QStringLiteral("error_description")).toString(); }
};

Reply collect(QNetworkReply* reply)
{
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000)) {
        reply->abort();
    }
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

QByteArray formBody(const QList<QPair<QString, QString>>& form)
{
    QUrlQuery query;
    for (const auto& [name, value] : form) {
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return query.toString(QUrl::FullyEncoded).toLatin1();
}

QByteArray basicHeader(const QByteArray& id, const QByteArray& secret)
{
    const QByteArray credentials = id + ':' + secret;
    return "Basic " + credentials.toBase64();
}

QString allText(const QList<ReceivedRecord>& records)
{
    QString text;
    for (const auto& record : records) {
        text += record.query + QString::fromUtf8(record.body)
                + QString::fromUtf8(QJsonDocument(record.checks).toJson(QJsonDocument::Compact));
        for (const auto& [name, value] : record.headers) {
            text += QString::fromUtf8(name + ": " + value + '\n');
        }
    }
    return text;
}

} // namespace

class TestTokenEndpoint final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<ReceivedStore> m_store;
    QList<Receiver*> m_receivers;
    Receiver* m_receiver = nullptr;
    QNetworkAccessManager m_network;

    Receiver* startReceiver(int expiresIn = 3600, const QStringList& clientAuth = {})
    {
        QJsonObject extra {{QStringLiteral("expiresIn"), expiresIn}};
        if (!clientAuth.isEmpty()) {
            extra.insert(QStringLiteral("clientAuth"), QJsonArray::fromStringList(clientAuth));
        }
        return startReceiver(extra);
    }

    // A receiver whose tokenEndpoint block has `extra` added (audiences, clients, ...), with `tls`.
    Receiver* startReceiver(const QJsonObject& extra, const QJsonObject& tls = {})
    {
        QJsonObject tokenEndpoint {{QStringLiteral("clientId"), ClientId},
                                   {QStringLiteral("clientSecret"), SecretRefText}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            tokenEndpoint.insert(it.key(), it.value());
        }
        QJsonObject json {
            {QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")},
            {QStringLiteral("tokenEndpoint"), tokenEndpoint},
            {QStringLiteral("verify"),
             QJsonObject {{QStringLiteral("auth"), QJsonObject {{QStringLiteral("type"), QStringLiteral("oauth2")}}}}}};
        if (!tls.isEmpty()) {
            json.insert(QStringLiteral("tls"), tls);
        }
        auto config = ReceiverConfig::fromJson(QJsonDocument(json).toJson());
        if (!config) {
            qWarning() << config.error().toString();
            return nullptr;
        }
        SecretValues secrets;
        for (const QString& ref : config->secretRefs()) {
            secrets.insert(ref, SecretRef::parse(ref).resolveLocal({}).value());
        }
        auto* receiver = new Receiver(this);
        receiver->setStore(m_store.get());
        if (auto started = receiver->start(config.value(), secrets); !started) {
            qWarning() << started.error().toString();
            delete receiver;
            return nullptr;
        }
        m_receivers.append(receiver);
        return receiver;
    }

    QString tokenUrl() const { return m_receiver->tokenUrl(); }
    QString hookUrl() const { return m_receiver->url() + QStringLiteral("/hook"); }

    Reply post(const QString& url,
               const QByteArray& body,
               const QByteArray& contentType = QByteArrayLiteral("application/x-www-form-urlencoded"),
               const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        QNetworkRequest request {QUrl(url)};
        if (!contentType.isEmpty()) {
            request.setRawHeader("Content-Type", contentType);
        }
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        return collect(m_network.post(request, body));
    }

    Reply tokenRequest(const QList<QPair<QString, QString>>& form,
                       const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        return post(tokenUrl(), formBody(form), QByteArrayLiteral("application/x-www-form-urlencoded"), headers);
    }

    QJsonObject claims(qint64 now) const { return claims(now, tokenUrl()); }

    static QJsonObject claims(qint64 now, const QString& audience)
    {
        return {{QStringLiteral("iss"), ClientId},
                {QStringLiteral("sub"), ClientId},
                {QStringLiteral("aud"), audience},
                {QStringLiteral("iat"), now},
                {QStringLiteral("exp"), now + 300},
                {QStringLiteral("jti"), QString::fromLatin1(Crypto::randomBytes(16).toHex())}};
    }

    static QByteArray sign(const QJsonObject& claims, const QByteArray& secret = ClientSecret)
    {
        const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
                                  {QStringLiteral("typ"), QStringLiteral("JWT")}};
        return Jws::signCompact(
                   header, QJsonDocument(claims).toJson(QJsonDocument::Compact), JoseKey::fromSecret(secret))
            .value();
    }

    static QByteArray assertionForm(const QByteArray& assertion)
    {
        return formBody({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                         {QStringLiteral("client_id"), ClientId},
                         {QStringLiteral("client_assertion_type"), QLatin1String(TokenEndpoint::JwtBearerType)},
                         {QStringLiteral("client_assertion"), QString::fromLatin1(assertion)}});
    }

    Reply assertionRequest(const QByteArray& assertion) { return post(tokenUrl(), assertionForm(assertion)); }

    EndpointProfile profile(const QString& clientAuth) const
    {
        EndpointProfile p;
        p.name = QStringLiteral("to the receiver with its own tokens");
        p.url = QUrl(hookUrl());
        p.timeoutMs = 5000;
        p.auth.type = AuthType::OAuth2ClientCredentials;
        p.auth.tokenUrl = tokenUrl();
        p.auth.clientId = ClientId;
        p.auth.clientSecret = SecretRefText;
        p.auth.clientAuth = clientAuth;
        p.auth.scope = QStringLiteral("hooks:write");
        return p;
    }

    TokenOutcome fetch(const EndpointProfile& p)
    {
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        auto request = TokenRequest::fromProfile(p, {{SecretRefText, ClientSecret}});
        if (!request) {
            TokenOutcome failed;
            failed.error = request.error();
            return failed;
        }
        std::optional<TokenOutcome> outcome;
        provider.token(request.value(), this, [&outcome](const TokenOutcome& answer) { outcome = answer; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 15000)) {
            TokenOutcome failed;
            failed.error = Error(QStringLiteral("no answer"));
            return failed;
        }
        return *outcome;
    }

    QList<ReceivedRecord> records() const
    {
        auto list = m_store->latest(1000);
        std::reverse(list.begin(), list.end());
        return list;
    }

    static QJsonObject firstCheck(const ReceivedRecord& record) { return record.checks.first().toObject(); }

private slots:
    void initTestCase() { qputenv("TST_TOKENENDPOINT_SECRET", ClientSecret); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        auto store = ReceivedStore::open(m_dir->filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        m_store = std::move(store).value();
        m_receiver = startReceiver();
        QVERIFY(m_receiver);
    }

    void cleanup()
    {
        qDeleteAll(m_receivers);
        m_receivers.clear();
        m_receiver = nullptr;
        m_store.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void everyClientAuthFormThenDelivery_data()
    {
        QTest::addColumn<QString>("clientAuth");
        QTest::newRow("basic") << QStringLiteral("basic");
        QTest::newRow("post") << QStringLiteral("post");
        QTest::newRow("jwt") << QStringLiteral("jwt");
    }

    void everyClientAuthFormThenDelivery()
    {
        QFETCH(QString, clientAuth);
        DeliveryEngine engine;
        DeliveryJob job;
        job.profile = profile(clientAuth);
        job.secrets = {{SecretRefText, ClientSecret}};
        job.event = Event(QJsonObject {{QStringLiteral("id"), QStringLiteral("evt_tok_1")},
                                       {QStringLiteral("type"), QStringLiteral("policy.bound")},
                                       {QStringLiteral("data"), QJsonObject {}}});
        Delivery* delivery = engine.deliver(job);
        QSignalSpy finished(delivery, &Delivery::finished);
        QVERIFY(finished.wait(15000));
        const AttemptTrace trace = delivery->attempts().last();
        QVERIFY2(delivery->isDelivered(), qPrintable(trace.error));
        QCOMPARE(trace.status, 200);
        QCOMPARE(engine.tokenFetches(), 1);

        const auto stored = records();
        QCOMPARE(stored.size(), 2);
        const ReceivedRecord& token = stored.at(0);
        QCOMPARE(token.verdict, QStringLiteral("token"));
        QCOMPARE(token.status, 200);
        QCOMPARE(token.path, QStringLiteral("/oauth2/token"));
        const QJsonObject tokenCheck = firstCheck(token);
        QCOMPARE(tokenCheck.value(QStringLiteral("check")).toString(), QStringLiteral("token endpoint"));
        QVERIFY(tokenCheck.value(QStringLiteral("ok")).toBool());
        const QString detail = tokenCheck.value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(
                     QStringLiteral("to client hook-client (client auth %1), expires in 3600 s").arg(clientAuth)),
                 qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("scope \"hooks:write\"")), qPrintable(detail));

        const ReceivedRecord& hook = stored.at(1);
        QCOMPARE(hook.verdict, QStringLiteral("accepted"));
        const QJsonObject authCheck = firstCheck(hook);
        QCOMPARE(authCheck.value(QStringLiteral("check")).toString(), QStringLiteral("auth oauth2"));
        QVERIFY(authCheck.value(QStringLiteral("ok")).toBool());
        QVERIFY2(authCheck.value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("issued by this receiver to client hook-client, valid for")),
                 qPrintable(authCheck.value(QStringLiteral("detail")).toString()));

        // Secrets masked in what was stored: the form fields, the Basic header, and no token.
        const QString text = allText(stored);
        QVERIFY2(!text.contains(QString::fromUtf8(ClientSecret)), qPrintable(text));
        QVERIFY(!text.contains(QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(ClientSecret)))));
        if (clientAuth == u"post") {
            QVERIFY2(QString::fromUtf8(token.body)
                         .contains(QStringLiteral("client_secret=") + Dots + QStringLiteral("0042")),
                     token.body.constData());
        } else if (clientAuth == u"jwt") {
            QVERIFY2(QString::fromUtf8(token.body).contains(QStringLiteral("client_assertion=") + Dots),
                     token.body.constData());
            QVERIFY(!token.body.contains("eyJ")); // no part of the JWT is kept
        } else {
            bool masked = false;
            for (const auto& [name, value] : token.headers) {
                masked = masked || (name == "Authorization" && QString::fromUtf8(value).startsWith(Dots));
            }
            QVERIFY(masked);
        }
    }

    void tokenAnswerFollowsRfc6749()
    {
        const Reply reply = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                          {QStringLiteral("client_id"), ClientId},
                                          {QStringLiteral("client_secret"), QString::fromUtf8(ClientSecret)}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        QCOMPARE(reply.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 3600);
        QVERIFY(!reply.json.contains(QStringLiteral("scope"))); // only when asked
        const QByteArray token = reply.json.value(QStringLiteral("access_token")).toString().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(
            token,
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32); // 256 random bits
        QVERIFY(!allText(records()).contains(QString::fromLatin1(token)));
    }

    void expiredTokenIsRejected()
    {
        m_receiver = startReceiver(1);
        QVERIFY(m_receiver);
        const TokenOutcome outcome = fetch(profile(QStringLiteral("basic")));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        const QByteArray bearer = "Bearer " + outcome.token->value;
        const QDateTime expired = outcome.token->expiresAt.addMSecs(1500);
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > expired; }, 10000));
        const Reply reply = post(hookUrl(), "{}", "application/json", {{"Authorization", bearer}});
        QCOMPARE(reply.status, 401);
        const QRegularExpression expected(
            QStringLiteral("^auth oauth2: token \u2022\u2022\u2022\u2022.{4} expired [1-9]\\d* s ago\n$"));
        QVERIFY2(expected.match(QString::fromUtf8(reply.body)).hasMatch(), reply.body.constData());
        const QString stored = firstCheck(records().last()).value(QStringLiteral("detail")).toString();
        QVERIFY2(stored.contains(QStringLiteral(" expired ")), qPrintable(stored));
    }

    void tokensNotIssuedHereAreRejected()
    {
        // A well-formed token of the same shape, and a real token from another receiver with the
        // same configuration: neither was issued by this one.
        Receiver* other = startReceiver();
        QVERIFY(other);
        Receiver* self = m_receiver;
        m_receiver = other;
        const TokenOutcome foreign = fetch(profile(QStringLiteral("post")));
        m_receiver = self;
        QVERIFY2(foreign.ok(), qPrintable(foreign.error.toString()));
        const QByteArray forged =
            Crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        for (const QByteArray& token : {forged, foreign.token->value}) {
            const Reply reply = post(hookUrl(), "{}", "application/json", {{"Authorization", "Bearer " + token}});
            QCOMPARE(reply.status, 401);
            const QByteArray expected = "auth oauth2: token \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"
                                        + token.right(4) + " not issued by this receiver";
            QVERIFY2(reply.body.startsWith(expected), reply.body.constData());
        }
        const Reply none = post(hookUrl(), "{}", "application/json");
        QCOMPARE(none.status, 401);
        QVERIFY2(none.body.startsWith("auth oauth2: no Bearer token: Authorization header missing"),
                 none.body.constData());
        const Reply basic = post(hookUrl(), "{}", "application/json", {{"Authorization", "Basic YTpi"}});
        QCOMPARE(basic.status, 401);
        QVERIFY2(basic.body.startsWith("auth oauth2: no Bearer token: Authorization holds Basic credentials"),
                 basic.body.constData());
    }

    void badClientSecretIsInvalidClient_data()
    {
        QTest::addColumn<QString>("clientAuth");
        QTest::addColumn<QString>("description");
        QTest::newRow("basic") << QStringLiteral("basic") << QStringLiteral("wrong client secret");
        QTest::newRow("post") << QStringLiteral("post") << QStringLiteral("wrong client_secret");
        QTest::newRow("jwt") << QStringLiteral("jwt")
                             << QStringLiteral("signature does not verify with the client secret of hook-client");
    }

    void badClientSecretIsInvalidClient()
    {
        QFETCH(QString, clientAuth);
        QFETCH(QString, description);
        EndpointProfile p = profile(clientAuth);
        p.auth.clientSecret = QStringLiteral("literal:not-the-secret-9999");
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        auto request = TokenRequest::fromProfile(p, {{p.auth.clientSecret, "not-the-secret-9999"}});
        QVERIFY(request.ok());
        std::optional<TokenOutcome> outcome;
        provider.token(request.value(), this, [&outcome](const TokenOutcome& answer) { outcome = answer; });
        QVERIFY(QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 15000));
        QVERIFY(!outcome->ok());
        const QString error = outcome->error.message;
        QVERIFY2(error.startsWith(QStringLiteral("token endpoint refused (HTTP 401): invalid_client: ")),
                 qPrintable(error));
        QVERIFY2(error.contains(description), qPrintable(error));
        const ReceivedRecord stored = records().last();
        QCOMPARE(stored.verdict, QStringLiteral("token"));
        QCOMPARE(stored.status, 401);
        QVERIFY(!firstCheck(stored).value(QStringLiteral("ok")).toBool());
        QVERIFY(!allText(records()).contains(QStringLiteral("not-the-secret-9999")));

        // The answer as RFC 6749 §5.2 has it.
        const Reply reply = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                                         {{"Authorization", basicHeader("hook-client", "wrong-secret")}});
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Basic realm="));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    }

    void basicWithoutUrlencodingIsExplained()
    {
        const Reply reply = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                                         {{"Authorization", basicHeader(ClientId.toUtf8(), ClientSecret)}});
        QCOMPARE(reply.status, 401);
        QVERIFY2(reply.description().contains(QStringLiteral("it matches before form-urldecoding")),
                 qPrintable(reply.description()));
        // Encoded as the RFC asks, the same secret passes.
        const Reply encoded =
            tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                         {{"Authorization",
                           basicHeader(ClientId.toUtf8(), QUrl::toPercentEncoding(QString::fromUtf8(ClientSecret)))}});
        QCOMPARE(encoded.status, 200);
    }

    void badAssertionsAreRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("description");
        // How the seconds in the description move when the receiver's clock is later than the
        // assertion's "now": +1 (an age), -1 (a distance ahead), 0 (no seconds in it).
        QTest::addColumn<int>("drift");
        QTest::newRow("wrong key") << QStringLiteral("key")
                                   << QStringLiteral("the client assertion's signature does not verify") << 0;
        QTest::newRow("expired") << QStringLiteral(
            "expired") << QStringLiteral("the client assertion expired 120 s ago (exp 1789999880, 30 s leeway)")
                                 << 1;
        QTest::newRow("iat in the future")
            << QStringLiteral("future")
            << QStringLiteral("the client assertion's iat is 600 s in the future: the client's clock runs ahead"
                              " (30 s leeway)")
            << -1;
        QTest::newRow("wrong aud") << QStringLiteral(
            "aud") << QStringLiteral("the client assertion's aud is \"https://elsewhere.example/token\"")
                                   << 0;
        QTest::newRow("wrong iss") << QStringLiteral("iss")
                                   << QStringLiteral("the client assertion's iss is \"someone-else\"") << 0;
        QTest::newRow("no jti") << QStringLiteral("jti") << QStringLiteral("the client assertion has no jti") << 0;
        QTest::newRow("not HS256") << QStringLiteral("alg") << QStringLiteral("the client assertion is signed ES256")
                                   << 0;
    }

    void badAssertionsAreRefused()
    {
        QFETCH(QString, change);
        QFETCH(QString, description);
        QFETCH(int, drift);
        // The assertion with `change` made to it, its times relative to `now`.
        const auto makeAssertion = [&change](qint64 now, const QString& audience) -> QByteArray {
            QJsonObject c = claims(now, audience);
            QByteArray secret = ClientSecret;
            if (change == u"key") {
                secret = "another-secret-entirely";
            } else if (change == u"expired") {
                c.insert(QStringLiteral("iat"), now - 420);
                c.insert(QStringLiteral("exp"), now - 120);
            } else if (change == u"future") {
                c.insert(QStringLiteral("iat"), now + 600);
                c.insert(QStringLiteral("exp"), now + 900);
            } else if (change == u"aud") {
                c.insert(QStringLiteral("aud"), QStringLiteral("https://elsewhere.example/token"));
            } else if (change == u"iss") {
                c.insert(QStringLiteral("iss"), QStringLiteral("someone-else"));
            } else if (change == u"jti") {
                c.remove(QStringLiteral("jti"));
            }
            if (change == u"alg") {
                auto key = JoseKey::generate(JoseKey::Type::EcP256);
                if (!key) {
                    return {};
                }
                auto signedEs256 = Jws::signCompact(QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")}},
                                                    QJsonDocument(c).toJson(QJsonDocument::Compact),
                                                    key.value());
                return signedEs256 ? signedEs256.value() : QByteArray();
            }
            return sign(c, secret);
        };
        // The description when the assertion was made at `assertionNow` and checked at `receiverNow`.
        const auto expectedAt = [&](qint64 assertionNow, qint64 receiverNow) {
            QString text = description;
            if (drift != 0) {
                const qint64 seconds = change == u"expired" ? 120 : 600;
                text.replace(QStringLiteral(" %1 s ").arg(seconds),
                             QStringLiteral(" %1 s ").arg(seconds + drift * (receiverNow - assertionNow)));
            }
            // The exp is the assertion's own (now - 120): only the fixed one is known in advance.
            text.replace(QStringLiteral("(exp 1789999880,"), QStringLiteral("(exp %1,").arg(assertionNow - 120));
            return text;
        };

        // The endpoint itself at a fixed "now": the exact words, whatever the machine's load.
        const qint64 fixedNow = 1790000000; // 2026-09-21T14:13:20Z
        const QString receiverUrl = QStringLiteral("http://127.0.0.1:8787");
        TokenEndpointConfig config;
        config.clientId = ClientId;
        config.clientSecret = SecretRefText;
        TokenEndpoint endpoint(config, ClientSecret);
        const QByteArray fixedAssertion = makeAssertion(fixedNow, receiverUrl + config.path);
        QVERIFY(!fixedAssertion.isEmpty());
        const TokenEndpoint::Answer answer = endpoint.handle(
            VerifyRequest {QStringLiteral("POST"),
                           config.path,
                           {{"Host", "127.0.0.1:8787"}, {"Content-Type", "application/x-www-form-urlencoded"}},
                           assertionForm(fixedAssertion)},
            QString(),
            receiverUrl,
            QDateTime::fromSecsSinceEpoch(fixedNow, Qt::UTC));
        QCOMPARE(answer.response.status, 401);
        const QJsonObject json = QJsonDocument::fromJson(answer.response.body).object();
        QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        const QString fixedDescription = json.value(QStringLiteral("error_description")).toString();
        QVERIFY2(fixedDescription.startsWith(expectedAt(fixedNow, fixedNow)), qPrintable(fixedDescription));
        QVERIFY(!answer.check.ok);
        QCOMPARE(answer.check.detail, QStringLiteral("invalid_client: ") + fixedDescription);
        QVERIFY(!answer.maskedBody.contains(fixedAssertion.left(20)));

        // The same refusal through the running receiver, which reads its own clock: the seconds
        // are those between the assertion's times and when the request arrived (as stored).
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray assertion = makeAssertion(now, tokenUrl());
        QVERIFY(!assertion.isEmpty());
        const Reply reply = assertionRequest(assertion);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        const ReceivedRecord stored = records().last();
        QVERIFY2(reply.description().startsWith(expectedAt(now, stored.receivedAt.toSecsSinceEpoch())),
                 qPrintable(reply.description()));
        QVERIFY(!stored.body.contains(assertion.left(20)));
    }

    void replayedAssertionIsRefused()
    {
        const QByteArray assertion = sign(claims(QDateTime::currentSecsSinceEpoch()));
        QCOMPARE(assertionRequest(assertion).status, 200);
        const Reply again = assertionRequest(assertion);
        QCOMPARE(again.status, 401);
        QVERIFY2(again.description().contains(QStringLiteral("was used before (a replay)")),
                 qPrintable(again.description()));
    }

    void audienceIsTheTokenUrlAsTheClientSawIt()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // One of several audiences (RFC 7519 §4.1.3).
        QJsonObject c = claims(now);
        c.insert(QStringLiteral("aud"), QJsonArray {QStringLiteral("https://other.example"), tokenUrl()});
        QCOMPARE(assertionRequest(sign(c)).status, 200);
        // The host name the client used (its Host header), not only the receiver's address.
        const QString asSeen = QStringLiteral("http://localhost:%1/oauth2/token").arg(m_receiver->port());
        c = claims(now);
        c.insert(QStringLiteral("aud"), asSeen);
        const QByteArray body =
            formBody({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                      {QStringLiteral("client_assertion_type"), QLatin1String(TokenEndpoint::JwtBearerType)},
                      {QStringLiteral("client_assertion"), QString::fromLatin1(sign(c))}});
        const Reply viaLocalhost = post(tokenUrl(),
                                        body,
                                        "application/x-www-form-urlencoded",
                                        {{"Host", QStringLiteral("localhost:%1").arg(m_receiver->port()).toLatin1()}});
        QVERIFY2(viaLocalhost.status == 200, viaLocalhost.body.constData());
        // The same audience sent to 127.0.0.1 is another URL: refused, and the answer says which it wanted.
        c = claims(now);
        c.insert(QStringLiteral("aud"), asSeen);
        const Reply mismatch = assertionRequest(sign(c));
        QCOMPARE(mismatch.status, 401);
        QVERIFY2(mismatch.description().contains(tokenUrl()), qPrintable(mismatch.description()));
    }

    void multipartBodyIsAccepted()
    {
        auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        const QList<QPair<QByteArray, QByteArray>> fields {{"grant_type", "client_credentials"},
                                                           {"client_id", ClientId.toUtf8()},
                                                           {"client_secret", ClientSecret},
                                                           {"scope", "hooks:write hooks:read"}};
        for (const auto& [name, value] : fields) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QVariant(QStringLiteral("form-data; name=\"%1\"").arg(QString::fromLatin1(name))));
            part.setBody(value);
            multipart->append(part);
        }
        QNetworkReply* raw = m_network.post(QNetworkRequest(QUrl(tokenUrl())), multipart);
        multipart->setParent(raw);
        const Reply reply = collect(raw);
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json.value(QStringLiteral("scope")).toString(), QStringLiteral("hooks:write hooks:read"));
        const ReceivedRecord stored = records().last();
        QVERIFY(stored.body.contains("name=\"client_secret\""));
        QVERIFY(!stored.body.contains(ClientSecret));
        QVERIFY(QString::fromUtf8(stored.body).contains(Dots + QStringLiteral("0042")));
        // And the token it issued opens the door.
        const QByteArray token = reply.json.value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(post(hookUrl(), "{}", "application/json", {{"Authorization", "Bearer " + token}}).status, 200);
    }

    void requestErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        const QByteArray creds =
            "&client_id=hook-client&client_secret=" + QUrl::toPercentEncoding(QString::fromUtf8(ClientSecret));
        const QByteArray form = "application/x-www-form-urlencoded";
        QTest::newRow("wrong grant_type")
            << QByteArray("POST") << form << QByteArray("grant_type=authorization_code" + creds) << 400
            << QStringLiteral("unsupported_grant_type")
            << QStringLiteral("grant_type \"authorization_code\" is not supported");
        QTest::newRow("no grant_type") << QByteArray("POST") << form << QByteArray(creds.mid(1)) << 400
                                       << QStringLiteral("invalid_request") << QStringLiteral("grant_type is missing");
        QTest::newRow("JSON body") << QByteArray("POST") << QByteArray("application/json")
                                   << QByteArray("{\"grant_type\":\"client_credentials\"}") << 400
                                   << QStringLiteral("invalid_request")
                                   << QStringLiteral("Content-Type application/json is not a form");
        QTest::newRow("GET") << QByteArray("GET") << QByteArray() << QByteArray() << 405
                             << QStringLiteral("invalid_request") << QStringLiteral("the token endpoint takes POST");
        QTest::newRow("parameter twice") << QByteArray("POST") << form
                                         << QByteArray("grant_type=client_credentials&grant_type=x" + creds) << 400
                                         << QStringLiteral("invalid_request")
                                         << QStringLiteral("grant_type is given more than once");
        QTest::newRow("no client authentication")
            << QByteArray("POST") << form << QByteArray("grant_type=client_credentials&client_id=hook-client") << 401
            << QStringLiteral("invalid_client") << QStringLiteral("no client authentication");
        QTest::newRow("unknown client") << QByteArray("POST") << form
                                        << QByteArray("grant_type=client_credentials&client_id=nobody&client_secret=x")
                                        << 401 << QStringLiteral("invalid_client")
                                        << QStringLiteral("unknown client_id \"nobody\"");
        QTest::newRow("broken multipart")
            << QByteArray("POST") << QByteArray("multipart/form-data; boundary=XYZ")
            << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials")
            << 400 << QStringLiteral("invalid_request") << QStringLiteral("the multipart/form-data body ends before");
    }

    void requestErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(QString, description);
        QNetworkRequest request {QUrl(tokenUrl())};
        if (!contentType.isEmpty()) {
            request.setRawHeader("Content-Type", contentType);
        }
        const Reply reply = collect(method == "GET" ? m_network.get(request) : m_network.post(request, body));
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), error);
        QVERIFY2(reply.description().startsWith(description), qPrintable(reply.description()));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        const ReceivedRecord stored = records().last();
        QCOMPARE(stored.verdict, QStringLiteral("token"));
        QCOMPARE(stored.status, status);
        QVERIFY(!stored.body.contains(QUrl::toPercentEncoding(QString::fromUtf8(ClientSecret))));
    }

    void twoClientAuthenticationsAreOneTooMany()
    {
        const Reply reply = tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                          {QStringLiteral("client_id"), ClientId},
                                          {QStringLiteral("client_secret"), QString::fromUtf8(ClientSecret)}},
                                         {{"Authorization", basicHeader("hook-client", "x")}});
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.description().contains(QStringLiteral("more than one way")), qPrintable(reply.description()));
    }

    void onlyTheConfiguredFormsAreAccepted()
    {
        m_receiver = startReceiver(3600, {QStringLiteral("jwt")});
        QVERIFY(m_receiver);
        const TokenOutcome basic = fetch(profile(QStringLiteral("basic")));
        QVERIFY(!basic.ok());
        QVERIFY2(basic.error.message.contains(
                     QStringLiteral("client authentication basic is not enabled on this token endpoint"
                                    " (tokenEndpoint.clientAuth allows jwt)")),
                 qPrintable(basic.error.message));
        QVERIFY(fetch(profile(QStringLiteral("jwt"))).ok());
    }

    // Sends one event with `p` through the engine (the project's sender): the attempt.
    AttemptTrace deliver(const EndpointProfile& p, const SecretValues& secrets)
    {
        DeliveryEngine engine;
        Delivery* delivery = engine.deliver(DeliveryJob {p, secrets, Event {}, QByteArray("{}"), false});
        QSignalSpy finished(delivery, &Delivery::finished);
        if (!finished.wait(20000) || delivery->attempts().isEmpty()) {
            AttemptTrace never;
            never.error = QStringLiteral("the delivery never finished");
            return never;
        }
        return delivery->attempts().last();
    }

    static QJsonObject assertionOf(const AttemptTrace& trace)
    {
        return trace.tokenExchange.value(QStringLiteral("request"))
            .toObject()
            .value(QStringLiteral("assertion"))
            .toObject();
    }

    QString writeFile(const QString& name, const QByteArray& bytes) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return {};
        }
        file.write(bytes);
        return path;
    }

    // Issue 14: Coviu signs its client_secret_jwt assertion with aud = the webhook URL and
    // iss = sub = the client id, iat, exp = iat + 5 min. With tokenEndpoint.audiences the
    // endpoint accepts it, sender to receiver.
    void coviuAssertionWithTheWebhookUrlAsAudience_data()
    {
        QTest::addColumn<QString>("accepted");
        QTest::newRow("webhookUrl") << QStringLiteral("webhookUrl");
        QTest::newRow("/events") << QStringLiteral("/events");
    }

    void coviuAssertionWithTheWebhookUrlAsAudience()
    {
        QFETCH(QString, accepted);
        m_receiver = startReceiver(
            QJsonObject {{QStringLiteral("audiences"), QJsonArray {QStringLiteral("tokenUrl"), accepted}}});
        QVERIFY(m_receiver);
        EndpointProfile p = profile(QStringLiteral("jwt"));
        p.url = QUrl(m_receiver->url() + QStringLiteral("/events"));
        p.auth.assertionAudience = QStringLiteral("webhookUrl");
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const AttemptTrace trace = deliver(p, {{SecretRefText, ClientSecret}});
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        const QJsonObject assertion = assertionOf(trace);
        QCOMPARE(assertion.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
                 QStringLiteral("HS256"));
        const QJsonObject claims = assertion.value(QStringLiteral("claims")).toObject();
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), ClientId);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), ClientId);
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), m_receiver->url() + QStringLiteral("/events"));
        const qint64 iat = qint64(claims.value(QStringLiteral("iat")).toDouble());
        QVERIFY(iat >= before && iat <= QDateTime::currentSecsSinceEpoch());
        QCOMPARE(qint64(claims.value(QStringLiteral("exp")).toDouble()), iat + 300);
        const QList<ReceivedRecord> stored = records();
        QCOMPARE(stored.size(), 2); // the token request, then the event
        QVERIFY2(firstCheck(stored.first())
                     .value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("to client hook-client (client auth jwt)")),
                 qPrintable(firstCheck(stored.first()).value(QStringLiteral("detail")).toString()));
        QCOMPARE(stored.last().verdict, QStringLiteral("accepted"));
    }

    // A refused aud names what was sent and every value this endpoint accepts.
    void audienceRefusalSaysWhatIsAccepted()
    {
        EndpointProfile p = profile(QStringLiteral("jwt"));
        p.url = QUrl(m_receiver->url() + QStringLiteral("/events"));
        p.auth.assertionAudience = QStringLiteral("webhookUrl");
        TokenOutcome outcome = fetch(p);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.message.contains(QStringLiteral("the client assertion's aud is \"%1/events\"; it must be"
                                                               " this token endpoint's URL, %2")
                                                    .arg(m_receiver->url(), tokenUrl())),
                 qPrintable(outcome.error.message));

        m_receiver = startReceiver(
            QJsonObject {{QStringLiteral("audiences"),
                          QJsonArray {QStringLiteral("issuer"), QStringLiteral("https://hooks.example.com/coviu")}}});
        QVERIFY(m_receiver);
        p.url = QUrl(m_receiver->url() + QStringLiteral("/events"));
        p.auth.tokenUrl = tokenUrl();
        outcome = fetch(p);
        QVERIFY(!outcome.ok());
        QVERIFY2(
            outcome.error.message.contains(
                QStringLiteral("the client assertion's aud is \"%1/events\"; this endpoint accepts %1 (issuer), %1/"
                               " (issuer), https://hooks.example.com/coviu (tokenEndpoint.audiences)")
                    .arg(m_receiver->url())),
            qPrintable(outcome.error.message));
        // Each of them passes.
        p.auth.assertionAudience = QStringLiteral("https://hooks.example.com/coviu");
        QVERIFY2(fetch(p).ok(), qPrintable(fetch(p).error.toString()));
        p.auth.assertionAudience = m_receiver->url();
        QVERIFY(fetch(p).ok());
    }

    // Issue 14: private_key_jwt clients, each with its public key (or a JWKS), every algorithm.
    void privateKeyJwtClients_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<int>("keyType");
        QTest::addColumn<bool>("asJwks");
        QTest::newRow("RS256") << QStringLiteral("RS256") << int(JoseKey::Type::Rsa) << false;
        QTest::newRow("PS256") << QStringLiteral("PS256") << int(JoseKey::Type::Rsa) << false;
        QTest::newRow("ES256") << QStringLiteral("ES256") << int(JoseKey::Type::EcP256) << false;
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << int(JoseKey::Type::Ed25519) << false;
        QTest::newRow("ES256 in a JWKS") << QStringLiteral("ES256") << int(JoseKey::Type::EcP256) << true;
    }

    void privateKeyJwtClients()
    {
        QFETCH(QString, alg);
        QFETCH(int, keyType);
        QFETCH(bool, asJwks);
        auto key = JoseKey::generate(JoseKey::Type(keyType));
        auto other = JoseKey::generate(JoseKey::Type(keyType));
        QVERIFY(key && other);
        const QString privatePath = writeFile(QStringLiteral("client.key.pem"), key->privatePem());
        const QString otherPath = writeFile(QStringLiteral("other.key.pem"), other->privatePem());
        const QString publicRef =
            asJwks
                ? QStringLiteral("file:")
                      + writeFile(QStringLiteral("client.jwks.json"),
                                  QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {key->toPublicJwk()}}})
                                      .toJson())
                : QStringLiteral("file:") + writeFile(QStringLiteral("client.pub.pem"), key->publicPem());
        const QString clientId = QStringLiteral("pkj-") + alg;
        m_receiver = startReceiver(QJsonObject {
            {QStringLiteral("clients"),
             QJsonArray {QJsonObject {{QStringLiteral("clientId"), clientId},
                                      {asJwks ? QStringLiteral("jwks") : QStringLiteral("publicKey"), publicRef}}}}});
        QVERIFY(m_receiver);
        EndpointProfile p = profile(QStringLiteral("privateKeyJwt"));
        p.auth.clientId = clientId;
        p.auth.clientSecret.clear();
        p.auth.privateKey = QStringLiteral("file:") + privatePath;
        p.auth.alg = alg;
        const AttemptTrace trace = deliver(p, {{p.auth.privateKey, key->privatePem()}});
        QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(trace.error));
        QCOMPARE(assertionOf(trace).value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
                 alg);
        QVERIFY2(firstCheck(records().first())
                     .value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("to client %1 (client auth privateKeyJwt)").arg(clientId)),
                 qPrintable(firstCheck(records().first()).value(QStringLiteral("detail")).toString()));

        // Signed with another key: refused, saying which check failed.
        p.auth.privateKey = QStringLiteral("file:") + otherPath;
        const AttemptTrace refused = deliver(p, {{p.auth.privateKey, other->privatePem()}});
        QVERIFY(refused.outcome != AttemptTrace::Outcome::Delivered);
        QVERIFY2(refused.error.contains(QStringLiteral("invalid_client: the client assertion's %1 signature does not"
                                                       " verify with the public key of %2")
                                            .arg(alg, clientId)),
                 qPrintable(refused.error));
        // The first client (secret only) is not set up for it.
        p.auth.clientId = ClientId;
        const AttemptTrace notSetUp = deliver(p, {{p.auth.privateKey, other->privatePem()}});
        QVERIFY2(notSetUp.error.contains(QStringLiteral("client hook-client is not set up for it")),
                 qPrintable(notSetUp.error));
    }

    // Issue 14: tls_client_auth (RFC 8705 §2.1) on an HTTPS receiver: the client is known by its
    // certificate's subject DN or by a subjectAltName.
    void tlsClientAuthClients()
    {
        static const char* const script =
            "import sys, datetime, ipaddress\n"
            "from cryptography import x509\n"
            "from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID\n"
            "from cryptography.hazmat.primitives import hashes, serialization\n"
            "from cryptography.hazmat.primitives.asymmetric import ec\n"
            "out = sys.argv[1]\n"
            "now = datetime.datetime.now(datetime.timezone.utc)\n"
            "day = datetime.timedelta(days=1)\n"
            "def make(names, key, issuer, signer, ca=False, sans=()):\n"
            "    subject = x509.Name([x509.NameAttribute(oid, v) for oid, v in names])\n"
            "    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer or subject)\n"
            "         .public_key(key.public_key()).serial_number(x509.random_serial_number())\n"
            "         .not_valid_before(now - day).not_valid_after(now + 30 * day)\n"
            "         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))\n"
            "    if sans:\n"
            "        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s[4:]) if s.startswith('DNS:')\n"
            "            else x509.IPAddress(ipaddress.ip_address(s[3:])) for s in sans]), critical=False)\n"
            "    if not ca:\n"
            "        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,\n"
            "            ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)\n"
            "    return b.sign(signer, hashes.SHA256())\n"
            "def save(name, cert, key):\n"
            "    open(out + '/' + name + '.pem', 'wb').write(cert.public_bytes(serialization.Encoding.PEM))\n"
            "    open(out + '/' + name + '.key', 'wb').write(key.private_bytes(serialization.Encoding.PEM,\n"
            "        serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))\n"
            "ca_key = ec.generate_private_key(ec.SECP256R1())\n"
            "ca = make([(NameOID.COMMON_NAME, 'Token Test CA')], ca_key, None, ca_key, ca=True)\n"
            "save('ca', ca, ca_key)\n"
            "for name, names, sans in (('server', [(NameOID.COMMON_NAME, '127.0.0.1')], ('IP:127.0.0.1',)),\n"
            "        ('client', [(NameOID.ORGANIZATION_NAME, 'Acme'), (NameOID.COMMON_NAME, 'hook-mtls')],\n"
            "         ('DNS:sender.example',)),\n"
            "        ('intruder', [(NameOID.COMMON_NAME, 'intruder')], ('DNS:intruder.example',))):\n"
            "    k = ec.generate_private_key(ec.SECP256R1())\n"
            "    save(name, make(names, k, ca.subject, ca_key, sans=sans), k)\n"
            "rogue_key = ec.generate_private_key(ec.SECP256R1())\n"
            "rogue = make([(NameOID.COMMON_NAME, 'Rogue CA')], rogue_key, None, rogue_key, ca=True)\n"
            "k = ec.generate_private_key(ec.SECP256R1())\n"
            "save('impostor', make([(NameOID.ORGANIZATION_NAME, 'Acme'), (NameOID.COMMON_NAME, 'hook-mtls')], k,\n"
            "    rogue.subject, rogue_key, sans=('DNS:sender.example',)), k)\n";
        const QString scriptPath = writeFile(QStringLiteral("certs.py"), script);
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {scriptPath, m_dir->path()});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const auto file = [this](const QString& name) {
            return m_dir->filePath(name);
        };

        m_receiver = startReceiver(
            QJsonObject {
                {QStringLiteral("clients"),
                 QJsonArray {QJsonObject {{QStringLiteral("clientId"), QStringLiteral("mtls-dn")},
                                          {QStringLiteral("tlsSubjectDn"), QStringLiteral("CN=hook-mtls,O=Acme")}},
                             QJsonObject {{QStringLiteral("clientId"), QStringLiteral("mtls-san")},
                                          {QStringLiteral("tlsSan"), QStringLiteral("DNS:sender.example")}}}}},
            QJsonObject {
                {QStringLiteral("cert"), QString(QStringLiteral("file:") + file(QStringLiteral("server.pem")))},
                {QStringLiteral("key"), QString(QStringLiteral("file:") + file(QStringLiteral("server.key")))},
                {QStringLiteral("clientCa"), QString(QStringLiteral("file:") + file(QStringLiteral("ca.pem")))}});
        QVERIFY(m_receiver);
        QVERIFY(tokenUrl().startsWith(QStringLiteral("https://")));

        const auto mtlsProfile = [&](const QString& clientId, const QString& certificate) {
            EndpointProfile p = profile(QStringLiteral("tlsClientAuth"));
            p.auth.clientId = clientId;
            p.auth.clientSecret.clear();
            p.tls.caFile = file(QStringLiteral("ca.pem"));
            p.tls.clientCert = file(certificate + QStringLiteral(".pem"));
            p.tls.clientKey = QStringLiteral("file:") + file(certificate + QStringLiteral(".key"));
            return p;
        };
        const auto secretsOf = [&](const EndpointProfile& p) {
            QFile key(p.tls.clientKey.mid(5));
            key.open(QIODevice::ReadOnly);
            return SecretValues {{p.tls.clientKey, key.readAll()}};
        };
        for (const QString& clientId : {QStringLiteral("mtls-dn"), QStringLiteral("mtls-san")}) {
            const EndpointProfile p = mtlsProfile(clientId, QStringLiteral("client"));
            const AttemptTrace trace = deliver(p, secretsOf(p));
            QVERIFY2(trace.outcome == AttemptTrace::Outcome::Delivered, qPrintable(clientId + u": " + trace.error));
            QVERIFY2(
                firstCheck(records().at(records().size() - 2))
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("to client %1 (client auth tlsClientAuth)").arg(clientId)),
                qPrintable(firstCheck(records().at(records().size() - 2)).value(QStringLiteral("detail")).toString()));
        }

        // Another certificate from the same CA is not these clients.
        const EndpointProfile dn = mtlsProfile(QStringLiteral("mtls-dn"), QStringLiteral("intruder"));
        AttemptTrace refused = deliver(dn, secretsOf(dn));
        QVERIFY(refused.outcome != AttemptTrace::Outcome::Delivered);
        QVERIFY2(refused.error.contains(QStringLiteral("the TLS client certificate's subject is \"CN=intruder\"; client"
                                                       " mtls-dn is known by subject \"CN=hook-mtls,O=Acme\""
                                                       " (tlsSubjectDn)")),
                 qPrintable(refused.error));
        // The right subject from another CA is nobody.
        const EndpointProfile impostor = mtlsProfile(QStringLiteral("mtls-dn"), QStringLiteral("impostor"));
        refused = deliver(impostor, secretsOf(impostor));
        QVERIFY2(refused.error.contains(QStringLiteral("the TLS client certificate (subject CN=hook-mtls,O=Acme, issuer"
                                                       " CN=Rogue CA) does not chain to the receiver's tls.clientCa")),
                 qPrintable(refused.error));
        const EndpointProfile san = mtlsProfile(QStringLiteral("mtls-san"), QStringLiteral("intruder"));
        refused = deliver(san, secretsOf(san));
        QVERIFY2(refused.error.contains(QStringLiteral("the TLS client certificate's subjectAltNames are"
                                                       " DNS:intruder.example; client mtls-san is known by"
                                                       " \"DNS:sender.example\" (tlsSan)")),
                 qPrintable(refused.error));
    }

    void pythonClientGetsAndUsesTokens()
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        python.start(QStringLiteral("/usr/bin/python3"),
                     {TestSupport::sourceDir() + QStringLiteral("/tests/support/token_client.py"),
                      tokenUrl(),
                      hookUrl(),
                      ClientId,
                      QString::fromUtf8(ClientSecret)});
        QVERIFY(python.waitForStarted(5000));
        // The receiver runs in this thread: keep the event loop turning while Python talks to it.
        QVERIFY(QTest::qWaitFor([&python] { return python.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(python.exitCode(), 0);
        const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QStringList forms;
        for (const QByteArray& line : lines) {
            const QJsonObject seen = QJsonDocument::fromJson(line).object();
            forms.append(seen.value(QStringLiteral("form")).toString());
            QVERIFY2(seen.value(QStringLiteral("status")).toInt() == 200, line.constData());
            QCOMPARE(seen.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
            QCOMPARE(seen.value(QStringLiteral("expiresIn")).toInt(), 3600);
            QCOMPARE(seen.value(QStringLiteral("scope")).toString(), QStringLiteral("hooks:write"));
            QCOMPARE(seen.value(QStringLiteral("cacheControl")).toString(), QStringLiteral("no-store"));
            QCOMPARE(seen.value(QStringLiteral("tokenBytes")).toInt(), 32);
            QVERIFY2(seen.value(QStringLiteral("hookStatus")).toInt() == 200, line.constData());
        }
        QCOMPARE(forms, (QStringList {QStringLiteral("basic"), QStringLiteral("post"), QStringLiteral("jwt")}));
        int tokens = 0;
        int accepted = 0;
        for (const auto& record : records()) {
            tokens += record.verdict == u"token" && record.status == 200 ? 1 : 0;
            accepted += record.verdict == u"accepted" ? 1 : 0;
        }
        QCOMPARE(tokens, 3);
        QCOMPARE(accepted, 3);
    }

    void offlineVerifyCannotPassOAuth2()
    {
        VerifyConfig config;
        config.auth.type = AuthType::OAuth2;
        const VerifyOutcome outcome = RequestVerifier::verify(
            config,
            {},
            VerifyRequest {QStringLiteral("POST"), QStringLiteral("/hook"), {{"Authorization", "Bearer abc"}}, "{}"},
            QDateTime::currentDateTimeUtc());
        QVERIFY(!outcome.accepted);
        QCOMPARE(outcome.status, 401);
        QVERIFY(outcome.checks.first().detail.contains(QStringLiteral("no OAuth 2.0 token can pass offline")));
    }
};

QTEST_GUILESS_MAIN(TestTokenEndpoint)
#include "tst_tokenendpoint.moc"

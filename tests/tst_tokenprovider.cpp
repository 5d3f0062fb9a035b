#include "LoopbackServer.h"
#include "tst_oauth_tokenserver.h"

#include "auth/TokenProvider.h"
#include "delivery/DeliveryEngine.h"
#include "secrets/SecretRef.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include "tls/ClientTls.h"
#include "tls/KeyTools.h"

namespace {
const QString ClientId = QStringLiteral("hook bench:client/1");
const QString ClientSecret = QStringLiteral("s&e:c r+t%\u00e4-secret");

EndpointProfile oauthProfile(const QByteArray& tokenUrl, const QString& clientAuth, const QByteArray& webhook = {})
{
    EndpointProfile profile;
    profile.name = QStringLiteral("OAuth");
    profile.url = QUrl(QString::fromLatin1(webhook.isEmpty() ? QByteArray("http://127.0.0.1:9/hook") : webhook));
    profile.timeoutMs = 5000;
    profile.auth.type = AuthType::OAuth2ClientCredentials;
    profile.auth.tokenUrl = QString::fromLatin1(tokenUrl);
    profile.auth.clientId = ClientId;
    profile.auth.clientSecret = QStringLiteral("literal:") + ClientSecret;
    profile.auth.clientAuth = clientAuth;
    return profile;
}

SecretValues secretsOf(const EndpointProfile& profile)
{
    SecretValues values;
    for (const auto& ref : profile.secretRefs()) {
        values.insert(ref, SecretRef::parse(ref).resolveLocal(profile.baseDir).value());
    }
    return values;
}

TokenRequest requestOf(const EndpointProfile& profile)
{
    auto request = TokenRequest::fromProfile(profile, secretsOf(profile));
    if (!request) {
        qFatal("%s", qPrintable(request.error().toString()));
    }
    return request.value();
}

TokenOutcome fetchOne(TokenProvider& provider, const TokenRequest& request)
{
    std::optional<TokenOutcome> outcome;
    QObject context;
    provider.token(request, &context, [&](const TokenOutcome& answer) { outcome = answer; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000)) {
        return {};
    }
    return *outcome;
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

// The client side of OAuth 2.0 client credentials against an independent token server
// (Python, PyJWT) that checks each client-authentication form and records what it saw.
class TestTokenProvider final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PyTokenServer m_server;
    QHash<QString, QString> m_keys; // alg -> PEM path

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString rsa = makeKey(m_dir.path(),
                                    QStringLiteral("rsa.pem"),
                                    {QStringLiteral("-algorithm"),
                                     QStringLiteral("RSA"),
                                     QStringLiteral("-pkeyopt"),
                                     QStringLiteral("rsa_keygen_bits:2048")});
        const QString ec = makeKey(m_dir.path(),
                                   QStringLiteral("ec.pem"),
                                   {QStringLiteral("-algorithm"),
                                    QStringLiteral("EC"),
                                    QStringLiteral("-pkeyopt"),
                                    QStringLiteral("ec_paramgen_curve:P-256")});
        const QString ed =
            makeKey(m_dir.path(), QStringLiteral("ed.pem"), {QStringLiteral("-algorithm"), QStringLiteral("ED25519")});
        QVERIFY(!rsa.isEmpty() && !ec.isEmpty() && !ed.isEmpty());
        m_keys = {{QStringLiteral("RS256"), rsa},
                  {QStringLiteral("PS256"), rsa},
                  {QStringLiteral("ES256"), ec},
                  {QStringLiteral("EdDSA"), ed}};
        QJsonObject keys;
        for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
            keys.insert(it.key(), it.value());
        }
        QVERIFY(m_server.start(m_dir.path(),
                               QJsonObject {{QStringLiteral("clientId"), ClientId},
                                            {QStringLiteral("clientSecret"), ClientSecret},
                                            {QStringLiteral("privateKeys"), keys}}));
    }

    void init() { m_server.reset(); }

    void everyClientAuthForm_data()
    {
        QTest::addColumn<QString>("clientAuth");
        QTest::addColumn<QString>("alg"); // privateKeyJwt: the profile's alg; empty = by key type
        QTest::addColumn<QString>("keyAlg");
        QTest::addColumn<QString>("seenForm");
        QTest::addColumn<QString>("seenAlg");
        QTest::newRow("basic") << QStringLiteral("basic") << QStringLiteral("") << QStringLiteral("")
                               << QStringLiteral("basic") << QStringLiteral("");
        QTest::newRow("default is basic") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("")
                                          << QStringLiteral("basic") << QStringLiteral("");
        QTest::newRow("post") << QStringLiteral("post") << QStringLiteral("") << QStringLiteral("")
                              << QStringLiteral("post") << QStringLiteral("");
        QTest::newRow("jwt (client_secret_jwt)") << QStringLiteral("jwt") << QStringLiteral("") << QStringLiteral("")
                                                 << QStringLiteral("jwt") << QStringLiteral("HS256");
        QTest::newRow("privateKeyJwt RSA by key type")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("") << QStringLiteral("RS256")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("RS256");
        QTest::newRow("privateKeyJwt PS256")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("PS256") << QStringLiteral("PS256")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("PS256");
        QTest::newRow("privateKeyJwt EC")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("") << QStringLiteral("ES256")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("ES256");
        QTest::newRow("privateKeyJwt Ed25519")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("") << QStringLiteral("EdDSA")
            << QStringLiteral("privateKeyJwt") << QStringLiteral("EdDSA");
    }

    void everyClientAuthForm()
    {
        QFETCH(QString, clientAuth);
        QFETCH(QString, alg);
        QFETCH(QString, keyAlg);
        QFETCH(QString, seenForm);
        QFETCH(QString, seenAlg);

        const QByteArray tokenUrl =
            m_server.url("/t/ok/" + QUrl::toPercentEncoding(QString::fromLatin1(QTest::currentDataTag())));
        auto profile = oauthProfile(tokenUrl, clientAuth);
        profile.auth.scope = QStringLiteral("hooks:write hooks:read");
        profile.auth.audience = QStringLiteral("https://api.example.com");
        profile.auth.resource = QStringLiteral("https://api.example.com/hooks");
        profile.auth.extraParams = {{QStringLiteral("tenant"), QStringLiteral("t 1&2")}};
        if (!keyAlg.isEmpty()) {
            profile.auth.privateKey = QStringLiteral("file:") + m_keys.value(keyAlg);
            profile.auth.clientSecret.clear();
            profile.auth.alg = alg;
        }
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const TokenOutcome outcome = fetchOne(provider, requestOf(profile));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        QVERIFY(outcome.token->value.startsWith("tok-"));
        QVERIFY(outcome.token->expiresAt > QDateTime::currentDateTimeUtc().addSecs(3500));

        const QJsonArray log = m_server.log();
        QCOMPARE(log.size(), 1);
        const QJsonObject seen = log.first().toObject();
        QCOMPARE(seen.value(QStringLiteral("error")), QJsonValue(QJsonValue::Null));
        QCOMPARE(seen.value(QStringLiteral("form_used")).toString(), seenForm);
        QCOMPARE(seen.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(seen.value(QStringLiteral("grantType")).toString(), QStringLiteral("client_credentials"));
        const QJsonObject form = seen.value(QStringLiteral("form")).toObject();
        QCOMPARE(form.value(QStringLiteral("scope")).toString(), QStringLiteral("hooks:write hooks:read"));
        QCOMPARE(form.value(QStringLiteral("audience")).toString(), QStringLiteral("https://api.example.com"));
        QCOMPARE(form.value(QStringLiteral("resource")).toString(), QStringLiteral("https://api.example.com/hooks"));
        QCOMPARE(form.value(QStringLiteral("tenant")).toString(), QStringLiteral("t 1&2"));
        if (seenForm == QLatin1String("basic")) {
            // RFC 6749 §2.3.1: id and secret form-urlencoded before Base64.
            QCOMPARE(seen.value(QStringLiteral("basicRaw")).toString(), QStringLiteral("hook+bench%3Aclient%2F1"));
            QVERIFY(!form.contains(QStringLiteral("client_id")));
        }
        if (!seenAlg.isEmpty()) {
            const QJsonObject header = seen.value(QStringLiteral("assertionHeader")).toObject();
            const QJsonObject claims = seen.value(QStringLiteral("assertionClaims")).toObject();
            QCOMPARE(header.value(QStringLiteral("alg")).toString(), seenAlg);
            QCOMPARE(claims.value(QStringLiteral("iss")).toString(), ClientId);
            QCOMPARE(claims.value(QStringLiteral("sub")).toString(), ClientId);
            QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QString::fromLatin1(tokenUrl));
            QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("iat")).toInteger(),
                     300);
            QVERIFY(claims.value(QStringLiteral("jti")).toString().size() >= 16);
            // The trace shows the decoded assertion but never the assertion itself.
            const QJsonObject request = outcome.exchange.value(QStringLiteral("request")).toObject();
            QCOMPARE(request.value(QStringLiteral("assertion")).toObject().value(QStringLiteral("claims")).toObject(),
                     claims);
        }
        // Nothing secret in the exchange trace: not the client secret, not the token.
        const QByteArray trace = toJson(outcome.exchange);
        QVERIFY(!trace.contains(ClientSecret.toUtf8()));
        QVERIFY(!trace.contains(QUrl::toPercentEncoding(ClientSecret)));
        QVERIFY(!trace.contains(outcome.token->value));
        QVERIFY(trace.contains("\\u2022\\u2022\\u2022\\u2022") || trace.contains("\xe2\x80\xa2\xe2\x80\xa2"));
        QVERIFY2(!trace.contains("eyJhbGci"), trace.constData()); // no JWT (client assertion) in the clear
    }

    void tlsClientAuthSendsOnlyTheClientId()
    {
        auto profile = oauthProfile(m_server.url("/t/ok/tls"), QStringLiteral("tlsClientAuth"));
        profile.auth.clientSecret.clear();
        profile.tls.clientCert = QStringLiteral("client.pem");
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const TokenOutcome outcome = fetchOne(provider, requestOf(profile));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        const QJsonObject seen = m_server.log().first().toObject();
        QCOMPARE(seen.value(QStringLiteral("form_used")).toString(), QStringLiteral("none"));
        QCOMPARE(seen.value(QStringLiteral("clientId")).toString(), ClientId);

        profile.tls.clientCert.clear();
        const auto refused = TokenRequest::fromProfile(profile, secretsOf(profile));
        QVERIFY(!refused);
        QCOMPARE(refused.error().path, QStringLiteral("tls.clientCert"));
    }

    void tlsClientAuthProvesTheClientWithItsCertificate()
    {
        // RFC 8705 over real mutual TLS: an independent Python server that requires a client
        // certificate from our CA and checks that its CN is the client_id.
        QTemporaryDir dir;
        const auto write = [&dir](const QString& name, const QByteArray& bytes) {
            const QString path = dir.filePath(name);
            QVERIFY(Tls::writeFile(path, bytes, name.endsWith(QLatin1String(".key")), true).ok());
        };
        const auto caKey = Tls::generateKey(Tls::KeyType::Ec);
        const auto serverKey = Tls::generateKey(Tls::KeyType::Ec);
        const auto clientKey = Tls::generateKey(Tls::KeyType::Ec);
        QVERIFY(caKey && serverKey && clientKey);
        Tls::CertificateOptions caOptions;
        caOptions.commonName = QStringLiteral("Token Test CA");
        caOptions.kind = Tls::CertificateKind::Authority;
        const auto ca = Tls::makeCertificate(caKey->privateKeyPem, caOptions);
        QVERIFY(ca);
        const Tls::Issuer issuer {ca->certificatePem, caKey->privateKeyPem};
        Tls::CertificateOptions leaf;
        leaf.commonName = QStringLiteral("localhost");
        const auto serverCert = Tls::makeCertificate(serverKey->privateKeyPem, leaf, issuer);
        leaf.commonName = ClientId;
        const auto clientCert = Tls::makeCertificate(clientKey->privateKeyPem, leaf, issuer);
        QVERIFY(serverCert && clientCert);
        write(QStringLiteral("ca.pem"), ca->certificatePem);
        write(QStringLiteral("server.pem"), serverCert->certificatePem);
        write(QStringLiteral("server.key"), serverKey->privateKeyPem);
        write(QStringLiteral("client.pem"), clientCert->certificatePem);
        write(QStringLiteral("client.key"), clientKey->privateKeyPem);

        PyTokenServer server;
        QVERIFY(server.start(
            dir.path(),
            QJsonObject {{QStringLiteral("clientId"), ClientId},
                         {QStringLiteral("clientSecret"), ClientSecret},
                         {QStringLiteral("tls"),
                          QJsonObject {{QStringLiteral("cert"), dir.filePath(QStringLiteral("server.pem"))},
                                       {QStringLiteral("key"), dir.filePath(QStringLiteral("server.key"))},
                                       {QStringLiteral("clientCa"), dir.filePath(QStringLiteral("ca.pem"))}}}}));

        auto profile = oauthProfile("https://placeholder/", QStringLiteral("tlsClientAuth"));
        profile.auth.clientSecret.clear();
        profile.baseDir = dir.path();
        profile.tls.caFile = QStringLiteral("ca.pem");
        profile.tls.clientCert = QStringLiteral("client.pem");
        profile.tls.clientKey = QStringLiteral("file:client.key");
        const auto ssl = Tls::clientConfiguration(profile.tls, secretsOf(profile), dir.path());
        QVERIFY2(ssl, qPrintable(ssl.error().toString()));
        server.setTls(ssl.value());
        profile.auth.tokenUrl = QString::fromLatin1(server.url("/t/ok/mtls"));

        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const TokenOutcome outcome = fetchOne(provider, requestOf(profile));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        const QJsonObject seen = server.log().first().toObject();
        QCOMPARE(seen.value(QStringLiteral("form_used")).toString(), QStringLiteral("none"));
        QCOMPARE(seen.value(QStringLiteral("clientCertSubject")).toString(), ClientId);
        QVERIFY(seen.value(QStringLiteral("form")).toObject().value(QStringLiteral("client_secret")).isUndefined());

        // Without the certificate the server refuses the handshake: a clear error, no token.
        profile.tls.clientCert.clear();
        profile.tls.clientKey.clear();
        profile.auth.clientAuth = QStringLiteral("post");
        profile.auth.clientSecret = QStringLiteral("literal:") + ClientSecret;
        QNetworkAccessManager freshNetwork; // a new connection: the first one was authenticated
        TokenProvider second(&freshNetwork);
        const TokenOutcome refused = fetchOne(second, requestOf(profile));
        QVERIFY(!refused.ok());
        QVERIFY2(!refused.error.toString().isEmpty(), "the refusal says why");
    }

    void assertionsAreFreshAndAudienceIsConfigurable()
    {
        auto profile =
            oauthProfile("https://auth.example.com/token", QStringLiteral("jwt"), "https://hooks.example.com/in");
        TokenRequest request = requestOf(profile);
        const auto a = TokenProvider::decodeAssertion(TokenProvider::clientAssertion(request, 1000).value());
        const auto b = TokenProvider::decodeAssertion(TokenProvider::clientAssertion(request, 1000).value());
        QVERIFY(a.value(QStringLiteral("claims")).toObject().value(QStringLiteral("jti"))
                != b.value(QStringLiteral("claims")).toObject().value(QStringLiteral("jti")));
        QCOMPARE(a.value(QStringLiteral("claims")).toObject().value(QStringLiteral("aud")).toString(),
                 QStringLiteral("https://auth.example.com/token"));
        profile.auth.assertionAudience = QStringLiteral("webhookUrl");
        request = requestOf(profile);
        QCOMPARE(request.assertionAudience, QStringLiteral("https://hooks.example.com/in"));
        profile.auth.assertionAudience = QStringLiteral("https://issuer.example.com");
        request = requestOf(profile);
        QCOMPARE(request.assertionAudience, QStringLiteral("https://issuer.example.com"));

        // authServerUrl + tokenPath, default /oauth2/token
        profile.auth.tokenUrl.clear();
        profile.auth.authServerUrl = QStringLiteral("https://auth.example.com/");
        QCOMPARE(requestOf(profile).tokenUrl, QUrl(QStringLiteral("https://auth.example.com/oauth2/token")));
        profile.auth.tokenPath = QStringLiteral("/connect/token");
        QCOMPARE(requestOf(profile).tokenUrl, QUrl(QStringLiteral("https://auth.example.com/connect/token")));
    }

    void tokensAreCachedAndSharedByWaiters()
    {
        const auto request = requestOf(oauthProfile(m_server.url("/t/ok/cache"), QStringLiteral("post")));
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const TokenOutcome first = fetchOne(provider, request);
        const TokenOutcome second = fetchOne(provider, request);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second.token->value, first.token->value);
        QVERIFY(!first.exchange.isEmpty());
        QVERIFY(second.exchange.isEmpty()); // from the cache: no exchange to show
        QCOMPARE(provider.fetchCount(), 1);
        QCOMPARE(m_server.log().size(), 1);

        // Another scope is another token.
        TokenRequest other = request;
        other.scope = QStringLiteral("other");
        QVERIFY(fetchOne(provider, other).ok());
        QCOMPARE(m_server.log().size(), 2);

        // invalidate (the 401 path) fetches anew.
        provider.invalidate(request.cacheKey());
        const TokenOutcome third = fetchOne(provider, request);
        QVERIFY(third.ok());
        QVERIFY(third.token->value != first.token->value);
        QCOMPARE(m_server.log().size(), 3);
    }

    // Issue 18.2: every setting that changes the token request is part of the cache key, so a
    // send after switching (say) Header to Body auth really exercises Body.
    void cacheKeyHoldsEverySettingOfTheRequest_data()
    {
        QTest::addColumn<QString>("setting");
        for (const char* name : {"clientAuth",
                                 "clientId",
                                 "clientSecret",
                                 "privateKey",
                                 "alg",
                                 "assertionAudience",
                                 "scope",
                                 "audience",
                                 "resource",
                                 "extraParams",
                                 "tokenUrl"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }

    void cacheKeyHoldsEverySettingOfTheRequest()
    {
        QFETCH(QString, setting);
        const TokenRequest base = requestOf(oauthProfile(m_server.url("/t/ok/key"), QStringLiteral("basic")));
        TokenRequest changed = base;
        if (setting == u"clientAuth") {
            changed.clientAuth = QStringLiteral("post");
        } else if (setting == u"clientId") {
            changed.clientId += QStringLiteral("2");
        } else if (setting == u"clientSecret") {
            changed.clientSecret += "2";
        } else if (setting == u"privateKey") {
            changed.privateKeyPem = "-----BEGIN PRIVATE KEY-----";
        } else if (setting == u"alg") {
            changed.alg = QStringLiteral("PS256");
        } else if (setting == u"assertionAudience") {
            changed.assertionAudience = QStringLiteral("https://example.com/hook");
        } else if (setting == u"scope") {
            changed.scope = QStringLiteral("more");
        } else if (setting == u"audience") {
            changed.audience = QStringLiteral("api");
        } else if (setting == u"resource") {
            changed.resource = QStringLiteral("https://api.example.com");
        } else if (setting == u"extraParams") {
            changed.extraParams.append({QStringLiteral("tenant"), QStringLiteral("a")});
        } else if (setting == u"tokenUrl") {
            changed.tokenUrl = QUrl(QString::fromLatin1(m_server.url("/t/ok/key2")));
        }
        QVERIFY(changed.cacheKey() != base.cacheKey());
    }

    void switchingClientAuthFetchesANewToken()
    {
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        QVERIFY(
            fetchOne(provider, requestOf(oauthProfile(m_server.url("/t/ok/switch"), QStringLiteral("basic")))).ok());
        const TokenOutcome body =
            fetchOne(provider, requestOf(oauthProfile(m_server.url("/t/ok/switch"), QStringLiteral("post"))));
        QVERIFY(body.ok());
        QVERIFY(!body.exchange.isEmpty()); // not "came from the cache"
        QCOMPARE(m_server.log().size(), 2);
        QCOMPARE(m_server.log().last().toObject().value(QStringLiteral("form_used")).toString(),
                 QStringLiteral("post"));
        // The exchange holds the answer as it came: status, headers and body.
        const QJsonObject response = body.exchange.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(response.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Cache-Control")).toString(),
                 QStringLiteral("no-store"));
    }

    void singleFlight()
    {
        const auto request = requestOf(oauthProfile(m_server.url("/t/ok/flight"), QStringLiteral("basic")));
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        QObject context;
        QList<QByteArray> tokens;
        for (int i = 0; i < 20; ++i) {
            provider.token(request, &context, [&](const TokenOutcome& outcome) {
                tokens.append(outcome.ok() ? outcome.token->value : QByteArray("error"));
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 20, 10000);
        QCOMPARE(QSet<QByteArray>(tokens.cbegin(), tokens.cend()).size(), 1);
        QVERIFY(tokens.first().startsWith("tok-"));
        QCOMPARE(provider.fetchCount(), 1);
        QCOMPARE(m_server.log().size(), 1);
    }

    void lifetimes()
    {
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        // No expires_in: an hour.
        const auto noExpiry =
            fetchOne(provider, requestOf(oauthProfile(m_server.url("/t/noexpiry/a"), QStringLiteral("post"))));
        QVERIFY(noExpiry.ok());
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(noExpiry.token->expiresAt);
        QVERIFY2(left > 3590 && left <= 3600, qPrintable(QString::number(left)));
        // expires_in 20 is inside the 30 s margin: never reused.
        const auto request = requestOf(oauthProfile(m_server.url("/t/short/a"), QStringLiteral("post")));
        QVERIFY(fetchOne(provider, request).ok());
        QVERIFY(fetchOne(provider, request).ok());
        QCOMPARE(m_server.log().size(), 3);
        // token_type is case-insensitive.
        QVERIFY(
            fetchOne(provider, requestOf(oauthProfile(m_server.url("/t/bearerlower/a"), QStringLiteral("post")))).ok());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("clientAuth");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("serverRequests");
        QTest::newRow("RFC 6749 error")
            << QByteArray("/t/error/a") << QStringLiteral("post")
            << QStringLiteral("token endpoint refused (HTTP 400): invalid_scope: scope \"nope\" is not allowed") << 1;
        QTest::newRow("wrong client secret")
            << QByteArray("/t/ok/wrong") << QStringLiteral("wrong")
            << QStringLiteral("token endpoint refused (HTTP 401): invalid_client: basic credentials wrong") << 1;
        QTest::newRow("not JSON") << QByteArray("/t/nonjson/a") << QStringLiteral("post")
                                  << QStringLiteral("not a JSON object") << 1;
        QTest::newRow("no access_token") << QByteArray("/t/noaccess/a") << QStringLiteral("post")
                                         << QStringLiteral("without an access_token") << 1;
        QTest::newRow("token_type mac") << QByteArray("/t/mac/a") << QStringLiteral("post")
                                        << QStringLiteral("token_type is \"mac\", not Bearer") << 1;
        QTest::newRow("expires_in 0") << QByteArray("/t/expires0/a") << QStringLiteral("post")
                                      << QStringLiteral("expires_in is 0") << 1;
        QTest::newRow("5xx, retried twice") << QByteArray("/t/e500/a") << QStringLiteral("post")
                                            << QStringLiteral("token endpoint answered HTTP 503 (after 3 tries)") << 3;
        QTest::newRow("slow, retried twice")
            << QByteArray("/t/slow/a") << QStringLiteral("post")
            << QStringLiteral("no answer from the token endpoint within 300 ms (timeoutMs) (after 3 tries)") << 3;
    }

    void errors()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, clientAuth);
        QFETCH(QString, expected);
        QFETCH(int, serverRequests);
        auto profile = oauthProfile(m_server.url(path), clientAuth == u"wrong" ? QStringLiteral("basic") : clientAuth);
        if (clientAuth == u"wrong") {
            profile.auth.clientSecret = QStringLiteral("literal:not-the-secret");
        }
        profile.timeoutMs = 300;
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const TokenOutcome outcome = fetchOne(provider, requestOf(profile));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.message.contains(expected), qPrintable(outcome.error.message));
        QCOMPARE(outcome.exchange.value(QStringLiteral("error")).toString(), outcome.error.message);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.log().size(), serverRequests, 5000);
        QCOMPARE(provider.fetchCount(), 1);
        // A failed fetch is not cached: the next caller asks again.
        QVERIFY(!fetchOne(provider, requestOf(profile)).ok());
        QCOMPARE(provider.fetchCount(), 2);
    }

    void fiveHundredOnceIsRetried()
    {
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const auto outcome =
            fetchOne(provider, requestOf(oauthProfile(m_server.url("/t/e500once/a"), QStringLiteral("post"))));
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        QCOMPARE(m_server.log().size(), 2);
        QCOMPARE(outcome.exchange.value(QStringLiteral("tries")).toArray().size(), 2);
        QCOMPARE(provider.fetchCount(), 1);
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(closed.serverPort()) + "/token";
        closed.close();
        QNetworkAccessManager network;
        TokenProvider provider(&network);
        const auto outcome = fetchOne(provider, requestOf(oauthProfile(url, QStringLiteral("post"))));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.message.contains(QStringLiteral("connection refused by the token endpoint")),
                 qPrintable(outcome.error.message));
        QCOMPARE(outcome.error.path, QStringLiteral("auth.tokenUrl"));
    }

    // The engine: the token goes into the delivery, one fetch serves many, a 401 refreshes once.
    void engineDeliversWithTheToken()
    {
        LoopbackServer hook;
        DeliveryEngine engine;
        auto profile = oauthProfile(m_server.url("/t/ok/engine"), QStringLiteral("basic"), hook.url());
        DeliveryJob job {profile, secretsOf(profile), Event {}, QByteArray("{}"), false};
        QList<AttemptTrace> traces;
        for (int i = 0; i < 2; ++i) {
            Delivery* delivery = engine.deliver(job);
            QSignalSpy finished(delivery, &Delivery::finished);
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.first().first().toBool(), true);
            traces.append(delivery->attempts());
        }
        QCOMPARE(engine.tokenFetches(), 1);
        QCOMPARE(m_server.log().size(), 1);
        QCOMPARE(hook.requests().size(), 2);
        const QByteArray authorization = hook.requests().first().header("Authorization");
        QVERIFY(authorization.startsWith("Bearer tok-"));
        QCOMPARE(hook.requests().at(1).header("Authorization"), authorization);
        // First attempt shows the exchange, the second used the cache.
        QVERIFY(traces.at(0).tokenExchange.contains(QStringLiteral("request")));
        QVERIFY(traces.at(1).tokenExchange.isEmpty());
        const QJsonObject json = traces.at(0).toJson(false);
        QVERIFY(json.contains(QStringLiteral("tokenExchange")));
        QVERIFY(!toJson(json).contains(authorization.mid(7)));
    }

    void engineSingleFlight()
    {
        LoopbackServer hook;
        DeliveryEngine engine;
        auto profile = oauthProfile(m_server.url("/t/ok/engine20"), QStringLiteral("post"), hook.url());
        int delivered = 0;
        for (int i = 0; i < 20; ++i) {
            Delivery* delivery =
                engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false});
            connect(delivery, &Delivery::finished, this, [&delivered](bool ok) { delivered += ok ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(delivered, 20, 20000);
        QCOMPARE(engine.tokenFetches(), 1);
        QCOMPARE(m_server.log().size(), 1);
        QCOMPARE(hook.requests().size(), 20);
    }

    void engineRefreshesOnceOn401()
    {
        LoopbackServer hook;
        hook.setResponses({LoopbackServer::Response {401, "Unauthorized"}, LoopbackServer::Response {200, "OK"}});
        DeliveryEngine engine;
        auto profile = oauthProfile(m_server.url("/t/ok/401"), QStringLiteral("post"), hook.url());
        Delivery* delivery =
            engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false});
        QSignalSpy finished(delivery, &Delivery::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(delivery->attempts().size(), 1); // the resend is part of the same attempt
        const AttemptTrace trace = delivery->attempts().first();
        QCOMPARE(trace.status, 200);
        QCOMPARE(trace.notes.size(), 1);
        QVERIFY(trace.notes.first().contains(QStringLiteral("401")));
        QCOMPARE(engine.tokenFetches(), 2);
        QCOMPARE(hook.requests().size(), 2);
        QVERIFY(hook.requests().at(0).header("Authorization") != hook.requests().at(1).header("Authorization"));

        // A second 401 is the answer: sent again only once.
        hook.setResponses({LoopbackServer::Response {401, "Unauthorized"}});
        Delivery* again = engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false});
        QSignalSpy finishedAgain(again, &Delivery::finished);
        QVERIFY(finishedAgain.wait(10000));
        QCOMPARE(finishedAgain.first().first().toBool(), false);
        QCOMPARE(hook.requests().size(), 4);
        QCOMPARE(again->attempts().first().status, 401);
        QCOMPARE(engine.tokenFetches(), 3);
    }

    void engineFailsOnTokenError()
    {
        LoopbackServer hook;
        DeliveryEngine engine;
        auto profile = oauthProfile(m_server.url("/t/error/engine"), QStringLiteral("post"), hook.url());
        profile.retry.maxAttempts = 3;
        Delivery* delivery =
            engine.deliver(DeliveryJob {profile, secretsOf(profile), Event {}, QByteArray("{}"), false});
        QSignalSpy finished(delivery, &Delivery::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(hook.requests().size(), 0);
        const AttemptTrace trace = delivery->attempts().last();
        QVERIFY2(trace.error.startsWith(
                     QStringLiteral("token fetch refused: token endpoint refused (HTTP 400): invalid_scope")),
                 qPrintable(trace.error));
        QCOMPARE(
            trace.tokenExchange.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(),
            400);
        QVERIFY(!toJson(trace.toJson()).contains(ClientSecret.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "tst_tokenprovider.moc"

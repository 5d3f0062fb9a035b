#include "TestSupport.h"
#include "model/ReceiverConfig.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// Raw strings below write "//" as "\/\/" (valid JSON): moc takes "//" in a raw string for a comment.

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Every field away from its default.
ReceiverConfig everyField()
{
    ReceiverConfig config;
    config.listenAddress = QHostAddress(u"::1"_s);
    config.listenPort = 8787;
    config.tls = ReceiverTlsConfig {u"file:server.pem"_s, u"file:server.key"_s, u"file:ca.pem"_s, true, false};
    config.response.status = 202;
    config.response.headers = {{u"X-Received-By"_s, u"hookbench"_s}};
    config.response.body = u"{\"ok\":true}"_s;
    config.response.delayMs = 250;
    config.response.statusSequence = {500, 503, 200};
    config.response.drop = true;
    config.verify.auth.type = AuthType::Basic;
    config.verify.auth.username = u"acme"_s;
    config.verify.auth.password = u"env:HOOK_PW"_s;
    SignatureVerifyConfig standard;
    standard.scheme = SignatureScheme::StandardWebhooks;
    standard.secrets = {u"env:WHSEC_NEW"_s, u"env:WHSEC_OLD"_s};
    standard.toleranceSeconds = 30;
    SignatureVerifyConfig hmac;
    hmac.scheme = SignatureScheme::HmacSha256;
    hmac.secrets = {u"literal:k"_s};
    hmac.header = u"X-Covered-Signature-1"_s;
    hmac.encoding = SignatureConfig::Encoding::Base64;
    hmac.prefix = u"sha256="_s;
    config.verify.signatures = {standard, hmac};
    config.verify.jws =
        JwsVerifyConfig {u"file:sender.pub.pem"_s, {}, u"file:jwks.json"_s, u"https://id.example.com/jwks"_s};
    config.verify.jwe = JweVerifyConfig {u"file:receiver.key"_s};
    config.verify.dedupe = true;
    config.verify.maxAgeSeconds = 1209600;
    TokenEndpointConfig token;
    token.path = u"/token"_s;
    token.clientId = u"c1"_s;
    token.clientSecret = u"env:CS"_s;
    token.clientAuth = {u"post"_s};
    token.expiresIn = 60;
    config.tokenEndpoint = token;
    config.limits = LimitsConfig {1024, 2048, 500, 4, 4096};
    config.forwardTo = QUrl(u"http://127.0.0.1:9000/hooks"_s);
    return config;
}

} // namespace

class TestReceiverConfig final : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const auto config = ReceiverConfig::fromJson(R"({"format": "hookbench.receiver/1"})");
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config->listenPort, quint16(0));
        QCOMPARE(config->listenString(), u"127.0.0.1:0"_s);
        QVERIFY(!config->tls);
        QCOMPARE(config->response.status, 200);
        QVERIFY(!config->response.drop);
        QCOMPARE(config->verify.auth.type, AuthType::None);
        QVERIFY(!config->tokenEndpoint);
        QCOMPARE(config->limits.maxBodyBytes, 10485760);
        QCOMPARE(config->limits.maxHeaderBytes, 65536);
        QCOMPARE(config->limits.headerTimeoutMs, 10000);
        QCOMPARE(config->limits.maxConnections, 256);
        QCOMPARE(config->limits.maxBufferedBodyBytes, 268435456);
        QVERIFY(config->forwardTo.isEmpty());
        QVERIFY(config->secretRefs().isEmpty());
        QCOMPARE(config->toJson().keys(), QStringList {u"format"_s});
    }

    // A config written before maxBufferedBodyBytes existed, with a body limit above that limit's
    // default, still loads and saves as written: only an explicit buffer limit is held against it.
    void largeBodyLimitWithoutBufferLimitStillLoads()
    {
        const QByteArray json = R"({"format": "hookbench.receiver/1", "limits": {"maxBodyBytes": 5000000000}})";
        const auto config = ReceiverConfig::fromJson(json);
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        QCOMPARE(config->limits.maxBodyBytes, 5000000000);
        QCOMPARE(config->toJson().value(u"limits"_s).toObject().keys(), QStringList {u"maxBodyBytes"_s});
    }

    void documentedExampleParses()
    {
        const QByteArray json = R"({
  "format": "hookbench.receiver/1",
  "listen": "127.0.0.1:8787",
  "tls":  { "cert": "file:server.pem", "key": "file:server.key", "clientCa": "file:ca.pem", "requireClientCert": true },
  "response": { "status": 200, "headers": {}, "body": "", "delayMs": 0, "statusSequence": [500, 500, 200] },
  "verify": {
    "auth": { "type": "basic", "username": "acme", "password": "env:HOOK_PW" },
    "signatures": [ { "scheme": "standard-webhooks", "secrets": ["whsec_...", "whsec_old..."], "toleranceSeconds": 300 } ],
    "jws": { "publicKey": "file:sender.pub.pem" },
    "jwe": { "privateKey": "file:receiver.key" },
    "dedupe": true,
    "maxAgeSeconds": 1209600
  },
  "tokenEndpoint": { "path": "/oauth2/token", "clientId": "c1", "clientSecret": "env:CS",
                     "clientAuth": ["basic", "post", "jwt"], "expiresIn": 3600 },
  "limits": { "maxBodyBytes": 10485760, "maxHeaderBytes": 65536, "headerTimeoutMs": 10000, "maxConnections": 256 }
})";
        const auto config = ReceiverConfig::fromJson(json);
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        QCOMPARE(config->listenPort, quint16(8787));
        QVERIFY(config->tls);
        QVERIFY(config->tls->requireClientCert);
        QCOMPARE(config->response.statusSequence, (QList<int> {500, 500, 200}));
        QCOMPARE(config->verify.auth.type, AuthType::Basic);
        QCOMPARE(config->verify.signatures.size(), 1);
        QCOMPARE(config->verify.signatures[0].scheme, SignatureScheme::StandardWebhooks);
        QCOMPARE(config->verify.signatures[0].secrets, (QStringList {u"whsec_..."_s, u"whsec_old..."_s}));
        QCOMPARE(config->verify.jws->publicKey, u"file:sender.pub.pem"_s);
        QCOMPARE(config->verify.jwe->privateKey, u"file:receiver.key"_s);
        QVERIFY(config->verify.dedupe);
        QCOMPARE(config->verify.maxAgeSeconds, 1209600);
        QCOMPARE(config->tokenEndpoint->clientAuth, (QStringList {u"basic"_s, u"post"_s, u"jwt"_s}));
        QCOMPARE(config->tokenEndpoint->expiresIn, 3600);
    }

    void everyFieldRoundTrips()
    {
        const ReceiverConfig original = everyField();
        QVERIFY(!(original == ReceiverConfig()));
        const QByteArray json = compact(original.toJson());
        const auto parsed = ReceiverConfig::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString() + u"\n"_s + QString::fromUtf8(json)));
        QVERIFY2(parsed.value() == original, json.constData());
        QCOMPARE(compact(parsed->toJson()), json);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"receiver.json"_s);
        QVERIFY(original.save(path).ok());
        const auto loaded = ReceiverConfig::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        QVERIFY(loaded.value() == original);
        QCOMPARE(loaded->baseDir, QDir(dir.path()).absolutePath());
        QVERIFY(TestSupport::readFile(path).startsWith("{\n    \"format\": \"hookbench.receiver/1\",\n"));
    }

    void variantsRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("self-signed, oauth2") << QByteArray(
            R"({"format": "hookbench.receiver/1", "tls": {"selfSigned": true}, "verify": {"auth": {"type": "oauth2"}}, "tokenEndpoint": {"clientId": "c", "clientSecret": "s"}})");
        QTest::newRow("bearer, github") << QByteArray(
            R"({"format": "hookbench.receiver/1", "verify": {"auth": {"type": "bearer", "token": "env:T"}, "signatures": [{"scheme": "github", "secret": "env:G"}]}})");
        QTest::newRow("apiKey, stripe, slack, shopify") << QByteArray(
            R"({"format": "hookbench.receiver/1", "verify": {"auth": {"type": "apiKey", "headerName": "X-Key", "value": "v"}, "signatures": [{"scheme": "stripe", "secrets": ["a"], "toleranceSeconds": 0}, {"scheme": "slack", "secrets": ["b"]}, {"scheme": "shopify", "secrets": ["c"]}]}})");
        QTest::newRow("header auth, jws secret") << QByteArray(
            R"({"format": "hookbench.receiver/1", "verify": {"auth": {"type": "header", "headerName": "X-T", "value": "v"}, "jws": {"secret": "env:HS"}}})");
        QTest::newRow("token endpoint clients, audiences") << QByteArray(
            R"({"format": "hookbench.receiver/1", "tls": {"cert": "file:s.pem", "key": "file:s.key", "clientCa": "file:ca.pem"}, "tokenEndpoint": {"clientId": "c", "clientSecret": "s", "audiences": ["tokenUrl", "webhookUrl", "/events", "https:\/\/a.example\/x"], "clients": [{"clientId": "k", "publicKey": "file:k.pub"}, {"clientId": "j", "jwks": "file:j.json", "clientAuth": ["privateKeyJwt"]}, {"clientId": "m", "tlsSubjectDn": "CN=m,O=Acme"}, {"clientId": "n", "tlsSan": "DNS:n.example"}]}})");
        QTest::newRow("header pairs, all interfaces") << QByteArray(
            R"({"format": "hookbench.receiver/1", "listen": "*:0", "response": {"headers": [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]}})");
    }

    void variantsRoundTrip()
    {
        QFETCH(QByteArray, json);
        const auto config = ReceiverConfig::fromJson(json);
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        const auto again = ReceiverConfig::fromJson(compact(config->toJson()));
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QVERIFY(again.value() == config.value());
    }

    void singleSecretIsAShorthand()
    {
        const auto config = ReceiverConfig::fromJson(
            R"({"format": "hookbench.receiver/1", "verify": {"signatures": [{"scheme": "github", "secret": "env:G"}]}})");
        QVERIFY(config.ok());
        QCOMPARE(config->verify.signatures[0].secrets, QStringList {u"env:G"_s});
        QCOMPARE(config->verify.signatures[0].toleranceSeconds, 300);
    }

    void listen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("written");
        QTest::newRow("v4") << u"127.0.0.1:8787"_s << u"127.0.0.1"_s << 8787 << u"127.0.0.1:8787"_s;
        QTest::newRow("v6") << u"[::1]:9"_s << u"::1"_s << 9 << u"[::1]:9"_s;
        QTest::newRow("localhost") << u"localhost:80"_s << u"127.0.0.1"_s << 80 << u"127.0.0.1:80"_s;
        QTest::newRow("any v4") << u"0.0.0.0:1"_s << u"0.0.0.0"_s << 1 << u"0.0.0.0:1"_s;
        QTest::newRow("free port") << u"127.0.0.1:0"_s << u"127.0.0.1"_s << 0 << u"127.0.0.1:0"_s;
        QTest::newRow("no port") << u"127.0.0.1"_s << QString() << -1 << QString();
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s << QString() << -1 << QString();
        QTest::newRow("port words") << u"127.0.0.1:http"_s << QString() << -1 << QString();
        QTest::newRow("host name") << u"example.com:80"_s << QString() << -1 << QString();
        QTest::newRow("v6 without brackets") << u"::1:80"_s << QString() << -1 << QString();
        QTest::newRow("empty") << QString() << QString() << -1 << QString();
    }

    void listen()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(QString, written);
        const auto parsed = ReceiverConfig::parseListen(text);
        QCOMPARE(parsed.ok(), port >= 0);
        if (!parsed.ok()) {
            QCOMPARE(parsed.error().path, u"listen"_s);
            QVERIFY2(parsed.error().message.contains(u"must be"_s) || parsed.error().message.contains(u"write"_s),
                     qPrintable(parsed.error().message));
            return;
        }
        QCOMPARE(parsed->first, QHostAddress(address));
        QCOMPARE(int(parsed->second), port);
        ReceiverConfig config;
        config.listenAddress = parsed->first;
        config.listenPort = parsed->second;
        QCOMPARE(config.listenString(), written);
        QCOMPARE(ReceiverConfig::parseListen(QStringLiteral("*:5"))->first, QHostAddress(QHostAddress::Any));
    }

    void invalidInputIsRefusedWithPathAndFix_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        const auto r = [](const char* rest) -> QByteArray {
            return QByteArray(R"({"format": "hookbench.receiver/1", )") + rest + '}';
        };
        QTest::newRow("malformed") << QByteArray("{\"format\": \"hookbench.receiver/1\",,}") << QString()
                                   << u"invalid JSON at line 1, column"_s;
        QTest::newRow("profile format") << QByteArray(R"({"format": "hookbench.endpoint/1", "url": "http:\/\/h/"})")
                                        << u"format"_s << u"this is an endpoint profile"_s;
        QTest::newRow("missing format") << QByteArray("{}") << u"format"_s << u"is required"_s;
        QTest::newRow("unknown key") << r(R"("listne": "127.0.0.1:1")") << u"listne"_s << u"did you mean \"listen\"?"_s;
        QTest::newRow("listen number") << r(R"("listen": 8787)") << u"listen"_s << u"must be a string"_s;
        QTest::newRow("listen bad") << r(R"("listen": "8787")") << u"listen"_s << u"must be HOST:PORT"_s;
        QTest::newRow("tls without cert")
            << r(R"("tls": {"key": "file:k"})") << u"tls.cert"_s << u"or set selfSigned: true"_s;
        QTest::newRow("tls without key") << r(R"("tls": {"cert": "file:c"})") << u"tls.key"_s << u"is required"_s;
        QTest::newRow("tls selfSigned with cert") << r(R"("tls": {"selfSigned": true, "cert": "file:c"})")
                                                  << u"tls.cert"_s << u"cannot be combined with selfSigned"_s;
        QTest::newRow("requireClientCert without CA") << r(R"("tls": {"selfSigned": true, "requireClientCert": true})")
                                                      << u"tls.clientCa"_s << u"is required with requireClientCert"_s;
        QTest::newRow("status too low") << r(R"("response": {"status": 99})") << u"response.status"_s
                                        << u"at least 100"_s;
        QTest::newRow("status text") << r(R"("response": {"status": "200"})") << u"response.status"_s
                                     << u"must be a whole number, not a string"_s;
        QTest::newRow("sequence bad") << r(R"("response": {"statusSequence": [500, 600]})")
                                      << u"response.statusSequence[1]"_s << u"from 100 to 599"_s;
        QTest::newRow("negative delay") << r(R"("response": {"delayMs": -1})") << u"response.delayMs"_s
                                        << u"at least 0"_s;
        QTest::newRow("drop not bool") << r(R"("response": {"drop": "yes"})") << u"response.drop"_s
                                       << u"must be true or false"_s;
        QTest::newRow("response header injection") << r(R"("response": {"headers": {"X-A": "1\r\nSet-Cookie: x"}})")
                                                   << u"response.headers.X-A"_s << u"line break"_s;
        QTest::newRow("auth client type") << r(R"("verify": {"auth": {"type": "oauth2ClientCredentials"}})")
                                          << u"verify.auth.type"_s << u"use \"oauth2\""_s;
        QTest::newRow("auth unknown type") << r(R"("verify": {"auth": {"type": "digest"}})") << u"verify.auth.type"_s
                                           << u"must be one of none, basic, bearer, apiKey, header, oauth2"_s;
        QTest::newRow("oauth2 without token endpoint")
            << r(R"("verify": {"auth": {"type": "oauth2"}})") << u"verify.auth.type"_s << u"add a tokenEndpoint"_s;
        QTest::newRow("basic without username")
            << r(R"("verify": {"auth": {"type": "basic"}})") << u"verify.auth.username"_s << u"is required"_s;
        QTest::newRow("signature bad scheme")
            << r(R"("verify": {"signatures": [{"scheme": "githib", "secrets": ["s"]}]})")
            << u"verify.signatures[0].scheme"_s << u"did you mean \"github\"?"_s;
        QTest::newRow("signature no secrets") << r(R"("verify": {"signatures": [{"scheme": "slack"}]})")
                                              << u"verify.signatures[0].secrets"_s << u"is required"_s;
        QTest::newRow("signature empty secrets")
            << r(R"("verify": {"signatures": [{"scheme": "slack", "secrets": []}]})")
            << u"verify.signatures[0].secrets"_s << u"at least one secret"_s;
        QTest::newRow("signature secret not string")
            << r(R"("verify": {"signatures": [{"scheme": "slack", "secrets": ["a", 7]}]})")
            << u"verify.signatures[0].secrets[1]"_s << u"must be a string"_s;
        QTest::newRow("signature both secret forms")
            << r(R"("verify": {"signatures": [{"scheme": "slack", "secret": "a", "secrets": ["b"]}]})")
            << u"verify.signatures[0].secret"_s << u"not both"_s;
        QTest::newRow("tolerance negative")
            << r(R"("verify": {"signatures": [{"scheme": "stripe", "secrets": ["a"], "toleranceSeconds": -1}]})")
            << u"verify.signatures[0].toleranceSeconds"_s << u"at least 0"_s;
        QTest::newRow("tolerance on untimed scheme")
            << r(R"("verify": {"signatures": [{"scheme": "github", "secrets": ["a"], "toleranceSeconds": 5}]})")
            << u"verify.signatures[0].toleranceSeconds"_s << u"unknown key"_s;
        QTest::newRow("jws empty") << r(R"("verify": {"jws": {}})") << u"verify.jws.publicKey"_s << u"is required"_s;
        QTest::newRow("jwks url relative") << r(R"("verify": {"jws": {"jwksUrl": "/jwks"}})") << u"verify.jws.jwksUrl"_s
                                           << u"absolute http or https"_s;
        QTest::newRow("jwe no key") << r(R"("verify": {"jwe": {}})") << u"verify.jwe.privateKey"_s << u"is required"_s;
        QTest::newRow("max age negative")
            << r(R"("verify": {"maxAgeSeconds": -5})") << u"verify.maxAgeSeconds"_s << u"at least 0"_s;
        QTest::newRow("dedupe string") << r(R"("verify": {"dedupe": "true"})") << u"verify.dedupe"_s
                                       << u"must be true or false"_s;
        QTest::newRow("token path") << r(R"("tokenEndpoint": {"path": "token", "clientId": "c", "clientSecret": "s"})")
                                    << u"tokenEndpoint.path"_s << u"must start with '/'"_s;
        QTest::newRow("token no client") << r(R"("tokenEndpoint": {"clientSecret": "s"})")
                                         << u"tokenEndpoint.clientId"_s << u"is required"_s;
        QTest::newRow("token pkj no key") << r(
            R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "clients": [{"clientId": "k", "clientAuth": ["privateKeyJwt"]}]})")
                                          << u"tokenEndpoint.clients[0].publicKey"_s
                                          << u"is required: clientAuth privateKeyJwt"_s;
        QTest::newRow("token mtls without clientCa") << r(
            R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "clients": [{"clientId": "m", "tlsSubjectDn": "CN=m"}]})")
                                                     << u"tokenEndpoint.clients[0].clientAuth"_s
                                                     << u"needs tls with a clientCa"_s;
        QTest::newRow("token mtls dn and san") << r(
            R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "clients": [{"clientId": "m", "clientAuth": ["tlsClientAuth"], "tlsSubjectDn": "CN=m", "tlsSan": "DNS:m"}]})")
                                               << u"tokenEndpoint.clients[0].tlsSan"_s
                                               << u"exactly one of tlsSubjectDn"_s;
        QTest::newRow("token client twice") << r(
            R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "clients": [{"clientId": "c", "clientSecret": "t"}]})")
                                            << u"tokenEndpoint.clients[0].clientId"_s << u"is given to two clients"_s;
        QTest::newRow("token no audiences")
            << r(R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "audiences": []})")
            << u"tokenEndpoint.audiences"_s << u"must list the aud values"_s;
        QTest::newRow("token no secret") << r(R"("tokenEndpoint": {"clientId": "c"})")
                                         << u"tokenEndpoint.clientSecret"_s << u"is required"_s;
        QTest::newRow("token bad clientAuth")
            << r(R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "clientAuth": ["basic", "mtls"]})")
            << u"tokenEndpoint.clientAuth[1]"_s << u"must be one of basic, post, jwt"_s;
        QTest::newRow("token zero expiry")
            << r(R"("tokenEndpoint": {"clientId": "c", "clientSecret": "s", "expiresIn": 0})")
            << u"tokenEndpoint.expiresIn"_s << u"at least 1"_s;
        QTest::newRow("limits zero") << r(R"("limits": {"maxConnections": 0})") << u"limits.maxConnections"_s
                                     << u"at least 1"_s;
        QTest::newRow("limits fraction") << r(R"("limits": {"maxBodyBytes": 1.5})") << u"limits.maxBodyBytes"_s
                                         << u"whole number"_s;
        QTest::newRow("limits buffered below one body")
            << r(R"("limits": {"maxBodyBytes": 2000, "maxBufferedBodyBytes": 1000})")
            << u"limits.maxBufferedBodyBytes"_s << u"at least maxBodyBytes (2000)"_s;
        QTest::newRow("forward relative")
            << r(R"("forwardTo": "hooks")") << u"forwardTo"_s << u"absolute http or https"_s;
    }

    void invalidInputIsRefusedWithPathAndFix()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        const auto config = ReceiverConfig::fromJson(json, u"r.json"_s);
        QVERIFY2(!config.ok(), json.constData());
        QCOMPARE(config.error().path, path);
        QCOMPARE(config.error().file, u"r.json"_s);
        QVERIFY2(config.error().message.contains(fragment), qPrintable(config.error().toString()));
    }

    void secretRefsListEveryReference()
    {
        const QStringList refs = everyField().secretRefs();
        for (const QString& expected : {u"file:server.pem"_s,
                                        u"file:server.key"_s,
                                        u"file:ca.pem"_s,
                                        u"env:HOOK_PW"_s,
                                        u"env:WHSEC_NEW"_s,
                                        u"env:WHSEC_OLD"_s,
                                        u"literal:k"_s,
                                        u"file:sender.pub.pem"_s,
                                        u"file:jwks.json"_s,
                                        u"file:receiver.key"_s,
                                        u"env:CS"_s}) {
            QVERIFY2(refs.contains(expected), qPrintable(expected));
        }
        QVERIFY(!refs.contains(u"c1"_s));
    }

    void verifyEntryMapsToTheSenderConfig()
    {
        const ReceiverConfig config = everyField();
        const SignatureConfig signing = config.verify.signatures[1].toSignatureConfig(u"k"_s);
        QCOMPARE(signing.scheme, SignatureScheme::HmacSha256);
        QCOMPARE(signing.secret, u"k"_s);
        QCOMPARE(signing.header, u"X-Covered-Signature-1"_s);
        QCOMPARE(signing.encoding, SignatureConfig::Encoding::Base64);
        QCOMPARE(signing.prefix, u"sha256="_s);
        QVERIFY(SignatureVerifyConfig::isTimestamped(SignatureScheme::Stripe));
        QVERIFY(!SignatureVerifyConfig::isTimestamped(SignatureScheme::GitHub));
    }

    void everyExampleReceiverLoads()
    {
        const QString dirPath = TestSupport::sourceDir() + u"/docs/examples"_s;
        int receivers = 0;
        for (const QString& file : QDir(dirPath).entryList({u"*.json"_s}, QDir::Files)) {
            const QString path = dirPath + u'/' + file;
            if (!TestSupport::readFile(path).contains("hookbench.receiver/1")) {
                continue;
            }
            ++receivers;
            const auto config = ReceiverConfig::load(path);
            QVERIFY2(config.ok(), qPrintable(config.error().toString()));
            const auto again = ReceiverConfig::fromJson(compact(config->toJson()));
            QVERIFY2(again.ok(), qPrintable(file + u": "_s + again.error().toString()));
            QVERIFY2(again.value() == config.value(), qPrintable(file));
        }
        QVERIFY2(receivers >= 1, qPrintable(dirPath));
    }
};

QTEST_GUILESS_MAIN(TestReceiverConfig)
#include "tst_receiverconfig.moc"

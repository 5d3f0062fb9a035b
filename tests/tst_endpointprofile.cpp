#include "TestSupport.h"
#include "model/EndpointProfile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

EndpointProfile withUrl()
{
    EndpointProfile profile;
    profile.url = QUrl(u"https://hooks.example.com/covered"_s);
    return profile;
}

// Every top-level field away from its default, with the given auth.
EndpointProfile everyField(const AuthConfig& auth)
{
    EndpointProfile profile = withUrl();
    profile.name = u"Loans staging"_s;
    profile.url = QUrl(u"https://hooks.example.com:8443/covered/a%20b?tenant=7&x=%2F"_s);
    profile.method = u"PUT"_s;
    profile.headers = {{u"X-Partner-Id"_s, u"p-42"_s}, {u"X-Trace"_s, u""_s}};
    profile.contentType = u"application/cloudevents+json"_s;
    profile.timeoutMs = 10000;
    profile.auth = auth;
    SignatureConfig hmac;
    hmac.scheme = SignatureScheme::HmacSha256;
    hmac.secret = u"env:HOOK_KEY"_s;
    hmac.header = u"X-Covered-Signature-1"_s;
    hmac.encoding = SignatureConfig::Encoding::Base64;
    hmac.prefix = u"sha256="_s;
    SignatureConfig standard;
    standard.scheme = SignatureScheme::StandardWebhooks;
    standard.secret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
    standard.id = u"msg_fixed"_s;
    profile.signatures = {hmac, standard};
    for (auto scheme :
         {SignatureScheme::GitHub, SignatureScheme::Shopify, SignatureScheme::Stripe, SignatureScheme::Slack}) {
        SignatureConfig plain;
        plain.scheme = scheme;
        plain.secret = u"keychain:"_s + SignatureConfig::schemeName(scheme);
        profile.signatures.append(plain);
    }
    JwsConfig jws;
    jws.alg = u"RS256"_s;
    jws.privateKey = u"file:keys/sender.pem"_s;
    jws.kid = u"k1"_s;
    jws.claims = QJsonObject {{u"iss"_s, u"sender"_s}, {u"aud"_s, u"hub"_s}, {u"n"_s, 3}};
    jws.expiresInSeconds = 300;
    profile.jws = jws;
    JweConfig jwe;
    jwe.alg = u"ECDH-ES+A256KW"_s;
    jwe.enc = u"A128CBC-HS256"_s;
    jwe.publicKey = u"file:hub.pub.pem"_s;
    jwe.kid = u"hub-1"_s;
    profile.jwe = jwe;
    profile.tls.verify = false;
    profile.tls.caFile = u"ca.pem"_s;
    profile.tls.clientCert = u"client.pem"_s;
    profile.tls.clientKey = u"file:client.key"_s;
    profile.tls.clientKeyPassword = u"env:KEY_PW"_s;
    profile.tls.pinSha256 = {u"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="_s};
    profile.retry.policy = RetryPolicyType::Exponential;
    profile.retry.maxAttempts = 7;
    profile.retry.initialDelayMs = 250;
    profile.retry.maxDelayMs = 60000;
    profile.retry.multiplier = 1.5;
    profile.retry.jitter = false;
    profile.followRedirects = true;
    return profile;
}

AuthConfig authOf(AuthType type)
{
    AuthConfig auth;
    auth.type = type;
    switch (type) {
        case AuthType::None:
        case AuthType::OAuth2:
            break;
        case AuthType::Basic:
            auth.username = u"acme"_s;
            auth.password = u"env:HOOK_PW"_s;
            auth.headerName = u"Proxy-Authorization"_s;
            break;
        case AuthType::Bearer:
            auth.token = u"keychain:tok"_s;
            auth.headerName = u"X-Auth"_s;
            break;
        case AuthType::ApiKey:
            auth.headerName = u"X-Api-Key"_s;
            auth.value = u"env:API_KEY"_s;
            auth.prefix = u"Key "_s;
            break;
        case AuthType::Header:
            auth.headerName = u"X-Custom"_s;
            auth.value = u"literal:v"_s;
            break;
        case AuthType::OAuth2ClientCredentials:
            auth.authServerUrl = u"https://auth.example.com/"_s;
            auth.tokenPath = u"/connect/token"_s;
            auth.clientId = u"c1"_s;
            auth.clientAuth = u"privateKeyJwt"_s;
            auth.privateKey = u"file:c1.pem"_s;
            auth.clientSecret = u"env:CS"_s;
            auth.alg = u"EdDSA"_s;
            auth.assertionAudience = u"webhookUrl"_s;
            auth.scope = u"a b"_s;
            auth.audience = u"https://api.example.com"_s;
            auth.resource = u"urn:res"_s;
            auth.extraParams = {{u"tenant"_s, u"eu"_s}, {u"a"_s, u"1"_s}};
            auth.headerName = u"X-Token"_s;
            break;
        case AuthType::OAuth2AuthorizationCode:
            auth.authUrl = u"https://auth.example.com/authorize"_s;
            auth.tokenUrl = u"https://auth.example.com/token"_s;
            auth.clientId = u"desktop"_s;
            auth.clientSecret = u"env:CS"_s;
            auth.scope = u"offline_access"_s;
            auth.redirectUri = u"http://127.0.0.1:53682/callback"_s;
            auth.clientAuth = u"post"_s;
            auth.pkce = false;
            auth.headerName = u"X-Token"_s;
            break;
    }
    return auth;
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestEndpointProfile final : public QObject
{
    Q_OBJECT

private slots:
    // Raw strings below write "//" as "\/\/" (valid JSON): moc takes "//" in a raw string for a comment.
    void minimalProfileGetsDocumentedDefaults()
    {
        const auto profile = EndpointProfile::fromJson(
            R"({"format": "hookbench.endpoint/1", "url": "https:\/\/hooks.example.com/covered"})");
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        QCOMPARE(profile->url, QUrl(u"https://hooks.example.com/covered"_s));
        QCOMPARE(profile->method, u"POST"_s);
        QCOMPARE(profile->contentType, u"application/json"_s);
        QCOMPARE(profile->timeoutMs, 30000);
        QCOMPARE(profile->auth.type, AuthType::None);
        QCOMPARE(profile->retry.policy, RetryPolicyType::None);
        QCOMPARE(profile->retry.maxAttempts, 1);
        QVERIFY(!profile->followRedirects);
        QVERIFY(profile->signatures.isEmpty());
        QVERIFY(!profile->jws);
        QVERIFY(!profile->jwe);
        QVERIFY(profile->tls.verify);
        // Only format and url are written back for a profile of defaults.
        QCOMPARE(profile->toJson().keys(), (QStringList {u"format"_s, u"url"_s}));
    }

    void documentedExampleParses()
    {
        // The example of docs/profile-format.md, verbatim.
        const auto profile = EndpointProfile::fromJson(
            R"({)"
            R"(  "format": "hookbench.endpoint/1",)"
            R"(  "name": "Loans staging",)"
            R"(  "url": "https:\/\/hooks.example.com/covered",)"
            R"(  "method": "POST",)"
            R"(  "headers": { "X-Partner-Id": "p-42" },)"
            R"(  "contentType": "application/json",)"
            R"(  "timeoutMs": 10000,)"
            R"(  "auth":       { "type": "basic", "username": "acme", "password": "env:HOOK_PW" },)"
            R"(  "signatures": [ { "scheme": "hmac-sha256", "header": "X-Covered-Signature-1", "secret": "env:HOOK_KEY" } ],)"
            R"(  "jws":   null,)"
            R"(  "jwe":   null,)"
            R"(  "tls":   { "verify": true },)"
            R"(  "retry": { "policy": "exponential", "maxAttempts": 5, "initialDelayMs": 1000, "maxDelayMs": 3600000 })"
            R"(})");
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        QCOMPARE(profile->name, u"Loans staging"_s);
        QCOMPARE(profile->headers, (QList<QPair<QString, QString>> {{u"X-Partner-Id"_s, u"p-42"_s}}));
        QCOMPARE(profile->timeoutMs, 10000);
        QCOMPARE(profile->auth.type, AuthType::Basic);
        QCOMPARE(profile->auth.username, u"acme"_s);
        QCOMPARE(profile->auth.password, u"env:HOOK_PW"_s);
        QCOMPARE(profile->auth.effectiveHeaderName(), u"Authorization"_s);
        QCOMPARE(profile->signatures.size(), 1);
        QCOMPARE(profile->signatures[0].scheme, SignatureScheme::HmacSha256);
        QCOMPARE(profile->signatures[0].header, u"X-Covered-Signature-1"_s);
        QCOMPARE(profile->signatures[0].secret, u"env:HOOK_KEY"_s);
        QCOMPARE(profile->signatures[0].encoding, SignatureConfig::Encoding::Hex);
        QVERIFY(!profile->jws);
        QVERIFY(!profile->jwe);
        QCOMPARE(profile->retry.policy, RetryPolicyType::Exponential);
        QCOMPARE(profile->retry.maxAttempts, 5);
        QCOMPARE(profile->retry.initialDelayMs, 1000);
        QCOMPARE(profile->retry.maxDelayMs, 3600000);
        QCOMPARE(profile->secretRefs(), (QStringList {u"env:HOOK_PW"_s, u"env:HOOK_KEY"_s}));
    }

    void everyFieldRoundTrips_data()
    {
        QTest::addColumn<int>("authType");
        QTest::newRow("none") << int(AuthType::None);
        QTest::newRow("basic") << int(AuthType::Basic);
        QTest::newRow("bearer") << int(AuthType::Bearer);
        QTest::newRow("apiKey") << int(AuthType::ApiKey);
        QTest::newRow("header") << int(AuthType::Header);
        QTest::newRow("oauth2ClientCredentials") << int(AuthType::OAuth2ClientCredentials);
        QTest::newRow("oauth2AuthorizationCode") << int(AuthType::OAuth2AuthorizationCode);
    }

    void everyFieldRoundTrips()
    {
        QFETCH(int, authType);
        const EndpointProfile original = everyField(authOf(AuthType(authType)));
        // A field toJson forgot, or fromJson failed to read, comes back as its default: not equal.
        QVERIFY(original != withUrl());
        const QByteArray json = compact(original.toJson());
        const auto parsed = EndpointProfile::fromJson(json, u"p.json"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString() + u"\n"_s + QString::fromUtf8(json)));
        QVERIFY2(parsed.value() == original, json.constData());
        QCOMPARE(compact(parsed->toJson()), json);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"profile.json"_s);
        const auto saved = original.save(path);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        const auto loaded = EndpointProfile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        QVERIFY(loaded.value() == original);
        QCOMPARE(loaded->baseDir, QDir(dir.path()).absolutePath());
        // No temporary file is left behind by the atomic save.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"profile.json"_s});
    }

    void eachRetryPolicyRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("retry");
        QTest::addColumn<int>("maxAttempts");
        QTest::newRow("none") << QByteArray(R"({"policy": "none"})") << 1;
        QTest::newRow("none explicit 1") << QByteArray(R"({"policy": "none", "maxAttempts": 1})") << 1;
        QTest::newRow("exponential default attempts") << QByteArray(R"({"policy": "exponential"})") << 5;
        QTest::newRow("exponential all") << QByteArray(
            R"({"policy": "exponential", "maxAttempts": 9, "initialDelayMs": 0, "maxDelayMs": 5, "multiplier": 3.5, "jitter": false})")
                                         << 9;
        QTest::newRow("fixed default attempts") << QByteArray(R"({"policy": "fixed", "intervalMs": 500})") << 5;
        QTest::newRow("fixed 6 a day 14 days")
            << QByteArray(R"({"policy":"fixed","intervalMs":14400000,"maxAttempts":84})") << 84;
        QTest::newRow("schedule default attempts")
            << QByteArray(R"({"policy": "schedule", "delaysMs": [0, 1000, 60000]})") << 4;
        QTest::newRow("schedule fewer attempts")
            << QByteArray(R"({"policy": "schedule", "delaysMs": [10, 20, 30], "maxAttempts": 2})") << 2;
    }

    void eachRetryPolicyRoundTrips()
    {
        QFETCH(QByteArray, retry);
        QFETCH(int, maxAttempts);
        const auto profile = EndpointProfile::fromJson(
            R"({"format": "hookbench.endpoint/1", "url": "http:\/\/127.0.0.1:1/", "retry": )" + retry + '}');
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        QCOMPARE(profile->retry.maxAttempts, maxAttempts);
        const auto again = EndpointProfile::fromJson(compact(profile->toJson()));
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QVERIFY(again.value() == profile.value());
    }

    void retryFieldsAreRead()
    {
        const auto profile = EndpointProfile::fromJson(
            R"({"format": "hookbench.endpoint/1", "url": "http:\/\/h/", "retry": {"policy": "schedule", "delaysMs": [0, 1000, 60000], "followRedirects": true}})");
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        QCOMPARE(profile->retry.delaysMs, (QList<qint64> {0, 1000, 60000}));
        // followRedirects may sit in retry (docs/profile-format.md "retry"); it is kept, and saved, at the top level.
        QVERIFY(profile->followRedirects);
        QVERIFY(profile->toJson().value(u"followRedirects"_s).toBool());
        QVERIFY(!profile->toJson().value(u"retry"_s).toObject().contains(u"followRedirects"_s));
    }

    void headersKeepOrderAndRepeatsAsPairs()
    {
        const auto profile = EndpointProfile::fromJson(
            R"({"format": "hookbench.endpoint/1", "url": "http:\/\/h/", "headers": [["X-B", "1"], ["X-A", "2"], ["X-B", "3"]]})");
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        const QList<QPair<QString, QString>> expected {{u"X-B"_s, u"1"_s}, {u"X-A"_s, u"2"_s}, {u"X-B"_s, u"3"_s}};
        QCOMPARE(profile->headers, expected);
        QVERIFY(profile->toJson().value(u"headers"_s).isArray());
        const auto again = EndpointProfile::fromJson(compact(profile->toJson()));
        QVERIFY(again.ok());
        QCOMPARE(again->headers, expected);
    }

    void invalidInputIsRefusedWithPathAndFix_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");

        const auto p = [](const char* rest) -> QByteArray {
            return QByteArray(R"({"format": "hookbench.endpoint/1", "url": "https:\/\/h.example/x")")
                   + (qstrlen(rest) ? QByteArray(", ") + rest : QByteArray()) + '}';
        };

        QTest::newRow("malformed json") << QByteArray("{\n  \"format\": \"hookbench.endpoint/1\",\n  \"url\": }")
                                        << QString() << u"invalid JSON at line 3, column 10"_s;
        QTest::newRow("unterminated") << QByteArray("{\"url\": \"https://x") << QString() << u"line 1"_s;
        QTest::newRow("array at top") << QByteArray("[]") << QString() << u"must hold one JSON object"_s;
        QTest::newRow("missing format") << QByteArray(R"({"url": "https:\/\/h/"})") << u"format"_s
                                        << u"is required and must be \"hookbench.endpoint/1\""_s;
        QTest::newRow("wrong format") << QByteArray(R"({"format": "hookbench.endpoint/2", "url": "https:\/\/h/"})")
                                      << u"format"_s << u"must be \"hookbench.endpoint/1\""_s;
        QTest::newRow("receiver format") << QByteArray(R"({"format": "hookbench.receiver/1"})") << u"format"_s
                                         << u"receiver configuration"_s;
        QTest::newRow("missing url") << QByteArray(R"({"format": "hookbench.endpoint/1"})") << u"url"_s
                                     << u"is required"_s;
        QTest::newRow("relative url") << QByteArray(R"({"format": "hookbench.endpoint/1", "url": "/hooks"})")
                                      << u"url"_s << u"must be an absolute http or https URL"_s;
        QTest::newRow("ftp url") << QByteArray(R"({"format": "hookbench.endpoint/1", "url": "ftp:\/\/h/x"})")
                                 << u"url"_s << u"absolute http or https"_s;
        QTest::newRow("url not string") << QByteArray(R"({"format": "hookbench.endpoint/1", "url": 42})") << u"url"_s
                                        << u"must be a string, not a number"_s;
        QTest::newRow("unknown top key") << p(R"("autth": {})") << u"autth"_s
                                         << u"unknown key \"autth\" (did you mean \"auth\"?)"_s;
        QTest::newRow("unknown key lists allowed")
            << p(R"("zzz": 1)") << u"zzz"_s << u"allowed keys here: format, name, url"_s;
        QTest::newRow("method not token") << p(R"("method": "PO ST")") << u"method"_s << u"HTTP method"_s;
        QTest::newRow("timeout zero") << p(R"("timeoutMs": 0)") << u"timeoutMs"_s << u"must be at least 1"_s;
        QTest::newRow("timeout negative") << p(R"("timeoutMs": -5)") << u"timeoutMs"_s << u"at least 1"_s;
        QTest::newRow("timeout fraction") << p(R"("timeoutMs": 1.5)") << u"timeoutMs"_s << u"whole number"_s;
        QTest::newRow("timeout string") << p(R"("timeoutMs": "10s")") << u"timeoutMs"_s
                                        << u"must be a whole number, not a string"_s;
        QTest::newRow("header CRLF value")
            << p(R"("headers": {"X-Partner-Id": "p\r\nX-Evil: 1"})") << u"headers.X-Partner-Id"_s << u"line break"_s;
        QTest::newRow("header LF name") << p(R"("headers": {"X-A\nB": "v"})") << u"headers[\"X-A\\nB\"]"_s
                                        << u"line break"_s;
        QTest::newRow("header NUL") << p(R"("headers": {"X-A": "a\u0000b"})") << u"headers.X-A"_s << u"NUL"_s;
        QTest::newRow("header not string")
            << p(R"("headers": {"X-A": 1})") << u"headers.X-A"_s << u"must be a string"_s;
        QTest::newRow("headers wrong type")
            << p(R"("headers": "X-A: 1")") << u"headers"_s << u"must be an object of names to values"_s;
        QTest::newRow("header pair bad") << p(R"("headers": [["X-A"]])") << u"headers[0]"_s
                                         << u"[\"name\", \"value\"] pair"_s;
        QTest::newRow("contentType CRLF") << p(R"("contentType": "a\r\nb")") << u"contentType"_s << u"line break"_s;
        QTest::newRow("header Content-Length")
            << p(R"("headers": {"content-length": "5"})") << u"headers.content-length"_s << u"set from the body"_s;
        QTest::newRow("header Transfer-Encoding") << p(R"("headers": {"Transfer-Encoding": "chunked"})")
                                                  << u"headers.Transfer-Encoding"_s << u"set from the body"_s;
        QTest::newRow("header doubles the auth header")
            << p(R"("headers": {"Authorization": "Token x"}, "auth": {"type": "bearer", "token": "t"})")
            << u"headers.Authorization"_s << u"is the header auth (bearer) sets"_s;
        QTest::newRow("header doubles a named apiKey header") << p(
            R"("headers": {"x-api-key": "1"}, "auth": {"type": "apiKey", "headerName": "X-Api-Key", "value": "v"})")
                                                              << u"headers.x-api-key"_s << u"auth.headerName"_s;
        QTest::newRow("auth not object") << p(R"("auth": "basic")") << u"auth"_s << u"must be an object"_s;
        QTest::newRow("auth type missing") << p(R"("auth": {})") << u"auth.type"_s << u"is required"_s;
        QTest::newRow("unknown auth type")
            << p(R"("auth": {"type": "oauth"})") << u"auth.type"_s
            << u"must be one of none, basic, bearer, apiKey, header, oauth2ClientCredentials, oauth2AuthorizationCode"_s;
        QTest::newRow("receiver-only auth type")
            << p(R"("auth": {"type": "oauth2"})") << u"auth.type"_s << u"must be one of none"_s;
        QTest::newRow("auth type typo") << p(R"("auth": {"type": "Bearer", "token": "t"})") << u"auth.type"_s
                                        << u"did you mean \"bearer\"?"_s;
        QTest::newRow("basic no username") << p(R"("auth": {"type": "basic", "password": "x"})") << u"auth.username"_s
                                           << u"is required for basic auth"_s;
        QTest::newRow("basic colon username")
            << p(R"("auth": {"type": "basic", "username": "a:b"})") << u"auth.username"_s << u"must not contain ':'"_s;
        QTest::newRow("basic foreign key") << p(R"("auth": {"type": "basic", "username": "u", "token": "t"})")
                                           << u"auth.token"_s << u"allowed keys here: type, username, password"_s;
        QTest::newRow("bearer no token") << p(R"("auth": {"type": "bearer"})") << u"auth.token"_s
                                         << u"is required for bearer auth"_s;
        QTest::newRow("apiKey no headerName") << p(R"("auth": {"type": "apiKey", "value": "v"})")
                                              << u"auth.headerName"_s << u"is required for apiKey auth"_s;
        QTest::newRow("apiKey no value") << p(R"("auth": {"type": "apiKey", "headerName": "X-Key"})") << u"auth.value"_s
                                         << u"is required for apiKey auth"_s;
        QTest::newRow("apiKey bad headerName")
            << p(R"("auth": {"type": "apiKey", "headerName": "X-Key\r\n", "value": "v"})") << u"auth.headerName"_s
            << u"line break"_s;
        QTest::newRow("header no value") << p(R"("auth": {"type": "header"})") << u"auth.value"_s
                                         << u"is required for header auth"_s;
        QTest::newRow("header name with space") << p(R"("auth": {"type": "header", "headerName": "X A", "value": "v"})")
                                                << u"auth.headerName"_s << u"not allowed in a header name"_s;
        QTest::newRow("cc no token url") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "clientId": "c", "clientSecret": "s"})")
                                         << u"auth.tokenUrl"_s << u"or authServerUrl"_s;
        QTest::newRow("cc relative token url") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "/token", "clientId": "c", "clientSecret": "s"})")
                                               << u"auth.tokenUrl"_s << u"absolute http or https URL"_s;
        QTest::newRow("cc no client id") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientSecret": "s"})")
                                         << u"auth.clientId"_s << u"is required"_s;
        QTest::newRow("cc no secret") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c"})")
                                      << u"auth.clientSecret"_s << u"is required for clientAuth basic"_s;
        QTest::newRow("cc jwt needs secret") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientAuth": "jwt"})")
                                             << u"auth.clientSecret"_s << u"for clientAuth jwt"_s;
        QTest::newRow("cc privateKeyJwt needs key") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientAuth": "privateKeyJwt"})")
                                                    << u"auth.privateKey"_s
                                                    << u"is required for clientAuth privateKeyJwt"_s;
        QTest::newRow("cc bad clientAuth") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientSecret": "s", "clientAuth": "mtls"})")
                                           << u"auth.clientAuth"_s
                                           << u"must be one of basic, post, jwt, privateKeyJwt, tlsClientAuth"_s;
        QTest::newRow("cc bad alg") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientAuth": "privateKeyJwt", "privateKey": "k", "alg": "HS256"})")
                                    << u"auth.alg"_s << u"must be one of RS256, PS256, ES256, EdDSA"_s;
        QTest::newRow("cc tokenPath without slash") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "authServerUrl": "https:\/\/a", "tokenPath": "token", "clientId": "c", "clientSecret": "s"})")
                                                    << u"auth.tokenPath"_s << u"must start with '/'"_s;
        QTest::newRow("cc extraParams not string") << p(
            R"("auth": {"type": "oauth2ClientCredentials", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientSecret": "s", "extraParams": {"n": 1}})")
                                                   << u"auth.extraParams.n"_s << u"must be a string"_s;
        QTest::newRow("code no authUrl") << p(
            R"("auth": {"type": "oauth2AuthorizationCode", "tokenUrl": "https:\/\/a/t", "clientId": "c"})")
                                         << u"auth.authUrl"_s << u"is required for oauth2AuthorizationCode auth"_s;
        QTest::newRow("code no tokenUrl")
            << p(R"("auth": {"type": "oauth2AuthorizationCode", "authUrl": "https:\/\/a/a", "clientId": "c"})")
            << u"auth.tokenUrl"_s << u"is required"_s;
        QTest::newRow("code bad clientAuth") << p(
            R"("auth": {"type": "oauth2AuthorizationCode", "authUrl": "https:\/\/a/a", "tokenUrl": "https:\/\/a/t", "clientId": "c", "clientAuth": "jwt"})")
                                             << u"auth.clientAuth"_s << u"must be one of basic, post"_s;
        QTest::newRow("code pkce not bool") << p(
            R"("auth": {"type": "oauth2AuthorizationCode", "authUrl": "https:\/\/a/a", "tokenUrl": "https:\/\/a/t", "clientId": "c", "pkce": "yes"})")
                                            << u"auth.pkce"_s << u"must be true or false, not a string"_s;
        QTest::newRow("signatures not list")
            << p(R"("signatures": {"scheme": "github"})") << u"signatures"_s << u"must be a list"_s;
        QTest::newRow("signature not object")
            << p(R"("signatures": ["github"])") << u"signatures[0]"_s << u"must be an object"_s;
        QTest::newRow("bad scheme")
            << p(R"("signatures": [{"scheme": "github", "secret": "s"}, {"scheme": "hmac", "secret": "s"}])")
            << u"signatures[1].scheme"_s
            << u"must be one of hmac-sha256, github, shopify, standard-webhooks, stripe, slack"_s;
        QTest::newRow("signature no secret") << p(R"("signatures": [{"scheme": "stripe"}])")
                                             << u"signatures[0].secret"_s << u"is required for the stripe scheme"_s;
        QTest::newRow("signature bad encoding")
            << p(R"("signatures": [{"scheme": "hmac-sha256", "secret": "s", "encoding": "base32"}])")
            << u"signatures[0].encoding"_s << u"must be one of hex, base64"_s;
        QTest::newRow("github has no header")
            << p(R"("signatures": [{"scheme": "github", "secret": "s", "header": "X-Sig"}])")
            << u"signatures[0].header"_s << u"allowed keys here: scheme, secret"_s;
        QTest::newRow("signature header injection")
            << p(R"("signatures": [{"scheme": "hmac-sha256", "secret": "s", "header": "X-Sig\nX-Evil"}])")
            << u"signatures[0].header"_s << u"line break"_s;
        QTest::newRow("jws no alg") << p(R"("jws": {"privateKey": "k"})") << u"jws.alg"_s << u"is required"_s;
        QTest::newRow("jws bad alg") << p(R"("jws": {"alg": "none"})") << u"jws.alg"_s
                                     << u"must be one of HS256, RS256, PS256, ES256, EdDSA"_s;
        QTest::newRow("jws rs256 no key")
            << p(R"("jws": {"alg": "RS256"})") << u"jws.privateKey"_s << u"is required for RS256"_s;
        QTest::newRow("jws hs256 no secret")
            << p(R"("jws": {"alg": "HS256"})") << u"jws.secret"_s << u"is required for HS256"_s;
        QTest::newRow("jws claims not object") << p(R"("jws": {"alg": "HS256", "secret": "s", "claims": []})")
                                               << u"jws.claims"_s << u"must be an object"_s;
        QTest::newRow("jws negative expiry") << p(R"("jws": {"alg": "HS256", "secret": "s", "expiresInSeconds": -1})")
                                             << u"jws.expiresInSeconds"_s << u"at least 0"_s;
        QTest::newRow("jwe bad alg") << p(R"("jwe": {"alg": "RSA1_5", "publicKey": "k"})") << u"jwe.alg"_s
                                     << u"must be one of RSA-OAEP-256, RSA-OAEP, ECDH-ES+A256KW"_s;
        QTest::newRow("jwe bad enc") << p(R"("jwe": {"enc": "A192GCM", "publicKey": "k"})") << u"jwe.enc"_s
                                     << u"must be one of A256GCM, A128CBC-HS256"_s;
        QTest::newRow("jwe no key") << p(R"("jwe": {})") << u"jwe.publicKey"_s << u"is required"_s;
        QTest::newRow("tls verify string")
            << p(R"("tls": {"verify": "false"})") << u"tls.verify"_s << u"must be true or false"_s;
        QTest::newRow("tls key without cert")
            << p(R"("tls": {"clientKey": "file:k.pem"})") << u"tls.clientKey"_s << u"needs clientCert"_s;
        QTest::newRow("tls bad pin") << p(R"("tls": {"pinSha256": ["abc"]})") << u"tls.pinSha256"_s
                                     << u"base64 SHA-256"_s;
        QTest::newRow("tls pin not string")
            << p(R"("tls": {"pinSha256": [1]})") << u"tls.pinSha256[0]"_s << u"must be a string"_s;
        QTest::newRow("retry no policy") << p(R"("retry": {"maxAttempts": 3})") << u"retry.policy"_s
                                         << u"is required"_s;
        QTest::newRow("retry bad policy") << p(R"("retry": {"policy": "linear"})") << u"retry.policy"_s
                                          << u"must be one of none, exponential, fixed, schedule"_s;
        QTest::newRow("retry zero attempts") << p(R"("retry": {"policy": "fixed", "maxAttempts": 0})")
                                             << u"retry.maxAttempts"_s << u"must be at least 1"_s;
        QTest::newRow("retry none with attempts") << p(R"("retry": {"policy": "none", "maxAttempts": 3})")
                                                  << u"retry.maxAttempts"_s << u"policy none makes exactly 1"_s;
        QTest::newRow("retry negative delay") << p(R"("retry": {"policy": "exponential", "initialDelayMs": -1})")
                                              << u"retry.initialDelayMs"_s << u"must be at least 0"_s;
        QTest::newRow("retry max below initial")
            << p(R"("retry": {"policy": "exponential", "initialDelayMs": 5000, "maxDelayMs": 10})")
            << u"retry.maxDelayMs"_s << u"must not be smaller than initialDelayMs"_s;
        QTest::newRow("retry multiplier below 1") << p(R"("retry": {"policy": "exponential", "multiplier": 0.5})")
                                                  << u"retry.multiplier"_s << u"must be at least 1"_s;
        QTest::newRow("retry negative interval")
            << p(R"("retry": {"policy": "fixed", "intervalMs": -10})") << u"retry.intervalMs"_s << u"at least 0"_s;
        QTest::newRow("schedule without delays") << p(R"("retry": {"policy": "schedule"})") << u"retry.delaysMs"_s
                                                 << u"is required for the schedule policy"_s;
        QTest::newRow("schedule empty delays")
            << p(R"("retry": {"policy": "schedule", "delaysMs": []})") << u"retry.delaysMs"_s << u"at least one wait"_s;
        QTest::newRow("schedule negative delay") << p(R"("retry": {"policy": "schedule", "delaysMs": [10, 20, -30]})")
                                                 << u"retry.delaysMs[2]"_s << u"from 0 to"_s;
        QTest::newRow("schedule string delay") << p(R"("retry": {"policy": "schedule", "delaysMs": ["1s"]})")
                                               << u"retry.delaysMs[0]"_s << u"not a string"_s;
        QTest::newRow("schedule too many attempts")
            << p(R"("retry": {"policy": "schedule", "delaysMs": [10], "maxAttempts": 5})") << u"retry.maxAttempts"_s
            << u"waits for only 2 attempts"_s;
        QTest::newRow("fixed has no delaysMs") << p(R"("retry": {"policy": "fixed", "delaysMs": [1]})")
                                               << u"retry.delaysMs"_s << u"allowed keys here: policy, maxAttempts"_s;
        QTest::newRow("followRedirects not bool")
            << p(R"("followRedirects": 1)") << u"followRedirects"_s << u"must be true or false, not a number"_s;
        QTest::newRow("followRedirects conflict")
            << p(R"("followRedirects": false, "retry": {"policy": "fixed", "followRedirects": true})")
            << u"retry.followRedirects"_s << u"contradicts"_s;
    }

    void invalidInputIsRefusedWithPathAndFix()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        const auto profile = EndpointProfile::fromJson(json, u"bad.json"_s);
        QVERIFY2(!profile.ok(), json.constData());
        const Error& error = profile.error();
        QCOMPARE(error.path, path);
        QCOMPARE(error.file, u"bad.json"_s);
        QVERIFY2(error.message.contains(fragment), qPrintable(error.toString()));
        // One line on stderr: a message never carries a raw line break from the input.
        QVERIFY2(!error.toString().contains(u'\n') && !error.toString().contains(u'\r'), qPrintable(error.toString()));
    }

    void optionalObjectsMayBeNull()
    {
        const auto profile = EndpointProfile::fromJson(
            R"({"format": "hookbench.endpoint/1", "url": "https:\/\/h/", "name": null, "auth": null, "signatures": null, "jws": null, "jwe": null, "tls": null, "retry": null, "headers": null})");
        QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
        EndpointProfile expected;
        expected.url = QUrl(u"https://h/"_s);
        QVERIFY(profile.value() == expected);
        QVERIFY(!profile->jws);
        QCOMPARE(profile->auth.type, AuthType::None);
    }

    void unreadableFileNamesFileAndReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing.json"_s);
        const auto profile = EndpointProfile::load(path);
        QVERIFY(!profile.ok());
        QCOMPARE(profile.error().file, path);
        QVERIFY2(profile.error().message.contains(u"No such file"_s, Qt::CaseInsensitive),
                 qPrintable(profile.error().toString()));
    }

    void savedFileReadsLikeTheDocs()
    {
        EndpointProfile profile = everyField(authOf(AuthType::Basic));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"p.json"_s);
        QVERIFY(profile.save(path).ok());
        const QByteArray text = TestSupport::readFile(path);
        QVERIFY(text.startsWith("{\n    \"format\": \"hookbench.endpoint/1\",\n    \"name\": "));
        QVERIFY(text.contains("\"auth\": {\n        \"type\": \"basic\""));
        QVERIFY(text.endsWith("}\n"));
    }

    void secretRefsListEverySecretField()
    {
        const EndpointProfile profile = everyField(authOf(AuthType::OAuth2ClientCredentials));
        const QStringList refs = profile.secretRefs();
        for (const QString& expected : {u"env:CS"_s,
                                        u"file:c1.pem"_s,
                                        u"env:HOOK_KEY"_s,
                                        u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s,
                                        u"keychain:github"_s,
                                        u"keychain:slack"_s,
                                        u"file:keys/sender.pem"_s,
                                        u"file:client.key"_s,
                                        u"env:KEY_PW"_s}) {
            QVERIFY2(refs.contains(expected), qPrintable(expected));
        }
        // Not secrets: the JWE public key, the CA file, the client id.
        QVERIFY(!refs.contains(u"file:hub.pub.pem"_s));
        QVERIFY(!refs.contains(u"c1"_s));
        QVERIFY(withUrl().secretRefs().isEmpty());
        QCOMPARE(everyField(authOf(AuthType::Basic)).secretRefs().first(), u"env:HOOK_PW"_s);
        QVERIFY(everyField(authOf(AuthType::Bearer)).secretRefs().contains(u"keychain:tok"_s));
        QVERIFY(everyField(authOf(AuthType::ApiKey)).secretRefs().contains(u"env:API_KEY"_s));
    }

    void helpers()
    {
        AuthConfig auth;
        QCOMPARE(auth.effectiveHeaderName(), QString());
        for (auto type : {AuthType::Basic,
                          AuthType::Bearer,
                          AuthType::Header,
                          AuthType::OAuth2ClientCredentials,
                          AuthType::OAuth2AuthorizationCode}) {
            auth.type = type;
            QCOMPARE(auth.effectiveHeaderName(), u"Authorization"_s);
        }
        auth.headerName = u"X-Token"_s;
        QCOMPARE(auth.effectiveHeaderName(), u"X-Token"_s);

        AuthConfig oauth;
        oauth.authServerUrl = u"https://auth.example.com/"_s;
        QCOMPARE(oauth.effectiveTokenUrl(), u"https://auth.example.com/oauth2/token"_s);
        oauth.tokenPath = u"/connect/token"_s;
        QCOMPARE(oauth.effectiveTokenUrl(), u"https://auth.example.com/connect/token"_s);
        oauth.tokenUrl = u"https://other.example.com/t"_s;
        QCOMPARE(oauth.effectiveTokenUrl(), u"https://other.example.com/t"_s);

        const QStringList names {
            u"hmac-sha256"_s, u"github"_s, u"shopify"_s, u"standard-webhooks"_s, u"stripe"_s, u"slack"_s};
        for (const QString& name : names) {
            const auto scheme = SignatureConfig::schemeFromName(name);
            QVERIFY(scheme);
            QCOMPARE(SignatureConfig::schemeName(*scheme), name);
        }
        QVERIFY(!SignatureConfig::schemeFromName(u"GitHub"_s));
        QCOMPARE(RetryConfig::policyName(RetryPolicyType::Schedule), u"schedule"_s);
        QCOMPARE(RetryConfig::policyName(RetryPolicyType::Exponential), u"exponential"_s);
    }

    void equalityIgnoresBaseDirOnly()
    {
        EndpointProfile a = withUrl();
        EndpointProfile b = withUrl();
        b.baseDir = u"/elsewhere"_s;
        QVERIFY(a == b);
        b.followRedirects = true;
        QVERIFY(!(a == b));
    }

    void everyExampleProfileLoads()
    {
        const QString dirPath = TestSupport::sourceDir() + u"/docs/examples"_s;
        const QStringList files = QDir(dirPath).entryList({u"*.json"_s}, QDir::Files);
        int profiles = 0;
        for (const QString& file : files) {
            const QString path = dirPath + u'/' + file;
            if (!TestSupport::readFile(path).contains("hookbench.endpoint/1")) {
                continue;
            }
            ++profiles;
            const auto profile = EndpointProfile::load(path);
            QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
            // Written back and read again, each example means the same.
            const auto again = EndpointProfile::fromJson(compact(profile->toJson()));
            QVERIFY2(again.ok(), qPrintable(file + u": "_s + again.error().toString()));
            QVERIFY2(again.value() == profile.value(), qPrintable(file));
        }
        QVERIFY2(profiles >= 4, qPrintable(dirPath));

        const auto sixADay = EndpointProfile::load(dirPath + u"/retry-6-a-day-for-14-days.json"_s);
        QVERIFY(sixADay.ok());
        QCOMPARE(sixADay->retry.policy, RetryPolicyType::Fixed);
        QCOMPARE(sixADay->retry.intervalMs, 14400000);
        QCOMPARE(sixADay->retry.maxAttempts, 84);
    }
};

QTEST_GUILESS_MAIN(TestEndpointProfile)
#include "tst_endpointprofile.moc"

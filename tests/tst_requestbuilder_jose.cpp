#include "JoseTestSupport.h"
#include "TestSupport.h"
#include "delivery/RequestBuilder.h"
#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// The JOSE part of sending (docs/jose.md): a profile with jws and/or jwe turns the event into the
// body a receiver decrypts and verifies, with the matching Content-Type. The receiving side here is
// our own Jws/Jwe and python3-jwcrypto.
using JoseTestSupport::jwcrypto;
using JoseTestSupport::unb64u;

namespace {

constexpr qint64 Now = 1795000000;

} // namespace

class TestRequestBuilderJose final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jwsBodyCarriesEventAndClaims_data();
    void jwsBodyCarriesEventAndClaims();
    void jweBodyDecryptsToTheEvent();
    void signThenEncryptWithCtyJwt();
    void jwcryptoOpensWhatWeSend();
    void userContentTypeWins();
    void inlinePemRecipient();
    void keyErrorsNameTheField_data();
    void keyErrorsNameTheField();

private:
    // Writes profile.json with the given jws/jwe members and loads it with its secrets resolved.
    struct Loaded
    {
        EndpointProfile profile;
        SecretValues secrets;
    };
    Loaded load(const QString& extraJson);

    QTemporaryDir m_dir;
    Event m_event;
    JoseKey m_sender;     // RSA: signs
    JoseKey m_senderEc;   // P-256: signs ES256
    JoseKey m_receiver;   // RSA: decrypts
    JoseKey m_receiverEc; // P-256: decrypts ECDH-ES
};

void TestRequestBuilderJose::initTestCase()
{
    QVERIFY(m_dir.isValid());
    JoseTestSupport::generateKeys({{&m_sender, JoseKey::Type::Rsa},
                                   {&m_senderEc, JoseKey::Type::EcP256},
                                   {&m_receiver, JoseKey::Type::Rsa},
                                   {&m_receiverEc, JoseKey::Type::EcP256}});
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY(TestSupport::writeFile(m_dir.filePath(QStringLiteral("sender.key")), m_sender.privatePem()));
    QVERIFY(TestSupport::writeFile(m_dir.filePath(QStringLiteral("sender-ec.key")), m_senderEc.privatePem()));
    QVERIFY(TestSupport::writeFile(m_dir.filePath(QStringLiteral("receiver.pub.pem")), m_receiver.publicPem()));
    QVERIFY(TestSupport::writeFile(m_dir.filePath(QStringLiteral("receiver-ec.pub.pem")), m_receiverEc.publicPem()));
    auto event = Event::fromJson("{\"id\":\"evt_123\",\"type\":\"policy.bound\",\"timestamp\":\"2026-11-23T10:00:00Z\","
                                 "\"data\":{\"policyId\":\"abc\"}}");
    QVERIFY(event);
    m_event = event.value();
}

TestRequestBuilderJose::Loaded TestRequestBuilderJose::load(const QString& extraJson)
{
    const QString path = m_dir.filePath(QStringLiteral("profile.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return {};
    }
    file.write(QStringLiteral("{\"format\":\"hookbench.endpoint/1\",\"url\":\"http://127.0.0.1:9/hook\",%1}")
                   .arg(extraJson)
                   .toUtf8());
    file.close();
    auto profile = EndpointProfile::load(path);
    if (!profile) {
        qWarning() << profile.error().toString();
        return {};
    }
    Loaded loaded {profile.value(), {}};
    for (const QString& reference : profile->secretRefs()) {
        auto value = SecretRef::parse(reference).resolveLocal(profile->baseDir);
        if (value) {
            loaded.secrets.insert(reference, value.value());
        }
    }
    return loaded;
}

void TestRequestBuilderJose::jwsBodyCarriesEventAndClaims_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("keyMember");
    QTest::newRow("RS256") << QStringLiteral("RS256") << QStringLiteral("\"privateKey\":\"file:sender.key\"");
    QTest::newRow("PS256") << QStringLiteral("PS256") << QStringLiteral("\"privateKey\":\"file:sender.key\"");
    QTest::newRow("ES256") << QStringLiteral("ES256") << QStringLiteral("\"privateKey\":\"file:sender-ec.key\"");
    QTest::newRow("HS256") << QStringLiteral("HS256") << QStringLiteral("\"secret\":\"literal:shared-secret\"");
}

void TestRequestBuilderJose::jwsBodyCarriesEventAndClaims()
{
    QFETCH(QString, alg);
    QFETCH(QString, keyMember);
    const Loaded loaded =
        load(QStringLiteral("\"jws\":{\"alg\":\"%1\",%2,\"kid\":\"sender-2026\","
                            "\"claims\":{\"iss\":\"acme\",\"aud\":\"partner\"},\"expiresInSeconds\":300}")
                 .arg(alg, keyMember));
    QVERIFY(loaded.profile.jws);
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY2(body, qPrintable(body.error().toString()));

    const JoseKey verifier = alg == QLatin1String("HS256")   ? JoseKey::fromSecret("shared-secret")
                             : alg == QLatin1String("ES256") ? JoseKey::fromPem(m_senderEc.publicPem()).value()
                                                             : JoseKey::fromPem(m_sender.publicPem()).value();
    auto verified = Jws::verifyCompact(body.value(), {verifier});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->header,
             QJsonObject({{QStringLiteral("alg"), alg},
                          {QStringLiteral("typ"), QStringLiteral("JWT")},
                          {QStringLiteral("kid"), QStringLiteral("sender-2026")}}));
    QJsonObject expected = m_event.object();
    expected.insert(QStringLiteral("iss"), QStringLiteral("acme"));
    expected.insert(QStringLiteral("aud"), QStringLiteral("partner"));
    expected.insert(QStringLiteral("iat"), Now);
    expected.insert(QStringLiteral("exp"), Now + 300);
    QCOMPARE(QJsonDocument::fromJson(verified->payload).object(), expected);

    auto request = RequestBuilder::build(loaded.profile, loaded.secrets, m_event, body.value(), Now);
    QVERIFY(request);
    QCOMPARE(Headers::value(request->headers, "Content-Type"), QByteArrayLiteral("application/jwt"));
    QCOMPARE(request->body, body.value());
}

void TestRequestBuilderJose::jweBodyDecryptsToTheEvent()
{
    const Loaded loaded = load(QStringLiteral("\"jwe\":{\"publicKey\":\"file:receiver.pub.pem\",\"kid\":\"rcv\"}"));
    QVERIFY(loaded.profile.jwe);
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY2(body, qPrintable(body.error().toString()));
    auto decrypted = Jwe::decryptCompact(body.value(), {m_receiver});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->plaintext, m_event.toCompactJson());
    QCOMPARE(decrypted->header.value(QStringLiteral("alg")).toString(), QStringLiteral("RSA-OAEP-256"));
    QCOMPARE(decrypted->header.value(QStringLiteral("enc")).toString(), QStringLiteral("A256GCM"));
    QCOMPARE(decrypted->header.value(QStringLiteral("kid")).toString(), QStringLiteral("rcv"));
    QVERIFY(!decrypted->header.contains(QStringLiteral("cty")));

    auto request = RequestBuilder::build(loaded.profile, loaded.secrets, m_event, body.value(), Now);
    QVERIFY(request);
    QCOMPARE(Headers::value(request->headers, "Content-Type"), QByteArrayLiteral("application/jose"));
}

void TestRequestBuilderJose::signThenEncryptWithCtyJwt()
{
    const Loaded loaded = load(QStringLiteral("\"jws\":{\"alg\":\"ES256\",\"privateKey\":\"file:sender-ec.key\"},"
                                              "\"jwe\":{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A128CBC-HS256\","
                                              "\"publicKey\":\"file:receiver-ec.pub.pem\"}"));
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY2(body, qPrintable(body.error().toString()));
    auto decrypted = Jwe::decryptCompact(body.value(), {m_receiverEc});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->header.value(QStringLiteral("cty")).toString(), QStringLiteral("JWT"));
    auto verified = Jws::verifyCompact(decrypted->plaintext, {JoseKey::fromPem(m_senderEc.publicPem()).value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(QJsonDocument::fromJson(verified->payload).object(), m_event.object()); // no expiresInSeconds: no iat/exp

    auto request = RequestBuilder::build(loaded.profile, loaded.secrets, m_event, body.value(), Now);
    QVERIFY(request);
    QCOMPARE(Headers::value(request->headers, "Content-Type"), QByteArrayLiteral("application/jose"));
}

void TestRequestBuilderJose::jwcryptoOpensWhatWeSend()
{
    // What docs/jose.md tells a receiver to run: decrypt with its key, then verify the sender's.
    const Loaded loaded =
        load(QStringLiteral("\"jws\":{\"alg\":\"PS256\",\"privateKey\":\"file:sender.key\"},"
                            "\"jwe\":{\"alg\":\"RSA-OAEP\",\"publicKey\":\"file:receiver.pub.pem\"}"));
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY2(body, qPrintable(body.error().toString()));
    const QJsonObject opened = jwcrypto(QStringLiteral("decrypt-jwe"),
                                        {{QStringLiteral("token"), QString::fromLatin1(body.value())},
                                         {QStringLiteral("pem"), QString::fromLatin1(m_receiver.privatePem())}});
    QVERIFY2(!opened.contains(QStringLiteral("error")), qPrintable(opened.value(QStringLiteral("error")).toString()));
    const QByteArray inner = unb64u(opened.value(QStringLiteral("payload")).toString().toLatin1());
    const QJsonObject verified = jwcrypto(QStringLiteral("verify-jws"),
                                          {{QStringLiteral("token"), QString::fromLatin1(inner)},
                                           {QStringLiteral("alg"), QStringLiteral("PS256")},
                                           {QStringLiteral("pem"), QString::fromLatin1(m_sender.publicPem())}});
    QVERIFY2(!verified.contains(QStringLiteral("error")),
             qPrintable(verified.value(QStringLiteral("error")).toString()));
    const QByteArray payload = unb64u(verified.value(QStringLiteral("payload")).toString().toLatin1());
    QCOMPARE(QJsonDocument::fromJson(payload).object().value(QStringLiteral("id")).toString(),
             QStringLiteral("evt_123"));
}

void TestRequestBuilderJose::userContentTypeWins()
{
    const Loaded loaded = load(QStringLiteral("\"headers\":{\"Content-Type\":\"application/vnd.partner+jwt\"},"
                                              "\"jws\":{\"alg\":\"HS256\",\"secret\":\"literal:k\"}"));
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY(body);
    auto request = RequestBuilder::build(loaded.profile, loaded.secrets, m_event, body.value(), Now);
    QVERIFY(request);
    QCOMPARE(Headers::value(request->headers, "Content-Type"), QByteArrayLiteral("application/vnd.partner+jwt"));

    const Loaded plain = load(QStringLiteral("\"contentType\":\"application/json\""));
    auto plainRequest = RequestBuilder::build(plain.profile, plain.secrets, m_event, m_event.toCompactJson(), Now);
    QVERIFY(plainRequest);
    QCOMPARE(Headers::value(plainRequest->headers, "Content-Type"), QByteArrayLiteral("application/json"));
}

void TestRequestBuilderJose::inlinePemRecipient()
{
    QString pem = QString::fromLatin1(m_receiverEc.publicPem());
    pem.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    const Loaded loaded = load(QStringLiteral("\"jwe\":{\"alg\":\"ECDH-ES+A256KW\",\"publicKey\":\"%1\"}").arg(pem));
    QVERIFY(loaded.profile.jwe);
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY2(body, qPrintable(body.error().toString()));
    auto decrypted = Jwe::decryptCompact(body.value(), {m_receiverEc});
    QVERIFY2(decrypted, qPrintable(decrypted.error().message));
    QCOMPARE(decrypted->plaintext, m_event.toCompactJson());
}

void TestRequestBuilderJose::keyErrorsNameTheField_data()
{
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing recipient file") << QStringLiteral("\"jwe\":{\"publicKey\":\"file:nowhere.pem\"}")
                                            << QStringLiteral("jwe.publicKey") << QStringLiteral("nowhere.pem");
    QTest::newRow("EC recipient for RSA-OAEP") << QStringLiteral("\"jwe\":{\"publicKey\":\"file:receiver-ec.pub.pem\"}")
                                               << QStringLiteral("jwe.publicKey") << QStringLiteral("RSA key");
    QTest::newRow("keychain recipient") << QStringLiteral("\"jwe\":{\"publicKey\":\"keychain:rcv\"}")
                                        << QStringLiteral("jwe.publicKey") << QStringLiteral("keychain");
    QTest::newRow("RSA key for ES256") << QStringLiteral(
        "\"jws\":{\"alg\":\"ES256\",\"privateKey\":\"file:sender.key\"}")
                                       << QStringLiteral("jws.privateKey") << QStringLiteral("EC P-256");
    QTest::newRow("public key to sign") << QStringLiteral(
        "\"jws\":{\"alg\":\"RS256\",\"privateKey\":\"file:receiver.pub.pem\"}")
                                        << QStringLiteral("jws.privateKey") << QStringLiteral("private key");
}

void TestRequestBuilderJose::keyErrorsNameTheField()
{
    QFETCH(QString, extra);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const Loaded loaded = load(extra);
    QVERIFY(loaded.profile.jws || loaded.profile.jwe);
    auto body = RequestBuilder::buildBody(loaded.profile, m_event, loaded.secrets, Now);
    QVERIFY(!body);
    QCOMPARE(body.error().path, path);
    QVERIFY2(body.error().message.contains(expected), qPrintable(body.error().message));
}

QTEST_GUILESS_MAIN(TestRequestBuilderJose)
#include "tst_requestbuilder_jose.moc"

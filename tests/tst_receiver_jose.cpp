#include "JoseTestSupport.h"
#include "LoopbackServer.h"
#include "TestSupport.h"

#include "delivery/DeliveryEngine.h"
#include "history/ReceivedStore.h"
#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jwks.h"
#include "jose/Jws.h"
#include "receiver/Receiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The receiving side of docs/jose.md and 5: the project's sender sends JWS, JWE and JWS-in-JWE
// bodies to the project's receiver, which verifies and decrypts them with core/jose and keeps
// the decoded payload with the request; each classic attack is refused with its reason; tokens
// made by python3-jwcrypto pass; keys come from PEM, a JWKS file, or a JWKS URL (a loopback
// server or a receiver serving its jwks), chosen by kid.
using JoseTestSupport::b64u;
using JoseTestSupport::jwcrypto;
using JoseTestSupport::signRaw;
using JoseTestSupport::unb64u;
using TestSupport::resolveAll;
using TestSupport::sampleEvent;

namespace {

QString literal(const QByteArray& pem)
{
    return QStringLiteral("literal:") + QString::fromLatin1(pem);
}

QByteArray eventPayload(const QString& id, qint64 exp = 0)
{
    QJsonObject payload = sampleEvent(id).object();
    if (exp != 0) {
        payload.insert(QStringLiteral("exp"), exp);
    }
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QString checksText(const ReceivedRecord& record)
{
    return QString::fromUtf8(QJsonDocument(record.checks).toJson(QJsonDocument::Compact));
}

QJsonObject checkNamed(const ReceivedRecord& record, const QString& name)
{
    for (const auto& check : record.checks) {
        if (check.toObject().value(QStringLiteral("check")).toString() == name) {
            return check.toObject();
        }
    }
    return {};
}

} // namespace

class TestReceiverJose final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<ReceivedStore> m_store;
    QList<Receiver*> m_receivers;
    JoseKey m_senderRsa, m_senderEc, m_senderEd, m_otherRsa, m_receiverRsa, m_receiverEc;

    Receiver* startReceiver(QJsonObject config)
    {
        config.insert(QStringLiteral("format"), QStringLiteral("hookbench.receiver/1"));
        auto parsed = ReceiverConfig::fromJson(QJsonDocument(config).toJson());
        if (!parsed) {
            qWarning() << parsed.error().toString();
            return nullptr;
        }
        auto* receiver = new Receiver(this);
        receiver->setStore(m_store.get());
        auto started = receiver->start(parsed.value(), resolveAll(parsed->secretRefs()));
        if (!started) {
            qWarning() << started.error().toString();
            delete receiver;
            return nullptr;
        }
        m_receivers.append(receiver);
        return receiver;
    }

    static QJsonObject verifyConfig(const QJsonObject& verify) { return {{QStringLiteral("verify"), verify}}; }

    EndpointProfile profile(Receiver* receiver) const
    {
        EndpointProfile p;
        p.name = QStringLiteral("to receiver");
        p.url = QUrl(receiver->url() + QStringLiteral("/hook"));
        p.timeoutMs = 5000;
        return p;
    }

    // Sends `body` (or the event through the profile's jws/jwe when body is empty) and returns the stored record.
    std::optional<ReceivedRecord> send(Receiver* receiver,
                                       EndpointProfile p,
                                       const QString& eventId,
                                       const std::optional<QByteArray>& body = std::nullopt,
                                       int* status = nullptr)
    {
        Q_UNUSED(receiver)
        if (body) {
            p.contentType = QStringLiteral("application/jose");
        }
        DeliveryEngine engine;
        Delivery* delivery = engine.deliver({p, resolveAll(p.secretRefs()), sampleEvent(eventId), body, true});
        QSignalSpy finished(delivery, &Delivery::finished);
        if (!finished.wait(15000) || delivery->attempts().isEmpty()) {
            return std::nullopt;
        }
        if (status) {
            *status = delivery->attempts().first().status;
        }
        const auto stored = m_store->latest(1);
        if (stored.isEmpty()) {
            return std::nullopt;
        }
        // The in-memory record (with `jose`) is what receive --json prints; the stored one has the rest.
        return stored.first();
    }

private slots:
    void initTestCase()
    {
        JoseTestSupport::generateKeys({{&m_senderRsa, JoseKey::Type::Rsa},
                                       {&m_senderEc, JoseKey::Type::EcP256},
                                       {&m_senderEd, JoseKey::Type::Ed25519},
                                       {&m_otherRsa, JoseKey::Type::Rsa},
                                       {&m_receiverRsa, JoseKey::Type::Rsa},
                                       {&m_receiverEc, JoseKey::Type::EcP256}});
    }

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
        qDeleteAll(m_receivers);
        m_receivers.clear();
        m_store.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void everyProfileIsAccepted_data()
    {
        QTest::addColumn<QString>("jwsAlg");
        QTest::addColumn<QString>("jweAlg");
        QTest::addColumn<QString>("jweEnc");
        for (const char* alg : {"HS256", "RS256", "PS256", "ES256", "EdDSA"}) {
            QTest::addRow("jws %s", alg) << QString::fromLatin1(alg) << QString() << QString();
        }
        for (const auto& [alg, enc] : {std::pair {"RSA-OAEP-256", "A256GCM"},
                                       std::pair {"RSA-OAEP-256", "A128CBC-HS256"},
                                       std::pair {"RSA-OAEP", "A256GCM"},
                                       std::pair {"RSA-OAEP", "A128CBC-HS256"},
                                       std::pair {"ECDH-ES+A256KW", "A256GCM"},
                                       std::pair {"ECDH-ES+A256KW", "A128CBC-HS256"}}) {
            QTest::addRow("jwe %s %s", alg, enc) << QString() << QString::fromLatin1(alg) << QString::fromLatin1(enc);
        }
        QTest::addRow("ES256 in RSA-OAEP-256")
            << QStringLiteral("ES256") << QStringLiteral("RSA-OAEP-256") << QStringLiteral("A256GCM");
        QTest::addRow("EdDSA in ECDH-ES+A256KW")
            << QStringLiteral("EdDSA") << QStringLiteral("ECDH-ES+A256KW") << QStringLiteral("A128CBC-HS256");
        QTest::addRow("HS256 in RSA-OAEP")
            << QStringLiteral("HS256") << QStringLiteral("RSA-OAEP") << QStringLiteral("A128CBC-HS256");
    }

    void everyProfileIsAccepted()
    {
        QFETCH(QString, jwsAlg);
        QFETCH(QString, jweAlg);
        QFETCH(QString, jweEnc);
        const JoseKey signer = jwsAlg == QLatin1String("ES256")   ? m_senderEc
                               : jwsAlg == QLatin1String("EdDSA") ? m_senderEd
                                                                  : m_senderRsa;
        const JoseKey recipient = jweAlg.startsWith(QLatin1String("ECDH")) ? m_receiverEc : m_receiverRsa;
        const QString hmac = QStringLiteral("literal:an HS256 secret shared by both sides");

        QJsonObject verify;
        if (!jwsAlg.isEmpty()) {
            verify.insert(QStringLiteral("jws"),
                          jwsAlg == QLatin1String("HS256")
                              ? QJsonObject {{QStringLiteral("secret"), hmac}}
                              : QJsonObject {{QStringLiteral("publicKey"), literal(signer.publicPem())}});
        }
        if (!jweAlg.isEmpty()) {
            verify.insert(QStringLiteral("jwe"),
                          QJsonObject {{QStringLiteral("privateKey"), literal(recipient.privatePem())}});
        }
        Receiver* receiver = startReceiver(verifyConfig(verify));
        QVERIFY(receiver);

        EndpointProfile p = profile(receiver);
        if (!jwsAlg.isEmpty()) {
            JwsConfig jws;
            jws.alg = jwsAlg;
            if (jwsAlg == QLatin1String("HS256")) {
                jws.secret = hmac;
            } else {
                jws.privateKey = literal(signer.privatePem());
            }
            jws.kid = QStringLiteral("sender-1");
            jws.claims = {{QStringLiteral("iss"), QStringLiteral("acme")}};
            jws.expiresInSeconds = 300;
            p.jws = jws;
        }
        if (!jweAlg.isEmpty()) {
            JweConfig jwe;
            jwe.alg = jweAlg;
            jwe.enc = jweEnc;
            jwe.publicKey = QString::fromLatin1(recipient.publicPem());
            jwe.kid = QStringLiteral("receiver-1");
            p.jwe = jwe;
        }
        int status = 0;
        const auto record = send(receiver, p, QStringLiteral("evt_jose"), std::nullopt, &status);
        QVERIFY(record);
        QCOMPARE(status, 200);
        QVERIFY2(record->verdict == QLatin1String("accepted"), qPrintable(checksText(*record)));
        // The decoded payload is the stored event: the whole event, plus the JWS claims.
        const QJsonObject event = QJsonDocument::fromJson(record->eventJson).object();
        QCOMPARE(event.value(QStringLiteral("id")).toString(), QStringLiteral("evt_jose"));
        QCOMPARE(event.value(QStringLiteral("data")).toObject().value(QStringLiteral("policyId")).toString(),
                 QStringLiteral("abc"));
        QCOMPARE(record->eventId, QStringLiteral("evt_jose"));
        if (!jwsAlg.isEmpty()) {
            QCOMPARE(event.value(QStringLiteral("iss")).toString(), QStringLiteral("acme"));
            QVERIFY(event.value(QStringLiteral("exp")).isDouble());
            const QString detail =
                checkNamed(*record, QStringLiteral("jws")).value(QStringLiteral("detail")).toString();
            QVERIFY2(detail.startsWith(jwsAlg + QStringLiteral(" signature verified")), qPrintable(detail));
        }
        if (!jweAlg.isEmpty()) {
            const QString detail =
                checkNamed(*record, QStringLiteral("jwe")).value(QStringLiteral("detail")).toString();
            QVERIFY2(detail.startsWith(QStringLiteral("decrypted %1 / %2 (kid receiver-1)").arg(jweAlg, jweEnc)),
                     qPrintable(detail));
            QCOMPARE(detail.contains(QLatin1String("cty JWT")), !jwsAlg.isEmpty());
        }
    }

    void joseObjectIsReported()
    {
        Receiver* receiver = startReceiver(verifyConfig(
            {{QStringLiteral("jws"), QJsonObject {{QStringLiteral("publicKey"), literal(m_senderEc.publicPem())}}},
             {QStringLiteral("jwe"),
              QJsonObject {{QStringLiteral("privateKey"), literal(m_receiverRsa.privatePem())}}}}));
        QVERIFY(receiver);
        QList<ReceivedRecord> processed;
        connect(receiver, &Receiver::requestProcessed, this, [&processed](const ReceivedRecord& record) {
            processed.append(record);
        });
        EndpointProfile p = profile(receiver);
        JwsConfig jws;
        jws.alg = QStringLiteral("ES256");
        jws.privateKey = literal(m_senderEc.privatePem());
        jws.kid = QStringLiteral("s1");
        jws.claims = {{QStringLiteral("aud"), QStringLiteral("partner")}};
        p.jws = jws;
        JweConfig jwe;
        jwe.publicKey = QString::fromLatin1(m_receiverRsa.publicPem());
        p.jwe = jwe;
        QVERIFY(send(receiver, p, QStringLiteral("evt_reported")));
        QCOMPARE(processed.size(), 1);
        const ReceivedRecord& record = processed.first();
        const QJsonObject jose = record.jose;
        QCOMPARE(jose.value(QStringLiteral("jwe"))
                     .toObject()
                     .value(QStringLiteral("header"))
                     .toObject()
                     .value(QStringLiteral("cty")),
                 QJsonValue(QStringLiteral("JWT")));
        const QJsonObject jwsHeader =
            jose.value(QStringLiteral("jws")).toObject().value(QStringLiteral("header")).toObject();
        QCOMPARE(jwsHeader.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
        QCOMPARE(jwsHeader.value(QStringLiteral("kid")).toString(), QStringLiteral("s1"));
        QCOMPARE(jose.value(QStringLiteral("claims")).toObject().value(QStringLiteral("aud")).toString(),
                 QStringLiteral("partner"));
    }

    void attacksAreRefused_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("alg none") << "none" << 401 << "jws"
                                  << "alg \"none\" (unsigned)";
        QTest::newRow("HS256 with the public key PEM as secret")
            << "confusion" << 401 << "jws"
            << "signed with HS256, which none of the keys may verify";
        QTest::newRow("unknown crit") << "crit" << 401 << "jws"
                                      << "as critical (\"crit\")";
        QTest::newRow("duplicate header names") << "duplicate" << 401 << "jws"
                                                << "names the member \"alg\" twice";
        QTest::newRow("bad signature") << "badsig" << 401 << "jws"
                                       << "signature does not match";
        QTest::newRow("expired exp") << "expired" << 401 << "jws"
                                     << "the token expired"; // the seconds: see attacksAreRefused
        QTest::newRow("nbf in the future") << "nbf" << 401 << "jws"
                                           << "not valid yet";
        QTest::newRow("unknown kid") << "kid" << 401 << "jws"
                                     << "no key has the token's kid \"nobody\"";
        QTest::newRow("tampered ciphertext") << "ciphertext" << 400 << "jwe"
                                             << "authentication tag does not match";
        QTest::newRow("tampered tag") << "tag" << 400 << "jwe"
                                      << "authentication tag does not match";
        QTest::newRow("wrong key") << "wrongkey" << 400 << "jwe"
                                   << "does not decrypt with this RSA key";
        QTest::newRow("unsupported alg") << "rsa1_5" << 400 << "jwe"
                                         << "\"RSA1_5\" is not supported";
        QTest::newRow("not encrypted") << "plain" << 400 << "jwe"
                                       << "not encrypted";
    }

    void attacksAreRefused()
    {
        QFETCH(QString, attack);
        QFETCH(int, status);
        QFETCH(QString, check);
        QFETCH(QString, explanation);
        const bool jwe = check == QLatin1String("jwe");
        QJsonObject verify {
            {QStringLiteral("jws"), QJsonObject {{QStringLiteral("publicKey"), literal(m_senderRsa.publicPem())}}}};
        if (attack == QLatin1String("kid")) {
            QJsonObject jwk = m_senderRsa.toPublicJwk(QStringLiteral("sender-1"));
            verify.insert(QStringLiteral("jws"),
                          QJsonObject {{QStringLiteral("jwks"),
                                        literal(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk}}})
                                                    .toJson(QJsonDocument::Compact))}});
        }
        if (jwe) {
            verify.insert(QStringLiteral("jwe"),
                          QJsonObject {{QStringLiteral("privateKey"), literal(m_receiverRsa.privatePem())}});
        }
        Receiver* receiver = startReceiver(verifyConfig(verify));
        QVERIFY(receiver);

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray payload = eventPayload(QStringLiteral("evt_attack"));
        const QByteArray rs256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        const QByteArray good = signRaw(rs256, payload, QStringLiteral("RS256"), m_senderRsa);
        QByteArray body;
        if (attack == QLatin1String("none")) {
            body = b64u("{\"alg\":\"none\"}") + '.' + b64u(payload) + '.';
        } else if (attack == QLatin1String("confusion")) {
            body = signRaw(
                "{\"alg\":\"HS256\"}", payload, QStringLiteral("HS256"), JoseKey::fromSecret(m_senderRsa.publicPem()));
        } else if (attack == QLatin1String("crit")) {
            body = signRaw("{\"alg\":\"RS256\",\"crit\":[\"x-bank\"],\"x-bank\":1}",
                           payload,
                           QStringLiteral("RS256"),
                           m_senderRsa);
        } else if (attack == QLatin1String("duplicate")) {
            body = signRaw("{\"alg\":\"RS256\",\"alg\":\"RS256\"}", payload, QStringLiteral("RS256"), m_senderRsa);
        } else if (attack == QLatin1String("badsig")) {
            body = signRaw(rs256, payload, QStringLiteral("RS256"), m_otherRsa);
        } else if (attack == QLatin1String("expired")) {
            body = signRaw(
                rs256, eventPayload(QStringLiteral("evt_attack"), now - 100), QStringLiteral("RS256"), m_senderRsa);
        } else if (attack == QLatin1String("nbf")) {
            QJsonObject claims = QJsonDocument::fromJson(payload).object();
            claims.insert(QStringLiteral("nbf"), now + 600);
            body = signRaw(
                rs256, QJsonDocument(claims).toJson(QJsonDocument::Compact), QStringLiteral("RS256"), m_senderRsa);
        } else if (attack == QLatin1String("kid")) {
            body = signRaw("{\"alg\":\"RS256\",\"kid\":\"nobody\"}", payload, QStringLiteral("RS256"), m_senderRsa);
        } else if (attack == QLatin1String("plain")) {
            body = good;
        } else {
            Jwe::EncryptOptions options;
            options.cty = QStringLiteral("JWT");
            auto encrypted =
                Jwe::encryptCompact(good, attack == QLatin1String("wrongkey") ? m_otherRsa : m_receiverRsa, options);
            QVERIFY(encrypted.ok());
            QList<QByteArray> parts = encrypted->split('.');
            const int index = attack == QLatin1String("ciphertext") ? 3 : attack == QLatin1String("tag") ? 4 : -1;
            if (index > 0) {
                QByteArray bytes = unb64u(parts[index]);
                bytes[0] = char(bytes[0] ^ 0x01);
                parts[index] = b64u(bytes);
            }
            if (attack == QLatin1String("rsa1_5")) {
                parts[0] = b64u("{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\"}");
            }
            body = parts.join('.');
        }
        QVERIFY(!body.isEmpty());
        int answered = 0;
        const auto record = send(receiver, profile(receiver), QStringLiteral("evt_attack"), body, &answered);
        QVERIFY(record);
        QCOMPARE(answered, status);
        QCOMPARE(record->verdict, QStringLiteral("rejected"));
        QCOMPARE(record->status, status);
        const QJsonObject failed = checkNamed(*record, check);
        QCOMPARE(failed.value(QStringLiteral("ok")).toBool(true), false);
        if (attack == QLatin1String("expired")) {
            // The exact words: the receiver checks exp (now - 100) against its own clock when the
            // request arrived, stored as receivedAt, which may be a second or more after `now` on a
            // loaded machine.
            const qint64 receivedAt = record->receivedAt.toSecsSinceEpoch();
            QVERIFY(receivedAt >= now);
            explanation = QStringLiteral("the token expired %1 s ago (exp %2, the receiver's clock says %3)")
                              .arg(receivedAt - (now - 100))
                              .arg(QDateTime::fromSecsSinceEpoch(now - 100, Qt::UTC).toString(Qt::ISODate),
                                   QDateTime::fromSecsSinceEpoch(receivedAt, Qt::UTC).toString(Qt::ISODate));
        }
        QVERIFY2(failed.value(QStringLiteral("detail")).toString().contains(explanation),
                 qPrintable(checksText(*record)));
        // Nothing that failed verification is passed off as the event.
        QVERIFY(record->eventJson.isEmpty());
    }

    void jwcryptoTokensAreAccepted_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<bool>("encrypt");
        QTest::newRow("RS256") << "RS256" << false;
        QTest::newRow("PS256") << "PS256" << false;
        QTest::newRow("ES256") << "ES256" << false;
        QTest::newRow("EdDSA in RSA-OAEP-256") << "EdDSA" << true;
    }

    void jwcryptoTokensAreAccepted()
    {
        QFETCH(QString, alg);
        QFETCH(bool, encrypt);
        const JoseKey signer = alg == QLatin1String("ES256")   ? m_senderEc
                               : alg == QLatin1String("EdDSA") ? m_senderEd
                                                               : m_senderRsa;
        QJsonObject verify {
            {QStringLiteral("jws"), QJsonObject {{QStringLiteral("publicKey"), literal(signer.publicPem())}}}};
        if (encrypt) {
            verify.insert(QStringLiteral("jwe"),
                          QJsonObject {{QStringLiteral("privateKey"), literal(m_receiverRsa.privatePem())}});
        }
        Receiver* receiver = startReceiver(verifyConfig(verify));
        QVERIFY(receiver);
        const QByteArray payload = eventPayload(QStringLiteral("evt_py"), QDateTime::currentSecsSinceEpoch() + 300);
        const QJsonObject signedAnswer =
            jwcrypto(QStringLiteral("sign-jws"),
                     {{QStringLiteral("pem"), QString::fromLatin1(signer.privatePem())},
                      {QStringLiteral("alg"), alg},
                      {QStringLiteral("header"), QJsonObject {{QStringLiteral("kid"), QStringLiteral("py-1")}}},
                      {QStringLiteral("payload"), QString::fromLatin1(b64u(payload))}});
        QVERIFY2(signedAnswer.contains(QStringLiteral("token")),
                 qPrintable(signedAnswer.value(QStringLiteral("error")).toString()));
        QByteArray body = signedAnswer.value(QStringLiteral("token")).toString().toLatin1();
        if (encrypt) {
            const QJsonObject encrypted =
                jwcrypto(QStringLiteral("encrypt-jwe"),
                         {{QStringLiteral("pem"), QString::fromLatin1(m_receiverRsa.publicPem())},
                          {QStringLiteral("alg"), QStringLiteral("RSA-OAEP-256")},
                          {QStringLiteral("enc"), QStringLiteral("A256GCM")},
                          {QStringLiteral("header"), QJsonObject {{QStringLiteral("cty"), QStringLiteral("JWT")}}},
                          {QStringLiteral("payload"), QString::fromLatin1(b64u(body))}});
            QVERIFY2(encrypted.contains(QStringLiteral("token")),
                     qPrintable(encrypted.value(QStringLiteral("error")).toString()));
            body = encrypted.value(QStringLiteral("token")).toString().toLatin1();
        }
        int status = 0;
        const auto record = send(receiver, profile(receiver), QStringLiteral("evt_py"), body, &status);
        QVERIFY(record);
        QVERIFY2(status == 200, qPrintable(checksText(*record)));
        QCOMPARE(QJsonDocument::fromJson(record->eventJson).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("evt_py"));
    }

    void jwksFileChoosesTheKeyByKid()
    {
        const QJsonObject set {{QStringLiteral("keys"),
                                QJsonArray {m_otherRsa.toPublicJwk(QStringLiteral("old")),
                                            m_senderRsa.toPublicJwk(QStringLiteral("new")),
                                            m_senderEc.toPublicJwk(QStringLiteral("ec"))}}};
        const QString path = m_dir->filePath(QStringLiteral("keys.json"));
        QVERIFY(TestSupport::writeFile(path, QJsonDocument(set).toJson()));
        Receiver* receiver = startReceiver(
            verifyConfig({{QStringLiteral("jws"),
                           QJsonObject {{QStringLiteral("jwks"), QString(QStringLiteral("file:") + path)}}}}));
        QVERIFY(receiver);
        const QByteArray payload = eventPayload(QStringLiteral("evt_kid"));
        for (const auto& [kid, key, ok] : {std::tuple {"old", m_otherRsa, true},
                                           std::tuple {"new", m_senderRsa, true},
                                           std::tuple {"old", m_senderRsa, false}}) {
            const QByteArray token = signRaw(
                "{\"alg\":\"RS256\",\"kid\":\"" + QByteArray(kid) + "\"}", payload, QStringLiteral("RS256"), key);
            int status = 0;
            const auto record = send(receiver, profile(receiver), QStringLiteral("evt_kid"), token, &status);
            QVERIFY(record);
            const QString detail =
                checkNamed(*record, QStringLiteral("jws")).value(QStringLiteral("detail")).toString();
            QCOMPARE(status, ok ? 200 : 401);
            if (ok) {
                QVERIFY2(detail.contains(QStringLiteral("of kid %1 from verify.jws.jwks").arg(QLatin1String(kid))),
                         qPrintable(detail));
            } else {
                // Signed by "new" but labelled "old": only the "old" key is tried, and it does not match.
                QVERIFY2(detail.contains(QLatin1String("signature does not match")), qPrintable(detail));
            }
        }
    }

    void jwksUrlIsFetchedAndRefreshedOnUnknownKid()
    {
        LoopbackServer keyServer;
        const auto setOf = [](const QList<QPair<QString, JoseKey>>& keys) {
            QJsonArray list;
            for (const auto& [kid, key] : keys) {
                list.append(key.toPublicJwk(kid));
            }
            return LoopbackServer::Response(200,
                                            "OK",
                                            {{"Content-Type", "application/json"}},
                                            QJsonDocument(QJsonObject {{QStringLiteral("keys"), list}}).toJson());
        };
        keyServer.setResponses({setOf({{QStringLiteral("k1"), m_senderRsa}})});
        Receiver* receiver = startReceiver(verifyConfig(
            {{QStringLiteral("jws"),
              QJsonObject {{QStringLiteral("jwksUrl"), QString::fromLatin1(keyServer.url("/jwks.json"))}}}}));
        QVERIFY(receiver);
        QSignalSpy fetched(receiver, &Receiver::jwksFetched);
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.first().first().toString(), QString());
        QCOMPARE(receiver->jwksFetches(), 1);

        const QByteArray payload = eventPayload(QStringLiteral("evt_url"));
        const auto token = [&payload](const char* kid, const JoseKey& key) {
            return signRaw(
                "{\"alg\":\"ES256\",\"kid\":\"" + QByteArray(kid) + "\"}", payload, QStringLiteral("ES256"), key);
        };
        int status = 0;
        auto record = send(receiver,
                           profile(receiver),
                           QStringLiteral("evt_url"),
                           signRaw("{\"alg\":\"RS256\",\"kid\":\"k1\"}", payload, QStringLiteral("RS256"), m_senderRsa),
                           &status);
        QVERIFY(record);
        QVERIFY2(status == 200, qPrintable(checksText(*record)));
        QCOMPARE(receiver->jwksFetches(), 1);

        // The key server rotates in k2: the first token with kid k2 makes the receiver fetch again.
        keyServer.setResponses({setOf({{QStringLiteral("k1"), m_senderRsa}, {QStringLiteral("k2"), m_senderEc}})});
        record = send(receiver, profile(receiver), QStringLiteral("evt_url"), token("k2", m_senderEc), &status);
        QVERIFY(record);
        QVERIFY2(status == 200, qPrintable(checksText(*record)));
        QCOMPARE(receiver->jwksFetches(), 2);
        QVERIFY(checkNamed(*record, QStringLiteral("jws"))
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QLatin1String("of kid k2 from verify.jws.jwksUrl")));

        // A made-up kid within the minute: refused without asking the key server again.
        record = send(receiver, profile(receiver), QStringLiteral("evt_url"), token("k3", m_senderEc), &status);
        QVERIFY(record);
        QCOMPARE(status, 401);
        QCOMPARE(receiver->jwksFetches(), 2);
        QCOMPARE(keyServer.requests().size(), 2);
        const QString detail = checkNamed(*record, QStringLiteral("jws")).value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QLatin1String("no key has the token's kid \"k3\"")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("at most once a minute")), qPrintable(detail));
    }

    void receiverServesItsJwks()
    {
        // Receiver A serves a JWKS file (with private members, which must not be served) and the
        // public part of its decryption key; receiver B verifies with A's URL.
        QJsonObject signing = m_senderEc.toPublicJwk(QStringLiteral("sig-1"));
        const QString path = m_dir->filePath(QStringLiteral("serve.json"));
        QVERIFY(TestSupport::writeFile(
            path, QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {signing}}}).toJson()));
        Receiver* a = startReceiver(
            {{QStringLiteral("jwks"),
              QJsonObject {{QStringLiteral("serve"), QString(QStringLiteral("file:") + path)},
                           {QStringLiteral("decryptionKey"), true},
                           {QStringLiteral("kid"), QStringLiteral("enc-1")}}},
             {QStringLiteral("verify"),
              QJsonObject {{QStringLiteral("jwe"),
                            QJsonObject {{QStringLiteral("privateKey"), literal(m_receiverRsa.privatePem())}}}}}});
        QVERIFY(a);
        const QString jwksUrl = a->url() + QStringLiteral("/.well-known/jwks.json");
        Receiver* b =
            startReceiver(verifyConfig({{QStringLiteral("jws"), QJsonObject {{QStringLiteral("jwksUrl"), jwksUrl}}}}));
        QVERIFY(b);
        QSignalSpy fetched(b, &Receiver::jwksFetched);
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.first().first().toString(), QString());

        // What A served: both keys, public members only.
        const auto served = m_store->latest(1);
        QCOMPARE(served.size(), 1);
        QCOMPARE(served.first().path, QStringLiteral("/.well-known/jwks.json"));
        QCOMPARE(served.first().status, 200);

        const QByteArray payload = eventPayload(QStringLiteral("evt_served"));
        int status = 0;
        auto record =
            send(b,
                 profile(b),
                 QStringLiteral("evt_served"),
                 signRaw("{\"alg\":\"ES256\",\"kid\":\"sig-1\"}", payload, QStringLiteral("ES256"), m_senderEc),
                 &status);
        QVERIFY(record);
        QVERIFY2(status == 200, qPrintable(checksText(*record)));

        // The served set, fetched as a sender would: the decryption key's public part with its kid.
        QNetworkAccessManager network;
        QNetworkReply* reply = network.get(QNetworkRequest(QUrl(jwksUrl)));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        const QByteArray json = reply->readAll();
        reply->deleteLater();
        auto keys = Jwks::parse(json);
        QVERIFY2(keys.ok(), json.constData());
        QCOMPARE(keys->size(), 2);
        QVERIFY(!json.contains("\"d\""));
        auto encryptionKey = Jwks::select(keys.value(), QStringLiteral("enc-1"));
        QVERIFY(encryptionKey.ok());
        QVERIFY(!encryptionKey->hasPrivateKey());
        auto encrypted = Jwe::encryptCompact(payload, encryptionKey.value());
        QVERIFY(encrypted.ok());
        record = send(a, profile(a), QStringLiteral("evt_served"), encrypted.value(), &status);
        QVERIFY(record);
        QVERIFY2(status == 200, qPrintable(checksText(*record)));
    }

    void verifyCliOpensAJweRequestFile()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const QString& name, const QByteArray& bytes) {
            return TestSupport::writeFile(dir.filePath(name), bytes);
        };
        QVERIFY(write(QStringLiteral("receiver.key"), m_receiverRsa.privatePem()));
        QVERIFY(write(QStringLiteral("sender.pub.pem"), m_senderEc.publicPem()));
        QVERIFY(
            write(QStringLiteral("receiver.json"),
                  "{\"format\":\"hookbench.receiver/1\",\"verify\":{\"jws\":{\"publicKey\":\"file:sender.pub.pem\"},"
                  "\"jwe\":{\"privateKey\":\"file:receiver.key\"}}}"));
        const QByteArray payload = eventPayload(QStringLiteral("evt_cli"));
        Jwe::EncryptOptions options;
        options.cty = QStringLiteral("JWT");
        const QByteArray jws =
            signRaw("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", payload, QStringLiteral("ES256"), m_senderEc);
        auto token = Jwe::encryptCompact(jws, m_receiverRsa, options);
        QVERIFY(token.ok());
        for (const bool tampered : {false, true}) {
            QByteArray body = token.value();
            if (tampered) {
                body[body.size() - 3] = body.at(body.size() - 3) == 'A' ? 'B' : 'A';
            }
            const QJsonObject request {
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("path"), QStringLiteral("/hook")},
                {QStringLiteral("headers"),
                 QJsonArray {QJsonArray {QStringLiteral("Content-Type"), QStringLiteral("application/jose")}}},
                {QStringLiteral("body"), QString::fromLatin1(body)}};
            QVERIFY(write(QStringLiteral("req.json"), QJsonDocument(request).toJson()));
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOOKBENCH_DATA_DIR"), dir.path());
            cli.setProcessEnvironment(env);
            cli.start(TestSupport::cliPath(),
                      {QStringLiteral("verify"),
                       QStringLiteral("--config"),
                       dir.filePath(QStringLiteral("receiver.json")),
                       QStringLiteral("--request"),
                       dir.filePath(QStringLiteral("req.json"))});
            QVERIFY(cli.waitForFinished(30000));
            const QByteArray out = cli.readAllStandardOutput();
            QCOMPARE(cli.exitCode(), tampered ? 1 : 0);
            const QJsonObject line = QJsonDocument::fromJson(out).object();
            QCOMPARE(line.value(QStringLiteral("verdict")).toString(),
                     tampered ? QStringLiteral("rejected") : QStringLiteral("accepted"));
            if (tampered) {
                QCOMPARE(line.value(QStringLiteral("status")).toInt(), 400);
                QVERIFY2(out.contains("cannot decrypt: the A256GCM authentication tag does not match"),
                         out.constData());
            } else {
                QCOMPARE(line.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
                         QStringLiteral("evt_cli"));
                const QJsonObject jose = line.value(QStringLiteral("jose")).toObject();
                QCOMPARE(jose.value(QStringLiteral("jws"))
                             .toObject()
                             .value(QStringLiteral("header"))
                             .toObject()
                             .value(QStringLiteral("alg")),
                         QJsonValue(QStringLiteral("ES256")));
                QCOMPARE(jose.value(QStringLiteral("jwe"))
                             .toObject()
                             .value(QStringLiteral("header"))
                             .toObject()
                             .value(QStringLiteral("cty")),
                         QJsonValue(QStringLiteral("JWT")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestReceiverJose)
#include "tst_receiver_jose.moc"

#include "JoseTestSupport.h"
#include "jose/JoseKey.h"
#include "jose/Jwks.h"
#include "jose/Jws.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// JWK and JWKS: the published keys of RFC 7515 A.3, RFC 8037 A and RFC 7638, choosing by kid,
// the public set a receiver serves, and python3-jwcrypto reading that set.
using JoseTestSupport::jwcrypto;

namespace {

QJsonObject jwk(std::initializer_list<std::pair<const char*, const char*>> members)
{
    QJsonObject out;
    for (const auto& [name, value] : members) {
        out.insert(QLatin1String(name), QLatin1String(value));
    }
    return out;
}

// RFC 7515 A.3 (ES256) and its token.
const QJsonObject A3Key = jwk({{"kty", "EC"},
                               {"crv", "P-256"},
                               {"kid", "e9bc097a-ce51-4036-9562-d2ade882db0d"},
                               {"x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"},
                               {"y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
                               {"d", "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}});
const auto A3Token =
    QByteArrayLiteral("eyJhbGciOiJFUzI1NiJ9."
                      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
                      "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");

// RFC 8037 A.1 (Ed25519), the A.4 token (Ed25519 is deterministic) and the A.3 thumbprint.
const QJsonObject Rfc8037Key = jwk({{"kty", "OKP"},
                                    {"crv", "Ed25519"},
                                    {"d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"},
                                    {"x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}});
const auto Rfc8037Token =
    QByteArrayLiteral("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
                      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");

// RFC 7638 3.1: the RSA key of RFC 7517 A.1 and its thumbprint.
const QJsonObject Rfc7638Key = jwk({{"kty", "RSA"},
                                    {"n",
                                     "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L"
                                     "6tSoc_BJECPebWKRXjBZCiFV4n3oknjhM"
                                     "stn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
                                     "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5"
                                     "hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_"
                                     "xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"},
                                    {"e", "AQAB"},
                                    {"alg", "RS256"},
                                    {"kid", "2011-04-29"}});

QByteArray keySet(const QJsonArray& keys)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), keys}}).toJson();
}

} // namespace

class TestJwks final : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515A3Es256();
    void rfc8037Ed25519();
    void rfc7638Thumbprint();
    void parsesEveryKeyTypeAndSelectsByKid();
    void publicSetHasNoPrivateParts();
    void jwcryptoVerifiesWithOurPublicJwk_data();
    void jwcryptoVerifiesWithOurPublicJwk();
    void refusesBadKeys_data();
    void refusesBadKeys();
};

void TestJwks::rfc7515A3Es256()
{
    auto key = JoseKey::fromJwk(A3Key);
    QVERIFY2(key, qPrintable(key.error().message));
    QCOMPARE(key->type(), JoseKey::Type::EcP256);
    QVERIFY(key->hasPrivateKey());
    auto pub = JoseKey::fromJwk(key->toPublicJwk());
    QVERIFY(pub && !pub->hasPrivateKey());
    auto verified = Jws::verifyCompact(A3Token, {pub.value()});
    QVERIFY2(verified, qPrintable(verified.error().message));
    QVERIFY(verified->payload.startsWith("{\"iss\":\"joe\""));
    QCOMPARE(key->toPublicJwk().value(QStringLiteral("x")), A3Key.value(QStringLiteral("x")));
    QCOMPARE(key->toPublicJwk().value(QStringLiteral("kid")), A3Key.value(QStringLiteral("kid")));
}

void TestJwks::rfc8037Ed25519()
{
    auto key = JoseKey::fromJwk(Rfc8037Key);
    QVERIFY2(key, qPrintable(key.error().message));
    QCOMPARE(key->type(), JoseKey::Type::Ed25519);
    const QList<QByteArray> parts = Rfc8037Token.split('.');
    auto signature = Jws::sign(QStringLiteral("EdDSA"), QByteArray(parts.at(0) + '.' + parts.at(1)), key.value());
    QVERIFY(signature);
    QCOMPARE(signature->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), parts.at(2));
    auto pub = JoseKey::fromJwk(key->toPublicJwk());
    QVERIFY(pub);
    QVERIFY(Jws::verifyCompact(Rfc8037Token, {pub.value()}));
    QCOMPARE(Jwks::thumbprint(key.value()), QStringLiteral("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"));
}

void TestJwks::rfc7638Thumbprint()
{
    auto key = JoseKey::fromJwk(Rfc7638Key);
    QVERIFY2(key, qPrintable(key.error().message));
    QCOMPARE(Jwks::thumbprint(key.value()), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
}

void TestJwks::parsesEveryKeyTypeAndSelectsByKid()
{
    QJsonObject ed = Rfc8037Key;
    ed.insert(QStringLiteral("kid"), QStringLiteral("ed"));
    const QJsonObject oct = jwk({{"kty", "oct"}, {"kid", "hmac"}, {"k", "c2VjcmV0LWJ5dGVz"}});
    auto keys = Jwks::parse(keySet({Rfc7638Key, A3Key, ed, oct}));
    QVERIFY2(keys, qPrintable(keys.error().message));
    QCOMPARE(keys->size(), 4);
    QCOMPARE(keys->at(0).type(), JoseKey::Type::Rsa);
    QCOMPARE(keys->at(1).type(), JoseKey::Type::EcP256);
    QCOMPARE(keys->at(2).type(), JoseKey::Type::Ed25519);
    QCOMPARE(keys->at(3).type(), JoseKey::Type::Secret);
    QCOMPARE(keys->at(3).secret(), QByteArrayLiteral("secret-bytes"));

    auto chosen = Jwks::select(keys.value(), QStringLiteral("ed"));
    QVERIFY(chosen);
    QCOMPARE(chosen->type(), JoseKey::Type::Ed25519);
    auto missing = Jwks::select(keys.value(), QStringLiteral("nope"));
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(QLatin1String("\"2011-04-29\"")), qPrintable(missing.error().message));
    QVERIFY(!Jwks::select(keys.value(), {}));
    QVERIFY(Jwks::select({keys->at(0)}, {}));

    // A token verifies against the whole set, the key chosen by its kid.
    auto token = Jws::signCompact(
        {{QStringLiteral("alg"), QStringLiteral("EdDSA")}, {QStringLiteral("kid"), QStringLiteral("ed")}},
        "{}",
        keys->at(2));
    QVERIFY(token);
    auto verified = Jws::verifyCompact(token.value(), keys.value());
    QVERIFY2(verified, qPrintable(verified.error().message));
    QCOMPARE(verified->keyIndex, 2);
}

void TestJwks::publicSetHasNoPrivateParts()
{
    auto rsa = JoseKey::generate(JoseKey::Type::Rsa);
    auto ec = JoseKey::generate(JoseKey::Type::EcP256);
    auto ed = JoseKey::generate(JoseKey::Type::Ed25519);
    QVERIFY(rsa && ec && ed);
    rsa->setKid(QStringLiteral("r"));
    ec->setKid(QStringLiteral("e"));
    const QByteArray json =
        Jwks::toPublicJson({rsa.value(), ec.value(), ed.value(), JoseKey::fromSecret("never-published")});
    for (const char* secretMember : {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"", "oct"}) {
        QVERIFY2(!json.contains(secretMember), secretMember);
    }
    auto parsed = Jwks::parse(json);
    QVERIFY2(parsed, qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 3);
    QCOMPARE(parsed->at(0).kid(), QStringLiteral("r"));
    QVERIFY(!parsed->at(0).hasPrivateKey());
    QCOMPARE(parsed->at(1).toPublicJwk(), ec->toPublicJwk());
    QCOMPARE(parsed->at(2).toPublicJwk(), ed->toPublicJwk());
}

void TestJwks::jwcryptoVerifiesWithOurPublicJwk_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("alg");
    QTest::newRow("RS256") << int(JoseKey::Type::Rsa) << QStringLiteral("RS256");
    QTest::newRow("ES256") << int(JoseKey::Type::EcP256) << QStringLiteral("ES256");
    QTest::newRow("EdDSA") << int(JoseKey::Type::Ed25519) << QStringLiteral("EdDSA");
}

void TestJwks::jwcryptoVerifiesWithOurPublicJwk()
{
    QFETCH(int, type);
    QFETCH(QString, alg);
    auto key = JoseKey::generate(JoseKey::Type(type));
    QVERIFY(key);
    auto token = Jws::signCompact({{QStringLiteral("alg"), alg}}, "{\"via\":\"jwks\"}", key.value());
    QVERIFY(token);
    const QJsonObject answer = jwcrypto(QStringLiteral("verify-jws"),
                                        {{QStringLiteral("token"), QString::fromLatin1(token.value())},
                                         {QStringLiteral("alg"), alg},
                                         {QStringLiteral("jwk"), key->toPublicJwk(QStringLiteral("k1"))}});
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
}

void TestJwks::refusesBadKeys_data()
{
    QTest::addColumn<QJsonObject>("key");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("path");
    QJsonObject offCurve = A3Key;
    offCurve.remove(QStringLiteral("d"));
    offCurve.insert(QStringLiteral("y"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    QTest::newRow("point off the curve") << offCurve << QStringLiteral("not") << QStringLiteral("keys[1].x");
    QTest::newRow("unknown kty") << jwk({{"kty", "XYZ"}}) << QStringLiteral("kty") << QStringLiteral("keys[1].kty");
    QTest::newRow("P-384") << jwk({{"kty", "EC"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}})
                           << QStringLiteral("P-256") << QStringLiteral("keys[1].crv");
    QTest::newRow("padded base64") << jwk({{"kty", "oct"}, {"k", "c2VjcmV0=="}}) << QStringLiteral("base64url")
                                   << QStringLiteral("keys[1].k");
    QJsonObject mismatched = Rfc8037Key;
    mismatched.insert(QStringLiteral("x"), A3Key.value(QStringLiteral("x")));
    QTest::newRow("Ed25519 x not of d") << mismatched << QStringLiteral("not the public key")
                                        << QStringLiteral("keys[1].x");
}

void TestJwks::refusesBadKeys()
{
    QFETCH(QJsonObject, key);
    QFETCH(QString, expected);
    QFETCH(QString, path);
    auto keys = Jwks::parse(keySet({Rfc7638Key, key}));
    QVERIFY(!keys);
    QVERIFY2(keys.error().message.contains(expected), qPrintable(keys.error().message));
    QCOMPARE(keys.error().path, path);
}

QTEST_GUILESS_MAIN(TestJwks)
#include "tst_jwks.moc"

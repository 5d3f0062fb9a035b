#include "signing/Crypto.h"

#include <QTest>

// Published vectors (RFC 4231, RFC 8032, FIPS 180-2) for the OpenSSL wrappers every signature
// scheme is built on.
class TestCrypto final : public QObject
{
    Q_OBJECT

private slots:
    void hmacRfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expectedHex");

        QByteArray key4;
        for (char c = 1; c <= 25; ++c) {
            key4.append(c);
        }
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 4") << key4 << QByteArray(50, '\xcd')
                                << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        // Case 5 publishes only the first 128 bits.
        QTest::newRow("case 5") << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
                                << QByteArray("a3b6167473100ee06e0c796c2955552b");
        QTest::newRow("case 6") << QByteArray(131, '\xaa')
                                << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("case 7") << QByteArray(131, '\xaa')
                                << QByteArray("This is a test using a larger than block-size key and a larger than "
                                              "block-size data. The key needs to be hashed before being used by the "
                                              "HMAC algorithm.")
                                << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    void hmacRfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expectedHex);

        const QByteArray mac = Crypto::hmacSha256(key, data);
        QCOMPARE(mac.size(), 32);
        QCOMPARE(mac.toHex().left(expectedHex.size()), expectedHex);
    }

    void hmacOfPartsEqualsHmacOfConcatenation()
    {
        const QByteArray key("k3y");
        const QByteArray whole = Crypto::hmacSha256(key, QByteArrayView("msg_1.1614265330.{\"a\":1}"));
        QCOMPARE(Crypto::hmacSha256(key, {"msg_1", ".", "1614265330", ".", "{\"a\":1}"}), whole);
        QCOMPARE(Crypto::hmacSha256(key, {"", "msg_1.1614265330.{\"a\":1}", ""}), whole);
        // Back to back with different keys: the per-thread context must not keep the old key.
        QVERIFY(Crypto::hmacSha256(QByteArrayView("other"), QByteArrayView("x"))
                != Crypto::hmacSha256(QByteArrayView("k3y"), QByteArrayView("x")));
        QCOMPARE(Crypto::hmacSha256(QByteArrayView("Jefe"), QByteArrayView("what do ya want for nothing?")).toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void hmacWithEmptyKeyAndBody()
    {
        // HMAC-SHA256("", "") as published by every implementation (Python: hmac.new(b"", b"", sha256)).
        QCOMPARE(Crypto::hmacSha256(QByteArrayView(), QByteArrayView()).toHex(),
                 QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }

    void sha256Fips()
    {
        QCOMPARE(Crypto::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(Crypto::sha256(QByteArrayView()).toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void ed25519Rfc8032Test1()
    {
        const QByteArray seed = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        const QByteArray publicKey =
            QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        const QByteArray signature = QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490"
                                                         "1555fb8821590a33bacc61e39701cf9b46bd25bf5f0595b"
                                                         "be24655141438e7a100b");

        const auto derived = Crypto::ed25519PublicKey(seed);
        QVERIFY(derived.ok());
        QCOMPARE(derived.value(), publicKey);

        const auto signed_ = Crypto::ed25519Sign(seed, QByteArrayView());
        QVERIFY(signed_.ok());
        QCOMPARE(signed_.value(), signature);

        QVERIFY(Crypto::ed25519Verify(publicKey, signature, QByteArrayView()));
        QVERIFY(!Crypto::ed25519Verify(publicKey, signature, QByteArrayView("x")));
        QByteArray flipped = signature;
        flipped[10] = static_cast<char>(flipped[10] ^ 0x01);
        QVERIFY(!Crypto::ed25519Verify(publicKey, flipped, QByteArrayView()));
        QVERIFY(!Crypto::ed25519Verify(publicKey.left(31), signature, QByteArrayView()));
        QVERIFY(!Crypto::ed25519Verify(publicKey, signature.left(63), QByteArrayView()));
    }

    void ed25519RejectsWrongSeedLength()
    {
        const auto signed_ = Crypto::ed25519Sign(QByteArray(31, 'a'), "x");
        QVERIFY(!signed_.ok());
        QVERIFY2(signed_.error().message.contains(QStringLiteral("32 bytes")), qPrintable(signed_.error().message));
        QVERIFY(!Crypto::ed25519PublicKey(QByteArray(33, 'a')).ok());
    }

    void constantTimeEquals()
    {
        QVERIFY(Crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(Crypto::constantTimeEquals(QByteArrayView(), QByteArrayView()));
        QVERIFY(!Crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!Crypto::constantTimeEquals("abc", "ab"));
        QVERIFY(!Crypto::constantTimeEquals("", "a"));
        QVERIFY(!Crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0c", 3)));
        QVERIFY(Crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0b", 3)));
    }

    void randomBytes()
    {
        const QByteArray a = Crypto::randomBytes(32);
        const QByteArray b = Crypto::randomBytes(32);
        QCOMPARE(a.size(), 32);
        QCOMPARE(b.size(), 32);
        QVERIFY(a != b);
        QVERIFY(Crypto::randomBytes(0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"

#include "secrets/SecretRef.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

const QString Dots = QStringLiteral("\u2022\u2022\u2022\u2022");

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSecretRef final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("canonical");

        const auto env = int(SecretRef::Kind::Env);
        const auto file = int(SecretRef::Kind::File);
        const auto keychain = int(SecretRef::Kind::Keychain);
        const auto literal = int(SecretRef::Kind::Literal);
        QTest::newRow("env") << QStringLiteral("env:HOOK_PW") << env << QStringLiteral("HOOK_PW")
                             << QStringLiteral("env:HOOK_PW");
        QTest::newRow("file") << QStringLiteral("file:keys/pw.txt") << file << QStringLiteral("keys/pw.txt")
                              << QStringLiteral("file:keys/pw.txt");
        QTest::newRow("file with colon") << QStringLiteral("file:a:b") << file << QStringLiteral("a:b")
                                         << QStringLiteral("file:a:b");
        QTest::newRow("keychain") << QStringLiteral("keychain:loans-staging") << keychain
                                  << QStringLiteral("loans-staging") << QStringLiteral("keychain:loans-staging");
        QTest::newRow("literal") << QStringLiteral("literal:s3cret") << literal << QStringLiteral("s3cret")
                                 << QStringLiteral("literal:s3cret");
        QTest::newRow("literal holding a prefix")
            << QStringLiteral("literal:env:NOT_A_VAR") << literal << QStringLiteral("env:NOT_A_VAR")
            << QStringLiteral("literal:env:NOT_A_VAR");
        QTest::newRow("bare text") << QStringLiteral("whsec_abc") << literal << QStringLiteral("whsec_abc")
                                   << QStringLiteral("literal:whsec_abc");
        QTest::newRow("prefixes are case-sensitive")
            << QStringLiteral("ENV:HOOK_PW") << literal << QStringLiteral("ENV:HOOK_PW")
            << QStringLiteral("literal:ENV:HOOK_PW");
        QTest::newRow("url") << QStringLiteral("https://example.com") << literal
                             << QStringLiteral("https://example.com") << QStringLiteral("literal:https://example.com");
        QTest::newRow("empty") << QString() << literal << QString() << QStringLiteral("literal:");
        QTest::newRow("empty env") << QStringLiteral("env:") << env << QString() << QStringLiteral("env:");
    }

    void parse()
    {
        QFETCH(QString, reference);
        QFETCH(int, kind);
        QFETCH(QString, target);
        QFETCH(QString, canonical);

        const SecretRef ref = SecretRef::parse(reference);
        QCOMPARE(int(ref.kind), kind);
        QCOMPARE(ref.target, target);
        QCOMPARE(ref.toString(), canonical);

        const SecretRef again = SecretRef::parse(ref.toString());
        QCOMPARE(int(again.kind), kind);
        QCOMPARE(again.target, target);
    }

    void envSet()
    {
        qputenv("HOOKBENCH_TST_SECRET", "pa ss\nword");
        const auto value = SecretRef::parse(QStringLiteral("env:HOOKBENCH_TST_SECRET")).resolveLocal(QString());
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), QByteArray("pa ss\nword")); // taken as is: no newline trimming for env
        qunsetenv("HOOKBENCH_TST_SECRET");
    }

    void envSetButEmpty()
    {
        qputenv("HOOKBENCH_TST_EMPTY", "");
        const auto value = SecretRef::parse(QStringLiteral("env:HOOKBENCH_TST_EMPTY")).resolveLocal(QString());
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), QByteArray());
        qunsetenv("HOOKBENCH_TST_EMPTY");
    }

    void envUnset()
    {
        qunsetenv("HOOK_PW");
        const auto value = SecretRef::parse(QStringLiteral("env:HOOK_PW")).resolveLocal(QString());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("environment variable HOOK_PW is not set")),
                 qPrintable(value.error().message));
        QVERIFY2(value.error().message.contains(QStringLiteral("env:HOOK_PW")), qPrintable(value.error().message));
    }

    void envWithoutName()
    {
        const auto value = SecretRef::parse(QStringLiteral("env:")).resolveLocal(QString());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("env:NAME")), qPrintable(value.error().message));
    }

    void fileRelativeToBaseDirNotCwd()
    {
        QTemporaryDir base;
        QTemporaryDir elsewhere;
        QVERIFY(base.isValid() && elsewhere.isValid());
        QVERIFY(QDir(base.path()).mkpath(QStringLiteral("keys")));
        QVERIFY(writeFile(base.filePath(QStringLiteral("keys/pw.txt")), "from-base\n"));
        QVERIFY(QDir(elsewhere.path()).mkpath(QStringLiteral("keys")));
        QVERIFY(writeFile(elsewhere.filePath(QStringLiteral("keys/pw.txt")), "from-cwd\n"));

        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(elsewhere.path()));
        const auto value = SecretRef::parse(QStringLiteral("file:keys/pw.txt")).resolveLocal(base.path());
        QVERIFY(QDir::setCurrent(cwd));
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), QByteArray("from-base"));
    }

    void fileAbsoluteIgnoresBaseDir()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("abs.txt"));
        QVERIFY(writeFile(path, "absolute"));
        const auto value =
            SecretRef::parse(QStringLiteral("file:") + path).resolveLocal(QStringLiteral("/nonexistent"));
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), QByteArray("absolute"));
    }

    void fileTrailingNewline_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("none") << QByteArray("secret") << QByteArray("secret");
        QTest::newRow("LF") << QByteArray("secret\n") << QByteArray("secret");
        QTest::newRow("CRLF") << QByteArray("secret\r\n") << QByteArray("secret");
        QTest::newRow("only one of two LF") << QByteArray("secret\n\n") << QByteArray("secret\n");
        QTest::newRow("lone CR kept") << QByteArray("secret\r") << QByteArray("secret\r");
        QTest::newRow("inner newlines kept")
            << QByteArray("-----BEGIN-----\nAAA\n-----END-----\n") << QByteArray("-----BEGIN-----\nAAA\n-----END-----");
        QTest::newRow("leading space kept") << QByteArray("  secret \n") << QByteArray("  secret ");
        QTest::newRow("binary") << QByteArray("\x00\xff\x01", 3) << QByteArray("\x00\xff\x01", 3);
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("just LF") << QByteArray("\n") << QByteArray();
    }

    void fileTrailingNewline()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QByteArray, expected);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("s.txt")), contents));
        const auto value = SecretRef::parse(QStringLiteral("file:s.txt")).resolveLocal(dir.path());
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), expected);
    }

    void fileMissing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto value = SecretRef::parse(QStringLiteral("file:nope.txt")).resolveLocal(dir.path());
        QVERIFY(!value.ok());
        const QString message = value.error().message;
        QVERIFY2(message.contains(QStringLiteral("No such file or directory")), qPrintable(message));
        QVERIFY2(message.contains(dir.filePath(QStringLiteral("nope.txt"))), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("file:nope.txt")), qPrintable(message));
    }

    void fileIsAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto value = SecretRef::parse(QStringLiteral("file:.")).resolveLocal(dir.path());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("folder")), qPrintable(value.error().message));
    }

    void fileNotReadable()
    {
        if (::geteuid() == 0) {
            QSKIP("running as root, which may read any file");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("locked.txt"));
        QVERIFY(writeFile(path, "x"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        const auto value = SecretRef::parse(QStringLiteral("file:locked.txt")).resolveLocal(dir.path());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("Permission denied")),
                 qPrintable(value.error().message));
    }

    void fileUnderAFile()
    {
        // An OS refusal that holds even for root: a path through a regular file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("plain.txt")), "x"));
        const auto value = SecretRef::parse(QStringLiteral("file:plain.txt/pw")).resolveLocal(dir.path());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("Not a directory")), qPrintable(value.error().message));
    }

    void fileTooLarge()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("big.bin")), QByteArray(1024 * 1024 + 1, 'a')));
        const auto value = SecretRef::parse(QStringLiteral("file:big.bin")).resolveLocal(dir.path());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("1 MiB")), qPrintable(value.error().message));

        QVERIFY(writeFile(dir.filePath(QStringLiteral("max.bin")), QByteArray(1024 * 1024, 'a')));
        const auto max = SecretRef::parse(QStringLiteral("file:max.bin")).resolveLocal(dir.path());
        QVERIFY2(max.ok(), qPrintable(max.error().message));
        QCOMPARE(max.value().size(), 1024 * 1024);
    }

    void literal()
    {
        const auto prefixed = SecretRef::parse(QStringLiteral("literal:file:x")).resolveLocal(QString());
        QVERIFY(prefixed.ok());
        QCOMPARE(prefixed.value(), QByteArray("file:x"));

        const auto bare = SecretRef::parse(QStringLiteral(u"pässwörd")).resolveLocal(QString());
        QVERIFY(bare.ok());
        QCOMPARE(bare.value(), QStringLiteral(u"pässwörd").toUtf8());
    }

    void keychainNeedsResolver()
    {
        const auto value = SecretRef::parse(QStringLiteral("keychain:loans")).resolveLocal(QString());
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(QStringLiteral("keychain resolver")),
                 qPrintable(value.error().message));
        QVERIFY2(value.error().message.contains(QStringLiteral("keychain:loans")), qPrintable(value.error().message));
    }

    void mask_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << QByteArray() << Dots;
        QTest::newRow("1 char") << QByteArray("a") << Dots;
        QTest::newRow("4 chars") << QByteArray("abcd") << Dots;
        QTest::newRow("8 chars") << QByteArray("abcdefgh") << Dots;
        // The tail is shown only when its 4 characters are at most a quarter of the secret.
        QTest::newRow("15 chars") << QByteArray("abcdefghijklmno") << Dots;
        QTest::newRow("16 chars") << QByteArray("abcdefghijklmnop") << Dots + QStringLiteral("mnop");
        QTest::newRow("long token") << QByteArray("eyJhbGciOiJSUzI1NiJ9.payload.sig-abcd")
                                    << Dots + QStringLiteral("abcd");
        // 16 characters in 18 bytes: counted as characters, the tail keeps whole characters.
        QTest::newRow("16 chars, two-byte")
            << QStringLiteral(u"pässwörd-pässwör").toUtf8() << Dots + QStringLiteral(u"swör");
        QTest::newRow("8 chars, two-byte") << QStringLiteral(u"pässwörd").toUtf8() << Dots;
        // 15 characters in 25 bytes: bytes would say "long enough", characters say no.
        QTest::newRow("15 chars, 25 bytes") << QStringLiteral(u"€€€€€abcdefghij").toUtf8() << Dots;
        // Emoji are 4 bytes and 2 UTF-16 units each: 15 characters in 19 UTF-16 units.
        QTest::newRow("15 chars, 19 UTF-16 units") << QStringLiteral(u"abcdefghijk😀x😀y").toUtf8() << Dots;
        QTest::newRow("emoji tail") << QStringLiteral(u"abcdefghijkl😀x😀y").toUtf8() << Dots + QStringLiteral(u"😀x😀y");
        QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7") << Dots;
        QTest::newRow("Latin-1, 20 bytes") << QByteArray("caf\xe9-caf\xe9-caf\xe9-caf\xe9") << Dots;
        QTest::newRow("cut multi-byte at end") << QByteArray("abcdefghijklmnopq\xe2\x82") << Dots;

        // "SCHEME credentials": the length is that of the credentials, not of the whole value.
        QTest::newRow("Bearer, 14-char token") << QByteArray("Bearer tok-0123456789") << Dots;
        QTest::newRow("Bearer, 15-char token") << QByteArray("Bearer tok-0123456789a") << Dots;
        QTest::newRow("Bearer, 16-char token")
            << QByteArray("Bearer tok-0123456789ab") << Dots + QStringLiteral("89ab");
        QTest::newRow("documented example")
            << QByteArray("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-abcd") << Dots + QStringLiteral("abcd");
        QTest::newRow("bearer, two spaces") << QByteArray("bearer  tok-0123456789a") << Dots;
        QTest::newRow("other scheme, 15") << QByteArray("Token abcdefghijklmno") << Dots;
        QTest::newRow("other scheme, 16") << QByteArray("Token abcdefghijklmnop") << Dots + QStringLiteral("mnop");
        QTest::newRow("scheme, multi-byte 15") << QStringLiteral(u"Bearer €€€€€abcdefghij").toUtf8() << Dots;

        // Basic: the base64 tail encodes the password's tail, so the decoded password counts.
        const auto basic = [](const QByteArray& userPassword) -> QByteArray {
            return "Basic " + userPassword.toBase64();
        };
        QTest::newRow("Basic u:pass") << basic("u:pass") << Dots;
        QTest::newRow("Basic dTpwYXNz") << QByteArray("Basic dTpwYXNz") << Dots;
        QTest::newRow("Basic long user, short password") << basic("a-very-long-user-name-indeed:pw") << Dots;
        QTest::newRow("Basic 15-char password") << basic("acme:pw-0123456789ab") << Dots;
        QTest::newRow("Basic 16-char password")
            << basic("acme:pw-0123456789abc")
            << Dots + QString::fromLatin1(QByteArray("acme:pw-0123456789abc").toBase64().right(4));
        QTest::newRow("Basic 15 chars, 2-byte password")
            << basic(QStringLiteral(u"u:€€€€€abcdefghij").toUtf8()) << Dots;
        QTest::newRow("Basic 16 chars, 2-byte password")
            << basic(QStringLiteral(u"u:pässwörd-pässwör").toUtf8())
            << Dots + QString::fromLatin1(QStringLiteral(u"u:pässwörd-pässwör").toUtf8().toBase64().right(4));
        QTest::newRow("Basic Latin-1 password") << basic("u:caf\xe9-caf\xe9-caf\xe9-caf\xe9") << Dots;
        // The examples of docs/secrets.md.
        QTest::newRow("docs: Basic acme:hunter22") << QByteArray("Basic YWNtZTpodW50ZXIyMg==") << Dots;
        QTest::newRow("docs: Basic acme:correct-horse-battery")
            << QByteArray("Basic YWNtZTpjb3JyZWN0LWhvcnNlLWJhdHRlcnk=") << Dots + QStringLiteral("cnk=");
        QTest::newRow("Basic not base64") << QByteArray("Basic not*base64*but-long-enough") << Dots;
        QTest::newRow("basic lowercase") << QByteArray("basic dTpwYXNz") << Dots;

        // A passphrase with spaces reads like "SCHEME credentials": judged on the shorter part.
        QTest::newRow("passphrase") << QByteArray("correct horse battery staple") << Dots + QStringLiteral("aple");
        QTest::newRow("short words") << QByteArray("open sesame to all") << Dots;
    }

    void mask()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        QCOMPARE(maskSecret(value), expected);
    }

    void maskNeverShowsTheStart()
    {
        const QByteArray secret("TOPSECRET-head-and-tail");
        const QString masked = maskSecret(secret);
        QVERIFY(!masked.contains(QStringLiteral("TOP")));
        QCOMPARE(masked.size(), 8);
    }
};

QTEST_GUILESS_MAIN(TestSecretRef)
#include "tst_secretref.moc"

#include "util/Headers.h"

#include <QTest>

class TestHeaders final : public QObject
{
    Q_OBJECT

private slots:
    void validate_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("plain") << QByteArray("X-Partner-Id") << QByteArray("p-42") << true << QString();
        QTest::newRow("empty value") << QByteArray("X-Empty") << QByteArray() << true << QString();
        QTest::newRow("CR in value") << QByteArray("X-A") << QByteArray("a\rb") << false
                                     << QStringLiteral("line break");
        QTest::newRow("LF in value") << QByteArray("X-A") << QByteArray("a\nX-Evil: 1") << false
                                     << QStringLiteral("line break");
        QTest::newRow("NUL in value") << QByteArray("X-A") << QByteArray("a\0b", 3) << false << QStringLiteral("NUL");
        QTest::newRow("LF in name") << QByteArray("X-A\nB") << QByteArray("v") << false << QStringLiteral("line break");
        QTest::newRow("space in name") << QByteArray("X A") << QByteArray("v") << false
                                       << QStringLiteral("not allowed in a header name");
        QTest::newRow("colon in name") << QByteArray("X:A") << QByteArray("v") << false
                                       << QStringLiteral("not allowed in a header name");
        QTest::newRow("empty name") << QByteArray() << QByteArray("v") << false << QStringLiteral("empty");
    }

    void validate()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(bool, ok);
        QFETCH(QString, messagePart);

        const auto result = Headers::validate(name, value, QStringLiteral("headers.X"));
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QCOMPARE(result.error().path, QStringLiteral("headers.X"));
            QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
        }
    }

    void lookupIsCaseInsensitive()
    {
        const HeaderList headers {{"Content-Type", "application/json"}, {"X-Empty", ""}};
        QCOMPARE(Headers::value(headers, "content-type"), QByteArray("application/json"));
        QVERIFY(Headers::contains(headers, "x-empty"));
        QVERIFY(!Headers::value(headers, "x-empty").isNull());
        QVERIFY(Headers::value(headers, "missing").isNull());
    }
};

QTEST_GUILESS_MAIN(TestHeaders)
#include "tst_headers.moc"

#include "TestSupport.h"
#include "model/Event.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestEvent final : public QObject
{
    Q_OBJECT

private slots:
    void documentedExampleParses()
    {
        const auto event = Event::fromJson(R"({ "id": "evt_123", "type": "policy.bound", "subject": "policy/abc",
  "timestamp": "2026-11-23T10:00:00Z", "data": { "policyId": "abc" } })");
        QVERIFY2(event.ok(), qPrintable(event.error().toString()));
        QCOMPARE(event->id(), u"evt_123"_s);
        QCOMPARE(event->type(), u"policy.bound"_s);
        QCOMPARE(event->subject(), u"policy/abc"_s);
        QCOMPARE(event->timestamp(), u"2026-11-23T10:00:00Z"_s);
        QCOMPARE(event->data().toObject().value(u"policyId"_s).toString(), u"abc"_s);
    }

    void extraKeysAreKeptForTheWire()
    {
        const QByteArray json = R"({"type":"t","specversion":"1.0","data":[1,2.5,"x",null,true]})";
        const auto event = Event::fromJson(json);
        QVERIFY(event.ok());
        QCOMPARE(event->object().value(u"specversion"_s).toString(), u"1.0"_s);
        QCOMPARE(QJsonDocument::fromJson(event->toCompactJson()).object(), QJsonDocument::fromJson(json).object());
        QVERIFY(!event->toCompactJson().contains('\n'));
    }

    void validTimestamps_data()
    {
        QTest::addColumn<QString>("timestamp");
        QTest::addColumn<bool>("ok");
        QTest::newRow("Z") << u"2026-11-23T10:00:00Z"_s << true;
        QTest::newRow("ms Z") << u"2026-11-23T10:00:00.123Z"_s << true;
        QTest::newRow("offset") << u"2026-11-23T10:00:00+01:00"_s << true;
        QTest::newRow("negative offset micro") << u"2026-11-23T10:00:00.123456-05:30"_s << true;
        QTest::newRow("lowercase t z") << u"2026-11-23t10:00:00z"_s << true;
        QTest::newRow("no offset") << u"2026-11-23T10:00:00"_s << false;
        QTest::newRow("date only") << u"2026-11-23"_s << false;
        QTest::newRow("feb 30") << u"2026-02-30T10:00:00Z"_s << false;
        QTest::newRow("hour 25") << u"2026-11-23T25:00:00Z"_s << false;
        QTest::newRow("offset 24h") << u"2026-11-23T10:00:00+24:00"_s << false;
        QTest::newRow("unix seconds as text") << u"1795428000"_s << false;
        QTest::newRow("words") << u"yesterday"_s << false;
    }

    void validTimestamps()
    {
        QFETCH(QString, timestamp);
        QFETCH(bool, ok);
        QJsonObject object {{u"type"_s, u"t"_s}, {u"timestamp"_s, timestamp}};
        const auto event = Event::fromJson(QJsonDocument(object).toJson(), u"e.json"_s);
        QCOMPARE(event.ok(), ok);
        if (!ok) {
            QCOMPARE(event.error().path, u"timestamp"_s);
            QCOMPARE(event.error().file, u"e.json"_s);
            QVERIFY2(event.error().message.contains(u"RFC 3339"_s), qPrintable(event.error().toString()));
        }
    }

    void invalidEvents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("broken") << QByteArray("{\"type\": \"a\",\n\"data\": {]}") << QString()
                                << u"invalid JSON at line 2"_s;
        QTest::newRow("array") << QByteArray("[{\"type\": \"a\"}]") << QString() << u"one JSON object"_s;
        QTest::newRow("scalar") << QByteArray("42") << QString() << u"invalid JSON"_s;
        QTest::newRow("id number") << QByteArray(R"({"id": 5})") << u"id"_s << u"must be a string, not a number"_s;
        QTest::newRow("type object") << QByteArray(R"({"type": {}})") << u"type"_s << u"must be a string"_s;
        QTest::newRow("subject array") << QByteArray(R"({"subject": []})") << u"subject"_s << u"must be a string"_s;
        QTest::newRow("timestamp number")
            << QByteArray(R"({"timestamp": 1795428000})") << u"timestamp"_s << u"must be a string, not a number"_s;
    }

    void invalidEvents()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        const auto event = Event::fromJson(json, u"e.json"_s);
        QVERIFY(!event.ok());
        QCOMPARE(event.error().path, path);
        QCOMPARE(event.error().file, u"e.json"_s);
        QVERIFY2(event.error().message.contains(fragment), qPrintable(event.error().toString()));
    }

    void newIdIsBase62AndUnique()
    {
        static const QRegularExpression pattern(u"^evt_[0-9A-Za-z]{24}$"_s);
        QSet<QString> seen;
        QSet<QChar> characters;
        for (int i = 0; i < 2000; ++i) {
            const QString id = Event::newId();
            QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
            seen.insert(id);
            for (QChar c : id.mid(4)) {
                characters.insert(c);
            }
        }
        QCOMPARE(seen.size(), 2000);
        // 48000 draws from 62 symbols: all of them show up unless the generator is broken.
        QCOMPARE(characters.size(), 62);
    }

    void fillDefaultsFillsOnlyWhatIsMissing()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(10, 0, 0, 7), Qt::UTC);
        Event empty(QJsonObject {{u"type"_s, u"t"_s}});
        empty.fillDefaults(now);
        QVERIFY(empty.id().startsWith(u"evt_"_s));
        QCOMPARE(empty.timestamp(), u"2026-11-23T10:00:00.007Z"_s);
        // The filled-in timestamp is itself a valid event timestamp.
        QVERIFY(Event::fromJson(empty.toCompactJson()).ok());

        Event given(QJsonObject {{u"id"_s, u"evt_keep"_s}, {u"timestamp"_s, u"2020-01-01T00:00:00Z"_s}});
        given.fillDefaults(now);
        QCOMPARE(given.id(), u"evt_keep"_s);
        QCOMPARE(given.timestamp(), u"2020-01-01T00:00:00Z"_s);

        // A local "now" is written as UTC.
        Event local(QJsonObject {});
        local.fillDefaults(QDateTime(QDate(2026, 11, 23), QTime(11, 0), Qt::OffsetFromUTC, 3600));
        QCOMPARE(local.timestamp(), u"2026-11-23T10:00:00.000Z"_s);
    }

    void withFreshIdChangesOnlyTheId()
    {
        const auto event = Event::fromJson(R"({"id": "evt_a", "type": "t", "data": {"n": 1}})");
        QVERIFY(event.ok());
        const Event copy = event->withFreshId();
        QVERIFY(copy.id() != event->id());
        QVERIFY(copy.id().startsWith(u"evt_"_s));
        QJsonObject a = event->object();
        QJsonObject b = copy.object();
        a.remove(u"id"_s);
        b.remove(u"id"_s);
        QCOMPARE(a, b);
    }

    void makeTakesAnyJsonValue_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("object") << QByteArray(R"({"policyId": "abc"})")
                                << QJsonValue(QJsonObject {{u"policyId"_s, u"abc"_s}});
        QTest::newRow("array") << QByteArray("[1, 2]") << QJsonValue(QJsonArray {1, 2});
        QTest::newRow("number") << QByteArray("42") << QJsonValue(42);
        QTest::newRow("string") << QByteArray(R"("hello")") << QJsonValue(u"hello"_s);
        QTest::newRow("true") << QByteArray("true") << QJsonValue(true);
        QTest::newRow("null") << QByteArray("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("spaces") << QByteArray("  \n 7 \n") << QJsonValue(7);
    }

    void makeTakesAnyJsonValue()
    {
        QFETCH(QByteArray, data);
        QFETCH(QJsonValue, expected);
        const auto event = Event::make(u"invoice.paid"_s, data);
        QVERIFY2(event.ok(), qPrintable(event.error().toString()));
        QCOMPARE(event->type(), u"invoice.paid"_s);
        QCOMPARE(event->data(), expected);
    }

    void makeSaysWhereDataBroke_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unquoted key") << QByteArray("{policyId: 1}") << u"line 1, column 2"_s;
        QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}") << u"line 2, column 10"_s;
        QTest::newRow("empty") << QByteArray("") << u"no value"_s;
        QTest::newRow("two values") << QByteArray("1, 2") << u"more than one value"_s;
        QTest::newRow("bare word") << QByteArray("abc") << u"not valid JSON"_s;
        QTest::newRow("trailing bracket trick") << QByteArray("1]") << u"not valid JSON"_s;
    }

    void makeSaysWhereDataBroke()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, fragment);
        const auto event = Event::make(u"t"_s, data);
        QVERIFY(!event.ok());
        QCOMPARE(event.error().path, u"data"_s);
        QVERIFY2(event.error().message.contains(fragment), qPrintable(event.error().toString()));
    }

    void makeNeedsAType()
    {
        const auto event = Event::make(u" "_s, "{}");
        QVERIFY(!event.ok());
        QCOMPARE(event.error().path, u"type"_s);
    }

    void loadReportsFileAndReason()
    {
        QTemporaryDir dir;
        const auto event = Event::load(dir.filePath(u"nope.json"_s));
        QVERIFY(!event.ok());
        QCOMPARE(event.error().file, dir.filePath(u"nope.json"_s));
        QVERIFY2(event.error().message.contains(u"No such file"_s, Qt::CaseInsensitive),
                 qPrintable(event.error().message));
    }

    void sampleEventsLoad()
    {
        const QString dirPath = TestSupport::sourceDir() + u"/resources/events"_s;
        const QStringList files = QDir(dirPath).entryList({u"*.json"_s}, QDir::Files);
        QVERIFY2(files.size() >= 3, qPrintable(dirPath));
        const QByteArray qrc = TestSupport::readFile(dirPath + u"/events.qrc"_s);
        for (const QString& file : files) {
            const auto event = Event::load(dirPath + u'/' + file);
            QVERIFY2(event.ok(), qPrintable(event.error().toString()));
            // Named after their type, complete envelopes, listed in the resource file.
            QCOMPARE(event->type() + u".json"_s, file);
            QVERIFY(event->id().startsWith(u"evt_"_s));
            QVERIFY(!event->subject().isEmpty());
            QVERIFY(!event->timestamp().isEmpty());
            QVERIFY(event->data().isObject());
            QVERIFY2(qrc.contains(QByteArray("<file>" + file.toUtf8() + "</file>")), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"

#include "history/Database.h"
#include "history/HistoryStore.h"
#include "history/ReceivedStore.h"
#include "secrets/SecretRef.h"

#include "StoreTestSupport.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
ReceivedRecord makeRequest(const QString& eventId)
{
    ReceivedRecord r;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    r.method = QStringLiteral("POST");
    r.path = QStringLiteral("/hook");
    r.headers = {{"Content-Type", "application/json"}, {"webhook-id", eventId.toUtf8()}};
    r.body = "{\"id\":\"" + eventId.toUtf8() + "\"}";
    r.remote = QStringLiteral("127.0.0.1:54122");
    r.verdict = QStringLiteral("accepted");
    r.status = 200;
    r.eventId = eventId;
    r.eventJson = r.body;
    return r;
}

} // namespace

using StoreTestSupport::eventIds;
using StoreTestSupport::rawQuery;

class TestReceivedStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    std::unique_ptr<ReceivedStore> openStore() const { return StoreTestSupport::openStore<ReceivedStore>(dbPath()); }

private slots:
    void init()
    {
        m_dir = StoreTestSupport::freshStoreDir();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void roundTripKeepsEveryByte()
    {
        auto store = openStore();
        QVERIFY(store);

        ReceivedRecord r;
        r.receivedAt = QDateTime(QDate(2026, 11, 23), QTime(10, 0, 0, 123), Qt::UTC);
        r.method = QStringLiteral("PUT");
        r.path = QStringLiteral("/hook/caf\u00e9");
        r.query = QStringLiteral("a=1&b=%20");
        // Order and repeats matter; a Latin-1 octet that is not UTF-8 must come back as is.
        r.headers = {{"Content-Type", "application/octet-stream"},
                     {"X-Tag", "one"},
                     {"X-Tag", "two"},
                     {"X-Latin1", "caf\xe9"},
                     {"X-Utf8", "caf\xc3\xa9"},
                     {"X-Quoted", "a \"quoted\" \\ value\twith a tab"},
                     {"X-Empty", ""}};
        r.body = QByteArray("\x00\x01\xff binary \x00 body", 17);
        r.remote = QStringLiteral("[::1]:40000");
        r.tls = QJsonObject {{QStringLiteral("clientCert"), QStringLiteral("CN=sender")}};
        r.checks = QJsonArray {QJsonObject {{QStringLiteral("check"), QStringLiteral("standard-webhooks")},
                                            {QStringLiteral("ok"), false},
                                            {QStringLiteral("detail"), QStringLiteral("timestamp 412 s old")}}};
        r.verdict = QStringLiteral("rejected");
        r.status = 401;
        r.duplicate = true;
        r.eventId = QStringLiteral("evt_1");
        r.eventJson = R"({"id":"evt_1","type":"policy.bound"})";

        const auto seq = store->add(r);
        QVERIFY2(seq, qPrintable(seq.error().toString()));
        QVERIFY(seq.value() > 0);

        const auto got = store->bySeq(seq.value());
        QVERIFY(got);
        QCOMPARE(got->seq, seq.value());
        QCOMPARE(got->receivedAt, r.receivedAt);
        QCOMPARE(got->method, r.method);
        QCOMPARE(got->path, r.path);
        QCOMPARE(got->query, r.query);
        QCOMPARE(got->headers, r.headers);
        QCOMPARE(got->body, r.body);
        QCOMPARE(got->remote, r.remote);
        QCOMPARE(got->tls, r.tls);
        QCOMPARE(got->checks, r.checks);
        QCOMPARE(got->verdict, r.verdict);
        QCOMPARE(got->status, r.status);
        QCOMPARE(got->duplicate, true);
        QCOMPARE(got->eventId, r.eventId);
        QCOMPARE(got->eventJson, r.eventJson);

        // Readable from the sqlite3 shell: UTF-8 values as text, the rest marked base64.
        const QByteArray headersJson =
            rawQuery(dbPath(), QStringLiteral("SELECT headers_json FROM received")).value(0).toByteArray();
        QVERIFY2(headersJson.contains(R"(["X-Utf8","café"])"), headersJson.constData());
        QVERIFY2(headersJson.contains(R"(["X-Latin1","Y2Fm6Q==","base64"])"), headersJson.constData());
        // Written by hand for speed: still JSON any reader parses to the same pairs.
        QJsonParseError parseError;
        const QJsonArray parsed = QJsonDocument::fromJson(headersJson, &parseError).array();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QCOMPARE(parsed.size(), r.headers.size());
        QCOMPARE(parsed.at(5).toArray().at(1).toString(), QStringLiteral("a \"quoted\" \\ value\twith a tab"));

        QVERIFY(!store->bySeq(seq.value() + 1));
        QVERIFY(!store->bySeq(0));
    }

    void seqIsMonotonicAndNeverReused()
    {
        auto store = openStore();
        QVERIFY(store);
        qint64 last = 0;
        for (int i = 0; i < 5; ++i) {
            const auto seq = store->add(makeRequest(QStringLiteral("e%1").arg(i)));
            QVERIFY(seq);
            QVERIFY(seq.value() > last);
            last = seq.value();
        }
        // Even when the newest rows are removed, their numbers are not handed out again.
        rawQuery(dbPath(), QStringLiteral("DELETE FROM received WHERE seq >= %1").arg(last - 1));
        store.reset();
        store = openStore();
        QVERIFY(store);
        const auto next = store->add(makeRequest(QStringLiteral("after")));
        QVERIFY(next);
        QCOMPARE(next.value(), last + 1);
        QCOMPARE(store->count(), qint64(4));
    }

    void latestIsNewestFirstWithPaging()
    {
        auto store = openStore();
        QVERIFY(store);
        QStringList added;
        for (int i = 0; i < 7; ++i) {
            added.prepend(QStringLiteral("e%1").arg(i));
            QVERIFY(store->add(makeRequest(added.first())));
        }
        QCOMPARE(eventIds(store->latest()), added);
        QCOMPARE(eventIds(store->latest(3)), added.mid(0, 3));
        QCOMPARE(eventIds(store->latest(3, 3)), added.mid(3, 3));
        QCOMPARE(eventIds(store->latest(3, 6)), added.mid(6));
        QVERIFY(store->latest(3, 7).isEmpty());
        QCOMPARE(store->count(), qint64(7));
    }

    void seenEventIdForDedupe()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(!store->seenEventId(QStringLiteral("evt_a")));
        QVERIFY(store->add(makeRequest(QStringLiteral("evt_a"))));
        QVERIFY(store->seenEventId(QStringLiteral("evt_a")));
        QVERIFY(!store->seenEventId(QStringLiteral("evt_A"))); // ids are compared exactly
        QVERIFY(!store->seenEventId(QStringLiteral("evt_b")));
        QVERIFY(!store->seenEventId(QStringLiteral("evt_a' OR '1'='1")));

        // A request without an event id is never a duplicate of another.
        QVERIFY(store->add(makeRequest(QString())));
        QVERIFY(!store->seenEventId(QString()));

        // Another process's request counts too (the same file, seen through a new statement).
        auto other = openStore();
        QVERIFY(other);
        QVERIFY(other->add(makeRequest(QStringLiteral("evt_b"))));
        QVERIFY(store->seenEventId(QStringLiteral("evt_b")));

        // The lookup is an index search, not a scan of every stored request.
        const auto db = Database::open(dbPath());
        QVERIFY(db);
        QSqlQuery plan(db.value()->handle());
        QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT 1 FROM received WHERE event_id = 'x' LIMIT 1")));
        QVERIFY(plan.next());
        const QString detail = plan.value(3).toString();
        plan = QSqlQuery(); // before the connection goes
        QVERIFY2(detail.contains(QLatin1String("received_event")), qPrintable(detail));
    }

    void updateResult()
    {
        auto store = openStore();
        QVERIFY(store);
        auto r = makeRequest(QStringLiteral("evt_u"));
        r.verdict.clear();
        r.status = 0;
        const auto seq = store->add(r);
        QVERIFY(seq);
        const QJsonArray checks {QJsonObject {{QStringLiteral("check"), QStringLiteral("basic")},
                                              {QStringLiteral("ok"), true},
                                              {QStringLiteral("detail"), QStringLiteral("user acme")}}};
        const auto done = store->updateResult(seq.value(), QStringLiteral("accepted"), 200, checks, true);
        QVERIFY2(done, qPrintable(done.error().toString()));
        const auto got = store->bySeq(seq.value());
        QVERIFY(got);
        QCOMPARE(got->verdict, QStringLiteral("accepted"));
        QCOMPARE(got->status, 200);
        QCOMPARE(got->checks, checks);
        QCOMPARE(got->duplicate, true);
        QCOMPARE(got->body, r.body); // the rest is untouched

        const auto missing = store->updateResult(seq.value() + 100, QStringLiteral("accepted"), 200, {}, false);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QString::number(seq.value() + 100)));
    }

    void batchInOneTransaction()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->add(makeRequest(QStringLiteral("first"))));
        QList<ReceivedRecord> batch;
        for (int i = 0; i < 300; ++i) {
            batch.append(makeRequest(QStringLiteral("b%1").arg(i)));
        }
        const auto seqs = store->addBatch(batch);
        QVERIFY2(seqs, qPrintable(seqs.error().toString()));
        QCOMPARE(seqs->size(), 300);
        for (int i = 1; i < seqs->size(); ++i) {
            QVERIFY(seqs->at(i) > seqs->at(i - 1));
        }
        QCOMPARE(store->bySeq(seqs->at(0))->eventId, QStringLiteral("b0"));
        QCOMPARE(store->bySeq(seqs->at(299))->eventId, QStringLiteral("b299"));
        QCOMPARE(store->count(), qint64(301));
        const auto none = store->addBatch({});
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void sharesTheFileWithHistory()
    {
        auto received = openStore();
        QVERIFY(received);
        auto history = HistoryStore::open(dbPath());
        QVERIFY2(history, qPrintable(history.error().toString()));
        QCOMPARE(received->path(), history.value()->path());
        QCOMPARE(ReceivedStore::defaultPath(), HistoryStore::defaultPath());
        QVERIFY(received->add(makeRequest(QStringLiteral("r"))));
        QCOMPARE(received->count(), qint64(1));
        QCOMPARE(history.value()->countAttempts(), qint64(0));
    }

    void survivesRestart()
    {
        qint64 seq = 0;
        {
            auto store = openStore();
            QVERIFY(store);
            seq = store->add(makeRequest(QStringLiteral("kept"))).value();
        }
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(store->bySeq(seq)->eventId, QStringLiteral("kept"));
        QVERIFY(store->seenEventId(QStringLiteral("kept")));
    }

    void garbageFileIsRefused()
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        const auto store = ReceivedStore::open(dbPath());
        QVERIFY(!store);
        QCOMPARE(store.error().file, dbPath());
        QVERIFY2(store.error().message.contains(QLatin1String("not a SQLite database")),
                 qPrintable(store.error().toString()));
    }

    void concurrentProcessesLoseNothing()
    {
        constexpr int PerWriter = 1500;
        constexpr int Writers = 3;
        auto store = openStore();
        QVERIFY(store);

        StoreTestSupport::Writers writers;
        // Everyone starts at once, into a locked database; this process writes too, one by one
        // and in batches.
        StoreTestSupport::releaseWriters(
            QStringLiteral(HISTORY_WRITER), QStringLiteral("received"), dbPath(), PerWriter, Writers, writers);
        if (QTest::currentTestFailed()) {
            return;
        }
        qint64 last = 0;
        for (int i = 0; i < PerWriter / 2; ++i) {
            const auto seq = store->add(makeRequest(QStringLiteral("main-%1").arg(i)));
            QVERIFY2(seq, qPrintable(seq.error().toString()));
            QVERIFY(seq.value() > last);
            last = seq.value();
        }
        for (int i = PerWriter / 2; i < PerWriter; i += 20) {
            QList<ReceivedRecord> batch;
            for (int j = i; j < qMin(i + 20, PerWriter); ++j) {
                batch.append(makeRequest(QStringLiteral("main-%1").arg(j)));
            }
            const auto seqs = store->addBatch(batch);
            QVERIFY2(seqs, qPrintable(seqs.error().toString()));
            QVERIFY(seqs->first() > last);
            last = seqs->last();
        }
        StoreTestSupport::finishWriters(writers);
        if (QTest::currentTestFailed()) {
            return;
        }

        const qint64 total = PerWriter * (Writers + 1);
        QCOMPARE(store->count(), total);
        QCOMPARE(
            rawQuery(dbPath(), QStringLiteral("SELECT COUNT(DISTINCT event_id) FROM received")).value(0).toLongLong(),
            total);
        for (int w = 0; w < Writers; ++w) {
            QCOMPARE(rawQuery(dbPath(), QStringLiteral("SELECT COUNT(*) FROM received WHERE remote = 'w%1'").arg(w))
                         .value(0)
                         .toInt(),
                     PerWriter);
            QVERIFY(store->seenEventId(QStringLiteral("w%1-%2").arg(w).arg(PerWriter - 1)));
        }
        store.reset();
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("PRAGMA integrity_check")), QList<QVariant> {QStringLiteral("ok")});
    }
};

QTEST_GUILESS_MAIN(TestReceivedStore)
#include "tst_receivedstore.moc"

#include "history/Database.h"
#include "history/HistoryStore.h"
#include "secrets/SecretRef.h"

#include "StoreTestSupport.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QByteArray Secret = QByteArrayLiteral("tok-9f8e7d6c5b4a-SECRET-Zq81");

// The database file and its WAL companions, every byte of them.
QByteArray rawBytes(const QString& path)
{
    QByteArray out;
    for (const auto& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            out += file.readAll();
        }
    }
    return out;
}

AttemptTrace makeTrace(const QString& profile, const QString& eventId, int status, const QDateTime& startedAt)
{
    AttemptTrace t;
    t.profileName = profile;
    t.eventId = eventId;
    t.eventType = QStringLiteral("policy.bound");
    t.attempt = 1;
    t.maxAttempts = 3;
    t.method = "POST";
    t.url = QStringLiteral("https://hooks.example.com/covered");
    t.requestHeaders = {{"Content-Type", "application/json"}};
    t.requestBody = "{\"id\":\"" + eventId.toUtf8() + "\"}";
    t.status = status;
    t.outcome = status >= 200 && status < 300 ? AttemptTrace::Outcome::Delivered : AttemptTrace::Outcome::Failed;
    t.startedAt = startedAt;
    t.elapsedMs = 12.5;
    return t;
}

// "e2 e1" -> {"e2", "e1"}
QStringList ids(const char* spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

using StoreTestSupport::eventIds;
using StoreTestSupport::rawQuery;

class TestHistoryStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    static std::unique_ptr<HistoryStore> openStore(const QString& path)
    {
        return StoreTestSupport::openStore<HistoryStore>(path);
    }

private slots:
    void init()
    {
        m_dir = StoreTestSupport::freshStoreDir();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void fullTraceRoundTripStaysMasked()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);

        AttemptTrace t = makeTrace(QStringLiteral("Loans staging"),
                                   QStringLiteral("evt_123"),
                                   503,
                                   QDateTime(QDate(2026, 11, 23), QTime(10, 0, 0, 123), Qt::UTC));
        t.attempt = 2;
        t.requestHeaders = {
            {"Content-Type", "application/json"}, {"Authorization", "Bearer " + Secret}, {"X-Partner-Id", "p-42"}};
        t.secretHeaderIndexes = {1};
        t.reason = "Service Unavailable";
        t.responseHeaders = {{"Retry-After", "30"}, {"Content-Type", "text/plain"}};
        t.responseBody = "try later";
        t.tlsProtocol = QStringLiteral("TLSv1.3");
        t.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        t.tlsPeerChain = {QStringLiteral("CN=hooks.example.com"), QStringLiteral("CN=Example CA")};
        t.outcome = AttemptTrace::Outcome::Retrying;
        t.error = QStringLiteral("status 503");
        t.nextDelayMs = 30000;
        t.retryReason = QStringLiteral("Retry-After 30 s is longer than the policy's 2000 ms");
        t.elapsedMs = 48.7;
        const QByteArray eventJson = R"({"id":"evt_123","type":"policy.bound","data":{"policyId":"abc"}})";

        const auto id = store->addAttempt(t, eventJson);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QVERIFY(id.value() > 0);

        const auto records = store->attempts();
        QCOMPARE(records.size(), 1);
        const AttemptRecord& r = records.first();
        QCOMPARE(r.id, id.value());
        QCOMPARE(r.profileName, t.profileName);
        QCOMPARE(r.eventId, t.eventId);
        QCOMPARE(r.eventType, t.eventType);
        QCOMPARE(r.attempt, 2);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.outcome, QStringLiteral("retrying"));
        QCOMPARE(r.startedAt, t.startedAt);
        QCOMPARE(r.startedAt.timeSpec(), Qt::UTC);
        QCOMPARE(r.elapsedMs, 48.7);
        QCOMPARE(r.url, t.url);
        QCOMPARE(r.eventJson, eventJson);

        // The stored trace is the masked one, and nothing else about it was lost.
        const AttemptTrace& s = r.trace;
        const QByteArray masked = maskSecret(QByteArray("Bearer " + Secret)).toUtf8();
        QVERIFY(!masked.contains(Secret));
        QCOMPARE(s.requestHeaders.size(), 3);
        QCOMPARE(s.requestHeaders.at(1).first, QByteArray("Authorization"));
        QCOMPARE(s.requestHeaders.at(1).second, masked);
        QCOMPARE(s.displayHeaderValue(1, true), masked); // no way back to the secret
        QCOMPARE(s.requestHeaders.at(2), (QPair<QByteArray, QByteArray>("X-Partner-Id", "p-42")));
        QCOMPARE(s.secretHeaderIndexes, QSet<int> {1});
        QCOMPARE(s.method, t.method);
        QCOMPARE(s.requestBody, t.requestBody);
        QCOMPARE(s.reason, t.reason);
        QCOMPARE(s.responseHeaders, t.responseHeaders);
        QCOMPARE(s.responseBody, t.responseBody);
        QCOMPARE(s.tlsProtocol, t.tlsProtocol);
        QCOMPARE(s.tlsCipher, t.tlsCipher);
        QCOMPARE(s.tlsPeerChain, t.tlsPeerChain);
        QCOMPARE(s.error, t.error);
        QCOMPARE(s.nextDelayMs, t.nextDelayMs);
        QCOMPARE(s.retryReason, t.retryReason);
        QCOMPARE(s.maxAttempts, t.maxAttempts);
        QCOMPARE(s.startedAt, t.startedAt);

        // Every byte on disk: the masked value and the neighbours are there, the secret is not.
        const auto checkFile = [&] {
            const QByteArray bytes = rawBytes(dbPath());
            QVERIFY(bytes.contains("p-42"));
            QVERIFY(bytes.contains(masked));
            QVERIFY(!bytes.contains(Secret));
            QVERIFY(!bytes.contains(Secret.right(12)));
        };
        checkFile();
        store.reset(); // closing checkpoints the WAL into the main file
        QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-wal")));
        checkFile();
    }

    void minimalTrace()
    {
        // What a network error before any answer looks like: no profile, no type, no status.
        auto store = openStore(dbPath());
        QVERIFY(store);
        AttemptTrace t;
        t.error = QStringLiteral("connection refused");
        const auto id = store->addAttempt(t, {});
        QVERIFY2(id, qPrintable(id.error().toString()));
        const auto records = store->attempts();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().profileName, QString());
        QCOMPARE(records.first().status, 0);
        QCOMPARE(records.first().outcome, QStringLiteral("failed"));
        QVERIFY(records.first().startedAt.isValid()); // stamped when the engine left it empty
        QCOMPARE(records.first().trace.error, t.error);
        QCOMPARE(records.first().eventJson, QByteArray());
    }

    void filters()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        const QDateTime t0(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        const struct
        {
            const char* profile;
            const char* event;
            int status;
            int minute;
        } rows[] = {
            {"A", "e1", 200, 0},
            {"A", "e2", 500, 1},
            {"B", "e2", 500, 2},
            {"B", "e3", 0, 3},
            {"A", "e4", 200, 4},
        };
        for (const auto& row : rows) {
            QVERIFY(store->addAttempt(makeTrace(QString::fromLatin1(row.profile),
                                                QString::fromLatin1(row.event),
                                                row.status,
                                                t0.addSecs(60 * row.minute)),
                                      {}));
        }

        const auto check = [&](const HistoryQuery& q, const char* expectedIds) {
            const QStringList expected = ids(expectedIds);
            const auto got = eventIds(store->attempts(q));
            QCOMPARE(got, expected);
            QCOMPARE(store->countAttempts(q), qint64(expected.size()));
        };
        HistoryQuery q;
        check(q, "e4 e3 e2 e2 e1");

        q = {};
        q.profileName = QStringLiteral("A");
        check(q, "e4 e2 e1");

        q = {};
        q.eventId = QStringLiteral("e2");
        check(q, "e2 e2");
        QCOMPARE(store->attempts(q).at(0).profileName, QStringLiteral("B")); // newer one first

        q = {};
        q.status = 500;
        check(q, "e2 e2");
        q.status = 0; // no HTTP answer is a status of its own, not "any"
        check(q, "e3");

        q = {};
        q.from = t0.addSecs(60); // inclusive
        check(q, "e4 e3 e2 e2");
        q.to = t0.addSecs(3 * 60); // exclusive
        check(q, "e2 e2");
        q.from = {};
        check(q, "e2 e2 e1");

        // A local-time bound means the same instant as its UTC form.
        q = {};
        q.from = t0.addSecs(4 * 60).toOffsetFromUtc(5 * 3600);
        check(q, "e4");

        q = {};
        q.profileName = QStringLiteral("B");
        q.status = 500;
        q.eventId = QStringLiteral("e2");
        q.from = t0;
        q.to = t0.addSecs(3 * 60);
        check(q, "e2");

        q = {};
        q.profileName = QStringLiteral("nobody");
        check(q, "");
        q = {};
        q.profileName = QStringLiteral("A' OR '1'='1"); // bound, never spliced into the SQL
        check(q, "");
    }

    void newestFirstLimitAndOffset()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        const QDateTime t0(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        // Out of time order, with two rows sharing an instant (the later id comes first).
        const int minutes[] = {5, 1, 9, 3, 7, 3, 0, 8, 2, 6};
        for (int i = 0; i < 10; ++i) {
            QVERIFY(store->addAttempt(makeTrace(QStringLiteral("P"),
                                                QStringLiteral("m%1-%2").arg(minutes[i]).arg(i),
                                                200,
                                                t0.addSecs(60 * minutes[i])),
                                      {}));
        }
        HistoryQuery all;
        all.limit = 100;
        const QStringList expected = ids("m9-2 m8-7 m7-4 m6-9 m5-0 m3-5 m3-3 m2-8 m1-1 m0-6");
        QCOMPARE(eventIds(store->attempts(all)), expected);

        QStringList paged;
        HistoryQuery page;
        page.limit = 3;
        for (page.offset = 0; page.offset < 12; page.offset += 3) {
            const auto got = store->attempts(page);
            QCOMPARE(got.size(), qMin(3, 10 - page.offset));
            paged += eventIds(got);
        }
        QCOMPARE(paged, expected);

        page.offset = 20;
        QVERIFY(store->attempts(page).isEmpty());
        QCOMPARE(store->countAttempts(page), qint64(10)); // count ignores paging

        HistoryQuery unlimited;
        unlimited.limit = -1;
        QCOMPARE(store->attempts(unlimited).size(), 10);
    }

    void survivesRestart()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            auto store = openStore(dbPath());
            QVERIFY(store);
            QVERIFY(store->addAttempt(makeTrace(QStringLiteral("P"), QStringLiteral("before"), 200, now), {}));
            // A second instance in the same thread has its own connection and sees the row.
            auto other = openStore(dbPath());
            QVERIFY(other);
            QCOMPARE(other->countAttempts(), qint64(1));
        }
        auto store = openStore(dbPath());
        QVERIFY(store);
        QCOMPARE(eventIds(store->attempts()), QStringList {QStringLiteral("before")});
        QVERIFY(store->addAttempt(makeTrace(QStringLiteral("P"), QStringLiteral("after"), 200, now.addSecs(1)), {}));
        QCOMPARE(store->countAttempts(), qint64(2));
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("PRAGMA user_version")).value(0).toInt(), Database::SchemaVersion);
    }

    void connectionSettings()
    {
        auto db = Database::open(dbPath());
        QVERIFY2(db, qPrintable(db.error().toString()));
        const auto pragma = [&](const char* name) {
            QSqlQuery q(db.value()->handle());
            q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name));
            return q.next() ? q.value(0).toString() : QString();
        };
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("synchronous"), QStringLiteral("1")); // NORMAL
        QCOMPARE(pragma("busy_timeout"), QString::number(Database::BusyTimeoutMs));
        QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma("user_version"), QString::number(Database::SchemaVersion));
        QCOMPARE(pragma("application_id"), QString::number(Database::ApplicationId));
        // The query plans use the indexes, so the history stays fast as it grows.
        const auto plan = [&](const QString& sql) {
            QSqlQuery q(db.value()->handle());
            q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
            QString out;
            while (q.next()) {
                out += q.value(3).toString() + QLatin1Char('\n');
            }
            return out;
        };
        QVERIFY(plan(QStringLiteral("SELECT id FROM attempts WHERE profile_name = 'A' ORDER BY started_at DESC"))
                    .contains(QLatin1String("attempts_profile")));
        QVERIFY(plan(QStringLiteral("SELECT id FROM attempts WHERE event_id = 'e'"))
                    .contains(QLatin1String("attempts_event")));
        QVERIFY(plan(QStringLiteral("SELECT id FROM attempts WHERE status = 500 ORDER BY started_at DESC"))
                    .contains(QLatin1String("attempts_status")));
        QVERIFY(plan(QStringLiteral("SELECT id FROM attempts ORDER BY started_at DESC, id DESC LIMIT 10"))
                    .contains(QLatin1String("attempts_started")));
    }

    void dataDirFromEnvironment()
    {
        const QByteArray saved = qgetenv("HOOKBENCH_DATA_DIR");
        const auto restore = qScopeGuard([&] { qputenv("HOOKBENCH_DATA_DIR", saved); });

        const QString dir = m_dir->filePath(QStringLiteral("custom/data"));
        qputenv("HOOKBENCH_DATA_DIR", dir.toUtf8());
        QCOMPARE(HistoryStore::dataDir(), dir);
        QVERIFY(QFileInfo(dir).isDir()); // created on demand
        QCOMPARE(HistoryStore::defaultPath(), dir + QStringLiteral("/history.sqlite"));
        {
            auto store = HistoryStore::open();
            QVERIFY2(store, qPrintable(store.error().toString()));
            QCOMPARE(store.value()->path(), dir + QStringLiteral("/history.sqlite"));
            QVERIFY(store.value()->addAttempt(
                makeTrace(QStringLiteral("P"), QStringLiteral("e"), 200, QDateTime::currentDateTimeUtc()), {}));
        }
        QCOMPARE(rawQuery(dir + QStringLiteral("/history.sqlite"), QStringLiteral("SELECT COUNT(*) FROM attempts"))
                     .value(0)
                     .toInt(),
                 1);

        qunsetenv("HOOKBENCH_DATA_DIR");
        QCOMPARE(HistoryStore::dataDir(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }

    void folderThatCannotBeCreated()
    {
        // A file where the folder should be: no user, root included, can create it.
        const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto store = HistoryStore::open(blocker + QStringLiteral("/sub/history.sqlite"));
        QVERIFY(!store);
        QCOMPARE(store.error().file, blocker + QStringLiteral("/sub"));
        QVERIFY2(store.error().message.contains(QLatin1String("cannot create the history folder")),
                 qPrintable(store.error().toString()));
        QVERIFY(store.error().message.contains(QLatin1String("HOOKBENCH_DATA_DIR")));
    }

    void unwritableFolder()
    {
        const QString folder = m_dir->filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        const auto restore =
            qScopeGuard([&] { QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
        QFile probe(folder + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            QSKIP("permissions do not bind this user (root?): covered by folderThatCannotBeCreated");
        }
        const auto store = HistoryStore::open(folder + QStringLiteral("/history.sqlite"));
        QVERIFY(!store);
        QCOMPARE(store.error().file, folder);
        QVERIFY2(store.error().message.contains(QLatin1String("not writable")), qPrintable(store.error().toString()));
    }

    void garbageFileIsRefusedAndLeftAlone()
    {
        QByteArray garbage;
        for (int i = 0; i < 200; ++i) {
            garbage += "this is a text file, not a database. ";
        }
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();

        const auto store = HistoryStore::open(dbPath());
        QVERIFY(!store);
        QCOMPARE(store.error().file, dbPath());
        QVERIFY2(store.error().message.contains(QLatin1String("not a SQLite database")),
                 qPrintable(store.error().toString()));
        QCOMPARE(TestSupport::readFile(dbPath()), garbage);
    }

    void foreignSqliteFileIsRefused()
    {
        rawQuery(dbPath(), QStringLiteral("PRAGMA application_id = 1234"));
        rawQuery(dbPath(), QStringLiteral("CREATE TABLE mine (x)"));
        const auto store = HistoryStore::open(dbPath());
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QLatin1String("another program")),
                 qPrintable(store.error().toString()));
        QVERIFY(rawQuery(dbPath(), QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'attempts'")).isEmpty());
    }

    void newerSchemaIsRefused()
    {
        QVERIFY(openStore(dbPath()));
        rawQuery(dbPath(), QStringLiteral("PRAGMA user_version = %1").arg(Database::SchemaVersion + 1));
        const auto store = HistoryStore::open(dbPath());
        QVERIFY(!store);
        QCOMPARE(store.error().file, dbPath());
        QVERIFY2(store.error().message.contains(QStringLiteral("schema version %1, newer than this build of HookBench "
                                                               "knows (%2)")
                                                    .arg(Database::SchemaVersion + 1)
                                                    .arg(Database::SchemaVersion)),
                 qPrintable(store.error().toString()));
    }

    void olderSchemaIsMigrated()
    {
        // A file of schema version 1 (attempts only), as the first release wrote it.
        {
            auto store = openStore(dbPath());
            QVERIFY(store);
            QVERIFY(store->addAttempt(makeTrace(QStringLiteral("P"), QStringLiteral("old"), 200, {}), {}));
        }
        rawQuery(dbPath(), QStringLiteral("DROP TABLE received"));
        rawQuery(dbPath(), QStringLiteral("PRAGMA user_version = 1"));
        QVERIFY(openStore(dbPath()));
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("PRAGMA user_version")).value(0).toInt(), Database::SchemaVersion);
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'received'")).size(),
                 1);
    }

    void batchInsert()
    {
        auto store = openStore(dbPath());
        QVERIFY(store);
        QVERIFY(store->addAttempts({}));
        QList<QPair<AttemptTrace, QByteArray>> batch;
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 500; ++i) {
            batch.append({makeTrace(QStringLiteral("batch"), QStringLiteral("b%1").arg(i), 200, t0.addMSecs(i)),
                          QByteArray("{\"n\":") + QByteArray::number(i) + '}'});
        }
        const auto done = store->addAttempts(batch);
        QVERIFY2(done, qPrintable(done.error().toString()));
        QCOMPARE(store->countAttempts(), qint64(500));
        HistoryQuery q;
        q.limit = -1;
        const auto records = store->attempts(q);
        QCOMPARE(records.size(), 500);
        QCOMPARE(records.first().eventId, QStringLiteral("b499"));
        QCOMPARE(records.first().eventJson, QByteArray("{\"n\":499}"));
        QCOMPARE(records.last().eventId, QStringLiteral("b0"));
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("PRAGMA integrity_check")).value(0).toString(),
                 QStringLiteral("ok"));
    }

    void concurrentProcessesLoseNothing()
    {
        constexpr int PerWriter = 1500;
        constexpr int Writers = 3;
        auto store = openStore(dbPath());
        QVERIFY(store);

        StoreTestSupport::Writers writers;
        // Everyone starts at once, into a locked database; this process writes too, one by one
        // and in batches.
        StoreTestSupport::releaseWriters(
            QStringLiteral(HISTORY_WRITER), QStringLiteral("attempts"), dbPath(), PerWriter, Writers, writers);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < PerWriter / 2; ++i) {
            const auto id = store->addAttempt(makeTrace(QStringLiteral("main"), QString::number(i), 200, now), {});
            QVERIFY2(id, qPrintable(id.error().toString()));
        }
        for (int i = PerWriter / 2; i < PerWriter; i += 20) {
            QList<QPair<AttemptTrace, QByteArray>> batch;
            for (int j = i; j < qMin(i + 20, PerWriter); ++j) {
                batch.append({makeTrace(QStringLiteral("main"), QString::number(j), 200, now), {}});
            }
            const auto done = store->addAttempts(batch);
            QVERIFY2(done, qPrintable(done.error().toString()));
        }
        StoreTestSupport::finishWriters(writers);
        if (QTest::currentTestFailed()) {
            return;
        }

        QCOMPARE(store->countAttempts(), qint64(PerWriter * (Writers + 1)));
        for (int w = 0; w < Writers; ++w) {
            HistoryQuery q;
            q.profileName = QStringLiteral("w%1").arg(w);
            QCOMPARE(store->countAttempts(q), qint64(PerWriter));
        }
        QCOMPARE(
            rawQuery(dbPath(), QStringLiteral("SELECT COUNT(DISTINCT profile_name || '/' || event_id) FROM attempts"))
                .value(0)
                .toInt(),
            PerWriter * (Writers + 1));
        store.reset();
        QCOMPARE(rawQuery(dbPath(), QStringLiteral("PRAGMA integrity_check")), QList<QVariant> {QStringLiteral("ok")});
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"

// BatchWriter (batches stored on a thread of their own) and WalCheckpointer (WAL checkpoints
// off the writing thread): what the receiver relies on to answer only stored requests while
// keeping its own thread free.
#include "history/BatchWriter.h"
#include "history/ReceivedStore.h"
#include "history/WalCheckpointer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>

namespace {

ReceivedRecord makeRequest(int n, int bodyBytes = 200)
{
    ReceivedRecord r;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    r.method = QStringLiteral("POST");
    r.path = QStringLiteral("/hook");
    r.headers = {{"Content-Type", "application/json"}, {"webhook-id", "evt_" + QByteArray::number(n)}};
    r.body = "{\"id\":\"evt_" + QByteArray::number(n) + "\",\"pad\":\"" + QByteArray(bodyBytes, 'x') + "\"}";
    r.remote = QStringLiteral("127.0.0.1:54122");
    r.verdict = QStringLiteral("accepted");
    r.status = 200;
    return r;
}

QList<ReceivedRecord> makeBatch(int first, int count, int bodyBytes = 200)
{
    QList<ReceivedRecord> batch;
    for (int n = first; n < first + count; ++n) {
        batch.append(makeRequest(n, bodyBytes));
    }
    return batch;
}

// From a connection of the test's own.
QVariant scalar(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    QVariant out;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next()) {
                out = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

class TestBatchWriter final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

private slots:
    void init()
    {
        QString root = qEnvironmentVariable("HOOKBENCH_DATA_DIR");
        if (root.isEmpty()) {
            root = QDir::tempPath();
        }
        QDir().mkpath(root);
        m_dir = std::make_unique<QTemporaryDir>(root + QStringLiteral("/XXXXXX"));
        QVERIFY(m_dir->isValid());
    }

    void batchesAreStoredInOrderOnAnotherThread()
    {
        std::atomic<int> notified {0};
        std::atomic<bool> onOtherThread {true};
        const auto self = std::this_thread::get_id();
        auto opened = BatchWriter::start(dbPath(), [&] {
            if (std::this_thread::get_id() == self) {
                onOtherThread = false;
            }
            ++notified;
        });
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        auto writer = std::move(opened).value();

        // Handed over in five parts without waiting: each part joins the batch the thread
        // takes next, so there may be fewer batches than parts, but never a request lost or
        // out of order.
        for (int part = 0; part < 5; ++part) {
            writer->submit(makeBatch(part * 10, 10));
        }
        writer->wait();
        const auto stored = writer->takeStored();
        QVERIFY(!stored.isEmpty());
        qsizetype total = 0;
        qint64 last = 0;
        for (const auto& batch : stored) {
            QVERIFY2(batch.seqs, qPrintable(batch.seqs ? QString() : batch.seqs.error().toString()));
            QCOMPARE(batch.seqs.value().size(), batch.count);
            for (const qint64 seq : batch.seqs.value()) {
                QVERIFY(seq > last);
                last = seq;
            }
            total += batch.count;
        }
        QCOMPARE(total, qsizetype(50));
        // Taken once: a late notification finds nothing to answer twice.
        QVERIFY(writer->takeStored().isEmpty());
        QTRY_COMPARE(notified.load(), int(stored.size()));
        QVERIFY(onOtherThread.load());

        // Committed: another connection sees all of them, in the order handed over.
        QCOMPARE(scalar(dbPath(), QStringLiteral("SELECT COUNT(*) FROM received")).toInt(), 50);
        auto store = ReceivedStore::open(dbPath());
        QVERIFY(store);
        const auto latest = store.value()->latest(1);
        QCOMPARE(latest.size(), 1);
        QCOMPARE(latest.first().seq, last);
        QCOMPARE(latest.first().headers.last().second, QByteArray("evt_49"));
    }

    void aFailedBatchIsReportedWithItsSize()
    {
        auto opened = BatchWriter::start(dbPath());
        QVERIFY(opened);
        auto writer = std::move(opened).value();
        {
            // The table goes away under the writer: its next commit fails.
            const QString name = QUuid::createUuid().toString();
            {
                auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(dbPath());
                QVERIFY(db.open());
                QSqlQuery drop(db);
                QVERIFY(drop.exec(QStringLiteral("DROP TABLE received")));
            }
            QSqlDatabase::removeDatabase(name);
        }
        writer->submit(makeBatch(0, 7));
        writer->wait();
        const auto stored = writer->takeStored();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().count, qsizetype(7));
        QVERIFY(!stored.first().seqs);
        QVERIFY2(stored.first().seqs.error().toString().contains(QLatin1String("received")),
                 qPrintable(stored.first().seqs.error().toString()));
    }

    void destroyingStoresWhatWasHandedOver()
    {
        {
            auto writer = BatchWriter::start(dbPath());
            QVERIFY(writer);
            writer.value()->submit(makeBatch(0, 200));
            writer.value()->submit(makeBatch(200, 100));
            // No wait(): the destructor must still commit what it was given.
        }
        QCOMPARE(scalar(dbPath(), QStringLiteral("SELECT COUNT(*) FROM received")).toInt(), 300);
    }

    void aFolderThatCannotHoldTheFileIsAnError()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto writer = BatchWriter::start(blocker.fileName() + QStringLiteral("/history.sqlite"));
        QVERIFY(!writer);
        QVERIFY2(writer.error().toString().contains(QLatin1String("folder")), qPrintable(writer.error().toString()));
    }

    // The WAL restarts from its beginning once a checkpoint has copied all of it. With the
    // checkpoints on their own thread the log must still stay near the threshold (1000 pages,
    // about 4 MB), not grow until the writer's fallback (8x).
    void theLogStaysNearTheThresholdWithCheckpointsOffThread()
    {
        auto opened = ReceivedStore::open(dbPath());
        QVERIFY(opened);
        auto store = std::move(opened).value();
        const WalCheckpointer* checkpointer = store->walCheckpointer();
        QVERIFY2(checkpointer, "the checkpoint thread did not start");

        // ~30 MB of requests, about 7 times the threshold, in batches like the receiver's.
        // Waiting for the thread between batches makes the schedule the same on any machine.
        const int batches = 300;
        for (int b = 0; b < batches; ++b) {
            auto seqs = store->addBatch(makeBatch(b * 25, 25, 4000));
            QVERIFY2(seqs, qPrintable(seqs ? QString() : seqs.error().toString()));
            checkpointer->waitIdle();
        }
        QVERIFY(checkpointer->checkpoints() >= 3);
        // The thread did the copying: whenever the writer finished a log itself, it copied only
        // the last few pages (a whole log copied inside a commit is the stall this avoids).
        QVERIFY2(
            checkpointer->largestWriterCopy() <= 64,
            qPrintable(QStringLiteral("the writer copied %1 pages itself").arg(checkpointer->largestWriterCopy())));
        const qint64 walBytes = QFileInfo(dbPath() + QStringLiteral("-wal")).size();
        // 1000 pages of 4 KiB plus the last batches; far below the 8x fallback (~32 MB).
        QVERIFY2(walBytes < 8 * 1024 * 1024, qPrintable(QStringLiteral("WAL is %1 bytes").arg(walBytes)));

        // Nothing lost on the way, and the file is sound.
        QCOMPARE(store->count(), qint64(batches) * 25);
        QCOMPARE(scalar(dbPath(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestBatchWriter)
#include "tst_batchwriter.moc"

#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>
#include <vector>

// The set-up the tests of the SQLite stores (HistoryStore, ReceivedStore) share: a fresh
// database folder for each test function, a connection of the test's own to look at the file
// from outside the store, and history_writer processes that write to the same file at once.
namespace StoreTestSupport {

// For a test's init(): makes the test function fail on a "still in use" warning (a connection
// removed while a query still holds it would be a leak in the store) and returns a fresh folder
// below the test's private HOOKBENCH_DATA_DIR (the system's temporary folder without one).
std::unique_ptr<QTemporaryDir> freshStoreDir();

// A connection of the test's own, to look at the file from outside the store: the first column
// of every row, or the error text as the only value.
QList<QVariant> rawQuery(const QString& path, const QString& sql);

// Store::open(path), with the error as a warning and nullptr when it fails.
template <class Store>
std::unique_ptr<Store> openStore(const QString& path)
{
    auto store = Store::open(path);
    if (!store) {
        qWarning("%s", qPrintable(store.error().toString()));
        return {};
    }
    return std::move(store.value());
}

template <class Record>
QStringList eventIds(const QList<Record>& records)
{
    QStringList out;
    for (const auto& r : records) {
        out << r.eventId;
    }
    return out;
}

using Writers = std::vector<std::unique_ptr<QProcess>>;

// Starts `count` history_writer processes (program) that each store perWriter rows of `kind`
// ("attempts" or "received") tagged w0, w1, ... into the file at path, waits until every one
// has said "ready", then lets them all go at once while another connection holds the write lock
// for a moment, so they certainly meet a locked database and have to wait for it instead of
// failing. Check QTest::currentTestFailed() afterwards.
void releaseWriters(const QString& program,
                    const QString& kind,
                    const QString& path,
                    int perWriter,
                    int count,
                    Writers& writers);

// Waits for every writer to end well, having said "done".
void finishWriters(const Writers& writers);

} // namespace StoreTestSupport

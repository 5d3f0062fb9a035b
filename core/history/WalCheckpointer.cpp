#include "WalCheckpointer.h"

#include "Database.h"

#include <sqlite3.h>

#include <algorithm>

namespace {

// The writer checkpoints itself only when the log is this many times the threshold.
constexpr int WriterFallbackFactor = 8;
// ...and finishes the thread's work when at most this many pages are left to copy.
constexpr int WriterFinishPages = 64;
constexpr int BusyTimeoutMs = 5000;

} // namespace

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(sqlite3* writer, const QString& path, int thresholdPages)
{
    if (!writer) {
        return nullptr;
    }
    sqlite3* own = nullptr;
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        qCWarning(lcHistory) << "cannot open a checkpoint connection to" << path << sqlite3_errmsg(own)
                             << "; checkpoints stay with the writer";
        sqlite3_close(own);
        return nullptr;
    }
    sqlite3_busy_timeout(own, BusyTimeoutMs);
    // A connection reads the file only when first used; until then a checkpoint on it does
    // nothing (it does not know the database is in WAL mode).
    char* message = nullptr;
    if (sqlite3_exec(own, "PRAGMA journal_mode", nullptr, nullptr, &message) != SQLITE_OK) {
        qCWarning(lcHistory) << "cannot read" << path << "for checkpoints:" << message
                             << "; checkpoints stay with the writer";
        sqlite3_free(message);
        sqlite3_close(own);
        return nullptr;
    }
    std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(writer, own, thresholdPages));
    sqlite3_wal_hook(writer, &WalCheckpointer::walHook, checkpointer.get());
    return checkpointer;
}

WalCheckpointer::WalCheckpointer(sqlite3* writer, sqlite3* own, int thresholdPages)
    : m_writer(writer)
    , m_own(own)
    , m_thresholdPages(thresholdPages)
    , m_thread([this] { run(); })
{ }

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_own);
}

int WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::waitIdle() const
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_running; });
}

int WalCheckpointer::largestWriterCopy() const
{
    std::lock_guard lock(m_mutex);
    return m_largestWriterCopy;
}

int WalCheckpointer::writerCheckpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_writerCheckpoints;
}

// Runs on the writer's thread after every commit, with the WAL's size in pages.
int WalCheckpointer::walHook(void* self, sqlite3* db, const char* schema, int pages)
{
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    std::unique_lock lock(checkpointer->m_mutex);
    if (pages < checkpointer->m_lastPages) {
        // A new log (the last one was copied whole): what the thread copied was of the old one.
        checkpointer->m_backfilled = 0;
    }
    checkpointer->m_lastPages = pages;
    if (pages < checkpointer->m_thresholdPages) {
        return SQLITE_OK;
    }
    // SQLite starts the log afresh only in a write transaction that finds all of it copied, and
    // under steady load the thread is always some commits behind. Once it is nearly caught up,
    // the writer copies the rest itself (a few pages), and its next commit starts a new log.
    const int behind = pages - checkpointer->m_backfilled;
    const bool fallback = pages >= checkpointer->m_thresholdPages * WriterFallbackFactor;
    if (!checkpointer->m_running && (behind <= WriterFinishPages || fallback)) {
        lock.unlock();
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        checkpointer->m_backfilled = 0; // the next log starts at frame 1
        ++checkpointer->m_writerCheckpoints;
        if (!fallback) {
            checkpointer->m_largestWriterCopy = std::max(checkpointer->m_largestWriterCopy, behind);
        }
        return SQLITE_OK;
    }
    if (!checkpointer->m_running) {
        checkpointer->m_running = true;
        lock.unlock();
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_running || m_stopping; });
        if (m_stopping) {
            return;
        }
        lock.unlock();
        int logPages = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
            qCWarning(lcHistory) << "WAL checkpoint failed:" << sqlite3_errmsg(m_own);
        }
        lock.lock();
        m_backfilled = rc == SQLITE_OK ? copied : 0;
        m_running = false;
        ++m_checkpoints;
        m_idle.notify_all();
    }
}

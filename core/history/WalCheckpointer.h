#pragma once

#include <QString>
#include <QtGlobal>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

// Moves SQLite's WAL checkpoints off the writing thread.
//
// In WAL mode SQLite copies the log back into the database file (and syncs both) inside the
// commit that crosses wal_autocheckpoint, so every request of that batch waits for two
// fdatasync calls. The receiver answers only after its commit: those waits were its p99 and a
// sizeable share of its time per request. Here the writer's commit only notes the log's size
// (sqlite3_wal_hook, which replaces the automatic checkpoint) and a thread of its own, on a
// connection of its own, runs PASSIVE checkpoints, which never block the writer. Durability is
// unchanged: a commit is in the WAL file when it returns, checkpointed or not.
//
// If the log grows far past the threshold (the checkpointer cannot keep up, or a reader holds an
// old snapshot), the writer checkpoints itself, as SQLite would, so the WAL stays bounded.
class WalCheckpointer final
{
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

public:
    // Installs the hook on `writer` (an open connection to `path`) and starts the thread. Null when
    // the second connection cannot be opened; the writer then keeps SQLite's own autocheckpoint.
    static std::unique_ptr<WalCheckpointer> start(sqlite3* writer, const QString& path, int thresholdPages);
    // Stops the thread and closes its connection; the writer's hook is removed first.
    ~WalCheckpointer();

    // How many checkpoints the thread ran, and how many the writer finished itself (for tests).
    int checkpoints() const;
    int writerCheckpoints() const;
    // The most pages the writer copied itself in one of its finishing checkpoints (the fallback
    // at 8x the threshold not counted): at most a few dozen when the thread does the copying.
    int largestWriterCopy() const;
    // Blocks until the thread is not copying (tests make the schedule deterministic with it).
    void waitIdle() const;

private:
    WalCheckpointer(sqlite3* writer, sqlite3* own, int thresholdPages);
    static int walHook(void* self, sqlite3* db, const char* schema, int pages);
    void run();

    sqlite3* m_writer;
    sqlite3* m_own;
    const int m_thresholdPages;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    mutable std::condition_variable m_idle;
    bool m_stopping = false;
    int m_checkpoints = 0;
    bool m_running = false;      // the thread is copying
    int m_backfilled = 0;        // WAL frames copied as of the thread's last checkpoint
    int m_writerCheckpoints = 0; // the small ones the writer finished itself
    int m_largestWriterCopy = 0;
    int m_lastPages = 0; // the log's size at the writer's last commit
    std::thread m_thread;
};

#pragma once

#include "ReceivedStore.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

// Stores batches of received requests on a thread of its own, with its own connection to the
// history file, so the receiver's thread parses, verifies and answers while the previous batch
// is written. One batch at a time: the caller hands over the next one when told the last is done
// (the batches grow with the load, and each still commits in one transaction before any of its
// requests is answered).
class BatchWriter final
{
    Q_DISABLE_COPY_MOVE(BatchWriter)

public:
    // Opens the store at `path` on the new thread; the error when it cannot be opened.
    static Result<std::unique_ptr<BatchWriter>> start(const QString& path);
    // Finishes the batch in hand, then stops the thread and closes its connection.
    ~BatchWriter();

    // Hands over a batch (none may be in hand). `stored` runs on the writer's thread once the
    // batch is committed or failed; the result is then ready for takeResult().
    void submit(QList<ReceivedRecord> records, std::function<void()> stored);
    // Blocks until the batch in hand is committed or failed.
    void wait();
    // The result of the batch last handed over, once: seqs in the order of its records.
    // Empty while it is being written and after it was taken.
    std::optional<Result<QList<qint64>>> takeResult();
    bool busy() const;

private:
    BatchWriter() = default;
    void run(const QString& path, std::promise<Result<void>>* opened);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::optional<QList<ReceivedRecord>> m_job;
    std::function<void()> m_stored;
    bool m_ready = false; // a result waits to be taken: m_seqs, or m_error when it failed
    QList<qint64> m_seqs;
    std::optional<Error> m_error;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};

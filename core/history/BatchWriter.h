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
#include <thread>

// Stores received requests on a thread of its own, with its own connection to the history file,
// so the receiver's thread parses, verifies and answers while earlier requests are written.
//
// Requests handed over while the thread is busy wait together; when it is free it takes all of
// them as one batch, committed in one transaction. Under load the batches grow by themselves and
// the thread never waits for the receiver's to hand over the next one. Each request is answered
// only after the transaction that holds it committed (takeStored()).
class BatchWriter final
{
    Q_DISABLE_COPY_MOVE(BatchWriter)

public:
    // One batch as it was committed: the seqs in the order its requests were handed over, or
    // the error that kept all of them out of the history.
    struct Stored
    {
        qsizetype count = 0;
        Result<QList<qint64>> seqs = QList<qint64>();
    };

    // Opens the store at `path` on the new thread; the error when it cannot be opened.
    // `stored` runs on the writer's thread after each batch (the receiver posts itself a call).
    static Result<std::unique_ptr<BatchWriter>> start(const QString& path, std::function<void()> stored = {});
    // Stores what was handed over, then stops the thread and closes its connection.
    ~BatchWriter();

    // Hands requests over; they join the batch the thread takes next.
    void submit(QList<ReceivedRecord> records);
    // Blocks until everything handed over is committed (or failed).
    void wait();
    // The batches committed since the last call, in order; each once.
    QList<Stored> takeStored();

private:
    BatchWriter() = default;
    void run(const QString& path, std::promise<Result<void>>* opened);

    std::function<void()> m_notify;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    QList<ReceivedRecord> m_waiting; // handed over, not taken yet
    bool m_writing = false;          // a batch is being committed
    QList<Stored> m_stored;          // committed, not taken yet
    bool m_stopping = false;
    std::thread m_thread;
};

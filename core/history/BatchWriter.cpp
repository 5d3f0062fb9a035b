#include "BatchWriter.h"

Result<std::unique_ptr<BatchWriter>> BatchWriter::start(const QString& path, std::function<void()> stored)
{
    std::unique_ptr<BatchWriter> writer(new BatchWriter);
    writer->m_notify = std::move(stored);
    std::promise<Result<void>> opened;
    auto ready = opened.get_future();
    // The thread owns the promise: start() may return while it is still inside set_value().
    writer->m_thread =
        std::thread([raw = writer.get(), path, opened = std::move(opened)]() mutable { raw->run(path, &opened); });
    Result<void> result = ready.get();
    if (!result) {
        writer->m_thread.join();
        return result.error();
    }
    return writer;
}

BatchWriter::~BatchWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void BatchWriter::submit(QList<ReceivedRecord> records)
{
    if (records.isEmpty()) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_waiting.isEmpty()) {
            m_waiting = std::move(records);
        } else {
            m_waiting.append(std::move(records));
        }
    }
    m_wake.notify_one();
}

void BatchWriter::wait()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_writing && m_waiting.isEmpty(); });
}

QList<BatchWriter::Stored> BatchWriter::takeStored()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_stored, {});
}

void BatchWriter::run(const QString& path, std::promise<Result<void>>* opened)
{
    // QtSql connections belong to the thread that made them: open it here.
    auto store = ReceivedStore::open(path);
    if (!store) {
        opened->set_value(store.error());
        return;
    }
    opened->set_value({});

    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return !m_waiting.isEmpty() || m_stopping; });
        if (m_waiting.isEmpty()) {
            return; // stopping, and everything handed over is stored
        }
        QList<ReceivedRecord> batch = std::exchange(m_waiting, {});
        m_writing = true;
        lock.unlock();
        Stored stored {batch.size(), store.value()->addBatch(batch)};
        batch.clear(); // freed here, on the writer's thread
        lock.lock();
        m_stored.append(std::move(stored));
        m_writing = false;
        if (m_waiting.isEmpty()) {
            m_idle.notify_all();
        }
        if (m_notify) {
            lock.unlock();
            m_notify();
            lock.lock();
        }
    }
}

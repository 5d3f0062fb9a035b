#include "BatchWriter.h"

Result<std::unique_ptr<BatchWriter>> BatchWriter::start(const QString& path)
{
    std::unique_ptr<BatchWriter> writer(new BatchWriter);
    std::promise<Result<void>> opened;
    auto ready = opened.get_future();
    writer->m_thread = std::thread([raw = writer.get(), path, &opened] { raw->run(path, &opened); });
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

void BatchWriter::submit(QList<ReceivedRecord> records, std::function<void()> stored)
{
    {
        std::lock_guard lock(m_mutex);
        Q_ASSERT(!m_busy);
        m_job = std::move(records);
        m_stored = std::move(stored);
        m_ready = false;
        m_busy = true;
    }
    m_wake.notify_one();
}

void BatchWriter::wait()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return !m_busy; });
}

std::optional<Result<QList<qint64>>> BatchWriter::takeResult()
{
    std::lock_guard lock(m_mutex);
    if (m_busy || !m_ready) {
        return std::nullopt;
    }
    m_ready = false;
    if (m_error) {
        return Result<QList<qint64>>(*std::exchange(m_error, std::nullopt));
    }
    return Result<QList<qint64>>(std::exchange(m_seqs, {}));
}

bool BatchWriter::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_busy;
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
        m_wake.wait(lock, [this] { return m_job.has_value() || m_stopping; });
        if (!m_job) {
            return; // stopping with nothing in hand
        }
        QList<ReceivedRecord> records = std::move(*m_job);
        m_job.reset();
        lock.unlock();
        auto seqs = store.value()->addBatch(records);
        records.clear(); // freed here, on the writer's thread
        lock.lock();
        if (seqs) {
            m_seqs = std::move(seqs).value();
            m_error.reset();
        } else {
            m_error = seqs.error();
        }
        m_ready = true;
        m_busy = false;
        auto stored = std::move(m_stored);
        m_stored = nullptr;
        m_done.notify_all();
        lock.unlock();
        if (stored) {
            stored();
        }
        lock.lock();
    }
}

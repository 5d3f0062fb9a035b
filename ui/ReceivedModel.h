#pragma once

#include "history/ReceivedStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The live table of requests a receiver got, newest first. Requests are added as the receiver
// processes them, but inserted into the view once per event-loop turn in one batch, so hundreds
// a second cost one insert each turn, not one each. Only MaxRows rows are kept in memory (full
// records only for the newest KeptRecords); older rows are read back from the ReceivedStore a
// page at a time as the view scrolls (canFetchMore/fetchMore).
class ReceivedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedModel)

public:
    enum Column
    {
        Time,
        Method,
        Path,
        Verdict,
        Status,
        Checks,
        Duplicate,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole + 1,
        VerdictRole, // "accepted", "rejected", "token"
    };
    static constexpr int MaxRows = 2000;
    static constexpr int KeptRecords = 200;
    static constexpr int PageSize = 200;

    explicit ReceivedModel(QObject* parent = nullptr);

    // Where trimmed rows are read back from; not owned.
    void setStore(ReceivedStore* store) { m_store = store; }
    // Queues one processed request; the view sees it at the end of this event-loop turn.
    void add(const ReceivedRecord& record);
    // Inserts what is queued now (the end of the turn does it anyway).
    void flushPending();
    void clear();

    qint64 seqAt(int row) const;
    // The whole record: from memory for recent rows (with the decoded JOSE), else from the store.
    std::optional<ReceivedRecord> record(qint64 seq) const;
    // "2/3 checks passed: standard-webhooks failed"
    static QString checksSummary(const QJsonArray& checks);
    int pendingCount() const { return int(m_pending.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    struct Row
    {
        qint64 seq = 0;
        QDateTime receivedAt;
        QString method;
        QString target;
        QString verdict;
        int status = 0;
        QString checks;
        QString checksTip;
        bool duplicate = false;
    };
    static Row rowOf(const ReceivedRecord& record);
    void trim();

    ReceivedStore* m_store = nullptr;
    QList<Row> m_rows;
    QList<ReceivedRecord> m_pending;
    QHash<qint64, ReceivedRecord> m_records;
    QList<qint64> m_recordOrder; // oldest first, for dropping
    bool m_flushScheduled = false;
    bool m_more = false; // rows were trimmed: older ones can be read back
};

#pragma once

#include "history/HistoryStore.h"

#include <QAbstractTableModel>
#include <QList>

// Every stored delivery attempt as a table, read from SQLite a page at a time as the view
// scrolls (canFetchMore/fetchMore), without bodies: a history of a million rows costs only the
// pages seen. Filtering and sorting are done by the database.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column
    {
        StartedAt,
        Endpoint,
        EventType,
        EventId,
        Attempt,
        Status,
        Outcome,
        Elapsed,
        Url,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
    };
    static constexpr int PageSize = 200;

    explicit HistoryModel(HistoryStore* store, QObject* parent = nullptr);

    // Filters (endpoint, event type, status or class, text); sort and paging are kept/reset.
    void setFilter(const HistoryRowQuery& filter);
    const HistoryRowQuery& filter() const { return m_query; }
    // Reads again from the first page (after new attempts were stored).
    void refresh();
    qint64 idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    HistoryStore* m_store;
    HistoryRowQuery m_query;
    QList<HistoryRow> m_rows;
    bool m_atEnd = false;
    bool m_resetting = false;
    bool m_fetching = false;
};

#include "HistoryModel.h"

#include "TraceInspector.h"

#include <QBrush>
#include <QLocale>

HistoryModel::HistoryModel(HistoryStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_atEnd = m_store == nullptr;
}

void HistoryModel::setFilter(const HistoryRowQuery& filter)
{
    const auto column = m_query.sortColumn;
    const bool descending = m_query.descending;
    m_query = filter;
    m_query.sortColumn = column;
    m_query.descending = descending;
    refresh();
}

void HistoryModel::refresh()
{
    // Views (and QAbstractItemModelTester) ask for more rows while the reset is being announced;
    // rows fetched then would be inserted in the middle of it.
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    m_atEnd = m_store == nullptr;
    endResetModel();
    m_resetting = false;
}

qint64 HistoryModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const HistoryRow& row = m_rows.at(index.row());
    if (role == IdRole) {
        return row.id;
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        return QBrush(TraceInspector::badgeColour(row.status));
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
            case Attempt:
            case Status:
            case Elapsed:
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            default:
                return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (Column(index.column())) {
        case StartedAt:
            return QLocale().toString(row.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Endpoint:
            return row.profileName;
        case EventType:
            return row.eventType;
        case EventId:
            return row.eventId;
        case Attempt:
            return row.attempt;
        case Status:
            return row.status > 0 ? QVariant(row.status) : QVariant(tr("—"));
        case Outcome:
            return row.outcome;
        case Elapsed:
            return QLocale().toString(row.elapsedMs, 'f', 1);
        case Url:
            return row.url;
        case ColumnCount:
            break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
        case StartedAt:
            return tr("Time");
        case Endpoint:
            return tr("Endpoint");
        case EventType:
            return tr("Event type");
        case EventId:
            return tr("Event id");
        case Attempt:
            return tr("Attempt");
        case Status:
            return tr("Status");
        case Outcome:
            return tr("Outcome");
        case Elapsed:
            return tr("ms");
        case Url:
            return tr("URL");
        case ColumnCount:
            break;
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_resetting && !m_fetching;
}

void HistoryModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_resetting || m_fetching) {
        return;
    }
    HistoryRowQuery page = m_query;
    page.limit = PageSize;
    if (!m_rows.isEmpty()) {
        page.afterValue = m_query.sortValue(m_rows.last());
        page.afterId = m_rows.last().id;
    }
    const QList<HistoryRow> rows = m_store->rows(page);
    m_atEnd = rows.size() < PageSize;
    if (rows.isEmpty()) {
        return;
    }
    m_fetching = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    m_fetching = false;
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    static const HistoryRowQuery::Column columns[] = {
        HistoryRowQuery::Column::StartedAt,
        HistoryRowQuery::Column::ProfileName,
        HistoryRowQuery::Column::EventType,
        HistoryRowQuery::Column::EventId,
        HistoryRowQuery::Column::Attempt,
        HistoryRowQuery::Column::Status,
        HistoryRowQuery::Column::Outcome,
        HistoryRowQuery::Column::ElapsedMs,
        HistoryRowQuery::Column::Url,
    };
    m_query.sortColumn = columns[column];
    m_query.descending = order == Qt::DescendingOrder;
    refresh();
}

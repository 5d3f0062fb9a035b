#include "ReceivedModel.h"

#include <QBrush>
#include <QColor>
#include <QJsonObject>
#include <QTimer>

ReceivedModel::ReceivedModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

ReceivedModel::Row ReceivedModel::rowOf(const ReceivedRecord& record)
{
    Row row;
    row.seq = record.seq;
    row.receivedAt = record.receivedAt;
    row.method = record.method;
    row.target = record.query.isEmpty() ? record.path : record.path + QLatin1Char('?') + record.query;
    row.verdict = record.verdict;
    row.status = record.status;
    row.checks = checksSummary(record.checks);
    QStringList tip;
    for (const auto& value : record.checks) {
        const QJsonObject check = value.toObject();
        tip << QStringLiteral("%1 %2: %3")
                   .arg(check.value(QLatin1String("ok")).toBool() ? QStringLiteral("✓") : QStringLiteral("✗"),
                        check.value(QLatin1String("check")).toString(),
                        check.value(QLatin1String("detail")).toString());
    }
    row.checksTip = tip.join(QLatin1Char('\n'));
    row.duplicate = record.duplicate;
    return row;
}

QString ReceivedModel::checksSummary(const QJsonArray& checks)
{
    if (checks.isEmpty()) {
        return tr("no checks");
    }
    int passed = 0;
    int counted = 0;
    QStringList failed;
    for (const auto& value : checks) {
        const QJsonObject check = value.toObject();
        if (check.value(QLatin1String("informational")).toBool()) {
            continue;
        }
        ++counted;
        if (check.value(QLatin1String("ok")).toBool()) {
            ++passed;
        } else {
            failed << check.value(QLatin1String("check")).toString();
        }
    }
    if (failed.isEmpty()) {
        return tr("%1/%2 passed").arg(passed).arg(counted);
    }
    return tr("%1/%2 passed; failed: %3").arg(passed).arg(counted).arg(failed.join(QStringLiteral(", ")));
}

void ReceivedModel::add(const ReceivedRecord& record)
{
    m_pending.append(record);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, [this] { flushPending(); });
    }
}

void ReceivedModel::flushPending()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty()) {
        return;
    }
    const QList<ReceivedRecord> batch = std::exchange(m_pending, {});
    beginInsertRows({}, 0, int(batch.size()) - 1);
    QList<Row> rows;
    rows.reserve(batch.size());
    for (auto it = batch.crbegin(); it != batch.crend(); ++it) {
        rows.append(rowOf(*it));
    }
    m_rows = rows + m_rows;
    endInsertRows();
    for (const ReceivedRecord& record : batch) {
        m_records.insert(record.seq, record);
        m_recordOrder.append(record.seq);
    }
    while (m_recordOrder.size() > KeptRecords) {
        m_records.remove(m_recordOrder.takeFirst());
    }
    trim();
}

void ReceivedModel::trim()
{
    if (m_rows.size() <= MaxRows) {
        return;
    }
    beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
    m_rows.resize(MaxRows);
    endRemoveRows();
    m_more = m_store != nullptr;
}

void ReceivedModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_records.clear();
    m_recordOrder.clear();
    m_more = false;
    endResetModel();
}

qint64 ReceivedModel::seqAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).seq : 0;
}

std::optional<ReceivedRecord> ReceivedModel::record(qint64 seq) const
{
    if (auto it = m_records.constFind(seq); it != m_records.cend()) {
        return *it;
    }
    return m_store ? m_store->bySeq(seq) : std::nullopt;
}

int ReceivedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReceivedModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceivedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    if (role == SeqRole) {
        return row.seq;
    }
    if (role == VerdictRole) {
        return row.verdict;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
            case Time:
                return row.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
            case Method:
                return row.method;
            case Path:
                return row.target;
            case Verdict:
                return row.verdict;
            case Status:
                return row.status;
            case Checks:
                return row.checks;
            case Duplicate:
                return row.duplicate ? tr("duplicate") : QString();
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole && (column == Checks || column == Verdict)) {
        return row.checksTip;
    }
    if (column == Verdict && (role == Qt::BackgroundRole || role == Qt::ForegroundRole)) {
        // Badge colours that read on light and dark palettes alike.
        QColor background;
        if (row.verdict == QLatin1String("accepted")) {
            background = QColor(0x2e, 0x7d, 0x32);
        } else if (row.verdict == QLatin1String("rejected")) {
            background = QColor(0xc6, 0x28, 0x28);
        } else {
            background = QColor(0x45, 0x5a, 0x64);
        }
        return role == Qt::BackgroundRole ? QVariant(QBrush(background)) : QVariant(QBrush(Qt::white));
    }
    if (role == Qt::TextAlignmentRole && (column == Verdict || column == Status)) {
        return int(Qt::AlignCenter);
    }
    return {};
}

QVariant ReceivedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
        case Time:
            return tr("Time");
        case Method:
            return tr("Method");
        case Path:
            return tr("Path");
        case Verdict:
            return tr("Verdict");
        case Status:
            return tr("Status");
        case Checks:
            return tr("Checks");
        case Duplicate:
            return tr("Duplicate");
        default:
            return {};
    }
}

bool ReceivedModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more;
}

void ReceivedModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || !m_more || !m_store) {
        return;
    }
    const qint64 oldest = m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.last().seq;
    // Rows newer than ours (other receivers, other processes) are skipped by seq.
    const QList<ReceivedRecord> page = m_store->latest(PageSize, int(m_rows.size() + m_pending.size()));
    QList<Row> older;
    for (const ReceivedRecord& record : page) {
        if (record.seq < oldest) {
            older.append(rowOf(record));
        }
    }
    m_more = page.size() == PageSize;
    if (older.isEmpty()) {
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
}

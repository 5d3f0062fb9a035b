#include "HistoryStore.h"

#include "Database.h"

#include <QJsonDocument>
#include <QVariant>

namespace {
const QString InsertSql =
    QStringLiteral("INSERT INTO attempts (profile_name, event_id, event_type, attempt, status, outcome, started_at, "
                   "elapsed_ms, url, event_json, trace_json) "
                   // A null QString binds as NULL; the text columns hold '' for "none" so filters stay simple.
                   "VALUES (COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, COALESCE(?, ''), ?, ?)");

// The WHERE clause of a query and the values it binds, in order; the terms are ANDed.
struct Filter
{
    QString where;
    QVariantList values;

    void add(const QString& term, const QVariantList& bound)
    {
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + term;
        values += bound;
    }
};

Filter filterFor(const HistoryQuery& query)
{
    Filter filter;
    if (!query.profileName.isEmpty()) {
        filter.add(QStringLiteral("profile_name = ?"), {query.profileName});
    }
    if (!query.eventId.isEmpty()) {
        filter.add(QStringLiteral("event_id = ?"), {query.eventId});
    }
    if (query.status) {
        filter.add(QStringLiteral("status = ?"), {*query.status});
    }
    if (query.from.isValid()) {
        filter.add(QStringLiteral("started_at >= ?"), {query.from.toMSecsSinceEpoch()});
    }
    if (query.to.isValid()) {
        filter.add(QStringLiteral("started_at < ?"), {query.to.toMSecsSinceEpoch()});
    }
    return filter;
}
QString columnName(HistoryRowQuery::Column column)
{
    switch (column) {
        case HistoryRowQuery::Column::StartedAt:
            return QStringLiteral("started_at");
        case HistoryRowQuery::Column::ProfileName:
            return QStringLiteral("profile_name");
        case HistoryRowQuery::Column::EventType:
            return QStringLiteral("event_type");
        case HistoryRowQuery::Column::EventId:
            return QStringLiteral("event_id");
        case HistoryRowQuery::Column::Attempt:
            return QStringLiteral("attempt");
        case HistoryRowQuery::Column::Status:
            return QStringLiteral("status");
        case HistoryRowQuery::Column::Outcome:
            return QStringLiteral("outcome");
        case HistoryRowQuery::Column::ElapsedMs:
            return QStringLiteral("elapsed_ms");
        case HistoryRowQuery::Column::Url:
            return QStringLiteral("url");
    }
    return QStringLiteral("started_at");
}

Filter rowFilterFor(const HistoryRowQuery& query)
{
    Filter filter;
    if (!query.profileName.isEmpty()) {
        filter.add(QStringLiteral("profile_name = ?"), {query.profileName});
    }
    if (!query.eventType.isEmpty()) {
        filter.add(QStringLiteral("event_type = ?"), {query.eventType});
    }
    if (query.status) {
        filter.add(QStringLiteral("status = ?"), {*query.status});
    } else if (query.statusClass.size() == 3 && query.statusClass.at(0).isDigit()) {
        // A range, so the status index serves it.
        const int base = query.statusClass.at(0).digitValue() * 100;
        filter.add(QStringLiteral("status >= ? AND status < ?"), {base, base + 100});
    }
    if (!query.text.isEmpty()) {
        // instr() rather than LIKE: the user's % and _ are meant literally.
        filter.add(QStringLiteral("(instr(event_id, ?) > 0 OR instr(event_type, ?) > 0 OR instr(profile_name, ?) > 0 "
                                  "OR instr(url, ?) > 0)"),
                   {query.text, query.text, query.text, query.text});
    }
    if (query.afterId > 0) {
        // (column, id) past the previous page's last row, in the order of the sort.
        filter.add(QStringLiteral("(%1, id) %2 (?, ?)")
                       .arg(columnName(query.sortColumn), query.descending ? QStringLiteral("<") : QStringLiteral(">")),
                   {query.afterValue, query.afterId});
    }
    return filter;
}
// The ten leading columns attempts() and rows() both select, into either record type.
template <typename Row>
void readSummaryColumns(const QSqlQuery& select, Row& r)
{
    r.id = select.value(0).toLongLong();
    r.profileName = select.value(1).toString();
    r.eventId = select.value(2).toString();
    r.eventType = select.value(3).toString();
    r.attempt = select.value(4).toInt();
    r.status = select.value(5).toInt();
    r.outcome = select.value(6).toString();
    r.startedAt = QDateTime::fromMSecsSinceEpoch(select.value(7).toLongLong(), Qt::UTC);
    r.elapsedMs = select.value(8).toDouble();
    r.url = select.value(9).toString();
}

// How many attempts the filter lets through; 0, with a warning, when the database fails.
qint64 countMatching(const Database& db, const Filter& filter)
{
    auto count = db.prepare(QStringLiteral("SELECT COUNT(*) FROM attempts") + filter.where);
    if (!count) {
        qCWarning(lcHistory) << count.error().toString();
        return 0;
    }
    for (int i = 0; i < filter.values.size(); ++i) {
        count->bindValue(i, filter.values.at(i));
    }
    if (auto done = db.exec(count.value(), QStringLiteral("cannot count the delivery history")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return 0;
    }
    return count->next() ? count->value(0).toLongLong() : 0;
}

// Binds the filter's values, then LIMIT and OFFSET.
void bindPage(QSqlQuery& select, const QVariantList& values, int limit, int offset)
{
    int i = 0;
    for (const auto& value : values) {
        select.bindValue(i++, value);
    }
    select.bindValue(i++, limit);
    select.bindValue(i++, offset);
}
} // namespace

QVariant HistoryRowQuery::sortValue(const HistoryRow& row) const
{
    switch (sortColumn) {
        case Column::StartedAt:
            return row.startedAt.toMSecsSinceEpoch();
        case Column::ProfileName:
            return row.profileName;
        case Column::EventType:
            return row.eventType;
        case Column::EventId:
            return row.eventId;
        case Column::Attempt:
            return row.attempt;
        case Column::Status:
            return row.status;
        case Column::Outcome:
            return row.outcome;
        case Column::ElapsedMs:
            return row.elapsedMs;
        case Column::Url:
            return row.url;
    }
    return {};
}

HistoryStore::HistoryStore(std::unique_ptr<Database> db)
    : m_path(db->path())
    , m_db(std::move(db))
{ }

HistoryStore::~HistoryStore() = default;

QString HistoryStore::dataDir()
{
    return Database::dataDir();
}

QString HistoryStore::defaultPath()
{
    return Database::defaultPath();
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString& path)
{
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    auto insert = db.value()->prepare(InsertSql);
    if (!insert) {
        return insert.error();
    }
    std::unique_ptr<HistoryStore> store(new HistoryStore(std::move(db.value())));
    store->m_insert = std::move(insert.value());
    return store;
}

Result<qint64> HistoryStore::insert(const AttemptTrace& trace, const QByteArray& eventJson)
{
    const QDateTime startedAt = trace.startedAt.isValid() ? trace.startedAt : QDateTime::currentDateTimeUtc();
    // toJson(false): secret header values are masked before anything reaches the file.
    const QByteArray traceJson = !trace.maskedJson.isEmpty()
                                     ? trace.maskedJson
                                     : QJsonDocument(trace.toJson(false)).toJson(QJsonDocument::Compact);

    m_insert.bindValue(0, trace.profileName);
    m_insert.bindValue(1, trace.eventId);
    m_insert.bindValue(2, trace.eventType);
    m_insert.bindValue(3, trace.attempt);
    m_insert.bindValue(4, trace.status);
    m_insert.bindValue(5, AttemptTrace::outcomeName(trace.outcome));
    m_insert.bindValue(6, startedAt.toMSecsSinceEpoch());
    m_insert.bindValue(7, trace.elapsedMs);
    m_insert.bindValue(8, trace.url);
    m_insert.bindValue(9, eventJson);
    m_insert.bindValue(10, traceJson);
    if (auto done = m_db->exec(m_insert, QStringLiteral("cannot store the delivery attempt")); !done) {
        return done.error();
    }
    const qint64 id = m_insert.lastInsertId().toLongLong();
    m_insert.finish();
    return id;
}

Result<qint64> HistoryStore::addAttempt(const AttemptTrace& trace, const QByteArray& eventJson)
{
    return insert(trace, eventJson);
}

Result<void> HistoryStore::addAttempts(const QList<QPair<AttemptTrace, QByteArray>>& attempts)
{
    if (attempts.isEmpty()) {
        return {};
    }
    return m_db->transaction(
        [&]() -> Result<void> {
            for (const auto& [trace, eventJson] : attempts) {
                if (auto id = insert(trace, eventJson); !id) {
                    return id.error();
                }
            }
            return {};
        },
        QStringLiteral("cannot store %1 delivery attempts").arg(attempts.size()));
}

QList<AttemptRecord> HistoryStore::attempts(const HistoryQuery& query) const
{
    const Filter filter = filterFor(query);
    auto select = m_db->prepare(
        QStringLiteral("SELECT id, profile_name, event_id, event_type, attempt, status, outcome, started_at, "
                       "elapsed_ms, url, event_json, trace_json FROM attempts")
        + filter.where + QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"));
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return {};
    }
    bindPage(select.value(), filter.values, query.limit, query.offset);
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read the delivery history")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return {};
    }

    QList<AttemptRecord> records;
    while (select->next()) {
        AttemptRecord r;
        readSummaryColumns(select.value(), r);
        r.eventJson = select->value(10).toByteArray();
        r.trace = AttemptTrace::fromJson(QJsonDocument::fromJson(select->value(11).toByteArray()).object());
        records.append(std::move(r));
    }
    return records;
}

qint64 HistoryStore::countAttempts(const HistoryQuery& query) const
{
    return countMatching(*m_db, filterFor(query));
}

QList<HistoryRow> HistoryStore::rows(const HistoryRowQuery& query) const
{
    const Filter filter = rowFilterFor(query);
    const QString order = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // Built step by step: one long QStringBuilder chain trips a false gcc -Warray-bounds at -O2.
    QString sql = QStringLiteral("SELECT id, profile_name, event_id, event_type, attempt, status, outcome, started_at, "
                                 "elapsed_ms, url FROM attempts");
    sql += filter.where;
    sql += QStringLiteral(" ORDER BY ") + columnName(query.sortColumn) + order;
    sql += QStringLiteral(", id") + order + QStringLiteral(" LIMIT ? OFFSET ?");
    auto select = m_db->prepare(sql);
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return {};
    }
    bindPage(select.value(), filter.values, query.limit, query.afterId > 0 ? 0 : query.offset);
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read the delivery history")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return {};
    }
    QList<HistoryRow> rows;
    while (select->next()) {
        HistoryRow r;
        readSummaryColumns(select.value(), r);
        rows.append(std::move(r));
    }
    return rows;
}

qint64 HistoryStore::countRows(const HistoryRowQuery& query) const
{
    HistoryRowQuery all = query;
    all.afterId = 0;
    return countMatching(*m_db, rowFilterFor(all));
}

std::optional<AttemptRecord> HistoryStore::traceById(qint64 id) const
{
    auto select = m_db->prepare(
        QStringLiteral("SELECT id, profile_name, event_id, event_type, attempt, status, outcome, started_at, "
                       "elapsed_ms, url, event_json, trace_json FROM attempts WHERE id = ?"));
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return std::nullopt;
    }
    select->bindValue(0, id);
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read the delivery attempt")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return std::nullopt;
    }
    if (!select->next()) {
        return std::nullopt;
    }
    AttemptRecord r;
    r.id = select->value(0).toLongLong();
    r.profileName = select->value(1).toString();
    r.eventId = select->value(2).toString();
    r.eventType = select->value(3).toString();
    r.attempt = select->value(4).toInt();
    r.status = select->value(5).toInt();
    r.outcome = select->value(6).toString();
    r.startedAt = QDateTime::fromMSecsSinceEpoch(select->value(7).toLongLong(), Qt::UTC);
    r.elapsedMs = select->value(8).toDouble();
    r.url = select->value(9).toString();
    r.eventJson = select->value(10).toByteArray();
    r.trace = AttemptTrace::fromJson(QJsonDocument::fromJson(select->value(11).toByteArray()).object());
    return r;
}

QStringList HistoryStore::distinctValues(HistoryRowQuery::Column column) const
{
    auto select = m_db->prepare(QStringLiteral("SELECT DISTINCT ") + columnName(column)
                                + QStringLiteral(" FROM attempts ORDER BY 1"));
    if (!select) {
        return {};
    }
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read the delivery history")); !done) {
        return {};
    }
    QStringList values;
    while (select->next()) {
        values << select->value(0).toString();
    }
    return values;
}

#pragma once

#include "model/AttemptTrace.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

class Database;

// One stored delivery attempt.
struct AttemptRecord
{
    qint64 id = 0;
    QString profileName;
    QString eventId;
    QString eventType;
    int attempt = 0;
    int status = 0;
    QString outcome; // delivered, retrying, failed
    QDateTime startedAt;
    double elapsedMs = 0;
    QString url;
    QByteArray eventJson;
    AttemptTrace trace; // masked: history never holds secret values
};

struct HistoryQuery
{
    QString profileName;
    QString eventId;
    std::optional<int> status;
    QDateTime from; // inclusive, invalid = open
    QDateTime to;   // exclusive, invalid = open
    int limit = 100;
    int offset = 0;
};

// One row of the history list: what a table shows, without the request and response bodies,
// so listing a large history stays light. The trace is loaded by traceById when a row is opened.
struct HistoryRow
{
    qint64 id = 0;
    QString profileName;
    QString eventId;
    QString eventType;
    int attempt = 0;
    int status = 0;
    QString outcome;
    QDateTime startedAt;
    double elapsedMs = 0;
    QString url;
};

// Filters and order of a history list (the GUI's history view).
struct HistoryRowQuery
{
    enum class Column
    {
        StartedAt,
        ProfileName,
        EventType,
        EventId,
        Attempt,
        Status,
        Outcome,
        ElapsedMs,
        Url,
    };

    QString profileName;       // exact; empty = any
    QString eventType;         // exact; empty = any
    std::optional<int> status; // exact status; 0 = no HTTP answer
    QString statusClass;       // "2xx", "3xx", "4xx", "5xx"; empty = any (ignored when status is set)
    QString text;              // substring of event id, type, endpoint or URL
    Column sortColumn = Column::StartedAt;
    bool descending = true;
    int limit = 200;
    int offset = 0;
    // Keyset paging: when afterId is set, the page starts after the row with this sort value
    // and id (the last row of the previous page) and offset is ignored, so a page deep in a
    // large history costs as little as the first.
    QVariant afterValue;
    qint64 afterId = 0;

    // The value of the sort column for a row, as afterValue wants it.
    QVariant sortValue(const HistoryRow& row) const;
};

// The SQLite history (Qt Sql, WAL, busy timeout) in HOOKBENCH_DATA_DIR or the app-data folder.
// Several processes may write at once without losing rows. One instance per thread.
class HistoryStore final
{
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    ~HistoryStore();

    // $HOOKBENCH_DATA_DIR/history.sqlite, else the platform app-data folder.
    static QString dataDir();
    static QString defaultPath();
    static Result<std::unique_ptr<HistoryStore>> open(const QString& path = defaultPath());

    // The trace is stored masked. Returns the row id.
    Result<qint64> addAttempt(const AttemptTrace& trace, const QByteArray& eventJson);
    // Many attempts (trace, event JSON) in one transaction: all stored or none. For bursts.
    Result<void> addAttempts(const QList<QPair<AttemptTrace, QByteArray>>& attempts);
    QList<AttemptRecord> attempts(const HistoryQuery& query = {}) const; // newest first
    qint64 countAttempts(const HistoryQuery& query = {}) const;

    // The light list of attempts (no bodies), filtered and sorted, one page at a time.
    QList<HistoryRow> rows(const HistoryRowQuery& query) const;
    qint64 countRows(const HistoryRowQuery& query) const;
    // One attempt with its full (masked) trace and event JSON; nullopt when there is no such row.
    std::optional<AttemptRecord> traceById(qint64 id) const;
    // The endpoint names and event types present, for filter pickers.
    QStringList distinctValues(HistoryRowQuery::Column column) const;

    QString path() const { return m_path; }

private:
    explicit HistoryStore(std::unique_ptr<Database> db);
    Result<qint64> insert(const AttemptTrace& trace, const QByteArray& eventJson);

    QString m_path;
    std::unique_ptr<Database> m_db;
    QSqlQuery m_insert; // prepared once: the sender adds a row per attempt (thousands a second)
};

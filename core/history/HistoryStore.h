#pragma once

#include "delivery/AttemptTrace.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlQuery>
#include <QString>

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

    QString path() const { return m_path; }

private:
    explicit HistoryStore(std::unique_ptr<Database> db);
    Result<qint64> insert(const AttemptTrace& trace, const QByteArray& eventJson);

    QString m_path;
    std::unique_ptr<Database> m_db;
    QSqlQuery m_insert; // prepared once: the sender adds a row per attempt (thousands a second)
};

#pragma once

#include "delivery/AttemptTrace.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

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
    QList<AttemptRecord> attempts(const HistoryQuery& query = {}) const; // newest first
    qint64 countAttempts(const HistoryQuery& query = {}) const;

    QString path() const { return m_path; }

private:
    HistoryStore(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
};

#pragma once

#include "util/Result.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcHistory)

// One connection to the history database file (history.sqlite), shared code of HistoryStore
// and ReceivedStore: a Qt Sql connection of its own (unique name, so any number of stores
// and threads can each hold one), the PRAGMAs that make several processes safe writers
// (WAL, busy timeout), the schema and its migrations, and writes that wait out a busy
// database instead of failing. Use an instance only from the thread that opened it.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    // PRAGMA user_version this build writes. Each migration step raises it by one.
    static constexpr int SchemaVersion = 3;
    // PRAGMA application_id: "HKB1", so a foreign SQLite file is refused, not altered.
    static constexpr qint32 ApplicationId = 0x484B4231;
    // How long a write waits for other writers (other processes) before giving up.
    static constexpr int BusyTimeoutMs = 10000;

    ~Database();

    // $HOOKBENCH_DATA_DIR when set, else the platform app-data folder; created when missing.
    static QString dataDir();
    // dataDir()/history.sqlite
    static QString defaultPath();

    // Opens (creating the folder and the file when missing) and migrates to SchemaVersion.
    static Result<std::unique_ptr<Database>> open(const QString& path);

    QString path() const { return m_path; }
    QSqlDatabase handle() const { return m_db; }

    // A statement of this connection, prepared once; keep it to re-execute without re-parsing.
    Result<QSqlQuery> prepare(const QString& sql) const;
    // Executes a prepared query; SQLITE_BUSY/LOCKED is retried until BusyTimeoutMs has passed.
    Result<void> exec(QSqlQuery& query, const QString& what) const;
    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT, so it is all written or none of it.
    // When another process holds the database, the whole transaction is tried again (so
    // `work` must be repeatable) until BusyTimeoutMs has passed.
    Result<void> transaction(const std::function<Result<void>()>& work, const QString& what);

    // The error as words a user can act on, naming the database file.
    Error error(const QString& what, const QSqlError& sqlError) const;
    static bool isBusy(const QSqlError& sqlError);

private:
    Database(QString path, QString connectionName);
    Result<void> configure();
    Result<void> migrate();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QSqlQuery m_begin;
    QSqlQuery m_commit;
    QSqlQuery m_rollback;
};

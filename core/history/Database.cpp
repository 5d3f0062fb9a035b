#include "Database.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcHistory, "hookbench.history")

namespace {
// SQLite primary result codes Qt passes through as the native error code.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADb = 26;

int primaryCode(const QSqlError& sqlError)
{
    bool ok = false;
    const int code = sqlError.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// The schema, one step per version. Step i takes the file from version i to i + 1; a step is
// never edited once released, a change is a new step. Later features append here.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps {
        // 1: delivery attempts (HistoryStore)
        {
            QStringLiteral("CREATE TABLE attempts ("
                           " id INTEGER PRIMARY KEY,"
                           " profile_name TEXT NOT NULL DEFAULT '',"
                           " event_id TEXT NOT NULL DEFAULT '',"
                           " event_type TEXT NOT NULL DEFAULT '',"
                           " attempt INTEGER NOT NULL DEFAULT 1,"
                           " status INTEGER NOT NULL DEFAULT 0,"
                           " outcome TEXT NOT NULL,"
                           " started_at INTEGER NOT NULL,"
                           " elapsed_ms REAL NOT NULL DEFAULT 0,"
                           " url TEXT NOT NULL DEFAULT '',"
                           " event_json BLOB,"
                           " trace_json BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX attempts_started ON attempts(started_at, id)"),
            QStringLiteral("CREATE INDEX attempts_profile ON attempts(profile_name, started_at, id)"),
            QStringLiteral("CREATE INDEX attempts_event ON attempts(event_id, started_at, id)"),
            QStringLiteral("CREATE INDEX attempts_status ON attempts(status, started_at, id)"),
        },
        // 2: requests the receiver got (ReceivedStore)
        {
            QStringLiteral("CREATE TABLE received ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " received_at INTEGER NOT NULL,"
                           " method TEXT NOT NULL DEFAULT '',"
                           " path TEXT NOT NULL DEFAULT '',"
                           " query TEXT NOT NULL DEFAULT '',"
                           " headers_json BLOB NOT NULL,"
                           " body BLOB,"
                           " remote TEXT NOT NULL DEFAULT '',"
                           " tls_json BLOB,"
                           " checks_json BLOB,"
                           " verdict TEXT NOT NULL DEFAULT '',"
                           " status INTEGER NOT NULL DEFAULT 0,"
                           " duplicate INTEGER NOT NULL DEFAULT 0,"
                           " event_id TEXT NOT NULL DEFAULT '',"
                           " event_json BLOB)"),
            QStringLiteral("CREATE INDEX received_event ON received(event_id)"),
            QStringLiteral("CREATE INDEX received_at ON received(received_at)"),
        },
        // 3: what the receiver's forwardTo target answered (JSON), next to the request
        {
            QStringLiteral("ALTER TABLE received ADD COLUMN forward_json BLOB"),
        },
    };
    return steps;
}
} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

Database::~Database()
{
    // Every query of the connection must be gone before the connection is removed.
    m_begin = QSqlQuery();
    m_commit = QSqlQuery();
    m_rollback = QSqlQuery();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::dataDir()
{
    QString dir = qEnvironmentVariable("HOOKBENCH_DATA_DIR");
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    // Failure is reported by open(), which knows what it was trying to do.
    QDir().mkpath(dir);
    return QDir::cleanPath(dir);
}

QString Database::defaultPath()
{
    return dataDir() + QStringLiteral("/history.sqlite");
}

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    const QFileInfo file(path);
    const QString folder = file.absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(QStringLiteral("cannot create the history folder; make sure its parent is a writable folder, "
                                    "or set HOOKBENCH_DATA_DIR to one"),
                     {},
                     folder);
    }
    // WAL keeps its -wal and -shm files next to the database, so the folder itself must be writable.
    if (!QFileInfo(folder).isWritable()) {
        return Error(QStringLiteral("the history folder is not writable; fix its permissions or set "
                                    "HOOKBENCH_DATA_DIR to a writable folder"),
                     {},
                     folder);
    }
    if (file.isDir()) {
        return Error(QStringLiteral("the history database path is a folder, not a file"), {}, path);
    }

    const QString name = QStringLiteral("hookbench-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> db(new Database(file.absoluteFilePath(), name));
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db->m_db.isValid()) {
        return Error(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available; install the Qt 6 SQLite "
                                    "plugin (libqt6sql6-sqlite)"),
                     {},
                     path);
    }
    db->m_db.setDatabaseName(db->m_path);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db->m_db.open()) {
        return db->error(QStringLiteral("cannot open the history database"), db->m_db.lastError());
    }
    if (auto configured = db->configure(); !configured) {
        return configured.error();
    }
    if (auto migrated = db->migrate(); !migrated) {
        return migrated.error();
    }
    return db;
}

Result<void> Database::configure()
{
    // busy_timeout first: every later statement may meet another process's lock.
    const QString pragmas[] = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const auto& sql : pragmas) {
        auto query = prepare(sql);
        if (!query) {
            return query.error();
        }
        if (auto done = exec(query.value(), QStringLiteral("cannot set up the history database")); !done) {
            return done;
        }
        if (sql.contains(QLatin1String("journal_mode")) && query->next()
            && query->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            // Still correct (SQLite's rollback journal also serialises writers), only slower.
            qCWarning(lcHistory) << "SQLite would not use WAL for" << m_path << "- journal mode is"
                                 << query->value(0).toString();
        }
    }

    for (auto [query, sql] : {std::pair {&m_begin, QStringLiteral("BEGIN IMMEDIATE")},
                              std::pair {&m_commit, QStringLiteral("COMMIT")},
                              std::pair {&m_rollback, QStringLiteral("ROLLBACK")}}) {
        auto prepared = prepare(sql);
        if (!prepared) {
            return prepared.error();
        }
        *query = std::move(prepared.value());
    }
    return {};
}

Result<void> Database::migrate()
{
    const auto readPragma = [this](const QString& sql) -> Result<qint64> {
        auto query = prepare(sql);
        if (!query) {
            return query.error();
        }
        if (auto done = exec(query.value(), QStringLiteral("cannot read the history database's version")); !done) {
            return done.error();
        }
        return query->next() ? query->value(0).toLongLong() : 0;
    };

    // Checked (and done) inside one write transaction, so two processes starting at once
    // cannot both run a step.
    return transaction(
        [&]() -> Result<void> {
            const auto appId = readPragma(QStringLiteral("PRAGMA application_id"));
            if (!appId) {
                return appId.error();
            }
            if (appId.value() != 0 && appId.value() != ApplicationId) {
                return Error(QStringLiteral("this SQLite file belongs to another program, not HookBench; "
                                            "move it away or set HOOKBENCH_DATA_DIR to another folder"),
                             {},
                             m_path);
            }
            const auto version = readPragma(QStringLiteral("PRAGMA user_version"));
            if (!version) {
                return version.error();
            }
            if (version.value() > SchemaVersion) {
                return Error(QStringLiteral("the history database has schema version %1, newer than this build of "
                                            "HookBench knows (%2); use a newer HookBench or set HOOKBENCH_DATA_DIR "
                                            "to another folder")
                                 .arg(version.value())
                                 .arg(SchemaVersion),
                             {},
                             m_path);
            }
            const auto& steps = migrations();
            for (auto v = version.value(); v < SchemaVersion; ++v) {
                for (const auto& sql : steps.at(v)) {
                    auto query = prepare(sql);
                    if (!query) {
                        return query.error();
                    }
                    if (auto done = exec(query.value(),
                                         QStringLiteral("cannot update the history database to "
                                                        "schema version %1")
                                             .arg(v + 1));
                        !done) {
                        return done;
                    }
                }
            }
            // PRAGMA takes no bound values; both numbers are this build's constants.
            for (const auto& sql : {QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
                                    QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId)}) {
                auto query = prepare(sql);
                if (!query) {
                    return query.error();
                }
                if (auto done = exec(query.value(), QStringLiteral("cannot record the history schema version"));
                    !done) {
                    return done;
                }
            }
            return {};
        },
        QStringLiteral("cannot update the history database's schema"));
}

Result<QSqlQuery> Database::prepare(const QString& sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Preparing reads the schema, so it too can meet another process's lock.
    const QDeadlineTimer deadline(BusyTimeoutMs);
    int pauseMs = 1;
    while (!query.prepare(sql)) {
        if (!isBusy(query.lastError()) || deadline.hasExpired()) {
            return error(QStringLiteral("cannot prepare a statement of the history database"), query.lastError());
        }
        QThread::msleep(pauseMs);
        pauseMs = std::min(pauseMs * 2, 50);
    }
    return query;
}

Result<void> Database::exec(QSqlQuery& query, const QString& what) const
{
    // busy_timeout already waits inside SQLite; some busy answers come back at once though
    // (WAL recovery, a snapshot gone stale), and those are worth another try.
    const QDeadlineTimer deadline(BusyTimeoutMs);
    int pauseMs = 1;
    while (!query.exec()) {
        if (!isBusy(query.lastError()) || deadline.hasExpired()) {
            return error(what, query.lastError());
        }
        QThread::msleep(pauseMs);
        pauseMs = std::min(pauseMs * 2, 50);
    }
    return {};
}

Result<void> Database::transaction(const std::function<Result<void>()>& work, const QString& what)
{
    const QDeadlineTimer deadline(BusyTimeoutMs);
    int pauseMs = 1;
    for (;;) {
        // BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads
        // first could not be upgraded once another writer committed, and would fail at once.
        if (auto begun = exec(m_begin, what); !begun) {
            return begun;
        }
        m_begin.finish();
        auto result = work();
        bool commitBusy = false;
        if (result) {
            if (m_commit.exec()) {
                m_commit.finish();
                return {};
            }
            commitBusy = isBusy(m_commit.lastError());
            result = error(what, m_commit.lastError());
        }
        if (!m_rollback.exec()) {
            qCWarning(lcHistory) << "rollback failed on" << m_path << m_rollback.lastError().text();
        }
        m_rollback.finish();
        if (!commitBusy || deadline.hasExpired()) {
            return result;
        }
        QThread::msleep(pauseMs);
        pauseMs = std::min(pauseMs * 2, 50);
    }
}

bool Database::isBusy(const QSqlError& sqlError)
{
    const int code = primaryCode(sqlError);
    return code == SqliteBusy || code == SqliteLocked
           || sqlError.databaseText().contains(QLatin1String("database is locked"))
           || sqlError.databaseText().contains(QLatin1String("database table is locked"));
}

Error Database::error(const QString& what, const QSqlError& sqlError) const
{
    QString hint;
    switch (primaryCode(sqlError)) {
        case SqliteNotADb:
            hint = QStringLiteral(" (the file is not a SQLite database: another program's file or a damaged one; "
                                  "move it away or set HOOKBENCH_DATA_DIR to another folder)");
            break;
        case SqliteCorrupt:
            hint = QStringLiteral(" (the database is damaged; move it away to start a new history)");
            break;
        case SqliteReadOnly:
        case SqliteCantOpen:
            hint = QStringLiteral(" (check that the file and its folder are writable, or set HOOKBENCH_DATA_DIR "
                                  "to a writable folder)");
            break;
        case SqliteBusy:
        case SqliteLocked:
            hint = QStringLiteral(" (another process kept the database locked for more than %1 s)")
                       .arg(BusyTimeoutMs / 1000);
            break;
        default:
            break;
    }
    QString detail = sqlError.databaseText();
    if (detail.isEmpty()) {
        detail = sqlError.text();
    }
    return Error(what + QStringLiteral(": ") + detail + hint, {}, m_path);
}

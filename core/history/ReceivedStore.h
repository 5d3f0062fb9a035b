#pragma once

#include "util/Headers.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

class Database;
class WalCheckpointer;
struct sqlite3;
struct sqlite3_stmt;

// One request the receiver got, as stored (docs/receiver-format.md: stored before it is answered) and as
// `receive --json` prints it.
struct ReceivedRecord
{
    qint64 seq = 0; // assigned by the store: increases with every request, never reused
    QDateTime receivedAt;
    QString method;
    QString path;
    QString query;
    HeaderList headers; // in the order received; the exact bytes are kept
    QByteArray body;
    QString remote;    // "127.0.0.1:54122"
    QJsonObject tls;   // {"clientCert":"CN=sender"}; empty for plain HTTP
    QJsonArray checks; // [{"check":"standard-webhooks","ok":true,"detail":"..."}]
    QString verdict;   // accepted, rejected, token
    int status = 0;    // the status answered
    bool duplicate = false;
    QString eventId;      // the event id used for dedupe; empty when there is none
    QByteArray eventJson; // the decoded event (after JWE/JWS); empty when there is none
    QJsonObject jose;     // the decoded JOSE headers and claims (RequestVerifier); not stored in the database
    QJsonObject forward;  // forwardTo's answer {"url","status","headers","body"} or {"url","error"}; empty if none
};

// The requests the receiver got, in the `received` table of the history database (the same
// file as HistoryStore). Several processes may write at once; seq numbers stay unique and
// increasing. One instance per thread.
class ReceivedStore final
{
    Q_DISABLE_COPY_MOVE(ReceivedStore)

public:
    ~ReceivedStore();

    // The one history file, the same as HistoryStore::defaultPath().
    static QString defaultPath();
    static Result<std::unique_ptr<ReceivedStore>> open(const QString& path = defaultPath());

    // Returns the seq given to the request (record.seq is ignored).
    Result<qint64> add(const ReceivedRecord& record);
    // All in one transaction: all stored or none. The seqs in the order of `records`.
    Result<QList<qint64>> addBatch(const QList<ReceivedRecord>& records);
    // Sets what was decided after the request was stored.
    Result<void> updateResult(qint64 seq, const QString& verdict, int status, const QJsonArray& checks, bool duplicate);

    // Records what the forwardTo target answered, after the request was stored and answered.
    Result<void> setForward(qint64 seq, const QJsonObject& forward);

    std::optional<ReceivedRecord> bySeq(qint64 seq) const;
    QList<ReceivedRecord> latest(int limit = 100, int offset = 0) const; // newest (highest seq) first
    qint64 count() const;
    // Whether a request with this event id was stored before (dedupe, docs/receiver-format.md).
    bool seenEventId(const QString& eventId) const;

    QString path() const { return m_path; }
    // The thread that checkpoints this store's WAL; null when SQLite's autocheckpoint does.
    const WalCheckpointer* walCheckpointer() const { return m_checkpointer.get(); }

private:
    explicit ReceivedStore(std::unique_ptr<Database> db);
    Result<qint64> insert(const ReceivedRecord& record);
    Result<qint64> insertRaw(const ReceivedRecord& record);

    QString m_path;
    std::unique_ptr<Database> m_db;
    QSqlQuery m_insert; // prepared once: every request is stored before it is answered
    // The same INSERT on SQLite's own handle of this connection: QtSql's binding builds a
    // placeholder string and a QVariant per value, a measurable share of the receiver's CPU per
    // request. Null when the driver's handle is not SQLite's (then m_insert is used).
    sqlite3* m_raw = nullptr;
    sqlite3_stmt* m_rawInsert = nullptr;
    // Runs the WAL checkpoints on a thread of its own (null: SQLite's autocheckpoint does).
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    mutable QSqlQuery m_seen; // likewise: dedupe looks up every request's event id
};

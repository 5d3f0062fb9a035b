#include "ReceivedStore.h"

#include "Database.h"
#include "WalCheckpointer.h"

#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringDecoder>
#include <QVariant>

#include <sqlite3.h>

namespace {
const QString Columns = QStringLiteral("seq, received_at, method, path, query, headers_json, body, remote, tls_json, "
                                       "checks_json, verdict, status, duplicate, event_id, event_json, forward_json");

constexpr int WalCheckpointPages = 1000; // SQLite's default threshold

QByteArray compact(const QJsonDocument& document)
{
    return document.toJson(QJsonDocument::Compact);
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

// `utf8` (valid UTF-8) as a JSON string.
void appendJsonString(QByteArray& out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// [[name, value], ...] so the shell shows readable headers. A value that is not UTF-8 (HTTP
// allows any octet) is kept exactly as [name, base64, "base64"]. Written directly rather than
// through QJsonArray: this runs for every received request, and the usual all-ASCII headers
// need no decoding at all.
QByteArray headersToJson(const HeaderList& headers)
{
    QByteArray out;
    out.reserve(2 + 80 * headers.size());
    out += '[';
    for (const auto& [name, value] : headers) {
        if (out.size() > 1) {
            out += ',';
        }
        out += '[';
        appendJsonString(out, isAscii(name) ? name : QString::fromLatin1(name).toUtf8());
        out += ',';
        if (isAscii(value)) {
            appendJsonString(out, value);
        } else {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString text = decoder(value);
            if (decoder.hasError()) {
                appendJsonString(out, value.toBase64());
                out += ",\"base64\"";
            } else {
                appendJsonString(out, text.toUtf8());
            }
        }
        out += ']';
    }
    out += ']';
    return out;
}

HeaderList headersFromJson(const QByteArray& json)
{
    HeaderList out;
    for (const auto& item : QJsonDocument::fromJson(json).array()) {
        const auto pair = item.toArray();
        const auto value = pair.at(1).toString();
        out.append({pair.at(0).toString().toLatin1(),
                    pair.at(2).toString() == QLatin1String("base64") ? QByteArray::fromBase64(value.toLatin1())
                                                                     : value.toUtf8()});
    }
    return out;
}

ReceivedRecord recordAt(const QSqlQuery& row)
{
    ReceivedRecord r;
    r.seq = row.value(0).toLongLong();
    r.receivedAt = QDateTime::fromMSecsSinceEpoch(row.value(1).toLongLong(), Qt::UTC);
    r.method = row.value(2).toString();
    r.path = row.value(3).toString();
    r.query = row.value(4).toString();
    r.headers = headersFromJson(row.value(5).toByteArray());
    r.body = row.value(6).toByteArray();
    r.remote = row.value(7).toString();
    r.tls = QJsonDocument::fromJson(row.value(8).toByteArray()).object();
    r.checks = QJsonDocument::fromJson(row.value(9).toByteArray()).array();
    r.verdict = row.value(10).toString();
    r.status = row.value(11).toInt();
    r.duplicate = row.value(12).toBool();
    r.eventId = row.value(13).toString();
    r.eventJson = row.value(14).toByteArray();
    r.forward = QJsonDocument::fromJson(row.value(15).toByteArray()).object();
    return r;
}
} // namespace

ReceivedStore::ReceivedStore(std::unique_ptr<Database> db)
    : m_path(db->path())
    , m_db(std::move(db))
{ }

ReceivedStore::~ReceivedStore()
{
    m_checkpointer.reset(); // before the writer's connection closes
    if (m_rawInsert) {
        sqlite3_finalize(m_rawInsert);
    }
}

QString ReceivedStore::defaultPath()
{
    return Database::defaultPath();
}

Result<std::unique_ptr<ReceivedStore>> ReceivedStore::open(const QString& path)
{
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    auto insert = db.value()->prepare(
        QStringLiteral("INSERT INTO received (received_at, method, path, query, headers_json, body, remote, "
                       "tls_json, checks_json, verdict, status, duplicate, event_id, event_json, forward_json) "
                       "VALUES (?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?, "
                       "COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?)"));
    if (!insert) {
        return insert.error();
    }
    auto seen = db.value()->prepare(QStringLiteral("SELECT 1 FROM received WHERE event_id = ? LIMIT 1"));
    if (!seen) {
        return seen.error();
    }
    std::unique_ptr<ReceivedStore> store(new ReceivedStore(std::move(db.value())));
    const QVariant handle = store->m_db->handle().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        store->m_raw = *static_cast<sqlite3* const*>(handle.constData());
        const QByteArray sql = insert->lastQuery().toUtf8();
        if (store->m_raw
            && sqlite3_prepare_v3(store->m_raw,
                                  sql.constData(),
                                  int(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT,
                                  &store->m_rawInsert,
                                  nullptr)
                   != SQLITE_OK) {
            store->m_rawInsert = nullptr; // QtSql's statement does the work
        }
    }
    // The automatic checkpoint runs inside the commit that crosses the threshold, and every
    // answer of that batch waits for its copying and syncing (SQLite's default 1000 pages was the
    // receiver's p99, 7-25 ms). A thread of the store's own runs them instead; where it cannot
    // start, a quarter of the default keeps each checkpoint in the commit short.
    store->m_checkpointer = WalCheckpointer::start(store->m_raw, path, WalCheckpointPages);
    if (!store->m_checkpointer) {
        QSqlQuery pragma(store->m_db->handle());
        if (!pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(WalCheckpointPages / 4))) {
            qCWarning(lcHistory) << "cannot set wal_autocheckpoint on" << path << pragma.lastError().text();
        }
    }
    store->m_insert = std::move(insert.value());
    store->m_seen = std::move(seen.value());
    return store;
}

Result<qint64> ReceivedStore::insert(const ReceivedRecord& record)
{
    if (m_rawInsert) {
        return insertRaw(record);
    }
    const QDateTime receivedAt = record.receivedAt.isValid() ? record.receivedAt : QDateTime::currentDateTimeUtc();
    m_insert.bindValue(0, receivedAt.toMSecsSinceEpoch());
    m_insert.bindValue(1, record.method);
    m_insert.bindValue(2, record.path);
    m_insert.bindValue(3, record.query);
    m_insert.bindValue(4, headersToJson(record.headers));
    m_insert.bindValue(5, record.body);
    m_insert.bindValue(6, record.remote);
    m_insert.bindValue(7, record.tls.isEmpty() ? QByteArray() : compact(QJsonDocument(record.tls)));
    m_insert.bindValue(8, compact(QJsonDocument(record.checks)));
    m_insert.bindValue(9, record.verdict);
    m_insert.bindValue(10, record.status);
    m_insert.bindValue(11, record.duplicate ? 1 : 0);
    m_insert.bindValue(12, record.eventId);
    m_insert.bindValue(13, record.eventJson);
    m_insert.bindValue(14, record.forward.isEmpty() ? QByteArray() : compact(QJsonDocument(record.forward)));
    if (auto done = m_db->exec(m_insert, QStringLiteral("cannot store the received request")); !done) {
        return done.error();
    }
    const qint64 seq = m_insert.lastInsertId().toLongLong();
    m_insert.finish();
    return seq;
}

// The same values, the same storage classes as QtSql binds them (a null QString or QByteArray
// as NULL, text as UTF-16, bytes as a blob), so readers cannot tell the two paths apart.
Result<qint64> ReceivedStore::insertRaw(const ReceivedRecord& record)
{
    sqlite3_stmt* statement = m_rawInsert;
    const auto text = [statement](int index, const QString& value) {
        return value.isNull()
                   ? sqlite3_bind_null(statement, index)
                   : sqlite3_bind_text16(statement, index, value.utf16(), int(value.size() * 2), SQLITE_STATIC);
    };
    const auto blob = [statement](int index, const QByteArray& value) {
        return value.isNull()
                   ? sqlite3_bind_null(statement, index)
                   : sqlite3_bind_blob(statement, index, value.constData(), int(value.size()), SQLITE_STATIC);
    };
    const QDateTime receivedAt = record.receivedAt.isValid() ? record.receivedAt : QDateTime::currentDateTimeUtc();
    const QByteArray headers = headersToJson(record.headers);
    const QByteArray tls = record.tls.isEmpty() ? QByteArray() : compact(QJsonDocument(record.tls));
    const QByteArray checks = compact(QJsonDocument(record.checks));
    const QByteArray forward = record.forward.isEmpty() ? QByteArray() : compact(QJsonDocument(record.forward));
    int rc = sqlite3_bind_int64(statement, 1, receivedAt.toMSecsSinceEpoch());
    rc |= text(2, record.method);
    rc |= text(3, record.path);
    rc |= text(4, record.query);
    rc |= blob(5, headers);
    rc |= blob(6, record.body);
    rc |= text(7, record.remote);
    rc |= blob(8, tls);
    rc |= blob(9, checks);
    rc |= text(10, record.verdict);
    rc |= sqlite3_bind_int(statement, 11, record.status);
    rc |= sqlite3_bind_int(statement, 12, record.duplicate ? 1 : 0);
    rc |= text(13, record.eventId);
    rc |= blob(14, record.eventJson);
    rc |= blob(15, forward);
    const int stepped = rc == SQLITE_OK ? sqlite3_step(statement) : rc;
    const qint64 seq = sqlite3_last_insert_rowid(m_raw);
    const QString message = stepped == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_raw));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (stepped != SQLITE_DONE) {
        return Error(QStringLiteral("cannot store the received request: %1").arg(message), {}, m_path);
    }
    return seq;
}

Result<qint64> ReceivedStore::add(const ReceivedRecord& record)
{
    return insert(record);
}

Result<QList<qint64>> ReceivedStore::addBatch(const QList<ReceivedRecord>& records)
{
    QList<qint64> seqs;
    if (records.isEmpty()) {
        return seqs;
    }
    auto done = m_db->transaction(
        [&]() -> Result<void> {
            seqs.clear(); // a retried transaction starts over
            for (const auto& record : records) {
                auto seq = insert(record);
                if (!seq) {
                    return seq.error();
                }
                seqs.append(seq.value());
            }
            return {};
        },
        QStringLiteral("cannot store %1 received requests").arg(records.size()));
    if (!done) {
        return done.error();
    }
    return seqs;
}

Result<void>
ReceivedStore::updateResult(qint64 seq, const QString& verdict, int status, const QJsonArray& checks, bool duplicate)
{
    auto update = m_db->prepare(QStringLiteral(
        "UPDATE received SET verdict = COALESCE(?, ''), status = ?, checks_json = ?, duplicate = ? WHERE seq = ?"));
    if (!update) {
        return update.error();
    }
    update->bindValue(0, verdict);
    update->bindValue(1, status);
    update->bindValue(2, compact(QJsonDocument(checks)));
    update->bindValue(3, duplicate ? 1 : 0);
    update->bindValue(4, seq);
    if (auto done = m_db->exec(update.value(), QStringLiteral("cannot update received request %1").arg(seq)); !done) {
        return done;
    }
    if (update->numRowsAffected() != 1) {
        return Error(QStringLiteral("there is no received request %1").arg(seq), {}, m_path);
    }
    return {};
}

Result<void> ReceivedStore::setForward(qint64 seq, const QJsonObject& forward)
{
    auto update = m_db->prepare(QStringLiteral("UPDATE received SET forward_json = ? WHERE seq = ?"));
    if (!update) {
        return update.error();
    }
    update->bindValue(0, compact(QJsonDocument(forward)));
    update->bindValue(1, seq);
    if (auto done = m_db->exec(update.value(), QStringLiteral("cannot record the forwarded answer of %1").arg(seq));
        !done) {
        return done;
    }
    if (update->numRowsAffected() != 1) {
        return Error(QStringLiteral("there is no received request %1").arg(seq), {}, m_path);
    }
    return {};
}

std::optional<ReceivedRecord> ReceivedStore::bySeq(qint64 seq) const
{
    auto select = m_db->prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM received WHERE seq = ?"));
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return std::nullopt;
    }
    select->bindValue(0, seq);
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read received request %1").arg(seq)); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return std::nullopt;
    }
    if (!select->next()) {
        return std::nullopt;
    }
    return recordAt(select.value());
}

QList<ReceivedRecord> ReceivedStore::latest(int limit, int offset) const
{
    auto select = m_db->prepare(QStringLiteral("SELECT ") + Columns
                                + QStringLiteral(" FROM received ORDER BY seq DESC LIMIT ? OFFSET ?"));
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return {};
    }
    select->bindValue(0, limit);
    select->bindValue(1, offset);
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot read the received requests")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return {};
    }
    QList<ReceivedRecord> records;
    while (select->next()) {
        records.append(recordAt(select.value()));
    }
    return records;
}

qint64 ReceivedStore::count() const
{
    auto select = m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM received"));
    if (!select) {
        qCWarning(lcHistory) << select.error().toString();
        return 0;
    }
    if (auto done = m_db->exec(select.value(), QStringLiteral("cannot count the received requests")); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return 0;
    }
    return select->next() ? select->value(0).toLongLong() : 0;
}

bool ReceivedStore::seenEventId(const QString& eventId) const
{
    if (eventId.isEmpty()) {
        return false;
    }
    m_seen.bindValue(0, eventId);
    if (auto done = m_db->exec(m_seen, QStringLiteral("cannot look up event id %1").arg(eventId)); !done) {
        qCWarning(lcHistory) << done.error().toString();
        return false;
    }
    const bool seen = m_seen.next();
    m_seen.finish(); // an unfinished SELECT would hold a read snapshot and stall checkpoints
    return seen;
}

// A second (third, ...) process writing to the history database while a test writes too:
//   history_writer attempts|received DB_PATH COUNT TAG
// Opens the store, prints "ready", waits for a line on stdin so all writers start together,
// then stores COUNT rows tagged TAG (the first half one by one, the rest in batches) and
// prints "done". Any failure goes to stderr with exit code 1.
#include "history/HistoryStore.h"
#include "history/ReceivedStore.h"
#include "secrets/SecretRef.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace {
constexpr int BatchSize = 25;

int fail(const QString& message)
{
    QTextStream(stderr) << "history_writer: " << message << Qt::endl;
    return 1;
}

AttemptTrace traceFor(const QString& tag, int i)
{
    AttemptTrace t;
    t.profileName = tag;
    t.eventId = tag + QLatin1Char('-') + QString::number(i);
    t.eventType = QStringLiteral("test.concurrent");
    t.method = "POST";
    t.url = QStringLiteral("http://127.0.0.1:1/hook");
    t.requestHeaders = {{"Content-Type", "application/json"}};
    t.requestBody = "{}";
    t.status = 200;
    t.outcome = AttemptTrace::Outcome::Delivered;
    t.startedAt = QDateTime::currentDateTimeUtc();
    return t;
}

ReceivedRecord requestFor(const QString& tag, int i)
{
    ReceivedRecord r;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    r.method = QStringLiteral("POST");
    r.path = QStringLiteral("/hook");
    r.headers = {{"Content-Type", "application/json"}};
    r.body = "{}";
    r.remote = tag;
    r.verdict = QStringLiteral("accepted");
    r.status = 200;
    r.eventId = tag + QLatin1Char('-') + QString::number(i);
    return r;
}

int writeAttempts(const QString& path, int count, const QString& tag)
{
    auto store = HistoryStore::open(path);
    if (!store) {
        return fail(store.error().toString());
    }
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cannot read stdin"));
    }
    in.readLine();

    int i = 0;
    for (; i < count / 2; ++i) {
        if (auto id = store.value()->addAttempt(traceFor(tag, i), "{}"); !id) {
            return fail(id.error().toString());
        }
    }
    while (i < count) {
        QList<QPair<AttemptTrace, QByteArray>> batch;
        for (; i < count && batch.size() < BatchSize; ++i) {
            batch.append({traceFor(tag, i), "{}"});
        }
        if (auto done = store.value()->addAttempts(batch); !done) {
            return fail(done.error().toString());
        }
    }
    return 0;
}

int writeReceived(const QString& path, int count, const QString& tag)
{
    auto store = ReceivedStore::open(path);
    if (!store) {
        return fail(store.error().toString());
    }
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cannot read stdin"));
    }
    in.readLine();

    // Other processes take seqs in between, but this one's must still only go up.
    qint64 last = 0;
    const auto check = [&last](qint64 seq) {
        const bool ok = seq > last;
        last = seq;
        return ok;
    };
    int i = 0;
    for (; i < count / 2; ++i) {
        auto seq = store.value()->add(requestFor(tag, i));
        if (!seq) {
            return fail(seq.error().toString());
        }
        if (!check(seq.value())) {
            return fail(QStringLiteral("seq %1 is not above the previous one").arg(seq.value()));
        }
    }
    while (i < count) {
        QList<ReceivedRecord> batch;
        for (; i < count && batch.size() < BatchSize; ++i) {
            batch.append(requestFor(tag, i));
        }
        auto seqs = store.value()->addBatch(batch);
        if (!seqs) {
            return fail(seqs.error().toString());
        }
        for (qint64 seq : seqs.value()) {
            if (!check(seq)) {
                return fail(QStringLiteral("seq %1 is not above the previous one").arg(seq));
            }
        }
    }
    return 0;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const auto args = app.arguments();
    if (args.size() != 5) {
        return fail(QStringLiteral("usage: history_writer attempts|received DB_PATH COUNT TAG"));
    }
    const int count = args.at(3).toInt();
    const int rc = args.at(1) == QLatin1String("received") ? writeReceived(args.at(2), count, args.at(4))
                                                           : writeAttempts(args.at(2), count, args.at(4));
    if (rc == 0) {
        std::fputs("done\n", stdout);
    }
    return rc;
}

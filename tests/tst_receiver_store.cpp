// The receiver stores on a writer thread and answers what it reports committed (docs/receiver-format.md:
// stored before answered). These hold the database locked from another connection to make the
// writer's batches fail or finish in a chosen order, and check what a sender would see against
// what the history holds: nothing answered 2xx that is not stored, nothing stored answered 503.
// They wait for SQLite's busy timeout on purpose, so they take a few seconds each.
#include "history/ReceivedStore.h"
#include "model/ReceiverConfig.h"
#include "receiver/Receiver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray answer;
};

void send(Client& c, quint16 port, const QByteArray& name, const QByteArray& extra = {})
{
    c.socket->connectToHost(QHostAddress::LocalHost, port);
    QObject::connect(c.socket.get(), &QTcpSocket::readyRead, c.socket.get(), [&c] { c.answer += c.socket->readAll(); });
    const QByteArray body = "{\"name\":\"" + name + "\"}";
    c.socket->write("POST /" + name + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra + "\r\n" + body);
}

int statusOf(const Client& c)
{
    if (!c.answer.startsWith("HTTP/1.1 ")) {
        return 0;
    }
    return c.answer.mid(9, 3).toInt();
}

} // namespace

class TestReceiverStore final : public QObject
{
    Q_OBJECT

private slots:
    void batchesAreAnsweredWithTheirOwnResultsWhenASlotReenters()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        auto store = ReceivedStore::open(path).value();
        auto parsed = ReceiverConfig::fromJson(
            QJsonDocument(QJsonObject {{QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")}}).toJson());
        QVERIFY(parsed.ok());
        ReceiverConfig config = parsed.value();
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        Receiver receiver;
        receiver.setStore(store.get());
        QVERIFY(receiver.start(config, {}).ok());
        const quint16 port = receiver.port();

        QSqlDatabase lock = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        lock.setDatabaseName(path);
        QVERIFY(lock.open());
        QSqlQuery q(lock);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));

        Client a, b, c;
        send(a, port, "A");
        QTest::qWait(300); // A handled and handed to the writer, which waits for the lock
        send(b, port, "B");
        QTest::qWait(300); // B handed over too: the writer takes it as a batch of its own
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QThread::msleep(1500); // both batches committed before this thread looks again

        bool first = true;
        QObject::connect(&receiver, &Receiver::requestProcessed, &receiver, [&](const ReceivedRecord& record) {
            qInfo() << "processed" << record.path << "seq" << record.seq << "status" << record.status;
            if (!first) {
                return;
            }
            first = false;
            // A slot that spins an event loop (a modal dialog, QSignalSpy::wait, ...): C arrives,
            // while the database is locked by another process.
            QSqlQuery l(lock);
            if (!l.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
                qWarning() << "could not lock";
            }
            send(c, port, "C");
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 14000 && statusOf(b) == 0) {
                QTest::qWait(50);
            }
            l.exec(QStringLiteral("COMMIT"));
        });
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(a) && statusOf(b) && statusOf(c), 30000);
        qInfo() << "A" << statusOf(a) << "B" << statusOf(b) << "C" << statusOf(c);
        QStringList rows;
        for (const auto& r : store->latest(10)) {
            rows << QStringLiteral("%1:%2").arg(r.seq).arg(r.path);
        }
        qInfo() << "rows in the history:" << rows;
        lock.close();
        // As docs/receiver.md promises: whatever was answered 2xx is stored.
        const bool cStored = rows.join(QLatin1Char(' ')).contains(QLatin1String("/C"));
        QVERIFY2(statusOf(c) != 200 || cStored, "C was answered 200 but is not in the history");
        const bool bStored = rows.join(QLatin1Char(' ')).contains(QLatin1String("/B"));
        QVERIFY2(statusOf(b) == 200 || !bStored, "B is stored but was answered 503");
    }

    void aDuplicateOfAnEventThatFailedToStoreIsNotAcknowledged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        auto store = ReceivedStore::open(path).value();
        auto parsed = ReceiverConfig::fromJson(
            QJsonDocument(QJsonObject {{QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")},
                                       {QStringLiteral("verify"), QJsonObject {{QStringLiteral("dedupe"), true}}}})
                .toJson());
        QVERIFY(parsed.ok());
        Receiver receiver;
        receiver.setStore(store.get());
        QVERIFY(receiver.start(parsed.value(), {}).ok());
        const quint16 port = receiver.port();
        QSqlDatabase lock = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock2"));
        lock.setDatabaseName(path);
        QVERIFY(lock.open());
        QSqlQuery q(lock);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        Client x, retry;
        send(x, port, "X", "webhook-id: evt_same\r\n");
        QTest::qWait(300);
        send(retry, port, "X", "webhook-id: evt_same\r\n"); // the sender's retry, or a second delivery
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(x) != 0, 20000);  // the first batch gave up on the lock
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(retry) != 0, 20000);
        qInfo() << "first" << statusOf(x) << "second" << statusOf(retry);
        for (const auto& r : store->latest(10)) {
            qInfo() << "row" << r.seq << r.path << "status" << r.status << "duplicate" << r.duplicate << "eventId"
                    << r.eventId;
        }
        qInfo() << "seenEventId(evt_same):" << store->seenEventId(QStringLiteral("evt_same"));
        lock.close();
        QVERIFY2(!(statusOf(x) == 503 && statusOf(retry) == 200 && !store->seenEventId(QStringLiteral("evt_same"))),
                 "the event was answered 200 (as a duplicate) but its processed copy was never stored");
        // The first copy failed to store; the second, taken for its duplicate, says why it got 503.
        QCOMPARE(statusOf(x), 503);
        QCOMPARE(statusOf(retry), 503);
        const auto rows = store->latest(10);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().status, 503);
        QVERIFY(!rows.first().duplicate);
        QVERIFY2(QJsonDocument(rows.first().checks).toJson().contains("could not be stored"),
                 QJsonDocument(rows.first().checks).toJson().constData());
    }
};

QTEST_GUILESS_MAIN(TestReceiverStore)
#include "tst_receiver_store.moc"

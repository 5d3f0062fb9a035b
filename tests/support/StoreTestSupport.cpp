#include "StoreTestSupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace StoreTestSupport {

std::unique_ptr<QTemporaryDir> freshStoreDir()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use")));
    QString root = qEnvironmentVariable("HOOKBENCH_DATA_DIR");
    if (root.isEmpty()) {
        root = QDir::tempPath();
    }
    QDir().mkpath(root);
    return std::make_unique<QTemporaryDir>(root + QStringLiteral("/XXXXXX"));
}

QList<QVariant> rawQuery(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    QList<QVariant> out;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next()) {
                    out.append(query.value(0));
                }
            } else {
                out.append(query.lastError().text());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

namespace {

void goWhileLocked(const QString& path, const Writers& writers)
{
    const QString name = QUuid::createUuid().toString();
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery lock(db);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        for (const auto& p : writers) {
            p->write("go\n");
            p->closeWriteChannel();
            p->waitForBytesWritten();
        }
        QThread::msleep(300); // not a timing assertion: only how long the lock is held
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

void releaseWriters(const QString& program,
                    const QString& kind,
                    const QString& path,
                    int perWriter,
                    int count,
                    Writers& writers)
{
    for (int w = 0; w < count; ++w) {
        auto p = std::make_unique<QProcess>();
        p->start(program, {kind, path, QString::number(perWriter), QStringLiteral("w%1").arg(w)});
        QVERIFY2(p->waitForStarted(), qPrintable(p->errorString()));
        writers.push_back(std::move(p));
    }
    for (auto& p : writers) {
        while (!p->canReadLine() && p->state() == QProcess::Running) {
            p->waitForReadyRead(10000);
        }
        QCOMPARE(p->readLine(), QByteArray("ready\n"));
    }
    goWhileLocked(path, writers);
}

void finishWriters(const Writers& writers)
{
    for (const auto& p : writers) {
        QVERIFY(p->waitForFinished(60000));
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
        QCOMPARE(p->readAllStandardOutput(), QByteArray("done\n"));
    }
}

} // namespace StoreTestSupport

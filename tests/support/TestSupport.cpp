#include "TestSupport.h"

#include "secrets/SecretRef.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace TestSupport {

QString dataDir()
{
    return sourceDir() + QStringLiteral("/tests/data");
}

QString sourceDir()
{
    return qEnvironmentVariable("HOOKBENCH_SOURCE_DIR");
}

QString cliPath()
{
    return qEnvironmentVariable("HOOKBENCH_CLI");
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

SecretValues resolveAll(const QStringList& refs)
{
    SecretValues values;
    for (const QString& ref : refs) {
        values.insert(ref, SecretRef::parse(ref).resolveLocal({}).value());
    }
    return values;
}

CliRun runCli(const QStringList& args, const QProcessEnvironment& env, const QByteArray& input)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);
    if (!process.waitForStarted()) {
        return {};
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QProcessEnvironment cliEnvironment(const QString& dataDir, const QProcessEnvironment& extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOOKBENCH_DATA_DIR"), dataDir);
    for (const auto& key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    return env;
}

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const auto& line : out.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            lines.append(QJsonDocument::fromJson(line).object());
        }
    }
    return lines;
}

Event sampleEvent(const QString& id)
{
    return Event(
        QJsonObject {{QStringLiteral("id"), id},
                     {QStringLiteral("type"), QStringLiteral("policy.bound")},
                     {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("policyId"), QStringLiteral("abc")}}}});
}

} // namespace TestSupport

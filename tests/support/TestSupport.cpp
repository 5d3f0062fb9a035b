#include "TestSupport.h"

#include "secrets/SecretRef.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

namespace TestSupport {

QString sharedDir()
{
    return qEnvironmentVariable("HOOKBENCH_SHARED_DIR");
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

Event sampleEvent(const QString& id)
{
    return Event(
        QJsonObject {{QStringLiteral("id"), id},
                     {QStringLiteral("type"), QStringLiteral("policy.bound")},
                     {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                     {QStringLiteral("data"), QJsonObject {{QStringLiteral("policyId"), QStringLiteral("abc")}}}});
}

} // namespace TestSupport

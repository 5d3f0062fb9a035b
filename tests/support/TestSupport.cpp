#include "TestSupport.h"

#include <QFile>

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

} // namespace TestSupport

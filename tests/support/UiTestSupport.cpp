#include "UiTestSupport.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace UiTestSupport {
bool useDataDir(const QTemporaryDir& dir)
{
    if (!dir.isValid()) {
        return false;
    }
    qputenv("HOOKBENCH_DATA_DIR", dir.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("HookBenchTest"));
    QStandardPaths::setTestModeEnabled(true);
    return true;
}
} // namespace UiTestSupport

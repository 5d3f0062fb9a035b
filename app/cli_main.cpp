#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hookbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("HookBench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));
    return Cli::run(QCoreApplication::arguments());
}

#include "Cli.h"

#include <QCoreApplication>

namespace Cli {

int run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("--version")) {
        out << QStringLiteral("hookbench-cli %1\n").arg(QStringLiteral(HOOKBENCH_VERSION));
        return Success;
    }
    err << QStringLiteral("usage: hookbench-cli COMMAND [options]; see hookbench-cli --help\n");
    return UsageError;
}

} // namespace Cli

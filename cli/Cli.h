#pragma once

#include <QStringList>
#include <QTextStream>

// hookbench-cli: parses the command line, runs one command on the shared engine and returns
// the exit code of docs/cli.md "Exit codes" (0 success, 1 the work failed, 2 usage or configuration).
namespace Cli {
enum ExitCode
{
    Success = 0,
    WorkFailed = 1,
    UsageError = 2,
};

// Runs inside a QCoreApplication; spins its own event loop where a command waits on the network.
int run(const QStringList& arguments);
} // namespace Cli

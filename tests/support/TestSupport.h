#pragma once

#include "model/Event.h"
#include "secrets/SecretResolver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Small helpers shared by the tests: where the shared folder and the CLI binary are, files,
// secrets and a sample event.
namespace TestSupport {
QString dataDir(); // tests/data in the checkout (vectors.json: published vectors, each naming its source)
QString sourceDir();
QString cliPath(); // the built hookbench-cli
QByteArray readFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& bytes); // true when every byte was written

// The values of secret references that resolve without a keychain (literal:, env:, file:).
SecretValues resolveAll(const QStringList& refs);

// A policy.bound event with this id, stamped now.
Event sampleEvent(const QString& id);

// What a finished hookbench-cli left: its exit code (-1 when it crashed or never started), its
// standard output and its standard error.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs hookbench-cli with `env` without blocking the event loop, so a server in the test's own
// process can answer it; `input` goes to its standard input, which is then closed. A run that
// has not ended after 60 s is killed.
CliRun runCli(const QStringList& args, const QProcessEnvironment& env, const QByteArray& input = {});

// The system environment with HOOKBENCH_DATA_DIR set to dataDir, then extra's variables.
QProcessEnvironment cliEnvironment(const QString& dataDir, const QProcessEnvironment& extra = {});

// One JSON object per non-empty line (docs/cli.md's --json output).
QList<QJsonObject> jsonLines(const QByteArray& out);
} // namespace TestSupport

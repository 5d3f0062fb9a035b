#pragma once

#include <QByteArray>
#include <QString>

// Small helpers shared by the tests: where the shared folder and the CLI binary are.
namespace TestSupport {
QString sharedDir(); // ../shared (contract.md, vectors.json)
QString sourceDir();
QString cliPath(); // the built hookbench-cli
QByteArray readFile(const QString& path);
} // namespace TestSupport

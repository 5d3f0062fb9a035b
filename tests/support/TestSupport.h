#pragma once

#include "model/Event.h"
#include "secrets/SecretResolver.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Small helpers shared by the tests: where the shared folder and the CLI binary are, files,
// secrets and a sample event.
namespace TestSupport {
QString sharedDir(); // ../shared (contract.md, vectors.json)
QString sourceDir();
QString cliPath(); // the built hookbench-cli
QByteArray readFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& bytes); // true when every byte was written

// The values of secret references that resolve without a keychain (literal:, env:, file:).
SecretValues resolveAll(const QStringList& refs);

// A policy.bound event with this id, stamped now.
Event sampleEvent(const QString& id);
} // namespace TestSupport

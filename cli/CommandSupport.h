#pragma once

#include "model/AttemptTrace.h"
#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

// What every command needs: its option parser, stdout/stderr, loading the files a user names,
// and the error line and exit codes of docs/cli.md.
namespace Cli {

struct Command
{
    QString name;
    QString synopsis; // the usage line of docs/cli.md
    QString summary;  // one line for `hookbench-cli --help`
    std::function<void(QCommandLineParser&)> addOptions;
    std::function<int(QCommandLineParser&, const QString& program)> run;
};

const QList<Command>& commands();

// One line on stderr: "hookbench-cli send: profile.json: auth.tokenUrl: must be ...".
void printError(const QString& command, const QString& message);
void printError(const QString& command, const Error& error);
void printOut(const QString& text); // adds nothing: the caller brings the newline
// One compact JSON line. Flushed at once unless `flush` is false (the caller then flushes, e.g.
// once per event-loop turn under load).
void printJsonLine(const QJsonObject& object, bool flush = true);
void printRawLine(const QByteArray& line); // bytes as they are, then a newline

// --profile, with the error already naming the file.
Result<EndpointProfile> loadProfile(const QCommandLineParser& parser);
// --event E.json, or --type T --data JSON; id and timestamp filled in.
Result<Event> loadEvent(const QCommandLineParser& parser);
// Every secret the profile references, from the environment, files and the keychain.
Result<SecretValues> resolveSecrets(const EndpointProfile& profile);

// Adds the options shared by the commands that build a request.
void addEventOptions(QCommandLineParser& parser);
void addProfileOption(QCommandLineParser& parser);

// A positive integer option; the error names the flag.
Result<int> positiveInt(const QCommandLineParser& parser, const QString& name, int fallback);

// One attempt for people (send and replay): "[id] attempt 1/3: 200 OK in 12.0 ms, delivered", a
// retry with its delay and reason, a failure with the time it took, then one line per redirect.
QString attemptLine(const AttemptTrace& trace);

} // namespace Cli

#include "CommandSupport.h"

#include "delivery/RetryPolicy.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace Cli {

namespace {
// Errors are one line: control characters (a NUL or line break quoted from a bad file) are
// written as escapes instead of cutting or breaking the line.
QString oneLine(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\r')) {
            out += QStringLiteral("\\r");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

void writeAll(std::FILE* stream, const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}
} // namespace

void printError(const QString& command, const QString& message)
{
    writeAll(stderr, QStringLiteral("hookbench-cli %1: %2\n").arg(command, oneLine(message)).toLocal8Bit());
    std::fflush(stderr);
}

void printError(const QString& command, const Error& error)
{
    printError(command, error.toString());
}

void printOut(const QString& text)
{
    writeAll(stdout, text.toUtf8());
}

// JSON lines are flushed one by one: a script reading `send --json` sees each attempt as it ends,
// not when the whole run (perhaps a 14-day retry plan) is over.
void printJsonLine(const QJsonObject& object, bool flush)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    writeAll(stdout, line);
    if (flush) {
        std::fflush(stdout);
    }
}

void printRawLine(const QByteArray& line)
{
    writeAll(stdout, line);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void addProfileOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Endpoint profile (JSON)."), QStringLiteral("P.json")});
}

void addEventOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("event"), QStringLiteral("Event file (JSON)."), QStringLiteral("E.json")});
    parser.addOption(
        {QStringLiteral("type"), QStringLiteral("Event type, to build an event without a file."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("data"), QStringLiteral("Event data as JSON, with --type."), QStringLiteral("JSON")});
}

Result<EndpointProfile> loadProfile(const QCommandLineParser& parser)
{
    const QString path = parser.value(QStringLiteral("profile"));
    if (path.isEmpty()) {
        return Error(QStringLiteral("--profile P.json is required"));
    }
    return EndpointProfile::load(path);
}

Result<Event> loadEvent(const QCommandLineParser& parser)
{
    const bool hasFile = parser.isSet(QStringLiteral("event"));
    const bool hasType = parser.isSet(QStringLiteral("type"));
    if (hasFile && (hasType || parser.isSet(QStringLiteral("data")))) {
        return Error(QStringLiteral("give either --event E.json or --type T --data JSON, not both"));
    }
    Result<Event> event = Error(QStringLiteral("an event is needed: --event E.json, or --type T --data JSON"));
    if (hasFile) {
        event = Event::load(parser.value(QStringLiteral("event")));
    } else if (hasType) {
        const QString data =
            parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data")) : QStringLiteral("{}");
        event = Event::make(parser.value(QStringLiteral("type")), data.toUtf8());
        if (!event) {
            return Error(event.error().message, QStringLiteral("--data"));
        }
    } else if (parser.isSet(QStringLiteral("data"))) {
        return Error(QStringLiteral("--data needs --type T"));
    }
    if (event) {
        event->fillDefaults();
    }
    return event;
}

Result<SecretValues> resolveSecrets(const EndpointProfile& profile)
{
    KeychainSecretStore store;
    SecretResolver resolver(&store);
    std::optional<Result<SecretValues>> result;
    QEventLoop loop;
    resolver.resolve(profile.secretRefs(), profile.baseDir, [&](Result<SecretValues> values) {
        result = std::move(values);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    if (!result->ok()) {
        // The resolver names the reference that failed; the user looks for the field holding it.
        Error error = result->error();
        const QString field = profile.secretFieldPath(error.path);
        if (!error.message.contains(error.path)) {
            error.message = QStringLiteral("%1 (%2)").arg(error.message, error.path);
        }
        error.path = field;
        return error;
    }
    return std::move(*result);
}

Result<int> positiveInt(const QCommandLineParser& parser, const QString& name, int fallback)
{
    if (!parser.isSet(name)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1) {
        return Error(
            QStringLiteral("--%1 takes a whole number of 1 or more, not \"%2\"").arg(name, parser.value(name)));
    }
    return value;
}

QString attemptLine(const AttemptTrace& trace)
{
    QString line = QStringLiteral("[%1] attempt %2/%3: ").arg(trace.eventId).arg(trace.attempt).arg(trace.maxAttempts);
    const QString elapsed = QLocale::c().toString(trace.elapsedMs, 'f', 1) + QStringLiteral(" ms");
    switch (trace.outcome) {
        case AttemptTrace::Outcome::Delivered:
            line += QStringLiteral("%1 %2 in %3, delivered")
                        .arg(trace.status)
                        .arg(QString::fromLatin1(trace.reason), elapsed);
            break;
        case AttemptTrace::Outcome::Retrying:
            line += QStringLiteral("%1 after %2; retrying in %3 (%4)")
                        .arg(trace.error, elapsed, RetryPolicy::formatDuration(trace.nextDelayMs), trace.retryReason);
            break;
        case AttemptTrace::Outcome::Failed:
            line += QStringLiteral("failed: %1").arg(trace.error);
            if (trace.status > 0 || trace.elapsedMs > 0) {
                line += QStringLiteral(" (after %1)").arg(elapsed);
            }
            break;
    }
    for (const auto& redirect : trace.redirects) {
        line += QStringLiteral("\n    redirect %1").arg(redirect);
    }
    return line + QLatin1Char('\n');
}

} // namespace Cli

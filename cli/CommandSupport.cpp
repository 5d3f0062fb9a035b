#include "CommandSupport.h"

#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace Cli {

void printError(const QString& command, const QString& message)
{
    const QString line = QStringLiteral("hookbench-cli %1: %2\n").arg(command, message);
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

void printError(const QString& command, const Error& error)
{
    printError(command, error.toString());
}

void printOut(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

void printJsonLine(const QJsonObject& object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
}

void printRawLine(const QByteArray& line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
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

} // namespace Cli

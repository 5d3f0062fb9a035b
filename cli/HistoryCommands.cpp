#include "Cli.h"
#include "Commands.h"

#include "delivery/RetryPolicy.h"
#include "history/HistoryStore.h"

#include <QJsonArray>
#include <QLocale>

namespace Cli {

namespace {
int runHistory(QCommandLineParser& parser, const QString& command)
{
    HistoryQuery query;
    query.profileName = parser.value(QStringLiteral("profile-name"));
    query.eventId = parser.value(QStringLiteral("event-id"));
    if (parser.isSet(QStringLiteral("status"))) {
        bool ok = false;
        const int status = parser.value(QStringLiteral("status")).toInt(&ok);
        if (!ok || status < 0 || status > 999) {
            printError(command, QStringLiteral("--status takes an HTTP status such as 200 (0: no answer)"));
            return UsageError;
        }
        query.status = status;
    }
    for (const auto& [flag, target] :
         {std::pair {QStringLiteral("since"), &query.from}, std::pair {QStringLiteral("until"), &query.to}}) {
        if (parser.isSet(flag)) {
            *target = QDateTime::fromString(parser.value(flag), Qt::ISODate);
            if (!target->isValid()) {
                printError(command,
                           QStringLiteral("--%1 takes an ISO 8601 time such as 2026-11-23T10:00:00Z").arg(flag));
                return UsageError;
            }
        }
    }
    const auto limit = positiveInt(parser, QStringLiteral("limit"), 20);
    if (!limit) {
        printError(command, limit.error());
        return UsageError;
    }
    query.limit = limit.value();

    auto store = HistoryStore::open();
    if (!store) {
        printError(command, store.error());
        return WorkFailed;
    }
    const auto records = store.value()->attempts(query);
    const bool json = parser.isSet(QStringLiteral("json"));
    for (const auto& record : records) {
        if (json) {
            QJsonObject line = record.trace.toJson(false);
            line.insert(QStringLiteral("id"), record.id);
            printJsonLine(line);
        } else {
            printOut(
                QStringLiteral("%1  %2  %3  %4 #%5  %6  %7\n")
                    .arg(record.startedAt.toUTC().toString(Qt::ISODateWithMs),
                         record.profileName.isEmpty() ? QStringLiteral("-") : record.profileName,
                         record.eventId)
                    .arg(record.eventType)
                    .arg(record.attempt)
                    .arg(record.status == 0 ? QStringLiteral("---") : QString::number(record.status), record.outcome));
        }
    }
    if (!json && records.isEmpty()) {
        printOut(QStringLiteral("no attempts match (history: %1)\n").arg(store.value()->path()));
    }
    return Success;
}

int runSchedule(QCommandLineParser& parser, const QString& command)
{
    auto profile = loadProfile(parser);
    if (!profile) {
        printError(command, profile.error());
        return UsageError;
    }
    const RetryPolicy policy(profile->retry);
    QDateTime start = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("start"))) {
        start = QDateTime::fromString(parser.value(QStringLiteral("start")), Qt::ISODate);
        if (!start.isValid()) {
            printError(command, QStringLiteral("--start takes an ISO 8601 time such as 2026-11-23T10:00:00Z"));
            return UsageError;
        }
    }
    const auto plan = policy.timeline();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray attempts;
        for (const auto& planned : plan) {
            attempts.append(QJsonObject {
                {QStringLiteral("attempt"), planned.attempt},
                {QStringLiteral("offsetMs"), planned.offsetMs},
                {QStringLiteral("delayMs"), planned.delayMs},
                {QStringLiteral("at"), start.addMSecs(planned.offsetMs).toUTC().toString(Qt::ISODate)},
            });
        }
        printJsonLine(
            QJsonObject {{QStringLiteral("summary"), policy.summary()}, {QStringLiteral("attempts"), attempts}});
        return Success;
    }
    printOut(policy.summary() + QLatin1Char('\n'));
    for (const auto& planned : plan) {
        printOut(QStringLiteral("%1  %2  +%3\n")
                     .arg(QString::number(planned.attempt).rightJustified(4),
                          start.addMSecs(planned.offsetMs).toUTC().toString(Qt::ISODate),
                          planned.offsetMs == 0 ? QStringLiteral("0") : RetryPolicy::formatDuration(planned.offsetMs)));
    }
    return Success;
}
} // namespace

Command historyCommand()
{
    return {
        QStringLiteral("history"),
        QStringLiteral("history [--profile-name NAME] [--event-id ID] [--status N] [--since T] [--until T]"
                       " [--limit N] [--json]"),
        QStringLiteral("List past delivery attempts, newest first."),
        [](QCommandLineParser& parser) {
            parser.addOption(
                {QStringLiteral("profile-name"), QStringLiteral("Only this profile."), QStringLiteral("NAME")});
            parser.addOption({QStringLiteral("event-id"), QStringLiteral("Only this event."), QStringLiteral("ID")});
            parser.addOption({QStringLiteral("status"),
                              QStringLiteral("Only this HTTP status (0: no answer)."),
                              QStringLiteral("N")});
            parser.addOption(
                {QStringLiteral("since"), QStringLiteral("From this time (ISO 8601)."), QStringLiteral("T")});
            parser.addOption(
                {QStringLiteral("until"), QStringLiteral("Before this time (ISO 8601)."), QStringLiteral("T")});
            parser.addOption(
                {QStringLiteral("limit"), QStringLiteral("At most N rows (default 20)."), QStringLiteral("N")});
            parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per attempt (its trace).")});
        },
        runHistory};
}

Command scheduleCommand()
{
    return {QStringLiteral("schedule"),
            QStringLiteral("schedule --profile P.json [--start T] [--json]"),
            QStringLiteral("Preview when a profile's retry policy would try, without sending."),
            [](QCommandLineParser& parser) {
                addProfileOption(parser);
                parser.addOption({QStringLiteral("start"),
                                  QStringLiteral("Time of the first attempt (ISO 8601; default now)."),
                                  QStringLiteral("T")});
                parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object with every attempt.")});
            },
            runSchedule};
}

} // namespace Cli

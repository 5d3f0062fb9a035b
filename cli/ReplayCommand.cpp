#include "Cli.h"
#include "Commands.h"

#include "delivery/DeliveryEngine.h"
#include "history/HistoryStore.h"
#include "history/ReceivedStore.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QSet>

#include <memory>

namespace Cli {

namespace {
const QByteArray MaskMark = QStringLiteral("••••").toUtf8(); // what maskSecret puts before the last 4

// Headers that describe one hop, not the request (RFC 9110 7.6.1), plus the ones the engine
// sets itself for the new connection (Host, Content-Length) and Expect, which belongs to the
// original exchange.
bool isHopHeader(const QByteArray& name, const QSet<QByteArray>& namedByConnection)
{
    static const QSet<QByteArray> hop {QByteArrayLiteral("connection"),
                                       QByteArrayLiteral("keep-alive"),
                                       QByteArrayLiteral("proxy-connection"),
                                       QByteArrayLiteral("proxy-authenticate"),
                                       QByteArrayLiteral("proxy-authorization"),
                                       QByteArrayLiteral("te"),
                                       QByteArrayLiteral("trailer"),
                                       QByteArrayLiteral("transfer-encoding"),
                                       QByteArrayLiteral("upgrade"),
                                       QByteArrayLiteral("host"),
                                       QByteArrayLiteral("content-length"),
                                       QByteArrayLiteral("expect")};
    const QByteArray lower = name.toLower();
    return hop.contains(lower) || namedByConnection.contains(lower);
}

// The event the request carried (for the trace's event id and standard-webhooks' default id):
// the decoded event the receiver stored, else the body when it is an event, else a fresh one.
Event eventOf(const ReceivedRecord& record)
{
    for (const QByteArray& json : {record.eventJson, record.body}) {
        if (json.isEmpty()) {
            continue;
        }
        if (auto event = Event::fromJson(json); event) {
            Event found = std::move(event).value();
            found.fillDefaults();
            return found;
        }
    }
    auto made = Event::make(QStringLiteral("replay"), QByteArrayLiteral("{}"));
    Event event = made ? std::move(made).value() : Event {};
    event.fillDefaults();
    return event;
}

// --to URL: the original method, headers (minus hop-by-hop ones) and body, to that URL. A URL
// without a path gets the original path and query, so `--to http://127.0.0.1:3000` replays to
// the same route of a local development server.
// Headers whose stored value is masked (credentials, docs/secrets.md: "••••" and the last 4
// characters) are left out and named in `masked`: sending "Authorization: ••••dHB3" as a real
// header would only fail, and looks like a credential leak to the target's logs.
Result<EndpointProfile> profileForUrl(const QString& urlText, const ReceivedRecord& record, QStringList* masked)
{
    QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        return Error(QStringLiteral("--to takes an http:// or https:// URL, not \"%1\"").arg(urlText));
    }
    if (url.path().isEmpty()) {
        url.setPath(record.path.isEmpty() ? QStringLiteral("/") : record.path, QUrl::TolerantMode);
        if (!record.query.isEmpty()) {
            url.setQuery(record.query);
        }
    }

    EndpointProfile profile;
    profile.name = QStringLiteral("replay of #%1").arg(record.seq);
    profile.url = url;
    profile.method = record.method.isEmpty() ? QStringLiteral("POST") : record.method;
    profile.contentType.clear(); // the original Content-Type, if any, is among the headers

    QSet<QByteArray> namedByConnection;
    for (const auto& [name, value] : record.headers) {
        if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray& token : value.split(',')) {
                namedByConnection.insert(token.trimmed().toLower());
            }
        }
    }
    // Qt sends one line per header name, so repeated lines are combined into one, comma-joined
    // at the place of the first: the same field value for HTTP (RFC 9110 5.3).
    for (const auto& [name, value] : record.headers) {
        if (isHopHeader(name, namedByConnection)) {
            continue;
        }
        const QString key = QString::fromLatin1(name);
        if (value.contains(MaskMark)) {
            if (!masked->contains(key, Qt::CaseInsensitive)) {
                masked->append(key);
            }
            continue;
        }
        auto same = std::find_if(profile.headers.begin(), profile.headers.end(), [&key](const auto& header) {
            return header.first.compare(key, Qt::CaseInsensitive) == 0;
        });
        if (same == profile.headers.end()) {
            profile.headers.append({key, QString::fromUtf8(value)});
        } else {
            same->second += QStringLiteral(", ") + QString::fromUtf8(value);
        }
    }
    return profile;
}

int runReplay(QCommandLineParser& parser, const QString& command)
{
    const bool hasTo = parser.isSet(QStringLiteral("to"));
    const bool hasProfile = parser.isSet(QStringLiteral("profile"));
    if (hasTo == hasProfile) {
        printError(command, QStringLiteral("give exactly one of --to URL or --profile P.json"));
        return UsageError;
    }
    bool ok = false;
    const qint64 seq = parser.value(QStringLiteral("seq")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("seq")) || !ok || seq < 1) {
        printError(command,
                   QStringLiteral("--seq takes the number of a received request (1 or more), not \"%1\"")
                       .arg(parser.value(QStringLiteral("seq"))));
        return UsageError;
    }

    auto store = ReceivedStore::open();
    if (!store) {
        printError(command, store.error());
        return UsageError;
    }
    const auto record = store.value()->bySeq(seq);
    if (!record) {
        printError(command,
                   QStringLiteral("no received request #%1 in %2 (receive stores requests there; set"
                                  " HOOKBENCH_DATA_DIR to the folder the receiver used)")
                       .arg(seq)
                       .arg(QDir::toNativeSeparators(store.value()->path())));
        return UsageError;
    }
    store.value().reset(); // the history below opens the same file

    DeliveryJob job;
    job.event = eventOf(*record);
    job.rawBody = record->body; // the exact bytes, signed as they are with --profile
    job.noRetry = parser.isSet(QStringLiteral("no-retry"));
    QStringList maskedHeaders;
    if (hasTo) {
        auto profile = profileForUrl(parser.value(QStringLiteral("to")), *record, &maskedHeaders);
        if (!profile) {
            printError(command, profile.error());
            return UsageError;
        }
        job.profile = std::move(profile).value();
    } else {
        auto profile = loadProfile(parser);
        if (!profile) {
            printError(command, profile.error());
            return UsageError;
        }
        job.profile = std::move(profile).value();
        auto secrets = resolveSecrets(job.profile);
        if (!secrets) {
            printError(command,
                       secrets.error().file.isEmpty()
                           ? secrets.error().withFile(parser.value(QStringLiteral("profile")))
                           : secrets.error());
            return UsageError;
        }
        job.secrets = std::move(secrets).value();
    }
    // Everything that makes the request invalid (a header with CR/LF, a bad signature secret)
    // is a configuration error: found here, before anything is sent.
    if (auto request = RequestBuilder::build(
            job.profile, job.secrets, job.event, *job.rawBody, QDateTime::currentSecsSinceEpoch());
        !request) {
        printError(command,
                   hasProfile ? request.error().withFile(parser.value(QStringLiteral("profile")))
                              : request.error().withFile(QStringLiteral("received request #%1").arg(seq)));
        return UsageError;
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    const QString maskedNote =
        maskedHeaders.isEmpty()
            ? QString()
            : QStringLiteral("left out %1: stored masked (••••), not as sent; --profile P.json re-applies credentials")
                  .arg(maskedHeaders.join(QStringLiteral(", ")));
    if (!maskedNote.isEmpty() && !json) {
        printError(command, QStringLiteral("warning: ") + maskedNote);
    }
    std::unique_ptr<HistoryStore> history;
    if (auto opened = HistoryStore::open(); opened) {
        history = std::move(opened).value();
    } else {
        printError(
            command,
            QStringLiteral("warning: attempts will not be kept in the history: %1").arg(opened.error().toString()));
    }

    DeliveryEngine engine;
    engine.setHistory(history.get());
    QEventLoop loop;
    bool delivered = false;
    Delivery* delivery = engine.deliver(std::move(job));
    QObject::connect(delivery, &Delivery::attemptFinished, &engine, [&](const AttemptTrace& trace) {
        if (json) {
            QJsonObject line = trace.toJson(showSecrets);
            if (!maskedNote.isEmpty()) {
                line.insert(QStringLiteral("note"), maskedNote);
                line.insert(QStringLiteral("droppedHeaders"), QJsonArray::fromStringList(maskedHeaders));
            }
            printJsonLine(line);
        } else {
            printOut(attemptLine(trace));
        }
    });
    QObject::connect(delivery, &Delivery::finished, &engine, [&](bool ok) {
        delivered = ok;
        loop.quit();
    });
    loop.exec();

    if (json) {
        printJsonLine(QJsonObject {{QStringLiteral("summary"),
                                    QJsonObject {{QStringLiteral("events"), 1},
                                                 {QStringLiteral("delivered"), delivered ? 1 : 0},
                                                 {QStringLiteral("failed"), delivered ? 0 : 1},
                                                 {QStringLiteral("tokenFetches"), 0},
                                                 {QStringLiteral("replayedSeq"), seq}}}});
    } else {
        printOut(QStringLiteral("request #%1 replayed: %2\n")
                     .arg(seq)
                     .arg(delivered ? QStringLiteral("delivered") : QStringLiteral("failed")));
    }
    std::fflush(stdout);
    return delivered ? Success : WorkFailed;
}
} // namespace

Command replayCommand()
{
    return {
        QStringLiteral("replay"),
        QStringLiteral("replay --seq N (--to URL | --profile P.json) [--json] [--show-secrets] [--no-retry]"),
        QStringLiteral("Send a stored received request again."),
        [](QCommandLineParser& parser) {
            parser.addOption({QStringLiteral("seq"),
                              QStringLiteral("The received request to send again (its seq, as `receive` shows)."),
                              QStringLiteral("N")});
            parser.addOption({QStringLiteral("to"),
                              QStringLiteral("Send it as it came (method, headers, body) to this URL. A URL"
                                             " without a path gets the original path and query."),
                              QStringLiteral("URL")});
            parser.addOption({QStringLiteral("profile"),
                              QStringLiteral("Send the original body to this profile's URL, with its auth and"
                                             " signatures."),
                              QStringLiteral("P.json")});
            parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per attempt, then a summary.")});
            parser.addOption(
                {QStringLiteral("show-secrets"), QStringLiteral("Show secret values instead of ••••abcd.")});
            parser.addOption(
                {QStringLiteral("no-retry"), QStringLiteral("One attempt only, whatever the profile's policy.")});
        },
        runReplay};
}

} // namespace Cli

#include "Cli.h"
#include "Commands.h"
#include "SignalWatcher.h"

#include "auth/AuthorizationCodeFlow.h"
#include "delivery/DeliveryEngine.h"
#include "delivery/RequestBuilder.h"
#include "history/HistoryStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>

#include <memory>

namespace Cli {

namespace {
// Everything a request needs, loaded and checked before anything is sent (errors exit 2).
struct Prepared
{
    EndpointProfile profile;
    Event event;
    SecretValues secrets;
    std::optional<QByteArray> rawBody;
    QByteArray body;
    OutgoingRequest request; // the first request, built once up front to catch every error
};

void addRequestOptions(QCommandLineParser& parser)
{
    addProfileOption(parser);
    addEventOptions(parser);
    parser.addOption({QStringLiteral("raw-body"),
                      QStringLiteral("Send these exact bytes as the body instead of the event JSON."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("show-secrets"), QStringLiteral("Show secret values instead of ••••abcd.")});
}

Result<Prepared> prepare(const QCommandLineParser& parser)
{
    Prepared prepared;
    auto profile = loadProfile(parser);
    if (!profile) {
        return profile.error();
    }
    prepared.profile = std::move(profile).value();
    auto event = loadEvent(parser);
    if (!event) {
        return event.error();
    }
    prepared.event = std::move(event).value();
    if (parser.isSet(QStringLiteral("raw-body"))) {
        QFile file(parser.value(QStringLiteral("raw-body")));
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(
                QStringLiteral("cannot read the --raw-body file: %1").arg(file.errorString()), {}, file.fileName());
        }
        prepared.rawBody = file.readAll();
    }
    auto secrets = resolveSecrets(prepared.profile);
    if (!secrets) {
        return secrets.error().file.isEmpty() ? secrets.error().withFile(parser.value(QStringLiteral("profile")))
                                              : secrets.error();
    }
    prepared.secrets = std::move(secrets).value();
    if (prepared.rawBody) {
        prepared.body = *prepared.rawBody;
    } else {
        auto body = RequestBuilder::buildBody(prepared.profile, prepared.event, prepared.secrets);
        if (!body) {
            return body.error().withFile(parser.value(QStringLiteral("profile")));
        }
        prepared.body = std::move(body).value();
    }
    // OAuth tokens are fetched when sending; a stand-in checks everything else up front.
    const bool oauth = prepared.profile.auth.type == AuthType::OAuth2ClientCredentials
                       || prepared.profile.auth.type == AuthType::OAuth2AuthorizationCode;
    auto request = RequestBuilder::build(prepared.profile,
                                         prepared.secrets,
                                         prepared.event,
                                         prepared.body,
                                         QDateTime::currentSecsSinceEpoch(),
                                         oauth ? QByteArrayLiteral("ACCESS_TOKEN") : QByteArray());
    if (!request) {
        return request.error().withFile(parser.value(QStringLiteral("profile")));
    }
    prepared.request = std::move(request).value();
    return prepared;
}

int runSend(QCommandLineParser& parser, const QString& command)
{
    const auto repeat = positiveInt(parser, QStringLiteral("repeat"), 1);
    const auto concurrency = positiveInt(parser, QStringLiteral("concurrency"), 6);
    if (!repeat || !concurrency) {
        printError(command, !repeat ? repeat.error() : concurrency.error());
        return UsageError;
    }
    auto prepared = prepare(parser);
    if (!prepared) {
        printError(command, prepared.error());
        return UsageError;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    const bool noRetry = parser.isSet(QStringLiteral("no-retry"));

    std::unique_ptr<HistoryStore> history;
    if (!parser.isSet(QStringLiteral("no-history"))) {
        auto opened = HistoryStore::open();
        if (opened) {
            history = std::move(opened).value();
        } else {
            printError(command,
                       QStringLiteral("warning: attempts will not be kept in the history: %1 (set HOOKBENCH_DATA_DIR"
                                      " to a writable folder)")
                           .arg(opened.error().toString()));
        }
    }

    DeliveryEngine engine;
    engine.setHistory(history.get());
    if (prepared->profile.auth.type == AuthType::OAuth2AuthorizationCode) {
        // `send` never signs in (it may run unattended); it says how to.
        engine.authorizationCode()->setSignInHint(
            QStringLiteral("run `hookbench-cli token --sign-in --profile %1` to sign in")
                .arg(parser.value(QStringLiteral("profile"))));
    }
    bool historyWarned = false;
    QObject::connect(&engine, &DeliveryEngine::historyError, &engine, [&](const QString& message) {
        if (!historyWarned) {
            printError(command, QStringLiteral("warning: could not write to the history: %1").arg(message));
            historyWarned = true;
        }
    });

    const int total = repeat.value();
    int started = 0;
    int done = 0;
    int delivered = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();

    // SIGINT/SIGTERM: no new events; the ones in flight are cancelled (their attempts reported
    // and stored), then the summary says how far it got.
    bool interrupted = false;
    QList<QPointer<Delivery>> active;
    SignalWatcher watcher([&] {
        interrupted = true;
        printError(command, QStringLiteral("interrupted: cancelling %1 delivery(ies) in flight").arg(started - done));
        for (const auto& delivery : std::as_const(active)) {
            if (delivery) {
                delivery->cancel();
            }
        }
        if (done == started) {
            loop.quit();
        }
    });

    std::function<void()> startMore = [&] {
        while (!interrupted && started < total && started - done < concurrency.value()) {
            Event event = total > 1 ? prepared->event.withFreshId() : prepared->event;
            ++started;
            Delivery* delivery = engine.deliver(
                DeliveryJob {prepared->profile, prepared->secrets, std::move(event), prepared->rawBody, noRetry});
            QObject::connect(delivery, &Delivery::attemptFinished, &engine, [&](const AttemptTrace& trace) {
                if (json && !showSecrets && !trace.maskedJson.isEmpty()) {
                    printRawLine(trace.maskedJson); // already serialised by the engine
                } else if (json) {
                    printJsonLine(trace.toJson(showSecrets));
                } else {
                    printOut(attemptLine(trace));
                }
            });
            active.append(delivery);
            QObject::connect(delivery, &Delivery::finished, &engine, [&, delivery](bool ok) {
                delivery->deleteLater();
                active.removeAll(delivery);
                ++done;
                delivered += ok ? 1 : 0;
                if (done == total || (interrupted && done == started)) {
                    loop.quit();
                } else {
                    startMore();
                }
            });
        }
    };
    startMore();
    loop.exec();

    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const int failed = total - delivered;
    if (json) {
        QJsonObject summary {{QStringLiteral("summary"),
                              QJsonObject {{QStringLiteral("events"), total},
                                           {QStringLiteral("delivered"), delivered},
                                           {QStringLiteral("failed"), failed},
                                           {QStringLiteral("tokenFetches"), engine.tokenFetches()},
                                           {QStringLiteral("elapsedMs"), qRound(seconds * 10000) / 10.0},
                                           {QStringLiteral("deliveriesPerSecond"),
                                            seconds > 0 ? qRound(delivered / seconds * 10) / 10.0 : 0.0}}}};
        if (interrupted) {
            QJsonObject inner = summary.value(QStringLiteral("summary")).toObject();
            inner.insert(QStringLiteral("interrupted"), true);
            summary.insert(QStringLiteral("summary"), inner);
        }
        printJsonLine(summary);
    } else {
        printOut(QStringLiteral("%1 event%2: %3 delivered, %4 failed, %5 token fetch%6; %7 s, %8 deliveries/s%9\n")
                     .arg(total)
                     .arg(total == 1 ? QString() : QStringLiteral("s"))
                     .arg(delivered)
                     .arg(failed)
                     .arg(engine.tokenFetches())
                     .arg(engine.tokenFetches() == 1 ? QString() : QStringLiteral("es"))
                     .arg(QLocale::c().toString(seconds, 'f', 3),
                          QLocale::c().toString(seconds > 0 ? delivered / seconds : 0.0, 'f', 1),
                          interrupted ? QStringLiteral(" (interrupted)") : QString()));
    }
    std::fflush(stdout);
    return failed == 0 ? Success : WorkFailed;
}

int runSign(QCommandLineParser& parser, const QString& command)
{
    auto prepared = prepare(parser);
    if (!prepared) {
        printError(command, prepared.error());
        return UsageError;
    }
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    const OutgoingRequest& request = prepared->request;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject headers;
        QJsonArray headerList;
        for (int i = 0; i < request.headers.size(); ++i) {
            const auto name = QString::fromLatin1(request.headers.at(i).first);
            const auto value = QString::fromUtf8(request.displayHeaderValue(i, showSecrets));
            headers.insert(name, value);
            headerList.append(QJsonArray {name, value});
        }
        QJsonObject out {
            {QStringLiteral("method"), QString::fromLatin1(request.method)},
            {QStringLiteral("url"), request.url.toString(QUrl::FullyEncoded)},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("headerList"), headerList},
        };
        AttemptTrace::insertBody(out, request.body);
        printJsonLine(out);
        return Success;
    }
    QString text = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.url.toString(QUrl::FullyEncoded)
                   + QLatin1Char('\n');
    for (int i = 0; i < request.headers.size(); ++i) {
        text += QString::fromLatin1(request.headers.at(i).first) + QStringLiteral(": ")
                + QString::fromUtf8(request.displayHeaderValue(i, showSecrets)) + QLatin1Char('\n');
    }
    printOut(text + QLatin1Char('\n'));
    std::fwrite(request.body.constData(), 1, size_t(request.body.size()), stdout);
    printOut(QStringLiteral("\n"));
    return Success;
}

int runCurl(QCommandLineParser& parser, const QString& command)
{
    auto prepared = prepare(parser);
    if (!prepared) {
        printError(command, prepared.error());
        return UsageError;
    }
    printOut(prepared->request.toCurl(parser.isSet(QStringLiteral("show-secrets"))) + QLatin1Char('\n'));
    return Success;
}
} // namespace

Command sendCommand()
{
    return {
        QStringLiteral("send"),
        QStringLiteral("send --profile P.json (--event E.json | --type T --data JSON) [--repeat N] [--json]"
                       " [--show-secrets] [--no-retry]"),
        QStringLiteral("Deliver events to an endpoint, with its auth, signatures and retries."),
        [](QCommandLineParser& parser) {
            addRequestOptions(parser);
            parser.addOption({QStringLiteral("repeat"),
                              QStringLiteral("Send N events, each with a fresh id, through one engine."),
                              QStringLiteral("N")});
            parser.addOption({QStringLiteral("concurrency"),
                              QStringLiteral("Deliveries in flight at once with --repeat (default 6)."),
                              QStringLiteral("N")});
            parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per attempt, then a summary.")});
            parser.addOption({QStringLiteral("no-retry"), QStringLiteral("One attempt only, whatever the policy.")});
            parser.addOption(
                {QStringLiteral("no-history"), QStringLiteral("Do not record the attempts in the history.")});
        },
        runSend};
}

Command signCommand()
{
    return {QStringLiteral("sign"),
            QStringLiteral("sign --profile P.json --event E.json [--json] [--show-secrets]"),
            QStringLiteral("Print the headers and body that would be sent."),
            [](QCommandLineParser& parser) {
                addRequestOptions(parser);
                parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
            },
            runSign};
}

Command curlCommand()
{
    return {QStringLiteral("curl"),
            QStringLiteral("curl --profile P.json (--event E.json | --type T --data JSON) [--show-secrets]"),
            QStringLiteral("Print a curl command line that reproduces the request."),
            [](QCommandLineParser& parser) { addRequestOptions(parser); },
            runCurl};
}

} // namespace Cli

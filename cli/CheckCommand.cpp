#include "Cli.h"
#include "Commands.h"

#include "auth/TokenProvider.h"
#include "conformance/CaseGenerator.h"
#include "conformance/ConformanceRunner.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <cstdio>

namespace Cli {

namespace {

// `check` sends several requests, so a whole-number flag must be checked before anything goes out.
Result<std::optional<int>> intFlag(const QCommandLineParser& parser, const QString& name, int min, int max)
{
    if (!parser.isSet(name)) {
        return std::optional<int> {};
    }
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return Error(QStringLiteral("--%1 takes a whole number from %2 to %3, not \"%4\"")
                         .arg(name)
                         .arg(min)
                         .arg(max)
                         .arg(parser.value(name)));
    }
    return std::optional<int>(int(value));
}

// The OAuth client-credentials token the cases carry (the same token for all of them).
Result<QByteArray>
fetchToken(const EndpointProfile& profile, const SecretValues& secrets, QNetworkAccessManager* network)
{
    auto request = TokenRequest::fromProfile(profile, secrets);
    if (!request) {
        return request.error();
    }
    TokenProvider provider(network);
    std::optional<TokenOutcome> outcome;
    QEventLoop loop;
    provider.token(request.value(), &loop, [&](const TokenOutcome& o) {
        outcome = o;
        loop.quit();
    });
    loop.exec();
    if (!outcome->ok()) {
        return outcome->error;
    }
    return outcome->token->value;
}

QString row(const Conformance::CaseResult& result)
{
    QString line = QStringLiteral("%1 %2 %3 %4\n")
                       .arg(result.name.leftJustified(26),
                            Conformance::expectationName(result.expectation).leftJustified(17),
                            result.answerText().leftJustified(26),
                            Conformance::verdictName(result.verdict));
    if (result.verdict != Conformance::Verdict::Ok && result.verdict != Conformance::Verdict::Unverified) {
        line += QStringLiteral("    risk: %1\n").arg(result.risk);
        line += QStringLiteral("    sent: %1\n").arg(result.description);
        if (!result.bodyHint.isEmpty()) {
            line += QStringLiteral("    answer body: %1\n").arg(QString::fromUtf8(result.bodyHint));
        }
    }
    if (!result.note.isEmpty()) {
        line += QStringLiteral("    note: %1\n").arg(result.note);
    }
    return line;
}

int runCheck(QCommandLineParser& parser, const QString& command)
{
    const auto tolerance = intFlag(parser, QStringLiteral("tolerance-s"), 1, 10 * 366 * 24 * 3600);
    const auto duplicateStatus = intFlag(parser, QStringLiteral("duplicate-status"), 100, 599);
    if (!tolerance || !duplicateStatus) {
        printError(command, !tolerance ? tolerance.error() : duplicateStatus.error());
        return UsageError;
    }
    const QString path = parser.value(QStringLiteral("profile"));
    if (path.isEmpty()) {
        printError(command, QStringLiteral("--profile P.json is required"));
        return UsageError;
    }
    auto loaded = Conformance::loadProfile(path);
    if (!loaded) {
        printError(command, loaded.error());
        return UsageError;
    }
    EndpointProfile profile = std::move(loaded->profile);
    Conformance::Options options = loaded->options;
    if (tolerance.value()) {
        options.toleranceSeconds = *tolerance.value();
    }
    if (duplicateStatus.value()) {
        options.duplicateStatus = *duplicateStatus.value();
    }
    if (profile.auth.type == AuthType::OAuth2AuthorizationCode) {
        printError(command,
                   Error(QStringLiteral("check cannot sign in through a browser; check the endpoint with a profile"
                                        " whose auth is oauth2ClientCredentials, bearer or none"),
                         QStringLiteral("auth.type"),
                         path));
        return UsageError;
    }

    Result<Event> event = Error(QString());
    if (parser.isSet(QStringLiteral("event")) || parser.isSet(QStringLiteral("type"))
        || parser.isSet(QStringLiteral("data"))) {
        event = loadEvent(parser);
    } else {
        event =
            Event::make(QStringLiteral("hookbench.check"), QByteArrayLiteral("{\"purpose\":\"conformance check\"}"));
    }
    if (!event) {
        printError(command, event.error());
        return UsageError;
    }

    auto secrets = resolveSecrets(profile);
    if (!secrets) {
        printError(command, secrets.error().file.isEmpty() ? secrets.error().withFile(path) : secrets.error());
        return UsageError;
    }

    QNetworkAccessManager network;
    QByteArray accessToken;
    if (profile.auth.type == AuthType::OAuth2ClientCredentials) {
        auto token = fetchToken(profile, secrets.value(), &network);
        if (!token) {
            printError(command, QStringLiteral("token fetch failed: %1").arg(token.error().toString()));
            return WorkFailed;
        }
        accessToken = token.value();
    }

    auto cases = Conformance::generateCases(
        profile, secrets.value(), event.value(), options, QDateTime::currentSecsSinceEpoch(), accessToken);
    if (!cases) {
        printError(command, cases.error().withFile(path));
        return UsageError;
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    if (!json) {
        printOut(QStringLiteral("Checking %1 %2: %3 cases\n%4 %5 %6 verdict\n")
                     .arg(profile.method, profile.url.toString(QUrl::FullyEncoded))
                     .arg(cases->size())
                     .arg(QStringLiteral("case").leftJustified(26),
                          QStringLiteral("expect").leftJustified(17),
                          QStringLiteral("answer").leftJustified(26)));
        std::fflush(stdout);
    }

    Conformance::Runner runner(&network);
    QEventLoop loop;
    QObject::connect(
        &runner, &Conformance::Runner::caseFinished, &loop, [json](int, const Conformance::CaseResult& result) {
            if (json) {
                printJsonLine(result.toJson());
            } else {
                printOut(row(result));
            }
            std::fflush(stdout);
        });
    QObject::connect(&runner, &Conformance::Runner::finished, &loop, [&loop](bool) { loop.quit(); });
    runner.start(profile, secrets.value(), cases.value(), options);
    loop.exec();

    const bool strict = parser.isSet(QStringLiteral("strict"));
    const Conformance::Summary summary = Conformance::summarize(runner.results());
    if (!json) {
        QString verdict;
        if (!summary.validAccepted) {
            verdict = QStringLiteral("the valid delivery was not accepted");
        } else if (summary.count(Conformance::Verdict::Fail) > 0) {
            verdict = QStringLiteral("failed");
        } else if (strict && summary.count(Conformance::Verdict::Warn) > 0) {
            verdict = QStringLiteral("failed (--strict counts warn)");
        } else {
            verdict = QStringLiteral("passed");
        }
        printOut(QStringLiteral("%1; %2\n").arg(summary.text(), verdict));
        std::fflush(stdout);
    }
    return runner.passed(strict) ? Success : WorkFailed;
}

} // namespace

Command checkCommand()
{
    return {QStringLiteral("check"),
            QStringLiteral(
                "check --profile P.json [--event E.json] [--json] [--strict] [--tolerance-s S] [--duplicate-status N]"),
            QStringLiteral("Conformance check: does the endpoint refuse tampered, replayed and unsigned webhooks?"),
            [](QCommandLineParser& parser) {
                addProfileOption(parser);
                addEventOptions(parser);
                parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per case.")});
                parser.addOption({QStringLiteral("strict"),
                                  QStringLiteral("Exit 1 on a warn too (a hardening gap), not only on a fail.")});
                parser.addOption({QStringLiteral("tolerance-s"),
                                  QStringLiteral("The timestamp tolerance the endpoint should apply (default 300, or"
                                                 " check.toleranceSeconds in the profile)."),
                                  QStringLiteral("S")});
                parser.addOption({QStringLiteral("duplicate-status"),
                                  QStringLiteral("The status the endpoint answers a recognised duplicate with; the"
                                                 " duplicate-event case then requires it."),
                                  QStringLiteral("N")});
            },
            runCheck};
}

} // namespace Cli

#include "Cli.h"
#include "Commands.h"

#include "auth/TokenProvider.h"
#include "delivery/DeliveryEngine.h"
#include "secrets/SecretRef.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace Cli {

namespace {
QString indented(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

int runToken(QCommandLineParser& parser, const QString& command)
{
    auto profile = loadProfile(parser);
    if (!profile) {
        printError(command, profile.error());
        return UsageError;
    }
    const QString file = parser.value(QStringLiteral("profile"));
    if (profile->auth.type != AuthType::OAuth2ClientCredentials) {
        printError(command,
                   Error(QStringLiteral("is not oauth2ClientCredentials: `token` fetches client-credentials tokens"),
                         QStringLiteral("auth.type"),
                         file));
        return UsageError;
    }
    auto secrets = resolveSecrets(profile.value());
    if (!secrets) {
        printError(command, secrets.error().file.isEmpty() ? secrets.error().withFile(file) : secrets.error());
        return UsageError;
    }
    auto request = TokenRequest::fromProfile(profile.value(), secrets.value());
    if (!request) {
        printError(command, request.error().withFile(file));
        return UsageError;
    }

    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    TokenProvider provider(&network);
    std::optional<TokenOutcome> outcome;
    QEventLoop loop;
    provider.token(request.value(), &loop, [&](const TokenOutcome& answer) {
        outcome = answer;
        loop.quit();
    });
    loop.exec();

    QJsonObject exchange = outcome->exchange;
    QJsonObject response = exchange.value(QStringLiteral("response")).toObject();
    if (showSecrets && outcome->ok()) {
        QJsonObject body = response.value(QStringLiteral("body")).toObject();
        body.insert(QStringLiteral("access_token"), QString::fromUtf8(outcome->token->value));
        response.insert(QStringLiteral("body"), body);
        exchange.insert(QStringLiteral("response"), response);
    }
    const QJsonObject assertion =
        exchange.value(QStringLiteral("request")).toObject().value(QStringLiteral("assertion")).toObject();

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out {{QStringLiteral("tokenUrl"), request->tokenUrl.toString()},
                         {QStringLiteral("clientAuth"), request->clientAuth},
                         {QStringLiteral("ok"), outcome->ok()},
                         {QStringLiteral("exchange"), exchange}};
        if (outcome->ok()) {
            out.insert(QStringLiteral("token"), response.value(QStringLiteral("body")));
            out.insert(QStringLiteral("expiresAt"), outcome->token->expiresAt.toString(Qt::ISODate));
        } else {
            out.insert(QStringLiteral("error"), outcome->error.message);
        }
        if (!assertion.isEmpty()) {
            out.insert(QStringLiteral("assertion"), assertion);
        }
        printJsonLine(out);
    } else {
        QString text =
            QStringLiteral("POST %1 (client auth %2)\n").arg(request->tokenUrl.toString(), request->clientAuth);
        if (!assertion.isEmpty()) {
            text += QStringLiteral("client assertion header:\n%1\nclient assertion claims:\n%2\n")
                        .arg(indented(assertion.value(QStringLiteral("header")).toObject()),
                             indented(assertion.value(QStringLiteral("claims")).toObject()));
        }
        if (!response.isEmpty()) {
            const QJsonValue body = response.value(QStringLiteral("body"));
            text += QStringLiteral("HTTP %1 in %2 ms\n%3\n")
                        .arg(response.value(QStringLiteral("status")).toInt())
                        .arg(exchange.value(QStringLiteral("elapsedMs")).toDouble())
                        .arg(body.isObject() ? indented(body.toObject()) : body.toString());
        }
        if (outcome->ok()) {
            text += QStringLiteral("token valid until %1\n").arg(outcome->token->expiresAt.toString(Qt::ISODate));
        }
        printOut(text);
    }
    std::fflush(stdout);
    if (!outcome->ok()) {
        printError(command, QStringLiteral("token fetch refused: %1").arg(outcome->error.toString()));
        return WorkFailed;
    }
    return Success;
}
} // namespace

Command tokenCommand()
{
    return {QStringLiteral("token"),
            QStringLiteral("token --profile P.json [--json] [--show-secrets]"),
            QStringLiteral("Fetch an OAuth 2.0 token and show the exchange."),
            [](QCommandLineParser& parser) {
                addProfileOption(parser);
                parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
                parser.addOption(
                    {QStringLiteral("show-secrets"), QStringLiteral("Show the access token instead of ••••abcd.")});
            },
            runToken};
}

} // namespace Cli

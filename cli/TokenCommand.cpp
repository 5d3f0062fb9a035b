#include "Cli.h"
#include "Commands.h"

#include "auth/AuthorizationCodeFlow.h"
#include "auth/TokenProvider.h"
#include "delivery/DeliveryEngine.h"
#include "secrets/SecretRef.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>

namespace Cli {

namespace {
QString indented(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

void printErrLine(const QString& text)
{
    std::fputs((text + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

// oauth2AuthorizationCode: a token from the stored refresh token, or else the sign-in: the
// authorization URL is printed (and opened in a browser when there is a display), the redirect
// comes back to a loopback listener, and the refresh token is kept in the keychain for `send`.
int runAuthorizationCode(QCommandLineParser& parser,
                         const QString& command,
                         const EndpointProfile& profile,
                         const SecretValues& secrets,
                         const QString& file)
{
    auto config = AuthorizationCodeConfig::fromProfile(profile, secrets);
    if (!config) {
        printError(command, config.error().withFile(file));
        return UsageError;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    const bool noBrowser = parser.isSet(QStringLiteral("no-browser"));

    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    KeychainSecretStore store;
    AuthorizationCodeFlow flow(&network, &store);
    // A refused refresh token is deleted and `token` says so and how to sign in again, rather
    // than opening a sign-in nobody asked for (a script may be running it).
    flow.setSignInHint(QStringLiteral("run `hookbench-cli token --sign-in --profile %1` to sign in again").arg(file));
    bool signedIn = false;
    flow.setOpenUrl([&](const QUrl& url) {
        signedIn = true;
        // stderr: stdout stays for the result (and pure JSON with --json).
        printErrLine(QStringLiteral("Sign in by opening this address in a browser:"));
        printErrLine(QStringLiteral("  ") + url.toString(QUrl::FullyEncoded));
        const bool display = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
        const QString opener = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
        if (!noBrowser && display && !opener.isEmpty()
            && QProcess::startDetached(opener, {url.toString(QUrl::FullyEncoded)})) {
            printErrLine(QStringLiteral("(opened in your browser)"));
        }
        printErrLine(QStringLiteral("Waiting for the sign-in (up to %1 s)...").arg(config->signInTimeoutMs / 1000));
    });
    QObject::connect(&flow, &AuthorizationCodeFlow::warning, &flow, [&command](const QString& message) {
        printError(command, QStringLiteral("warning: ") + message);
    });

    std::optional<Result<AccessToken>> result;
    QEventLoop loop;
    auto done = [&](Result<AccessToken> answer) {
        result = std::move(answer);
        loop.quit();
    };
    if (parser.isSet(QStringLiteral("sign-in"))) {
        flow.signIn(config.value(), done);
    } else {
        flow.token(config.value(), done);
    }
    if (!result) {
        loop.exec();
    }

    const QString grant = signedIn ? QStringLiteral("authorization_code") : QStringLiteral("refresh_token");
    QJsonObject token;
    if (*result) {
        const AccessToken& value = result->value();
        token.insert(QStringLiteral("access_token"),
                     showSecrets ? QString::fromUtf8(value.value) : maskSecret(value.value));
        token.insert(QStringLiteral("token_type"), value.tokenType);
        if (!value.scope.isEmpty()) {
            token.insert(QStringLiteral("scope"), value.scope);
        }
    }
    if (json) {
        QJsonObject out {{QStringLiteral("tokenUrl"), config->tokenUrl.toString()},
                         {QStringLiteral("grant"), grant},
                         {QStringLiteral("signedIn"), signedIn},
                         {QStringLiteral("keychainEntry"), config->keychainEntry},
                         {QStringLiteral("ok"), result->ok()}};
        if (*result) {
            out.insert(QStringLiteral("token"), token);
            out.insert(QStringLiteral("expiresAt"), result->value().expiresAt.toString(Qt::ISODate));
        } else {
            out.insert(QStringLiteral("error"), result->error().message);
        }
        printJsonLine(out);
    } else if (*result) {
        printOut(QStringLiteral("%1 at %2 (client %3)\n%4\ntoken valid until %5\n")
                     .arg(signedIn ? QStringLiteral("signed in; code exchanged")
                                   : QStringLiteral("token from the stored refresh token"),
                          config->tokenUrl.toString(),
                          config->clientId,
                          indented(token),
                          result->value().expiresAt.toString(Qt::ISODate)));
        if (signedIn) {
            printOut(QStringLiteral("refresh token kept in the keychain (entry %1): `send` uses it from now on\n")
                         .arg(config->keychainEntry));
        }
    }
    std::fflush(stdout);
    if (!*result) {
        printError(command, QStringLiteral("token fetch refused: %1").arg(result->error().toString()));
        return WorkFailed;
    }
    return Success;
}

int runToken(QCommandLineParser& parser, const QString& command)
{
    auto profile = loadProfile(parser);
    if (!profile) {
        printError(command, profile.error());
        return UsageError;
    }
    const QString file = parser.value(QStringLiteral("profile"));
    if (profile->auth.type != AuthType::OAuth2ClientCredentials
        && profile->auth.type != AuthType::OAuth2AuthorizationCode) {
        printError(command,
                   Error(QStringLiteral("is neither oauth2ClientCredentials nor oauth2AuthorizationCode: `token`"
                                        " fetches OAuth 2.0 tokens"),
                         QStringLiteral("auth.type"),
                         file));
        return UsageError;
    }
    auto secrets = resolveSecrets(profile.value());
    if (!secrets) {
        printError(command, secrets.error().file.isEmpty() ? secrets.error().withFile(file) : secrets.error());
        return UsageError;
    }
    if (profile->auth.type == AuthType::OAuth2AuthorizationCode) {
        return runAuthorizationCode(parser, command, profile.value(), secrets.value(), file);
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
            QStringLiteral("token --profile P.json [--json] [--show-secrets] [--sign-in] [--no-browser]"),
            QStringLiteral("Fetch an OAuth 2.0 token and show the exchange; sign in for authorization-code profiles."),
            [](QCommandLineParser& parser) {
                addProfileOption(parser);
                parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
                parser.addOption(
                    {QStringLiteral("show-secrets"), QStringLiteral("Show the access token instead of ••••abcd.")});
                parser.addOption({QStringLiteral("sign-in"),
                                  QStringLiteral("oauth2AuthorizationCode: sign in again even when a refresh token is"
                                                 " stored.")});
                parser.addOption({QStringLiteral("no-browser"),
                                  QStringLiteral("oauth2AuthorizationCode: only print the sign-in address; do not"
                                                 " start a browser.")});
            },
            runToken};
}

} // namespace Cli

#include "Cli.h"
#include "Commands.h"

#include "secrets/SecretRef.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QFile>

#include <cstdio>

namespace Cli {

namespace {
QByteArray readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray value = in.readAll();
    // `echo secret | hookbench-cli secret set NAME` must not store the newline.
    if (value.endsWith('\n')) {
        value.chop(1);
        if (value.endsWith('\r')) {
            value.chop(1);
        }
    }
    return value;
}

int runSecret(QCommandLineParser& parser, const QString& command)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (args.size() != 2
        || (action != QLatin1String("set") && action != QLatin1String("get") && action != QLatin1String("delete"))) {
        printError(command, QStringLiteral("usage: hookbench-cli secret set NAME | get NAME | delete NAME"));
        return UsageError;
    }
    const QString name = args.at(1);
    KeychainSecretStore store;
    QEventLoop loop;
    int exitCode = Success;
    bool done = false; // a store may answer before the loop runs

    if (action == QLatin1String("set")) {
        const QByteArray value = readStdin();
        if (value.isEmpty()) {
            printError(command,
                       QStringLiteral("no value on standard input; pipe the secret in, e.g."
                                      " printf %s \"$VALUE\" | hookbench-cli secret set %1")
                           .arg(name));
            return UsageError;
        }
        store.write(name, value, [&](Result<void> result) {
            if (!result) {
                printError(command, result.error());
                exitCode = WorkFailed;
            } else {
                printOut(QStringLiteral("stored keychain:%1 (%2)\n").arg(name, maskSecret(value)));
            }
            done = true;
            loop.quit();
        });
    } else if (action == QLatin1String("get")) {
        const bool show = parser.isSet(QStringLiteral("show-secrets"));
        store.read(name, [&](Result<std::optional<QByteArray>> result) {
            if (!result) {
                printError(command, result.error());
                exitCode = WorkFailed;
            } else if (!result.value()) {
                printError(command, QStringLiteral("no keychain entry named %1").arg(name));
                exitCode = WorkFailed;
            } else {
                const QByteArray& value = *result.value();
                if (show) {
                    std::fwrite(value.constData(), 1, size_t(value.size()), stdout);
                    printOut(QStringLiteral("\n"));
                } else {
                    printOut(maskSecret(value) + QLatin1Char('\n'));
                }
            }
            done = true;
            loop.quit();
        });
    } else {
        store.remove(name, [&](Result<void> result) {
            if (!result) {
                printError(command, result.error());
                exitCode = WorkFailed;
            } else {
                printOut(QStringLiteral("deleted keychain:%1\n").arg(name));
            }
            done = true;
            loop.quit();
        });
    }
    if (!done) {
        loop.exec();
    }
    return exitCode;
}
} // namespace

Command secretCommand()
{
    return {QStringLiteral("secret"),
            QStringLiteral("secret set NAME | get NAME | delete NAME   (the value is read from stdin for set)"),
            QStringLiteral("Store, show or remove a keychain secret (service \"hookbench\")."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("set, get or delete"));
                parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The keychain entry."));
                parser.addOption(
                    {QStringLiteral("show-secrets"), QStringLiteral("With get: print the value instead of ••••abcd.")});
            },
            runSecret};
}

} // namespace Cli

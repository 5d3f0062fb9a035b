#include "Cli.h"

#include "Commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace Cli {

const QList<Command>& commands()
{
    static const QList<Command> all {
        sendCommand(),
        receiveCommand(),
        tokenCommand(),
        curlCommand(),
        signCommand(),
        verifyCommand(),
        replayCommand(),
        checkCommand(),
        genKeyCommand(),
        genCertCommand(),
        secretCommand(),
        historyCommand(),
        scheduleCommand(),
    };
    return all;
}

namespace {
QString mainHelp()
{
    QString text = QStringLiteral("Usage: hookbench-cli COMMAND [options]\n\n"
                                  "The HookBench engine without a display: send, sign and inspect webhooks.\n\n"
                                  "Commands:\n");
    for (const auto& command : commands()) {
        text += QStringLiteral("  %1%2\n").arg(command.name.leftJustified(10), command.summary);
    }
    text += QStringLiteral("\nhookbench-cli COMMAND --help describes a command's options.\n"
                           "Exit codes: 0 success, 1 the work failed (not delivered, network, TLS, token),\n"
                           "2 usage or configuration error (nothing was sent).\n"
                           "HOOKBENCH_DATA_DIR, when set, is where the history database lives.\n");
    return text;
}
} // namespace

int run(const QStringList& arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printOut(mainHelp());
        return args.isEmpty() ? UsageError : Success;
    }
    if (args.first() == QLatin1String("--version")) {
        printOut(QStringLiteral("hookbench-cli %1\n").arg(QStringLiteral(HOOKBENCH_VERSION)));
        return Success;
    }

    // The core's own log lines would break "one error, one line" on stderr; QT_LOGGING_RULES
    // still turns them on for debugging.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("hookbench.*=false"));
    }

    const QString name = args.first();
    const auto& all = commands();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&name](const Command& c) { return c.name == name; });
    if (it == all.cend()) {
        printError(name, QStringLiteral("unknown command; run hookbench-cli --help for the list"));
        return UsageError;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(it->summary);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    it->addOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("hookbench-cli ") + name} + args.mid(1))) {
        QString reason = parser.errorText();
        if (reason.endsWith(QLatin1Char('.'))) {
            reason.chop(1);
        }
        printError(name, reason + QStringLiteral("; see hookbench-cli %1 --help").arg(name));
        return UsageError;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt's first line shows "[options]"; the synopsis of docs/cli.md says more.
        text.replace(0, text.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: hookbench-cli ") + it->synopsis);
        printOut(text);
        return Success;
    }
    return it->run(parser, name);
}

} // namespace Cli

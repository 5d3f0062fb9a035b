#include "secrets/SecretStore.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>

// What a user without a keychain sees: every operation of KeychainSecretStore fails with one
// plain sentence saying what to do, and the secret is not written anywhere instead. Each case
// runs this executable again as a child process with a hostile environment (the D-Bus session
// is read once per process, so it must be set before the first keychain call), a private HOME
// and private XDG folders, which are then searched for anything written.

namespace {

const char* const ChildVariable = "HOOKBENCH_TST_KEYCHAIN_CHILD";

const QString NoKeychain = QStringLiteral("No keychain (Secret Service) is available: start gnome-keyring or KWallet, "
                                          "or use env:/file: references instead");

// The child: write, read and delete one entry, one line "op<TAB>ok<TAB>message" per answer.
int runChild(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain_missing"));
    const QString name = qEnvironmentVariable(ChildVariable);
    const QByteArray secret = qgetenv("HOOKBENCH_TST_SECRET_VALUE");

    KeychainSecretStore store;
    auto report = [](const char* op, bool ok, const QString& message) {
        std::printf("%s\t%d\t%s\n", op, ok ? 1 : 0, message.toUtf8().constData());
        std::fflush(stdout);
    };
    store.write(name, secret, [&](Result<void> written) {
        report("write", written.ok(), written.ok() ? QString() : written.error().message);
        store.read(name, [&](Result<std::optional<QByteArray>> got) {
            report("read", got.ok(), got.ok() ? QString() : got.error().message);
            store.remove(name, [&](Result<void> removed) {
                report("remove", removed.ok(), removed.ok() ? QString() : removed.error().message);
                app.quit();
            });
        });
    });
    return app.exec();
}

} // namespace

class TestKeychainMissing final : public QObject
{
    Q_OBJECT

private slots:
    void plainMessageAndNothingOnDisk_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("bus address points nowhere") << QStringLiteral("nowhere");
        QTest::newRow("no bus and no display") << QStringLiteral("nobus");
        QTest::newRow("bus without a Secret Service") << QStringLiteral("noservice");
        // QtKeychain takes its KWallet path here, the one where its plain-text fallback would
        // write the secret into a settings file.
        QTest::newRow("KDE session without KWallet") << QStringLiteral("kwallet");
    }

    void plainMessageAndNothingOnDisk()
    {
        QFETCH(QString, scenario);

        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QDir root(scratch.path());
        const QStringList watched {QStringLiteral("home"),
                                   QStringLiteral("config"),
                                   QStringLiteral("data"),
                                   QStringLiteral("cache"),
                                   QStringLiteral("state"),
                                   QStringLiteral("run")};
        for (const QString& dir : watched) {
            QVERIFY(root.mkpath(dir));
        }
        QVERIFY(QFile::setPermissions(root.filePath(QStringLiteral("run")),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(root.mkpath(QStringLiteral("bus")));

        const QByteArray secret = "hookbench-secret-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildVariable), QStringLiteral("hookbench-test-missing"));
        env.insert(QStringLiteral("HOOKBENCH_TST_SECRET_VALUE"), QString::fromLatin1(secret));
        env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), root.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("run")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
        env.remove(QStringLiteral("KDE_SESSION_VERSION"));
        env.remove(QStringLiteral("DESKTOP_SESSION"));

        QString program = QCoreApplication::applicationFilePath();
        QStringList arguments;
        if (scenario == QLatin1String("nowhere")) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + root.filePath(QStringLiteral("bus/no-such-socket")));
        } else if (scenario == QLatin1String("nobus")) {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        } else {
            if (scenario == QLatin1String("kwallet")) {
                env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
                env.insert(QStringLiteral("KDE_SESSION_VERSION"), QStringLiteral("4"));
            }
            // A private bus that knows no services at all, so nothing can be activated on it.
            const QString runSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
            if (runSession.isEmpty()) {
                QSKIP("dbus-run-session is not installed");
            }
            const QString config = root.filePath(QStringLiteral("bus/bus.conf"));
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                               "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                               "<auth>EXTERNAL</auth><policy context=\"default\">"
                               "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                               "<allow own=\"*\"/></policy></busconfig>\n")
                    .arg(root.filePath(QStringLiteral("bus")))
                    .toUtf8());
            file.close();
            arguments = {QStringLiteral("--config-file=") + config, QStringLiteral("--"), program};
            program = runSession;
        }

        QProcess child;
        child.setProcessEnvironment(env);
        child.start(program, arguments);
        QVERIFY2(child.waitForFinished(60000), "the child did not finish: a keychain call blocked");
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);

        // No fallback: not one file appeared in the private home or XDG folders.
        QStringList written;
        for (const QString& dir : watched) {
            QDirIterator it(
                root.filePath(dir), QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                written.append(it.next());
            }
        }
        QVERIFY2(written.isEmpty(), qPrintable(QStringLiteral("files written: ") + written.join(QStringLiteral(", "))));

        const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QList<QByteArray> ops {"write", "read", "remove"};
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).split('\t');
            QCOMPARE(fields.size(), 3);
            QCOMPARE(fields.at(0), ops.at(i));
            QCOMPARE(fields.at(1), QByteArray("0"));
            QCOMPARE(QString::fromUtf8(fields.at(2)), NoKeychain);
        }
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(ChildVariable)) {
        return runChild(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestKeychainMissing test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain_missing.moc"

#include "MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {
// Peak resident memory (VmHWM) in kB, for bench/gui_startup.sh.
QString peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:")) {
                return QString::fromLatin1(line.mid(6).simplified());
            }
        }
    }
    return QStringLiteral("unknown");
}
} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hookbench"));
    QApplication::setOrganizationName(QStringLiteral("HookBench"));
    QApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));

    const QStringList args = QApplication::arguments();
    // HOOKBENCH_STARTUP_BENCH=1 or --startup-bench: print the ms from start to the window shown
    // and the peak memory, then quit (bench/gui_startup.sh).
    const bool bench = qEnvironmentVariableIntValue("HOOKBENCH_STARTUP_BENCH") == 1
                       || args.contains(QStringLiteral("--startup-bench"));
    // --screenshot PATH: save a picture of the window once it is shown, then quit (docs).
    const qsizetype shot = args.indexOf(QStringLiteral("--screenshot"));
    const QString screenshotPath = shot >= 0 && shot + 1 < args.size() ? args.at(shot + 1) : QString();

    MainWindow window;
    // --show-history: open on the History page (the bench measures the window with its table filled).
    if (args.contains(QStringLiteral("--show-history"))) {
        if (auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))) {
            tabs->setCurrentIndex(2);
        }
    }
    window.show();
    if (bench) {
        QTimer::singleShot(0, &window, [&] {
            QApplication::processEvents(); // the first paint
            std::fprintf(stdout,
                         "shown-ms %lld\nvmhwm %s\n",
                         static_cast<long long>(sinceStart.elapsed()),
                         qPrintable(peakMemory()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    if (!screenshotPath.isEmpty()) {
        QTimer::singleShot(800, &window, [&] {
            const bool saved = window.grab().save(screenshotPath);
            std::fprintf(
                saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "cannot save", qPrintable(screenshotPath));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}

#include "MainWindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hookbench"));
    QApplication::setOrganizationName(QStringLiteral("HookBench"));
    QApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));

    MainWindow window;
    window.show();
    return QApplication::exec();
}

#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("HookBench"));
    auto* placeholder = new QLabel(tr("HookBench %1\n\nThe desktop workbench is under construction.\n"
                                      "Use hookbench-cli to send and sign webhooks today.")
                                       .arg(QStringLiteral(HOOKBENCH_VERSION)),
                                   this);
    placeholder->setObjectName(QStringLiteral("placeholderLabel"));
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
    resize(960, 640);
}

#pragma once

#include <QMainWindow>

// The workbench window. For now a placeholder that shows where the sidebar, editor and
// inspector will go; the real forms arrive with the workbench issues.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
};

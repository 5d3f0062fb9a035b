#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

class QTemporaryDir;

// Set-up shared by the widget tests: their private data folder and finding a named widget.
namespace UiTestSupport {
// Points HOOKBENCH_DATA_DIR at dir and keeps settings and standard paths away from the user's
// own (the test organisation, QStandardPaths test mode). False when dir could not be made.
bool useDataDir(const QTemporaryDir& dir);

// The child of parent with this object name; a test naming one the window lacks stops here.
template <typename T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found) {
        qFatal("no child %s", name);
    }
    return found;
}
} // namespace UiTestSupport

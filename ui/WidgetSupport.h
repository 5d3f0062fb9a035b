#pragma once

#include <QString>

class QPlainTextEdit;
class QTableWidget;
class QWidget;

// Small widget builders several views share, so a table row or a byte view looks and behaves
// the same in the editor, the trace inspector and the token exchange.
namespace WidgetSupport {

// A read-only, monospace text view (bodies, tokens, JSON); the caller sets wrapping and height.
QPlainTextEdit* monospaceView(const QString& objectName, QWidget* parent);

// Appends a name/value row to a two-column table; returns its index.
int appendPair(QTableWidget* table, const QString& name, const QString& value);

} // namespace WidgetSupport

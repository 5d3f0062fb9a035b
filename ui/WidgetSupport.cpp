#include "WidgetSupport.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTableWidget>

namespace WidgetSupport {

QPlainTextEdit* monospaceView(const QString& objectName, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

int appendPair(QTableWidget* table, const QString& name, const QString& value)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(name));
    table->setItem(row, 1, new QTableWidgetItem(value));
    return row;
}

} // namespace WidgetSupport

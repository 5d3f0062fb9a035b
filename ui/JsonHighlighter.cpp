#include "JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextCharFormat>

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{ }

void JsonHighlighter::highlightBlock(const QString& text)
{
    const QPalette pal = QGuiApplication::palette();
    QTextCharFormat key;
    key.setForeground(pal.color(QPalette::Highlight));
    key.setFontWeight(QFont::DemiBold);
    QTextCharFormat string;
    string.setForeground(pal.color(QPalette::Link));
    QTextCharFormat number;
    number.setForeground(pal.color(QPalette::LinkVisited));
    QTextCharFormat literal;
    literal.setForeground(pal.color(QPalette::LinkVisited));
    literal.setFontItalic(true);
    QTextCharFormat placeholder;
    placeholder.setBackground(pal.color(QPalette::AlternateBase));
    placeholder.setFontWeight(QFont::Bold);

    for (auto it = m_number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), number);
    }
    for (auto it = m_literal.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), literal);
    }
    for (auto it = m_string.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // A string followed by ':' is a key.
        qsizetype after = m.capturedEnd();
        while (after < text.size() && text.at(after).isSpace()) {
            ++after;
        }
        const bool isKey = after < text.size() && text.at(after) == QLatin1Char(':');
        setFormat(int(m.capturedStart()), int(m.capturedLength()), isKey ? key : string);
    }
    for (auto it = m_placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), placeholder);
    }
}

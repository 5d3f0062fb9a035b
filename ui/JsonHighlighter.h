#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

// Colours JSON keys, strings, numbers, literals and {{placeholders}} using palette roles, so it
// reads well in light and dark themes.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    explicit JsonHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    QRegularExpression m_string {QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")};
    QRegularExpression m_number {QStringLiteral("-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b")};
    QRegularExpression m_literal {QStringLiteral("\\b(?:true|false|null)\\b")};
    QRegularExpression m_placeholder {QStringLiteral("\\{\\{\\s*\\w+\\s*\\}\\}")};
};

#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

// One OAuth token exchange as the engine recorded it (TokenOutcome::exchange,
// AttemptTrace::tokenExchange): a summary line, the request with its secrets already masked by
// the engine, the decoded client assertion (header and claims) where there is one, and the
// answer with its tokens masked. Used by the "Get token" dialog and by the trace inspector.
class TokenExchangeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenExchangeView)

public:
    explicit TokenExchangeView(QWidget* parent = nullptr);

    void setExchange(const QJsonObject& exchange);
    void clear();

    // "POST URL (client auth jwt): HTTP 200 in 41.7 ms" (or the error).
    static QString summary(const QJsonObject& exchange);
    // The request and response as readable text; secrets come masked from the engine.
    static QString describe(const QJsonObject& exchange);
    // The decoded client assertion, or empty when the exchange carries none.
    static QString describeAssertion(const QJsonObject& exchange);

private:
    QLabel* m_summary;
    QPlainTextEdit* m_exchange;
    QLabel* m_assertionLabel;
    QPlainTextEdit* m_assertion;
};

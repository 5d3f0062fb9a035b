#pragma once

#include "model/AttemptTrace.h"
#include "model/EndpointProfile.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;
class TokenExchangeView;

// Shows delivery attempts: one line per attempt, and for the selected one the request (headers
// table, body pretty-printed or raw), the response (status badge, headers, body), timing, TLS
// the signature headers and, for OAuth, the token exchange and notes. Secret header values are
// always shown masked.
class TraceInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceInspector)

public:
    explicit TraceInspector(QWidget* parent = nullptr);

    void clear();
    // Starts a new delivery: clears, remembers which headers the profile's signatures add.
    void beginDelivery(const EndpointProfile& profile, const QString& eventId);
    void addAttempt(const AttemptTrace& trace);
    void setStatusText(const QString& text);
    // Shows one stored attempt (from history).
    void showStored(const AttemptTrace& trace);

    const QList<AttemptTrace>& attempts() const { return m_attempts; }
    int currentAttempt() const;
    // The selected attempt's request as a curl command line, secrets masked.
    QString curlCommand() const;

    // The status badge colours, chosen to read on light and dark backgrounds.
    static QColor badgeColour(int status);

private:
    void showAttempt(int index);
    void fillBodies();

    QList<AttemptTrace> m_attempts;
    QList<QByteArray> m_signatureHeaders;
    QLabel* m_state;
    QListWidget* m_attemptList;
    QLabel* m_badge;
    QLabel* m_summary;
    QLabel* m_timing;
    QLabel* m_tls;
    QTableWidget* m_requestHeaders;
    QPlainTextEdit* m_requestBody;
    QCheckBox* m_raw;
    QTableWidget* m_responseHeaders;
    QPlainTextEdit* m_responseBody;
    QTableWidget* m_signatures;
    QTabWidget* m_tabs = nullptr;
    int m_tokenTab = -1;
    QLabel* m_notes = nullptr;
    TokenExchangeView* m_tokenExchange = nullptr;
    bool m_usesTokens = false;
};

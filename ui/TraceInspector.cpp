#include "TraceInspector.h"

#include "TokenExchangeView.h"
#include "WidgetSupport.h"

#include "delivery/RequestBuilder.h"
#include "delivery/RetryPolicy.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidget* headerTable(const QString& objectName, QWidget* parent)
{
    auto* table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({TraceInspector::tr("Name"), TraceInspector::tr("Value")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    return table;
}

QPlainTextEdit* bodyView(const QString& objectName, QWidget* parent)
{
    auto* edit = WidgetSupport::monospaceView(objectName, parent);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

QString bodyText(const QByteArray& body, bool raw)
{
    if (!raw) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError && !doc.isNull()) {
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        }
    }
    return QString::fromUtf8(body);
}

bool isTransportHeader(const QByteArray& name)
{
    static const QList<QByteArray> names {"host", "content-length", "connection", "accept-encoding", "accept-language"};
    return names.contains(name.toLower());
}

QList<QByteArray> signatureHeaderNames(const QList<SignatureConfig>& signatures)
{
    QList<QByteArray> names;
    for (const auto& config : signatures) {
        switch (config.scheme) {
            case SignatureScheme::HmacSha256:
                names << (config.header.isEmpty() ? QByteArrayLiteral("X-Webhook-Signature") : config.header.toUtf8());
                break;
            case SignatureScheme::GitHub:
                names << QByteArrayLiteral("X-Hub-Signature-256");
                break;
            case SignatureScheme::Shopify:
                names << QByteArrayLiteral("X-Shopify-Hmac-Sha256");
                break;
            case SignatureScheme::StandardWebhooks:
                names << QByteArrayLiteral("webhook-id") << QByteArrayLiteral("webhook-timestamp")
                      << QByteArrayLiteral("webhook-signature");
                break;
            case SignatureScheme::Stripe:
                names << QByteArrayLiteral("Stripe-Signature");
                break;
            case SignatureScheme::Slack:
                names << QByteArrayLiteral("X-Slack-Request-Timestamp") << QByteArrayLiteral("X-Slack-Signature");
                break;
        }
    }
    return names;
}
} // namespace

QColor TraceInspector::badgeColour(int status)
{
    // Saturated mid-tones with white text: readable on light and dark window backgrounds alike.
    if (status >= 200 && status < 300) {
        return QColor(0x2e, 0x7d, 0x32);
    }
    if (status >= 300 && status < 400) {
        return QColor(0x15, 0x65, 0xc0);
    }
    if (status >= 400 && status < 500) {
        return QColor(0xb2, 0x6a, 0x00);
    }
    if (status >= 500) {
        return QColor(0xc6, 0x28, 0x28);
    }
    return QColor(0x61, 0x61, 0x61);
}

TraceInspector::TraceInspector(QWidget* parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_attemptList(new QListWidget(this))
    , m_badge(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_tls(new QLabel(this))
{
    m_state->setObjectName(QStringLiteral("inspectorStateLabel"));
    m_state->setWordWrap(true);
    m_attemptList->setObjectName(QStringLiteral("attemptsListWidget"));
    m_attemptList->setMaximumHeight(90);
    m_badge->setObjectName(QStringLiteral("statusBadgeLabel"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMinimumWidth(64);
    m_summary->setObjectName(QStringLiteral("attemptSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timing->setObjectName(QStringLiteral("timingLabel"));
    m_tls->setObjectName(QStringLiteral("tlsLabel"));
    m_tls->setWordWrap(true);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("inspectorTabWidget"));
    tabs->setDocumentMode(true);

    auto* request = new QWidget;
    auto* requestLayout = new QVBoxLayout(request);
    m_requestHeaders = headerTable(QStringLiteral("requestHeadersTableWidget"), request);
    m_requestBody = bodyView(QStringLiteral("requestBodyPlainTextEdit"), request);
    m_raw = new QCheckBox(tr("Ra&w body"), request);
    m_raw->setObjectName(QStringLiteral("rawBodyCheckBox"));
    connect(m_raw, &QCheckBox::toggled, this, [this] { fillBodies(); });
    auto* requestSplit = new QSplitter(Qt::Vertical, request);
    requestSplit->addWidget(m_requestHeaders);
    requestSplit->addWidget(m_requestBody);
    requestLayout->addWidget(requestSplit);
    requestLayout->addWidget(m_raw);
    tabs->addTab(request, tr("Request"));

    auto* response = new QWidget;
    auto* responseLayout = new QVBoxLayout(response);
    m_responseHeaders = headerTable(QStringLiteral("responseHeadersTableWidget"), response);
    m_responseBody = bodyView(QStringLiteral("responseBodyPlainTextEdit"), response);
    auto* responseSplit = new QSplitter(Qt::Vertical, response);
    responseSplit->addWidget(m_responseHeaders);
    responseSplit->addWidget(m_responseBody);
    responseLayout->addWidget(responseSplit);
    tabs->addTab(response, tr("Response"));

    auto* signatures = new QWidget;
    auto* signaturesLayout = new QVBoxLayout(signatures);
    m_signatures = headerTable(QStringLiteral("signaturesTableWidget"), signatures);
    signaturesLayout->addWidget(m_signatures);
    tabs->addTab(signatures, tr("Signatures"));

    auto* details = new QWidget;
    auto* detailsLayout = new QFormLayout(details);
    detailsLayout->addRow(tr("Timing:"), m_timing);
    detailsLayout->addRow(tr("TLS:"), m_tls);
    tabs->addTab(details, tr("Timing and TLS"));

    auto* token = new QWidget;
    auto* tokenLayout = new QVBoxLayout(token);
    m_notes = new QLabel(token);
    m_notes->setObjectName(QStringLiteral("attemptNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenExchange = new TokenExchangeView(token);
    m_tokenExchange->setObjectName(QStringLiteral("inspectorTokenExchangeView"));
    tokenLayout->addWidget(m_notes);
    tokenLayout->addWidget(m_tokenExchange, 1);
    m_tokenTab = tabs->addTab(token, tr("Token"));
    m_tabs = tabs;

    auto* head = new QHBoxLayout;
    head->addWidget(m_badge);
    head->addWidget(m_summary, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_attemptList);
    layout->addLayout(head);
    layout->addWidget(tabs, 1);

    connect(m_attemptList, &QListWidget::currentRowChanged, this, [this](int row) { showAttempt(row); });
    clear();
}

void TraceInspector::clear()
{
    m_attempts.clear();
    m_attemptList->clear();
    m_state->setText(tr("Nothing sent yet. Press Ctrl+Return to send the event to the endpoint."));
    showAttempt(-1);
}

void TraceInspector::beginDelivery(const EndpointProfile& profile, const QString& eventId)
{
    clear();
    m_signatureHeaders = signatureHeaderNames(profile.signatures);
    m_usesTokens = profile.auth.type == AuthType::OAuth2ClientCredentials
                   || profile.auth.type == AuthType::OAuth2AuthorizationCode;
    m_state->setText(tr("Sending %1 to %2…").arg(eventId, profile.url.toString()));
}

void TraceInspector::setStatusText(const QString& text)
{
    m_state->setText(text);
}

void TraceInspector::showStored(const AttemptTrace& trace)
{
    clear();
    m_signatureHeaders.clear();
    m_usesTokens = !trace.tokenExchange.isEmpty();
    addAttempt(trace);
    m_state->setText(tr("From history: %1, %2").arg(trace.profileName, trace.eventId));
}

void TraceInspector::addAttempt(const AttemptTrace& trace)
{
    m_attempts.append(trace);
    QString line = tr("#%1  %2").arg(trace.attempt).arg(trace.status > 0 ? QString::number(trace.status) : tr("—"));
    switch (trace.outcome) {
        case AttemptTrace::Outcome::Delivered:
            line += tr("  delivered");
            break;
        case AttemptTrace::Outcome::Retrying:
            line += tr("  retrying in %1").arg(RetryPolicy::formatDuration(trace.nextDelayMs));
            break;
        case AttemptTrace::Outcome::Failed:
            line += tr("  failed");
            break;
    }
    m_attemptList->addItem(line);
    m_attemptList->setCurrentRow(m_attemptList->count() - 1);
}

int TraceInspector::currentAttempt() const
{
    return m_attemptList->currentRow();
}

void TraceInspector::showAttempt(int index)
{
    m_requestHeaders->setRowCount(0);
    m_responseHeaders->setRowCount(0);
    m_signatures->setRowCount(0);
    if (index < 0 || index >= m_attempts.size()) {
        m_badge->setText(QString());
        m_badge->setStyleSheet(QString());
        m_summary->clear();
        m_timing->clear();
        m_tls->clear();
        m_requestBody->clear();
        m_responseBody->clear();
        m_notes->clear();
        m_tokenExchange->clear();
        m_tabs->setTabEnabled(m_tokenTab, false);
        return;
    }
    const AttemptTrace& trace = m_attempts.at(index);
    const QColor colour = badgeColour(trace.status);
    m_badge->setText(trace.status > 0 ? QString::number(trace.status) : tr("no answer"));
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; padding: 3px 8px; "
                       "font-weight: bold; }")
            .arg(colour.name()));
    QString summary = QStringLiteral("%1 %2").arg(QString::fromLatin1(trace.method), trace.url);
    if (!trace.reason.isEmpty()) {
        summary += QStringLiteral("\n%1 %2").arg(trace.status).arg(QString::fromLatin1(trace.reason));
    }
    summary += QLatin1Char('\n') + AttemptTrace::outcomeName(trace.outcome);
    if (!trace.error.isEmpty()) {
        summary += QStringLiteral(": ") + trace.error;
    }
    if (trace.outcome == AttemptTrace::Outcome::Retrying) {
        summary +=
            tr("; next attempt in %1 (%2)").arg(RetryPolicy::formatDuration(trace.nextDelayMs), trace.retryReason);
    }
    for (const QString& redirect : trace.redirects) {
        summary += tr("\nredirect %1").arg(redirect);
    }
    if (!trace.tokenExchange.isEmpty()) {
        summary += tr("\ntoken: %1").arg(TokenExchangeView::summary(trace.tokenExchange));
    }
    for (const QString& note : trace.notes) {
        summary += QStringLiteral("\n") + note;
    }
    m_summary->setText(summary);
    // OAuth: the token exchange this attempt made (or that its token came from the cache).
    const bool tokenPart = m_usesTokens || !trace.tokenExchange.isEmpty() || !trace.notes.isEmpty();
    m_tabs->setTabEnabled(m_tokenTab, tokenPart);
    m_notes->setText(trace.notes.isEmpty() ? QString() : trace.notes.join(u'\n'));
    m_notes->setVisible(!trace.notes.isEmpty());
    if (trace.tokenExchange.isEmpty()) {
        m_tokenExchange->clear();
        m_notes->setText(tokenPart ? (trace.notes + QStringList {TokenExchangeView::summary({})}).join(u'\n')
                                   : QString());
        m_notes->setVisible(tokenPart);
    } else {
        m_tokenExchange->setExchange(trace.tokenExchange);
    }
    m_timing->setText(tr("attempt %1 of %2, started %3, %4 ms")
                          .arg(trace.attempt)
                          .arg(trace.maxAttempts)
                          .arg(QLocale().toString(trace.startedAt.toLocalTime(), QLocale::ShortFormat),
                               QLocale().toString(trace.elapsedMs, 'f', 1)));
    m_tls->setText(trace.tlsProtocol.isEmpty()
                       ? tr("plain HTTP (no TLS)")
                       : tr("%1, %2\n%3").arg(trace.tlsProtocol, trace.tlsCipher, trace.tlsPeerChain.join(u'\n')));

    for (int i = 0; i < trace.requestHeaders.size(); ++i) {
        const QByteArray& name = trace.requestHeaders.at(i).first;
        const QString value = QString::fromUtf8(trace.displayHeaderValue(i, false));
        WidgetSupport::appendPair(m_requestHeaders, QString::fromLatin1(name), value);
        bool isSignature = false;
        for (const QByteArray& known : m_signatureHeaders) {
            isSignature = isSignature || known.compare(name, Qt::CaseInsensitive) == 0;
        }
        if (isSignature) {
            WidgetSupport::appendPair(m_signatures, QString::fromLatin1(name), value);
        }
    }
    for (const auto& [name, value] : trace.responseHeaders) {
        WidgetSupport::appendPair(m_responseHeaders, QString::fromLatin1(name), QString::fromUtf8(value));
    }
    fillBodies();
}

void TraceInspector::fillBodies()
{
    const int index = m_attemptList->currentRow();
    if (index < 0 || index >= m_attempts.size()) {
        return;
    }
    const AttemptTrace& trace = m_attempts.at(index);
    m_requestBody->setPlainText(bodyText(trace.requestBody, m_raw->isChecked()));
    QString response = bodyText(trace.responseBody, m_raw->isChecked());
    if (trace.responseBodyTruncated) {
        response += tr("\n… (truncated at %1 bytes)").arg(AttemptTrace::ResponseBodyLimit);
    }
    m_responseBody->setPlainText(response);
}

QString TraceInspector::curlCommand() const
{
    const int index = m_attemptList->currentRow();
    if (index < 0 || index >= m_attempts.size()) {
        return {};
    }
    const AttemptTrace& trace = m_attempts.at(index);
    OutgoingRequest request;
    request.method = trace.method;
    request.url = QUrl(trace.url);
    request.headers = trace.requestHeaders;
    request.secretHeaderIndexes = trace.secretHeaderIndexes;
    request.body = trace.requestBody;
    for (int i = 0; i < request.headers.size(); ++i) {
        if (isTransportHeader(request.headers.at(i).first)) {
            request.transportHeaderIndexes.insert(i);
        }
    }
    return request.toCurl(false);
}

#include "TokenExchangeView.h"

#include "WidgetSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace {
QString prettyJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QPlainTextEdit* readOnlyText(const QString& objectName, QWidget* parent)
{
    auto* edit = WidgetSupport::monospaceView(objectName, parent);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

QString jsonScalar(const QJsonValue& value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QLocale::c().toString(value.toDouble(), 'g', 15);
    }
    if (value.isBool()) {
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return {};
}
} // namespace

TokenExchangeView::TokenExchangeView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_exchange(readOnlyText(QStringLiteral("tokenExchangePlainTextEdit"), this))
    , m_assertionLabel(new QLabel(tr("Client assertion (decoded; the signature is left out):"), this))
    , m_assertion(readOnlyText(QStringLiteral("tokenAssertionPlainTextEdit"), this))
{
    m_summary->setObjectName(QStringLiteral("tokenExchangeSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_exchange, 1);
    layout->addWidget(m_assertionLabel);
    layout->addWidget(m_assertion, 1);
    clear();
}

void TokenExchangeView::clear()
{
    m_summary->clear();
    m_exchange->clear();
    m_assertion->clear();
    m_assertionLabel->hide();
    m_assertion->hide();
}

void TokenExchangeView::setExchange(const QJsonObject& exchange)
{
    m_summary->setText(summary(exchange));
    m_exchange->setPlainText(describe(exchange));
    const QString assertion = describeAssertion(exchange);
    m_assertion->setPlainText(assertion);
    m_assertionLabel->setVisible(!assertion.isEmpty());
    m_assertion->setVisible(!assertion.isEmpty());
}

QString TokenExchangeView::summary(const QJsonObject& exchange)
{
    if (exchange.isEmpty()) {
        return tr("No token request was made: the token came from the cache.");
    }
    const QJsonObject request = exchange.value(QStringLiteral("request")).toObject();
    const QJsonObject response = exchange.value(QStringLiteral("response")).toObject();
    const QString elapsed = QLocale::c().toString(exchange.value(QStringLiteral("elapsedMs")).toDouble(), 'f', 1);
    QString line = tr("%1 %2 (client auth %3): ")
                       .arg(request.value(QStringLiteral("method")).toString(QStringLiteral("POST")),
                            request.value(QStringLiteral("url")).toString(),
                            request.value(QStringLiteral("clientAuth")).toString());
    if (response.contains(QStringLiteral("status"))) {
        line += tr("HTTP %1 in %2 ms").arg(response.value(QStringLiteral("status")).toInt()).arg(elapsed);
    } else {
        line += tr("no answer after %1 ms").arg(elapsed);
    }
    const int tries = int(exchange.value(QStringLiteral("tries")).toArray().size());
    if (tries > 1) {
        line += tr(", %1 tries").arg(tries);
    }
    const QString error = exchange.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        line += QStringLiteral("\n⚠ ") + error;
    }
    return line;
}

QString TokenExchangeView::describe(const QJsonObject& exchange)
{
    if (exchange.isEmpty()) {
        return {};
    }
    QStringList lines;
    const QJsonObject request = exchange.value(QStringLiteral("request")).toObject();
    lines << QStringLiteral("%1 %2").arg(request.value(QStringLiteral("method")).toString(QStringLiteral("POST")),
                                         request.value(QStringLiteral("url")).toString());
    const QJsonObject headers = request.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        lines << QStringLiteral("%1: %2").arg(it.key(), jsonScalar(it.value()));
    }
    lines << QString();
    const QJsonObject form = request.value(QStringLiteral("form")).toObject();
    for (auto it = form.begin(); it != form.end(); ++it) {
        lines << QStringLiteral("%1=%2").arg(it.key(), jsonScalar(it.value()));
    }
    lines << QString();
    const QJsonValue responseValue = exchange.value(QStringLiteral("response"));
    if (responseValue.isObject()) {
        const QJsonObject response = responseValue.toObject();
        lines << tr("HTTP %1 (%2)")
                     .arg(response.value(QStringLiteral("status")).toInt())
                     .arg(response.value(QStringLiteral("contentType")).toString());
        const QJsonValue body = response.value(QStringLiteral("body"));
        lines << (body.isObject() ? prettyJson(body.toObject()) : body.toString());
    } else {
        lines << tr("No answer.");
    }
    const QJsonArray tries = exchange.value(QStringLiteral("tries")).toArray();
    if (tries.size() > 1) {
        lines << QString();
        for (const QJsonValue& value : tries) {
            const QJsonObject attempt = value.toObject();
            lines << tr("try %1: %2 ms %3")
                         .arg(attempt.value(QStringLiteral("try")).toInt())
                         .arg(QLocale::c().toString(attempt.value(QStringLiteral("elapsedMs")).toDouble(), 'f', 1))
                         .arg(attempt.contains(QStringLiteral("error"))
                                  ? attempt.value(QStringLiteral("error")).toString()
                                  : QStringLiteral("HTTP %1").arg(attempt.value(QStringLiteral("status")).toInt()));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString TokenExchangeView::describeAssertion(const QJsonObject& exchange)
{
    const QJsonObject assertion =
        exchange.value(QStringLiteral("request")).toObject().value(QStringLiteral("assertion")).toObject();
    if (assertion.isEmpty()) {
        return {};
    }
    return tr("header:\n%1\nclaims:\n%2")
        .arg(prettyJson(assertion.value(QStringLiteral("header")).toObject()),
             prettyJson(assertion.value(QStringLiteral("claims")).toObject()));
}

#include "RetryTimelineWidget.h"

#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int Margin = 12;
constexpr int MarkHeight = 18;
} // namespace

RetryTimelineWidget::RetryTimelineWidget(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Retry timeline"));
}

void RetryTimelineWidget::setPolicy(const RetryPolicy& policy)
{
    m_timeline = policy.timeline();
    setToolTip(policy.summary());
    update();
}

QSize RetryTimelineWidget::sizeHint() const
{
    return {480, 4 * fontMetrics().height() + MarkHeight};
}

QSize RetryTimelineWidget::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

QRectF RetryTimelineWidget::axisRect() const
{
    const int labelHeight = fontMetrics().height();
    return QRectF(Margin, labelHeight + 6, width() - 2 * Margin, MarkHeight);
}

QList<double> RetryTimelineWidget::markPositions() const
{
    QList<double> xs;
    if (m_timeline.isEmpty()) {
        return xs;
    }
    const QRectF axis = axisRect();
    const qint64 span = std::max<qint64>(1, m_timeline.last().offsetMs);
    for (const auto& planned : m_timeline) {
        xs << axis.left() + axis.width() * double(planned.offsetMs) / double(span);
    }
    return xs;
}

void RetryTimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QRectF axis = axisRect();
    const double baseline = axis.bottom();

    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawLine(QPointF(axis.left(), baseline), QPointF(axis.right(), baseline));

    if (m_timeline.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No attempts"));
        return;
    }

    // The first attempt in the highlight colour, retries in the text colour.
    const QList<double> xs = markPositions();
    for (int i = 0; i < xs.size(); ++i) {
        const QColor colour = i == 0 ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text);
        painter.setPen(QPen(colour, i == 0 ? 2.5 : 1.2));
        painter.drawLine(QPointF(xs.at(i), axis.top()), QPointF(xs.at(i), baseline));
    }

    // Labels: start, end, and the count.
    painter.setPen(pal.color(QPalette::Text));
    const qint64 span = m_timeline.last().offsetMs;
    const QRectF labels(axis.left(), baseline + 4, axis.width(), fontMetrics().height() + 2);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, tr("first try"));
    painter.drawText(labels,
                     Qt::AlignRight | Qt::AlignTop,
                     span > 0 ? tr("+%1").arg(RetryPolicy::formatDuration(span)) : tr("no retries"));
    painter.drawText(QRectF(axis.left(), 0, axis.width(), axis.top() - 4),
                     Qt::AlignHCenter | Qt::AlignBottom,
                     tr("%n attempt(s)", nullptr, int(m_timeline.size())));
}

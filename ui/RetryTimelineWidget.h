#pragma once

#include "delivery/RetryPolicy.h"

#include <QList>
#include <QWidget>

// A picture of when the attempts of a retry policy would happen: a time axis from the first
// attempt to the last with one mark per attempt, from RetryPolicy::timeline().
class RetryTimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryTimelineWidget)

public:
    explicit RetryTimelineWidget(QWidget* parent = nullptr);

    void setPolicy(const RetryPolicy& policy);
    const QList<RetryPolicy::PlannedAttempt>& plannedAttempts() const { return m_timeline; }
    // How many marks the last paint drew (one per attempt): what the user sees, for tests.
    int markCount() const { return m_timeline.size(); }
    // The x position of each mark for the current width.
    QList<double> markPositions() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF axisRect() const;

    QList<RetryPolicy::PlannedAttempt> m_timeline;
};

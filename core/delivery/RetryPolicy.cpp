#include "RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

RetryPolicy::RetryPolicy(RetryConfig config)
    : m_config(std::move(config))
{ }

int RetryPolicy::maxAttempts() const
{
    if (m_config.policy == RetryPolicyType::None) {
        return 1;
    }
    return std::max(1, m_config.maxAttempts);
}

qint64 RetryPolicy::nominalDelayBefore(int attempt) const
{
    if (attempt < 2) {
        return 0;
    }
    switch (m_config.policy) {
        case RetryPolicyType::None:
            return 0;
        case RetryPolicyType::Fixed:
            return m_config.intervalMs;
        case RetryPolicyType::Schedule: {
            if (m_config.delaysMs.isEmpty()) {
                return 0;
            }
            // Past the end of the list the last wait repeats.
            const auto index = std::min<qsizetype>(attempt - 2, m_config.delaysMs.size() - 1);
            return m_config.delaysMs.at(index);
        }
        case RetryPolicyType::Exponential: {
            const double delay = double(m_config.initialDelayMs) * std::pow(m_config.multiplier, attempt - 2);
            return qint64(std::min(delay, double(m_config.maxDelayMs)));
        }
    }
    return 0;
}

qint64 RetryPolicy::delayBefore(int attempt, QRandomGenerator& random) const
{
    const qint64 nominal = nominalDelayBefore(attempt);
    if (m_config.policy != RetryPolicyType::Exponential || !m_config.jitter || nominal < 2) {
        return nominal;
    }
    // "Equal jitter": never less than half the nominal wait, so a receiver still gets room to
    // recover, yet senders that failed together do not come back together.
    const qint64 half = nominal / 2;
    return half + qint64(random.bounded(quint64(nominal - half + 1)));
}

QList<RetryPolicy::PlannedAttempt> RetryPolicy::timeline() const
{
    QList<PlannedAttempt> out;
    qint64 offset = 0;
    for (int attempt = 1; attempt <= maxAttempts(); ++attempt) {
        const qint64 delay = nominalDelayBefore(attempt);
        offset += delay;
        out.append({attempt, offset, delay});
    }
    return out;
}

QString RetryPolicy::formatDuration(qint64 ms)
{
    if (ms < 1000) {
        return QStringLiteral("%1 ms").arg(ms);
    }
    if (ms < 60000) {
        const double seconds = double(ms) / 1000.0;
        return QStringLiteral("%1 s").arg(QLocale::c().toString(seconds, 'g', 3));
    }
    qint64 rest = ms / 1000;
    const qint64 days = rest / 86400;
    rest %= 86400;
    const qint64 hours = rest / 3600;
    rest %= 3600;
    const qint64 minutes = rest / 60;
    const qint64 seconds = rest % 60;
    QStringList parts;
    if (days) {
        parts << QStringLiteral("%1 d").arg(days);
    }
    if (hours) {
        parts << QStringLiteral("%1 h").arg(hours);
    }
    if (minutes && !days) {
        parts << QStringLiteral("%1 min").arg(minutes);
    }
    if (seconds && !days && !hours) {
        parts << QStringLiteral("%1 s").arg(seconds);
    }
    return parts.join(QLatin1Char(' '));
}

QString RetryPolicy::summary() const
{
    const int count = maxAttempts();
    if (count == 1) {
        return QStringLiteral("1 attempt, no retries");
    }
    const auto plan = timeline();
    const QString span = formatDuration(plan.last().offsetMs);
    switch (m_config.policy) {
        case RetryPolicyType::Fixed:
            return QStringLiteral("%1 attempts over %2, one every %3")
                .arg(count)
                .arg(span, formatDuration(m_config.intervalMs));
        case RetryPolicyType::Exponential:
            return QStringLiteral("%1 attempts over %2 (without jitter), waits growing %3x from %4 up to %5%6")
                .arg(count)
                .arg(span)
                .arg(m_config.multiplier)
                .arg(formatDuration(m_config.initialDelayMs),
                     formatDuration(m_config.maxDelayMs),
                     m_config.jitter ? QStringLiteral(", each drawn between half and all of it") : QString());
        case RetryPolicyType::Schedule:
            return QStringLiteral("%1 attempts over %2, on a fixed schedule").arg(count).arg(span);
        case RetryPolicyType::None:
            break;
    }
    return QStringLiteral("1 attempt, no retries");
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        // Capped at a year: a huge value must not overflow, and no retry plan waits longer.
        constexpr qint64 MaxSeconds = 365LL * 24 * 3600;
        return seconds >= 0 ? std::optional<qint64>(std::min(seconds, MaxSeconds) * 1000) : std::nullopt;
    }
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; Qt's RFC 2822 parser wants a numeric zone.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC"))) {
        text = text.left(text.size() - 4) + QStringLiteral(" +0000");
    }
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        return std::nullopt;
    }
    return std::max<qint64>(0, now.msecsTo(when));
}

#pragma once

#include "model/EndpointProfile.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QRandomGenerator;

// When to try again (docs/profile-format.md "retry"). Pure: the engine asks it for the delay before attempt N,
// and the GUI and `hookbench-cli schedule` ask it for the whole timeline without sending.
class RetryPolicy final
{
public:
    explicit RetryPolicy(RetryConfig config = {});

    int maxAttempts() const;
    // Nominal wait before attempt `attempt` (2..maxAttempts), without jitter.
    qint64 nominalDelayBefore(int attempt) const;
    // The wait actually used: exponential with jitter draws from [nominal/2, nominal].
    qint64 delayBefore(int attempt, QRandomGenerator& random) const;

    struct PlannedAttempt
    {
        int attempt = 1;
        qint64 offsetMs = 0; // since the first attempt
        qint64 delayMs = 0;  // since the previous attempt
    };
    // Every attempt with its nominal time, the first at offset 0.
    QList<PlannedAttempt> timeline() const;
    // "84 attempts over 13 d 20 h, one every 4 h"
    QString summary() const;

    // Retry-After (delta seconds or an HTTP date) in ms; nullopt when absent or unparsable.
    static std::optional<qint64> parseRetryAfter(const QByteArray& value,
                                                 const QDateTime& now = QDateTime::currentDateTimeUtc());
    // "4 h", "1 d 2 h", "350 ms"
    static QString formatDuration(qint64 ms);

    const RetryConfig& config() const { return m_config; }

private:
    RetryConfig m_config;
};

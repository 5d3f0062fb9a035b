#include "delivery/RetryPolicy.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void sixADayForFourteenDays()
    {
        // The documented example: 6 times a day for 14 days.
        RetryConfig config;
        config.policy = RetryPolicyType::Fixed;
        config.intervalMs = 14400000;
        config.maxAttempts = 84;
        const RetryPolicy policy(config);
        const auto plan = policy.timeline();
        QCOMPARE(plan.size(), 84);
        QCOMPARE(plan.first().offsetMs, 0);
        QCOMPARE(plan.at(6).offsetMs, qint64(24) * 3600 * 1000); // the 7th try opens day 2
        QCOMPARE(plan.last().offsetMs, qint64(83) * 14400000);
        for (const auto& p : plan.mid(1)) {
            QCOMPARE(p.delayMs, 14400000);
        }
        QCOMPARE(policy.summary(), QStringLiteral("84 attempts over 13 d 20 h, one every 4 h"));
    }

    void noneIsOneAttempt()
    {
        RetryConfig config;
        config.policy = RetryPolicyType::None;
        config.maxAttempts = 10; // ignored: "none" never retries
        const RetryPolicy policy(config);
        QCOMPARE(policy.maxAttempts(), 1);
        QCOMPARE(policy.timeline().size(), 1);
        QCOMPARE(policy.summary(), QStringLiteral("1 attempt, no retries"));
    }

    void exponentialGrowsAndCaps()
    {
        RetryConfig config;
        config.policy = RetryPolicyType::Exponential;
        config.maxAttempts = 6;
        config.initialDelayMs = 1000;
        config.multiplier = 3;
        config.maxDelayMs = 20000;
        const RetryPolicy policy(config);
        QCOMPARE(policy.nominalDelayBefore(2), 1000);
        QCOMPARE(policy.nominalDelayBefore(3), 3000);
        QCOMPARE(policy.nominalDelayBefore(4), 9000);
        QCOMPARE(policy.nominalDelayBefore(5), 20000); // 27000 capped
        QCOMPARE(policy.nominalDelayBefore(6), 20000);
        QCOMPARE(policy.timeline().last().offsetMs, 1000 + 3000 + 9000 + 20000 + 20000);
    }

    void jitterStaysBetweenHalfAndAll()
    {
        RetryConfig config;
        config.policy = RetryPolicyType::Exponential;
        config.maxAttempts = 3;
        config.initialDelayMs = 1000;
        config.jitter = true;
        const RetryPolicy policy(config);
        QRandomGenerator random(42);
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.delayBefore(2, random);
            QVERIFY(delay >= 500 && delay <= 1000);
            seen.insert(delay);
        }
        QVERIFY2(seen.size() > 50, "jitter should spread the waits");

        config.jitter = false;
        const RetryPolicy steady(config);
        QCOMPARE(steady.delayBefore(2, random), 1000);
        QCOMPARE(steady.delayBefore(3, random), 2000);
    }

    void scheduleUsesListThenRepeatsLast()
    {
        RetryConfig config;
        config.policy = RetryPolicyType::Schedule;
        config.delaysMs = {1000, 60000, 3600000};
        config.maxAttempts = 5;
        const RetryPolicy policy(config);
        QCOMPARE(policy.nominalDelayBefore(2), 1000);
        QCOMPARE(policy.nominalDelayBefore(4), 3600000);
        QCOMPARE(policy.nominalDelayBefore(5), 3600000);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: nullopt
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5000);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("huge is capped") << QByteArray("99999999999999999") << qint64(365LL * 24 * 3600 * 1000);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("http date") << QByteArray("Mon, 23 Nov 2026 10:01:00 GMT") << qint64(60000);
        QTest::newRow("date in the past") << QByteArray("Mon, 23 Nov 2026 09:00:00 GMT") << qint64(0);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2026, 11, 23), QTime(10, 0), QTimeZone::utc());
        const auto parsed = RetryPolicy::parseRetryAfter(value, now);
        if (expected < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, expected);
        }
    }

    void formatDuration()
    {
        QCOMPARE(RetryPolicy::formatDuration(350), QStringLiteral("350 ms"));
        QCOMPARE(RetryPolicy::formatDuration(1500), QStringLiteral("1.5 s"));
        QCOMPARE(RetryPolicy::formatDuration(90000), QStringLiteral("1 min 30 s"));
        QCOMPARE(RetryPolicy::formatDuration(14400000), QStringLiteral("4 h"));
        QCOMPARE(RetryPolicy::formatDuration(qint64(83) * 14400000), QStringLiteral("13 d 20 h"));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"

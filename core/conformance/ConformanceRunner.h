#pragma once

#include "ConformanceCase.h"
#include "model/EndpointProfile.h"
#include "secrets/SecretResolver.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Conformance {

// Sends the cases of generateCases one after another (the valid delivery first, so the others can
// be judged against it), each exactly once: no retries, no redirects followed, no cookies or
// caches, the profile's TLS settings and timeout. Each answer is judged by judge() as it arrives.
// The GUI and the CLI both drive it; it owns nothing but the reply in flight.
class Runner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    // `network` is the engine's QNetworkAccessManager (not owned); without one the runner makes
    // its own.
    explicit Runner(QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);
    ~Runner() override;

    // `profile` and `secrets` give the TLS settings (trust, client certificate, pins) and the
    // timeout; the requests are the cases' own.
    void start(const EndpointProfile& profile, const SecretValues& secrets, QList<Case> cases, const Options& options);
    // Aborts the request in flight; finished() follows with the results so far.
    void cancel();

    const QList<CaseResult>& results() const { return m_results; }
    bool isRunning() const { return m_running; }
    // Every case sent and the check passed (Summary::passed): no fail, the valid delivery
    // accepted, and with `strict` no warn either.
    bool passed(bool strict = false) const;

signals:
    void caseStarted(int index, const QString& name);
    void caseFinished(int index, const Conformance::CaseResult& result);
    void finished(bool passed);

private:
    void sendNext();
    void onFinished(QNetworkReply* reply);

    QNetworkAccessManager* m_network;
    EndpointProfile m_profile;
    SecretValues m_secrets;
    Options m_options;
    QList<Case> m_cases;
    QList<CaseResult> m_results;
    int m_next = 0;
    int m_baselineStatus = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_pinError;
    QStringList m_tlsErrors;
    QElapsedTimer m_clock;
    QPointer<QNetworkReply> m_reply;
};

} // namespace Conformance

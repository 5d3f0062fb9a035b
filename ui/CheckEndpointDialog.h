#pragma once

#include "conformance/ConformanceCase.h"
#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class DeliveryEngine;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class SecretStore;
namespace Conformance {
class Runner;
}

// The cases of the conformance check for one endpoint, ready to send: the profile's secrets
// resolved (typed values used as they are), an OAuth client-credentials token fetched through the
// engine's token provider, then Conformance::generateCases. Shared by "Check endpoint…" and the
// first-run demo's "Send a tampered one".
struct PreparedCases
{
    EndpointProfile profile;
    SecretValues secrets;
    QList<Conformance::Case> cases;
};
void prepareCases(EndpointProfile profile,
                  const Event& event,
                  const Conformance::Options& options,
                  SecretStore* store,
                  DeliveryEngine* engine,
                  QObject* context,
                  std::function<void(Result<PreparedCases>)> done);

// "Check endpoint…": runs the conformance check (core/conformance) against one endpoint with a
// progress bar, and shows one row per case — case, expectation, answer, verdict badge and the
// risk in one sentence — and a summary verdict.
class CheckEndpointDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckEndpointDialog)

public:
    enum Column
    {
        CaseColumn,
        ExpectationColumn,
        AnswerColumn,
        VerdictColumn,
        RiskColumn,
        ColumnCount
    };

    CheckEndpointDialog(const EndpointProfile& profile,
                        const Event& event,
                        SecretStore* store,
                        DeliveryEngine* engine,
                        QWidget* parent = nullptr);
    ~CheckEndpointDialog() override;

    void start();
    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    bool allOk() const { return m_allOk; }
    QTableWidget* table() const { return m_table; }
    QString summary() const;

signals:
    void finished(bool allOk);

private:
    void fail(const QString& message);
    void addResult(int index, const Conformance::CaseResult& result);

    EndpointProfile m_profile;
    Event m_event;
    QPointer<SecretStore> m_store;
    QPointer<DeliveryEngine> m_engine;
    Conformance::Runner* m_runner = nullptr;
    QList<Conformance::Case> m_cases;
    bool m_finished = false;
    bool m_allOk = false;

    QLabel* m_heading = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_again = nullptr;
};

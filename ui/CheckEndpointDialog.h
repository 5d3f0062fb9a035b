#pragma once

#include "conformance/ConformanceCase.h"
#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"

#include <QColor>
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
// progress bar, and shows one row per case — case, expectation, answer, verdict badge (one colour
// and word per level, explained by a legend) and the risk in one sentence — and a summary verdict.
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

    // The word and the badge colour of a verdict level, as the table and the legend show them.
    static QString verdictText(Conformance::Verdict verdict);
    static QColor verdictColor(Conformance::Verdict verdict);

    void start();
    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    // Finished, and the check passed: no fail, the valid delivery accepted (warn and unverified
    // rows do not stop it, as with `hookbench-cli check` without --strict).
    bool passed() const { return m_passed; }
    QTableWidget* table() const { return m_table; }
    QString summary() const;

signals:
    void finished(bool passed);

private:
    void fail(const QString& message);
    void addResult(int index, const Conformance::CaseResult& result);
    void showSummary(bool passed);

    EndpointProfile m_profile;
    Event m_event;
    QPointer<SecretStore> m_store;
    QPointer<DeliveryEngine> m_engine;
    Conformance::Runner* m_runner = nullptr;
    QList<Conformance::Case> m_cases;
    bool m_finished = false;
    bool m_passed = false;

    QLabel* m_heading = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_legend = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_again = nullptr;
};

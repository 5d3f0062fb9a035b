// "Check endpoint…" in the window: against the panel's own receiver (the first-run demo: OAuth,
// hmac-sha256 and Standard Webhooks) every case is ok; against the same receiver weakened (a
// year's timestamp tolerance) exactly the timestamp cases fail, each row with its risk.
#include "FakeSecretStore.h"
#include "UiTestSupport.h"

#include "CheckEndpointDialog.h"
#include "MainWindow.h"
#include "ReceiverPanel.h"

#include "receiver/Receiver.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
QStringList failingRows(QTableWidget* table)
{
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, CheckEndpointDialog::VerdictColumn)->text() != QLatin1String("ok")) {
            rows << table->item(r, CheckEndpointDialog::CaseColumn)->text();
        }
    }
    return rows;
}
} // namespace

class TestUiCheck final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(UiTestSupport::useDataDir(*m_dir));
    }

    void checkAgainstOwnReceiver()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        QString problem = QStringLiteral("pending");
        window.setUpDemo([&problem](const QString& p) { problem = p; });
        QTRY_COMPARE(problem, QString());

        CheckEndpointDialog* dialog = window.checkEndpoint();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &CheckEndpointDialog::finished);
        QVERIFY(finished.wait(30000));
        QTableWidget* table = dialog->table();
        QVERIFY2(finished.first().first().toBool(), qPrintable(failingRows(table).join(QLatin1Char(','))));
        QVERIFY(table->rowCount() >= 15);
        QCOMPARE(table->item(0, CheckEndpointDialog::CaseColumn)->text(), QStringLiteral("valid"));
        QCOMPARE(failingRows(table), QStringList {});
        QVERIFY(!table->item(2, CheckEndpointDialog::RiskColumn)->text().isEmpty());
        QVERIFY(dialog->summary().contains(QLatin1String("Conforms")));
        auto* progress = dialog->findChild<QProgressBar*>(QStringLiteral("checkProgressBar"));
        QCOMPARE(progress->value(), table->rowCount());
        dialog->close();

        // Weaken the running receiver: a year of timestamp tolerance on the Standard Webhooks entry.
        ReceiverPanel* panel = window.receiverPanel();
        window.selectReceiver(panel->runningId());
        auto* signatures = panel->findChild<QTableWidget*>(QStringLiteral("receiverSignaturesTableWidget"));
        qobject_cast<QSpinBox*>(signatures->cellWidget(1, 2))->setValue(365 * 24 * 3600);
        QSignalSpy running(panel, &ReceiverPanel::runningChanged);
        panel->start();
        QTRY_VERIFY(panel->isRunning());
        window.selectEndpoint(window.library()->entries().first().id);

        CheckEndpointDialog* weakened = window.checkEndpoint();
        QSignalSpy weakFinished(weakened, &CheckEndpointDialog::finished);
        QVERIFY(weakFinished.wait(30000));
        QCOMPARE(weakFinished.first().first().toBool(), false);
        const QStringList failing = failingRows(weakened->table());
        QCOMPARE(failing, (QStringList {QStringLiteral("timestamp-too-old"), QStringLiteral("timestamp-ahead")}));
        for (int r = 0; r < weakened->table()->rowCount(); ++r) {
            if (failing.contains(weakened->table()->item(r, CheckEndpointDialog::CaseColumn)->text())) {
                QCOMPARE(weakened->table()->item(r, CheckEndpointDialog::VerdictColumn)->text(),
                         QStringLiteral("FAIL"));
                QVERIFY(weakened->table()
                            ->item(r, CheckEndpointDialog::RiskColumn)
                            ->text()
                            .contains(QLatin1String("replayed")));
            }
        }
        QVERIFY(weakened->summary().contains(QLatin1String("Does not conform")));
    }
};

QTEST_MAIN(TestUiCheck)
#include "tst_ui_check.moc"

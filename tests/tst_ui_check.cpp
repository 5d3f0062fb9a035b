// "Check endpoint…" in the window: against the panel's own receiver (the first-run demo: OAuth,
// hmac-sha256 and Standard Webhooks) every case is ok; against the same receiver weakened (a
// year's timestamp tolerance) timestamp-too-old is a fail and timestamp-ahead a warn, each row with
// its risk, its level's word and colour, explained by the legend.
#include "FakeSecretStore.h"
#include "UiTestSupport.h"

#include "CheckEndpointDialog.h"
#include "MainWindow.h"
#include "ReceiverPanel.h"

#include "receiver/Receiver.h"

#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QProgressBar>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
// The rows whose verdict is not ok: case -> the word shown.
QMap<QString, QString> notOkRows(QTableWidget* table)
{
    QMap<QString, QString> rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString verdict = table->item(r, CheckEndpointDialog::VerdictColumn)->text();
        if (verdict != QLatin1String("ok")) {
            rows.insert(table->item(r, CheckEndpointDialog::CaseColumn)->text(), verdict);
        }
    }
    return rows;
}

QString describe(const QMap<QString, QString>& rows)
{
    QStringList out;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        out << it.key() + QLatin1Char('=') + it.value();
    }
    return out.join(QLatin1Char(','));
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
        QVERIFY2(finished.first().first().toBool(), qPrintable(describe(notOkRows(table))));
        QVERIFY(table->rowCount() >= 15);
        QCOMPARE(table->item(0, CheckEndpointDialog::CaseColumn)->text(), QStringLiteral("valid"));
        // The demo receiver answers a duplicate like the first delivery: right, but not provable.
        QCOMPARE(notOkRows(table),
                 (QMap<QString, QString> {{QStringLiteral("duplicate-event"), QStringLiteral("unverified")}}));
        QVERIFY(!table->item(2, CheckEndpointDialog::RiskColumn)->text().isEmpty());
        QVERIFY2(dialog->summary().contains(QLatin1String("Conforms: no case failed")), qPrintable(dialog->summary()));
        QVERIFY(dialog->summary().contains(QLatin1String("Unverified (cannot be judged from outside): 1,")));
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
        QTableWidget* weak = weakened->table();
        QCOMPARE(notOkRows(weak),
                 (QMap<QString, QString> {{QStringLiteral("duplicate-event"), QStringLiteral("unverified")},
                                          {QStringLiteral("timestamp-too-old"), QStringLiteral("fail")},
                                          {QStringLiteral("timestamp-ahead"), QStringLiteral("warn")}}));
        for (int r = 0; r < weak->rowCount(); ++r) {
            const QString name = weak->item(r, CheckEndpointDialog::CaseColumn)->text();
            const QTableWidgetItem* verdict = weak->item(r, CheckEndpointDialog::VerdictColumn);
            const Conformance::Verdict level = name == QLatin1String("duplicate-event")
                                                   ? Conformance::Verdict::Unverified
                                               : name == QLatin1String("timestamp-too-old") ? Conformance::Verdict::Fail
                                               : name == QLatin1String("timestamp-ahead")   ? Conformance::Verdict::Warn
                                                                                            : Conformance::Verdict::Ok;
            QCOMPARE(verdict->background().color(), CheckEndpointDialog::verdictColor(level));
            if (level == Conformance::Verdict::Fail || level == Conformance::Verdict::Warn) {
                QVERIFY(weak->item(r, CheckEndpointDialog::RiskColumn)->text().contains(QLatin1String("replayed")));
            }
            if (level == Conformance::Verdict::Warn) {
                QVERIFY(weak->item(r, CheckEndpointDialog::RiskColumn)->text().contains(QLatin1String("Stripe")));
            }
        }
        QVERIFY2(weakened->summary().contains(QLatin1String("Does not conform: 1 of")),
                 qPrintable(weakened->summary()));
    }

    // Five levels, five words and five colours, and a legend that names each.
    void levelsHaveDistinctWordsColoursAndALegend()
    {
        const QList<Conformance::Verdict> levels {Conformance::Verdict::Ok,
                                                  Conformance::Verdict::Warn,
                                                  Conformance::Verdict::Unverified,
                                                  Conformance::Verdict::Fail,
                                                  Conformance::Verdict::Unclear};
        QSet<QString> words;
        QSet<QRgb> colours;
        for (const auto level : levels) {
            words.insert(CheckEndpointDialog::verdictText(level));
            colours.insert(CheckEndpointDialog::verdictColor(level).rgb());
        }
        QCOMPARE(words.size(), levels.size());
        QCOMPARE(colours.size(), levels.size());

        FakeSecretStore store;
        const EndpointProfile profile;
        CheckEndpointDialog dialog(profile, Event(), &store, nullptr);
        auto* legend = dialog.findChild<QLabel*>(QStringLiteral("checkLegendLabel"));
        QVERIFY(legend);
        for (const auto level : levels) {
            QVERIFY2(legend->text().contains(CheckEndpointDialog::verdictText(level)), qPrintable(legend->text()));
            QVERIFY(legend->text().contains(CheckEndpointDialog::verdictColor(level).name()));
        }
    }
};

QTEST_MAIN(TestUiCheck)
#include "tst_ui_check.moc"

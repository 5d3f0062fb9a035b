// The history model over 100,000 stored attempts: QAbstractItemModelTester while it pages in
// every row, the database-side filters and sort, and the window's history view showing a
// selected row in the inspector.
#include "FakeSecretStore.h"
#include "UiTestSupport.h"

#include "HistoryModel.h"
#include "MainWindow.h"
#include "TraceInspector.h"

#include "history/HistoryStore.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr int Rows = 100000;

AttemptTrace traceFor(int i)
{
    AttemptTrace trace;
    trace.profileName = i % 2 ? QStringLiteral("Odd endpoint") : QStringLiteral("Even endpoint");
    trace.eventId = QStringLiteral("evt_%1").arg(i);
    trace.eventType = i % 3 ? QStringLiteral("invoice.paid") : QStringLiteral("policy.bound");
    trace.attempt = 1;
    trace.method = "POST";
    trace.url = QStringLiteral("http://127.0.0.1:9/hook");
    trace.status = (i % 10 == 0) ? 500 : 200;
    trace.outcome = trace.status == 200 ? AttemptTrace::Outcome::Delivered : AttemptTrace::Outcome::Failed;
    trace.startedAt = QDateTime::fromMSecsSinceEpoch(1790000000000LL + qint64(i) * 1000, Qt::UTC);
    trace.requestHeaders = {{"Content-Type", "application/json"}};
    trace.requestBody = "{\"n\":" + QByteArray::number(i) + "}";
    return trace;
}
} // namespace

class TestUiHistory final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(UiTestSupport::useDataDir(m_dir));
        auto store = HistoryStore::open();
        QVERIFY2(store, qPrintable(store.error().toString()));
        m_store = std::move(store).value();
        QList<QPair<AttemptTrace, QByteArray>> batch;
        for (int i = 0; i < Rows; ++i) {
            batch.append({traceFor(i), QByteArray()});
            if (batch.size() == 10000) {
                QVERIFY(m_store->addAttempts(batch));
                batch.clear();
            }
        }
        QCOMPARE(m_store->countAttempts(), qint64(Rows));
    }

    void modelPassesTheTesterWhilePagingEverything()
    {
        HistoryModel model(m_store.get());
        QCOMPARE(model.rowCount(), 0); // nothing read until a view asks
        {
            // The tester re-walks every row on each insert (quadratic), so it watches the first
            // 10,000 rows paged in; the rest is paged without it.
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(model.canFetchMore({}));
            while (model.canFetchMore({}) && model.rowCount() < 10000) {
                model.fetchMore({});
            }
            QCOMPARE(model.rowCount(), 10000);
        }
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), Rows);
        // Newest first by default.
        QCOMPARE(model.data(model.index(0, HistoryModel::EventId)).toString(), QStringLiteral("evt_%1").arg(Rows - 1));
        QCOMPARE(model.data(model.index(Rows - 1, HistoryModel::EventId)).toString(), QStringLiteral("evt_0"));
    }

    void filtersAndSortRunInTheDatabase()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryRowQuery filter;
        filter.statusClass = QStringLiteral("5xx");
        filter.profileName = QStringLiteral("Even endpoint");
        model.setFilter(filter);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), Rows / 10); // every tenth is a 500, and all of those are even
        for (int r = 0; r < model.rowCount(); r += 997) {
            QCOMPARE(model.data(model.index(r, HistoryModel::Status)).toInt(), 500);
        }

        filter = {};
        filter.text = QStringLiteral("evt_4242");
        filter.eventType = QStringLiteral("policy.bound");
        model.setFilter(filter);
        model.fetchMore({});
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r) {
            ids << model.data(model.index(r, HistoryModel::EventId)).toString();
        }
        // evt_4242x with x*... divisible by 3: 4242 (yes), 42420..42429 with i%3==0
        for (const QString& id : ids) {
            QVERIFY(id.startsWith(QStringLiteral("evt_4242")));
            QCOMPARE(id.mid(4).toInt() % 3, 0);
        }
        QVERIFY(ids.contains(QStringLiteral("evt_4242")));

        model.setFilter({});
        model.sort(HistoryModel::EventId, Qt::AscendingOrder);
        model.fetchMore({});
        QCOMPARE(model.data(model.index(0, HistoryModel::EventId)).toString(), QStringLiteral("evt_0"));
        QCOMPARE(model.data(model.index(1, HistoryModel::EventId)).toString(), QStringLiteral("evt_1"));
        QCOMPARE(model.data(model.index(2, HistoryModel::EventId)).toString(), QStringLiteral("evt_10"));
    }

    void selectingARowShowsItInTheInspector()
    {
        FakeSecretStore secrets;
        MainWindow window(&secrets);
        window.show();
        auto* view = window.findChild<QTableView*>(QStringLiteral("historyTableView"));
        QVERIFY(view);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier); // the History page
        QTRY_VERIFY(view->isVisible());
        window.findChild<QLineEdit*>(QStringLiteral("historyFilterLineEdit"))->setText(QStringLiteral("evt_77777"));
        QTRY_COMPARE(view->model()->rowCount(), 1);
        view->selectRow(0);
        auto* badge = window.inspector()->findChild<QLabel*>(QStringLiteral("statusBadgeLabel"));
        QCOMPARE(badge->text(), QStringLiteral("200"));
        QCOMPARE(window.inspector()->attempts().size(), 1);
        QCOMPARE(window.inspector()->attempts().first().requestBody, QByteArray("{\"n\":77777}"));
        const auto record = m_store->traceById(window.historyModel()->idAt(0));
        QVERIFY(record);
        QCOMPARE(record->eventId, QStringLiteral("evt_77777"));
    }
};

QTEST_MAIN(TestUiHistory)
#include "tst_ui_history.moc"

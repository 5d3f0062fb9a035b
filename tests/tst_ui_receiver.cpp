// Widget tests of the receiver panel: a receiver started from the panel gets real deliveries
// from the engine (valid and tampered) and the table, the verdict badges and the explanations
// say what a user would read; the status sequence changed while running drives the sender's
// retries; the live model passes QAbstractItemModelTester, also past its in-memory cap; and the
// first-run demo works end to end, with and without a keychain.
#include "FakeSecretStore.h"
#include "UiTestSupport.h"

#include "CheckEndpointDialog.h"
#include "EndpointLibrary.h"
#include "MainWindow.h"
#include "ReceivedModel.h"
#include "ReceiverLibrary.h"
#include "ReceiverPanel.h"

#include "delivery/DeliveryEngine.h"
#include "receiver/Receiver.h"
#include "secrets/SecretRef.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using UiTestSupport::child;

namespace {
const QByteArray Whsec = QByteArrayLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray OtherWhsec = QByteArrayLiteral("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD");

EndpointProfile profileFor(const QString& url, const QByteArray& secret)
{
    EndpointProfile profile;
    profile.name = QStringLiteral("sender");
    profile.url = QUrl(url + QStringLiteral("/hooks/test"));
    if (!secret.isEmpty()) {
        SignatureConfig signature;
        signature.scheme = SignatureScheme::StandardWebhooks;
        signature.secret = QStringLiteral("literal:") + QString::fromLatin1(secret);
        profile.signatures = {signature};
    }
    return profile;
}

// Delivers one event through the engine, as Send does; returns the finished delivery's attempts.
QList<AttemptTrace> deliver(DeliveryEngine* engine, const EndpointProfile& profile)
{
    SecretValues secrets;
    for (const QString& ref : profile.secretRefs()) {
        secrets.insert(ref, SecretRef::parse(ref).target.toUtf8());
    }
    auto event = Event::make(QStringLiteral("invoice.paid"), QByteArrayLiteral("{\"amount\":42}"));
    Event e = event.value();
    e.fillDefaults();
    Delivery* delivery = engine->deliver(DeliveryJob {profile, secrets, e, std::nullopt, false});
    QSignalSpy finished(delivery, &Delivery::finished);
    if (!finished.wait(20000)) {
        return {};
    }
    const QList<AttemptTrace> attempts = delivery->attempts();
    delivery->deleteLater();
    return attempts;
}

// The explanation pane as a user reads it (the browser keeps &nbsp; and friends apart).
QString browserText(QTextBrowser* browser)
{
    QString text = browser->toPlainText();
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    return text;
}

QString verdictAt(ReceivedModel* model, int row)
{
    return model->index(row, ReceivedModel::Verdict).data().toString();
}
} // namespace

class TestUiReceiver final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    // Starts the panel's receiver with one standard-webhooks secret typed into the form.
    static void startWithSignature(MainWindow* window)
    {
        ReceiverPanel* panel = window->receiverPanel();
        child<QPushButton>(panel, "receiverAddSignatureButton")->click();
        auto* table = child<QTableWidget>(panel, "receiverSignaturesTableWidget");
        auto* scheme = qobject_cast<QComboBox*>(table->cellWidget(0, 0));
        scheme->setCurrentIndex(scheme->findData(int(SignatureScheme::StandardWebhooks)));
        auto* secrets = qobject_cast<QLineEdit*>(table->cellWidget(0, 1));
        QTest::keyClicks(secrets, QString::fromLatin1(Whsec));
        QVERIFY(panel->validationErrors().isEmpty());
        child<QPushButton>(panel, "receiverStartButton")->click();
        QTRY_VERIFY(panel->isRunning());
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(UiTestSupport::useDataDir(*m_dir));
    }

    void validAndTamperedDeliveries()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        ReceiverPanel* panel = window.receiverPanel();
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        startWithSignature(&window);
        const QString url = child<QLineEdit>(panel, "receiverUrlLineEdit")->text();
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
        QCOMPARE(child<QPushButton>(panel, "receiverStartButton")->text(), QStringLiteral("Stop"));

        auto ok = deliver(window.engine(), profileFor(url, Whsec));
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.first().status, 200);
        auto bad = deliver(window.engine(), profileFor(url, OtherWhsec));
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad.first().status, 401);
        auto unsigned_ = deliver(window.engine(), profileFor(url, {}));
        QCOMPARE(unsigned_.first().status, 401);

        ReceivedModel* model = panel->model();
        QTRY_COMPARE(model->rowCount(), 3);
        // Newest first.
        QCOMPARE(verdictAt(model, 2), QStringLiteral("accepted"));
        QCOMPARE(verdictAt(model, 1), QStringLiteral("rejected"));
        QCOMPARE(verdictAt(model, 0), QStringLiteral("rejected"));
        QCOMPARE(model->index(2, ReceivedModel::Path).data().toString(), QStringLiteral("/hooks/test"));
        QCOMPARE(model->index(2, ReceivedModel::Checks).data().toString(), QStringLiteral("1/1 passed"));
        QCOMPARE(model->index(1, ReceivedModel::Checks).data().toString(),
                 QStringLiteral("0/1 passed; failed: standard-webhooks"));
        QCOMPARE(model->index(1, ReceivedModel::Status).data().toInt(), 401);
        // The badges: green for accepted, red for rejected.
        QCOMPARE(model->index(2, ReceivedModel::Verdict).data(Qt::BackgroundRole).value<QBrush>().color(),
                 QColor(0x2e, 0x7d, 0x32));
        QCOMPARE(model->index(1, ReceivedModel::Verdict).data(Qt::BackgroundRole).value<QBrush>().color(),
                 QColor(0xc6, 0x28, 0x28));

        // The explanation of the wrong secret, and of the missing header.
        auto* checks = child<QTextBrowser>(panel, "receivedChecksBrowser");
        panel->selectRow(1);
        QVERIFY2(browserText(checks).contains(QLatin1String("wrong secret")), qPrintable(browserText(checks)));
        QVERIFY(browserText(checks).contains(QLatin1String("rejected")));
        panel->selectRow(0);
        QVERIFY2(browserText(checks).contains(QLatin1String("missing"), Qt::CaseInsensitive),
                 qPrintable(browserText(checks)));
        panel->selectRow(2);
        QVERIFY2(browserText(checks).contains(QString::fromUtf8("✓ standard-webhooks")),
                 qPrintable(browserText(checks)));
        const QString raw = child<QPlainTextEdit>(panel, "receivedRawTextEdit")->toPlainText();
        QVERIFY2(raw.startsWith(QLatin1String("POST /hooks/test HTTP/1.1\n")), qPrintable(raw));
        QVERIFY(raw.contains(QLatin1String("webhook-signature: v1,"), Qt::CaseInsensitive));
        QVERIFY(child<QPlainTextEdit>(panel, "receivedPayloadTextEdit")
                    ->toPlainText()
                    .contains(QLatin1String("\"amount\": 42")));
        QVERIFY(
            panel->curlCommand().startsWith(QStringLiteral("curl -X POST '") + url + QStringLiteral("/hooks/test'")));

        // Replay the accepted request to an endpoint aimed at the same receiver: the same bytes, signed again.
        EndpointEntry entry {EndpointLibrary::newId(), profileFor(url, Whsec)};
        entry.profile.signatures.first().secret = QString::fromLatin1(Whsec);
        QSignalSpy saved(window.library(), &EndpointLibrary::changed);
        bool done = false;
        window.library()->save(entry, -1, [&done](Result<void> r) { done = r.ok(); });
        QTRY_VERIFY(done);
        const auto record = model->record(panel->selectedSeq());
        QVERIFY(record.has_value());
        QSignalSpy delivered(&window, &MainWindow::deliveryFinished);
        window.replayTo(entry.id, *record);
        QVERIFY(delivered.wait(20000));
        QCOMPARE(delivered.first().first().toBool(), true);
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(verdictAt(model, 0), QStringLiteral("accepted"));
        QCOMPARE(model->record(model->seqAt(0))->body, record->body);

        child<QPushButton>(panel, "receiverStartButton")->click();
        QVERIFY(!panel->isRunning());
        QCOMPARE(child<QPushButton>(panel, "receiverStartButton")->text(), QStringLiteral("Start"));
    }

    void statusSequenceWhileRunning()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        ReceiverPanel* panel = window.receiverPanel();
        child<QPushButton>(panel, "receiverStartButton")->click();
        QTRY_VERIFY(panel->isRunning());
        const QString url = panel->url();

        // Changed while it runs: the next accepted requests get 503, 503, then 200.
        auto* sequence = child<QLineEdit>(panel, "receiverStatusSequenceLineEdit");
        QTest::keyClicks(sequence, QStringLiteral("503, 503"));
        QCOMPARE(panel->receiver()->config().response.statusSequence, (QList<int> {503, 503}));
        EndpointProfile profile = profileFor(url, {});
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.maxAttempts = 3;
        profile.retry.intervalMs = 10;
        profile.retry.initialDelayMs = 10;
        profile.retry.jitter = false;
        const auto attempts = deliver(window.engine(), profile);
        QCOMPARE(attempts.size(), 3);
        QCOMPARE(attempts.at(0).status, 503);
        QCOMPARE(attempts.at(1).status, 503);
        QCOMPARE(attempts.at(2).status, 200);
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Status).data().toInt(), 200);
        QCOMPARE(panel->model()->index(2, ReceivedModel::Status).data().toInt(), 503);

        // An invalid sequence is named under the form and not applied.
        QTest::keyClicks(sequence, QStringLiteral(", abc"));
        QVERIFY(child<QLabel>(panel, "receiverValidationLabel")->text().contains(QLatin1String("Status sequence")));
        QCOMPARE(panel->receiver()->config().response.statusSequence, (QList<int> {503, 503}));

        // The plain status and drop, too.
        sequence->clear();
        child<QSpinBox>(panel, "receiverStatusSpinBox")->setValue(202);
        QCOMPARE(deliver(window.engine(), profileFor(url, {})).first().status, 202);
    }

    void listenWarningAndValidation()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        ReceiverPanel* panel = window.receiverPanel();
        auto* listen = child<QLineEdit>(panel, "receiverListenLineEdit");
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("0.0.0.0:8787"));
        window.showReceiverPage();
        panel->findChild<QTabWidget*>(QStringLiteral("receiverFormTabWidget"))->setCurrentIndex(0);
        QVERIFY(child<QLabel>(panel, "receiverListenWarningLabel")->isVisible());
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("127.0.0.1:99999"));
        QVERIFY(panel->validationErrors().join(QLatin1Char('\n')).contains(QLatin1String("Listen")));
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("127.0.0.1:0"));
        QVERIFY(!child<QLabel>(panel, "receiverListenWarningLabel")->isVisible());
        child<QPushButton>(panel, "receiverAddSignatureButton")->click();
        QVERIFY(panel->validationErrors().join(QLatin1Char('\n')).contains(QLatin1String("Signatures, row 1")));
    }

    void modelBatchesAndPagesFromTheStore()
    {
        auto store = ReceivedStore::open(QDir(m_dir->path()).filePath(QStringLiteral("paging.sqlite")));
        QVERIFY(store.ok());
        ReceivedModel model;
        model.setStore(store.value().get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const int total = ReceivedModel::MaxRows + 150;
        QList<ReceivedRecord> records;
        for (int i = 0; i < total; ++i) {
            ReceivedRecord record;
            record.receivedAt = QDateTime::currentDateTimeUtc();
            record.method = QStringLiteral("POST");
            record.path = QStringLiteral("/r/%1").arg(i);
            record.verdict = QStringLiteral("accepted");
            record.status = 200;
            records.append(record);
        }
        auto seqs = store.value()->addBatch(records);
        QVERIFY(seqs.ok());
        for (int i = 0; i < total; ++i) {
            records[i].seq = seqs.value().at(i);
            model.add(records.at(i));
        }
        QCOMPARE(model.rowCount(), 0); // not before the end of the event-loop turn
        QTRY_COMPARE(model.rowCount(), ReceivedModel::MaxRows);
        QCOMPARE(inserted.size(), 1); // one insert for the whole burst
        QCOMPARE(model.index(0, ReceivedModel::Path).data().toString(), QStringLiteral("/r/%1").arg(total - 1));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.index(total - 1, ReceivedModel::Path).data().toString(), QStringLiteral("/r/0"));
        // A trimmed row's record comes back from the store.
        QCOMPARE(model.record(model.seqAt(total - 1))->path, QStringLiteral("/r/0"));
    }

    void firstRunDemo_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("keychain") << true;
        QTest::newRow("no keychain") << false;
    }

    void firstRunDemo()
    {
        QFETCH(bool, keychain);
        FakeSecretStore store;
        store.setNoKeychain(!keychain);
        MainWindow window(&store);
        window.show();
        QVERIFY(child<QWidget>(&window, "firstRunBanner")->isVisible());
        child<QPushButton>(&window, "firstRunDemoButton")->click();
        ReceiverPanel* panel = window.receiverPanel();
        QTRY_VERIFY(panel->isRunning());
        QTRY_COMPARE(window.library()->entries().size(), 1);
        QVERIFY(!child<QWidget>(&window, "firstRunBanner")->isVisible());

        // Nothing secret on disk: keychain references, or env: references to this process.
        const QString prefix = keychain ? QStringLiteral("keychain:") : QStringLiteral("env:");
        QFile receiverFile(window.receiverLibrary()->filePath(window.receiverLibrary()->entries().first().id));
        QVERIFY(receiverFile.open(QIODevice::ReadOnly));
        const QJsonObject receiverJson = QJsonDocument::fromJson(receiverFile.readAll()).object();
        const QJsonObject verify = receiverJson.value(QLatin1String("verify")).toObject();
        for (const auto& signature : verify.value(QLatin1String("signatures")).toArray()) {
            QVERIFY(
                signature.toObject().value(QLatin1String("secrets")).toArray().first().toString().startsWith(prefix));
        }
        QVERIFY(receiverJson.value(QLatin1String("tokenEndpoint"))
                    .toObject()
                    .value(QLatin1String("clientSecret"))
                    .toString()
                    .startsWith(prefix));
        QVERIFY(receiverJson.value(QLatin1String("listen")).toString().startsWith(QLatin1String("127.0.0.1:")));
        QVERIFY(!receiverJson.value(QLatin1String("listen")).toString().endsWith(QLatin1String(":0")));
        if (keychain) {
            QCOMPARE(store.entries().size(), 6); // three secrets, for the receiver and the endpoint
        }

        // Send: a verified round trip (a token from the receiver, then the signed event).
        QSignalSpy delivered(&window, &MainWindow::deliveryFinished);
        window.send();
        QVERIFY(delivered.wait(20000));
        QCOMPARE(delivered.first().first().toBool(), true);
        ReceivedModel* model = panel->model();
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(verdictAt(model, 1), QStringLiteral("token"));
        QCOMPARE(verdictAt(model, 0), QStringLiteral("accepted"));
        QCOMPARE(model->index(0, ReceivedModel::Checks).data().toString(), QStringLiteral("4/4 passed"));
        panel->selectRow(0);
        const QString explained = browserText(child<QTextBrowser>(panel, "receivedChecksBrowser"));
        for (const char* check : {"✓ auth oauth2", "✓ hmac-sha256", "✓ standard-webhooks"}) {
            QVERIFY2(explained.contains(QString::fromUtf8(check)), qPrintable(explained));
        }

        // A tampered one: refused, and the panel says why.
        QSignalSpy answered(&window, &MainWindow::tamperedAnswered);
        window.findChild<QAction*>(QStringLiteral("sendTamperedAction"))->trigger();
        QVERIFY(answered.wait(20000));
        QCOMPARE(answered.first().first().toInt(), 401);
        // The check fetches a fresh token first (a row of its own), then sends the tampered body.
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(verdictAt(model, 1), QStringLiteral("token"));
        QCOMPARE(verdictAt(model, 0), QStringLiteral("rejected"));
        QCOMPARE(model->index(0, ReceivedModel::Checks).data().toString(),
                 QStringLiteral("2/4 passed; failed: hmac-sha256, standard-webhooks"));
        panel->selectRow(0);
        const QString rejected = browserText(child<QTextBrowser>(panel, "receivedChecksBrowser"));
        QVERIFY2(rejected.contains(QString::fromUtf8("✗ hmac-sha256")) && rejected.contains(QLatin1String("body")),
                 qPrintable(rejected));
    }
};

QTEST_MAIN(TestUiReceiver)
#include "tst_ui_receiver.moc"

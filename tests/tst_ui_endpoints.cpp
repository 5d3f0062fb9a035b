// Widget tests of the endpoint side of the workbench: every static auth form filled through
// its widgets, saved (secrets into the fake keychain, only keychain: references on disk),
// reloaded in a fresh window, and sent to a loopback server; undo of delete; the refusal to
// save when no keychain answers; inline validation; the retry timeline.
#include "FakeSecretStore.h"
#include "LoopbackServer.h"
#include "UiTestSupport.h"

#include "EndpointEditor.h"
#include "EventComposer.h"
#include "MainWindow.h"
#include "RetryTimelineWidget.h"
#include "SecretLineEdit.h"
#include "TraceInspector.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using UiTestSupport::child;

namespace {
void typeInto(QWidget* window, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(window, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void chooseAuth(QWidget* window, AuthType type)
{
    window->findChild<QTabWidget*>(QStringLiteral("endpointTabWidget"))->setCurrentIndex(1);
    auto* combo = child<QComboBox>(window, "authTypeComboBox");
    combo->setCurrentIndex(combo->findData(int(type)));
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString tableText(QTableWidget* table)
{
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        rows << table->item(r, 0)->text() + QStringLiteral(": ") + table->item(r, 1)->text();
    }
    return rows.join(QLatin1Char('\n'));
}

QString headerValue(QTableWidget* table, const QString& name)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text().compare(name, Qt::CaseInsensitive) == 0) {
            return table->item(r, 1)->text();
        }
    }
    return {};
}
} // namespace

class TestUiEndpoints final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    // A window with one new endpoint pointing at `url`.
    std::unique_ptr<MainWindow> windowWithEndpoint(FakeSecretStore* store, const QByteArray& url)
    {
        auto window = std::make_unique<MainWindow>(store);
        window->show();
        window->addEndpoint();
        typeInto(window.get(), "urlLineEdit", QString::fromLatin1(url));
        typeInto(window.get(), "nameLineEdit", QStringLiteral("Loopback"));
        return window;
    }

    bool save(MainWindow* window)
    {
        QSignalSpy saved(window, &MainWindow::endpointSaved);
        QTest::mouseClick(child<QPushButton>(window, "saveEndpointButton"), Qt::LeftButton);
        if (saved.isEmpty() && !saved.wait(5000)) { // without secrets to store, saving is immediate
            return false;
        }
        if (!saved.first().at(0).toBool()) {
            qWarning() << "not saved:" << saved.first().at(1).toString();
        }
        return saved.first().at(0).toBool();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(UiTestSupport::useDataDir(*m_dir));
    }

    void staticAuthForms_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QStringList>("fields");  // objectName=value pairs typed into the form
        QTest::addColumn<QString>("secretField"); // JSON key under auth holding the secret
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("expectedValue");

        QTest::newRow("basic") << int(AuthType::Basic)
                               << QStringList {QStringLiteral("basicUsernameLineEdit=acme"),
                                               QStringLiteral("basicPasswordLineEdit=pa55-word-basic")}
                               << QStringLiteral("password") << QByteArray("Authorization")
                               << QByteArray("Basic ") + QByteArray("acme:pa55-word-basic").toBase64();
        QTest::newRow("bearer") << int(AuthType::Bearer)
                                << QStringList {QStringLiteral("bearerTokenLineEdit=tok-123456789")}
                                << QStringLiteral("token") << QByteArray("Authorization")
                                << QByteArray("Bearer tok-123456789");
        QTest::newRow("apiKey") << int(AuthType::ApiKey)
                                << QStringList {QStringLiteral("apiKeyHeaderNameLineEdit=X-Api-Key"),
                                                QStringLiteral("apiKeyValueLineEdit=key-abcdefgh"),
                                                QStringLiteral("apiKeyPrefixLineEdit=ApiKey ")}
                                << QStringLiteral("value") << QByteArray("X-Api-Key")
                                << QByteArray("ApiKey key-abcdefgh");
        QTest::newRow("header") << int(AuthType::Header)
                                << QStringList {QStringLiteral("headerNameLineEdit=X-Custom-Auth"),
                                                QStringLiteral("headerValueLineEdit=custom-value-42")}
                                << QStringLiteral("value") << QByteArray("X-Custom-Auth")
                                << QByteArray("custom-value-42");
    }

    void staticAuthForms()
    {
        QFETCH(int, type);
        QFETCH(QStringList, fields);
        QFETCH(QString, secretField);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, expectedValue);

        FakeSecretStore store;
        LoopbackServer server;
        QString id;
        QString secret;
        {
            auto window = windowWithEndpoint(&store, server.url());
            chooseAuth(window.get(), AuthType(type));
            for (const QString& field : fields) {
                const auto name = field.section(QLatin1Char('='), 0, 0).toLatin1();
                const QString value = field.section(QLatin1Char('='), 1);
                typeInto(window.get(), name.constData(), value);
                if (auto* secretEdit =
                        qobject_cast<SecretLineEdit*>(child<QLineEdit>(window.get(), name.constData()))) {
                    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password); // masked while typed
                    secret = value;
                }
            }
            QVERIFY(child<QLabel>(window.get(), "authErrorLabel")->isHidden());
            QVERIFY(save(window.get()));
            id = window->currentEndpointId();
        }

        // On disk: a profile whose secret is a keychain: reference, never the value.
        const QString path = QDir(m_dir->path()).filePath(QStringLiteral("endpoints/%1.json").arg(id));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(secret.toUtf8()), bytes.constData());
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("hookbench.endpoint/1"));
        const QString reference = json.value(QStringLiteral("auth")).toObject().value(secretField).toString();
        QVERIFY2(reference.startsWith(QStringLiteral("keychain:")), qPrintable(reference));
        QCOMPARE(store.entries().value(reference.mid(9)), secret.toUtf8());

        // Reload in a fresh window: the form shows the reference, and sending resolves it.
        auto window = std::make_unique<MainWindow>(&store);
        window->show();
        QCOMPARE(window->currentEndpointId(), id);
        QCOMPARE(AuthType(child<QComboBox>(window.get(), "authTypeComboBox")->currentData().toInt()), AuthType(type));
        QCOMPARE(window->editor()->profile().auth, EndpointProfile::load(path)->auth);

        QSignalSpy finished(window.get(), &MainWindow::deliveryFinished);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(finished.wait(10000), qPrintable(child<QLabel>(window->inspector(), "inspectorStateLabel")->text()));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().header(headerName), expectedValue);

        // The inspector shows what was sent, the secret masked, and a 200 badge.
        auto* inspector = window->inspector();
        QCOMPARE(child<QLabel>(inspector, "statusBadgeLabel")->text(), QStringLiteral("200"));
        auto* headers = child<QTableWidget>(inspector, "requestHeadersTableWidget");
        const QString shown = headerValue(headers, QString::fromLatin1(headerName));
        QVERIFY2(!shown.isEmpty(), qPrintable(tableText(headers)));
        QVERIFY2(shown.startsWith(QStringLiteral("••••")), qPrintable(shown));
        QVERIFY(!tableText(headers).contains(secret));
        const QString body = child<QPlainTextEdit>(inspector, "requestBodyPlainTextEdit")->toPlainText();
        QVERIFY2(body.contains(QStringLiteral("\n    \"")), qPrintable(body)); // pretty-printed
        QVERIFY(!window->inspector()->curlCommand().contains(secret));
        QVERIFY(window->inspector()->curlCommand().contains(QString::fromLatin1(server.url())));
    }

    void noKeychainRefusesToSaveSecrets()
    {
        FakeSecretStore store;
        store.setNoKeychain(true);
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/hook");
        QTRY_VERIFY(child<QLabel>(window.get(), "keychainBannerLabel")->isVisible());
        QVERIFY(child<QLabel>(window.get(), "keychainStatusLabel")->text().contains(QStringLiteral("not available")));
        chooseAuth(window.get(), AuthType::Bearer);
        typeInto(window.get(), "bearerTokenLineEdit", QStringLiteral("never-on-disk-123"));
        QVERIFY(!save(window.get()));
        const QDir endpoints(QDir(m_dir->path()).filePath(QStringLiteral("endpoints")));
        for (const QString& name : endpoints.entryList(QDir::Files)) {
            QFile file(endpoints.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("never-on-disk-123"));
        }
        // An env: reference needs no keychain and is saved.
        typeInto(window.get(), "bearerTokenLineEdit", QStringLiteral("env:HOOK_TOKEN"));
        QVERIFY(save(window.get()));
    }

    void inlineValidationNamesTheProblem()
    {
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/hook");
        chooseAuth(window.get(), AuthType::ApiKey);
        typeInto(window.get(), "apiKeyValueLineEdit", QStringLiteral("k"));
        auto* error = child<QLabel>(window.get(), "authErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("header name is required")), qPrintable(error->text()));
        // Only the fields of the chosen type are on screen.
        QVERIFY(child<QLineEdit>(window.get(), "apiKeyHeaderNameLineEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(window.get(), "basicUsernameLineEdit")->isVisible());
        typeInto(window.get(), "apiKeyHeaderNameLineEdit", QStringLiteral("X-Key"));
        QVERIFY(error->isHidden());

        typeInto(window.get(), "urlLineEdit", QStringLiteral("ftp://nope"));
        QVERIFY(child<QLabel>(window.get(), "generalErrorLabel")->text().contains(QStringLiteral("http://")));
    }

    void undoOfDeleteRestoresTheEndpoint()
    {
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/hook");
        chooseAuth(window.get(), AuthType::Bearer);
        typeInto(window.get(), "bearerTokenLineEdit", QStringLiteral("undo-token-1234"));
        QVERIFY(save(window.get()));
        const QString id = window->currentEndpointId();
        const QString path = window->library()->filePath(id);
        const QByteArray before = TestSupportRead(path);
        QVERIFY(!before.isEmpty());

        QTest::keyClick(child<QWidget>(window.get(), "sidebarTreeWidget"), Qt::Key_Delete);
        QCOMPARE(window->library()->indexOf(id), -1);
        QVERIFY(!QFile::exists(path));

        window->undoStack()->undo();
        QCOMPARE(window->library()->indexOf(id), 0);
        QCOMPARE(TestSupportRead(path), before);
        QCOMPARE(window->currentEndpointId(), id);
        QCOMPARE(child<QLineEdit>(window.get(), "nameLineEdit")->text(), QStringLiteral("Loopback"));

        window->undoStack()->redo();
        QVERIFY(!QFile::exists(path));
    }

    void renameDuplicateAndReorder()
    {
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/hook");
        QVERIFY(save(window.get()));
        const QString first = window->currentEndpointId();
        window->duplicateEndpoint();
        QCOMPARE(window->library()->entries().size(), 2);
        QCOMPARE(window->library()->entries().at(1).profile.name, QStringLiteral("Loopback (copy)"));
        window->moveEndpoint(-1);
        QCOMPARE(window->library()->entries().at(1).id, first);
        window->renameEndpoint(first, QStringLiteral("Renamed"));
        QCOMPARE(window->library()->find(first)->profile.name, QStringLiteral("Renamed"));
        QCOMPARE(readJson(window->library()->filePath(first)).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Renamed"));
        window->undoStack()->undo();
        QCOMPARE(window->library()->find(first)->profile.name, QStringLiteral("Loopback"));
        window->undoStack()->undo();
        QCOMPARE(window->library()->entries().at(0).id, first);
        // Order survives a reload.
        window->selectEndpoint(first);
        window->moveEndpoint(1);
        MainWindow reloaded(&store);
        QCOMPARE(reloaded.library()->entries().at(1).id, first);
    }

    void retryTimelineShowsEveryAttempt()
    {
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/hook");
        window->editor()->tabs()->setCurrentIndex(5);
        auto* policy = child<QComboBox>(window.get(), "retryPolicyComboBox");
        policy->setCurrentIndex(policy->findData(int(RetryPolicyType::Fixed)));
        child<QSpinBox>(window.get(), "maxAttemptsSpinBox")->setValue(84);
        child<QSpinBox>(window.get(), "intervalSpinBox")->setValue(14400000);
        auto* timeline = window->editor()->retryTimeline();
        QCOMPARE(timeline->markCount(), 84);
        const QList<double> xs = timeline->markPositions();
        QCOMPARE(xs.size(), 84);
        for (int i = 1; i < xs.size(); ++i) {
            QVERIFY(xs.at(i) > xs.at(i - 1)); // each mark on its own spot, in time order
        }
        QCOMPARE(timeline->plannedAttempts().last().offsetMs, qint64(83) * 14400000);
        QVERIFY(child<QLabel>(window.get(), "retrySummaryLabel")->text().contains(QStringLiteral("84")));
        QVERIFY(!child<QSpinBox>(window.get(), "initialDelaySpinBox")->isVisible());
    }

    void signingPreviewAndRetriesInTheInspector()
    {
        FakeSecretStore store;
        LoopbackServer server;
        server.setResponses(
            {LoopbackServer::Response(500, "Internal Server Error"), LoopbackServer::Response(200, "OK")});
        auto window = windowWithEndpoint(&store, server.url());
        window->editor()->tabs()->setCurrentIndex(2);
        EndpointProfile profile = window->editor()->profile();
        SignatureConfig github;
        github.scheme = SignatureScheme::GitHub;
        github.secret = QStringLiteral("It's a Secret to Everybody");
        profile.signatures = {github};
        profile.retry.policy = RetryPolicyType::Fixed;
        profile.retry.maxAttempts = 3;
        profile.retry.intervalMs = 50;
        window->editor()->setProfile(profile);
        auto* preview = child<QTableWidget>(window.get(), "signingPreviewTableWidget");
        QTRY_VERIFY2(preview->rowCount() == 1,
                     qPrintable(child<QLabel>(window.get(), "signingPreviewErrorLabel")->text()));
        QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("X-Hub-Signature-256"));
        QVERIFY(preview->item(0, 1)->text().startsWith(QStringLiteral("sha256=")));

        QSignalSpy finished(window.get(), &MainWindow::deliveryFinished);
        window->send();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().at(0).toBool());
        auto* attempts = child<QListWidget>(window->inspector(), "attemptsListWidget");
        QCOMPARE(attempts->count(), 2);
        QVERIFY(attempts->item(0)->text().contains(QStringLiteral("500")));
        attempts->setCurrentRow(0);
        QCOMPARE(child<QLabel>(window->inspector(), "statusBadgeLabel")->text(), QStringLiteral("500"));
        attempts->setCurrentRow(1);
        auto* signatures = child<QTableWidget>(window->inspector(), "signaturesTableWidget");
        QCOMPARE(signatures->rowCount(), 1);
        QCOMPARE(signatures->item(0, 1)->text().toLatin1(), server.requests().last().header("X-Hub-Signature-256"));

        child<QCheckBox>(window->inspector(), "rawBodyCheckBox")->setChecked(true);
        QCOMPARE(child<QPlainTextEdit>(window->inspector(), "requestBodyPlainTextEdit")->toPlainText().toUtf8(),
                 server.requests().last().body);
    }

    void composerExpandsPlaceholdersAndReportsPositions()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        EventComposer* composer = window.composer();
        composer->setText(QStringLiteral("{\"id\": \"{{uuid}}\", \"type\": \"t\", \"n\": {{timestamp}}}"));
        QVERIFY2(composer->validationError().isEmpty(), qPrintable(composer->validationError()));
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1790000000, Qt::UTC);
        auto event = composer->composeEvent(now);
        QVERIFY(event);
        QCOMPARE(event->id().size(), 36);
        QCOMPARE(event->object().value(QStringLiteral("n")).toInteger(), 1790000000);
        composer->setText(QStringLiteral("{\n  \"type\": \"t\",\n  \"x\": tru\n}"));
        QVERIFY2(composer->validationError().contains(QStringLiteral("line 3")),
                 qPrintable(composer->validationError()));
        QVERIFY(child<QLabel>(&window, "eventErrorLabel")->text().contains(QStringLiteral("line 3")));
    }

private:
    static QByteArray TestSupportRead(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

QTEST_MAIN(TestUiEndpoints)
#include "tst_ui_endpoints.moc"

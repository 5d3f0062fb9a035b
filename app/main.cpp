#include "CheckEndpointDialog.h"
#include "EndpointEditor.h"
#include "EndpointLibrary.h"
#include "EventComposer.h"
#include "MainWindow.h"
#include "ReceiverPanel.h"
#include "TraceInspector.h"

#include "jose/JoseKey.h"
#include "jose/Jws.h"
#include "model/ReceiverConfig.h"
#include "http/HttpServer.h"
#include "http/ReceivedRequest.h"
#include "receiver/Receiver.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QUrlQuery>
#include <QUuid>

#include <functional>
#include <memory>

#include <cstdio>

namespace {
// Peak resident memory (VmHWM) in kB, for bench/gui_startup.sh.
QString peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:")) {
                return QString::fromLatin1(line.mid(6).simplified());
            }
        }
    }
    return QStringLiteral("unknown");
}

bool saveShot(QWidget* widget, const QString& path)
{
    const bool saved = widget->grab().save(path);
    std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "cannot save", qPrintable(path));
    return saved;
}

// --demo-screenshot DIR: the pictures of the docs, made from a real session. A receiver in this
// process is the webhook endpoint, a small token endpoint beside it issues tokens; one endpoint with client
// credentials and a standard-webhooks signature sends one event; then the window, the inspector
// and the "Get token" dialog are saved as main-window.png, inspector.png and oauth-token.png.
// Secrets are env: references set in this process only, so nothing goes to a keychain or a file.
class DemoScreenshots final : public QObject
{
public:
    DemoScreenshots(MainWindow* window, QString folder)
        : QObject(window)
        , m_window(window)
        , m_folder(std::move(folder))
        , m_receiver(new Receiver(this))
        , m_tokenServer(new HttpServer(this))
    { }

    void start()
    {
        QDir().mkpath(m_folder);
        const QByteArray config = "{\"format\":\"hookbench.receiver/1\",\"listen\":\"127.0.0.1:0\","
                                  "\"verify\":{\"signatures\":[{\"scheme\":\"standard-webhooks\","
                                  "\"secrets\":[\"env:HOOKBENCH_DEMO_WHSEC\"]}]}}";
        auto parsed = ReceiverConfig::fromJson(config);
        if (!parsed) {
            fail(parsed.error().toString());
            return;
        }
        if (auto listening = startTokenServer(); !listening) {
            fail(listening.error().toString());
            return;
        }
        m_receiver->resolveAndStart(parsed.value(), nullptr, [this](Result<void> started) {
            if (!started) {
                fail(started.error().toString());
                return;
            }
            send();
        });
    }

private:
    // The token endpoint of the demo: client_secret_jwt (the assertion checked with core/jose),
    // tokens of an hour. The receiver checks the signature of what is sent, not the token.
    Result<void> startTokenServer()
    {
        m_tokenServer->setHandler([](const ReceivedRequest& request, HttpResponder responder) {
            const QUrlQuery form(QString::fromUtf8(request.body));
            const QByteArray assertion =
                form.queryItemValue(QStringLiteral("client_assertion"), QUrl::FullyDecoded).toLatin1();
            auto verified = Jws::verifyCompact(
                assertion, {JoseKey::fromSecret(qgetenv("HOOKBENCH_DEMO_CLIENT_SECRET"))}, {QStringLiteral("HS256")});
            HttpResponse response;
            response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            if (request.path != QLatin1String("/oauth2/token")
                || form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials")
                || !verified) {
                response.status = 401;
                response.body = "{\"error\":\"invalid_client\"}";
            } else {
                response.body = "{\"access_token\":\"demo-" + QUuid::createUuid().toByteArray(QUuid::Id128)
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"hooks.write\"}";
            }
            responder.respond(response);
        });
        return m_tokenServer->listen();
    }

    void fail(const QString& message)
    {
        std::fprintf(stderr, "demo: %s\n", qPrintable(message));
        QApplication::exit(1);
    }

    void later(std::function<void()> step) { QTimer::singleShot(600, this, std::move(step)); }

    void send()
    {
        const QString base = m_receiver->url();
        auto profile = EndpointProfile::fromJson(
            QStringLiteral("{\"format\":\"hookbench.endpoint/1\",\"name\":\"Loans staging\","
                           "\"url\":\"%1/hooks/loans\","
                           "\"headers\":{\"X-Partner-Id\":\"p-42\"},"
                           "\"auth\":{\"type\":\"oauth2ClientCredentials\",\"tokenUrl\":\"%2/oauth2/token\","
                           "\"clientId\":\"loans-sender\",\"clientSecret\":\"env:HOOKBENCH_DEMO_CLIENT_SECRET\","
                           "\"clientAuth\":\"jwt\",\"scope\":\"hooks.write\"},"
                           "\"signatures\":[{\"scheme\":\"standard-webhooks\","
                           "\"secret\":\"env:HOOKBENCH_DEMO_WHSEC\"}],"
                           "\"retry\":{\"policy\":\"exponential\",\"maxAttempts\":5,\"initialDelayMs\":1000}}")
                .arg(base, QStringLiteral("http://127.0.0.1:%1").arg(m_tokenServer->serverPort()))
                .toUtf8());
        if (!profile) {
            fail(profile.error().toString());
            return;
        }
        EndpointEntry entry {EndpointLibrary::newId(), profile.value()};
        if (auto inserted = m_window->library()->insert(0, entry); !inserted) {
            fail(inserted.error().toString());
            return;
        }
        m_window->selectEndpoint(entry.id);
        m_window->editor()->tabs()->setCurrentIndex(1); // the OAuth form
        m_window->composer()->setText(
            QStringLiteral("{\n  \"id\": \"evt_{{uuid}}\",\n  \"type\": \"policy.bound\",\n"
                           "  \"subject\": \"policy/abc\",\n  \"timestamp\": \"{{now}}\",\n"
                           "  \"data\": { \"policyId\": \"abc\", \"premium\": 1250.5, \"currency\": \"EUR\" }\n}\n"));
        auto first = std::make_shared<QMetaObject::Connection>();
        *first = connect(m_window, &MainWindow::deliveryFinished, this, [this, first](bool delivered) {
            disconnect(*first); // the receiver pictures send again later
            if (!delivered) {
                const auto& attempts = m_window->inspector()->attempts();
                fail(QStringLiteral("the demo event was not delivered: %1")
                         .arg(attempts.isEmpty() ? QStringLiteral("no attempt") : attempts.last().error));
                return;
            }
            later([this] { shootWindow(); });
        });
        later([this] { m_window->send(); });
    }

    void shootWindow()
    {
        if (!saveShot(m_window, QDir(m_folder).filePath(QStringLiteral("main-window.png")))) {
            QApplication::exit(1);
            return;
        }
        // The inspector on its Token tab: the exchange this attempt made.
        if (auto* tabs = m_window->inspector()->findChild<QTabWidget*>(QStringLiteral("inspectorTabWidget"))) {
            tabs->setCurrentIndex(tabs->count() - 1);
        }
        m_window->inspector()->resize(620, 820);
        if (!saveShot(m_window->inspector(), QDir(m_folder).filePath(QStringLiteral("inspector.png")))) {
            QApplication::exit(1);
            return;
        }
        auto token = std::make_shared<QMetaObject::Connection>();
        *token = connect(m_window->editor(), &EndpointEditor::tokenFinished, this, [this, token](bool ok) {
            disconnect(*token);
            if (!ok) {
                fail(QStringLiteral("the demo token request was refused"));
                return;
            }
            later([this] {
                QDialog* dialog = m_window->editor()->tokenDialog();
                const bool saved =
                    dialog && saveShot(dialog, QDir(m_folder).filePath(QStringLiteral("oauth-token.png")));
                if (!saved) {
                    QApplication::exit(1);
                    return;
                }
                dialog->close();
                shootReceiver();
            });
        });
        m_window->editor()->getToken();
    }

    // The first-run demo's receiver in the panel: one verified delivery, a tampered one refused and
    // explained (receiver-panel.png), then Check endpoint against it (check-endpoint.png).
    void shootReceiver()
    {
        m_window->setUpDemo([this](const QString& problem) {
            if (!problem.isEmpty()) {
                fail(problem);
                return;
            }
            auto sent = std::make_shared<QMetaObject::Connection>();
            *sent = connect(m_window, &MainWindow::deliveryFinished, this, [this, sent](bool delivered) {
                disconnect(*sent);
                if (!delivered) {
                    fail(QStringLiteral("the demo event was not verified"));
                    return;
                }
                connect(m_window, &MainWindow::tamperedAnswered, this, [this](int status) {
                    if (status != 401) {
                        fail(QStringLiteral("the tampered event was answered %1, not 401").arg(status));
                        return;
                    }
                    later([this] {
                        m_window->showReceiverPage();
                        m_window->receiverPanel()->selectRow(0);
                        if (!saveShot(m_window, QDir(m_folder).filePath(QStringLiteral("receiver-panel.png")))) {
                            QApplication::exit(1);
                            return;
                        }
                        shootCheck();
                    });
                });
                later([this] { m_window->sendTampered(); });
            });
            later([this] { m_window->send(); });
        });
    }

    void shootCheck()
    {
        CheckEndpointDialog* dialog = m_window->checkEndpoint();
        if (!dialog) {
            fail(QStringLiteral("Check endpoint did not open"));
            return;
        }
        connect(dialog, &CheckEndpointDialog::finished, this, [this, dialog](bool) {
            later([this, dialog] {
                const bool saved = saveShot(dialog, QDir(m_folder).filePath(QStringLiteral("check-endpoint.png")));
                QApplication::exit(saved ? 0 : 1);
            });
        });
    }

    MainWindow* m_window;
    QString m_folder;
    Receiver* m_receiver;
    HttpServer* m_tokenServer;
};
} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hookbench"));
    QApplication::setOrganizationName(QStringLiteral("HookBench"));
    QApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.hookbench.HookBench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hookbench.svg")));
    // The language follows the system locale (QLocale::uiLanguages: LANGUAGE, LC_ALL, LC_MESSAGES,
    // LANG): HookBench's catalogue is embedded (translations/), Qt's own (standard buttons and
    // dialogs) comes from the Qt installation (qt6-translations-l10n). English needs neither.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(),
                          QStringLiteral("qtbase"),
                          QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("hookbench"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&appTranslator);
    }

    const QStringList args = QApplication::arguments();
    // HOOKBENCH_STARTUP_BENCH=1 or --startup-bench: print the ms from start to the window shown
    // and the peak memory, then quit (bench/gui_startup.sh).
    const bool bench = qEnvironmentVariableIntValue("HOOKBENCH_STARTUP_BENCH") == 1
                       || args.contains(QStringLiteral("--startup-bench"));
    // --screenshot PATH: save a picture of the window once it is shown, then quit (docs).
    const qsizetype shot = args.indexOf(QStringLiteral("--screenshot"));
    const QString screenshotPath = shot >= 0 && shot + 1 < args.size() ? args.at(shot + 1) : QString();
    const qsizetype demo = args.indexOf(QStringLiteral("--demo-screenshot"));
    const QString demoFolder = demo >= 0 && demo + 1 < args.size() ? args.at(demo + 1) : QString();
    // The demo works in a data folder and settings of its own: the user's endpoints, history and
    // window state are not touched.
    std::unique_ptr<QTemporaryDir> demoData;
    if (!demoFolder.isEmpty()) {
        demoData = std::make_unique<QTemporaryDir>();
        qputenv("HOOKBENCH_DATA_DIR", demoData->path().toUtf8());
        qputenv("HOOKBENCH_DEMO_CLIENT_SECRET", "demo-client-secret-4f9a");
        qputenv("HOOKBENCH_DEMO_WHSEC", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QApplication::setOrganizationName(QStringLiteral("HookBenchDemo"));
    }

    MainWindow window;
    // --show-history: open on the History page (the bench measures the window with its table filled).
    if (args.contains(QStringLiteral("--show-history"))) {
        if (auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))) {
            tabs->setCurrentIndex(2);
        }
    }
    if (!demoFolder.isEmpty()) {
        window.resize(1440, 880);
    }
    window.show();
    if (!demoFolder.isEmpty()) {
        auto* shots = new DemoScreenshots(&window, demoFolder);
        QTimer::singleShot(300, shots, [shots] { shots->start(); });
    }
    if (bench) {
        QTimer::singleShot(0, &window, [&] {
            QApplication::processEvents(); // the first paint
            std::fprintf(stdout,
                         "shown-ms %lld\nvmhwm %s\n",
                         static_cast<long long>(sinceStart.elapsed()),
                         qPrintable(peakMemory()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    if (!screenshotPath.isEmpty()) {
        QTimer::singleShot(800, &window, [&] {
            const bool saved = window.grab().save(screenshotPath);
            std::fprintf(
                saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "cannot save", qPrintable(screenshotPath));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}

#include "FirstRunDemo.h"

#include "EndpointEditor.h"
#include "EndpointLibrary.h"
#include "EventComposer.h"
#include "MainWindow.h"
#include "ReceiverLibrary.h"
#include "ReceiverPanel.h"

#include "receiver/Receiver.h"
#include "signing/Crypto.h"

#include <QGuiApplication>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace {
const QString HmacEnv = QStringLiteral("HOOKBENCH_DEMO_HMAC_SECRET");
const QString WhsecEnv = QStringLiteral("HOOKBENCH_DEMO_WHSEC_SECRET");
const QString ClientEnv = QStringLiteral("HOOKBENCH_DEMO_CLIENT_SECRET");

QString demoEvent()
{
    return QStringLiteral("{\n  \"id\": \"evt_{{uuid}}\",\n  \"type\": \"invoice.paid\",\n"
                          "  \"timestamp\": \"{{now}}\",\n"
                          "  \"data\": { \"invoiceId\": \"inv_1001\", \"amount\": 4200, \"currency\": \"EUR\" }\n}\n");
}
} // namespace

FirstRunDemo::FirstRunDemo(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_hmacSecret(Crypto::randomBytes(32).toHex())
    , m_whsec("whsec_" + Crypto::randomBytes(24).toBase64())
    , m_clientSecret(Crypto::randomBytes(24).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
{ }

QString FirstRunDemo::ref(const QString& envName, const QByteArray& value) const
{
    if (m_inMemory) {
        qputenv(envName.toUtf8().constData(), value);
        return QStringLiteral("env:") + envName;
    }
    return QString::fromUtf8(value);
}

void FirstRunDemo::run()
{
    m_receiverId = m_window->receiverLibrary()->uniqueId(tr("Demo receiver"));
    saveReceiver();
}

void FirstRunDemo::saveReceiver()
{
    ReceiverConfig config;
    config.baseDir = m_window->receiverLibrary()->folder();
    config.verify.auth.type = AuthType::OAuth2;
    SignatureVerifyConfig hmac;
    hmac.scheme = SignatureScheme::HmacSha256;
    hmac.secrets = {ref(HmacEnv, m_hmacSecret)};
    SignatureVerifyConfig standard;
    standard.scheme = SignatureScheme::StandardWebhooks;
    standard.secrets = {ref(WhsecEnv, m_whsec)};
    config.verify.signatures = {hmac, standard};
    config.verify.dedupe = true;
    TokenEndpointConfig token;
    token.clientId = QString::fromLatin1(ClientId);
    token.clientSecret = ref(ClientEnv, m_clientSecret);
    token.clientAuth = {QStringLiteral("basic")};
    config.tokenEndpoint = token;
    m_window->receiverLibrary()->save({m_receiverId, config}, [this](Result<void> saved) {
        if (saved) {
            startReceiver();
            return;
        }
        if (m_inMemory || !saved.error().message.contains(QLatin1String("keychain"), Qt::CaseInsensitive)) {
            emit finished(saved.error().toString());
            return;
        }
        // No keychain: say so, then keep the demo's secrets in this process only.
        m_inMemory = true;
        const QString text = tr("No keychain answers, so the demo's secrets cannot be stored. The demo will keep "
                                "them in memory for this session only (its profiles hold env: references to them); "
                                "nothing secret is written to disk. After a restart, set up the demo again.");
        m_window->statusBar()->showMessage(text, 15000);
        if (!qEnvironmentVariableIsSet("HOOKBENCH_NO_DIALOGS") && m_window->isVisible()
            && QGuiApplication::platformName() != QLatin1String("offscreen")) {
            QMessageBox::information(m_window, tr("Demo without a keychain"), text);
        }
        saveReceiver();
    });
}

void FirstRunDemo::startReceiver()
{
    ReceiverPanel* panel = m_window->receiverPanel();
    m_window->selectReceiver(m_receiverId);
    panel->start([this, panel](Result<void> started) {
        if (!started) {
            emit finished(started.error().toString());
            return;
        }
        // Keep the port the system gave: the endpoint's URL stays right at the next start.
        const ReceiverEntry* entry = m_window->receiverLibrary()->find(m_receiverId);
        if (entry) {
            ReceiverConfig saved = entry->config;
            saved.listenPort = panel->receiver()->port();
            m_window->receiverLibrary()->save({m_receiverId, saved}, [this, panel](Result<void> written) {
                if (written && panel->currentId() == m_receiverId) {
                    panel->showReceiver(m_receiverId); // the form shows the port it now keeps
                }
            });
        }
        saveEndpoint();
    });
}

void FirstRunDemo::saveEndpoint()
{
    Receiver* receiver = m_window->receiverPanel()->receiver();
    EndpointEntry entry;
    entry.id = EndpointLibrary::newId();
    EndpointProfile& profile = entry.profile;
    profile.name = tr("Demo endpoint");
    profile.url = QUrl(receiver->url() + QStringLiteral("/hooks/demo"));
    profile.baseDir = m_window->library()->folder();
    profile.auth.type = AuthType::OAuth2ClientCredentials;
    profile.auth.tokenUrl = receiver->tokenUrl();
    profile.auth.clientId = QString::fromLatin1(ClientId);
    profile.auth.clientSecret = ref(ClientEnv, m_clientSecret);
    profile.auth.clientAuth = QStringLiteral("basic");
    SignatureConfig hmac;
    hmac.scheme = SignatureScheme::HmacSha256;
    hmac.secret = ref(HmacEnv, m_hmacSecret);
    SignatureConfig standard;
    standard.scheme = SignatureScheme::StandardWebhooks;
    standard.secret = ref(WhsecEnv, m_whsec);
    profile.signatures = {hmac, standard};
    profile.retry.maxAttempts = 1;
    const QString id = entry.id;
    m_window->library()->save(entry, -1, [this, id](Result<void> saved) {
        if (!saved) {
            emit finished(saved.error().toString());
            return;
        }
        m_window->selectEndpoint(id);
        m_window->composer()->setText(demoEvent());
        m_window->statusBar()->showMessage(
            tr("Demo ready: press Send (Ctrl+Return) and watch the Receiver page verify it; then Delivery → Send a "
               "tampered one (Ctrl+Shift+T)."),
            20000);
        emit finished(QString());
    });
}

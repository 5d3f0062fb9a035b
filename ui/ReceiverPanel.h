#pragma once

#include "ReceiverLibrary.h"

#include "history/ReceivedStore.h"
#include "model/ReceiverConfig.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class ReceivedModel;
class Receiver;
class SecretLineEdit;
class SecretStore;

// The receiving side of the window: a form for one receiver profile (docs/receiver-format.md) with
// inline validation, Start/Stop, the receiver's URL and certificate fingerprint, the live table
// of incoming requests and, for the selected one, its checks explained, the raw request, the
// decoded payload and the client certificate. Answers and fault injection (status, sequence,
// delay, drop) apply to the running receiver as they are edited.
class ReceiverPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPanel)

public:
    ReceiverPanel(ReceiverLibrary* library, SecretStore* store, QWidget* parent = nullptr);
    ~ReceiverPanel() override;

    // Shows a saved profile in the form (the running receiver keeps running).
    void showReceiver(const QString& id);
    // The library renamed or removed a profile: the form and the running receiver follow.
    void receiverRenamed(const QString& from, const QString& to);
    void receiverRemoved(const QString& id);
    QString currentId() const { return m_currentId; }
    QString runningId() const { return m_runningId; }
    void setConfig(const ReceiverConfig& config);
    // The form as a configuration; typed secrets are still plain values here.
    ReceiverConfig config() const;
    // Problems of the form, each naming the field ("Listen: …").
    QStringList validationErrors() const;

    void save(std::function<void(bool)> done = {});
    // Starts the shown profile (stopping another running one); `done` gets the error, if any.
    void start(std::function<void(Result<void>)> done = {});
    void stop();
    void toggle();
    bool isRunning() const;
    Receiver* receiver() const { return m_receiver; }
    ReceivedModel* model() const { return m_model; }
    ReceivedStore* store() const { return m_receivedStore.get(); }
    QString url() const;
    // The selected request's seq (0: none).
    qint64 selectedSeq() const;
    void selectRow(int row);
    // "curl -X POST 'http://…' -H … --data-binary @-" for the selected request (secrets masked).
    QString curlCommand() const;

signals:
    void runningChanged(bool running);
    void processed(const ReceivedRecord& record);
    // "Replay to endpoint…": the window sends `body` to the endpoint through the engine.
    void replayRequested(const ReceivedRecord& record);
    void message(const QString& text);

private:
    QWidget* buildGeneralTab();
    QWidget* buildTlsTab();
    QWidget* buildVerifyTab();
    QWidget* buildResponsesTab();
    QWidget* buildTokenTab();
    QWidget* buildJwksTab();
    QWidget* buildLimitsTab();
    QWidget* buildLivePart();
    void addSignatureRow(const SignatureVerifyConfig& signature);
    void updateSignatureFields();
    void onEdited();
    QJsonObject formWithoutResponse() const;
    void updateAuthFields();
    void updateRunState();
    void showSelected();
    std::optional<ResponseConfig> responseFromForm(QStringList* errors) const;

    QPointer<ReceiverLibrary> m_library;
    QPointer<SecretStore> m_store;
    std::unique_ptr<ReceivedStore> m_receivedStore;
    Receiver* m_receiver = nullptr;
    ReceivedModel* m_model = nullptr;
    QString m_currentId;
    QString m_runningId;
    // The running receiver's form as started, without `response` (which applies live): an edit
    // elsewhere needs a restart, and the panel says so.
    QJsonObject m_startedForm;
    bool m_restartNoted = false;
    ReceiverConfig m_base; // what the form does not show is kept from the loaded profile
    bool m_loading = false;

    QLabel* m_nameLabel = nullptr;
    QTabWidget* m_formTabs = nullptr;
    QLineEdit* m_listen = nullptr;
    QLabel* m_listenWarning = nullptr;
    QLineEdit* m_forwardTo = nullptr;
    QCheckBox* m_tls = nullptr;
    QCheckBox* m_selfSigned = nullptr;
    QLineEdit* m_cert = nullptr;
    SecretLineEdit* m_key = nullptr;
    QLineEdit* m_clientCa = nullptr;
    QCheckBox* m_requireClientCert = nullptr;
    QComboBox* m_authType = nullptr;
    QLineEdit* m_authUsername = nullptr;
    SecretLineEdit* m_authPassword = nullptr;
    SecretLineEdit* m_authToken = nullptr;
    QLineEdit* m_authHeader = nullptr;
    SecretLineEdit* m_authValue = nullptr;
    QLineEdit* m_authPrefix = nullptr;
    QTableWidget* m_signatures = nullptr;
    QLineEdit* m_jwsPublicKey = nullptr;
    SecretLineEdit* m_jwsSecret = nullptr;
    QLineEdit* m_jwsJwks = nullptr;
    QLineEdit* m_jwsJwksUrl = nullptr;
    SecretLineEdit* m_jweKey = nullptr;
    QCheckBox* m_dedupe = nullptr;
    QSpinBox* m_maxAge = nullptr;
    QSpinBox* m_status = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QSpinBox* m_delay = nullptr;
    QLineEdit* m_sequence = nullptr;
    QCheckBox* m_drop = nullptr;
    QCheckBox* m_tokenEnabled = nullptr;
    QLineEdit* m_tokenPath = nullptr;
    QLineEdit* m_tokenClientId = nullptr;
    SecretLineEdit* m_tokenSecret = nullptr;
    QLineEdit* m_tokenClientAuth = nullptr;
    QSpinBox* m_tokenExpires = nullptr;
    QCheckBox* m_jwksEnabled = nullptr;
    QLineEdit* m_jwksPath = nullptr;
    QLineEdit* m_jwksServe = nullptr;
    QCheckBox* m_jwksDecryptionKey = nullptr;
    QLineEdit* m_jwksKid = nullptr;
    QSpinBox* m_maxBody = nullptr;
    QSpinBox* m_maxHeader = nullptr;
    QSpinBox* m_headerTimeout = nullptr;
    QSpinBox* m_maxConnections = nullptr;
    QLabel* m_validation = nullptr;
    QPushButton* m_startButton = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_state = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_checks = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QPlainTextEdit* m_payload = nullptr;
    QPlainTextEdit* m_certificate = nullptr;
    QPushButton* m_replayButton = nullptr;
    QPushButton* m_curlButton = nullptr;
};

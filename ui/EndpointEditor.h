#pragma once

#include "model/EndpointProfile.h"
#include "model/Event.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTimer;
class RetryTimelineWidget;
class SecretLineEdit;
class SecretStore;

// The endpoint editor: one tab per part of the profile (General, Authentication, Signing,
// Payload security, TLS, Retry). It edits a copy of the profile; secret fields hold either a
// reference or a value the user typed (EndpointLibrary moves values into the keychain on save).
// Features still being built (OAuth, JWS/JWE, client certificates) show their form disabled,
// with a note; what the loaded profile had there is kept as it was.
class EndpointEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointEditor)

public:
    explicit EndpointEditor(SecretStore* store, QWidget* parent = nullptr);

    void setProfile(const EndpointProfile& profile);
    EndpointProfile profile() const;
    // Every problem of the current form, each naming the field and the fix; empty when valid.
    QStringList validationErrors() const;
    // The event the signing preview signs.
    void setPreviewEvent(const std::optional<Event>& event);

    QTabWidget* tabs() const { return m_tabs; }
    RetryTimelineWidget* retryTimeline() const { return m_timeline; }

signals:
    void edited();

private:
    QWidget* buildGeneralTab();
    QWidget* buildAuthTab();
    QWidget* buildSigningTab();
    QWidget* buildPayloadTab();
    QWidget* buildTlsTab();
    QWidget* buildRetryTab();

    QLineEdit* lineEdit(const QString& objectName, QWidget* parent, const QString& placeholder = {});
    SecretLineEdit* secretEdit(const QString& objectName, QWidget* parent);
    void changed();
    void updateAuthPage();
    void updateValidation();
    void updateRetry();
    void updateRetryRows();
    RetryConfig retryConfig() const;
    AuthConfig authConfig() const;
    void showSignature(int row);
    void storeSignature();
    void updateSignatureRows();
    void addSignature(SignatureScheme scheme);
    void refreshPreview();

    QPointer<SecretStore> m_store;
    EndpointProfile m_original;
    bool m_loading = false;
    QTabWidget* m_tabs = nullptr;
    QTimer* m_previewTimer = nullptr;
    std::optional<Event> m_previewEvent;
    int m_previewGeneration = 0;

    // General
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QComboBox* m_method = nullptr;
    QTableWidget* m_headers = nullptr;
    QComboBox* m_contentType = nullptr;
    QSpinBox* m_timeout = nullptr;
    QCheckBox* m_followRedirects = nullptr;
    QLabel* m_generalError = nullptr;

    // Authentication
    QComboBox* m_authType = nullptr;
    QStackedWidget* m_authPages = nullptr;
    QLabel* m_authHelp = nullptr;
    QLabel* m_authError = nullptr;
    QLineEdit* m_basicUsername = nullptr;
    SecretLineEdit* m_basicPassword = nullptr;
    QLineEdit* m_basicHeaderName = nullptr;
    SecretLineEdit* m_bearerToken = nullptr;
    QLineEdit* m_bearerHeaderName = nullptr;
    QLineEdit* m_apiKeyHeaderName = nullptr;
    SecretLineEdit* m_apiKeyValue = nullptr;
    QLineEdit* m_apiKeyPrefix = nullptr;
    QLineEdit* m_headerName = nullptr;
    SecretLineEdit* m_headerValue = nullptr;
    QLineEdit* m_tokenUrl = nullptr;
    QLineEdit* m_clientId = nullptr;
    SecretLineEdit* m_clientSecret = nullptr;
    QComboBox* m_clientAuth = nullptr;
    QLineEdit* m_scope = nullptr;
    QLineEdit* m_authUrl = nullptr;
    QLineEdit* m_codeTokenUrl = nullptr;
    QLineEdit* m_codeClientId = nullptr;
    QLineEdit* m_codeScope = nullptr;

    // Signing
    QList<SignatureConfig> m_signatures;
    QListWidget* m_signatureList = nullptr;
    QWidget* m_signatureForm = nullptr;
    QFormLayout* m_signatureLayout = nullptr;
    QComboBox* m_signatureScheme = nullptr;
    SecretLineEdit* m_signatureSecret = nullptr;
    QLineEdit* m_signatureHeader = nullptr;
    QComboBox* m_signatureEncoding = nullptr;
    QLineEdit* m_signaturePrefix = nullptr;
    QLineEdit* m_signatureId = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_previewError = nullptr;

    // TLS
    QCheckBox* m_tlsVerify = nullptr;
    QLabel* m_tlsWarning = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPlainTextEdit* m_pins = nullptr;
    QLineEdit* m_clientCert = nullptr;
    SecretLineEdit* m_clientKey = nullptr;

    // Retry
    QFormLayout* m_retryLayout = nullptr;
    QComboBox* m_retryPolicy = nullptr;
    QSpinBox* m_maxAttempts = nullptr;
    QSpinBox* m_initialDelay = nullptr;
    QSpinBox* m_maxDelay = nullptr;
    QDoubleSpinBox* m_multiplier = nullptr;
    QCheckBox* m_jitter = nullptr;
    QSpinBox* m_interval = nullptr;
    QLineEdit* m_delays = nullptr;
    RetryTimelineWidget* m_timeline = nullptr;
    QLabel* m_retrySummary = nullptr;
};

#pragma once

#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class AuthorizationCodeFlow;
class DeliveryEngine;
class QCheckBox;
class QComboBox;
class QDialog;
class QGroupBox;
class QPushButton;
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
class TokenExchangeView;

// The endpoint editor: one tab per part of the profile (General, Authentication, Signing,
// Payload security, TLS, Retry). It edits a copy of the profile; secret fields hold either a
// reference or a value the user typed (EndpointLibrary moves values into the keychain on save).
// "Get token", "Sign in" and "Fetch pin" go through the engine set with setEngine(); the payload
// preview is RequestBuilder::buildBody, so it shows the exact bytes a send would carry.
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
    // The engine whose token provider "Get token" uses (so a send afterwards reuses that token)
    // and whose network access "Sign in" and "Fetch pin" share. Not owned.
    void setEngine(DeliveryEngine* engine);

    // Runs the token request of the client-credentials form and shows the exchange.
    void getToken();
    // Signs in with the authorization-code form (opens the system browser).
    void signIn();
    // Connects once to the URL's host and shows the server's public-key pin.
    void fetchPin();
    // For "Generate key": which picker the new key fills.
    enum class KeyTarget
    {
        JwsPrivateKey,
        JwePublicKey,
        OAuthPrivateKey,
    };
    // Writes NAME.key.pem and NAME.pub.pem into `folder` and fills the picker with a file:
    // reference (the private key for signing, the public key for encryption).
    Result<QString> generateKey(KeyTarget target, const QString& keyType, const QString& folder, const QString& name);
    QDialog* tokenDialog() const { return m_tokenDialog; }
    // Where "Sign in" opens the authorization URL; QDesktopServices::openUrl when not set.
    void setUrlOpener(std::function<void(const QUrl&)> opener);

    QTabWidget* tabs() const { return m_tabs; }
    RetryTimelineWidget* retryTimeline() const { return m_timeline; }

signals:
    void edited();
    void tokenFinished(bool ok);
    void signInFinished(bool ok);
    void pinFetched(bool ok);
    void payloadPreviewUpdated();
    void keyGenerated(const QString& description);

private:
    QWidget* buildGeneralTab();
    QWidget* buildAuthTab();
    QWidget* buildSigningTab();
    QWidget* buildPayloadTab();
    QWidget* buildTlsTab();
    QWidget* buildRetryTab();

    QLineEdit* lineEdit(const QString& objectName, QWidget* parent, const QString& placeholder = {});
    SecretLineEdit* secretEdit(const QString& objectName, QWidget* parent);
    QComboBox* editableComboBox(const QString& objectName, const QStringList& items, QWidget* parent);
    QCheckBox* checkBox(const QString& text, const QString& objectName, QWidget* parent);
    // Name/value tables (headers, extra form fields, claims) and their Add/Remove buttons; a new
    // row starts with newName, ready to edit.
    QTableWidget* pairTable(const QString& objectName, const QStringList& labels, QWidget* parent);
    void connectPairButtons(QTableWidget* table, QPushButton* add, QPushButton* remove, const QString& newName);
    QWidget*
    pairTableBox(QTableWidget* table, const QString& addName, const QString& removeName, const QString& newName);
    // A private-key field with Browse… and Generate key… (OAuth private_key_jwt, JWS).
    QWidget*
    privateKeyRow(SecretLineEdit* edit, const QString& browseName, const QString& generateName, KeyTarget target);
    QPushButton* addGenerateKeyButton(QWidget* row, const QString& objectName, KeyTarget target);
    // The start "Get token" and "Sign in" share: says it reads the secrets, resolves refs, then
    // calls next with their values, or fail with the error.
    void resolveForUse(const QStringList& refs,
                       const QString& baseDir,
                       QLabel* status,
                       const std::function<void(const QString&)>& fail,
                       const std::function<void(const SecretValues&)>& next);
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
    void refreshPayloadPreview();
    void updateOAuthRows();
    void updatePayloadRows();
    void openGenerateKeyDialog(KeyTarget target);
    void showTokenDialog(const QJsonObject& exchange, const QString& result);
    std::optional<JwsConfig> jwsConfig() const;
    std::optional<JweConfig> jweConfig() const;
    // The current profile with typed secret values as literal: references, for a preview or a
    // token request made before saving (nothing is written).
    EndpointProfile profileForUse() const;
    QWidget* pickerRow(QLineEdit* edit, const QString& buttonName, const QString& filter, bool reference);

    QPointer<SecretStore> m_store;
    QPointer<DeliveryEngine> m_engine;
    AuthorizationCodeFlow* m_codeFlow = nullptr;
    std::function<void(const QUrl&)> m_urlOpener;
    QDialog* m_tokenDialog = nullptr;
    TokenExchangeView* m_tokenView = nullptr;
    QLabel* m_tokenResult = nullptr;
    int m_payloadGeneration = 0;
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
    // oauth2ClientCredentials
    QFormLayout* m_ccForm = nullptr;
    QLineEdit* m_tokenUrl = nullptr;
    QLineEdit* m_authServerUrl = nullptr;
    QLineEdit* m_tokenPath = nullptr;
    QLineEdit* m_clientId = nullptr;
    SecretLineEdit* m_clientSecret = nullptr;
    QComboBox* m_clientAuth = nullptr;
    QLabel* m_clientAuthHelp = nullptr;
    SecretLineEdit* m_oauthPrivateKey = nullptr;
    QWidget* m_oauthPrivateKeyRow = nullptr;
    QComboBox* m_oauthAlg = nullptr;
    QComboBox* m_assertionAudience = nullptr;
    QLineEdit* m_scope = nullptr;
    QLineEdit* m_audience = nullptr;
    QLineEdit* m_resource = nullptr;
    QTableWidget* m_extraParams = nullptr;
    QLineEdit* m_oauthHeaderName = nullptr;
    QPushButton* m_getToken = nullptr;
    QLabel* m_tokenStatus = nullptr;
    // oauth2AuthorizationCode
    QLineEdit* m_authUrl = nullptr;
    QLineEdit* m_codeTokenUrl = nullptr;
    QLineEdit* m_codeClientId = nullptr;
    SecretLineEdit* m_codeClientSecret = nullptr;
    QLineEdit* m_codeScope = nullptr;
    QLineEdit* m_redirectUri = nullptr;
    QComboBox* m_codeClientAuth = nullptr;
    QCheckBox* m_pkce = nullptr;
    QLineEdit* m_codeHeaderName = nullptr;
    QPushButton* m_signIn = nullptr;
    QLabel* m_signInStatus = nullptr;

    // Payload security
    QGroupBox* m_jwsBox = nullptr;
    QFormLayout* m_jwsForm = nullptr;
    QComboBox* m_jwsAlg = nullptr;
    SecretLineEdit* m_jwsPrivateKey = nullptr;
    QWidget* m_jwsPrivateKeyRow = nullptr;
    SecretLineEdit* m_jwsSecret = nullptr;
    QLineEdit* m_jwsKid = nullptr;
    QTableWidget* m_jwsClaims = nullptr;
    QSpinBox* m_jwsExpires = nullptr;
    QGroupBox* m_jweBox = nullptr;
    QComboBox* m_jweAlg = nullptr;
    QComboBox* m_jweEnc = nullptr;
    QLineEdit* m_jwePublicKey = nullptr;
    QLineEdit* m_jweKid = nullptr;
    QPlainTextEdit* m_payloadBody = nullptr;
    QPlainTextEdit* m_payloadHeader = nullptr;
    QLabel* m_payloadError = nullptr;
    QLabel* m_payloadValidation = nullptr;

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
    SecretLineEdit* m_clientKeyPassword = nullptr;
    QPushButton* m_fetchPin = nullptr;
    QPushButton* m_addPin = nullptr;
    QLabel* m_pinStatus = nullptr;
    QLabel* m_tlsError = nullptr;
    QString m_fetchedPin;

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

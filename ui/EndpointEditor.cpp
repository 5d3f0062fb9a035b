#include "EndpointEditor.h"

#include "EndpointLibrary.h"
#include "RetryTimelineWidget.h"
#include "SecretLineEdit.h"

#include "delivery/RequestBuilder.h"
#include "delivery/RetryPolicy.h"
#include "secrets/SecretResolver.h"
#include "signing/Signer.h"
#include "util/Headers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// Shown on every form whose engine part is still being built: the form is real, the feature is
// not faked.
QLabel* laterBuildNote(const QString& what, QWidget* parent)
{
    auto* note = new QLabel(EndpointEditor::tr("%1 arrives with a later build of HookBench. This form is disabled "
                                               "until then: nothing here is sent or faked, and what a loaded "
                                               "profile holds is kept as it is.")
                                .arg(what),
                            parent);
    note->setWordWrap(true);
    note->setFrameShape(QFrame::StyledPanel);
    note->setMargin(6);
    note->setBackgroundRole(QPalette::AlternateBase);
    note->setAutoFillBackground(true);
    return note;
}

QLabel* helpLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel* errorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void showErrors(QLabel* label, const QStringList& errors)
{
    label->setVisible(!errors.isEmpty());
    label->setText(errors.isEmpty() ? QString() : QStringLiteral("⚠ ") + errors.join(QStringLiteral("\n⚠ ")));
}

QSpinBox* msSpinBox(const QString& objectName, QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, std::numeric_limits<int>::max());
    spin->setSingleStep(1000);
    spin->setSuffix(EndpointEditor::tr(" ms"));
    spin->setGroupSeparatorShown(true);
    return spin;
}

// For the preview: a value typed into a secret field is used as it is.
QString asReference(const QString& text)
{
    return text.isEmpty() || EndpointLibrary::isReference(text) ? text : QStringLiteral("literal:") + text;
}

const QList<SignatureScheme> AllSchemes {SignatureScheme::HmacSha256,
                                         SignatureScheme::GitHub,
                                         SignatureScheme::Shopify,
                                         SignatureScheme::StandardWebhooks,
                                         SignatureScheme::Stripe,
                                         SignatureScheme::Slack};
} // namespace

EndpointEditor::EndpointEditor(SecretStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_tabs(new QTabWidget(this))
    , m_previewTimer(new QTimer(this))
{
    m_tabs->setObjectName(QStringLiteral("endpointTabWidget"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildGeneralTab(), tr("&General"));
    m_tabs->addTab(buildAuthTab(), tr("&Authentication"));
    m_tabs->addTab(buildSigningTab(), tr("Si&gning"));
    m_tabs->addTab(buildPayloadTab(), tr("&Payload security"));
    m_tabs->addTab(buildTlsTab(), tr("T&LS"));
    m_tabs->addTab(buildRetryTab(), tr("&Retry"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(200);
    connect(m_previewTimer, &QTimer::timeout, this, [this] { refreshPreview(); });

    setProfile(EndpointProfile {});
}

QLineEdit* EndpointEditor::lineEdit(const QString& objectName, QWidget* parent, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, [this] { changed(); });
    return edit;
}

SecretLineEdit* EndpointEditor::secretEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new SecretLineEdit(parent);
    edit->setObjectName(objectName);
    connect(edit, &QLineEdit::textChanged, this, [this] { changed(); });
    return edit;
}

QWidget* EndpointEditor::buildGeneralTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_name = lineEdit(QStringLiteral("nameLineEdit"), page, tr("Loans staging"));
    m_url = lineEdit(QStringLiteral("urlLineEdit"), page, tr("https://hooks.example.com/webhook"));
    m_method = new QComboBox(page);
    m_method->setObjectName(QStringLiteral("methodComboBox"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("POST"),
                        QStringLiteral("PUT"),
                        QStringLiteral("PATCH"),
                        QStringLiteral("GET"),
                        QStringLiteral("DELETE")});
    connect(m_method, &QComboBox::currentTextChanged, this, [this] { changed(); });

    m_headers = new QTableWidget(0, 2, page);
    m_headers->setObjectName(QStringLiteral("headersTableWidget"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setMinimumHeight(110);
    connect(m_headers, &QTableWidget::itemChanged, this, [this] { changed(); });
    auto* addHeader = new QPushButton(tr("Add header"), page);
    addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    auto* removeHeader = new QPushButton(tr("Remove header"), page);
    removeHeader->setObjectName(QStringLiteral("removeHeaderButton"));
    connect(addHeader, &QPushButton::clicked, this, [this] {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QStringLiteral("X-Header")));
        m_headers->setItem(row, 1, new QTableWidgetItem);
        m_headers->editItem(m_headers->item(row, 0));
    });
    connect(removeHeader, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0) {
            m_headers->removeRow(m_headers->currentRow());
            changed();
        }
    });
    auto* headerButtons = new QHBoxLayout;
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto* headersBox = new QVBoxLayout;
    headersBox->addWidget(m_headers);
    headersBox->addLayout(headerButtons);

    m_contentType = new QComboBox(page);
    m_contentType->setObjectName(QStringLiteral("contentTypeComboBox"));
    m_contentType->setEditable(true);
    m_contentType->addItems({QStringLiteral("application/json"),
                             QStringLiteral("application/cloudevents+json"),
                             QStringLiteral("application/x-www-form-urlencoded"),
                             QStringLiteral("text/plain")});
    connect(m_contentType, &QComboBox::currentTextChanged, this, [this] { changed(); });
    m_timeout = msSpinBox(QStringLiteral("timeoutSpinBox"), page);
    m_timeout->setRange(1, 3600000);
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] { changed(); });
    m_followRedirects = new QCheckBox(tr("Follow redirects (credentials never go to another origin)"), page);
    m_followRedirects->setObjectName(QStringLiteral("followRedirectsCheckBox"));
    connect(m_followRedirects, &QCheckBox::toggled, this, [this] { changed(); });
    m_generalError = errorLabel(QStringLiteral("generalErrorLabel"), page);

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("Headers:"), headersBox);
    form->addRow(tr("&Content type:"), m_contentType);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(QString(), m_followRedirects);
    form->addRow(m_generalError);
    return page;
}

QWidget* EndpointEditor::buildAuthTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_authType = new QComboBox(page);
    m_authType->setObjectName(QStringLiteral("authTypeComboBox"));
    m_authType->addItem(tr("None"), int(AuthType::None));
    m_authType->addItem(tr("Basic (username and password)"), int(AuthType::Basic));
    m_authType->addItem(tr("Bearer token"), int(AuthType::Bearer));
    m_authType->addItem(tr("API key header"), int(AuthType::ApiKey));
    m_authType->addItem(tr("Custom header"), int(AuthType::Header));
    m_authType->addItem(tr("OAuth 2.0 client credentials"), int(AuthType::OAuth2ClientCredentials));
    m_authType->addItem(tr("OAuth 2.0 authorization code"), int(AuthType::OAuth2AuthorizationCode));
    auto* typeRow = new QFormLayout;
    typeRow->addRow(tr("&Type:"), m_authType);
    layout->addLayout(typeRow);

    m_authPages = new QStackedWidget(page);
    m_authPages->setObjectName(QStringLiteral("authStackedWidget"));

    // None
    m_authPages->addWidget(helpLabel(tr("No credentials are sent."), page));

    // Basic
    auto* basic = new QWidget;
    auto* basicForm = new QFormLayout(basic);
    m_basicUsername = lineEdit(QStringLiteral("basicUsernameLineEdit"), basic, tr("acme"));
    m_basicPassword = secretEdit(QStringLiteral("basicPasswordLineEdit"), basic);
    m_basicHeaderName = lineEdit(QStringLiteral("basicHeaderNameLineEdit"), basic, QStringLiteral("Authorization"));
    basicForm->addRow(tr("&Username:"), m_basicUsername);
    basicForm->addRow(tr("&Password:"), m_basicPassword);
    basicForm->addRow(tr("Header &name:"), m_basicHeaderName);
    m_authPages->addWidget(basic);

    // Bearer
    auto* bearer = new QWidget;
    auto* bearerForm = new QFormLayout(bearer);
    m_bearerToken = secretEdit(QStringLiteral("bearerTokenLineEdit"), bearer);
    m_bearerHeaderName = lineEdit(QStringLiteral("bearerHeaderNameLineEdit"), bearer, QStringLiteral("Authorization"));
    bearerForm->addRow(tr("T&oken:"), m_bearerToken);
    bearerForm->addRow(tr("Header &name:"), m_bearerHeaderName);
    m_authPages->addWidget(bearer);

    // API key
    auto* apiKey = new QWidget;
    auto* apiKeyForm = new QFormLayout(apiKey);
    m_apiKeyHeaderName = lineEdit(QStringLiteral("apiKeyHeaderNameLineEdit"), apiKey, QStringLiteral("X-Api-Key"));
    m_apiKeyValue = secretEdit(QStringLiteral("apiKeyValueLineEdit"), apiKey);
    m_apiKeyPrefix = lineEdit(QStringLiteral("apiKeyPrefixLineEdit"), apiKey, tr("optional, e.g. ApiKey "));
    apiKeyForm->addRow(tr("Header &name:"), m_apiKeyHeaderName);
    apiKeyForm->addRow(tr("&Key:"), m_apiKeyValue);
    apiKeyForm->addRow(tr("&Prefix:"), m_apiKeyPrefix);
    m_authPages->addWidget(apiKey);

    // Custom header
    auto* header = new QWidget;
    auto* headerForm = new QFormLayout(header);
    m_headerName = lineEdit(QStringLiteral("headerNameLineEdit"), header, QStringLiteral("Authorization"));
    m_headerValue = secretEdit(QStringLiteral("headerValueLineEdit"), header);
    headerForm->addRow(tr("Header &name:"), m_headerName);
    headerForm->addRow(tr("&Value:"), m_headerValue);
    m_authPages->addWidget(header);

    // OAuth 2.0 client credentials: present, disabled until the token provider lands.
    auto* clientCredentials = new QWidget;
    auto* ccLayout = new QVBoxLayout(clientCredentials);
    ccLayout->addWidget(laterBuildNote(tr("OAuth 2.0 (client credentials, \"Get token\")"), clientCredentials));
    auto* ccBox = new QGroupBox(clientCredentials);
    ccBox->setObjectName(QStringLiteral("clientCredentialsGroupBox"));
    auto* ccForm = new QFormLayout(ccBox);
    m_tokenUrl = lineEdit(QStringLiteral("tokenUrlLineEdit"), ccBox, tr("https://auth.example.com/oauth2/token"));
    m_clientId = lineEdit(QStringLiteral("clientIdLineEdit"), ccBox);
    m_clientSecret = secretEdit(QStringLiteral("clientSecretLineEdit"), ccBox);
    m_clientAuth = new QComboBox(ccBox);
    m_clientAuth->setObjectName(QStringLiteral("clientAuthComboBox"));
    m_clientAuth->addItems({QStringLiteral("basic"),
                            QStringLiteral("post"),
                            QStringLiteral("jwt"),
                            QStringLiteral("privateKeyJwt"),
                            QStringLiteral("tlsClientAuth")});
    m_scope = lineEdit(QStringLiteral("scopeLineEdit"), ccBox);
    ccForm->addRow(tr("Token URL:"), m_tokenUrl);
    ccForm->addRow(tr("Client ID:"), m_clientId);
    ccForm->addRow(tr("Client secret:"), m_clientSecret);
    ccForm->addRow(tr("Client authentication:"), m_clientAuth);
    ccForm->addRow(tr("Scope:"), m_scope);
    auto* getToken = new QPushButton(tr("Get token"), ccBox);
    getToken->setObjectName(QStringLiteral("getTokenButton"));
    ccForm->addRow(QString(), getToken);
    ccBox->setEnabled(false);
    ccLayout->addWidget(ccBox);
    ccLayout->addStretch();
    m_authPages->addWidget(clientCredentials);

    // OAuth 2.0 authorization code
    auto* code = new QWidget;
    auto* codeLayout = new QVBoxLayout(code);
    codeLayout->addWidget(laterBuildNote(tr("OAuth 2.0 (authorization code with PKCE)"), code));
    auto* codeBox = new QGroupBox(code);
    codeBox->setObjectName(QStringLiteral("authorizationCodeGroupBox"));
    auto* codeForm = new QFormLayout(codeBox);
    m_authUrl = lineEdit(QStringLiteral("authUrlLineEdit"), codeBox);
    m_codeTokenUrl = lineEdit(QStringLiteral("codeTokenUrlLineEdit"), codeBox);
    m_codeClientId = lineEdit(QStringLiteral("codeClientIdLineEdit"), codeBox);
    m_codeScope = lineEdit(QStringLiteral("codeScopeLineEdit"), codeBox);
    codeForm->addRow(tr("Authorization URL:"), m_authUrl);
    codeForm->addRow(tr("Token URL:"), m_codeTokenUrl);
    codeForm->addRow(tr("Client ID:"), m_codeClientId);
    codeForm->addRow(tr("Scope:"), m_codeScope);
    codeBox->setEnabled(false);
    codeLayout->addWidget(codeBox);
    codeLayout->addStretch();
    m_authPages->addWidget(code);

    m_authHelp = helpLabel(QString(), page);
    m_authHelp->setObjectName(QStringLiteral("authHelpLabel"));
    m_authError = errorLabel(QStringLiteral("authErrorLabel"), page);
    layout->addWidget(m_authPages);
    layout->addWidget(m_authError);
    layout->addWidget(m_authHelp);
    layout->addWidget(helpLabel(tr("Secret fields take a value (saved to the system keychain, never to the profile "
                                   "file) or a reference: env:NAME, file:PATH or keychain:NAME."),
                                page));
    layout->addStretch();

    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthPage();
        changed();
    });
    return page;
}

QWidget* EndpointEditor::buildSigningTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    m_signatureList = new QListWidget(page);
    m_signatureList->setObjectName(QStringLiteral("signaturesListWidget"));
    m_signatureList->setMaximumWidth(220);
    auto* listBox = new QVBoxLayout;
    listBox->addWidget(m_signatureList);
    auto* add = new QToolButton(page);
    add->setObjectName(QStringLiteral("addSignatureButton"));
    add->setText(tr("Add scheme"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(add);
    for (const SignatureScheme scheme : AllSchemes) {
        QAction* action = menu->addAction(SignatureConfig::schemeName(scheme));
        connect(action, &QAction::triggered, this, [this, scheme] { addSignature(scheme); });
    }
    add->setMenu(menu);
    auto* remove = new QPushButton(tr("Remove"), page);
    remove->setObjectName(QStringLiteral("removeSignatureButton"));
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_signatureList->currentRow();
        if (row < 0) {
            return;
        }
        m_signatures.removeAt(row);
        delete m_signatureList->takeItem(row);
        showSignature(m_signatureList->currentRow());
        changed();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    listBox->addLayout(buttons);
    top->addLayout(listBox);

    m_signatureForm = new QWidget(page);
    m_signatureLayout = new QFormLayout(m_signatureForm);
    m_signatureScheme = new QComboBox(m_signatureForm);
    m_signatureScheme->setObjectName(QStringLiteral("signatureSchemeComboBox"));
    for (const SignatureScheme scheme : AllSchemes) {
        m_signatureScheme->addItem(SignatureConfig::schemeName(scheme), int(scheme));
    }
    m_signatureSecret = new SecretLineEdit(m_signatureForm);
    m_signatureSecret->setObjectName(QStringLiteral("signatureSecretLineEdit"));
    m_signatureHeader = new QLineEdit(m_signatureForm);
    m_signatureHeader->setObjectName(QStringLiteral("signatureHeaderLineEdit"));
    m_signatureHeader->setPlaceholderText(QStringLiteral("X-Webhook-Signature"));
    m_signatureEncoding = new QComboBox(m_signatureForm);
    m_signatureEncoding->setObjectName(QStringLiteral("signatureEncodingComboBox"));
    m_signatureEncoding->addItem(tr("hex"));
    m_signatureEncoding->addItem(tr("base64"));
    m_signaturePrefix = new QLineEdit(m_signatureForm);
    m_signaturePrefix->setObjectName(QStringLiteral("signaturePrefixLineEdit"));
    m_signaturePrefix->setPlaceholderText(tr("optional, e.g. sha256="));
    m_signatureId = new QLineEdit(m_signatureForm);
    m_signatureId->setObjectName(QStringLiteral("signatureIdLineEdit"));
    m_signatureId->setPlaceholderText(tr("default: the event's id"));
    m_signatureLayout->addRow(tr("Scheme:"), m_signatureScheme);
    m_signatureLayout->addRow(tr("Secret:"), m_signatureSecret);
    m_signatureLayout->addRow(tr("Header:"), m_signatureHeader);
    m_signatureLayout->addRow(tr("Encoding:"), m_signatureEncoding);
    m_signatureLayout->addRow(tr("Prefix:"), m_signaturePrefix);
    m_signatureLayout->addRow(tr("Message id:"), m_signatureId);
    m_signatureLayout->addRow(helpLabel(tr("standard-webhooks: whsec_… for HMAC (v1), whsk_… for Ed25519 (v1a). "
                                           "Every scheme signs the exact bytes sent."),
                                        m_signatureForm));
    top->addWidget(m_signatureForm, 1);
    layout->addLayout(top);

    for (QLineEdit* edit :
         {static_cast<QLineEdit*>(m_signatureSecret), m_signatureHeader, m_signaturePrefix, m_signatureId}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            storeSignature();
            changed();
        });
    }
    connect(m_signatureScheme, &QComboBox::activated, this, [this] {
        storeSignature();
        updateSignatureRows();
        if (auto* item = m_signatureList->currentItem()) {
            item->setText(m_signatureScheme->currentText());
        }
        changed();
    });
    connect(m_signatureEncoding, &QComboBox::activated, this, [this] {
        storeSignature();
        changed();
    });
    connect(m_signatureList, &QListWidget::currentRowChanged, this, [this](int row) { showSignature(row); });

    auto* previewBox = new QGroupBox(tr("Preview: the headers these schemes add for the current event"), page);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_preview = new QTableWidget(0, 2, previewBox);
    m_preview->setObjectName(QStringLiteral("signingPreviewTableWidget"));
    m_preview->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewError = errorLabel(QStringLiteral("signingPreviewErrorLabel"), previewBox);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_previewError);
    layout->addWidget(previewBox, 1);
    showSignature(-1);
    return page;
}

QWidget* EndpointEditor::buildPayloadTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(laterBuildNote(tr("Payload security (JWS signing, JWE encryption, key pickers and "
                                        "\"Generate key\")"),
                                     page));
    auto* box = new QGroupBox(tr("JWS"), page);
    box->setObjectName(QStringLiteral("jwsGroupBox"));
    auto* form = new QFormLayout(box);
    auto* alg = new QComboBox(box);
    alg->setObjectName(QStringLiteral("jwsAlgComboBox"));
    alg->addItems({QStringLiteral("RS256"),
                   QStringLiteral("PS256"),
                   QStringLiteral("ES256"),
                   QStringLiteral("EdDSA"),
                   QStringLiteral("HS256")});
    form->addRow(tr("Algorithm:"), alg);
    form->addRow(tr("Private key:"), new QLineEdit(box));
    form->addRow(tr("Key id:"), new QLineEdit(box));
    box->setEnabled(false);
    auto* jwe = new QGroupBox(tr("JWE"), page);
    jwe->setObjectName(QStringLiteral("jweGroupBox"));
    auto* jweForm = new QFormLayout(jwe);
    auto* jweAlg = new QComboBox(jwe);
    jweAlg->addItems({QStringLiteral("RSA-OAEP-256"), QStringLiteral("RSA-OAEP"), QStringLiteral("ECDH-ES+A256KW")});
    jweForm->addRow(tr("Algorithm:"), jweAlg);
    jweForm->addRow(tr("Public key or certificate:"), new QLineEdit(jwe));
    jwe->setEnabled(false);
    layout->addWidget(box);
    layout->addWidget(jwe);
    layout->addStretch();
    return page;
}

QWidget* EndpointEditor::buildTlsTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_tlsVerify = new QCheckBox(tr("&Verify the server's certificate"), page);
    m_tlsVerify->setObjectName(QStringLiteral("tlsVerifyCheckBox"));
    m_tlsWarning = new QLabel(tr("⚠ Certificates are not checked: anyone on the network path can read and change "
                                 "what is sent, credentials included. Use this only against a test server."),
                              page);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarningLabel"));
    m_tlsWarning->setWordWrap(true);
    m_caFile = lineEdit(QStringLiteral("caFileLineEdit"), page, tr("PEM bundle added to the trust store"));
    m_pins = new QPlainTextEdit(page);
    m_pins->setObjectName(QStringLiteral("pinsPlainTextEdit"));
    m_pins->setPlaceholderText(tr("One base64 SHA-256 of the server's public key per line"));
    m_pins->setMaximumHeight(80);
    connect(m_pins, &QPlainTextEdit::textChanged, this, [this] { changed(); });
    connect(m_tlsVerify, &QCheckBox::toggled, this, [this](bool on) {
        m_tlsWarning->setVisible(!on);
        changed();
    });
    form->addRow(QString(), m_tlsVerify);
    form->addRow(m_tlsWarning);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(tr("&Pins:"), m_pins);
    layout->addLayout(form);

    auto* client = new QGroupBox(tr("Client certificate"), page);
    client->setObjectName(QStringLiteral("clientCertificateGroupBox"));
    auto* clientLayout = new QVBoxLayout(client);
    clientLayout->addWidget(laterBuildNote(tr("Client certificates (mutual TLS)"), client));
    auto* clientForm = new QFormLayout;
    m_clientCert = new QLineEdit(client);
    m_clientCert->setObjectName(QStringLiteral("clientCertLineEdit"));
    m_clientKey = new SecretLineEdit(client);
    m_clientKey->setObjectName(QStringLiteral("clientKeyLineEdit"));
    clientForm->addRow(tr("Certificate:"), m_clientCert);
    clientForm->addRow(tr("Key:"), m_clientKey);
    clientLayout->addLayout(clientForm);
    m_clientCert->setEnabled(false);
    m_clientKey->setEnabled(false);
    layout->addWidget(client);
    layout->addStretch();
    return page;
}

QWidget* EndpointEditor::buildRetryTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_retryLayout = new QFormLayout;
    m_retryPolicy = new QComboBox(page);
    m_retryPolicy->setObjectName(QStringLiteral("retryPolicyComboBox"));
    m_retryPolicy->addItem(tr("None (one attempt)"), int(RetryPolicyType::None));
    m_retryPolicy->addItem(tr("Exponential backoff"), int(RetryPolicyType::Exponential));
    m_retryPolicy->addItem(tr("Fixed interval"), int(RetryPolicyType::Fixed));
    m_retryPolicy->addItem(tr("Schedule (list of waits)"), int(RetryPolicyType::Schedule));
    m_maxAttempts = new QSpinBox(page);
    m_maxAttempts->setObjectName(QStringLiteral("maxAttemptsSpinBox"));
    m_maxAttempts->setRange(1, 10000);
    m_initialDelay = msSpinBox(QStringLiteral("initialDelaySpinBox"), page);
    m_maxDelay = msSpinBox(QStringLiteral("maxDelaySpinBox"), page);
    m_multiplier = new QDoubleSpinBox(page);
    m_multiplier->setObjectName(QStringLiteral("multiplierSpinBox"));
    m_multiplier->setRange(1.0, 100.0);
    m_multiplier->setSingleStep(0.5);
    m_jitter = new QCheckBox(tr("Jitter (each wait drawn between half and all of it)"), page);
    m_jitter->setObjectName(QStringLiteral("jitterCheckBox"));
    m_interval = msSpinBox(QStringLiteral("intervalSpinBox"), page);
    m_delays = lineEdit(QStringLiteral("delaysLineEdit"), page, tr("e.g. 1000, 60000, 3600000"));
    m_retryLayout->addRow(tr("&Policy:"), m_retryPolicy);
    m_retryLayout->addRow(tr("&Attempts (first try included):"), m_maxAttempts);
    m_retryLayout->addRow(tr("&Initial delay:"), m_initialDelay);
    m_retryLayout->addRow(tr("Ma&x delay:"), m_maxDelay);
    m_retryLayout->addRow(tr("M&ultiplier:"), m_multiplier);
    m_retryLayout->addRow(QString(), m_jitter);
    m_retryLayout->addRow(tr("I&nterval:"), m_interval);
    m_retryLayout->addRow(tr("&Waits (ms):"), m_delays);
    layout->addLayout(m_retryLayout);

    m_timeline = new RetryTimelineWidget(page);
    m_timeline->setObjectName(QStringLiteral("retryTimelineWidget"));
    m_retrySummary = new QLabel(page);
    m_retrySummary->setObjectName(QStringLiteral("retrySummaryLabel"));
    m_retrySummary->setWordWrap(true);
    layout->addWidget(new QLabel(tr("When the attempts would happen:"), page));
    layout->addWidget(m_timeline);
    layout->addWidget(m_retrySummary);
    layout->addWidget(helpLabel(tr("A 2xx ends the attempts; 410 Gone ends them at once; a longer Retry-After "
                                   "answer sets the next wait."),
                                page));
    layout->addStretch();

    connect(m_retryPolicy, &QComboBox::currentIndexChanged, this, [this] { changed(); });
    for (QSpinBox* spin : {m_maxAttempts, m_initialDelay, m_maxDelay, m_interval}) {
        connect(spin, &QSpinBox::valueChanged, this, [this] { changed(); });
    }
    connect(m_multiplier, &QDoubleSpinBox::valueChanged, this, [this] { changed(); });
    connect(m_jitter, &QCheckBox::toggled, this, [this] { changed(); });
    return page;
}

void EndpointEditor::setProfile(const EndpointProfile& profile)
{
    m_loading = true;
    m_original = profile;
    m_name->setText(profile.name);
    m_url->setText(profile.url.toString());
    m_method->setCurrentText(profile.method);
    m_headers->setRowCount(0);
    for (const auto& [name, value] : profile.headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(name));
        m_headers->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_contentType->setCurrentText(profile.contentType);
    m_timeout->setValue(profile.timeoutMs);
    m_followRedirects->setChecked(profile.followRedirects);

    const AuthConfig& auth = profile.auth;
    m_authType->setCurrentIndex(std::max(0, m_authType->findData(int(auth.type))));
    for (QLineEdit* edit : {m_basicUsername,
                            static_cast<QLineEdit*>(m_basicPassword),
                            m_basicHeaderName,
                            static_cast<QLineEdit*>(m_bearerToken),
                            m_bearerHeaderName,
                            m_apiKeyHeaderName,
                            static_cast<QLineEdit*>(m_apiKeyValue),
                            m_apiKeyPrefix,
                            m_headerName,
                            static_cast<QLineEdit*>(m_headerValue)}) {
        edit->clear();
    }
    switch (auth.type) {
        case AuthType::Basic:
            m_basicUsername->setText(auth.username);
            m_basicPassword->setText(auth.password);
            m_basicHeaderName->setText(auth.headerName);
            break;
        case AuthType::Bearer:
            m_bearerToken->setText(auth.token);
            m_bearerHeaderName->setText(auth.headerName);
            break;
        case AuthType::ApiKey:
            m_apiKeyHeaderName->setText(auth.headerName);
            m_apiKeyValue->setText(auth.value);
            m_apiKeyPrefix->setText(auth.prefix);
            break;
        case AuthType::Header:
            m_headerName->setText(auth.headerName);
            m_headerValue->setText(auth.value);
            break;
        default:
            break;
    }
    m_tokenUrl->setText(auth.effectiveTokenUrl());
    m_clientId->setText(auth.clientId);
    m_clientSecret->setText(auth.clientSecret);
    m_clientAuth->setCurrentText(auth.clientAuth.isEmpty() ? QStringLiteral("basic") : auth.clientAuth);
    m_scope->setText(auth.scope);
    m_authUrl->setText(auth.authUrl);
    m_codeTokenUrl->setText(auth.tokenUrl);
    m_codeClientId->setText(auth.clientId);
    m_codeScope->setText(auth.scope);

    m_signatures = profile.signatures;
    m_signatureList->clear();
    for (const auto& signature : m_signatures) {
        m_signatureList->addItem(SignatureConfig::schemeName(signature.scheme));
    }
    m_signatureList->setCurrentRow(m_signatures.isEmpty() ? -1 : 0);
    showSignature(m_signatureList->currentRow());

    m_tlsVerify->setChecked(profile.tls.verify);
    m_tlsWarning->setVisible(!profile.tls.verify);
    m_caFile->setText(profile.tls.caFile);
    m_pins->setPlainText(profile.tls.pinSha256.join(QLatin1Char('\n')));
    m_clientCert->setText(profile.tls.clientCert);
    m_clientKey->setText(profile.tls.clientKey);

    const RetryConfig& retry = profile.retry;
    m_retryPolicy->setCurrentIndex(std::max(0, m_retryPolicy->findData(int(retry.policy))));
    m_maxAttempts->setValue(retry.maxAttempts);
    m_initialDelay->setValue(int(std::min<qint64>(retry.initialDelayMs, std::numeric_limits<int>::max())));
    m_maxDelay->setValue(int(std::min<qint64>(retry.maxDelayMs, std::numeric_limits<int>::max())));
    m_multiplier->setValue(retry.multiplier);
    m_jitter->setChecked(retry.jitter);
    m_interval->setValue(int(std::min<qint64>(retry.intervalMs, std::numeric_limits<int>::max())));
    QStringList delays;
    for (const qint64 delay : retry.delaysMs) {
        delays << QString::number(delay);
    }
    m_delays->setText(delays.join(QStringLiteral(", ")));
    m_loading = false;

    updateAuthPage();
    updateRetry();
    updateValidation();
    m_previewTimer->start();
}

AuthConfig EndpointEditor::authConfig() const
{
    AuthConfig auth = m_original.auth; // keeps the OAuth fields this build does not edit
    auth.type = AuthType(m_authType->currentData().toInt());
    switch (auth.type) {
        case AuthType::None:
            auth = AuthConfig {};
            break;
        case AuthType::Basic:
            auth = AuthConfig {};
            auth.type = AuthType::Basic;
            auth.username = m_basicUsername->text();
            auth.password = m_basicPassword->text();
            auth.headerName = m_basicHeaderName->text().trimmed();
            break;
        case AuthType::Bearer:
            auth = AuthConfig {};
            auth.type = AuthType::Bearer;
            auth.token = m_bearerToken->text();
            auth.headerName = m_bearerHeaderName->text().trimmed();
            break;
        case AuthType::ApiKey:
            auth = AuthConfig {};
            auth.type = AuthType::ApiKey;
            auth.headerName = m_apiKeyHeaderName->text().trimmed();
            auth.value = m_apiKeyValue->text();
            auth.prefix = m_apiKeyPrefix->text();
            break;
        case AuthType::Header:
            auth = AuthConfig {};
            auth.type = AuthType::Header;
            auth.headerName = m_headerName->text().trimmed();
            auth.value = m_headerValue->text();
            break;
        default:
            break;
    }
    return auth;
}

RetryConfig EndpointEditor::retryConfig() const
{
    RetryConfig retry;
    retry.policy = RetryPolicyType(m_retryPolicy->currentData().toInt());
    retry.maxAttempts = retry.policy == RetryPolicyType::None ? 1 : m_maxAttempts->value();
    retry.initialDelayMs = m_initialDelay->value();
    retry.maxDelayMs = m_maxDelay->value();
    retry.multiplier = m_multiplier->value();
    retry.jitter = m_jitter->isChecked();
    retry.intervalMs = m_interval->value();
    for (const QString& part : m_delays->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 delay = part.trimmed().toLongLong(&ok);
        if (ok && delay >= 0) {
            retry.delaysMs << delay;
        }
    }
    return retry;
}

EndpointProfile EndpointEditor::profile() const
{
    EndpointProfile profile = m_original;
    profile.name = m_name->text().trimmed();
    profile.url = QUrl(m_url->text().trimmed());
    profile.method = m_method->currentText().trimmed().toUpper();
    profile.headers.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const auto* name = m_headers->item(row, 0);
        const auto* value = m_headers->item(row, 1);
        if (name && !name->text().trimmed().isEmpty()) {
            profile.headers.append({name->text().trimmed(), value ? value->text() : QString()});
        }
    }
    profile.contentType = m_contentType->currentText().trimmed();
    profile.timeoutMs = m_timeout->value();
    profile.followRedirects = m_followRedirects->isChecked();
    profile.auth = authConfig();
    profile.signatures = m_signatures;
    profile.tls.verify = m_tlsVerify->isChecked();
    profile.tls.caFile = m_caFile->text().trimmed();
    profile.tls.pinSha256.clear();
    for (const QString& line : m_pins->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) {
            profile.tls.pinSha256 << line.trimmed();
        }
    }
    profile.retry = retryConfig();
    if (profile.retry.policy != RetryPolicyType::Schedule) {
        profile.retry.delaysMs =
            m_original.retry.policy == RetryPolicyType::Schedule ? QList<qint64> {} : profile.retry.delaysMs;
    }
    return profile;
}

void EndpointEditor::changed()
{
    if (m_loading) {
        return;
    }
    updateRetry();
    updateValidation();
    m_previewTimer->start();
    emit edited();
}

void EndpointEditor::updateAuthPage()
{
    const auto type = AuthType(m_authType->currentData().toInt());
    int page = 0;
    QString help;
    switch (type) {
        case AuthType::None:
            page = 0;
            break;
        case AuthType::Basic:
            page = 1;
            help = tr("Sends Authorization: Basic base64(username:password).");
            break;
        case AuthType::Bearer:
            page = 2;
            help = tr("Sends Authorization: Bearer TOKEN (or in the header you name).");
            break;
        case AuthType::ApiKey:
            page = 3;
            help = tr("Sends the key in the header you name, after the prefix, e.g. X-Api-Key: prefix+key.");
            break;
        case AuthType::Header:
            page = 4;
            help = tr("Sends the value exactly as given, in Authorization or the header you name.");
            break;
        case AuthType::OAuth2ClientCredentials:
            page = 5;
            help = tr("Fetches a token from the token URL and sends it as Authorization: Bearer TOKEN.");
            break;
        default:
            page = 6;
            help = tr("The user signs in once in the browser; the refresh token is kept in the keychain.");
            break;
    }
    m_authPages->setCurrentIndex(page);
    m_authHelp->setText(help);
    m_authHelp->setVisible(!help.isEmpty());
}

QStringList EndpointEditor::validationErrors() const
{
    QStringList errors;
    const EndpointProfile p = profile();
    if (m_url->text().trimmed().isEmpty()) {
        errors << tr("URL: required; enter the full address, e.g. https://hooks.example.com/webhook");
    } else if (!p.url.isValid() || (p.url.scheme() != QLatin1String("http") && p.url.scheme() != QLatin1String("https"))
               || p.url.host().isEmpty()) {
        errors << tr("URL: must be an absolute http:// or https:// address");
    }
    for (int i = 0; i < p.headers.size(); ++i) {
        const auto& [name, value] = p.headers.at(i);
        if (auto ok = Headers::validate(name.toUtf8(), value.toUtf8(), QStringLiteral("headers.") + name); !ok) {
            errors << ok.error().toString();
        }
    }
    const auto requireHeaderName = [&](const QString& label, const QString& name, bool required) {
        if (name.isEmpty()) {
            if (required) {
                errors << tr("%1: the header name is required, e.g. X-Api-Key").arg(label);
            }
            return;
        }
        if (auto ok = Headers::validate(name.toUtf8(), QByteArray(), QStringLiteral("auth.headerName")); !ok) {
            errors << tr("%1: \"%2\" is not a valid header name (letters, digits and -, no spaces)").arg(label, name);
        }
    };
    switch (p.auth.type) {
        case AuthType::Basic:
            if (p.auth.username.isEmpty()) {
                errors << tr("Username: required for Basic authentication");
            } else if (p.auth.username.contains(QLatin1Char(':'))) {
                errors << tr("Username: must not contain ':' (Basic authentication separates it from the password "
                             "with one)");
            }
            if (p.auth.password.isEmpty()) {
                errors << tr("Password: required; type it (it is saved to the keychain) or give env:NAME");
            }
            requireHeaderName(tr("Header name"), p.auth.headerName, false);
            break;
        case AuthType::Bearer:
            if (p.auth.token.isEmpty()) {
                errors << tr("Token: required; type it (it is saved to the keychain) or give env:NAME");
            }
            requireHeaderName(tr("Header name"), p.auth.headerName, false);
            break;
        case AuthType::ApiKey:
            requireHeaderName(tr("API key"), p.auth.headerName, true);
            if (p.auth.value.isEmpty()) {
                errors << tr("Key: required; type it (it is saved to the keychain) or give env:NAME");
            }
            break;
        case AuthType::Header:
            requireHeaderName(tr("Header name"), p.auth.headerName, false);
            if (p.auth.value.isEmpty()) {
                errors << tr("Value: required; the header value to send");
            }
            break;
        case AuthType::OAuth2ClientCredentials:
        case AuthType::OAuth2AuthorizationCode:
            errors << tr("Authentication: OAuth 2.0 arrives with a later build; choose another type to send now");
            break;
        default:
            break;
    }
    for (int i = 0; i < p.signatures.size(); ++i) {
        if (p.signatures.at(i).secret.isEmpty()) {
            errors << tr("Signature %1 (%2): the secret is required")
                          .arg(i + 1)
                          .arg(SignatureConfig::schemeName(p.signatures.at(i).scheme));
        }
    }
    if (p.retry.policy == RetryPolicyType::Schedule && p.retry.delaysMs.isEmpty()) {
        errors << tr("Retry: a schedule needs at least one wait, e.g. 1000, 60000");
    }
    return errors;
}

void EndpointEditor::updateValidation()
{
    const QStringList errors = validationErrors();
    QStringList general;
    QStringList auth;
    for (const QString& error : errors) {
        if (error.startsWith(tr("URL")) || error.startsWith(QStringLiteral("headers."))) {
            general << error;
        } else if (!error.startsWith(tr("Signature")) && !error.startsWith(tr("Retry"))) {
            auth << error;
        }
    }
    showErrors(m_generalError, general);
    showErrors(m_authError, auth);
}

void EndpointEditor::updateRetryRows()
{
    const auto policy = RetryPolicyType(m_retryPolicy->currentData().toInt());
    const bool exponential = policy == RetryPolicyType::Exponential;
    m_retryLayout->setRowVisible(m_maxAttempts, policy != RetryPolicyType::None);
    m_retryLayout->setRowVisible(m_initialDelay, exponential);
    m_retryLayout->setRowVisible(m_maxDelay, exponential);
    m_retryLayout->setRowVisible(m_multiplier, exponential);
    m_retryLayout->setRowVisible(m_jitter, exponential);
    m_retryLayout->setRowVisible(m_interval, policy == RetryPolicyType::Fixed);
    m_retryLayout->setRowVisible(m_delays, policy == RetryPolicyType::Schedule);
}

void EndpointEditor::updateRetry()
{
    updateRetryRows();
    const RetryPolicy policy(retryConfig());
    m_timeline->setPolicy(policy);
    m_retrySummary->setText(policy.summary());
}

void EndpointEditor::addSignature(SignatureScheme scheme)
{
    SignatureConfig config;
    config.scheme = scheme;
    m_signatures.append(config);
    m_signatureList->addItem(SignatureConfig::schemeName(scheme));
    m_signatureList->setCurrentRow(int(m_signatures.size()) - 1);
    m_signatureSecret->setFocus();
    changed();
}

void EndpointEditor::showSignature(int row)
{
    const bool valid = row >= 0 && row < m_signatures.size();
    m_signatureForm->setEnabled(valid);
    const SignatureConfig config = valid ? m_signatures.at(row) : SignatureConfig {};
    const QSignalBlocker blockers[] {QSignalBlocker(m_signatureScheme),
                                     QSignalBlocker(m_signatureSecret),
                                     QSignalBlocker(m_signatureHeader),
                                     QSignalBlocker(m_signatureEncoding),
                                     QSignalBlocker(m_signaturePrefix),
                                     QSignalBlocker(m_signatureId)};
    m_signatureScheme->setCurrentIndex(std::max(0, m_signatureScheme->findData(int(config.scheme))));
    m_signatureSecret->setText(config.secret);
    m_signatureHeader->setText(config.header);
    m_signatureEncoding->setCurrentIndex(config.encoding == SignatureConfig::Encoding::Base64 ? 1 : 0);
    m_signaturePrefix->setText(config.prefix);
    m_signatureId->setText(config.id);
    updateSignatureRows();
}

void EndpointEditor::storeSignature()
{
    const int row = m_signatureList->currentRow();
    if (row < 0 || row >= m_signatures.size()) {
        return;
    }
    SignatureConfig& config = m_signatures[row];
    config.scheme = SignatureScheme(m_signatureScheme->currentData().toInt());
    config.secret = m_signatureSecret->text();
    const bool hmac = config.scheme == SignatureScheme::HmacSha256;
    config.header = hmac ? m_signatureHeader->text().trimmed() : QString();
    config.encoding = hmac && m_signatureEncoding->currentIndex() == 1 ? SignatureConfig::Encoding::Base64
                                                                       : SignatureConfig::Encoding::Hex;
    config.prefix = hmac ? m_signaturePrefix->text() : QString();
    config.id = config.scheme == SignatureScheme::StandardWebhooks ? m_signatureId->text().trimmed() : QString();
}

void EndpointEditor::updateSignatureRows()
{
    const auto scheme = SignatureScheme(m_signatureScheme->currentData().toInt());
    const bool hmac = scheme == SignatureScheme::HmacSha256;
    m_signatureLayout->setRowVisible(m_signatureHeader, hmac);
    m_signatureLayout->setRowVisible(m_signatureEncoding, hmac);
    m_signatureLayout->setRowVisible(m_signaturePrefix, hmac);
    m_signatureLayout->setRowVisible(m_signatureId, scheme == SignatureScheme::StandardWebhooks);
}

void EndpointEditor::setPreviewEvent(const std::optional<Event>& event)
{
    m_previewEvent = event;
    m_previewTimer->start();
}

void EndpointEditor::refreshPreview()
{
    const int generation = ++m_previewGeneration;
    m_preview->setRowCount(0);
    if (m_signatures.isEmpty()) {
        m_previewError->setText(tr("No signature schemes: add one to see the headers it produces."));
        m_previewError->show();
        return;
    }
    if (!m_previewEvent) {
        m_previewError->setText(tr("The event in the composer is not valid JSON: fix it to see the signatures."));
        m_previewError->show();
        return;
    }
    EndpointProfile p = profile();
    QStringList refs;
    for (auto& signature : p.signatures) {
        signature.secret = asReference(signature.secret);
        if (!signature.secret.isEmpty()) {
            refs << signature.secret;
        }
    }
    auto* resolver = new SecretResolver(m_store, this);
    resolver->resolve(refs, p.baseDir, [this, resolver, generation, p](Result<SecretValues> secrets) {
        resolver->deleteLater();
        if (generation != m_previewGeneration) {
            return; // a newer preview is on its way
        }
        if (!secrets) {
            m_previewError->setText(tr("⚠ %1").arg(secrets.error().toString()));
            m_previewError->show();
            return;
        }
        auto body = RequestBuilder::buildBody(p, *m_previewEvent, secrets.value());
        if (!body) {
            m_previewError->setText(tr("⚠ %1").arg(body.error().toString()));
            m_previewError->show();
            return;
        }
        QStringList problems;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < p.signatures.size(); ++i) {
            const SignatureConfig& config = p.signatures.at(i);
            const SignatureInput input {body.value(), m_previewEvent->id(), now};
            auto headers = Signer::sign(config, secrets->value(config.secret), input, i);
            if (!headers) {
                problems << headers.error().toString();
                continue;
            }
            for (const auto& [name, value] : headers.value()) {
                const int row = m_preview->rowCount();
                m_preview->insertRow(row);
                m_preview->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
                m_preview->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
            }
        }
        m_previewError->setVisible(!problems.isEmpty());
        m_previewError->setText(problems.isEmpty() ? QString() : QStringLiteral("⚠ ") + problems.join(u'\n'));
    });
}

#include "EndpointEditor.h"

#include "EndpointLibrary.h"
#include "RetryTimelineWidget.h"
#include "SecretLineEdit.h"

#include "TokenExchangeView.h"
#include "WidgetSupport.h"

#include "auth/AuthorizationCodeFlow.h"
#include "auth/TokenProvider.h"
#include "delivery/DeliveryEngine.h"
#include "delivery/RequestBuilder.h"
#include "delivery/RetryPolicy.h"
#include "history/HistoryStore.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"
#include "secrets/SecretResolver.h"
#include "signing/Signer.h"
#include "tls/ClientTls.h"
#include "tls/KeyTools.h"
#include "util/Headers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using WidgetSupport::appendPair;

namespace {
QLabel* helpLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// A label for a result the user may want to copy (a token, a pin, an error).
QLabel* statusLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* errorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = statusLabel(objectName, parent);
    label->hide();
    return label;
}

// A button with its status label to the right, the label taking the room.
QHBoxLayout* buttonWithStatus(QPushButton* button, QLabel* status)
{
    auto* row = new QHBoxLayout;
    row->addWidget(button);
    row->addWidget(status, 1);
    return row;
}

// The rows of a name/value table with a name, names trimmed, values as typed.
QList<QPair<QString, QString>> tablePairs(const QTableWidget* table)
{
    QList<QPair<QString, QString>> out;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* name = table->item(row, 0);
        const auto* value = table->item(row, 1);
        if (name && !name->text().trimmed().isEmpty()) {
            out.append({name->text().trimmed(), value ? value->text() : QString()});
        }
    }
    return out;
}

QPlainTextEdit* readOnlyText(const QString& objectName, int maximumHeight, QWidget* parent)
{
    auto* edit = WidgetSupport::monospaceView(objectName, parent);
    edit->setMaximumHeight(maximumHeight);
    return edit;
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

// Long forms scroll instead of squeezing their rows.
QWidget* scrolled(QWidget* page)
{
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    return area;
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
    m_tabs->addTab(scrolled(buildAuthTab()), tr("&Authentication"));
    m_tabs->addTab(buildSigningTab(), tr("Si&gning"));
    m_tabs->addTab(scrolled(buildPayloadTab()), tr("&Payload security"));
    m_tabs->addTab(scrolled(buildTlsTab()), tr("T&LS"));
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

QComboBox* EndpointEditor::editableComboBox(const QString& objectName, const QStringList& items, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->addItems(items);
    connect(combo, &QComboBox::currentTextChanged, this, [this] { changed(); });
    return combo;
}

QCheckBox* EndpointEditor::checkBox(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* check = new QCheckBox(text, parent);
    check->setObjectName(objectName);
    connect(check, &QCheckBox::toggled, this, [this] { changed(); });
    return check;
}

QTableWidget* EndpointEditor::pairTable(const QString& objectName, const QStringList& labels, QWidget* parent)
{
    auto* table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(labels);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    connect(table, &QTableWidget::itemChanged, this, [this] { changed(); });
    return table;
}

void EndpointEditor::connectPairButtons(QTableWidget* table,
                                        QPushButton* add,
                                        QPushButton* remove,
                                        const QString& newName)
{
    connect(add, &QPushButton::clicked, this, [table, newName] {
        table->editItem(table->item(appendPair(table, newName, QString()), 0));
    });
    connect(remove, &QPushButton::clicked, this, [this, table] {
        if (table->currentRow() >= 0) {
            table->removeRow(table->currentRow());
            changed();
        }
    });
}

QWidget* EndpointEditor::pairTableBox(QTableWidget* table,
                                      const QString& addName,
                                      const QString& removeName,
                                      const QString& newName)
{
    auto* box = new QWidget(table->parentWidget());
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* add = new QPushButton(tr("Add"), box);
    add->setObjectName(addName);
    auto* remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(removeName);
    connectPairButtons(table, add, remove, newName);
    layout->addWidget(table, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

QWidget* EndpointEditor::privateKeyRow(SecretLineEdit* edit,
                                       const QString& browseName,
                                       const QString& generateName,
                                       KeyTarget target)
{
    edit->setPlaceholderText(tr("file:PATH of a PEM key, or paste the PEM (kept in the keychain)"));
    auto* row = pickerRow(edit, browseName, tr("PEM keys (*.pem *.key);;All files (*)"), true);
    addGenerateKeyButton(row, generateName, target);
    return row;
}

QPushButton* EndpointEditor::addGenerateKeyButton(QWidget* row, const QString& objectName, KeyTarget target)
{
    auto* generate = new QPushButton(tr("Generate key…"), row);
    generate->setObjectName(objectName);
    row->layout()->addWidget(generate);
    connect(generate, &QPushButton::clicked, this, [this, target] { openGenerateKeyDialog(target); });
    return generate;
}

QWidget* EndpointEditor::buildGeneralTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_name = lineEdit(QStringLiteral("nameLineEdit"), page, tr("Loans staging"));
    m_url = lineEdit(QStringLiteral("urlLineEdit"), page, tr("https://hooks.example.com/webhook"));
    m_method = editableComboBox(QStringLiteral("methodComboBox"),
                                {QStringLiteral("POST"),
                                 QStringLiteral("PUT"),
                                 QStringLiteral("PATCH"),
                                 QStringLiteral("GET"),
                                 QStringLiteral("DELETE")},
                                page);

    m_headers = pairTable(QStringLiteral("headersTableWidget"), {tr("Name"), tr("Value")}, page);
    m_headers->setMinimumHeight(110);
    auto* addHeader = new QPushButton(tr("Add header"), page);
    addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    auto* removeHeader = new QPushButton(tr("Remove header"), page);
    removeHeader->setObjectName(QStringLiteral("removeHeaderButton"));
    connectPairButtons(m_headers, addHeader, removeHeader, QStringLiteral("X-Header"));
    auto* headerButtons = new QHBoxLayout;
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto* headersBox = new QVBoxLayout;
    headersBox->addWidget(m_headers);
    headersBox->addLayout(headerButtons);

    m_contentType = editableComboBox(QStringLiteral("contentTypeComboBox"),
                                     {QStringLiteral("application/json"),
                                      QStringLiteral("application/cloudevents+json"),
                                      QStringLiteral("application/x-www-form-urlencoded"),
                                      QStringLiteral("text/plain")},
                                     page);
    m_timeout = msSpinBox(QStringLiteral("timeoutSpinBox"), page);
    m_timeout->setRange(1, 3600000);
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] { changed(); });
    m_followRedirects = checkBox(tr("Follow redirects (credentials never go to another origin)"),
                                 QStringLiteral("followRedirectsCheckBox"),
                                 page);
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

    // OAuth 2.0 client credentials (docs/oauth2.md)
    auto* clientCredentials = new QWidget;
    auto* ccLayout = new QVBoxLayout(clientCredentials);
    ccLayout->setContentsMargins(0, 0, 0, 0);
    auto* ccBox = new QGroupBox(clientCredentials);
    ccBox->setObjectName(QStringLiteral("clientCredentialsGroupBox"));
    m_ccForm = new QFormLayout(ccBox);
    m_tokenUrl = lineEdit(QStringLiteral("tokenUrlLineEdit"), ccBox, tr("https://auth.example.com/oauth2/token"));
    m_authServerUrl = lineEdit(
        QStringLiteral("authServerUrlLineEdit"), ccBox, tr("or: https://auth.example.com (with the path below)"));
    m_tokenPath = lineEdit(QStringLiteral("tokenPathLineEdit"), ccBox, QStringLiteral("/oauth2/token"));
    m_clientId = lineEdit(QStringLiteral("clientIdLineEdit"), ccBox);
    m_clientSecret = secretEdit(QStringLiteral("clientSecretLineEdit"), ccBox);
    m_clientAuth = new QComboBox(ccBox);
    m_clientAuth->setObjectName(QStringLiteral("clientAuthComboBox"));
    m_clientAuth->addItem(tr("basic: HTTP Basic header"), QStringLiteral("basic"));
    m_clientAuth->addItem(tr("post: id and secret in the body"), QStringLiteral("post"));
    m_clientAuth->addItem(tr("jwt: assertion signed with the secret (HS256)"), QStringLiteral("jwt"));
    m_clientAuth->addItem(tr("privateKeyJwt: assertion signed with a private key"), QStringLiteral("privateKeyJwt"));
    m_clientAuth->addItem(tr("tlsClientAuth: the TLS client certificate"), QStringLiteral("tlsClientAuth"));
    connect(m_clientAuth, &QComboBox::currentIndexChanged, this, [this] {
        updateOAuthRows();
        changed();
    });
    m_clientAuthHelp = helpLabel(QString(), ccBox);
    m_clientAuthHelp->setObjectName(QStringLiteral("clientAuthHelpLabel"));
    m_oauthPrivateKey = secretEdit(QStringLiteral("oauthPrivateKeyLineEdit"), ccBox);
    m_oauthPrivateKeyRow = privateKeyRow(m_oauthPrivateKey,
                                         QStringLiteral("oauthPrivateKeyBrowseButton"),
                                         QStringLiteral("oauthGenerateKeyButton"),
                                         KeyTarget::OAuthPrivateKey);
    m_oauthAlg = new QComboBox(ccBox);
    m_oauthAlg->setObjectName(QStringLiteral("oauthAlgComboBox"));
    m_oauthAlg->addItem(tr("by key type"), QString());
    for (const auto* alg : {"RS256", "PS256", "ES256", "EdDSA"}) {
        m_oauthAlg->addItem(QString::fromLatin1(alg), QString::fromLatin1(alg));
    }
    connect(m_oauthAlg, &QComboBox::currentIndexChanged, this, [this] { changed(); });
    m_assertionAudience = editableComboBox(
        QStringLiteral("assertionAudienceComboBox"), {QStringLiteral("tokenUrl"), QStringLiteral("webhookUrl")}, ccBox);
    m_assertionAudience->setToolTip(tr("The assertion's aud: tokenUrl (the default), webhookUrl, or any other "
                                       "string used as it is (e.g. the issuer URL Keycloak accepts)"));
    m_scope = lineEdit(QStringLiteral("scopeLineEdit"), ccBox, tr("optional, e.g. hooks.write"));
    m_audience = lineEdit(QStringLiteral("audienceLineEdit"), ccBox, tr("optional (Auth0 needs the API identifier)"));
    m_resource = lineEdit(QStringLiteral("resourceLineEdit"), ccBox, tr("optional (RFC 8707)"));
    m_extraParams = pairTable(QStringLiteral("extraParamsTableWidget"), {tr("Field"), tr("Value")}, ccBox);
    m_extraParams->setMaximumHeight(90);
    auto* extraBox = pairTableBox(m_extraParams,
                                  QStringLiteral("addExtraParamButton"),
                                  QStringLiteral("removeExtraParamButton"),
                                  QStringLiteral("field"));
    m_oauthHeaderName = lineEdit(QStringLiteral("oauthHeaderNameLineEdit"), ccBox, QStringLiteral("Authorization"));
    m_getToken = new QPushButton(tr("Get token"), ccBox);
    m_getToken->setObjectName(QStringLiteral("getTokenButton"));
    m_getToken->setToolTip(tr("Requests a token now and shows the exchange; a send afterwards reuses it"));
    connect(m_getToken, &QPushButton::clicked, this, [this] { getToken(); });
    m_tokenStatus = statusLabel(QStringLiteral("tokenStatusLabel"), ccBox);

    m_ccForm->addRow(tr("Token &URL:"), m_tokenUrl);
    m_ccForm->addRow(tr("Auth server URL:"), m_authServerUrl);
    m_ccForm->addRow(tr("Token path:"), m_tokenPath);
    m_ccForm->addRow(tr("Client &ID:"), m_clientId);
    m_ccForm->addRow(tr("Client authentication:"), m_clientAuth);
    m_ccForm->addRow(QString(), m_clientAuthHelp);
    m_ccForm->addRow(tr("Client &secret:"), m_clientSecret);
    m_ccForm->addRow(tr("Private &key:"), m_oauthPrivateKeyRow);
    m_ccForm->addRow(tr("Algorithm:"), m_oauthAlg);
    m_ccForm->addRow(tr("Assertion audience:"), m_assertionAudience);
    m_ccForm->addRow(tr("Sc&ope:"), m_scope);
    m_ccForm->addRow(tr("Audience:"), m_audience);
    m_ccForm->addRow(tr("Resource:"), m_resource);
    m_ccForm->addRow(tr("Extra form fields:"), extraBox);
    m_ccForm->addRow(tr("Header &name:"), m_oauthHeaderName);
    m_ccForm->addRow(buttonWithStatus(m_getToken, m_tokenStatus));
    ccLayout->addWidget(ccBox);
    ccLayout->addStretch();
    m_authPages->addWidget(clientCredentials);

    // OAuth 2.0 authorization code with PKCE (docs/oauth2.md "Authorization code with PKCE")
    auto* code = new QWidget;
    auto* codeLayout = new QVBoxLayout(code);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    auto* engineNote = new QLabel(tr("Sign in opens your browser, exchanges the code and keeps the refresh token in "
                                     "the keychain. Send then gets its access token from that refresh token "
                                     "silently; when none is stored, or the server refuses it, Send asks you to "
                                     "sign in again."),
                                  code);
    engineNote->setObjectName(QStringLiteral("authCodeEngineNoteLabel"));
    engineNote->setWordWrap(true);
    engineNote->setFrameShape(QFrame::StyledPanel);
    engineNote->setMargin(6);
    engineNote->setBackgroundRole(QPalette::AlternateBase);
    engineNote->setAutoFillBackground(true);
    codeLayout->addWidget(engineNote);
    auto* codeBox = new QGroupBox(code);
    codeBox->setObjectName(QStringLiteral("authorizationCodeGroupBox"));
    auto* codeForm = new QFormLayout(codeBox);
    m_authUrl = lineEdit(QStringLiteral("authUrlLineEdit"), codeBox, tr("https://auth.example.com/oauth2/authorize"));
    m_codeTokenUrl =
        lineEdit(QStringLiteral("codeTokenUrlLineEdit"), codeBox, tr("https://auth.example.com/oauth2/token"));
    m_codeClientId = lineEdit(QStringLiteral("codeClientIdLineEdit"), codeBox);
    m_codeClientSecret = secretEdit(QStringLiteral("codeClientSecretLineEdit"), codeBox);
    m_codeClientSecret->setPlaceholderText(tr("empty for a public client; or a value, env:NAME, keychain:NAME"));
    m_codeScope = lineEdit(QStringLiteral("codeScopeLineEdit"), codeBox, tr("e.g. hooks offline_access"));
    m_redirectUri =
        lineEdit(QStringLiteral("redirectUriLineEdit"), codeBox, tr("default: http://127.0.0.1:PORT/callback"));
    m_codeClientAuth = new QComboBox(codeBox);
    m_codeClientAuth->setObjectName(QStringLiteral("codeClientAuthComboBox"));
    m_codeClientAuth->addItem(tr("basic: HTTP Basic header"), QStringLiteral("basic"));
    m_codeClientAuth->addItem(tr("post: in the body"), QStringLiteral("post"));
    connect(m_codeClientAuth, &QComboBox::currentIndexChanged, this, [this] { changed(); });
    m_pkce = checkBox(tr("PKCE (S256)"), QStringLiteral("pkceCheckBox"), codeBox);
    m_codeHeaderName = lineEdit(QStringLiteral("codeHeaderNameLineEdit"), codeBox, QStringLiteral("Authorization"));
    m_signIn = new QPushButton(tr("S&ign in…"), codeBox);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    connect(m_signIn, &QPushButton::clicked, this, [this] { signIn(); });
    m_signInStatus = statusLabel(QStringLiteral("signInStatusLabel"), codeBox);
    codeForm->addRow(tr("Authorization URL:"), m_authUrl);
    codeForm->addRow(tr("Token URL:"), m_codeTokenUrl);
    codeForm->addRow(tr("Client ID:"), m_codeClientId);
    codeForm->addRow(tr("Client secret:"), m_codeClientSecret);
    codeForm->addRow(tr("Client authentication:"), m_codeClientAuth);
    codeForm->addRow(tr("Scope:"), m_codeScope);
    codeForm->addRow(tr("Redirect URI:"), m_redirectUri);
    codeForm->addRow(QString(), m_pkce);
    codeForm->addRow(tr("Header name:"), m_codeHeaderName);
    codeForm->addRow(buttonWithStatus(m_signIn, m_signInStatus));
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
    layout->addWidget(helpLabel(tr("The body can be signed (JWS), encrypted (JWE), or both: signed first, then "
                                   "encrypted. Signatures of the Signing tab are computed over the result."),
                                page));

    m_jwsBox = new QGroupBox(tr("Sign the payload (JWS)"), page);
    m_jwsBox->setObjectName(QStringLiteral("jwsGroupBox"));
    m_jwsBox->setCheckable(true);
    m_jwsForm = new QFormLayout(m_jwsBox);
    m_jwsAlg = new QComboBox(m_jwsBox);
    m_jwsAlg->setObjectName(QStringLiteral("jwsAlgComboBox"));
    m_jwsAlg->addItems({QStringLiteral("RS256"),
                        QStringLiteral("PS256"),
                        QStringLiteral("ES256"),
                        QStringLiteral("EdDSA"),
                        QStringLiteral("HS256")});
    m_jwsPrivateKey = secretEdit(QStringLiteral("jwsPrivateKeyLineEdit"), m_jwsBox);
    m_jwsPrivateKeyRow = privateKeyRow(m_jwsPrivateKey,
                                       QStringLiteral("jwsPrivateKeyBrowseButton"),
                                       QStringLiteral("jwsGenerateKeyButton"),
                                       KeyTarget::JwsPrivateKey);
    m_jwsSecret = secretEdit(QStringLiteral("jwsSecretLineEdit"), m_jwsBox);
    m_jwsKid = lineEdit(QStringLiteral("jwsKidLineEdit"), m_jwsBox, tr("optional key id for the receiver"));
    m_jwsClaims =
        pairTable(QStringLiteral("jwsClaimsTableWidget"), {tr("Claim"), tr("Value (JSON or text)")}, m_jwsBox);
    m_jwsClaims->setMaximumHeight(100);
    auto* claimsBox = pairTableBox(
        m_jwsClaims, QStringLiteral("addClaimButton"), QStringLiteral("removeClaimButton"), QStringLiteral("iss"));
    m_jwsExpires = new QSpinBox(m_jwsBox);
    m_jwsExpires->setObjectName(QStringLiteral("jwsExpiresSpinBox"));
    m_jwsExpires->setRange(0, 31536000);
    m_jwsExpires->setSuffix(tr(" s"));
    m_jwsExpires->setSpecialValueText(tr("no iat/exp"));
    connect(m_jwsExpires, &QSpinBox::valueChanged, this, [this] { changed(); });
    m_jwsForm->addRow(tr("Algorithm:"), m_jwsAlg);
    m_jwsForm->addRow(tr("Private key:"), m_jwsPrivateKeyRow);
    m_jwsForm->addRow(tr("Secret (HS256):"), m_jwsSecret);
    m_jwsForm->addRow(tr("Key id (kid):"), m_jwsKid);
    m_jwsForm->addRow(tr("Claims added:"), claimsBox);
    m_jwsForm->addRow(tr("Expires in:"), m_jwsExpires);
    connect(m_jwsAlg, &QComboBox::currentIndexChanged, this, [this] {
        updatePayloadRows();
        changed();
    });
    connect(m_jwsBox, &QGroupBox::toggled, this, [this] { changed(); });

    m_jweBox = new QGroupBox(tr("Encrypt the payload (JWE)"), page);
    m_jweBox->setObjectName(QStringLiteral("jweGroupBox"));
    m_jweBox->setCheckable(true);
    auto* jweForm = new QFormLayout(m_jweBox);
    m_jweAlg = new QComboBox(m_jweBox);
    m_jweAlg->setObjectName(QStringLiteral("jweAlgComboBox"));
    m_jweAlg->addItems({QStringLiteral("RSA-OAEP-256"), QStringLiteral("RSA-OAEP"), QStringLiteral("ECDH-ES+A256KW")});
    m_jweEnc = new QComboBox(m_jweBox);
    m_jweEnc->setObjectName(QStringLiteral("jweEncComboBox"));
    m_jweEnc->addItems({QStringLiteral("A256GCM"), QStringLiteral("A128CBC-HS256")});
    m_jwePublicKey = lineEdit(QStringLiteral("jwePublicKeyLineEdit"),
                              m_jweBox,
                              tr("file:PATH of the recipient's public key or certificate, or the PEM"));
    auto* jweKeyRow = pickerRow(m_jwePublicKey,
                                QStringLiteral("jwePublicKeyBrowseButton"),
                                tr("Public keys and certificates (*.pem *.crt *.cer);;All files (*)"),
                                true);
    auto* jweGenerate =
        addGenerateKeyButton(jweKeyRow, QStringLiteral("jweGenerateKeyButton"), KeyTarget::JwePublicKey);
    jweGenerate->setToolTip(tr("Makes a key pair for a test recipient: the public key is used here, the private "
                               "key is for the receiver"));
    m_jweKid = lineEdit(QStringLiteral("jweKidLineEdit"), m_jweBox, tr("optional key id of the recipient's key"));
    jweForm->addRow(tr("Key management:"), m_jweAlg);
    jweForm->addRow(tr("Content encryption:"), m_jweEnc);
    jweForm->addRow(tr("Recipient key:"), jweKeyRow);
    jweForm->addRow(tr("Key id (kid):"), m_jweKid);
    connect(m_jweAlg, &QComboBox::currentIndexChanged, this, [this] { changed(); });
    connect(m_jweEnc, &QComboBox::currentIndexChanged, this, [this] { changed(); });
    connect(m_jweBox, &QGroupBox::toggled, this, [this] { changed(); });

    auto* previewBox = new QGroupBox(tr("Preview: the body that would be sent for the current event"), page);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_payloadBody = readOnlyText(QStringLiteral("payloadPreviewPlainTextEdit"), 90, previewBox);
    m_payloadHeader = readOnlyText(QStringLiteral("payloadHeaderPlainTextEdit"), 110, previewBox);
    m_payloadError = errorLabel(QStringLiteral("payloadErrorLabel"), previewBox);
    previewLayout->addWidget(m_payloadBody);
    previewLayout->addWidget(new QLabel(tr("Decoded header:"), previewBox));
    previewLayout->addWidget(m_payloadHeader);
    previewLayout->addWidget(m_payloadError);

    m_payloadValidation = errorLabel(QStringLiteral("payloadValidationLabel"), page);
    layout->addWidget(m_jwsBox);
    layout->addWidget(m_jweBox);
    layout->addWidget(m_payloadValidation);
    layout->addWidget(previewBox);
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
                                 "what is sent, credentials included. Use this only against a test server, or "
                                 "pin the server's key below."),
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
    m_fetchPin = new QPushButton(tr("&Fetch pin"), page);
    m_fetchPin->setObjectName(QStringLiteral("fetchPinButton"));
    m_fetchPin->setToolTip(tr("Connects once to the endpoint's host and shows its public-key pin"));
    connect(m_fetchPin, &QPushButton::clicked, this, [this] { fetchPin(); });
    m_addPin = new QPushButton(tr("Add to pins"), page);
    m_addPin->setObjectName(QStringLiteral("addPinButton"));
    m_addPin->setEnabled(false);
    connect(m_addPin, &QPushButton::clicked, this, [this] {
        if (!m_fetchedPin.isEmpty() && !m_pins->toPlainText().contains(m_fetchedPin)) {
            const QString text = m_pins->toPlainText().trimmed();
            m_pins->setPlainText(text.isEmpty() ? m_fetchedPin : text + QLatin1Char('\n') + m_fetchedPin);
        }
    });
    m_pinStatus = statusLabel(QStringLiteral("pinStatusLabel"), page);
    auto* pinButtons = new QHBoxLayout;
    pinButtons->addWidget(m_fetchPin);
    pinButtons->addWidget(m_addPin);
    pinButtons->addWidget(m_pinStatus, 1);
    form->addRow(QString(), m_tlsVerify);
    form->addRow(m_tlsWarning);
    form->addRow(
        tr("&CA file:"),
        pickerRow(
            m_caFile, QStringLiteral("caFileBrowseButton"), tr("Certificates (*.pem *.crt);;All files (*)"), false));
    form->addRow(tr("&Pins:"), m_pins);
    form->addRow(QString(), pinButtons);
    layout->addLayout(form);

    auto* client = new QGroupBox(tr("Client certificate (mutual TLS)"), page);
    client->setObjectName(QStringLiteral("clientCertificateGroupBox"));
    auto* clientForm = new QFormLayout(client);
    m_clientCert = lineEdit(QStringLiteral("clientCertLineEdit"), client, tr("PEM certificate, or a PKCS#12 file"));
    m_clientKey = secretEdit(QStringLiteral("clientKeyLineEdit"), client);
    m_clientKey->setPlaceholderText(
        tr("file:PATH of the PEM key, or paste it (kept in the keychain); empty for PKCS#12"));
    m_clientKeyPassword = secretEdit(QStringLiteral("clientKeyPasswordLineEdit"), client);
    m_clientKeyPassword->setPlaceholderText(tr("for an encrypted key or a PKCS#12 file (kept in the keychain)"));
    clientForm->addRow(tr("Certificate:"),
                       pickerRow(m_clientCert,
                                 QStringLiteral("clientCertBrowseButton"),
                                 tr("Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)"),
                                 false));
    clientForm->addRow(
        tr("Key:"),
        pickerRow(
            m_clientKey, QStringLiteral("clientKeyBrowseButton"), tr("PEM keys (*.pem *.key);;All files (*)"), true));
    clientForm->addRow(tr("Key password:"), m_clientKeyPassword);
    clientForm->addRow(helpLabel(tr("PEM: the certificate (intermediates after it) and its key. PKCS#12: the .p12 "
                                    "file as certificate, the key left empty, the password opens the file. "
                                    "Also used by OAuth tlsClientAuth."),
                                 client));
    m_tlsError = errorLabel(QStringLiteral("tlsErrorLabel"), page);
    layout->addWidget(client);
    layout->addWidget(m_tlsError);
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
    m_jitter =
        checkBox(tr("Jitter (each wait drawn between half and all of it)"), QStringLiteral("jitterCheckBox"), page);
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
        appendPair(m_headers, name, value);
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
    const bool clientCredentials = auth.type == AuthType::OAuth2ClientCredentials;
    const bool code = auth.type == AuthType::OAuth2AuthorizationCode;
    m_tokenUrl->setText(clientCredentials ? auth.tokenUrl : QString());
    m_authServerUrl->setText(clientCredentials ? auth.authServerUrl : QString());
    m_tokenPath->setText(clientCredentials ? auth.tokenPath : QString());
    m_clientId->setText(clientCredentials ? auth.clientId : QString());
    m_clientSecret->setText(clientCredentials ? auth.clientSecret : QString());
    m_clientAuth->setCurrentIndex(
        std::max(0,
                 m_clientAuth->findData(clientCredentials && !auth.clientAuth.isEmpty() ? auth.clientAuth
                                                                                        : QStringLiteral("basic"))));
    m_oauthPrivateKey->setText(clientCredentials ? auth.privateKey : QString());
    m_oauthAlg->setCurrentIndex(std::max(0, m_oauthAlg->findData(clientCredentials ? auth.alg : QString())));
    m_assertionAudience->setCurrentText(
        clientCredentials && !auth.assertionAudience.isEmpty() ? auth.assertionAudience : QStringLiteral("tokenUrl"));
    m_scope->setText(clientCredentials ? auth.scope : QString());
    m_audience->setText(clientCredentials ? auth.audience : QString());
    m_resource->setText(clientCredentials ? auth.resource : QString());
    m_extraParams->setRowCount(0);
    if (clientCredentials) {
        for (const auto& [name, value] : auth.extraParams) {
            appendPair(m_extraParams, name, value);
        }
    }
    m_oauthHeaderName->setText(clientCredentials ? auth.headerName : QString());
    m_tokenStatus->clear();
    m_authUrl->setText(code ? auth.authUrl : QString());
    m_codeTokenUrl->setText(code ? auth.tokenUrl : QString());
    m_codeClientId->setText(code ? auth.clientId : QString());
    m_codeClientSecret->setText(code ? auth.clientSecret : QString());
    m_codeScope->setText(code ? auth.scope : QString());
    m_redirectUri->setText(code ? auth.redirectUri : QString());
    m_codeClientAuth->setCurrentIndex(code && auth.clientAuth == QLatin1String("post") ? 1 : 0);
    m_pkce->setChecked(!code || auth.pkce);
    m_codeHeaderName->setText(code ? auth.headerName : QString());
    m_signInStatus->clear();

    const JwsConfig jws = profile.jws.value_or(JwsConfig {});
    m_jwsBox->setChecked(profile.jws.has_value());
    m_jwsAlg->setCurrentIndex(std::max(0, m_jwsAlg->findText(jws.alg)));
    m_jwsPrivateKey->setText(jws.privateKey);
    m_jwsSecret->setText(jws.secret);
    m_jwsKid->setText(jws.kid);
    m_jwsClaims->setRowCount(0);
    for (auto it = jws.claims.begin(); it != jws.claims.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString()) {
            text = value.toString();
        } else {
            text = QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
            text = text.mid(1, text.size() - 2); // the value inside [ ]
        }
        appendPair(m_jwsClaims, it.key(), text);
    }
    m_jwsExpires->setValue(jws.expiresInSeconds);
    const JweConfig jwe = profile.jwe.value_or(JweConfig {});
    m_jweBox->setChecked(profile.jwe.has_value());
    m_jweAlg->setCurrentIndex(std::max(0, m_jweAlg->findText(jwe.alg)));
    m_jweEnc->setCurrentIndex(std::max(0, m_jweEnc->findText(jwe.enc)));
    m_jwePublicKey->setText(jwe.publicKey);
    m_jweKid->setText(jwe.kid);

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
    m_clientKeyPassword->setText(profile.tls.clientKeyPassword);
    m_pinStatus->clear();
    m_fetchedPin.clear();
    m_addPin->setEnabled(false);

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
    updateOAuthRows();
    updatePayloadRows();
    updateRetry();
    updateValidation();
    m_previewTimer->start();
}

AuthConfig EndpointEditor::authConfig() const
{
    AuthConfig auth;
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
        case AuthType::OAuth2ClientCredentials: {
            auth = AuthConfig {};
            auth.type = AuthType::OAuth2ClientCredentials;
            auth.tokenUrl = m_tokenUrl->text().trimmed();
            auth.authServerUrl = m_authServerUrl->text().trimmed();
            auth.tokenPath = m_tokenPath->text().trimmed();
            auth.clientId = m_clientId->text().trimmed();
            auth.clientAuth = m_clientAuth->currentData().toString();
            const bool jwt = auth.clientAuth == QLatin1String("jwt");
            const bool privateKeyJwt = auth.clientAuth == QLatin1String("privateKeyJwt");
            if (auth.clientAuth != QLatin1String("tlsClientAuth") && !privateKeyJwt) {
                auth.clientSecret = m_clientSecret->text();
            }
            if (privateKeyJwt) {
                auth.privateKey = m_oauthPrivateKey->text().trimmed();
                auth.alg = m_oauthAlg->currentData().toString();
            }
            if (jwt || privateKeyJwt) {
                const QString audience = m_assertionAudience->currentText().trimmed();
                auth.assertionAudience = audience == QLatin1String("tokenUrl") ? QString() : audience;
            }
            auth.scope = m_scope->text().trimmed();
            auth.audience = m_audience->text().trimmed();
            auth.resource = m_resource->text().trimmed();
            auth.extraParams = tablePairs(m_extraParams);
            auth.headerName = m_oauthHeaderName->text().trimmed();
            break;
        }
        case AuthType::OAuth2AuthorizationCode:
            auth = AuthConfig {};
            auth.type = AuthType::OAuth2AuthorizationCode;
            auth.authUrl = m_authUrl->text().trimmed();
            auth.tokenUrl = m_codeTokenUrl->text().trimmed();
            auth.clientId = m_codeClientId->text().trimmed();
            auth.clientSecret = m_codeClientSecret->text();
            auth.clientAuth = m_codeClientAuth->currentData().toString();
            auth.scope = m_codeScope->text().trimmed();
            auth.redirectUri = m_redirectUri->text().trimmed();
            auth.pkce = m_pkce->isChecked();
            auth.headerName = m_codeHeaderName->text().trimmed();
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
    profile.headers = tablePairs(m_headers);
    profile.contentType = m_contentType->currentText().trimmed();
    profile.timeoutMs = m_timeout->value();
    profile.followRedirects = m_followRedirects->isChecked();
    profile.auth = authConfig();
    profile.signatures = m_signatures;
    profile.jws = jwsConfig();
    profile.jwe = jweConfig();
    profile.tls.verify = m_tlsVerify->isChecked();
    profile.tls.caFile = m_caFile->text().trimmed();
    profile.tls.clientCert = m_clientCert->text().trimmed();
    profile.tls.clientKey = m_clientKey->text();
    profile.tls.clientKeyPassword = m_clientKeyPassword->text();
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
            help = tr("Fetches a token (grant_type=client_credentials) from the token URL and sends it as "
                      "Authorization: Bearer TOKEN. The token is reused until 30 s before it expires; a 401 "
                      "fetches a new one and sends once more.");
            break;
        default:
            page = 6;
            help = tr("You sign in once in the system browser; the refresh token is kept in the keychain "
                      "(entry oauth2-refresh:CLIENT@TOKENURL).");
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
        case AuthType::OAuth2ClientCredentials: {
            const QString tokenUrl = p.auth.effectiveTokenUrl();
            if (p.auth.tokenUrl.isEmpty() && p.auth.authServerUrl.isEmpty()) {
                errors << tr("Token URL: required; the token endpoint, e.g. https://auth.example.com/oauth2/token "
                             "(or an auth server URL and a token path)");
            } else if (!p.auth.tokenUrl.isEmpty() && !p.auth.authServerUrl.isEmpty()) {
                errors << tr("Token URL: give either the token URL or the auth server URL, not both");
            } else if (const QUrl url(tokenUrl);
                       !url.isValid() || url.host().isEmpty()
                       || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
                errors << tr("Token URL: \"%1\" is not an absolute http:// or https:// address").arg(tokenUrl);
            }
            if (p.auth.clientId.isEmpty()) {
                errors << tr("Client ID: required; the id the authorization server gave this client");
            }
            const QString& clientAuth = p.auth.clientAuth;
            if ((clientAuth == QLatin1String("basic") || clientAuth == QLatin1String("post")
                 || clientAuth == QLatin1String("jwt"))
                && p.auth.clientSecret.isEmpty()) {
                errors << tr("Client secret: required for %1; type it (it is saved to the keychain) or give env:NAME")
                              .arg(clientAuth);
            }
            if (clientAuth == QLatin1String("privateKeyJwt") && p.auth.privateKey.isEmpty()) {
                errors << tr("Private key: required for privateKeyJwt; choose a PEM file (Browse…) or generate one");
            }
            if (clientAuth == QLatin1String("tlsClientAuth") && p.tls.clientCert.isEmpty()) {
                errors << tr("Client authentication: tlsClientAuth needs a client certificate; set it on the TLS tab");
            }
            requireHeaderName(tr("Header name"), p.auth.headerName, false);
            break;
        }
        default:
            break;
    }
    if (p.jws) {
        if (p.jws->alg == QLatin1String("HS256") ? p.jws->secret.isEmpty() : p.jws->privateKey.isEmpty()) {
            errors
                << (p.jws->alg == QLatin1String("HS256")
                        ? tr("JWS secret: required for HS256; type it (it is saved to the keychain) or give env:NAME")
                        : tr("JWS private key: required for %1; choose a PEM file or generate a key").arg(p.jws->alg));
        }
    }
    if (p.jwe && p.jwe->publicKey.isEmpty()) {
        errors << tr("JWE recipient key: required; choose the recipient's public key or certificate");
    }
    if (!p.tls.clientKey.isEmpty() && p.tls.clientCert.isEmpty()) {
        errors << tr("TLS client certificate: a key is set but no certificate; choose the certificate file");
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
    QStringList payload;
    QStringList tls;
    for (const QString& error : errors) {
        if (error.startsWith(tr("URL")) || error.startsWith(QStringLiteral("headers."))) {
            general << error;
        } else if (error.startsWith(QStringLiteral("JWS")) || error.startsWith(QStringLiteral("JWE"))) {
            payload << error;
        } else if (error.startsWith(QStringLiteral("TLS"))) {
            tls << error;
        } else if (!error.startsWith(tr("Signature")) && !error.startsWith(tr("Retry"))) {
            auth << error;
        }
    }
    showErrors(m_generalError, general);
    showErrors(m_authError, auth);
    showErrors(m_payloadValidation, payload);
    showErrors(m_tlsError, tls);
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
    refreshPayloadPreview();
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
                appendPair(m_preview, QString::fromLatin1(name), QString::fromUtf8(value));
            }
        }
        m_previewError->setVisible(!problems.isEmpty());
        m_previewError->setText(problems.isEmpty() ? QString() : QStringLiteral("⚠ ") + problems.join(u'\n'));
    });
}

QWidget* EndpointEditor::pickerRow(QLineEdit* edit, const QString& buttonName, const QString& filter, bool reference)
{
    auto* row = new QWidget(edit->parentWidget());
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(tr("Browse…"), row);
    browse->setObjectName(buttonName);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, reference] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a file"), QString(), filter);
        if (!path.isEmpty()) {
            // A key picked from disk stays on disk: the profile gets a file: reference to it.
            edit->setText(reference ? QStringLiteral("file:") + path : path);
        }
    });
    return row;
}

void EndpointEditor::setEngine(DeliveryEngine* engine)
{
    m_engine = engine;
}

void EndpointEditor::setUrlOpener(std::function<void(const QUrl&)> opener)
{
    m_urlOpener = std::move(opener);
}

EndpointProfile EndpointEditor::profileForUse() const
{
    EndpointProfile p = profile();
    for (const auto& field : EndpointLibrary::secretFields(p)) {
        *field.second = asReference(*field.second);
    }
    return p;
}

std::optional<JwsConfig> EndpointEditor::jwsConfig() const
{
    if (!m_jwsBox->isChecked()) {
        return std::nullopt;
    }
    JwsConfig jws;
    jws.alg = m_jwsAlg->currentText();
    if (jws.alg == QLatin1String("HS256")) {
        jws.secret = m_jwsSecret->text();
    } else {
        jws.privateKey = m_jwsPrivateKey->text();
    }
    jws.kid = m_jwsKid->text().trimmed();
    for (int row = 0; row < m_jwsClaims->rowCount(); ++row) {
        const auto* name = m_jwsClaims->item(row, 0);
        const auto* value = m_jwsClaims->item(row, 1);
        if (!name || name->text().trimmed().isEmpty()) {
            continue;
        }
        const QString text = value ? value->text() : QString();
        // 42, true, {"a":1} are taken as JSON; anything else is a string.
        const QJsonDocument parsed = QJsonDocument::fromJson(QByteArrayLiteral("[") + text.toUtf8() + ']');
        const QJsonArray array = parsed.array();
        const bool json = parsed.isArray() && array.size() == 1 && !text.trimmed().isEmpty();
        jws.claims.insert(name->text().trimmed(), json ? array.at(0) : QJsonValue(text));
    }
    jws.expiresInSeconds = m_jwsExpires->value();
    return jws;
}

std::optional<JweConfig> EndpointEditor::jweConfig() const
{
    if (!m_jweBox->isChecked()) {
        return std::nullopt;
    }
    JweConfig jwe;
    jwe.alg = m_jweAlg->currentText();
    jwe.enc = m_jweEnc->currentText();
    jwe.publicKey = m_jwePublicKey->text().trimmed();
    jwe.kid = m_jweKid->text().trimmed();
    return jwe;
}

void EndpointEditor::updateOAuthRows()
{
    const QString mode = m_clientAuth->currentData().toString();
    const bool assertion = mode == QLatin1String("jwt") || mode == QLatin1String("privateKeyJwt");
    m_ccForm->setRowVisible(m_clientSecret,
                            mode != QLatin1String("privateKeyJwt") && mode != QLatin1String("tlsClientAuth"));
    m_ccForm->setRowVisible(m_oauthPrivateKeyRow, mode == QLatin1String("privateKeyJwt"));
    m_ccForm->setRowVisible(m_oauthAlg, mode == QLatin1String("privateKeyJwt"));
    m_ccForm->setRowVisible(m_assertionAudience, assertion);
    QString help;
    if (mode == QLatin1String("basic")) {
        help = tr("Authorization: Basic base64(urlencode(id):urlencode(secret)). The most common form.");
    } else if (mode == QLatin1String("post")) {
        help = tr("client_id and client_secret go in the form body.");
    } else if (mode == QLatin1String("jwt")) {
        help = tr("client_secret_jwt (RFC 7523): a JWT with iss = sub = client id, aud, iat, exp = iat + 300 and a "
                  "fresh jti, signed HS256 with the secret; the secret itself is not sent.");
    } else if (mode == QLatin1String("privateKeyJwt")) {
        help = tr("private_key_jwt (RFC 7523): the same JWT signed with your private key (RS256, PS256, ES256 or "
                  "EdDSA by key type); the server holds the public key.");
    } else {
        help = tr("RFC 8705: client_id in the body; the client proves itself with the client certificate of the "
                  "TLS tab.");
    }
    m_clientAuthHelp->setText(help);
}

void EndpointEditor::updatePayloadRows()
{
    const bool hmac = m_jwsAlg->currentText() == QLatin1String("HS256");
    m_jwsForm->setRowVisible(m_jwsPrivateKeyRow, !hmac);
    m_jwsForm->setRowVisible(m_jwsSecret, hmac);
}

void EndpointEditor::showTokenDialog(const QJsonObject& exchange, const QString& result)
{
    if (!m_tokenDialog) {
        m_tokenDialog = new QDialog(this);
        m_tokenDialog->setObjectName(QStringLiteral("tokenExchangeDialog"));
        m_tokenDialog->setWindowTitle(tr("Token exchange"));
        auto* layout = new QVBoxLayout(m_tokenDialog);
        m_tokenResult = statusLabel(QStringLiteral("tokenResultLabel"), m_tokenDialog);
        m_tokenView = new TokenExchangeView(m_tokenDialog);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_tokenDialog);
        connect(buttons, &QDialogButtonBox::rejected, m_tokenDialog, &QDialog::reject);
        layout->addWidget(m_tokenResult);
        layout->addWidget(m_tokenView, 1);
        layout->addWidget(buttons);
        m_tokenDialog->resize(700, 760);
    }
    m_tokenResult->setText(result);
    if (exchange.isEmpty()) {
        m_tokenView->clear();
    } else {
        m_tokenView->setExchange(exchange);
    }
    m_tokenDialog->show();
    m_tokenDialog->raise();
}

void EndpointEditor::resolveForUse(const QStringList& refs,
                                   const QString& baseDir,
                                   QLabel* status,
                                   const std::function<void(const QString&)>& fail,
                                   const std::function<void(const SecretValues&)>& next)
{
    status->setText(tr("Reading secrets…"));
    auto* resolver = new SecretResolver(m_store, this);
    resolver->resolve(refs, baseDir, [resolver, fail, next](Result<SecretValues> secrets) {
        resolver->deleteLater();
        if (!secrets) {
            fail(secrets.error().toString());
            return;
        }
        next(secrets.value());
    });
}

void EndpointEditor::getToken()
{
    const auto fail = [this](const QString& message) {
        m_getToken->setEnabled(true);
        m_tokenStatus->setText(QStringLiteral("⚠ ") + message);
        emit tokenFinished(false);
    };
    if (!m_engine) {
        fail(tr("no delivery engine to fetch the token with"));
        return;
    }
    EndpointProfile p = profileForUse();
    // Only what the token request needs: an unset env: reference elsewhere must not stop it.
    QStringList refs;
    for (const QString* ref : {&p.auth.clientSecret, &p.auth.privateKey, &p.tls.clientKey, &p.tls.clientKeyPassword}) {
        if (!ref->isEmpty()) {
            refs << *ref;
        }
    }
    m_getToken->setEnabled(false);
    resolveForUse(refs, p.baseDir, m_tokenStatus, fail, [this, p, fail](const SecretValues& secrets) {
        auto request = TokenRequest::fromProfile(p, secrets);
        if (!request) {
            fail(request.error().toString());
            return;
        }
        if (!m_engine) {
            fail(tr("no delivery engine to fetch the token with"));
            return;
        }
        // "Get token" always asks the server; the token it gets is the one the next send uses.
        TokenProvider* tokens = m_engine->tokens();
        tokens->invalidate(request->cacheKey());
        m_tokenStatus->setText(tr("Requesting a token from %1…").arg(request->tokenUrl.toString()));
        tokens->token(request.value(), this, [this](const TokenOutcome& outcome) {
            m_getToken->setEnabled(true);
            QString result;
            if (outcome.ok()) {
                result =
                    tr("Token %1 (%2), valid until %3")
                        .arg(maskSecret(outcome.token->value),
                             outcome.token->tokenType.isEmpty() ? QStringLiteral("Bearer") : outcome.token->tokenType,
                             outcome.token->expiresAt.toUTC().toString(Qt::ISODate));
                if (!outcome.token->scope.isEmpty()) {
                    result += tr(", scope %1").arg(outcome.token->scope);
                }
            } else {
                result = QStringLiteral("⚠ ") + outcome.error.toString();
            }
            m_tokenStatus->setText(result);
            showTokenDialog(outcome.exchange, result);
            emit tokenFinished(outcome.ok());
        });
    });
}

void EndpointEditor::signIn()
{
    const auto fail = [this](const QString& message) {
        m_signIn->setEnabled(true);
        m_signInStatus->setText(QStringLiteral("⚠ ") + message);
        emit signInFinished(false);
    };
    if (!m_engine) {
        fail(tr("no delivery engine to sign in with"));
        return;
    }
    EndpointProfile p = profileForUse();
    QStringList refs;
    if (!p.auth.clientSecret.isEmpty()) {
        refs << p.auth.clientSecret;
    }
    m_signIn->setEnabled(false);
    resolveForUse(refs, p.baseDir, m_signInStatus, fail, [this, p, fail](const SecretValues& secrets) {
        auto config = AuthorizationCodeConfig::fromProfile(p, secrets);
        if (!config) {
            fail(config.error().toString());
            return;
        }
        if (!m_engine) {
            fail(tr("no delivery engine to sign in with"));
            return;
        }
        if (!m_codeFlow) {
            m_codeFlow = new AuthorizationCodeFlow(m_engine->network(), m_store, this);
        }
        m_codeFlow->setOpenUrl([this](const QUrl& url) {
            if (m_urlOpener) {
                m_urlOpener(url);
            } else if (!QDesktopServices::openUrl(url)) {
                m_signInStatus->setText(
                    tr("Could not open a browser; open this address yourself: %1").arg(url.toString()));
                return;
            }
            m_signInStatus->setText(tr("Waiting for you to sign in in the browser…"));
        });
        m_signInStatus->setText(tr("Opening the browser…"));
        m_codeFlow->signIn(config.value(), [this](Result<AccessToken> token) {
            m_signIn->setEnabled(true);
            if (!token) {
                m_signInStatus->setText(QStringLiteral("⚠ ") + token.error().toString());
                emit signInFinished(false);
                return;
            }
            m_signInStatus->setText(tr("Signed in: token %1, valid until %2; the refresh token is in the keychain.")
                                        .arg(maskSecret(token->value), token->expiresAt.toUTC().toString(Qt::ISODate)));
            emit signInFinished(true);
        });
    });
}

void EndpointEditor::fetchPin()
{
    const QUrl url(m_url->text().trimmed());
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        m_pinStatus->setText(tr("⚠ Fetch pin needs an https:// URL on the General tab"));
        emit pinFetched(false);
        return;
    }
    m_fetchPin->setEnabled(false);
    m_pinStatus->setText(tr("Connecting to %1…").arg(url.authority()));
    auto* socket = new QSslSocket(this);
    // Only the certificate's key is read; nothing is sent, so an untrusted certificate is fine here.
    socket->setPeerVerifyMode(QSslSocket::QueryPeer);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto finish = [this, socket](bool ok, const QString& text) {
        if (socket->property("done").toBool()) {
            return;
        }
        socket->setProperty("done", true);
        m_fetchPin->setEnabled(true);
        m_pinStatus->setText(text);
        m_addPin->setEnabled(ok);
        socket->abort();
        socket->deleteLater();
        emit pinFetched(ok);
    };
    connect(socket, &QSslSocket::encrypted, this, [this, socket, finish] {
        const QSslCertificate certificate = socket->peerCertificate();
        m_fetchedPin = Tls::publicKeyPin(certificate);
        if (m_fetchedPin.isEmpty()) {
            finish(false, tr("⚠ The server presented no certificate"));
            return;
        }
        finish(true, tr("Server key pin: %1\nfrom %2").arg(m_fetchedPin, Tls::describeCertificate(certificate)));
    });
    connect(socket, &QSslSocket::errorOccurred, this, [socket, finish] {
        finish(false, QStringLiteral("⚠ ") + socket->errorString());
    });
    connect(timer, &QTimer::timeout, this, [finish] { finish(false, tr("⚠ No TLS answer within 10 s")); });
    timer->start(10000);
    socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
}

Result<QString>
EndpointEditor::generateKey(KeyTarget target, const QString& keyType, const QString& folder, const QString& name)
{
    auto type = Tls::parseKeyType(keyType);
    if (!type) {
        return type.error();
    }
    if (target == KeyTarget::JwePublicKey && type.value() == Tls::KeyType::Ed25519) {
        return Error(tr("JWE encrypts to RSA or EC keys; choose rsa or ec"));
    }
    if (name.trimmed().isEmpty() || name.contains(QLatin1Char('/'))) {
        return Error(tr("Name: required, a file name without folders, e.g. hookbench-jws"));
    }
    if (!QDir().mkpath(folder)) {
        return Error(tr("Folder: cannot create %1").arg(folder));
    }
    auto key = Tls::generateKey(type.value());
    if (!key) {
        return key.error();
    }
    const QString keyPath = QDir(folder).absoluteFilePath(name.trimmed() + QStringLiteral(".key.pem"));
    const QString pubPath = QDir(folder).absoluteFilePath(name.trimmed() + QStringLiteral(".pub.pem"));
    if (auto written = Tls::writeFile(keyPath, key->privateKeyPem, true, false); !written) {
        return written.error();
    }
    if (auto written = Tls::writeFile(pubPath, key->publicKeyPem, false, false); !written) {
        return written.error();
    }
    const bool rsa = type.value() == Tls::KeyType::Rsa;
    const bool ec = type.value() == Tls::KeyType::Ec;
    switch (target) {
        case KeyTarget::JwsPrivateKey: {
            const QString alg = m_jwsAlg->currentText();
            if (rsa && alg != QLatin1String("RS256") && alg != QLatin1String("PS256")) {
                m_jwsAlg->setCurrentText(QStringLiteral("RS256"));
            } else if (ec) {
                m_jwsAlg->setCurrentText(QStringLiteral("ES256"));
            } else if (!rsa) {
                m_jwsAlg->setCurrentText(QStringLiteral("EdDSA"));
            }
            m_jwsPrivateKey->setText(QStringLiteral("file:") + keyPath);
            break;
        }
        case KeyTarget::JwePublicKey:
            if (ec) {
                m_jweAlg->setCurrentText(QStringLiteral("ECDH-ES+A256KW"));
            } else if (m_jweAlg->currentText().startsWith(QLatin1String("ECDH"))) {
                m_jweAlg->setCurrentText(QStringLiteral("RSA-OAEP-256"));
            }
            m_jwePublicKey->setText(QStringLiteral("file:") + pubPath);
            break;
        case KeyTarget::OAuthPrivateKey:
            m_oauthPrivateKey->setText(QStringLiteral("file:") + keyPath);
            break;
    }
    return tr("%1 key written to %2 (public key: %3)").arg(key->description, keyPath, pubPath);
}

void EndpointEditor::openGenerateKeyDialog(KeyTarget target)
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("generateKeyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Generate key"));
    auto* form = new QFormLayout(dialog);
    auto* type = new QComboBox(dialog);
    type->setObjectName(QStringLiteral("keyTypeComboBox"));
    type->addItem(tr("RSA 3072"), QStringLiteral("rsa"));
    type->addItem(tr("EC P-256"), QStringLiteral("ec"));
    if (target != KeyTarget::JwePublicKey) {
        type->addItem(tr("Ed25519"), QStringLiteral("ed25519"));
    }
    auto* folder = new QLineEdit(QDir(HistoryStore::dataDir()).filePath(QStringLiteral("keys")), dialog);
    folder->setObjectName(QStringLiteral("keyFolderLineEdit"));
    auto* browse = new QPushButton(tr("Browse…"), dialog);
    connect(browse, &QPushButton::clicked, dialog, [dialog, folder] {
        const QString chosen =
            QFileDialog::getExistingDirectory(dialog, tr("Folder for the key files"), folder->text());
        if (!chosen.isEmpty()) {
            folder->setText(chosen);
        }
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    const QString defaultName = target == KeyTarget::JwsPrivateKey  ? QStringLiteral("hookbench-jws")
                                : target == KeyTarget::JwePublicKey ? QStringLiteral("recipient")
                                                                    : QStringLiteral("oauth-client");
    auto* name = new QLineEdit(defaultName, dialog);
    name->setObjectName(QStringLiteral("keyNameLineEdit"));
    auto* error = errorLabel(QStringLiteral("generateKeyErrorLabel"), dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("generateKeyOkButton"));
    form->addRow(tr("Key type:"), type);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Name:"), name);
    form->addRow(helpLabel(target == KeyTarget::JwePublicKey
                               ? tr("Writes NAME.key.pem (the recipient's private key, for the receiver, readable "
                                    "by you only) and NAME.pub.pem, which this profile encrypts to.")
                               : tr("Writes NAME.key.pem (readable by you only), which this profile signs with, and "
                                    "NAME.pub.pem for the other side."),
                           dialog));
    form->addRow(error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, target, type, folder, name, error] {
        auto done = generateKey(target, type->currentData().toString(), folder->text().trimmed(), name->text());
        if (!done) {
            showErrors(error, {done.error().toString()});
            return;
        }
        emit keyGenerated(done.value());
        dialog->accept();
    });
    dialog->open();
}

void EndpointEditor::refreshPayloadPreview()
{
    const int generation = ++m_payloadGeneration;
    const auto show = [this](const QString& body, const QString& header, const QString& problem) {
        m_payloadBody->setPlainText(body);
        m_payloadHeader->setPlainText(header);
        showErrors(m_payloadError, problem.isEmpty() ? QStringList {} : QStringList {problem});
        emit payloadPreviewUpdated();
    };
    if (!m_jwsBox->isChecked() && !m_jweBox->isChecked()) {
        show(tr("Neither JWS nor JWE: the body is the event's JSON as it is."), QString(), QString());
        return;
    }
    if (!m_previewEvent) {
        show(QString(), QString(), tr("The event in the composer is not valid JSON: fix it to see the body."));
        return;
    }
    const EndpointProfile p = profileForUse();
    QStringList refs;
    if (p.jws) {
        for (const QString* ref : {&p.jws->privateKey, &p.jws->secret}) {
            if (!ref->isEmpty()) {
                refs << *ref;
            }
        }
    }
    auto* resolver = new SecretResolver(m_store, this);
    resolver->resolve(refs, p.baseDir, [this, resolver, generation, p, show](Result<SecretValues> secrets) {
        resolver->deleteLater();
        if (generation != m_payloadGeneration) {
            return;
        }
        if (!secrets) {
            show(QString(), QString(), secrets.error().toString());
            return;
        }
        auto body = RequestBuilder::buildBody(p, *m_previewEvent, secrets.value());
        if (!body) {
            show(QString(), QString(), body.error().toString());
            return;
        }
        const auto pretty = [](const QJsonObject& object) {
            return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
        };
        QString header;
        if (p.jwe) {
            auto peeked = Jwe::peekHeader(body.value());
            header = peeked ? tr("JWE protected header:\n%1\n(the content is encrypted to the recipient's key)")
                                  .arg(pretty(peeked.value()))
                            : peeked.error().toString();
        } else {
            auto parts = Jws::parseCompact(body.value());
            if (parts) {
                const QJsonObject payload = QJsonDocument::fromJson(parts->payload).object();
                header = tr("JWS header:\n%1\npayload:\n%2").arg(pretty(parts->header), pretty(payload));
            } else {
                header = parts.error().toString();
            }
        }
        show(QString::fromLatin1(body.value()), header, QString());
    });
}

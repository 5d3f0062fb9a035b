#include "ReceiverPanel.h"

#include "EndpointLibrary.h"
#include "ReceivedModel.h"
#include "SecretLineEdit.h"

#include "receiver/Receiver.h"
#include "secrets/SecretStore.h"
#include "util/Headers.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace {
enum SignatureColumn
{
    SchemeColumn,
    SecretsColumn,
    ToleranceColumn,
    HeaderColumn, // the three hmac-sha256 columns: their field sits in a holder, hidden for other schemes
    EncodingColumn,
    PrefixColumn,
    SignatureColumnCount
};

// The field of one signature row: the cell widget itself, or the field inside its holder.
template <typename T>
T* rowField(const QTableWidget* table, int row, int column)
{
    QWidget* cell = table->cellWidget(row, column);
    if (auto* direct = qobject_cast<T*>(cell)) {
        return direct;
    }
    return cell ? cell->findChild<T*>() : nullptr;
}

// The view shows every cell widget it lays out, so a field hidden per row needs a holder.
QWidget* holder(QWidget* field, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    return box;
}

// A spin box holds an int; a loaded value beyond its range is kept while the box stays at its end.
qint64 wideValue(const QSpinBox* box, qint64 loaded)
{
    return box->value() == box->maximum() && loaded > box->maximum() ? loaded : box->value();
}

bool validHeaderName(const QString& name)
{
    return Headers::validate(name.toUtf8(), QByteArrayLiteral("x"), QString()).ok();
}

bool validHeaderValue(const QString& value)
{
    return Headers::validate(QByteArrayLiteral("X"), value.toUtf8(), QString()).ok();
}

bool isHttpUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QSpinBox* spin(QWidget* parent, const QString& name, int min, int max, const QString& suffix = {})
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setSuffix(suffix);
    return box;
}

QLineEdit* line(QWidget* parent, const QString& name, const QString& placeholder = {})
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

SecretLineEdit* secret(QWidget* parent, const QString& name, const QString& placeholder = {})
{
    auto* edit = new SecretLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString htmlCheck(const QJsonObject& check)
{
    const bool ok = check.value(QLatin1String("ok")).toBool();
    const bool info = check.value(QLatin1String("informational")).toBool();
    const QString mark = info ? QStringLiteral("ℹ") : ok ? QStringLiteral("✓") : QStringLiteral("✗");
    const QString colour = info ? QStringLiteral("#455a64")
                           : ok ? QStringLiteral("#2e7d32")
                                : QStringLiteral("#c62828");
    return QStringLiteral("<p><span style=\"color:%1;font-weight:bold\">%2 %3</span><br>%4</p>")
        .arg(colour,
             mark,
             check.value(QLatin1String("check")).toString().toHtmlEscaped(),
             check.value(QLatin1String("detail")).toString().toHtmlEscaped());
}
} // namespace

ReceiverPanel::ReceiverPanel(ReceiverLibrary* library, SecretStore* store, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_store(store)
    , m_model(new ReceivedModel(this))
{
    if (auto opened = ReceivedStore::open(); opened) {
        m_receivedStore = std::move(opened).value();
        m_model->setStore(m_receivedStore.get());
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_nameLabel = new QLabel(this);
    m_nameLabel->setObjectName(QStringLiteral("receiverNameLabel"));
    QFont bold = m_nameLabel->font();
    bold.setBold(true);
    m_nameLabel->setFont(bold);

    m_formTabs = new QTabWidget(this);
    m_formTabs->setObjectName(QStringLiteral("receiverFormTabWidget"));
    m_formTabs->addTab(buildGeneralTab(), tr("General"));
    m_formTabs->addTab(buildTlsTab(), tr("TLS"));
    m_formTabs->addTab(buildVerifyTab(), tr("Verification"));
    m_formTabs->addTab(buildResponsesTab(), tr("Responses"));
    m_formTabs->addTab(buildTokenTab(), tr("Token endpoint"));
    m_formTabs->addTab(buildJwksTab(), tr("Key set (JWKS)"));
    m_formTabs->addTab(buildLimitsTab(), tr("Limits"));

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("receiverValidationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c62828"));

    auto* controls = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start"), this);
    m_startButton->setObjectName(QStringLiteral("receiverStartButton"));
    m_startButton->setToolTip(tr("Start or stop this receiver (Ctrl+R)"));
    connect(m_startButton, &QPushButton::clicked, this, [this] { toggle(); });
    auto* saveButton = new QPushButton(tr("Save receiver"), this);
    saveButton->setObjectName(QStringLiteral("saveReceiverButton"));
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("receiverUrlLineEdit"));
    m_url->setReadOnly(true);
    m_url->setPlaceholderText(tr("not running"));
    auto* copyUrl = new QToolButton(this);
    copyUrl->setObjectName(QStringLiteral("copyReceiverUrlButton"));
    copyUrl->setText(tr("Copy"));
    copyUrl->setToolTip(tr("Copy the receiver URL"));
    connect(copyUrl, &QToolButton::clicked, this, [this] {
        if (!m_url->text().isEmpty()) {
            QApplication::clipboard()->setText(m_url->text());
            emit message(tr("Receiver URL copied"));
        }
    });
    controls->addWidget(m_startButton);
    controls->addWidget(saveButton);
    controls->addWidget(new QLabel(tr("URL:"), this));
    controls->addWidget(m_url, 1);
    controls->addWidget(copyUrl);
    m_state = new QLabel(tr("Stopped"), this);
    m_state->setObjectName(QStringLiteral("receiverStateLabel"));
    m_fingerprint = new QLabel(this);
    m_fingerprint->setObjectName(QStringLiteral("receiverFingerprintLabel"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->hide();

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_nameLabel);
    topLayout->addWidget(m_formTabs, 1);
    topLayout->addWidget(m_validation);
    topLayout->addLayout(controls);
    topLayout->addWidget(m_state);
    topLayout->addWidget(m_fingerprint);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("receiverSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(buildLivePart());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({250, 550});
    layout->addWidget(splitter);

    setConfig(ReceiverConfig {});
    updateRunState();
}

ReceiverPanel::~ReceiverPanel()
{
    // The receiver writes into the store: stop it before the store goes.
    delete m_receiver;
    m_receiver = nullptr;
}

QWidget* ReceiverPanel::buildGeneralTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_listen = line(page, QStringLiteral("receiverListenLineEdit"), QStringLiteral("127.0.0.1:0"));
    m_listen->setToolTip(tr("host:port; port 0 picks a free port"));
    m_listenWarning = new QLabel(page);
    m_listenWarning->setObjectName(QStringLiteral("receiverListenWarningLabel"));
    m_listenWarning->setWordWrap(true);
    m_listenWarning->setText(tr("⚠ Not a loopback address: the receiver will be reachable from the network."));
    m_listenWarning->setStyleSheet(QStringLiteral("color: #b26a00"));
    m_listenWarning->hide();
    m_forwardTo = line(page, QStringLiteral("receiverForwardToLineEdit"), tr("optional: http://127.0.0.1:3000"));
    form->addRow(tr("&Listen:"), m_listen);
    form->addRow(QString(), m_listenWarning);
    form->addRow(tr("&Forward accepted to:"), m_forwardTo);
    connect(m_listen, &QLineEdit::textChanged, this, [this] { onEdited(); });
    connect(m_forwardTo, &QLineEdit::textChanged, this, [this] { onEdited(); });
    return page;
}

QWidget* ReceiverPanel::buildTlsTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_tls = new QCheckBox(tr("HTTPS"), page);
    m_tls->setObjectName(QStringLiteral("receiverTlsCheckBox"));
    m_selfSigned = new QCheckBox(tr("Make a self-signed certificate at start"), page);
    m_selfSigned->setObjectName(QStringLiteral("receiverSelfSignedCheckBox"));
    m_cert = line(page, QStringLiteral("receiverCertLineEdit"), QStringLiteral("file:server.pem"));
    m_key = secret(page, QStringLiteral("receiverKeyLineEdit"), QStringLiteral("file:server.key"));
    m_clientCa = line(page, QStringLiteral("receiverClientCaLineEdit"), QStringLiteral("file:ca.pem"));
    m_requireClientCert = new QCheckBox(tr("Require a client certificate (mutual TLS)"), page);
    m_requireClientCert->setObjectName(QStringLiteral("receiverRequireClientCertCheckBox"));
    form->addRow(m_tls);
    form->addRow(m_selfSigned);
    form->addRow(tr("Certificate:"), m_cert);
    form->addRow(tr("Key:"), m_key);
    form->addRow(tr("Client CA:"), m_clientCa);
    form->addRow(m_requireClientCert);
    for (QCheckBox* box : {m_tls, m_selfSigned, m_requireClientCert}) {
        connect(box, &QCheckBox::toggled, this, [this] { onEdited(); });
    }
    for (QLineEdit* edit : {m_cert, static_cast<QLineEdit*>(m_key), m_clientCa}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { onEdited(); });
    }
    return page;
}

QWidget* ReceiverPanel::buildVerifyTab()
{
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_authType = new QComboBox(page);
    m_authType->setObjectName(QStringLiteral("receiverAuthTypeComboBox"));
    m_authType->addItem(tr("None"), int(AuthType::None));
    m_authType->addItem(tr("Basic"), int(AuthType::Basic));
    m_authType->addItem(tr("Bearer token"), int(AuthType::Bearer));
    m_authType->addItem(tr("API key"), int(AuthType::ApiKey));
    m_authType->addItem(tr("Custom header"), int(AuthType::Header));
    m_authType->addItem(tr("OAuth 2.0 (tokens of this receiver's token endpoint)"), int(AuthType::OAuth2));
    m_authUsername = line(page, QStringLiteral("receiverAuthUsernameLineEdit"));
    m_authPassword = secret(page, QStringLiteral("receiverAuthPasswordLineEdit"), tr("value or env:/file:/keychain:"));
    m_authToken = secret(page, QStringLiteral("receiverAuthTokenLineEdit"), tr("value or env:/file:/keychain:"));
    m_authHeader = line(page, QStringLiteral("receiverAuthHeaderLineEdit"), QStringLiteral("X-Api-Key"));
    m_authValue = secret(page, QStringLiteral("receiverAuthValueLineEdit"), tr("value or env:/file:/keychain:"));
    m_authPrefix = line(page, QStringLiteral("receiverAuthPrefixLineEdit"), tr("optional, e.g. ApiKey "));
    m_authPrefix->setToolTip(tr("Written before the key in the header, e.g. ApiKey "));
    form->addRow(tr("&Authentication:"), m_authType);
    form->addRow(tr("Username:"), m_authUsername);
    form->addRow(tr("Password:"), m_authPassword);
    form->addRow(tr("Token:"), m_authToken);
    form->addRow(tr("Header:"), m_authHeader);
    form->addRow(tr("Value:"), m_authValue);
    form->addRow(tr("Prefix:"), m_authPrefix);

    m_signatures = new QTableWidget(0, SignatureColumnCount, page);
    m_signatures->setObjectName(QStringLiteral("receiverSignaturesTableWidget"));
    m_signatures->setHorizontalHeaderLabels({tr("Scheme"),
                                             tr("Secrets (comma-separated, for rotation)"),
                                             tr("Tolerance"),
                                             tr("Header (hmac-sha256)"),
                                             tr("Encoding"),
                                             tr("Prefix")});
    m_signatures->horizontalHeader()->setSectionResizeMode(SecretsColumn, QHeaderView::Stretch);
    m_signatures->horizontalHeaderItem(HeaderColumn)
        ->setToolTip(tr("hmac-sha256 only: where the signature is; empty means X-Webhook-Signature"));
    m_signatures->horizontalHeaderItem(EncodingColumn)->setToolTip(tr("hmac-sha256 only: hex or base64"));
    m_signatures->horizontalHeaderItem(PrefixColumn)
        ->setToolTip(tr("hmac-sha256 only: text before the signature in the header, e.g. sha256="));
    m_signatures->setColumnWidth(HeaderColumn, 170);
    m_signatures->setColumnWidth(PrefixColumn, 90);
    m_signatures->verticalHeader()->hide();
    m_signatures->setMinimumHeight(110);
    auto* sigButtons = new QHBoxLayout;
    auto* addSig = new QPushButton(tr("Add signature"), page);
    addSig->setObjectName(QStringLiteral("receiverAddSignatureButton"));
    connect(addSig, &QPushButton::clicked, this, [this] {
        addSignatureRow(SignatureVerifyConfig {});
        onEdited();
    });
    auto* removeSig = new QPushButton(tr("Remove"), page);
    removeSig->setObjectName(QStringLiteral("receiverRemoveSignatureButton"));
    connect(removeSig, &QPushButton::clicked, this, [this] {
        if (m_signatures->currentRow() >= 0) {
            m_signatures->removeRow(m_signatures->currentRow());
            onEdited();
        }
    });
    sigButtons->addWidget(addSig);
    sigButtons->addWidget(removeSig);
    sigButtons->addStretch();
    form->addRow(tr("Signatures:"), m_signatures);
    form->addRow(QString(), sigButtons);

    m_jwsPublicKey = line(page, QStringLiteral("receiverJwsPublicKeyLineEdit"), QStringLiteral("file:sender.pub.pem"));
    m_jwsSecret = secret(page, QStringLiteral("receiverJwsSecretLineEdit"), tr("HS256 secret"));
    m_jwsJwks = line(page, QStringLiteral("receiverJwsJwksLineEdit"), QStringLiteral("file:sender.jwks.json"));
    m_jwsJwks->setToolTip(tr("A JWKS file; the token's kid chooses the key"));
    m_jwsJwksUrl =
        line(page, QStringLiteral("receiverJwsJwksUrlLineEdit"), tr("optional: https://sender.example/jwks.json"));
    m_jwsJwksUrl->setToolTip(tr("Fetched at start, and again (at most once a minute) for an unknown kid"));
    m_jweKey = secret(page, QStringLiteral("receiverJweKeyLineEdit"), QStringLiteral("file:receiver.key"));
    m_dedupe = new QCheckBox(tr("Answer a repeated event id 200 and mark it duplicate"), page);
    m_dedupe->setObjectName(QStringLiteral("receiverDedupeCheckBox"));
    m_maxAge = spin(page, QStringLiteral("receiverMaxAgeSpinBox"), 0, std::numeric_limits<int>::max(), tr(" s"));
    m_maxAge->setSpecialValueText(tr("no age limit"));
    form->addRow(tr("JWS public key:"), m_jwsPublicKey);
    form->addRow(tr("JWS secret:"), m_jwsSecret);
    form->addRow(tr("JWS key set (JWKS file):"), m_jwsJwks);
    form->addRow(tr("JWS key set URL:"), m_jwsJwksUrl);
    form->addRow(tr("JWE private key:"), m_jweKey);
    form->addRow(tr("Dedupe:"), m_dedupe);
    form->addRow(tr("Max age:"), m_maxAge);

    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthFields();
        onEdited();
    });
    for (QLineEdit* edit : {m_authUsername,
                            static_cast<QLineEdit*>(m_authPassword),
                            static_cast<QLineEdit*>(m_authToken),
                            m_authHeader,
                            static_cast<QLineEdit*>(m_authValue),
                            m_authPrefix,
                            m_jwsPublicKey,
                            static_cast<QLineEdit*>(m_jwsSecret),
                            m_jwsJwks,
                            m_jwsJwksUrl,
                            static_cast<QLineEdit*>(m_jweKey)}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { onEdited(); });
    }
    connect(m_dedupe, &QCheckBox::toggled, this, [this] { onEdited(); });
    connect(m_maxAge, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    scroll->setWidget(page);
    return scroll;
}

void ReceiverPanel::addSignatureRow(const SignatureVerifyConfig& signature)
{
    const int row = m_signatures->rowCount();
    m_signatures->insertRow(row);
    auto* scheme = new QComboBox(m_signatures);
    for (SignatureScheme s : {SignatureScheme::HmacSha256,
                              SignatureScheme::GitHub,
                              SignatureScheme::Shopify,
                              SignatureScheme::StandardWebhooks,
                              SignatureScheme::Stripe,
                              SignatureScheme::Slack}) {
        scheme->addItem(SignatureConfig::schemeName(s), int(s));
    }
    scheme->setCurrentIndex(scheme->findData(int(signature.scheme)));
    auto* secrets = new SecretLineEdit(m_signatures);
    secrets->setText(signature.secrets.join(QStringLiteral(", ")));
    secrets->setPlaceholderText(tr("secret, or env:/file:/keychain: reference"));
    auto* tolerance = new QSpinBox(m_signatures);
    tolerance->setRange(0, 365 * 24 * 3600);
    tolerance->setSuffix(tr(" s"));
    tolerance->setValue(signature.toleranceSeconds);
    auto* header = new QLineEdit(m_signatures);
    header->setObjectName(QStringLiteral("receiverSignatureHeaderLineEdit"));
    header->setPlaceholderText(QStringLiteral("X-Webhook-Signature"));
    header->setText(signature.header);
    auto* encoding = new QComboBox(m_signatures);
    encoding->setObjectName(QStringLiteral("receiverSignatureEncodingComboBox"));
    encoding->addItem(QStringLiteral("hex"), int(SignatureConfig::Encoding::Hex));
    encoding->addItem(QStringLiteral("base64"), int(SignatureConfig::Encoding::Base64));
    encoding->setCurrentIndex(encoding->findData(int(signature.encoding)));
    auto* prefix = new QLineEdit(m_signatures);
    prefix->setObjectName(QStringLiteral("receiverSignaturePrefixLineEdit"));
    prefix->setPlaceholderText(tr("none"));
    prefix->setText(signature.prefix);
    m_signatures->setCellWidget(row, SchemeColumn, scheme);
    m_signatures->setCellWidget(row, SecretsColumn, secrets);
    m_signatures->setCellWidget(row, ToleranceColumn, tolerance);
    m_signatures->setCellWidget(row, HeaderColumn, holder(header, m_signatures));
    m_signatures->setCellWidget(row, EncodingColumn, holder(encoding, m_signatures));
    m_signatures->setCellWidget(row, PrefixColumn, holder(prefix, m_signatures));
    connect(scheme, &QComboBox::currentIndexChanged, this, [this] {
        updateSignatureFields();
        onEdited();
    });
    connect(secrets, &QLineEdit::textChanged, this, [this] { onEdited(); });
    connect(tolerance, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    connect(header, &QLineEdit::textChanged, this, [this] { onEdited(); });
    connect(encoding, &QComboBox::currentIndexChanged, this, [this] { onEdited(); });
    connect(prefix, &QLineEdit::textChanged, this, [this] { onEdited(); });
    updateSignatureFields();
}

void ReceiverPanel::updateSignatureFields()
{
    // Header, encoding and prefix exist for hmac-sha256 only, the tolerance for timestamped schemes.
    for (int row = 0; row < m_signatures->rowCount(); ++row) {
        const auto scheme =
            SignatureScheme(rowField<QComboBox>(m_signatures, row, SchemeColumn)->currentData().toInt());
        const bool hmac = scheme == SignatureScheme::HmacSha256;
        rowField<QLineEdit>(m_signatures, row, HeaderColumn)->setVisible(hmac);
        rowField<QComboBox>(m_signatures, row, EncodingColumn)->setVisible(hmac);
        rowField<QLineEdit>(m_signatures, row, PrefixColumn)->setVisible(hmac);
        rowField<QSpinBox>(m_signatures, row, ToleranceColumn)
            ->setEnabled(SignatureVerifyConfig::isTimestamped(scheme));
    }
}

QWidget* ReceiverPanel::buildResponsesTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_status = spin(page, QStringLiteral("receiverStatusSpinBox"), 100, 599);
    m_status->setValue(200);
    m_sequence = line(page, QStringLiteral("receiverStatusSequenceLineEdit"), QStringLiteral("500, 500, 200"));
    m_sequence->setToolTip(tr("The first accepted requests get these statuses in turn, then Status"));
    m_delay = spin(page, QStringLiteral("receiverDelaySpinBox"), 0, 600000, tr(" ms"));
    m_drop = new QCheckBox(tr("Drop: close the connection without answering"), page);
    m_drop->setObjectName(QStringLiteral("receiverDropCheckBox"));
    m_headers = new QPlainTextEdit(page);
    m_headers->setObjectName(QStringLiteral("receiverResponseHeadersTextEdit"));
    m_headers->setPlaceholderText(QStringLiteral("X-Request-Id: 42"));
    m_headers->setMaximumHeight(60);
    m_body = new QPlainTextEdit(page);
    m_body->setObjectName(QStringLiteral("receiverResponseBodyTextEdit"));
    m_body->setMaximumHeight(60);
    auto* note = new QLabel(tr("These apply to the running receiver as you edit them."), page);
    note->setWordWrap(true);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("Status se&quence:"), m_sequence);
    form->addRow(tr("&Delay:"), m_delay);
    form->addRow(m_drop);
    form->addRow(tr("Headers:"), m_headers);
    form->addRow(tr("Body:"), m_body);
    form->addRow(note);
    connect(m_status, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    connect(m_delay, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    connect(m_sequence, &QLineEdit::textChanged, this, [this] { onEdited(); });
    connect(m_drop, &QCheckBox::toggled, this, [this] { onEdited(); });
    connect(m_headers, &QPlainTextEdit::textChanged, this, [this] { onEdited(); });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] { onEdited(); });
    return page;
}

QWidget* ReceiverPanel::buildTokenTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_tokenEnabled = new QCheckBox(tr("Issue client-credentials tokens"), page);
    m_tokenEnabled->setObjectName(QStringLiteral("receiverTokenEnabledCheckBox"));
    m_tokenPath = line(page, QStringLiteral("receiverTokenPathLineEdit"), QStringLiteral("/oauth2/token"));
    m_tokenClientId = line(page, QStringLiteral("receiverTokenClientIdLineEdit"));
    m_tokenSecret = secret(page, QStringLiteral("receiverTokenSecretLineEdit"), tr("value or env:/file:/keychain:"));
    m_tokenClientAuth =
        line(page, QStringLiteral("receiverTokenClientAuthLineEdit"), QStringLiteral("basic, post, jwt"));
    m_tokenExpires = spin(page, QStringLiteral("receiverTokenExpiresSpinBox"), 1, 365 * 24 * 3600, tr(" s"));
    m_tokenExpires->setValue(3600);
    form->addRow(m_tokenEnabled);
    form->addRow(tr("Path:"), m_tokenPath);
    form->addRow(tr("Client id:"), m_tokenClientId);
    form->addRow(tr("Client secret:"), m_tokenSecret);
    form->addRow(tr("Client authentication:"), m_tokenClientAuth);
    form->addRow(tr("Tokens valid for:"), m_tokenExpires);
    connect(m_tokenEnabled, &QCheckBox::toggled, this, [this] { onEdited(); });
    for (QLineEdit* edit : {m_tokenPath, m_tokenClientId, static_cast<QLineEdit*>(m_tokenSecret), m_tokenClientAuth}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { onEdited(); });
    }
    connect(m_tokenExpires, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    return page;
}

QWidget* ReceiverPanel::buildJwksTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_jwksEnabled = new QCheckBox(tr("Serve a public key set (JWKS)"), page);
    m_jwksEnabled->setObjectName(QStringLiteral("receiverJwksEnabledCheckBox"));
    m_jwksPath = line(page, QStringLiteral("receiverJwksPathLineEdit"), QStringLiteral("/.well-known/jwks.json"));
    m_jwksServe = line(page, QStringLiteral("receiverJwksServeLineEdit"), tr("optional: file:keys.json"));
    m_jwksServe->setToolTip(tr("A JWKS file: only the public part of its keys is served"));
    m_jwksDecryptionKey = new QCheckBox(tr("Also serve the public part of the JWE private key"), page);
    m_jwksDecryptionKey->setObjectName(QStringLiteral("receiverJwksDecryptionKeyCheckBox"));
    m_jwksKid = line(page, QStringLiteral("receiverJwksKidLineEdit"), tr("default: the key's RFC 7638 thumbprint"));
    auto* note = new QLabel(tr("Senders fetch the receiver's encryption key here; another receiver's JWS key set "
                               "URL can point here too. Private parts and shared keys are never served."),
                            page);
    note->setWordWrap(true);
    form->addRow(m_jwksEnabled);
    form->addRow(tr("Path:"), m_jwksPath);
    form->addRow(tr("JWKS file:"), m_jwksServe);
    form->addRow(m_jwksDecryptionKey);
    form->addRow(tr("Decryption key id:"), m_jwksKid);
    form->addRow(note);
    for (QCheckBox* box : {m_jwksEnabled, m_jwksDecryptionKey}) {
        connect(box, &QCheckBox::toggled, this, [this] { onEdited(); });
    }
    for (QLineEdit* edit : {m_jwksPath, m_jwksServe, m_jwksKid}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { onEdited(); });
    }
    return page;
}

QWidget* ReceiverPanel::buildLimitsTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    // The ranges of the format, so a loaded value is shown as it is.
    constexpr int most = std::numeric_limits<int>::max();
    m_maxBody = spin(page, QStringLiteral("receiverMaxBodySpinBox"), 1, most, tr(" bytes"));
    m_maxHeader = spin(page, QStringLiteral("receiverMaxHeaderSpinBox"), 1, most, tr(" bytes"));
    m_headerTimeout = spin(page, QStringLiteral("receiverHeaderTimeoutSpinBox"), 1, most, tr(" ms"));
    m_maxConnections = spin(page, QStringLiteral("receiverMaxConnectionsSpinBox"), 1, most);
    form->addRow(tr("Max body:"), m_maxBody);
    form->addRow(tr("Max headers:"), m_maxHeader);
    form->addRow(tr("Header timeout:"), m_headerTimeout);
    form->addRow(tr("Max connections:"), m_maxConnections);
    for (QSpinBox* box : {m_maxBody, m_maxHeader, m_headerTimeout, m_maxConnections}) {
        connect(box, &QSpinBox::valueChanged, this, [this] { onEdited(); });
    }
    return page;
}

QWidget* ReceiverPanel::buildLivePart()
{
    auto* live = new QSplitter(Qt::Vertical);
    m_table = new QTableView(live);
    m_table->setObjectName(QStringLiteral("receivedTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so a fast stream stays cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ReceivedModel::Time, 100);
    m_table->setColumnWidth(ReceivedModel::Method, 60);
    m_table->setColumnWidth(ReceivedModel::Path, 140);
    m_table->setColumnWidth(ReceivedModel::Verdict, 80);
    m_table->setColumnWidth(ReceivedModel::Status, 50);
    m_table->setColumnWidth(ReceivedModel::Checks, 260);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });

    auto* details = new QWidget(live);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto* tabs = new QTabWidget(details);
    tabs->setObjectName(QStringLiteral("receivedDetailTabWidget"));
    m_checks = new QTextBrowser(tabs);
    m_checks->setObjectName(QStringLiteral("receivedChecksBrowser"));
    m_raw = new QPlainTextEdit(tabs);
    m_raw->setObjectName(QStringLiteral("receivedRawTextEdit"));
    m_payload = new QPlainTextEdit(tabs);
    m_payload->setObjectName(QStringLiteral("receivedPayloadTextEdit"));
    m_certificate = new QPlainTextEdit(tabs);
    m_certificate->setObjectName(QStringLiteral("receivedCertificateTextEdit"));
    for (QPlainTextEdit* edit : {m_raw, m_payload, m_certificate}) {
        edit->setReadOnly(true);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    tabs->addTab(m_checks, tr("Checks"));
    tabs->addTab(m_raw, tr("Request"));
    tabs->addTab(m_payload, tr("Payload"));
    tabs->addTab(m_certificate, tr("Client certificate"));
    auto* buttons = new QHBoxLayout;
    m_replayButton = new QPushButton(tr("Replay to endpoint…"), details);
    m_replayButton->setObjectName(QStringLiteral("replayButton"));
    connect(m_replayButton, &QPushButton::clicked, this, [this] {
        if (auto record = m_model->record(selectedSeq())) {
            emit replayRequested(*record);
        }
    });
    m_curlButton = new QPushButton(tr("Copy as curl"), details);
    m_curlButton->setObjectName(QStringLiteral("copyReceivedCurlButton"));
    connect(m_curlButton, &QPushButton::clicked, this, [this] {
        const QString curl = curlCommand();
        if (curl.isEmpty()) {
            return;
        }
        auto* mime = new QMimeData;
        mime->setText(curl);
        mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
        QApplication::clipboard()->setMimeData(mime);
        emit message(tr("curl command copied (secrets masked)"));
    });
    buttons->addStretch();
    buttons->addWidget(m_replayButton);
    buttons->addWidget(m_curlButton);
    detailsLayout->addWidget(tabs, 1);
    detailsLayout->addLayout(buttons);
    live->addWidget(m_table);
    live->addWidget(details);
    live->setStretchFactor(0, 1);
    live->setStretchFactor(1, 1);
    showSelected();
    return live;
}

void ReceiverPanel::updateAuthFields()
{
    const auto type = AuthType(m_authType->currentData().toInt());
    auto* form = qobject_cast<QFormLayout*>(m_authUsername->parentWidget()->layout());
    const auto show = [form](QWidget* field, bool visible) {
        if (form) {
            form->setRowVisible(field, visible);
        }
    };
    show(m_authUsername, type == AuthType::Basic);
    show(m_authPassword, type == AuthType::Basic);
    show(m_authToken, type == AuthType::Bearer);
    // Basic and Bearer may expect their value in another header than Authorization.
    show(m_authHeader,
         type == AuthType::ApiKey || type == AuthType::Header || type == AuthType::Basic || type == AuthType::Bearer);
    show(m_authValue, type == AuthType::ApiKey || type == AuthType::Header);
    show(m_authPrefix, type == AuthType::ApiKey);
    m_authHeader->setPlaceholderText(type == AuthType::Basic || type == AuthType::Bearer ? tr("optional: Authorization")
                                                                                         : QStringLiteral("X-Api-Key"));
}

void ReceiverPanel::showReceiver(const QString& id)
{
    const ReceiverEntry* entry = m_library ? m_library->find(id) : nullptr;
    if (!entry) {
        return;
    }
    m_currentId = id;
    m_nameLabel->setText(id);
    setConfig(entry->config);
    updateRunState();
}

void ReceiverPanel::receiverRenamed(const QString& from, const QString& to)
{
    if (m_currentId == from) {
        m_currentId = to; // unsaved edits in the form stay, and save under the new name
        m_nameLabel->setText(to);
    }
    if (m_runningId == from) {
        m_runningId = to;
    }
    updateRunState();
}

void ReceiverPanel::receiverRemoved(const QString& id)
{
    if (m_runningId == id) {
        stop();
    }
    if (m_currentId == id) {
        // Saving the form now would bring the file back under its old name: start afresh.
        m_currentId.clear();
        m_nameLabel->clear();
        setConfig(ReceiverConfig {});
    }
    updateRunState();
}

void ReceiverPanel::setConfig(const ReceiverConfig& config)
{
    m_loading = true;
    m_base = config;
    m_listen->setText(config.listenString());
    m_forwardTo->setText(config.forwardTo.toString());
    m_tls->setChecked(config.tls.has_value());
    const ReceiverTlsConfig tls = config.tls.value_or(ReceiverTlsConfig {});
    m_selfSigned->setChecked(tls.selfSigned);
    m_cert->setText(tls.cert);
    m_key->setText(tls.key);
    m_clientCa->setText(tls.clientCa);
    m_requireClientCert->setChecked(tls.requireClientCert);
    const AuthConfig& auth = config.verify.auth;
    m_authType->setCurrentIndex(std::max(0, m_authType->findData(int(auth.type))));
    m_authUsername->setText(auth.username);
    m_authPassword->setText(auth.password);
    m_authToken->setText(auth.token);
    m_authHeader->setText(auth.headerName);
    m_authValue->setText(auth.value);
    m_authPrefix->setText(auth.prefix);
    m_signatures->setRowCount(0);
    for (const SignatureVerifyConfig& signature : config.verify.signatures) {
        addSignatureRow(signature);
    }
    m_jwsPublicKey->setText(config.verify.jws ? config.verify.jws->publicKey : QString());
    m_jwsSecret->setText(config.verify.jws ? config.verify.jws->secret : QString());
    m_jwsJwks->setText(config.verify.jws ? config.verify.jws->jwks : QString());
    m_jwsJwksUrl->setText(config.verify.jws ? config.verify.jws->jwksUrl : QString());
    m_jweKey->setText(config.verify.jwe ? config.verify.jwe->privateKey : QString());
    m_dedupe->setChecked(config.verify.dedupe);
    m_maxAge->setValue(int(std::min<qint64>(config.verify.maxAgeSeconds, m_maxAge->maximum())));
    const ResponseConfig& response = config.response;
    m_status->setValue(response.status);
    QStringList sequence;
    for (int status : response.statusSequence) {
        sequence << QString::number(status);
    }
    m_sequence->setText(sequence.join(QStringLiteral(", ")));
    m_delay->setValue(response.delayMs);
    m_drop->setChecked(response.drop);
    QStringList headers;
    for (const auto& [name, value] : response.headers) {
        headers << name + QStringLiteral(": ") + value;
    }
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));
    m_body->setPlainText(response.body);
    m_tokenEnabled->setChecked(config.tokenEndpoint.has_value());
    const TokenEndpointConfig token = config.tokenEndpoint.value_or(TokenEndpointConfig {});
    m_tokenPath->setText(token.path);
    m_tokenClientId->setText(token.clientId);
    m_tokenSecret->setText(token.clientSecret);
    m_tokenClientAuth->setText(token.clientAuth.join(QStringLiteral(", ")));
    m_tokenExpires->setValue(token.expiresIn);
    m_jwksEnabled->setChecked(config.jwks.has_value());
    const JwksServeConfig jwks = config.jwks.value_or(JwksServeConfig {});
    m_jwksPath->setText(jwks.path);
    m_jwksServe->setText(jwks.serve);
    m_jwksDecryptionKey->setChecked(jwks.decryptionKey);
    m_jwksKid->setText(jwks.kid);
    m_maxBody->setValue(int(std::min<qint64>(config.limits.maxBodyBytes, m_maxBody->maximum())));
    m_maxHeader->setValue(config.limits.maxHeaderBytes);
    m_headerTimeout->setValue(config.limits.headerTimeoutMs);
    m_maxConnections->setValue(config.limits.maxConnections);
    m_loading = false;
    updateAuthFields();
    onEdited();
}

std::optional<ResponseConfig> ReceiverPanel::responseFromForm(QStringList* errors) const
{
    ResponseConfig response = m_base.response;
    bool ok = true;
    response.status = m_status->value();
    response.delayMs = m_delay->value();
    response.drop = m_drop->isChecked();
    response.statusSequence.clear();
    for (const QString& part : m_sequence->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool number = false;
        const int status = part.trimmed().toInt(&number);
        if (!number || status < 100 || status > 599) {
            errors->append(tr("Status sequence: \"%1\" is not an HTTP status (100–599); write e.g. 500, 500, 200")
                               .arg(part.trimmed()));
            ok = false;
            break;
        }
        response.statusSequence.append(status);
    }
    response.headers.clear();
    for (const QString& lineText : m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = lineText.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            errors->append(tr("Response headers: \"%1\" needs the form Name: value").arg(lineText.trimmed()));
            ok = false;
            break;
        }
        response.headers.append({lineText.left(colon).trimmed(), lineText.mid(colon + 1).trimmed()});
    }
    response.body = m_body->toPlainText();
    return ok ? std::optional<ResponseConfig>(response) : std::nullopt;
}

ReceiverConfig ReceiverPanel::config() const
{
    ReceiverConfig config = m_base;
    if (auto listen = ReceiverConfig::parseListen(m_listen->text().trimmed()); listen) {
        config.listenAddress = listen.value().first;
        config.listenPort = listen.value().second;
    }
    config.forwardTo = QUrl(m_forwardTo->text().trimmed());
    if (m_tls->isChecked()) {
        ReceiverTlsConfig tls;
        tls.selfSigned = m_selfSigned->isChecked();
        tls.cert = tls.selfSigned ? QString() : m_cert->text().trimmed();
        tls.key = tls.selfSigned ? QString() : m_key->text().trimmed();
        tls.clientCa = m_clientCa->text().trimmed();
        tls.requireClientCert = m_requireClientCert->isChecked();
        config.tls = tls;
    } else {
        config.tls.reset();
    }
    AuthConfig& auth = config.verify.auth;
    auth = AuthConfig {};
    auth.type = AuthType(m_authType->currentData().toInt());
    switch (auth.type) {
        case AuthType::Basic:
            auth.username = m_authUsername->text();
            auth.password = m_authPassword->text();
            auth.headerName = m_authHeader->text().trimmed();
            break;
        case AuthType::Bearer:
            auth.token = m_authToken->text();
            auth.headerName = m_authHeader->text().trimmed();
            break;
        case AuthType::ApiKey:
            auth.headerName = m_authHeader->text().trimmed();
            auth.value = m_authValue->text();
            auth.prefix = m_authPrefix->text();
            break;
        case AuthType::Header:
            auth.headerName = m_authHeader->text().trimmed();
            auth.value = m_authValue->text();
            break;
        default:
            break;
    }
    config.verify.signatures.clear();
    for (int row = 0; row < m_signatures->rowCount(); ++row) {
        SignatureVerifyConfig signature;
        signature.scheme = SignatureScheme(rowField<QComboBox>(m_signatures, row, SchemeColumn)->currentData().toInt());
        const QString secrets = rowField<QLineEdit>(m_signatures, row, SecretsColumn)->text();
        for (const QString& part : secrets.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            signature.secrets << part.trimmed();
        }
        signature.toleranceSeconds = rowField<QSpinBox>(m_signatures, row, ToleranceColumn)->value();
        if (signature.scheme == SignatureScheme::HmacSha256) {
            signature.header = rowField<QLineEdit>(m_signatures, row, HeaderColumn)->text().trimmed();
            signature.encoding = SignatureConfig::Encoding(
                rowField<QComboBox>(m_signatures, row, EncodingColumn)->currentData().toInt());
            signature.prefix = rowField<QLineEdit>(m_signatures, row, PrefixColumn)->text();
        }
        config.verify.signatures.append(signature);
    }
    JwsVerifyConfig jws;
    jws.publicKey = m_jwsPublicKey->text().trimmed();
    jws.secret = m_jwsSecret->text();
    jws.jwks = m_jwsJwks->text().trimmed();
    jws.jwksUrl = m_jwsJwksUrl->text().trimmed();
    if (jws != JwsVerifyConfig {}) {
        config.verify.jws = jws;
    } else {
        config.verify.jws.reset();
    }
    if (!m_jweKey->text().trimmed().isEmpty()) {
        config.verify.jwe = JweVerifyConfig {m_jweKey->text().trimmed()};
    } else {
        config.verify.jwe.reset();
    }
    config.verify.dedupe = m_dedupe->isChecked();
    config.verify.maxAgeSeconds = wideValue(m_maxAge, m_base.verify.maxAgeSeconds);
    QStringList ignored;
    if (auto response = responseFromForm(&ignored)) {
        config.response = *response;
    }
    if (m_tokenEnabled->isChecked()) {
        TokenEndpointConfig token;
        token.path = m_tokenPath->text().trimmed();
        token.clientId = m_tokenClientId->text().trimmed();
        token.clientSecret = m_tokenSecret->text();
        token.clientAuth.clear();
        for (const QString& part : m_tokenClientAuth->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            token.clientAuth << part.trimmed();
        }
        token.expiresIn = m_tokenExpires->value();
        config.tokenEndpoint = token;
    } else {
        config.tokenEndpoint.reset();
    }
    if (m_jwksEnabled->isChecked()) {
        JwksServeConfig jwks;
        jwks.path = m_jwksPath->text().trimmed();
        jwks.serve = m_jwksServe->text().trimmed();
        jwks.decryptionKey = m_jwksDecryptionKey->isChecked();
        jwks.kid = jwks.decryptionKey ? m_jwksKid->text().trimmed() : QString();
        config.jwks = jwks;
    } else {
        config.jwks.reset();
    }
    config.limits.maxBodyBytes = wideValue(m_maxBody, m_base.limits.maxBodyBytes);
    config.limits.maxHeaderBytes = m_maxHeader->value();
    config.limits.headerTimeoutMs = m_headerTimeout->value();
    config.limits.maxConnections = m_maxConnections->value();
    return config;
}

QStringList ReceiverPanel::validationErrors() const
{
    QStringList errors;
    auto listen = ReceiverConfig::parseListen(m_listen->text().trimmed());
    if (!listen) {
        errors << tr("Listen: %1").arg(listen.error().message);
    }
    const QUrl forward(m_forwardTo->text().trimmed());
    if (!m_forwardTo->text().trimmed().isEmpty()
        && (!forward.isValid()
            || (forward.scheme() != QLatin1String("http") && forward.scheme() != QLatin1String("https")))) {
        errors << tr("Forward to: give an http:// or https:// URL");
    }
    if (m_tls->isChecked() && !m_selfSigned->isChecked()
        && (m_cert->text().trimmed().isEmpty() || m_key->text().trimmed().isEmpty())) {
        errors << tr("TLS: give a certificate and a key, or check \"self-signed\"");
    }
    if (m_requireClientCert->isChecked() && (!m_tls->isChecked() || m_clientCa->text().trimmed().isEmpty())) {
        errors << tr("TLS: requiring a client certificate needs HTTPS and a client CA");
    }
    const auto type = AuthType(m_authType->currentData().toInt());
    if (type == AuthType::Basic && (m_authUsername->text().isEmpty() || m_authPassword->text().isEmpty())) {
        errors << tr("Authentication: Basic needs a username and a password");
    }
    if (type == AuthType::Bearer && m_authToken->text().isEmpty()) {
        errors << tr("Authentication: give the token to expect");
    }
    if ((type == AuthType::ApiKey || type == AuthType::Header) && m_authValue->text().isEmpty()) {
        errors << tr("Authentication: give the value to expect");
    }
    if ((type == AuthType::Header || type == AuthType::ApiKey) && m_authHeader->text().trimmed().isEmpty()) {
        errors << tr("Authentication: a custom header needs its name");
    }
    if (type != AuthType::None && type != AuthType::OAuth2 && !m_authHeader->text().trimmed().isEmpty()
        && !validHeaderName(m_authHeader->text().trimmed())) {
        errors << tr("Authentication: \"%1\" is not a header name; use letters, digits and -, such as X-Api-Key")
                      .arg(m_authHeader->text().trimmed());
    }
    if (type == AuthType::ApiKey && !validHeaderValue(m_authPrefix->text())) {
        errors << tr("Authentication: the prefix cannot hold line breaks or NUL characters");
    }
    if (type == AuthType::OAuth2 && !m_tokenEnabled->isChecked()) {
        errors << tr("Authentication: OAuth 2.0 accepts only this receiver's tokens; turn on the token endpoint");
    }
    for (int row = 0; row < m_signatures->rowCount(); ++row) {
        if (rowField<QLineEdit>(m_signatures, row, SecretsColumn)->text().trimmed().isEmpty()) {
            errors << tr("Signatures, row %1: give at least one secret").arg(row + 1);
        }
        if (SignatureScheme(rowField<QComboBox>(m_signatures, row, SchemeColumn)->currentData().toInt())
            != SignatureScheme::HmacSha256) {
            continue;
        }
        const QString header = rowField<QLineEdit>(m_signatures, row, HeaderColumn)->text().trimmed();
        if (!header.isEmpty() && !validHeaderName(header)) {
            errors << tr("Signatures, row %1: \"%2\" is not a header name; use letters, digits and -, such as "
                         "X-Webhook-Signature (or leave it empty for that default)")
                          .arg(row + 1)
                          .arg(header);
        }
        if (!validHeaderValue(rowField<QLineEdit>(m_signatures, row, PrefixColumn)->text())) {
            errors << tr("Signatures, row %1: the prefix cannot hold line breaks or NUL characters").arg(row + 1);
        }
    }
    const QString jwksUrl = m_jwsJwksUrl->text().trimmed();
    if (!jwksUrl.isEmpty() && !isHttpUrl(jwksUrl)) {
        errors << tr("JWS key set URL: give an absolute http:// or https:// URL, such as "
                     "https://sender.example/jwks.json");
    }
    if (m_jwksEnabled->isChecked()) {
        const QString path = m_jwksPath->text().trimmed();
        if (!path.startsWith(QLatin1Char('/'))) {
            errors << tr("Key set: the path starts with /, such as /.well-known/jwks.json");
        } else if (m_tokenEnabled->isChecked() && path == m_tokenPath->text().trimmed()) {
            errors << tr("Key set: the path is the token endpoint's path too; give each its own path");
        }
        if (m_jwksServe->text().trimmed().isEmpty() && !m_jwksDecryptionKey->isChecked()) {
            errors << tr("Key set: give a JWKS file to serve (file:keys.json), or check \"Also serve the public part "
                         "of the JWE private key\"");
        }
        if (m_jwksDecryptionKey->isChecked() && m_jweKey->text().trimmed().isEmpty()) {
            errors << tr("Key set: serving the decryption key needs a JWE private key (Verification tab)");
        }
    }
    if (m_tokenEnabled->isChecked()) {
        if (!m_tokenPath->text().startsWith(QLatin1Char('/'))) {
            errors << tr("Token endpoint: the path starts with /");
        }
        if (m_tokenClientId->text().trimmed().isEmpty() || m_tokenSecret->text().isEmpty()) {
            errors << tr("Token endpoint: give a client id and a client secret");
        }
        for (const QString& part : m_tokenClientAuth->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString method = part.trimmed();
            if (method != QLatin1String("basic") && method != QLatin1String("post") && method != QLatin1String("jwt")) {
                errors << tr("Token endpoint: client authentication \"%1\" is not one of basic, post, jwt").arg(method);
            }
        }
    }
    (void)responseFromForm(&errors);
    return errors;
}

void ReceiverPanel::onEdited()
{
    if (m_loading) {
        return;
    }
    const QStringList errors = validationErrors();
    m_validation->setText(errors.join(QLatin1Char('\n')));
    m_validation->setVisible(!errors.isEmpty());
    auto listen = ReceiverConfig::parseListen(m_listen->text().trimmed());
    m_listenWarning->setVisible(listen && !listen.value().first.isLoopback());
    for (QLineEdit* edit : {m_cert, static_cast<QLineEdit*>(m_key)}) {
        edit->setEnabled(!m_selfSigned->isChecked());
    }
    for (QWidget* field : std::initializer_list<QWidget*> {m_jwksPath, m_jwksServe, m_jwksDecryptionKey}) {
        field->setEnabled(m_jwksEnabled->isChecked());
    }
    m_jwksKid->setEnabled(m_jwksEnabled->isChecked() && m_jwksDecryptionKey->isChecked());
    // Answers and fault injection go to the running receiver at once; anything else is said to
    // need a restart.
    if (isRunning() && m_runningId == m_currentId) {
        QStringList responseErrors;
        if (auto response = responseFromForm(&responseErrors)) {
            if (*response != m_receiver->config().response) {
                m_receiver->setResponse(*response);
                m_state->setText(tr("Running; answers changed: status %1%2%3%4")
                                     .arg(response->status)
                                     .arg(response->statusSequence.isEmpty()
                                              ? QString()
                                              : tr(", sequence %1").arg(m_sequence->text()))
                                     .arg(response->delayMs ? tr(", delay %1 ms").arg(response->delayMs) : QString())
                                     .arg(response->drop ? tr(", dropping connections") : QString()));
            }
        }
        const bool restartNeeded = errors.isEmpty() && formWithoutResponse() != m_startedForm;
        if (restartNeeded) {
            m_state->setText(tr("Running: %1 — changes outside Responses apply after Stop and Start")
                                 .arg(m_runningId.isEmpty() ? tr("unsaved receiver") : m_runningId));
        } else if (m_restartNoted) {
            updateRunState(); // edited back to what runs
        }
        m_restartNoted = restartNeeded;
    }
}

QJsonObject ReceiverPanel::formWithoutResponse() const
{
    QJsonObject form = config().toJson();
    form.remove(QStringLiteral("response"));
    return form;
}

void ReceiverPanel::save(std::function<void(bool)> done)
{
    const QStringList errors = validationErrors();
    if (!errors.isEmpty() || !m_library) {
        emit message(tr("Not saved: %1").arg(errors.value(0, tr("no receiver library"))));
        if (done) {
            done(false);
        }
        return;
    }
    if (m_currentId.isEmpty()) {
        m_currentId = m_library->uniqueId(tr("Receiver"));
        m_nameLabel->setText(m_currentId);
    }
    ReceiverEntry entry {m_currentId, config()};
    if (entry.config.baseDir.isEmpty()) {
        entry.config.baseDir = m_library->folder();
    }
    const QString id = m_currentId;
    m_library->save(entry, [this, id, done = std::move(done)](Result<void> saved) {
        if (!saved) {
            emit message(tr("Not saved: %1").arg(saved.error().message));
        } else {
            if (id == m_currentId) {
                showReceiver(id); // typed secrets are keychain: references now
            }
            emit message(tr("Receiver saved"));
        }
        if (done) {
            done(saved.ok());
        }
    });
}

bool ReceiverPanel::isRunning() const
{
    return m_receiver && m_receiver->isListening();
}

QString ReceiverPanel::url() const
{
    return isRunning() ? m_receiver->url() : QString();
}

void ReceiverPanel::toggle()
{
    if (isRunning() && m_runningId == m_currentId) {
        stop();
    } else {
        start();
    }
}

void ReceiverPanel::start(std::function<void(Result<void>)> done)
{
    const QStringList errors = validationErrors();
    if (!errors.isEmpty()) {
        m_state->setText(tr("Not started: %1").arg(errors.first()));
        if (done) {
            done(Error(errors.first()));
        }
        return;
    }
    stop();
    ReceiverConfig config = this->config();
    if (config.baseDir.isEmpty() && m_library) {
        config.baseDir = m_library->folder();
    }
    // Values typed and not saved yet are used as they are for this run; nothing is written.
    for (const auto& field : ReceiverLibrary::secretFields(config)) {
        if (!field.second->isEmpty() && !EndpointLibrary::isReference(*field.second)) {
            *field.second = QStringLiteral("literal:") + *field.second;
        }
    }
    m_receiver = new Receiver(this);
    if (m_receivedStore) {
        m_receiver->setStore(m_receivedStore.get());
    }
    connect(m_receiver, &Receiver::requestProcessed, this, [this](const ReceivedRecord& record) {
        m_model->add(record);
        emit processed(record);
    });
    connect(m_receiver, &Receiver::storeFailed, this, [this](const QString& text) {
        m_state->setText(tr("Could not store requests (answered 503): %1").arg(text));
    });
    m_runningId = m_currentId;
    m_startedForm = formWithoutResponse();
    m_restartNoted = false;
    m_state->setText(tr("Starting…"));
    QPointer<Receiver> receiver = m_receiver;
    m_receiver->resolveAndStart(config, m_store, [this, receiver, done = std::move(done)](Result<void> started) {
        if (!receiver || receiver != m_receiver) {
            return;
        }
        if (!started) {
            m_state->setText(tr("Not started: %1").arg(started.error().toString()));
            m_receiver->deleteLater();
            m_receiver = nullptr;
            m_runningId.clear();
        }
        updateRunState();
        emit runningChanged(isRunning());
        if (done) {
            done(started);
        }
    });
}

void ReceiverPanel::stop()
{
    if (!m_receiver) {
        return;
    }
    const bool was = m_receiver->isListening();
    m_receiver->stop();
    m_model->flushPending();
    // Stopped receivers go later: answers handed to connections are still being written.
    m_receiver->deleteLater();
    m_receiver = nullptr;
    m_runningId.clear();
    updateRunState();
    if (was) {
        emit runningChanged(false);
    }
}

void ReceiverPanel::updateRunState()
{
    const bool running = isRunning();
    const bool shownRuns = running && m_runningId == m_currentId;
    m_startButton->setText(shownRuns ? tr("Stop") : tr("Start"));
    m_url->setText(running ? m_receiver->url() : QString());
    const QString fingerprint = running ? m_receiver->selfSignedFingerprint() : QString();
    m_fingerprint->setText(tr("Certificate SHA-256: %1").arg(fingerprint));
    m_fingerprint->setVisible(!fingerprint.isEmpty());
    if (running) {
        QString state = tr("Running: %1").arg(m_runningId.isEmpty() ? tr("unsaved receiver") : m_runningId);
        if (!m_receiver->tokenUrl().isEmpty()) {
            state += tr("; token endpoint %1").arg(m_receiver->tokenUrl());
        }
        if (!m_receiver->address().isLoopback()) {
            state += tr(" — reachable from the network");
        }
        m_state->setText(state);
    } else if (!m_state->text().startsWith(tr("Not started"))) {
        m_state->setText(tr("Stopped"));
    }
}

qint64 ReceiverPanel::selectedSeq() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->seqAt(current.row()) : 0;
}

void ReceiverPanel::selectRow(int row)
{
    m_model->flushPending();
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    showSelected();
}

void ReceiverPanel::showSelected()
{
    const std::optional<ReceivedRecord> record = m_model->record(selectedSeq());
    m_replayButton->setEnabled(record.has_value());
    m_curlButton->setEnabled(record.has_value());
    if (!record) {
        m_checks->setHtml(tr("<p>Select a request to see its checks explained.</p>"));
        m_raw->clear();
        m_payload->clear();
        m_certificate->clear();
        return;
    }
    QString html =
        QStringLiteral("<p><b>%1</b> — %2 %3, answered %4%5</p>")
            .arg(record->verdict.toHtmlEscaped(), record->method.toHtmlEscaped(), record->path.toHtmlEscaped())
            .arg(record->status)
            .arg(record->duplicate ? tr(" (duplicate of an event already seen)") : QString());
    if (record->checks.isEmpty()) {
        html += tr("<p>This receiver checks nothing: every request is accepted.</p>");
    }
    for (const auto& value : record->checks) {
        html += htmlCheck(value.toObject());
    }
    m_checks->setHtml(html);

    QByteArray raw = record->method.toUtf8() + ' ' + record->path.toUtf8();
    if (!record->query.isEmpty()) {
        raw += '?' + record->query.toUtf8();
    }
    raw += " HTTP/1.1\n";
    for (const auto& [name, value] : record->headers) {
        raw += name + ": " + value + '\n';
    }
    raw += '\n' + record->body;
    m_raw->setPlainText(QString::fromUtf8(raw));

    QString payload;
    if (!record->jose.isEmpty()) {
        payload += tr("JOSE headers and claims:\n%1\n")
                       .arg(QString::fromUtf8(QJsonDocument(record->jose).toJson(QJsonDocument::Indented)));
    }
    // With JWS/JWE the payload is what the receiver decoded; otherwise the body itself.
    const QByteArray event = record->jose.isEmpty() || record->eventJson.isEmpty() ? record->body : record->eventJson;
    const QJsonDocument doc = QJsonDocument::fromJson(event);
    payload +=
        tr("Payload:\n%1")
            .arg(doc.isNull() ? QString::fromUtf8(event) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    m_payload->setPlainText(payload);
    m_certificate->setPlainText(record->tls.isEmpty()
                                    ? tr("Plain HTTP: no TLS session, no client certificate.")
                                    : QString::fromUtf8(QJsonDocument(record->tls).toJson(QJsonDocument::Indented)));
}

QString ReceiverPanel::curlCommand() const
{
    const std::optional<ReceivedRecord> record = m_model->record(selectedSeq());
    if (!record) {
        return {};
    }
    QString base = isRunning() ? m_receiver->url() : QStringLiteral("http://127.0.0.1:8787");
    QString target = base + record->path;
    if (!record->query.isEmpty()) {
        target += QLatin1Char('?') + record->query;
    }
    QStringList parts {QStringLiteral("curl"), QStringLiteral("-X"), record->method, shellQuote(target)};
    for (const auto& [name, value] : record->headers) {
        const QByteArray lower = name.toLower();
        if (lower == "host" || lower == "content-length" || lower == "connection") {
            continue;
        }
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    }
    if (!record->body.isEmpty()) {
        parts << QStringLiteral("--data-binary") << shellQuote(QString::fromUtf8(record->body));
    }
    return parts.join(QLatin1Char(' '));
}

// Widget tests of the security parts of the endpoint editor, driven through their widgets:
// OAuth client credentials ("Get token" against the independent Python token server, basic and
// jwt), a send with OAuth whose token exchange the inspector shows, "Sign in" with the
// authorization code flow, JWS + JWE with keys made by "Generate key" (the body that arrives is
// decrypted and verified with core/jose), and the TLS client certificate form saved to the
// keychain and reloaded.
#include "FakeSecretStore.h"
#include "LoopbackServer.h"
#include "UiTestSupport.h"
#include "tst_oauth_tokenserver.h"

#include "EndpointEditor.h"
#include "EndpointLibrary.h"
#include "EventComposer.h"
#include "MainWindow.h"
#include "TraceInspector.h"

#include "jose/JoseKey.h"
#include "jose/Jwe.h"
#include "jose/Jws.h"
#include "tls/KeyTools.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

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
    child<QTabWidget>(window, "endpointTabWidget")->setCurrentIndex(1);
    auto* combo = child<QComboBox>(window, "authTypeComboBox");
    combo->setCurrentIndex(combo->findData(int(type)));
}

void chooseData(QWidget* window, const char* name, const QString& data)
{
    auto* combo = child<QComboBox>(window, name);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, name);
    combo->setCurrentIndex(index);
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

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestUiSecurity final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    PyTokenServer m_tokenServer;
    QTemporaryDir m_serverDir;
    QNetworkAccessManager m_browser;

    std::unique_ptr<MainWindow> windowWithEndpoint(FakeSecretStore* store, const QByteArray& url)
    {
        auto window = std::make_unique<MainWindow>(store);
        window->show();
        window->addEndpoint();
        typeInto(window.get(), "urlLineEdit", QString::fromLatin1(url));
        typeInto(window.get(), "nameLineEdit", QStringLiteral("Secured"));
        return window;
    }

    void fillClientCredentials(MainWindow* window, const QString& clientAuth)
    {
        chooseAuth(window, AuthType::OAuth2ClientCredentials);
        typeInto(window, "tokenUrlLineEdit", QString::fromLatin1(m_tokenServer.url("/t/ok/token")));
        typeInto(window, "clientIdLineEdit", QStringLiteral("gui-client"));
        chooseData(window, "clientAuthComboBox", clientAuth);
        typeInto(window, "clientSecretLineEdit", QStringLiteral("s3cret-of-the-gui-client"));
        typeInto(window, "scopeLineEdit", QStringLiteral("hooks.write"));
    }

    bool save(MainWindow* window)
    {
        QSignalSpy saved(window, &MainWindow::endpointSaved);
        QTest::mouseClick(child<QPushButton>(window, "saveEndpointButton"), Qt::LeftButton);
        if (saved.isEmpty() && !saved.wait(5000)) {
            return false;
        }
        if (!saved.first().at(0).toBool()) {
            qWarning() << "not saved:" << saved.first().at(1).toString();
        }
        return saved.first().at(0).toBool();
    }

    bool sendAndWait(MainWindow* window)
    {
        QSignalSpy finished(window, &MainWindow::deliveryFinished);
        window->activateWindow(); // after a dialog closed, the shortcut needs the window active again
        if (!QTest::qWaitForWindowActive(window)) {
            return false;
        }
        QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
        const bool delivered = finished.wait(15000) && finished.first().at(0).toBool();
        if (!delivered) {
            qWarning() << "not delivered:" << child<QLabel>(window, "inspectorStateLabel")->text()
                       << child<QLabel>(window, "attemptSummaryLabel")->text();
        }
        return delivered;
    }

    void clickGenerate(EndpointEditor* editor, const char* button, const QString& folder, const QString& name)
    {
        QTest::mouseClick(child<QPushButton>(editor, button), Qt::LeftButton);
        auto* dialog = child<QDialog>(editor, "generateKeyDialog");
        QVERIFY(dialog->isVisible());
        auto* type = child<QComboBox>(dialog, "keyTypeComboBox");
        type->setCurrentIndex(type->findData(QStringLiteral("rsa")));
        child<QLineEdit>(dialog, "keyFolderLineEdit")->setText(folder);
        child<QLineEdit>(dialog, "keyNameLineEdit")->setText(name);
        QSignalSpy generated(editor, &EndpointEditor::keyGenerated);
        QTest::mouseClick(child<QPushButton>(dialog, "generateKeyOkButton"), Qt::LeftButton);
        QCOMPARE(generated.size(), 1);
        QTRY_VERIFY(!editor->findChild<QDialog*>(QStringLiteral("generateKeyDialog")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_serverDir.isValid());
        QVERIFY(m_tokenServer.start(
            m_serverDir.path(),
            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("gui-client")},
                         {QStringLiteral("clientSecret"), QStringLiteral("s3cret-of-the-gui-client")}}));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(UiTestSupport::useDataDir(*m_dir));
        m_tokenServer.reset();
    }

    void getToken_data()
    {
        QTest::addColumn<QString>("clientAuth");
        QTest::newRow("basic") << QStringLiteral("basic");
        QTest::newRow("jwt") << QStringLiteral("jwt");
    }

    void getToken()
    {
        QFETCH(QString, clientAuth);
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/unused");
        fillClientCredentials(window.get(), clientAuth);
        // Only the fields the chosen client authentication uses are shown.
        QCOMPARE(child<QWidget>(window.get(), "clientSecretLineEdit")->isVisible(), true);
        QCOMPARE(child<QWidget>(window.get(), "oauthPrivateKeyLineEdit")->isVisible(), false);
        QCOMPARE(child<QWidget>(window.get(), "assertionAudienceComboBox")->isVisible(), clientAuth == u"jwt");
        QVERIFY2(child<QLabel>(window.get(), "authErrorLabel")->isHidden(),
                 qPrintable(child<QLabel>(window.get(), "authErrorLabel")->text()));

        EndpointEditor* editor = window->editor();
        QSignalSpy finished(editor, &EndpointEditor::tokenFinished);
        QTest::mouseClick(child<QPushButton>(window.get(), "getTokenButton"), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(child<QLabel>(window.get(), "tokenStatusLabel")->text()));

        QDialog* dialog = editor->tokenDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString result = child<QLabel>(dialog, "tokenResultLabel")->text();
        const QString summary = child<QLabel>(dialog, "tokenExchangeSummaryLabel")->text();
        const QString exchange = child<QPlainTextEdit>(dialog, "tokenExchangePlainTextEdit")->toPlainText();
        const QString assertion = child<QPlainTextEdit>(dialog, "tokenAssertionPlainTextEdit")->toPlainText();
        // The token is shown masked: ••••, then its last four characters (the server issues tok-N-xxxxxxxxxxxx).
        QVERIFY2(result.startsWith(QStringLiteral("Token ••••xxxx (Bearer), valid until ")), qPrintable(result));
        QVERIFY2(summary.contains(QStringLiteral("HTTP 200")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("client auth ") + clientAuth), qPrintable(summary));
        QVERIFY2(exchange.contains(QStringLiteral("\"access_token\": \"••••xxxx\"")), qPrintable(exchange));
        QVERIFY2(exchange.contains(QStringLiteral("grant_type=client_credentials")), qPrintable(exchange));
        QVERIFY2(exchange.contains(QStringLiteral("scope=hooks.write")), qPrintable(exchange));
        for (const QString& text : {result, summary, exchange, assertion}) {
            QVERIFY2(!text.contains(QStringLiteral("tok-")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("s3cret-of-the-gui-client")), qPrintable(text));
        }

        const QJsonArray log = m_tokenServer.log();
        QCOMPARE(log.size(), 1);
        const QJsonObject seen = log.first().toObject();
        QCOMPARE(seen.value(QStringLiteral("form_used")).toString(), clientAuth);
        QVERIFY(seen.value(QStringLiteral("error")).isNull());

        if (clientAuth == u"basic") {
            QVERIFY2(exchange.contains(QStringLiteral("Authorization: ••••")), qPrintable(exchange));
            QVERIFY(assertion.isEmpty());
            QVERIFY(!child<QWidget>(dialog, "tokenAssertionPlainTextEdit")->isVisible());
        } else {
            // The decoded client assertion: what PyJWT verified on the other side.
            const QString tokenUrl = QString::fromLatin1(m_tokenServer.url("/t/ok/token"));
            QVERIFY(child<QWidget>(dialog, "tokenAssertionPlainTextEdit")->isVisible());
            QVERIFY2(assertion.contains(QStringLiteral("\"alg\": \"HS256\"")), qPrintable(assertion));
            QVERIFY2(assertion.contains(QStringLiteral("\"iss\": \"gui-client\"")), qPrintable(assertion));
            QVERIFY2(assertion.contains(QStringLiteral("\"sub\": \"gui-client\"")), qPrintable(assertion));
            QVERIFY2(assertion.contains(QStringLiteral("\"aud\": \"%1\"").arg(tokenUrl)), qPrintable(assertion));
            QVERIFY2(exchange.contains(QStringLiteral("client_assertion=••••")), qPrintable(exchange));
            const QJsonObject claims = seen.value(QStringLiteral("assertionClaims")).toObject();
            QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("gui-client"));
            QVERIFY2(assertion.contains(claims.value(QStringLiteral("jti")).toString()), qPrintable(assertion));
        }
    }

    void getTokenRefused()
    {
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, "http://127.0.0.1:9/unused");
        fillClientCredentials(window.get(), QStringLiteral("post"));
        typeInto(window.get(), "clientSecretLineEdit", QStringLiteral("wrong-secret"));
        QSignalSpy finished(window->editor(), &EndpointEditor::tokenFinished);
        QTest::mouseClick(child<QPushButton>(window.get(), "getTokenButton"), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString result = child<QLabel>(window->editor()->tokenDialog(), "tokenResultLabel")->text();
        QVERIFY2(result.contains(QStringLiteral("invalid_client")), qPrintable(result));
        QVERIFY(!result.contains(QStringLiteral("wrong-secret")));
    }

    void sendWithOAuthShowsTokenExchange()
    {
        LoopbackServer server;
        // The first answer refuses the token: the engine fetches a new one and sends once more.
        server.setResponses({LoopbackServer::Response(401, "Unauthorized"), LoopbackServer::Response()});
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, server.url());
        fillClientCredentials(window.get(), QStringLiteral("basic"));
        QVERIFY(save(window.get()));
        QVERIFY(sendAndWait(window.get()));

        QCOMPARE(server.requests().size(), 2);
        const QByteArray sent = server.requests().last().header("Authorization");
        QVERIFY2(sent.startsWith("Bearer tok-"), sent.constData());
        QCOMPARE(m_tokenServer.log().size(), 2);

        auto* inspector = window->inspector();
        QCOMPARE(inspector->attempts().size(), 1);
        const QString authorization =
            headerValue(child<QTableWidget>(inspector, "requestHeadersTableWidget"), QStringLiteral("Authorization"));
        QCOMPARE(authorization, QStringLiteral("••••") + QString::fromLatin1(sent.right(4)));
        auto* tabs = child<QTabWidget>(inspector, "inspectorTabWidget");
        const int tokenTab = tabs->count() - 1;
        QCOMPARE(tabs->tabText(tokenTab), QStringLiteral("Token"));
        QVERIFY(tabs->isTabEnabled(tokenTab));
        tabs->setCurrentIndex(tokenTab);
        const QString summary = child<QLabel>(inspector, "tokenExchangeSummaryLabel")->text();
        const QString exchange = child<QPlainTextEdit>(inspector, "tokenExchangePlainTextEdit")->toPlainText();
        const QString notes = child<QLabel>(inspector, "attemptNotesLabel")->text();
        QVERIFY2(summary.startsWith(QStringLiteral("POST %1 (client auth basic): HTTP 200")
                                        .arg(QString::fromLatin1(m_tokenServer.url("/t/ok/token")))),
                 qPrintable(summary));
        QVERIFY2(exchange.contains(QStringLiteral("\"access_token\": \"••••")), qPrintable(exchange));
        QVERIFY2(!exchange.contains(QStringLiteral("tok-")), qPrintable(exchange));
        QVERIFY2(notes.contains(QStringLiteral("answered 401")), qPrintable(notes));
        QVERIFY2(child<QLabel>(inspector, "attemptSummaryLabel")->text().contains(QStringLiteral("token: POST")),
                 qPrintable(child<QLabel>(inspector, "attemptSummaryLabel")->text()));
    }

    void signInWithAuthorizationCodeThenSend()
    {
        LoopbackServer server;
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, server.url());
        chooseAuth(window.get(), AuthType::OAuth2AuthorizationCode);
        QVERIFY(child<QLabel>(window.get(), "authCodeEngineNoteLabel")->isVisible());
        typeInto(window.get(), "authUrlLineEdit", QString::fromLatin1(m_tokenServer.url("/authorize")));
        typeInto(window.get(), "codeTokenUrlLineEdit", QString::fromLatin1(m_tokenServer.url("/token")));
        typeInto(window.get(), "codeClientIdLineEdit", QStringLiteral("gui-client"));
        typeInto(window.get(), "codeClientSecretLineEdit", QStringLiteral("s3cret-of-the-gui-client"));
        QList<QUrl> opened;
        window->editor()->setUrlOpener([&](const QUrl& url) {
            opened << url;
            QNetworkReply* reply = m_browser.get(QNetworkRequest(url)); // follows the redirect to the callback
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        QSignalSpy finished(window->editor(), &EndpointEditor::signInFinished);
        QTest::mouseClick(child<QPushButton>(window.get(), "signInButton"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        const QString status = child<QLabel>(window.get(), "signInStatusLabel")->text();
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(status));
        QCOMPARE(opened.size(), 1);
        QVERIFY2(status.startsWith(QStringLiteral("Signed in: token ••••")), qPrintable(status));
        // The refresh token is kept in the keychain (written as the flow finishes).
        const auto stored = [&store] {
            for (auto it = store.entries().begin(); it != store.entries().end(); ++it) {
                if (it.key().startsWith(QStringLiteral("oauth2-refresh:gui-client@"))) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stored(), 5000);
        // Send gets its access token from the stored refresh token, silently.
        QVERIFY(save(window.get()));
        QVERIFY(sendAndWait(window.get()));
        QCOMPARE(server.requests().size(), 1);
        const QByteArray sent = server.requests().first().header("Authorization");
        QVERIFY2(sent.startsWith("Bearer at-"), sent.constData()); // issued by the refresh grant
    }

    void jwsAndJweWithGeneratedKeys()
    {
        LoopbackServer server;
        FakeSecretStore store;
        auto window = windowWithEndpoint(&store, server.url());
        EndpointEditor* editor = window->editor();
        QTemporaryDir keys;
        QVERIFY(keys.isValid());
        child<QTabWidget>(window.get(), "endpointTabWidget")->setCurrentIndex(3);

        auto* jws = child<QGroupBox>(editor, "jwsGroupBox");
        jws->setChecked(true);
        child<QComboBox>(editor, "jwsAlgComboBox")->setCurrentText(QStringLiteral("RS256"));
        clickGenerate(editor, "jwsGenerateKeyButton", keys.path(), QStringLiteral("sender"));
        QCOMPARE(child<QLineEdit>(editor, "jwsPrivateKeyLineEdit")->text(),
                 QStringLiteral("file:") + keys.filePath(QStringLiteral("sender.key.pem")));
        QTest::mouseClick(child<QPushButton>(editor, "addClaimButton"), Qt::LeftButton);
        auto* claims = child<QTableWidget>(editor, "jwsClaimsTableWidget");
        claims->item(0, 0)->setText(QStringLiteral("iss"));
        claims->item(0, 1)->setText(QStringLiteral("loans-sender"));
        // Typing elsewhere closes the claim name's editor (which would take Ctrl+Return).
        typeInto(window.get(), "jwsKidLineEdit", QStringLiteral("sender-2026"));
        child<QSpinBox>(editor, "jwsExpiresSpinBox")->setValue(300);

        auto* jwe = child<QGroupBox>(editor, "jweGroupBox");
        jwe->setChecked(true);
        child<QComboBox>(editor, "jweAlgComboBox")->setCurrentText(QStringLiteral("RSA-OAEP-256"));
        clickGenerate(editor, "jweGenerateKeyButton", keys.path(), QStringLiteral("recipient"));
        QCOMPARE(child<QLineEdit>(editor, "jwePublicKeyLineEdit")->text(),
                 QStringLiteral("file:") + keys.filePath(QStringLiteral("recipient.pub.pem")));
        QVERIFY(QFileInfo(keys.filePath(QStringLiteral("recipient.key.pem"))).permissions()
                == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

        // The preview shows the body a send would carry and its decoded header.
        QTRY_VERIFY_WITH_TIMEOUT(child<QPlainTextEdit>(editor, "payloadHeaderPlainTextEdit")
                                     ->toPlainText()
                                     .contains(QStringLiteral("\"alg\": \"RSA-OAEP-256\"")),
                                 5000);
        const QString header = child<QPlainTextEdit>(editor, "payloadHeaderPlainTextEdit")->toPlainText();
        QVERIFY2(header.contains(QStringLiteral("\"cty\": \"JWT\"")), qPrintable(header));
        QCOMPARE(child<QPlainTextEdit>(editor, "payloadPreviewPlainTextEdit")->toPlainText().count(QLatin1Char('.')),
                 4);

        QVERIFY(save(window.get()));
        QVERIFY(sendAndWait(window.get()));
        QCOMPARE(server.requests().size(), 1);
        const LoopbackServer::Request& request = server.requests().first();
        QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/jose"));
        QCOMPARE(request.body.count('.'), 4); // compact JWE: five parts

        auto recipient = JoseKey::fromPem(readFile(keys.filePath(QStringLiteral("recipient.key.pem"))));
        QVERIFY(recipient);
        auto decrypted = Jwe::decryptCompact(request.body, {recipient.value()});
        QVERIFY2(decrypted, qPrintable(decrypted ? QString() : decrypted.error().toString()));
        QCOMPARE(decrypted->header.value(QStringLiteral("cty")).toString(), QStringLiteral("JWT"));
        auto sender = JoseKey::fromPem(readFile(keys.filePath(QStringLiteral("sender.pub.pem"))));
        QVERIFY(sender);
        auto verified = Jws::verifyCompact(decrypted->plaintext, {sender.value()}, {QStringLiteral("RS256")});
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().toString()));
        QCOMPARE(verified->header.value(QStringLiteral("kid")).toString(), QStringLiteral("sender-2026"));
        const QJsonObject payload = QJsonDocument::fromJson(verified->payload).object();
        QCOMPARE(payload.value(QStringLiteral("iss")).toString(), QStringLiteral("loans-sender"));
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger() - payload.value(QStringLiteral("iat")).toInteger(),
                 300);
        QVERIFY(!payload.value(QStringLiteral("id")).toString().isEmpty());

        // Saved as file: references (a key on disk stays on disk), reloaded into the same form.
        const QJsonObject file =
            QJsonDocument::fromJson(readFile(window->library()->filePath(window->currentEndpointId()))).object();
        QCOMPARE(file.value(QStringLiteral("jws")).toObject().value(QStringLiteral("privateKey")).toString(),
                 QStringLiteral("file:") + keys.filePath(QStringLiteral("sender.key.pem")));
        QCOMPARE(file.value(QStringLiteral("jwe")).toObject().value(QStringLiteral("publicKey")).toString(),
                 QStringLiteral("file:") + keys.filePath(QStringLiteral("recipient.pub.pem")));
        MainWindow reopened(&store);
        reopened.show();
        reopened.selectEndpoint(window->currentEndpointId());
        QVERIFY(child<QGroupBox>(&reopened, "jwsGroupBox")->isChecked());
        QVERIFY(child<QGroupBox>(&reopened, "jweGroupBox")->isChecked());
        QCOMPARE(reopened.editor()->profile().jws, window->editor()->profile().jws);
        QCOMPARE(reopened.editor()->profile().jwe, window->editor()->profile().jwe);
    }

    void tlsClientCertificateSavesToKeychain()
    {
        FakeSecretStore store;
        QString id;
        QTemporaryDir certs;
        auto key = Tls::generateKey(Tls::KeyType::Ec);
        QVERIFY(key);
        Tls::CertificateOptions options;
        options.commonName = QStringLiteral("gui-sender");
        auto certificate = Tls::makeCertificate(key->privateKeyPem, options);
        QVERIFY(certificate);
        const QString certPath = certs.filePath(QStringLiteral("client.pem"));
        QVERIFY(Tls::writeFile(certPath, certificate->certificatePem, false, false));
        {
            auto window = windowWithEndpoint(&store, "https://127.0.0.1:9/hook");
            child<QTabWidget>(window.get(), "endpointTabWidget")->setCurrentIndex(4);
            typeInto(window.get(), "clientCertLineEdit", certPath);
            // An inline PEM key (as pasted) and a typed password: both go to the keychain.
            child<QLineEdit>(window.get(), "clientKeyLineEdit")->setText(QString::fromLatin1(key->privateKeyPem));
            typeInto(window.get(), "clientKeyPasswordLineEdit", QStringLiteral("pkcs-password-1"));
            typeInto(window.get(), "caFileLineEdit", certPath);
            QVERIFY(save(window.get()));
            id = window->currentEndpointId();
            const QByteArray text = readFile(window->library()->filePath(id));
            const QJsonObject tls = QJsonDocument::fromJson(text).object().value(QStringLiteral("tls")).toObject();
            QCOMPARE(tls.value(QStringLiteral("clientCert")).toString(), certPath);
            QCOMPARE(tls.value(QStringLiteral("clientKey")).toString(),
                     QStringLiteral("keychain:") + EndpointLibrary::keychainName(id, QStringLiteral("tls.clientKey")));
            QCOMPARE(tls.value(QStringLiteral("clientKeyPassword")).toString(),
                     QStringLiteral("keychain:")
                         + EndpointLibrary::keychainName(id, QStringLiteral("tls.clientKeyPassword")));
            QVERIFY(!text.contains("PRIVATE KEY"));
            QVERIFY(!text.contains("pkcs-password-1"));
            QCOMPARE(store.entries().value(EndpointLibrary::keychainName(id, QStringLiteral("tls.clientKey"))),
                     key->privateKeyPem);
            QCOMPARE(store.entries().value(EndpointLibrary::keychainName(id, QStringLiteral("tls.clientKeyPassword"))),
                     QByteArrayLiteral("pkcs-password-1"));
        }
        MainWindow reopened(&store);
        reopened.show();
        reopened.selectEndpoint(id);
        QCOMPARE(child<QLineEdit>(&reopened, "clientCertLineEdit")->text(), certPath);
        QCOMPARE(child<QLineEdit>(&reopened, "clientKeyLineEdit")->text(),
                 QStringLiteral("keychain:") + EndpointLibrary::keychainName(id, QStringLiteral("tls.clientKey")));
        QCOMPARE(child<QLineEdit>(&reopened, "caFileLineEdit")->text(), certPath);
        QCOMPARE(reopened.editor()->profile().tls, reopened.library()->find(id)->profile.tls);
    }
};

QTEST_MAIN(TestUiSecurity)
#include "tst_ui_security.moc"

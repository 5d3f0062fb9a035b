// Widget tests of the receiver form's less common fields and of the receiver profiles in the
// sidebar: a file with hmac-sha256 header/encoding/prefix, JWS key sets and JWKS serving comes
// back from load -> form -> save unchanged; editing those fields changes what the running
// receiver accepts, shown by real deliveries from the engine; renaming refuses clashes and bad
// names; a deleted receiver (stopped first when it runs) comes back byte for byte with Undo.
#include "FakeSecretStore.h"
#include "UiTestSupport.h"

#include "MainWindow.h"
#include "ReceivedModel.h"
#include "ReceiverLibrary.h"
#include "ReceiverPanel.h"

#include "delivery/DeliveryEngine.h"
#include "jose/JoseKey.h"
#include "receiver/Receiver.h"
#include "secrets/SecretRef.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using UiTestSupport::child;

namespace {
// The field of a signature row: the cell widget, or the field in its holder.
template <typename T>
T* cell(QTableWidget* table, int row, int column)
{
    QWidget* widget = table->cellWidget(row, column);
    if (auto* direct = qobject_cast<T*>(widget)) {
        return direct;
    }
    return widget ? widget->findChild<T*>() : nullptr;
}

enum Column
{
    SchemeColumn,
    SecretsColumn,
    ToleranceColumn,
    HeaderColumn,
    EncodingColumn,
    PrefixColumn
};

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every field the form had been missing, with values away from the defaults.
QJsonObject fullConfig()
{
    const QJsonObject hmac {
        {QStringLiteral("scheme"), QStringLiteral("hmac-sha256")},
        {QStringLiteral("secrets"), QJsonArray {QStringLiteral("env:RX_HMAC"), QStringLiteral("env:RX_OLD")}},
        {QStringLiteral("header"), QStringLiteral("X-Sig")},
        {QStringLiteral("encoding"), QStringLiteral("base64")},
        {QStringLiteral("prefix"), QStringLiteral("sha256=")}};
    const QJsonObject stripe {{QStringLiteral("scheme"), QStringLiteral("stripe")},
                              {QStringLiteral("secrets"), QJsonArray {QStringLiteral("env:RX_STRIPE")}},
                              {QStringLiteral("toleranceSeconds"), 60}};
    const QJsonObject verify {
        {QStringLiteral("auth"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("apiKey")},
                      {QStringLiteral("headerName"), QStringLiteral("X-Api-Key")},
                      {QStringLiteral("value"), QStringLiteral("env:RX_KEY")},
                      {QStringLiteral("prefix"), QStringLiteral("ApiKey ")}}},
        {QStringLiteral("signatures"), QJsonArray {hmac, stripe}},
        {QStringLiteral("jws"),
         QJsonObject {{QStringLiteral("jwks"), QStringLiteral("file:sender.jwks.json")},
                      {QStringLiteral("jwksUrl"), QStringLiteral("https://keys.example.com/jwks.json")}}},
        {QStringLiteral("jwe"), QJsonObject {{QStringLiteral("privateKey"), QStringLiteral("file:receiver.key")}}},
        {QStringLiteral("maxAgeSeconds"), 3000000000.0},
    };
    return QJsonObject {
        {QStringLiteral("format"), QStringLiteral("hookbench.receiver/1")},
        {QStringLiteral("verify"), verify},
        {QStringLiteral("jwks"),
         QJsonObject {{QStringLiteral("path"), QStringLiteral("/keys")},
                      {QStringLiteral("serve"), QStringLiteral("file:keys.json")},
                      {QStringLiteral("decryptionKey"), true},
                      {QStringLiteral("kid"), QStringLiteral("rx-1")}}},
        {QStringLiteral("limits"),
         QJsonObject {{QStringLiteral("maxBodyBytes"), 5000000000.0}, {QStringLiteral("maxHeaderBytes"), 128}}},
    };
}

EndpointProfile
hmacSender(const QString& url, const QString& header, SignatureConfig::Encoding encoding, const QString& prefix)
{
    EndpointProfile profile;
    profile.name = QStringLiteral("sender");
    profile.url = QUrl(url + QStringLiteral("/hooks/form"));
    SignatureConfig signature;
    signature.scheme = SignatureScheme::HmacSha256;
    signature.secret = QStringLiteral("literal:form-secret-1");
    signature.header = header;
    signature.encoding = encoding;
    signature.prefix = prefix;
    profile.signatures = {signature};
    return profile;
}

EndpointProfile jwsSender(const QString& url, const JoseKey& key, const QString& kid)
{
    EndpointProfile profile;
    profile.name = QStringLiteral("jws sender");
    profile.url = QUrl(url + QStringLiteral("/hooks/jws"));
    JwsConfig jws;
    jws.alg = QStringLiteral("ES256");
    jws.privateKey = QStringLiteral("literal:") + QString::fromLatin1(key.privatePem());
    jws.kid = kid;
    profile.jws = jws;
    return profile;
}

// One delivery through the engine, as Send does; the status of its (only) attempt.
int deliver(DeliveryEngine* engine, const EndpointProfile& profile)
{
    SecretValues secrets;
    for (const QString& ref : profile.secretRefs()) {
        secrets.insert(ref, SecretRef::parse(ref).target.toUtf8());
    }
    Event event = Event::make(QStringLiteral("invoice.paid"), QByteArrayLiteral("{\"amount\":42}")).value();
    event.fillDefaults();
    Delivery* delivery = engine->deliver(DeliveryJob {profile, secrets, event, std::nullopt, false});
    QSignalSpy finished(delivery, &Delivery::finished);
    if (!finished.wait(20000) || delivery->attempts().isEmpty()) {
        return -1;
    }
    const int status = delivery->attempts().last().status;
    delivery->deleteLater();
    return status;
}

// The checks pane for the newest request, as a user reads it.
QString newestChecks(ReceiverPanel* panel)
{
    panel->selectRow(0);
    QString text = child<QTextBrowser>(panel, "receivedChecksBrowser")->toPlainText();
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    return text;
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Delete);
    } else {
        QTest::keyClicks(edit, text);
    }
}

QTreeWidgetItem* receiverItem(QTreeWidget* tree, const QString& name)
{
    const auto found = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive);
    for (QTreeWidgetItem* item : found) {
        if (item->parent() && item->parent()->text(0) == QLatin1String("Receivers")) {
            return item;
        }
    }
    return nullptr;
}
} // namespace

class TestUiReceiverForm final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString receiversDir() const { return QDir(m_dir->path()).filePath(QStringLiteral("receivers")); }

    // F2 on the receiver in the sidebar, the new name typed, Return.
    static void renameInSidebar(MainWindow* window, const QString& from, const QString& to)
    {
        auto* tree = child<QTreeWidget>(window, "sidebarTreeWidget");
        QTreeWidgetItem* item = receiverItem(tree, from);
        QVERIFY(item);
        tree->setCurrentItem(item);
        QAction* rename = child<QAction>(window, "renameAction");
        QVERIFY(rename->isEnabled());
        rename->trigger();
        auto* editor = tree->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, to);
        QTest::keyClick(editor, Qt::Key_Return);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(UiTestSupport::useDataDir(*m_dir));
    }

    void everyFieldSurvivesLoadEditSave()
    {
        const QJsonObject original = fullConfig();
        const QString path = QDir(receiversDir()).filePath(QStringLiteral("full.json"));
        QVERIFY(writeBytes(path, QJsonDocument(original).toJson()));
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        window.selectReceiver(QStringLiteral("full"));
        ReceiverPanel* panel = window.receiverPanel();
        QCOMPARE(panel->currentId(), QStringLiteral("full"));
        QVERIFY2(panel->validationErrors().isEmpty(), qPrintable(panel->validationErrors().join(QLatin1Char('\n'))));

        // The form shows the values of the file.
        auto* table = child<QTableWidget>(panel, "receiverSignaturesTableWidget");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell<QLineEdit>(table, 0, HeaderColumn)->text(), QStringLiteral("X-Sig"));
        QCOMPARE(cell<QComboBox>(table, 0, EncodingColumn)->currentText(), QStringLiteral("base64"));
        QCOMPARE(cell<QLineEdit>(table, 0, PrefixColumn)->text(), QStringLiteral("sha256="));
        QVERIFY(!cell<QLineEdit>(table, 0, HeaderColumn)->isHidden());
        // Shown only for hmac-sha256: the stripe row has no header, encoding or prefix.
        QVERIFY(cell<QLineEdit>(table, 1, HeaderColumn)->isHidden());
        QVERIFY(cell<QComboBox>(table, 1, EncodingColumn)->isHidden());
        QVERIFY(cell<QLineEdit>(table, 1, PrefixColumn)->isHidden());
        QCOMPARE(cell<QSpinBox>(table, 1, ToleranceColumn)->value(), 60);
        QCOMPARE(child<QLineEdit>(panel, "receiverJwsJwksLineEdit")->text(), QStringLiteral("file:sender.jwks.json"));
        QCOMPARE(child<QLineEdit>(panel, "receiverJwsJwksUrlLineEdit")->text(),
                 QStringLiteral("https://keys.example.com/jwks.json"));
        QVERIFY(child<QCheckBox>(panel, "receiverJwksEnabledCheckBox")->isChecked());
        QCOMPARE(child<QLineEdit>(panel, "receiverJwksPathLineEdit")->text(), QStringLiteral("/keys"));
        QCOMPARE(child<QLineEdit>(panel, "receiverJwksServeLineEdit")->text(), QStringLiteral("file:keys.json"));
        QVERIFY(child<QCheckBox>(panel, "receiverJwksDecryptionKeyCheckBox")->isChecked());
        QCOMPARE(child<QLineEdit>(panel, "receiverJwksKidLineEdit")->text(), QStringLiteral("rx-1"));
        QCOMPARE(child<QLineEdit>(panel, "receiverAuthPrefixLineEdit")->text(), QStringLiteral("ApiKey "));
        QCOMPARE(child<QSpinBox>(panel, "receiverMaxHeaderSpinBox")->value(), 128);

        // Saved untouched: the same JSON.
        bool saved = false;
        panel->save([&saved](bool ok) { saved = ok; });
        QTRY_VERIFY(saved);
        QCOMPARE(readJson(path), original);

        // Edited elsewhere in the form: only that changes.
        child<QSpinBox>(panel, "receiverStatusSpinBox")->setValue(202);
        saved = false;
        panel->save([&saved](bool ok) { saved = ok; });
        QTRY_VERIFY(saved);
        QJsonObject expected = original;
        expected.insert(QStringLiteral("response"), QJsonObject {{QStringLiteral("status"), 202}});
        QCOMPARE(readJson(path), expected);

        // Switching the row to another scheme drops the hmac-only keys, as the format wants.
        auto* scheme = cell<QComboBox>(table, 0, SchemeColumn);
        scheme->setCurrentIndex(scheme->findData(int(SignatureScheme::GitHub)));
        QVERIFY(cell<QLineEdit>(table, 0, HeaderColumn)->isHidden());
        const SignatureVerifyConfig github = panel->config().verify.signatures.first();
        QVERIFY(github.header.isEmpty() && github.prefix.isEmpty());
        scheme->setCurrentIndex(scheme->findData(int(SignatureScheme::HmacSha256)));
        QVERIFY(!cell<QLineEdit>(table, 0, HeaderColumn)->isHidden());
        QCOMPARE(panel->config().verify.signatures.first().header, QStringLiteral("X-Sig"));
    }

    void newFieldsAreValidated()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        ReceiverPanel* panel = window.receiverPanel();
        const auto errors = [panel] {
            return child<QLabel>(panel, "receiverValidationLabel")->text();
        };
        child<QPushButton>(panel, "receiverAddSignatureButton")->click();
        auto* table = child<QTableWidget>(panel, "receiverSignaturesTableWidget");
        QTest::keyClicks(cell<QLineEdit>(table, 0, SecretsColumn), QStringLiteral("s3cret"));
        QTest::keyClicks(cell<QLineEdit>(table, 0, HeaderColumn), QStringLiteral("X Sig"));
        QVERIFY2(errors().contains(QLatin1String("Signatures, row 1: \"X Sig\" is not a header name")),
                 qPrintable(errors()));
        retype(cell<QLineEdit>(table, 0, HeaderColumn), QStringLiteral("X-Sig"));
        QVERIFY(errors().isEmpty());

        auto* url = child<QLineEdit>(panel, "receiverJwsJwksUrlLineEdit");
        QTest::keyClicks(url, QStringLiteral("ftp://keys.example.com/jwks.json"));
        QVERIFY2(errors().contains(QLatin1String("JWS key set URL: give an absolute http:// or https:// URL")),
                 qPrintable(errors()));
        retype(url, QStringLiteral("https://keys.example.com/jwks.json"));
        QVERIFY(errors().isEmpty());

        child<QCheckBox>(panel, "receiverJwksEnabledCheckBox")->setChecked(true);
        QVERIFY2(errors().contains(QLatin1String("Key set: give a JWKS file to serve")), qPrintable(errors()));
        child<QCheckBox>(panel, "receiverJwksDecryptionKeyCheckBox")->setChecked(true);
        QVERIFY2(errors().contains(QLatin1String("Key set: serving the decryption key needs a JWE private key")),
                 qPrintable(errors()));
        QTest::keyClicks(child<QLineEdit>(panel, "receiverJweKeyLineEdit"), QStringLiteral("file:receiver.key"));
        retype(child<QLineEdit>(panel, "receiverJwksPathLineEdit"), QStringLiteral("keys"));
        QVERIFY2(errors().contains(QLatin1String("Key set: the path starts with /")), qPrintable(errors()));
        retype(child<QLineEdit>(panel, "receiverJwksPathLineEdit"), QStringLiteral("/keys"));
        QVERIFY2(errors().isEmpty(), qPrintable(errors()));
        QVERIFY(panel->config().jwks.has_value());
        QCOMPARE(panel->config().jwks->path, QStringLiteral("/keys"));
    }

    void hmacFieldsDecideWhatTheReceiverAccepts()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        ReceiverPanel* panel = window.receiverPanel();
        child<QPushButton>(panel, "receiverAddSignatureButton")->click();
        auto* table = child<QTableWidget>(panel, "receiverSignaturesTableWidget");
        QTest::keyClicks(cell<QLineEdit>(table, 0, SecretsColumn), QStringLiteral("form-secret-1"));
        QTest::keyClicks(cell<QLineEdit>(table, 0, HeaderColumn), QStringLiteral("X-Sig"));
        auto* encoding = cell<QComboBox>(table, 0, EncodingColumn);
        encoding->setCurrentIndex(encoding->findText(QStringLiteral("base64")));
        QTest::keyClicks(cell<QLineEdit>(table, 0, PrefixColumn), QStringLiteral("sha256="));
        bool started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        const QString url = panel->url();
        const EndpointProfile configured =
            hmacSender(url, QStringLiteral("X-Sig"), SignatureConfig::Encoding::Base64, QStringLiteral("sha256="));
        const EndpointProfile plain = hmacSender(url, {}, SignatureConfig::Encoding::Hex, {});

        QCOMPARE(deliver(window.engine(), configured), 200);
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("accepted"));
        QVERIFY2(newestChecks(panel).contains(QString::fromUtf8("✓ hmac-sha256")), qPrintable(newestChecks(panel)));

        QCOMPARE(deliver(window.engine(), plain), 401);
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("rejected"));
        QVERIFY2(newestChecks(panel).contains(QLatin1String("header X-Sig missing")), qPrintable(newestChecks(panel)));

        // Back to the defaults in the form (X-Webhook-Signature, hex, no prefix), started again.
        retype(cell<QLineEdit>(table, 0, HeaderColumn), {});
        encoding->setCurrentIndex(encoding->findText(QStringLiteral("hex")));
        retype(cell<QLineEdit>(table, 0, PrefixColumn), {});
        started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        const QString url2 = panel->url();
        QCOMPARE(deliver(window.engine(), hmacSender(url2, {}, SignatureConfig::Encoding::Hex, {})), 200);
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("accepted"));
        QCOMPARE(deliver(window.engine(),
                         hmacSender(url2,
                                    QStringLiteral("X-Webhook-Signature"),
                                    SignatureConfig::Encoding::Base64,
                                    QStringLiteral("sha256="))),
                 401);
        QTRY_COMPARE(panel->model()->rowCount(), 4);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("rejected"));
        const QString why = newestChecks(panel);
        QVERIFY2(why.contains(QString::fromUtf8("✗ hmac-sha256")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("sha256=")), qPrintable(why));
        panel->stop();
    }

    // Answers apply to the running receiver as they are edited; any other edit needs a restart,
    // and the panel says so instead of letting the user believe it took effect.
    void editsOutsideResponsesAskForARestart()
    {
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        ReceiverPanel* panel = window.receiverPanel();
        bool started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        auto* state = child<QLabel>(panel, "receiverStateLabel");
        QVERIFY2(!state->text().contains(QLatin1String("Stop and Start")), qPrintable(state->text()));

        child<QSpinBox>(panel, "receiverStatusSpinBox")->setValue(503);
        QVERIFY2(state->text().contains(QLatin1String("answers changed: status 503")), qPrintable(state->text()));
        QVERIFY2(!state->text().contains(QLatin1String("Stop and Start")), qPrintable(state->text()));
        const EndpointProfile sender = hmacSender(panel->url(), {}, SignatureConfig::Encoding::Hex, {});
        QCOMPARE(deliver(window.engine(), sender), 503); // live: no restart needed

        child<QCheckBox>(panel, "receiverDedupeCheckBox")->setChecked(true);
        QVERIFY2(state->text().contains(QLatin1String("changes outside Responses apply after Stop and Start")),
                 qPrintable(state->text()));
        // Edited back to what runs: the note goes.
        child<QCheckBox>(panel, "receiverDedupeCheckBox")->setChecked(false);
        QVERIFY2(!state->text().contains(QLatin1String("Stop and Start")), qPrintable(state->text()));
        QVERIFY2(state->text().startsWith(QLatin1String("Running")), qPrintable(state->text()));
        panel->stop();
    }

    void jwsKeySetFileUrlAndServing()
    {
        auto key1 = JoseKey::generate(JoseKey::Type::EcP256);
        auto key2 = JoseKey::generate(JoseKey::Type::EcP256);
        QVERIFY(key1.ok() && key2.ok());
        const QString keysPath = QDir(m_dir->path()).filePath(QStringLiteral("sender.jwks.json"));
        const QJsonObject set {{QStringLiteral("keys"), QJsonArray {key1.value().toPublicJwk(QStringLiteral("k1"))}}};
        QVERIFY(writeBytes(keysPath, QJsonDocument(set).toJson()));

        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        ReceiverPanel* panel = window.receiverPanel();

        // A key set file: the sender's k1 is accepted, a key outside the set is not.
        QTest::keyClicks(child<QLineEdit>(panel, "receiverJwsJwksLineEdit"), QStringLiteral("file:") + keysPath);
        // The same file served by this receiver, for the next one's key set URL.
        child<QCheckBox>(panel, "receiverJwksEnabledCheckBox")->setChecked(true);
        QTest::keyClicks(child<QLineEdit>(panel, "receiverJwksServeLineEdit"), QStringLiteral("file:") + keysPath);
        QVERIFY2(panel->validationErrors().isEmpty(), qPrintable(panel->validationErrors().join(QLatin1Char('\n'))));
        bool started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        const QString first = panel->url();
        QCOMPARE(deliver(window.engine(), jwsSender(first, key1.value(), QStringLiteral("k1"))), 200);
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("accepted"));
        QCOMPARE(deliver(window.engine(), jwsSender(first, key2.value(), QStringLiteral("k2"))), 401);
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("rejected"));
        QVERIFY2(newestChecks(panel).contains(QLatin1String("k2")), qPrintable(newestChecks(panel)));

        // What this receiver serves: the public part of k1 at the default path.
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(QUrl(first + QStringLiteral("/.well-known/jwks.json")))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        const QJsonArray served =
            QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("keys")).toArray();
        QCOMPARE(served.size(), 1);
        QCOMPARE(served.first().toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
        QVERIFY(!served.first().toObject().contains(QStringLiteral("d")));
        QTRY_COMPARE(panel->model()->rowCount(), 3); // the key set request is listed like any other

        // A second receiver (core, beside the panel) serves the set; the form now points at its URL.
        ReceiverConfig serving;
        serving.jwks = JwksServeConfig {};
        serving.jwks->serve = QStringLiteral("file:") + keysPath;
        Receiver keyServer;
        bool serverUp = false;
        keyServer.resolveAndStart(serving, &store, [&serverUp](Result<void> r) { serverUp = r.ok(); });
        QTRY_VERIFY(serverUp);
        retype(child<QLineEdit>(panel, "receiverJwsJwksLineEdit"), {});
        child<QCheckBox>(panel, "receiverJwksEnabledCheckBox")->setChecked(false);
        QTest::keyClicks(child<QLineEdit>(panel, "receiverJwsJwksUrlLineEdit"),
                         keyServer.url() + QStringLiteral("/.well-known/jwks.json"));
        QVERIFY2(panel->validationErrors().isEmpty(), qPrintable(panel->validationErrors().join(QLatin1Char('\n'))));
        started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        const QString second = panel->url();
        QCOMPARE(deliver(window.engine(), jwsSender(second, key1.value(), QStringLiteral("k1"))), 200);
        QTRY_COMPARE(panel->model()->rowCount(), 4);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("accepted"));
        QVERIFY2(newestChecks(panel).contains(QString::fromUtf8("✓ jws")), qPrintable(newestChecks(panel)));
        QCOMPARE(deliver(window.engine(), jwsSender(second, key2.value(), QStringLiteral("k2"))), 401);
        QTRY_COMPARE(panel->model()->rowCount(), 5);
        QCOMPARE(panel->model()->index(0, ReceivedModel::Verdict).data().toString(), QStringLiteral("rejected"));
        panel->stop();
        keyServer.stop();
    }

    void renameFromTheSidebar()
    {
        const QString alpha = QDir(receiversDir()).filePath(QStringLiteral("alpha.json"));
        const QString beta = QDir(receiversDir()).filePath(QStringLiteral("beta.json"));
        QVERIFY(writeBytes(alpha, QJsonDocument(fullConfig()).toJson()));
        QVERIFY(writeBytes(beta, QByteArrayLiteral("{\"format\": \"hookbench.receiver/1\"}\n")));
        const QByteArray alphaBytes = readBytes(alpha);
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        auto* tree = child<QTreeWidget>(&window, "sidebarTreeWidget");
        ReceiverPanel* panel = window.receiverPanel();

        // Running while renamed: it keeps running, under its new name.
        window.selectReceiver(QStringLiteral("beta"));
        bool started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);

        window.selectReceiver(QStringLiteral("alpha"));
        renameInSidebar(&window, QStringLiteral("alpha"), QStringLiteral("gamma"));
        const QString gamma = QDir(receiversDir()).filePath(QStringLiteral("gamma.json"));
        QTRY_VERIFY(QFile::exists(gamma));
        QVERIFY(!QFile::exists(alpha));
        QCOMPARE(readBytes(gamma), alphaBytes);
        QVERIFY(receiverItem(tree, QStringLiteral("gamma")));
        QVERIFY(!receiverItem(tree, QStringLiteral("alpha")));
        QCOMPARE(panel->currentId(), QStringLiteral("gamma"));
        QVERIFY(window.receiverLibrary()->find(QStringLiteral("gamma")));

        // A clash is refused with a message, and nothing changes.
        renameInSidebar(&window, QStringLiteral("gamma"), QStringLiteral("beta"));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(
            QLatin1String("there is already a receiver named beta; choose another name")));
        QCOMPARE(readBytes(gamma), alphaBytes);
        QCOMPARE(readBytes(beta), QByteArrayLiteral("{\"format\": \"hookbench.receiver/1\"}\n"));
        QVERIFY(receiverItem(tree, QStringLiteral("gamma")));
        QCOMPARE(window.receiverLibrary()->entries().size(), 2);

        // So is a name that cannot be a file name.
        renameInSidebar(&window, QStringLiteral("gamma"), QStringLiteral("a/b"));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("cannot be a file name")));
        QCOMPARE(readBytes(gamma), alphaBytes);
        QVERIFY(receiverItem(tree, QStringLiteral("gamma")));

        // The running one.
        renameInSidebar(&window, QStringLiteral("beta"), QStringLiteral("delta"));
        QTRY_VERIFY(QFile::exists(QDir(receiversDir()).filePath(QStringLiteral("delta.json"))));
        QVERIFY(panel->isRunning());
        QCOMPARE(panel->runningId(), QStringLiteral("delta"));

        // Undo takes the renames back.
        window.undoStack()->undo();
        window.undoStack()->undo();
        QVERIFY(QFile::exists(alpha));
        QVERIFY(QFile::exists(beta));
        QVERIFY(!QFile::exists(gamma));
        QCOMPARE(readBytes(alpha), alphaBytes);
        QCOMPARE(panel->runningId(), QStringLiteral("beta"));
        panel->stop();
    }

    void deleteThenUndoRestoresTheFile()
    {
        const QString path = QDir(receiversDir()).filePath(QStringLiteral("keep me.json"));
        // Hand-written, with its own spacing: undo must bring back these bytes, not a re-serialisation.
        QByteArray bytes = QJsonDocument(fullConfig()).toJson(QJsonDocument::Compact);
        bytes.replace(",", ",  ");
        bytes += "\n\n";
        QVERIFY(writeBytes(path, bytes));
        const QString plainPath = QDir(receiversDir()).filePath(QStringLiteral("runner.json"));
        const QByteArray plainBytes = QByteArrayLiteral("{ \"format\": \"hookbench.receiver/1\" }");
        QVERIFY(writeBytes(plainPath, plainBytes));
        FakeSecretStore store;
        MainWindow window(&store);
        window.show();
        auto* tree = child<QTreeWidget>(&window, "sidebarTreeWidget");
        ReceiverPanel* panel = window.receiverPanel();

        window.selectReceiver(QStringLiteral("keep me"));
        child<QAction>(&window, "deleteAction")->trigger();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!receiverItem(tree, QStringLiteral("keep me")));
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Undo")));
        QVERIFY(panel->currentId().isEmpty()); // the form no longer edits the deleted profile
        child<QAction>(&window, "undoAction")->trigger();
        QCOMPARE(readBytes(path), bytes);
        QVERIFY(receiverItem(tree, QStringLiteral("keep me")));
        QCOMPARE(panel->currentId(), QStringLiteral("keep me"));
        QCOMPARE(panel->config().verify.signatures.first().header, QStringLiteral("X-Sig"));

        // A running receiver is stopped before its profile goes.
        window.selectReceiver(QStringLiteral("runner"));
        bool started = false;
        panel->start([&started](Result<void> r) { started = r.ok(); });
        QTRY_VERIFY(started);
        const QString url = panel->url();
        window.selectReceiver(QStringLiteral("runner"));
        child<QAction>(&window, "deleteAction")->trigger();
        QVERIFY(!panel->isRunning());
        QVERIFY(panel->runningId().isEmpty());
        QVERIFY(!QFile::exists(plainPath));
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(url + QStringLiteral("/")))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
        window.undoStack()->undo();
        QCOMPARE(readBytes(plainPath), plainBytes);
        window.undoStack()->redo();
        QVERIFY(!QFile::exists(plainPath));
    }
};

QTEST_MAIN(TestUiReceiverForm)
#include "tst_ui_receiver_form.moc"

// The German and Spanish catalogues: the .qm files embedded in the app (the same object library
// hookbench links) load and translate the window's menus, mnemonics do not clash in a translated
// menu, Qt's own catalogue is found where main.cpp looks for it, and the .ts sources are complete:
// no message unfinished or empty, placeholders, accelerators, markup and line breaks kept.
#include "FakeSecretStore.h"
#include "MainWindow.h"
#include "UiTestSupport.h"

#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {
const QStringList Languages {QStringLiteral("de"), QStringLiteral("es")};

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    QString type;             // "", "unfinished", "obsolete", "vanished"
    qint64 line = 0;
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile parseTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                ts.messages.append(message);
            }
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage {context, {}, {}, {}, xml.lineNumber()};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) {
                    text += xml.text();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    message.translations.append(xml.readElementText());
                } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
                    break;
                }
            }
            if (message.translations.isEmpty()) {
                message.translations.append(text);
            }
        }
    }
    if (xml.hasError()) {
        ts.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    }
    return ts;
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(?:\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    return found;
}

// Single ampersands mark a mnemonic; "&&" is a literal one.
int mnemonics(QString text)
{
    text.remove(QStringLiteral("&&"));
    return int(text.count(QLatin1Char('&')));
}

QStringList tags(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z]+>"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    return found;
}

QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

// Duplicate mnemonics among the visible actions of one menu or menu bar.
QStringList clashes(const QList<QAction*>& actions)
{
    QStringList problems;
    QHash<QChar, QString> seen;
    for (QAction* action : actions) {
        if (action->isSeparator() || !action->isVisible()) {
            continue;
        }
        const QChar key = mnemonicOf(action->text());
        if (key.isNull()) {
            continue;
        }
        if (seen.contains(key)) {
            problems.append(QStringLiteral("'%1' and '%2' share &%3").arg(seen.value(key), action->text(), key));
        }
        seen.insert(key, action->text());
    }
    return problems;
}
} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString tsPath(const QString& language)
    {
        return QStringLiteral("%1/translations/hookbench_%2.ts")
            .arg(qEnvironmentVariable("HOOKBENCH_SOURCE_DIR"), language);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(UiTestSupport::useDataDir(m_dir));
        QVERIFY2(!qEnvironmentVariableIsEmpty("HOOKBENCH_SOURCE_DIR"), "HOOKBENCH_SOURCE_DIR is not set");
    }

    void embeddedCatalogues_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("menus"); // File, Edit, Delivery, Receiver, View
        QTest::addColumn<QString>("sendAction");
        QTest::addColumn<QString>("checkAction");
        QTest::addColumn<QString>("receiverAction");
        QTest::addColumn<QString>("demoButton");
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList {QStringLiteral("&Datei"),
                                            QStringLiteral("&Bearbeiten"),
                                            QStringLiteral("&Zustellung"),
                                            QStringLiteral("&Empfänger"),
                                            QStringLiteral("&Ansicht")}
                            << QStringLiteral("&Senden") << QStringLiteral("Endpoint &prüfen…")
                            << QStringLiteral("Empfänger &starten/stoppen") << QStringLiteral("Demo einrichten");
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringList {QStringLiteral("&Archivo"),
                                            QStringLiteral("&Editar"),
                                            QStringLiteral("E&ntrega"),
                                            QStringLiteral("&Receptor"),
                                            QStringLiteral("&Ver")}
                            << QStringLiteral("En&viar") << QStringLiteral("Com&probar endpoint…")
                            << QStringLiteral("&Iniciar/detener receptor")
                            << QStringLiteral("Configurar la demostración");
    }

    // What main.cpp does for a German or Spanish system: load the embedded catalogue by locale,
    // then build the window and read what it shows.
    void embeddedCatalogues()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, menus);
        QFETCH(QString, sendAction);
        QFETCH(QString, checkAction);
        QFETCH(QString, receiverAction);
        QFETCH(QString, demoButton);

        QVERIFY(QFile::exists(QStringLiteral(":/i18n/hookbench_%1.qm").arg(language)));
        QTranslator translator;
        QVERIFY(translator.load(
            QLocale(language), QStringLiteral("hookbench"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), language);
        QVERIFY(QCoreApplication::installTranslator(&translator));

        FakeSecretStore store;
        MainWindow window(&store);
        QStringList titles;
        for (QAction* action : window.menuBar()->actions()) {
            titles.append(action->text());
        }
        QCOMPARE(titles, menus);
        auto* send = window.findChild<QAction*>(QStringLiteral("sendAction"));
        QVERIFY(send);
        QCOMPARE(send->text(), sendAction);
        // The Check endpoint dialog, the receiver and the first-run demo came later: their entry
        // points are translated too.
        auto* check = window.findChild<QAction*>(QStringLiteral("checkEndpointAction"));
        QVERIFY(check);
        QCOMPARE(check->text(), checkAction);
        auto* receiver = window.findChild<QAction*>(QStringLiteral("toggleReceiverAction"));
        QVERIFY(receiver);
        QCOMPARE(receiver->text(), receiverAction);
        auto* demo = window.findChild<QPushButton*>(QStringLiteral("firstRunDemoButton"));
        QVERIFY(demo);
        QCOMPARE(demo->text(), demoButton);

        // A mnemonic twice in one translated menu: Alt+letter would pick the wrong one.
        QStringList problems = clashes(window.menuBar()->actions());
        for (QAction* action : window.menuBar()->actions()) {
            if (action->menu()) {
                problems += clashes(action->menu()->actions());
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));

        // The plural forms reach the window's code through %n.
        QCOMPARE(QCoreApplication::translate("TraceInspector", "Delivered after %n attempt(s).", nullptr, 3).isEmpty(),
                 false);
        QCoreApplication::removeTranslator(&translator);
    }

    void englishNeedsNoCatalogue()
    {
        QTranslator translator;
        QVERIFY(!translator.load(QLocale(QStringLiteral("en_US")),
                                 QStringLiteral("hookbench"),
                                 QStringLiteral("_"),
                                 QStringLiteral(":/i18n")));
        FakeSecretStore store;
        MainWindow window(&store);
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
    }

    // Qt's own strings (standard buttons, shortcuts): main.cpp loads qtbase_<lang>.qm from here.
    void qtCatalogues()
    {
        const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const QString& language : Languages) {
            if (!QFile::exists(QStringLiteral("%1/qtbase_%2.qm").arg(folder, language))) {
                QSKIP(qPrintable(QStringLiteral("qtbase_%1.qm is not in %2: install qt6-translations-l10n "
                                                "(scripts/bootstrap.sh does)")
                                     .arg(language, folder)));
            }
            QTranslator translator;
            QVERIFY(translator.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), folder));
            QVERIFY(QCoreApplication::installTranslator(&translator));
            const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
            QCoreApplication::removeTranslator(&translator);
            QCOMPARE(cancel,
                     language == QLatin1String("de") ? QStringLiteral("Abbrechen") : QStringLiteral("Cancelar"));
        }
    }

    void sourcesComplete_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString& language : Languages) {
            QTest::newRow(qPrintable(language)) << language;
        }
    }

    void sourcesComplete()
    {
        QFETCH(QString, language);
        const TsFile ts = parseTs(tsPath(language));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, language);
        // The window has hundreds of strings; a handful means lupdate found no sources.
        QVERIFY2(ts.messages.size() > 300, qPrintable(QString::number(ts.messages.size())));

        QStringList problems;
        for (const TsMessage& m : ts.messages) {
            const QString where = QStringLiteral("line %1 (%2: \"%3\")").arg(m.line).arg(m.context, m.source);
            if (!m.type.isEmpty()) {
                problems.append(QStringLiteral("%1 is %2").arg(where, m.type));
                continue;
            }
            for (const QString& translation : m.translations) {
                if (translation.isEmpty()) {
                    problems.append(where + QStringLiteral(" has an empty translation"));
                    continue;
                }
                // In a plural form %n may be left out of the singular ("one attempt"), never added.
                QStringList expected = placeholders(m.source);
                QStringList got = placeholders(translation);
                if (m.translations.size() > 1) {
                    expected.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (expected != got) {
                    problems.append(QStringLiteral("%1: placeholders %2 became %3 in \"%4\"")
                                        .arg(where, expected.join(u' '), got.join(u' '), translation));
                }
                if (mnemonics(m.source) != mnemonics(translation)) {
                    problems.append(
                        QStringLiteral("%1: the accelerator & is lost or doubled in \"%2\"").arg(where, translation));
                }
                if (tags(m.source) != tags(translation)) {
                    problems.append(QStringLiteral("%1: markup differs in \"%2\"").arg(where, translation));
                }
                if (m.source.count(u'\n') != translation.count(u'\n')) {
                    problems.append(QStringLiteral("%1: line breaks differ in \"%2\"").arg(where, translation));
                }
                // Leading/trailing spaces are layout (" ms" after a number, "  delivered").
                const auto lead = [](const QString& s) {
                    return s.size() - s.trimmed().size();
                };
                if (m.source.startsWith(u' ') != translation.startsWith(u' ')
                    || m.source.endsWith(u' ') != translation.endsWith(u' ') || lead(m.source) != lead(translation)) {
                    problems.append(QStringLiteral("%1: surrounding spaces differ in \"%2\"").arg(where, translation));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Both catalogues cover the same strings: a string added to one by hand and not re-run through
    // lupdate for the other is caught here.
    void catalogueSourcesAgree()
    {
        QSet<QString> first;
        for (const TsMessage& m : parseTs(tsPath(Languages.at(0))).messages) {
            first.insert(m.context + u'\x1f' + m.source);
        }
        for (const QString& language : Languages.mid(1)) {
            QSet<QString> other;
            for (const TsMessage& m : parseTs(tsPath(language)).messages) {
                other.insert(m.context + u'\x1f' + m.source);
            }
            QCOMPARE(other, first);
        }
    }

    // The checker itself: an unfinished message, a lost %1 and a lost & are reported.
    void checkerCatchesDefects()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.ts"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"de\">\n"
            "<context><name>X</name>\n"
            "<message><source>&amp;File</source><translation type=\"unfinished\"></translation></message>\n"
            "<message><source>Not sent: %1</source><translation>Nicht gesendet</translation></message>\n"
            "<message numerus=\"yes\"><source>%n try(s)</source><translation><numerusform>ein Versuch</numerusform>"
            "<numerusform>%n Versuche</numerusform></translation></message>\n"
            "</context>\n</TS>\n");
        file.close();
        const TsFile ts = parseTs(path);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.messages.size(), 3);
        QCOMPARE(ts.messages.at(0).type, QStringLiteral("unfinished"));
        QCOMPARE(placeholders(ts.messages.at(1).source), QStringList {QStringLiteral("%1")});
        QVERIFY(placeholders(ts.messages.at(1).translations.constFirst()).isEmpty());
        QCOMPARE(ts.messages.at(2).translations,
                 (QStringList {QStringLiteral("ein Versuch"), QStringLiteral("%n Versuche")}));
        QCOMPARE(mnemonics(QStringLiteral("&File")), 1);
        QCOMPARE(mnemonics(QStringLiteral("Save && close")), 0);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

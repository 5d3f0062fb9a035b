#include "FuzzEntryPoints.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QTest>

// Every file kept in fuzz/corpus/<target>/ (the seeds and every crasher the fuzzers found, once
// fixed) goes through the fuzz target's entry point as one data row, so the normal test run
// guards against a parsing bug coming back. The entry points check the same invariants as the
// fuzzers (round trips, segmentation-independent HTTP parsing); a memory error shows under the
// sanitizer build (HOOKBENCH_SANITIZE=address,undefined).
class TestFuzzCorpus final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("hookbench.*=false")); }

    void corpus_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        const QString root = QStringLiteral(HOOKBENCH_FUZZ_CORPUS_DIR);
        QVERIFY2(QDir(root).exists(), qPrintable(QStringLiteral("no corpus at %1 ").arg(root)));
        int rows = 0;
        const auto targets = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString& target : targets) {
            QVERIFY2(FuzzEntry::byName(target),
                     qPrintable(QStringLiteral("corpus folder %1 has no target").arg(target)));
            QStringList files;
            QDirIterator it(root + QLatin1Char('/') + target, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                files.append(it.next());
            }
            files.sort();
            for (const QString& file : files) {
                const QString name =
                    target + QLatin1Char('/') + QDir(root + QLatin1Char('/') + target).relativeFilePath(file);
                QTest::newRow(qPrintable(name)) << target << file;
                ++rows;
            }
        }
        // Every target has seeds: a corpus that went missing must not pass silently.
        QVERIFY(targets.size() >= 6);
        QVERIFY(rows >= 4);
    }

    void corpus()
    {
        QFETCH(QString, target);
        QFETCH(QString, file);
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray bytes = input.readAll();
        const QString broken = FuzzEntry::byName(target)(bytes);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"

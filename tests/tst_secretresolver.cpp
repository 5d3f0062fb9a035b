#include "FakeSecretStore.h"
#include "secrets/SecretResolver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// What one resolve() call delivered, and how often.
struct Outcome
{
    int calls = 0;
    std::optional<Result<SecretValues>> result;
};

// Starts a resolve and returns a handle that fills in as the event loop delivers the answer.
std::shared_ptr<Outcome> start(SecretResolver& resolver, const QStringList& references, const QString& baseDir = {})
{
    auto outcome = std::make_shared<Outcome>();
    resolver.resolve(references, baseDir, [outcome](Result<SecretValues> result) {
        ++outcome->calls;
        outcome->result.emplace(std::move(result));
    });
    return outcome;
}

// Runs what the event loop has queued, several rounds, so that an answer that is due (or a
// second, wrong call of a callback) has had every chance to happen.
void flushEvents()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// Lets the event loop run until the answer is there, then a while longer.
bool settle(const Outcome& outcome)
{
    const bool answered = QTest::qWaitFor([&] { return outcome.calls > 0; });
    flushEvents();
    return answered;
}

} // namespace

class TestSecretResolver final : public QObject
{
    Q_OBJECT

private slots:
    void mixOfReferences()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("pw.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from-file\n");
        file.close();
        qputenv("HOOKBENCH_TST_TOKEN", "from-env");

        FakeSecretStore store;
        store.setEntry(QStringLiteral("signing"), "from-keychain");
        store.setEntry(QStringLiteral("client"), QByteArray("\x00\x01", 2));
        store.setEntry(QStringLiteral("unused"), "never-asked");
        SecretResolver resolver(&store);

        const QStringList refs {
            QStringLiteral("env:HOOKBENCH_TST_TOKEN"),
            QStringLiteral("file:pw.txt"),
            QStringLiteral("keychain:signing"),
            QStringLiteral("literal:lit"),
            QStringLiteral("bare"),
            QStringLiteral("keychain:client"),
            QStringLiteral("keychain:signing"), // repeated: asked for once
            QStringLiteral("env:HOOKBENCH_TST_TOKEN"),
        };
        const auto outcome = start(resolver, refs, dir.path());
        QCOMPARE(outcome->calls, 0); // never inside resolve() itself
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY2(outcome->result->ok(), qPrintable(outcome->result->error().message));

        const SecretValues& values = outcome->result->value();
        QCOMPARE(values.size(), 6);
        QCOMPARE(values.value(QStringLiteral("env:HOOKBENCH_TST_TOKEN")), QByteArray("from-env"));
        QCOMPARE(values.value(QStringLiteral("file:pw.txt")), QByteArray("from-file"));
        QCOMPARE(values.value(QStringLiteral("keychain:signing")), QByteArray("from-keychain"));
        QCOMPARE(values.value(QStringLiteral("keychain:client")), QByteArray("\x00\x01", 2));
        QCOMPARE(values.value(QStringLiteral("literal:lit")), QByteArray("lit"));
        QCOMPARE(values.value(QStringLiteral("bare")), QByteArray("bare"));

        QStringList reads = store.reads();
        reads.sort();
        QCOMPARE(reads, (QStringList {QStringLiteral("client"), QStringLiteral("signing")}));
        qunsetenv("HOOKBENCH_TST_TOKEN");
    }

    void localOnlyStillAnswersLater()
    {
        FakeSecretStore store;
        SecretResolver resolver(&store);
        const auto outcome = start(resolver, {QStringLiteral("literal:a")});
        QCOMPARE(outcome->calls, 0);
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(outcome->result->ok());
        QCOMPARE(outcome->result->value().value(QStringLiteral("literal:a")), QByteArray("a"));
        QVERIFY(store.reads().isEmpty());
    }

    void emptyList()
    {
        FakeSecretStore store;
        SecretResolver resolver(&store);
        const auto outcome = start(resolver, {});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(outcome->result->ok());
        QVERIFY(outcome->result->value().isEmpty());
    }

    void missingKeychainEntry()
    {
        FakeSecretStore store;
        store.setEntry(QStringLiteral("present"), "value-present");
        SecretResolver resolver(&store);
        const auto outcome = start(resolver,
                                   {QStringLiteral("keychain:present"),
                                    QStringLiteral("literal:TOPSECRET"),
                                    QStringLiteral("keychain:loans-staging")});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(!outcome->result->ok());
        const QString message = outcome->result->error().message;
        QCOMPARE(message,
                 QStringLiteral("keychain entry loans-staging not found; store it with: "
                                "hookbench-cli secret set loans-staging"));
    }

    void noKeychain()
    {
        FakeSecretStore store;
        store.setNoKeychain(true);
        SecretResolver resolver(&store);
        // Three keychain references, each of which fails: still one callback.
        const auto outcome = start(resolver,
                                   {QStringLiteral("keychain:a"),
                                    QStringLiteral("keychain:b"),
                                    QStringLiteral("literal:TOPSECRET"),
                                    QStringLiteral("keychain:c")});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(!outcome->result->ok());
        // The error names the reference that failed (its path), so callers can name their field.
        const QString message = outcome->result->error().toString();
        QCOMPARE(outcome->result->error().path, QStringLiteral("keychain:a"));
        QVERIFY2(message.contains(FakeSecretStore::noKeychainMessage()), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("keychain:a: ")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("TOPSECRET")), qPrintable(message));
    }

    void localErrorStopsBeforeTheKeychain()
    {
        qunsetenv("HOOKBENCH_TST_UNSET");
        FakeSecretStore store;
        store.setEntry(QStringLiteral("k"), "v");
        SecretResolver resolver(&store);
        const auto outcome = start(resolver,
                                   {QStringLiteral("keychain:k"),
                                    QStringLiteral("env:HOOKBENCH_TST_UNSET"),
                                    QStringLiteral("file:/nonexistent/x")});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(!outcome->result->ok());
        QVERIFY2(outcome->result->error().message.contains(QStringLiteral("HOOKBENCH_TST_UNSET is not set")),
                 qPrintable(outcome->result->error().message));
        QCOMPARE(outcome->result->error().path, QStringLiteral("env:HOOKBENCH_TST_UNSET"));
        QVERIFY(store.reads().isEmpty());
    }

    void noStore()
    {
        SecretResolver resolver(nullptr);
        const auto outcome = start(resolver, {QStringLiteral("keychain:k")});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(!outcome->result->ok());
        QCOMPARE(outcome->result->error().path, QStringLiteral("keychain:k"));
        QVERIFY2(outcome->result->error().message.contains(QStringLiteral("no keychain store")),
                 qPrintable(outcome->result->error().message));
    }

    void storeDestroyedBeforeResolving()
    {
        auto store = std::make_unique<FakeSecretStore>();
        SecretResolver resolver(store.get());
        store.reset();
        const auto outcome = start(resolver, {QStringLiteral("keychain:k")});
        QVERIFY(settle(*outcome));
        QCOMPARE(outcome->calls, 1);
        QVERIFY(!outcome->result->ok());
    }

    void resolverDestroyedWhileWaiting()
    {
        FakeSecretStore store;
        store.setEntry(QStringLiteral("k"), "v");
        auto resolver = std::make_unique<SecretResolver>(&store);
        const auto outcome = start(*resolver, {QStringLiteral("keychain:k")});
        resolver.reset();
        flushEvents();
        QCOMPARE(outcome->calls, 0); // nobody is left to tell, and nothing crashes
        QCOMPARE(store.reads(), QStringList {QStringLiteral("k")});
    }

    void independentCallsDoNotMix()
    {
        FakeSecretStore store;
        store.setEntry(QStringLiteral("one"), "1");
        SecretResolver resolver(&store);
        const auto first = start(resolver, {QStringLiteral("keychain:one")});
        const auto second = start(resolver, {QStringLiteral("keychain:two")});
        QVERIFY(settle(*first));
        QVERIFY(settle(*second));
        QCOMPARE(first->calls, 1);
        QCOMPARE(second->calls, 1);
        QVERIFY(first->result->ok());
        QCOMPARE(first->result->value().value(QStringLiteral("keychain:one")), QByteArray("1"));
        QVERIFY(!second->result->ok());
    }
};

QTEST_GUILESS_MAIN(TestSecretResolver)
#include "tst_secretresolver.moc"

#include "secrets/SecretStore.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

// KeychainSecretStore against the real Secret Service of the session (scripts/bootstrap.sh test
// starts a private D-Bus session with an unlocked gnome-keyring). Without one the test is
// skipped, unless HOOKBENCH_REQUIRE_KEYCHAIN=1 makes that a failure. Entry names are unique
// per run and every entry written is deleted again.
class TestKeychain final : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_store;
    QStringList m_written;

    // Waiting in the test is fine; the store itself never waits.
    template <typename T>
    Result<T> wait(std::optional<Result<T>>& answer)
    {
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000)) {
            return Error(QStringLiteral("the keychain did not answer within 30 s"));
        }
        return std::move(*answer);
    }

    Result<std::optional<QByteArray>> read(const QString& name)
    {
        std::optional<Result<std::optional<QByteArray>>> answer;
        m_store.read(name, [&answer](Result<std::optional<QByteArray>> result) { answer.emplace(std::move(result)); });
        return wait(answer);
    }

    Result<void> write(const QString& name, const QByteArray& value)
    {
        m_written.append(name);
        std::optional<Result<void>> answer;
        m_store.write(name, value, [&answer](Result<void> result) { answer.emplace(std::move(result)); });
        return wait(answer);
    }

    Result<void> remove(const QString& name)
    {
        std::optional<Result<void>> answer;
        m_store.remove(name, [&answer](Result<void> result) { answer.emplace(std::move(result)); });
        return wait(answer);
    }

    static QString uniqueName(const QString& purpose)
    {
        return QStringLiteral("hookbench-test-%1-%2").arg(purpose, QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    // Reads the entry straight from the Secret Service over D-Bus with Python's GLib bindings,
    // which share no code with QtKeychain: proves where and under which service it was stored.
    static std::optional<QByteArray> lookUpIndependently(const QString& name, bool* available)
    {
        static const QString script = QStringLiteral(R"PY(
import base64, sys
try:
    from gi.repository import Gio, GLib
except ImportError:
    print('NO-GI'); sys.exit(0)
bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
def call(path, iface, method, args, rtype):
    return bus.call_sync('org.freedesktop.secrets', path, iface, method, args,
                         GLib.VariantType(rtype), 0, -1, None).unpack()
svc = '/org/freedesktop/secrets'
unlocked, locked = call(svc, 'org.freedesktop.Secret.Service', 'SearchItems',
                        GLib.Variant('(a{ss})', ({'server': sys.argv[1], 'user': sys.argv[2]},)), '(aoao)')
items = unlocked + locked
if not items:
    print('MISSING'); sys.exit(0)
_, session = call(svc, 'org.freedesktop.Secret.Service', 'OpenSession',
                  GLib.Variant('(sv)', ('plain', GLib.Variant('s', ''))), '(vo)')
secret = bytes(call(items[0], 'org.freedesktop.Secret.Item', 'GetSecret',
                    GLib.Variant('(o)', (session,)), '((oayays))')[0][2])
attrs = call(items[0], 'org.freedesktop.DBus.Properties', 'Get',
             GLib.Variant('(ss)', ('org.freedesktop.Secret.Item', 'Attributes')), '(v)')[0]
if attrs.get('type') == 'base64':
    secret = base64.b64decode(secret)
print('FOUND ' + base64.b64encode(secret).decode())
)PY");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), script, QString::fromLatin1(KeychainSecretStore::Service), name});
        *available = python.waitForFinished(30000) && python.exitCode() == 0;
        const QByteArray out = python.readAllStandardOutput().trimmed();
        if (!*available || out == "NO-GI") {
            *available = false;
            qWarning("independent look-up failed: %s", python.readAllStandardError().constData());
            return std::nullopt;
        }
        if (out == "MISSING") {
            return std::nullopt;
        }
        return QByteArray::fromBase64(out.mid(6));
    }

private slots:
    void initTestCase()
    {
        const auto probe = read(uniqueName(QStringLiteral("probe")));
        if (!probe) {
            const QByteArray why = probe.error().message.toUtf8();
            if (qEnvironmentVariable("HOOKBENCH_REQUIRE_KEYCHAIN") == QLatin1String("1")) {
                QFAIL(why.constData());
            }
            QSKIP(why.constData());
        }
        QVERIFY(!probe.value().has_value());
    }

    void cleanupTestCase()
    {
        for (const QString& name : std::as_const(m_written)) {
            const auto removed = remove(name);
            if (!removed) {
                qWarning(
                    "could not clean up keychain entry %s: %s", qPrintable(name), qPrintable(removed.error().message));
            }
        }
    }

    void writeReadOverwriteDelete()
    {
        const QString name = uniqueName(QStringLiteral("cycle"));
        // Bytes that break naive text handling: NUL, a non-UTF-8 byte, a trailing newline.
        const QByteArray first = QByteArray("first\0\xff value\n", 14) + QStringLiteral(u"€").toUtf8();
        const QByteArray second("second");

        auto written = write(name, first);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        auto got = read(name);
        QVERIFY2(got.ok(), qPrintable(got.error().message));
        QVERIFY(got.value().has_value());
        QCOMPARE(*got.value(), first);

        written = write(name, second);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        got = read(name);
        QVERIFY2(got.ok(), qPrintable(got.error().message));
        QVERIFY(got.value().has_value());
        QCOMPARE(*got.value(), second);

        const auto removed = remove(name);
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
        got = read(name);
        QVERIFY2(got.ok(), qPrintable(got.error().message));
        QVERIFY(!got.value().has_value());
    }

    void readMissingIsNothingStored()
    {
        const auto got = read(uniqueName(QStringLiteral("missing")));
        QVERIFY2(got.ok(), qPrintable(got.error().message));
        QVERIFY(!got.value().has_value());
    }

    void removeMissingSucceeds()
    {
        const auto removed = remove(uniqueName(QStringLiteral("never-written")));
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
    }

    void entriesAreSeparate()
    {
        const QString a = uniqueName(QStringLiteral("a"));
        const QString b = uniqueName(QStringLiteral("b"));
        QVERIFY(write(a, "value-a").ok());
        QVERIFY(write(b, "value-b").ok());
        QVERIFY(remove(a).ok());
        const auto gotA = read(a);
        const auto gotB = read(b);
        QVERIFY(gotA.ok() && gotB.ok());
        QVERIFY(!gotA.value().has_value());
        QCOMPARE(gotB.value().value_or(QByteArray()), QByteArray("value-b"));
    }

    void storedInTheSecretServiceUnderHookbench()
    {
        const QString name = uniqueName(QStringLiteral("independent"));
        const QByteArray value = QByteArray("via-D-Bus \x01\xfe", 12);
        QVERIFY(write(name, value).ok());

        bool available = false;
        const auto seen = lookUpIndependently(name, &available);
        if (!available) {
            QSKIP("/usr/bin/python3 with GLib bindings (python3-gi) is not available for the independent look-up");
        }
        QVERIFY(seen.has_value());
        QCOMPARE(*seen, value);

        QVERIFY(remove(name).ok());
        const auto afterRemove = lookUpIndependently(name, &available);
        QVERIFY(available);
        QVERIFY(!afterRemove.has_value());
    }

    void emptyNameIsRefused()
    {
        const auto got = read(QString());
        QVERIFY(!got.ok());
        QVERIFY2(got.error().message.contains(QStringLiteral("keychain:NAME")), qPrintable(got.error().message));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

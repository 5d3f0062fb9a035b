#include "FakeSecretStore.h"

#include <QTimer>

QString FakeSecretStore::noKeychainMessage()
{
    return QStringLiteral("No keychain (Secret Service) is available: start gnome-keyring or KWallet, or use "
                          "env:/file: references instead");
}

FakeSecretStore::FakeSecretStore(QObject* parent)
    : SecretStore(parent)
{ }

void FakeSecretStore::read(const QString& name, ReadCallback done)
{
    m_reads.append(name);
    // The answer is decided when the event loop delivers it, as with the real keychain.
    QTimer::singleShot(0, this, [this, name, done = std::move(done)] {
        if (m_noKeychain) {
            done(Error(noKeychainMessage()));
        } else if (const auto it = m_entries.constFind(name); it != m_entries.cend()) {
            done(std::optional<QByteArray>(*it));
        } else {
            done(std::optional<QByteArray>());
        }
    });
}

void FakeSecretStore::write(const QString& name, const QByteArray& value, DoneCallback done)
{
    QTimer::singleShot(0, this, [this, name, value, done = std::move(done)] {
        if (m_noKeychain) {
            done(Error(noKeychainMessage()));
            return;
        }
        m_entries.insert(name, value);
        done({});
    });
}

void FakeSecretStore::remove(const QString& name, DoneCallback done)
{
    QTimer::singleShot(0, this, [this, name, done = std::move(done)] {
        if (m_noKeychain) {
            done(Error(noKeychainMessage()));
            return;
        }
        m_entries.remove(name);
        done({});
    });
}

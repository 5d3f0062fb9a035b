#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QStringList>

// An in-memory SecretStore for unit tests. Like the real keychain it answers later, from the
// event loop (never inside the call), and it can be told to behave as if no keychain existed.
class FakeSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeSecretStore)

public:
    // The text KeychainSecretStore gives when no Secret Service answers.
    static QString noKeychainMessage();

    explicit FakeSecretStore(QObject* parent = nullptr);

    void setNoKeychain(bool noKeychain) { m_noKeychain = noKeychain; }
    void setEntry(const QString& name, const QByteArray& value) { m_entries.insert(name, value); }
    const QHash<QString, QByteArray>& entries() const { return m_entries; }
    // Every name read() was asked for, in order, repeats included.
    const QStringList& reads() const { return m_reads; }

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QByteArray& value, DoneCallback done) override;
    void remove(const QString& name, DoneCallback done) override;

private:
    QHash<QString, QByteArray> m_entries;
    QStringList m_reads;
    bool m_noKeychain = false;
};

#pragma once

#include "model/ReceiverConfig.h"
#include "util/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class SecretStore;

// One saved receiver profile: its name (the file name in receivers/, also used in its keychain
// entry names) and the configuration in the docs/receiver-format.md format.
struct ReceiverEntry
{
    QString id;
    ReceiverConfig config;
};

// The user's receiver profiles: docs/receiver-format.md files in <data dir>/receivers/<id>.json.
// Like EndpointLibrary, secret fields are written only as references: save() moves every typed
// value into the secret store first and writes nothing when the store refuses.
class ReceiverLibrary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverLibrary)

public:
    using Done = std::function<void(Result<void>)>;

    ReceiverLibrary(const QString& folder, SecretStore* store, QObject* parent = nullptr);

    QString folder() const { return m_folder; }
    QStringList load();
    const QList<ReceiverEntry>& entries() const { return m_entries; }
    int indexOf(const QString& id) const;
    const ReceiverEntry* find(const QString& id) const;
    QString filePath(const QString& id) const;
    // A file name not used yet, made from `base` ("Demo receiver" -> "Demo receiver 2").
    QString uniqueId(const QString& base) const;
    static QString keychainName(const QString& id, const QString& field);
    // Every secret field of a configuration: (JSON path, pointer to its reference string).
    static QList<QPair<QString, QString*>> secretFields(ReceiverConfig& config);

    // Moves typed secret values into the store, then writes the file. `done` runs once.
    void save(ReceiverEntry entry, Done done);
    // Deletes the file; its keychain entries stay, so restore() brings the receiver back whole.
    Result<void> remove(const QString& id);
    // Writes `content` (a removed file's exact bytes) back as `id` and loads it again.
    Result<void> restore(const QString& id, const QByteArray& content);
    // Why `to` cannot be the new name of `from` (empty, a character a file name cannot hold,
    // taken by another receiver), or nothing when it can.
    Result<void> checkRename(const QString& from, const QString& to) const;
    // Renames the file; its content, and so its keychain references, stay as they are.
    Result<void> rename(const QString& from, const QString& to);

signals:
    void changed();

private:
    Result<void> writeFile(const ReceiverEntry& entry) const;

    QString m_folder;
    QPointer<SecretStore> m_store;
    QList<ReceiverEntry> m_entries;
};

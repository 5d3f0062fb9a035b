#pragma once

#include "model/EndpointProfile.h"
#include "util/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class SecretStore;

// One saved endpoint: its file id (the file name, also used in its keychain entry names, so a
// rename keeps its secrets) and the profile.
struct EndpointEntry
{
    QString id;
    EndpointProfile profile;
};

// The user's endpoints: docs/profile-format.md profiles in <data dir>/endpoints/<id>.json, in the
// order kept in endpoints/order.txt. Secret fields are written only as keychain: references:
// save() moves every typed value into the secret store first, and writes nothing when the
// store refuses (no keychain), so no secret ever reaches a file.
class EndpointLibrary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointLibrary)

public:
    using Done = std::function<void(Result<void>)>;

    EndpointLibrary(const QString& folder, SecretStore* store, QObject* parent = nullptr);

    QString folder() const { return m_folder; }
    // Reads every profile in the folder; files that do not parse are reported, not dropped.
    QStringList load();
    const QList<EndpointEntry>& entries() const { return m_entries; }
    int indexOf(const QString& id) const;
    const EndpointEntry* find(const QString& id) const;
    QString filePath(const QString& id) const;
    static QString newId();
    // The keychain entry name for one secret field of one endpoint.
    static QString keychainName(const QString& id, const QString& field);
    // Every secret field of a profile: (JSON path, pointer to its reference string).
    static QList<QPair<QString, QString*>> secretFields(EndpointProfile& profile);
    // True when the field holds a reference to be kept as is (env:, file:, keychain:).
    static bool isReference(const QString& text);
    // The last line of defence before a file is written: an error naming the first of `fields`
    // that holds a plain value instead of a reference. Shared by the endpoint and receiver libraries.
    static Result<void> requireReferences(const QList<QPair<QString, QString*>>& fields);
    // The index of the entry with that id in `entries` (EndpointEntry or ReceiverEntry), or -1.
    template <typename Entry>
    static int indexOfId(const QList<Entry>& entries, const QString& id)
    {
        for (int i = 0; i < entries.size(); ++i) {
            if (entries.at(i).id == id) {
                return i;
            }
        }
        return -1;
    }
    // Writes each plain secret value among `fields` ((JSON path, value) pairs) to the store as
    // entry entryName(path) and replaces it with its keychain: reference. `done` runs once, with
    // the first error naming the field. `keepAlive` owns what the field pointers point into.
    // Shared by the endpoint and receiver libraries.
    static void storeSecrets(SecretStore* store,
                             const QList<QPair<QString, QString*>>& fields,
                             const std::function<QString(const QString& path)>& entryName,
                             std::shared_ptr<void> keepAlive,
                             std::function<void(Result<void>)> done);

    // Moves typed secret values into the store, then writes the file (insert or update at
    // `index`; -1 keeps the position or appends). `done` runs once, after the file is written.
    void save(EndpointEntry entry, int index, Done done);
    // File operations without secrets to move (the profile already holds references only).
    Result<void> insert(int index, const EndpointEntry& entry);
    Result<void> remove(const QString& id);
    Result<void> move(int from, int to);

    Result<void> exportTo(const QString& id, const QString& path) const;
    // Imports a profile file as a new endpoint; literal secrets in it go to the keychain.
    void importFrom(const QString& path, std::function<void(Result<QString>)> done);

signals:
    void changed();

private:
    Result<void> writeFile(const EndpointEntry& entry) const;
    Result<void> writeOrder() const;

    QString m_folder;
    QPointer<SecretStore> m_store;
    QList<EndpointEntry> m_entries;
};

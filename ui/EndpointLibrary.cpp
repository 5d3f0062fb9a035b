#include "EndpointLibrary.h"

#include "secrets/SecretRef.h"
#include "secrets/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <memory>

namespace {
const QString OrderFile = QStringLiteral("order.txt");
}

EndpointLibrary::EndpointLibrary(const QString& folder, SecretStore* store, QObject* parent)
    : QObject(parent)
    , m_folder(folder)
    , m_store(store)
{ }

QString EndpointLibrary::newId()
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString id;
    for (int i = 0; i < 10; ++i) {
        id += QLatin1Char(digits[QRandomGenerator::global()->bounded(36)]);
    }
    return id;
}

QString EndpointLibrary::keychainName(const QString& id, const QString& field)
{
    return QStringLiteral("endpoint.%1.%2").arg(id, field);
}

QString EndpointLibrary::filePath(const QString& id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".json"));
}

QList<QPair<QString, QString*>> EndpointLibrary::secretFields(EndpointProfile& profile)
{
    QList<QPair<QString, QString*>> fields {
        {QStringLiteral("auth.password"), &profile.auth.password},
        {QStringLiteral("auth.token"), &profile.auth.token},
        {QStringLiteral("auth.value"), &profile.auth.value},
        {QStringLiteral("auth.clientSecret"), &profile.auth.clientSecret},
        {QStringLiteral("auth.privateKey"), &profile.auth.privateKey},
        {QStringLiteral("tls.clientKey"), &profile.tls.clientKey},
        {QStringLiteral("tls.clientKeyPassword"), &profile.tls.clientKeyPassword},
    };
    for (int i = 0; i < profile.signatures.size(); ++i) {
        fields.append({QStringLiteral("signatures[%1].secret").arg(i), &profile.signatures[i].secret});
    }
    if (profile.jws) {
        fields.append({QStringLiteral("jws.privateKey"), &profile.jws->privateKey});
        fields.append({QStringLiteral("jws.secret"), &profile.jws->secret});
    }
    return fields;
}

void EndpointLibrary::storeSecrets(SecretStore* store,
                                   const QList<QPair<QString, QString*>>& fields,
                                   const std::function<QString(const QString& path)>& entryName,
                                   std::shared_ptr<void> keepAlive,
                                   std::function<void(Result<void>)> done)
{
    QList<QPair<QString, QString*>> toStore;
    for (const auto& field : fields) {
        if (!field.second->isEmpty() && !isReference(*field.second)) {
            toStore.append(field);
        }
    }
    if (toStore.isEmpty()) {
        done({});
        return;
    }
    if (!store) {
        done(Error(tr("no secret store is available; nothing was saved")));
        return;
    }
    struct State
    {
        std::shared_ptr<void> keepAlive; // owns what the field pointers point into
        int waiting = 0;
        bool failed = false;
        std::function<void(Result<void>)> done;
    };
    auto state = std::make_shared<State>(State {std::move(keepAlive), int(toStore.size()), false, std::move(done)});
    for (const auto& [path, field] : toStore) {
        const QString name = entryName(path);
        const QByteArray value = SecretRef::parse(*field).target.toUtf8(); // literal:X stores X
        QString* target = field;
        store->write(name, value, [state, name, path, target](Result<void> written) {
            if (state->failed) {
                return;
            }
            if (!written) {
                state->failed = true;
                state->done(Error(tr("%1 was not saved: %2").arg(path, written.error().message), path));
                return;
            }
            *target = QStringLiteral("keychain:") + name;
            if (--state->waiting == 0) {
                state->done({});
            }
        });
    }
}

bool EndpointLibrary::isReference(const QString& text)
{
    const SecretRef ref = SecretRef::parse(text);
    return ref.kind != SecretRef::Kind::Literal;
}

QStringList EndpointLibrary::load()
{
    QStringList problems;
    m_entries.clear();
    QDir dir(m_folder);
    dir.mkpath(QStringLiteral("."));
    QStringList order;
    QFile orderFile(dir.filePath(OrderFile));
    if (orderFile.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : orderFile.readAll().split('\n')) {
            if (!line.trimmed().isEmpty()) {
                order << QString::fromUtf8(line.trimmed());
            }
        }
    }
    QStringList ids;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        ids << name.chopped(5);
    }
    // Known order first, then files that appeared since (copied in by hand), by name.
    std::stable_sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) {
        const auto ia = order.indexOf(a);
        const auto ib = order.indexOf(b);
        return (ia < 0 ? order.size() : ia) < (ib < 0 ? order.size() : ib);
    });
    for (const QString& id : ids) {
        auto profile = EndpointProfile::load(filePath(id));
        if (!profile) {
            problems << profile.error().toString();
            continue;
        }
        m_entries.append({id, std::move(profile).value()});
    }
    emit changed();
    return problems;
}

int EndpointLibrary::indexOf(const QString& id) const
{
    return indexOfId(m_entries, id);
}

const EndpointEntry* EndpointLibrary::find(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_entries.at(i);
}

Result<void> EndpointLibrary::requireReferences(const QList<QPair<QString, QString*>>& fields)
{
    for (const auto& [path, field] : fields) {
        if (!field->isEmpty() && !isReference(*field)) {
            return Error(tr("%1 holds a secret value that is not in the keychain yet; save it again once a "
                            "keychain is available, or use an env: or file: reference")
                             .arg(path),
                         path);
        }
    }
    return {};
}

Result<void> EndpointLibrary::writeFile(const EndpointEntry& entry) const
{
    QDir().mkpath(m_folder);
    // Last line of defence: a value that is not a reference is never written.
    EndpointProfile copy = entry.profile;
    if (auto checked = requireReferences(secretFields(copy)); !checked) {
        return checked;
    }
    return entry.profile.save(filePath(entry.id));
}

Result<void> EndpointLibrary::writeOrder() const
{
    QSaveFile file(QDir(m_folder).filePath(OrderFile));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(tr("cannot write the endpoint order: %1").arg(file.errorString()), {}, file.fileName());
    }
    for (const auto& entry : m_entries) {
        file.write(entry.id.toUtf8() + '\n');
    }
    if (!file.commit()) {
        return Error(tr("cannot write the endpoint order: %1").arg(file.errorString()), {}, file.fileName());
    }
    return {};
}

void EndpointLibrary::save(EndpointEntry entry, int index, Done done)
{
    // Collect the typed values; each goes to its own keychain entry.
    struct Pending
    {
        EndpointEntry entry;
        int index = -1;
        Done done;
    };
    auto pending = std::make_shared<Pending>();
    pending->entry = std::move(entry);
    pending->index = index;
    pending->done = std::move(done);

    auto finish = [this, pending] {
        Result<void> written = writeFile(pending->entry);
        if (!written) {
            pending->done(written);
            return;
        }
        const int existing = indexOf(pending->entry.id);
        if (existing >= 0) {
            m_entries[existing] = pending->entry;
            if (pending->index >= 0 && pending->index != existing) {
                m_entries.move(existing, std::clamp<int>(pending->index, 0, int(m_entries.size()) - 1));
            }
        } else {
            const int at =
                pending->index < 0 ? int(m_entries.size()) : std::clamp<int>(pending->index, 0, int(m_entries.size()));
            m_entries.insert(at, pending->entry);
        }
        if (auto order = writeOrder(); !order) {
            pending->done(order);
            return;
        }
        emit changed();
        pending->done({});
    };

    const QString id = pending->entry.id;
    storeSecrets(
        m_store,
        secretFields(pending->entry.profile),
        [id](const QString& path) { return keychainName(id, path); },
        pending,
        [pending, finish](Result<void> stored) {
            if (!stored) {
                pending->done(stored);
                return;
            }
            finish();
        });
}

Result<void> EndpointLibrary::insert(int index, const EndpointEntry& entry)
{
    if (auto written = writeFile(entry); !written) {
        return written;
    }
    const int existing = indexOf(entry.id);
    if (existing >= 0) {
        m_entries.removeAt(existing);
    }
    m_entries.insert(std::clamp<int>(index, 0, int(m_entries.size())), entry);
    auto order = writeOrder();
    emit changed();
    return order;
}

Result<void> EndpointLibrary::remove(const QString& id)
{
    const int i = indexOf(id);
    if (i < 0) {
        return Error(tr("there is no endpoint %1").arg(id));
    }
    // Keychain entries stay: undo brings the endpoint back with its secrets.
    if (QFile file(filePath(id)); file.exists() && !file.remove()) {
        return Error(tr("cannot delete the endpoint file: %1").arg(file.errorString()), {}, file.fileName());
    }
    m_entries.removeAt(i);
    auto order = writeOrder();
    emit changed();
    return order;
}

Result<void> EndpointLibrary::move(int from, int to)
{
    if (from < 0 || from >= m_entries.size() || to < 0 || to >= m_entries.size()) {
        return Error(tr("cannot move the endpoint there"));
    }
    m_entries.move(from, to);
    auto order = writeOrder();
    emit changed();
    return order;
}

Result<void> EndpointLibrary::exportTo(const QString& id, const QString& path) const
{
    const EndpointEntry* entry = find(id);
    if (!entry) {
        return Error(tr("there is no endpoint %1").arg(id));
    }
    // The file holds references only; the secrets stay in this machine's keychain.
    return entry->profile.save(path);
}

void EndpointLibrary::importFrom(const QString& path, std::function<void(Result<QString>)> done)
{
    auto profile = EndpointProfile::load(path);
    if (!profile) {
        done(profile.error());
        return;
    }
    EndpointEntry entry {newId(), std::move(profile).value()};
    // file: references and TLS paths were relative to the imported file: make them absolute.
    const QString base = QFileInfo(path).absolutePath();
    for (const auto& field : secretFields(entry.profile)) {
        const SecretRef ref = SecretRef::parse(*field.second);
        if (ref.kind == SecretRef::Kind::File && QFileInfo(ref.target).isRelative()) {
            *field.second = QStringLiteral("file:") + QDir(base).absoluteFilePath(ref.target);
        }
    }
    entry.profile.baseDir = m_folder;
    if (entry.profile.name.isEmpty()) {
        entry.profile.name = QFileInfo(path).completeBaseName();
    }
    const QString id = entry.id;
    save(std::move(entry), -1, [done = std::move(done), id](Result<void> saved) {
        if (!saved) {
            done(saved.error());
        } else {
            done(id);
        }
    });
}

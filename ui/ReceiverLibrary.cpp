#include "ReceiverLibrary.h"

#include "EndpointLibrary.h"

#include "secrets/SecretRef.h"
#include "secrets/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <memory>

ReceiverLibrary::ReceiverLibrary(const QString& folder, SecretStore* store, QObject* parent)
    : QObject(parent)
    , m_folder(folder)
    , m_store(store)
{ }

QString ReceiverLibrary::keychainName(const QString& id, const QString& field)
{
    return QStringLiteral("receiver.%1.%2").arg(id, field);
}

QString ReceiverLibrary::filePath(const QString& id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".json"));
}

QString ReceiverLibrary::uniqueId(const QString& base) const
{
    QString clean = base;
    clean.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    clean = clean.trimmed();
    if (clean.isEmpty()) {
        clean = tr("Receiver");
    }
    QString id = clean;
    for (int n = 2; indexOf(id) >= 0 || QFile::exists(filePath(id)); ++n) {
        id = QStringLiteral("%1 %2").arg(clean).arg(n);
    }
    return id;
}

QList<QPair<QString, QString*>> ReceiverLibrary::secretFields(ReceiverConfig& config)
{
    QList<QPair<QString, QString*>> fields {
        {QStringLiteral("verify.auth.password"), &config.verify.auth.password},
        {QStringLiteral("verify.auth.token"), &config.verify.auth.token},
        {QStringLiteral("verify.auth.value"), &config.verify.auth.value},
    };
    if (config.tls) {
        fields.append({QStringLiteral("tls.key"), &config.tls->key});
    }
    for (int i = 0; i < config.verify.signatures.size(); ++i) {
        QStringList& secrets = config.verify.signatures[i].secrets;
        for (int j = 0; j < secrets.size(); ++j) {
            fields.append({QStringLiteral("verify.signatures[%1].secrets[%2]").arg(i).arg(j), &secrets[j]});
        }
    }
    if (config.verify.jws) {
        fields.append({QStringLiteral("verify.jws.secret"), &config.verify.jws->secret});
    }
    if (config.verify.jwe) {
        fields.append({QStringLiteral("verify.jwe.privateKey"), &config.verify.jwe->privateKey});
    }
    if (config.tokenEndpoint) {
        fields.append({QStringLiteral("tokenEndpoint.clientSecret"), &config.tokenEndpoint->clientSecret});
    }
    return fields;
}

QStringList ReceiverLibrary::load()
{
    m_entries.clear();
    QStringList problems;
    const QDir dir(m_folder);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        auto config = ReceiverConfig::load(dir.filePath(name));
        if (!config) {
            problems << config.error().toString();
            continue;
        }
        m_entries.append({QFileInfo(name).completeBaseName(), std::move(config).value()});
    }
    emit changed();
    return problems;
}

int ReceiverLibrary::indexOf(const QString& id) const
{
    return EndpointLibrary::indexOfId(m_entries, id);
}

const ReceiverEntry* ReceiverLibrary::find(const QString& id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_entries.at(i);
}

Result<void> ReceiverLibrary::writeFile(const ReceiverEntry& entry) const
{
    QDir().mkpath(m_folder);
    ReceiverConfig copy = entry.config;
    if (auto checked = EndpointLibrary::requireReferences(secretFields(copy)); !checked) {
        return checked;
    }
    return entry.config.save(filePath(entry.id));
}

void ReceiverLibrary::save(ReceiverEntry entry, Done done)
{
    struct Pending
    {
        ReceiverEntry entry;
        Done done;
    };
    auto pending = std::make_shared<Pending>();
    pending->entry = std::move(entry);
    pending->done = std::move(done);

    auto finish = [this, pending] {
        if (auto written = writeFile(pending->entry); !written) {
            pending->done(written);
            return;
        }
        if (const int existing = indexOf(pending->entry.id); existing >= 0) {
            m_entries[existing] = pending->entry;
        } else {
            m_entries.append(pending->entry);
        }
        emit changed();
        pending->done({});
    };

    // A renamed receiver keeps the keychain references of its old name: a new receiver that
    // takes that name gets entries of its own instead of overwriting the other one's secrets.
    QStringList usedElsewhere;
    for (ReceiverEntry other : m_entries) {
        if (other.id == pending->entry.id) {
            continue;
        }
        for (const auto& field : secretFields(other.config)) {
            usedElsewhere << *field.second;
        }
    }
    const QString id = pending->entry.id;
    const QString unique = id + QLatin1Char('.') + EndpointLibrary::newId();
    EndpointLibrary::storeSecrets(
        m_store,
        secretFields(pending->entry.config),
        [id, unique, usedElsewhere](const QString& path) {
            const QString name = keychainName(id, path);
            return usedElsewhere.contains(QStringLiteral("keychain:") + name) ? keychainName(unique, path) : name;
        },
        pending,
        [pending, finish](Result<void> stored) {
            if (!stored) {
                pending->done(stored);
                return;
            }
            finish();
        });
}

Result<void> ReceiverLibrary::remove(const QString& id)
{
    const int i = indexOf(id);
    if (i < 0) {
        return Error(tr("there is no receiver %1").arg(id));
    }
    if (QFile file(filePath(id)); file.exists() && !file.remove()) {
        return Error(tr("cannot delete the receiver file: %1").arg(file.errorString()), {}, file.fileName());
    }
    m_entries.removeAt(i);
    emit changed();
    return {};
}

Result<void> ReceiverLibrary::restore(const QString& id, const QByteArray& content)
{
    if (indexOf(id) >= 0 || QFile::exists(filePath(id))) {
        return Error(tr("a receiver named %1 exists again; rename it, then undo once more").arg(id));
    }
    QDir().mkpath(m_folder);
    QSaveFile file(filePath(id));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        return Error(tr("cannot write the receiver file: %1").arg(file.errorString()), {}, file.fileName());
    }
    auto config = ReceiverConfig::load(filePath(id));
    if (!config) {
        return config.error();
    }
    m_entries.append({id, std::move(config).value()});
    emit changed();
    return {};
}

Result<void> ReceiverLibrary::checkRename(const QString& from, const QString& to) const
{
    if (indexOf(from) < 0) {
        return Error(tr("there is no receiver %1").arg(from));
    }
    if (to.trimmed().isEmpty()) {
        return Error(tr("Rename: give the receiver a name"));
    }
    if (to != to.trimmed() || to.startsWith(QLatin1Char('.'))
        || to.contains(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]")))) {
        return Error(tr("Rename: \"%1\" cannot be a file name; leave out / \\ : * ? \" < > |, a leading dot and "
                        "spaces at either end")
                         .arg(to));
    }
    // A change of case only is the same file on a case-insensitive file system: not a clash.
    const bool otherFile =
        QFile::exists(filePath(to))
        && QFileInfo(filePath(to)).canonicalFilePath() != QFileInfo(filePath(from)).canonicalFilePath();
    if (to != from && (indexOf(to) >= 0 || otherFile)) {
        return Error(tr("Rename: there is already a receiver named %1; choose another name").arg(to));
    }
    return {};
}

Result<void> ReceiverLibrary::rename(const QString& from, const QString& to)
{
    if (auto ok = checkRename(from, to); !ok) {
        return ok;
    }
    if (from == to) {
        return {};
    }
    // Through a temporary name, so a change of case works on case-insensitive file systems too.
    const QString temporary = filePath(from) + QStringLiteral(".renaming");
    if (!QFile::rename(filePath(from), temporary) || !QFile::rename(temporary, filePath(to))) {
        QFile::rename(temporary, filePath(from));
        return Error(tr("cannot rename the receiver file %1 to %2").arg(filePath(from), filePath(to)));
    }
    m_entries[indexOf(from)].id = to;
    emit changed();
    return {};
}

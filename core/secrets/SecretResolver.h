#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

// reference string -> resolved bytes
using SecretValues = QHash<QString, QByteArray>;

// Resolves a set of secret references, asking the store only for keychain: entries.
// The callback runs exactly once, with every value or with the first error. The error's `path`
// is the reference that failed (never its value), so the caller can name its own JSON field.
class SecretResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretResolver)

public:
    using Callback = std::function<void(Result<SecretValues>)>;

    explicit SecretResolver(SecretStore* store, QObject* parent = nullptr);

    void resolve(const QStringList& references, const QString& baseDir, Callback done);

private:
    QPointer<SecretStore> m_store;
};

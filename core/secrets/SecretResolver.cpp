#include "SecretResolver.h"

#include "SecretRef.h"

#include <QTimer>

#include <memory>

namespace {

// One resolve() call in flight: what is known so far and how many keychain answers are due.
struct Pending
{
    SecretResolver::Callback done;
    SecretValues values;
    qsizetype outstanding = 0;
    bool finished = false;
};

} // namespace

SecretResolver::SecretResolver(SecretStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{ }

void SecretResolver::resolve(const QStringList& references, const QString& baseDir, Callback done)
{
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);

    // Finishing always goes through the event loop, so the callback never runs inside this
    // call (all-local lists included), and never after this resolver is gone.
    QPointer<SecretResolver> self(this);
    auto finish = [self, pending](Result<SecretValues> result) {
        if (pending->finished) {
            return;
        }
        pending->finished = true;
        if (!self) {
            return;
        }
        QTimer::singleShot(0, self, [pending, result = std::move(result)]() mutable {
            auto done = std::move(pending->done);
            done(std::move(result));
        });
    };

    QStringList unique = references;
    unique.removeDuplicates();

    QList<QPair<QString, QString>> keychainEntries; // reference, entry name
    for (const QString& reference : std::as_const(unique)) {
        const SecretRef ref = SecretRef::parse(reference);
        if (ref.kind == SecretRef::Kind::Keychain) {
            if (ref.target.isEmpty()) {
                finish(Error(QStringLiteral("names no keychain entry; write keychain:NAME"), reference));
                return;
            }
            keychainEntries.append({reference, ref.target});
            continue;
        }
        auto value = ref.resolveLocal(baseDir);
        if (!value) {
            Error error = value.error();
            error.path = reference;
            finish(error);
            return;
        }
        pending->values.insert(reference, std::move(value).value());
    }

    if (keychainEntries.isEmpty()) {
        finish(pending->values);
        return;
    }
    if (!m_store) {
        finish(Error(QStringLiteral("no keychain store is available to look it up"), keychainEntries.first().first));
        return;
    }

    pending->outstanding = keychainEntries.size();
    for (const auto& [reference, name] : std::as_const(keychainEntries)) {
        m_store->read(name, [finish, pending, reference, name](Result<std::optional<QByteArray>> answer) {
            if (pending->finished) {
                return; // an earlier error has been reported already
            }
            if (!answer) {
                finish(Error(answer.error().message, reference));
                return;
            }
            if (!answer.value()) {
                finish(Error(QStringLiteral("keychain entry %1 not found; store it with: "
                                            "hookbench-cli secret set %1")
                                 .arg(name),
                             reference));
                return;
            }
            pending->values.insert(reference, *std::move(answer).value());
            if (--pending->outstanding == 0) {
                finish(pending->values);
            }
        });
    }
}

#include "SecretStore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

// Off by default so the CLI's stderr keeps its one-line errors; QT_LOGGING_RULES turns it on.
// It logs entry names and QtKeychain's own error text, never a value.
Q_LOGGING_CATEGORY(lcSecrets, "hookbench.secrets", QtWarningMsg)

const QString NoKeychainMessage = QStringLiteral("No keychain (Secret Service) is available: start gnome-keyring or "
                                                 "KWallet, or use env:/file: references instead");

// QtKeychain 0.13 on Linux goes through libsecret, which reports a missing or unreachable
// session bus as OtherError (7) with GDBus's text ("Cannot autolaunch D-Bus without X11
// $DISPLAY", "Could not connect: No such file or directory"), not as NoBackendAvailable.
// Those texts, and D-Bus's "no such service" answers, all mean "there is no keychain here".
bool meansNoKeychain(const QKeychain::Job* job)
{
    if (job->error() == QKeychain::NoBackendAvailable) {
        return true;
    }
    if (job->error() != QKeychain::OtherError) {
        return false;
    }
    const QString text = job->errorString();
    static const QLatin1String signs[] = {
        QLatin1String("autolaunch D-Bus"),           // no session bus and no X11 to start one
        QLatin1String("Could not connect"),          // DBUS_SESSION_BUS_ADDRESS points at nothing
        QLatin1String(".DBus.Error.ServiceUnknown"), // a bus, but no Secret Service / KWallet on it
        QLatin1String(".DBus.Error.NoServer"),
        QLatin1String(".DBus.Error.Disconnected"),
        QLatin1String(".DBus.Error.Spawn."), // the service exists but failed to start
        QLatin1String("was not provided by any .service files"),
    };
    for (const auto& sign : signs) {
        if (text.contains(sign, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

Error jobError(const QKeychain::Job* job, const QString& doing)
{
    qCDebug(lcSecrets) << "keychain job for" << job->key() << "failed:" << job->error() << job->errorString();
    if (meansNoKeychain(job)) {
        return Error(NoKeychainMessage);
    }
    switch (job->error()) {
        case QKeychain::AccessDeniedByUser:
            return Error(QStringLiteral("the keychain refused to %1: access was denied by the user").arg(doing));
        case QKeychain::AccessDenied:
            return Error(
                QStringLiteral("the keychain refused to %1: access denied (%2); unlock the keyring and try again")
                    .arg(doing, job->errorString()));
        default:
            return Error(QStringLiteral("the keychain could not %1: %2; check that the keyring is unlocked")
                             .arg(doing, job->errorString()));
    }
}

// Every job is configured here, so no code path can turn on QtKeychain's plain-text fallback,
// which would silently write the secret into a settings file on disk.
template <typename JobType>
JobType* makeJob(const QString& name)
{
    auto* job = new JobType(QString::fromLatin1(KeychainSecretStore::Service)); // deletes itself once finished
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}

Error emptyName()
{
    return Error(QStringLiteral("the keychain entry name is empty; write keychain:NAME"));
}

// Answers are always asynchronous, errors found before any job starts included, so callers
// never see their callback run inside their own call.
template <typename Callback>
void failLater(QObject* context, Callback done, Error error)
{
    QTimer::singleShot(0, context, [done = std::move(done), error = std::move(error)] { done(error); });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : SecretStore(parent)
{ }

// The jobs have no Qt parent on purpose: libsecret finishes them from its own callback, which
// must not find the job deleted under it if this store goes away first. Connecting with `this`
// as context still guarantees no callback runs after the store is gone.

void KeychainSecretStore::read(const QString& name, ReadCallback done)
{
    if (name.isEmpty()) {
        failLater(this, std::move(done), emptyName());
        return;
    }
    auto* job = makeJob<QKeychain::ReadPasswordJob>(name);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done), name](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            done(std::optional<QByteArray>(static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData()));
        } else if (finished->error() == QKeychain::EntryNotFound) {
            done(std::optional<QByteArray>());
        } else {
            done(jobError(finished, QStringLiteral("read entry %1").arg(name)));
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString& name, const QByteArray& value, DoneCallback done)
{
    if (name.isEmpty()) {
        failLater(this, std::move(done), emptyName());
        return;
    }
    auto* job = makeJob<QKeychain::WritePasswordJob>(name);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done), name](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            done({});
        } else {
            done(jobError(finished, QStringLiteral("store entry %1").arg(name)));
        }
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& name, DoneCallback done)
{
    if (name.isEmpty()) {
        failLater(this, std::move(done), emptyName());
        return;
    }
    auto* job = makeJob<QKeychain::DeletePasswordJob>(name);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done), name](QKeychain::Job* finished) {
        // Deleting what is not there leaves the keychain as asked: not an error.
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            done({});
        } else {
            done(jobError(finished, QStringLiteral("delete entry %1").arg(name)));
        }
    });
    job->start();
}

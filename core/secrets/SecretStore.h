#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

// Where secret values live. Asynchronous, callback style: the keychain answers through D-Bus
// and must never be waited on with a blocking loop. EntryNotFound is "nothing stored"
// (std::nullopt), not an error. When no keychain answers, the error says so plainly.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(Result<std::optional<QByteArray>>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString& name, ReadCallback done) = 0;
    virtual void write(const QString& name, const QByteArray& value, DoneCallback done) = 0;
    virtual void remove(const QString& name, DoneCallback done) = 0;
};

// The OS keychain through QtKeychain, service "hookbench".
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr auto Service = "hookbench";

    explicit KeychainSecretStore(QObject* parent = nullptr);

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QByteArray& value, DoneCallback done) override;
    void remove(const QString& name, DoneCallback done) override;
};

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

// A secret reference of contract section 2: env:NAME, file:PATH, keychain:NAME, literal:TEXT;
// anything else is taken as a literal.
struct SecretRef
{
    enum class Kind
    {
        Env,
        File,
        Keychain,
        Literal,
    };

    Kind kind = Kind::Literal;
    QString target; // variable name, path, keychain entry name, or the literal text

    static SecretRef parse(const QString& reference);
    QString toString() const;

    // Resolves env:, file: and literal: at once. keychain: needs SecretResolver (asynchronous).
    // `baseDir` is the folder relative file: paths start from.
    Result<QByteArray> resolveLocal(const QString& baseDir) const;
};

// "••••" followed by the last 4 characters, or only "••••" when the value is too short to
// show any of it safely. Used wherever a secret would otherwise be displayed or stored.
QString maskSecret(QByteArrayView value);

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

// A secret reference of docs/secrets.md: env:NAME, file:PATH, keychain:NAME, literal:TEXT;
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

// "••••" (four U+2022) followed by the last 4 characters of the value, so a user can tell which
// secret was used without seeing it; only "••••" unless those 4 characters are at most a quarter
// of the secret, i.e. the secret has 16 characters or more. For an HTTP credential
// "SCHEME credentials" ("Bearer abc...") the length counted is that of the credentials; for
// "Basic base64(user:password)", whose base64 tail encodes the password's tail, that of the
// decoded password. Characters are Unicode code points of the UTF-8 value (never half of a
// multi-byte character); a value that is not valid UTF-8 gives only "••••". Used wherever a
// secret would otherwise be displayed or stored.
QString maskSecret(QByteArrayView value);

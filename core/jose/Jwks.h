#pragma once

#include "JoseKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// JSON Web Key Sets (RFC 7517 section 5): reading a set to verify with, choosing a key by kid,
// and writing the public set a receiver serves at /.well-known/jwks.json.
namespace Jwks {
// Every key of {"keys": [...]}; a key this build cannot use (another kty or curve) is an error
// naming its index, so a typo never silently drops a key. Each key keeps its kid.
Result<QList<JoseKey>> parse(const QByteArray& json);
// The key with this kid; with an empty kid, the only key of the set. Errors say which kids exist.
Result<JoseKey> select(const QList<JoseKey>& keys, const QString& kid);
// {"keys": [...]} of the public JWKs (secrets are left out: they have no public part), compact.
QByteArray toPublicJson(const QList<JoseKey>& keys);
// RFC 7638 thumbprint (base64url SHA-256 of the canonical public JWK): a stable default kid.
QString thumbprint(const JoseKey& key);
} // namespace Jwks

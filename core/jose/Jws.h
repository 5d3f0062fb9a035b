#pragma once

#include "JoseKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>

// Compact JWS (RFC 7515) for HS256, RS256, PS256, ES256 and EdDSA, on OpenSSL 3 EVP.
namespace Jws {
// `header` must hold "alg" (and whatever else: typ, kid); it is serialised as given.
// The key must fit the algorithm (an RSA key for RS256/PS256, ...), else an Error says which.
Result<QByteArray> signCompact(const QJsonObject& header, const QByteArray& payload, const JoseKey& key);
} // namespace Jws

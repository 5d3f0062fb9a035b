#pragma once

#include "JoseKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// Compact JWS (RFC 7515) for HS256, RS256, PS256, ES256 and EdDSA, on OpenSSL 3 EVP.
namespace Jws {
// `header` must hold "alg" (and whatever else: typ, kid); it is serialised as given.
// The key must fit the algorithm (an RSA key for RS256/PS256, ...), else an Error says which.
Result<QByteArray> signCompact(const QJsonObject& header, const QByteArray& payload, const JoseKey& key);

// The three parts of a compact JWS, decoded but NOT verified: for showing what arrived.
struct Parts
{
    QJsonObject header;
    QByteArray payload;
    QByteArray signature;
    QByteArray signingInput; // ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
};
// Strict decoding: three base64url parts, a header object naming each member once, a string alg.
Result<Parts> parseCompact(const QByteArray& token);

struct Verified
{
    QJsonObject header;
    QByteArray payload;
    QString alg;
    int keyIndex = -1; // which of the keys given verified the signature
    JoseKey key;
};
// Verifies with the first of `keys` that fits: a key is tried only for the algorithms its type
// allows (JoseKey::signatureAlgs), and only when its kid matches the header's kid (keys without
// a kid are always tried). `allowedAlgs`, when not empty, narrows that further. Refuses alg
// "none", any "crit", duplicate header members, malformed base64url and wrong signature lengths;
// every refusal says why.
Result<Verified>
verifyCompact(const QByteArray& token, const QList<JoseKey>& keys, const QStringList& allowedAlgs = {});

// The raw JWS signature (R||S for ES256) over `signingInput`, and its check.
Result<QByteArray> sign(const QString& alg, QByteArrayView signingInput, const JoseKey& key);
Result<void>
verifySignature(const QString& alg, QByteArrayView signingInput, QByteArrayView signature, const JoseKey& key);
} // namespace Jws

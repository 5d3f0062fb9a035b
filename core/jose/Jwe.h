#pragma once

#include "JoseKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Compact JWE (RFC 7516, algorithms of RFC 7518) on OpenSSL 3 EVP: key management RSA-OAEP-256,
// RSA-OAEP and ECDH-ES+A256KW; content encryption A256GCM and A128CBC-HS256.
namespace Jwe {
struct EncryptOptions
{
    QString alg = QStringLiteral("RSA-OAEP-256");
    QString enc = QStringLiteral("A256GCM");
    QString kid;
    QString cty; // "JWT" when the plaintext is a JWS (sign, then encrypt)
};
// Encrypts `plaintext` to `recipient` (an RSA or EC P-256 public key, from PEM or certificate).
Result<QByteArray>
encryptCompact(const QByteArray& plaintext, const JoseKey& recipient, const EncryptOptions& options = {});

struct Decrypted
{
    QJsonObject header;
    QByteArray plaintext;
    int keyIndex = -1; // which of the keys given decrypted it
};
// Decrypts with the first of `keys` (private keys) that fits the header's alg and kid. Refuses
// unknown alg/enc, zip, any crit, duplicate header members, wrong IV or tag lengths, a key unwrap
// that fails its integrity check and an altered ciphertext or tag; every refusal says why.
Result<Decrypted> decryptCompact(const QByteArray& token, const QList<JoseKey>& keys);

// The decoded protected header without decrypting (for showing what arrived).
Result<QJsonObject> peekHeader(const QByteArray& token);
} // namespace Jwe

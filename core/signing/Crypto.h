#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>

// Thin wrappers over OpenSSL 3 for the primitives the signing schemes need. Pure functions.
namespace Crypto {
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
// The MAC of the concatenated parts, without building the concatenation (id.timestamp.body).
QByteArray hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts);
QByteArray sha256(QByteArrayView data);
// Ed25519 from a 32-byte seed (private key) and with a 32-byte public key.
Result<QByteArray> ed25519Sign(QByteArrayView seed, QByteArrayView data);
Result<QByteArray> ed25519PublicKey(QByteArrayView seed);
bool ed25519Verify(QByteArrayView publicKey, QByteArrayView signature, QByteArrayView data);
// CRYPTO_memcmp; false when the lengths differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
QByteArray randomBytes(int count);
} // namespace Crypto

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <openssl/evp.h>

#include <memory>

// Shared by the JOSE sources only (not a public header): base64url as RFC 7515 section 2 wants
// it, the strict header parser and owning pointers for OpenSSL objects.
namespace JoseUtil {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// Shares ownership of `key` (takes the caller's reference).
std::shared_ptr<EVP_PKEY> sharePkey(EVP_PKEY* key);

QByteArray base64Url(QByteArrayView data);
// Strict: only the base64url alphabet, no padding, no stray bits; `what` names the part in the error.
Result<QByteArray> fromBase64Url(QByteArrayView text, const QString& what);

// The protected header: a JSON object whose member names are all distinct (RFC 7515 section 5.2,
// RFC 7516 section 5.2); QJsonDocument alone would silently keep one of two duplicates.
Result<QJsonObject> parseHeader(const QByteArray& json, const QString& what);
// RFC 7515 section 4.1.11: HookBench understands no extension, so any "crit" is refused.
Result<void> checkCrit(const QJsonObject& header);

// The pending OpenSSL error queue as one line (and cleared), for errors that have no better words.
QString openSslError();

// Unsigned big-endian integer bytes, left-padded with zeros to `size`.
QByteArray padLeft(const QByteArray& bytes, int size);

// Casts for OpenSSL's unsigned char buffers.
inline const unsigned char* uchars(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char*>(view.data());
}
inline unsigned char* uchars(QByteArray& bytes)
{
    return reinterpret_cast<unsigned char*>(bytes.data());
}

} // namespace JoseUtil

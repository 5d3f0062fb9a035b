#include "Crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

// The hot path is HMAC-SHA256 (every signed delivery, every verified request): the MAC
// algorithm is fetched once per process and each thread keeps one initialised MAC context,
// so a call allocates only its 32-byte result.

namespace {

struct MacDeleter
{
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};
struct MdDeleter
{
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

constexpr int Sha256Size = 32;
constexpr int Ed25519KeySize = 32;
constexpr int Ed25519SignatureSize = 64;

const unsigned char* bytes(QByteArrayView view)
{
    // OpenSSL wants a non-null pointer even for empty input.
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char*>(view.data());
}

EVP_MAC* hmacAlgorithm()
{
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}

const EVP_MD* sha256Algorithm()
{
    static const std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    return md.get();
}

// One context per thread, with the digest already set: EVP_MAC_init then only swaps the key.
EVP_MAC_CTX* threadHmacContext()
{
    thread_local const std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx = [] {
        std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> created(EVP_MAC_CTX_new(hmacAlgorithm()));
        if (created) {
            char digest[] = "SHA256";
            const OSSL_PARAM params[] = {
                OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                OSSL_PARAM_construct_end(),
            };
            if (EVP_MAC_CTX_set_params(created.get(), params) != 1) {
                created.reset();
            }
        }
        return created;
    }();
    return ctx.get();
}

} // namespace

namespace Crypto {

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmacSha256(key, {data});
}

QByteArray hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts)
{
    EVP_MAC_CTX* ctx = threadHmacContext();
    if (!ctx) {
        return {};
    }
    // A null key would mean "reuse the previous key", so an empty key gets a real pointer.
    if (EVP_MAC_init(ctx, bytes(key), static_cast<size_t>(key.size()), nullptr) != 1) {
        return {};
    }
    for (QByteArrayView part : parts) {
        if (!part.isEmpty() && EVP_MAC_update(ctx, bytes(part), static_cast<size_t>(part.size())) != 1) {
            return {};
        }
    }
    QByteArray out(Sha256Size, Qt::Uninitialized);
    size_t outLength = 0;
    if (EVP_MAC_final(ctx, reinterpret_cast<unsigned char*>(out.data()), &outLength, Sha256Size) != 1
        || outLength != Sha256Size) {
        return {};
    }
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    unsigned int outLength = 0;
    if (EVP_Digest(bytes(data),
                   static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char*>(out.data()),
                   &outLength,
                   sha256Algorithm(),
                   nullptr)
            != 1
        || outLength != Sha256Size) {
        return {};
    }
    return out;
}

Result<QByteArray> ed25519Sign(QByteArrayView seed, QByteArrayView data)
{
    if (seed.size() != Ed25519KeySize) {
        return Error(QStringLiteral("an Ed25519 private key (seed) is 32 bytes, this one is %1").arg(seed.size()));
    }
    const PkeyPtr key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed), static_cast<size_t>(seed.size())));
    const MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return Error(QStringLiteral("OpenSSL could not load the Ed25519 key"));
    }
    QByteArray signature(Ed25519SignatureSize, Qt::Uninitialized);
    size_t length = Ed25519SignatureSize;
    if (EVP_DigestSign(ctx.get(),
                       reinterpret_cast<unsigned char*>(signature.data()),
                       &length,
                       bytes(data),
                       static_cast<size_t>(data.size()))
            != 1
        || length != Ed25519SignatureSize) {
        return Error(QStringLiteral("OpenSSL could not compute the Ed25519 signature"));
    }
    return signature;
}

Result<QByteArray> ed25519PublicKey(QByteArrayView seed)
{
    if (seed.size() != Ed25519KeySize) {
        return Error(QStringLiteral("an Ed25519 private key (seed) is 32 bytes, this one is %1").arg(seed.size()));
    }
    const PkeyPtr key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed), static_cast<size_t>(seed.size())));
    QByteArray publicKey(Ed25519KeySize, Qt::Uninitialized);
    size_t length = Ed25519KeySize;
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(publicKey.data()), &length) != 1
        || length != Ed25519KeySize) {
        return Error(QStringLiteral("OpenSSL could not derive the Ed25519 public key"));
    }
    return publicKey;
}

bool ed25519Verify(QByteArrayView publicKey, QByteArrayView signature, QByteArrayView data)
{
    if (publicKey.size() != Ed25519KeySize || signature.size() != Ed25519SignatureSize) {
        return false;
    }
    const PkeyPtr key(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, bytes(publicKey), static_cast<size_t>(publicKey.size())));
    const MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return false;
    }
    return EVP_DigestVerify(ctx.get(),
                            bytes(signature),
                            static_cast<size_t>(signature.size()),
                            bytes(data),
                            static_cast<size_t>(data.size()))
           == 1;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The length of a MAC is public; only its content must not leak through timing.
    if (a.size() != b.size()) {
        return false;
    }
    return CRYPTO_memcmp(bytes(a), bytes(b), static_cast<size_t>(a.size())) == 0;
}

QByteArray randomBytes(int count)
{
    if (count <= 0) {
        return {};
    }
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1) {
        return {};
    }
    return out;
}

} // namespace Crypto

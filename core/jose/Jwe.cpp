#include "Jwe.h"

#include "JoseUtil.h"
#include "signing/Crypto.h"

#include <QJsonDocument>
#include <QtEndian>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/rsa.h>

using namespace JoseUtil;

namespace {

constexpr int CekSize = 32;     // A256GCM key; A128CBC-HS256 MAC key + AES key
constexpr int GcmIvSize = 12;   // RFC 7518 5.3
constexpr int CbcIvSize = 16;   // RFC 7518 5.2
constexpr int TagSize = 16;     // both encs
constexpr int WrappedSize = 40; // AES key wrap of 32 bytes (RFC 3394)
constexpr int MinRsaBits = 2048;

struct KdfDeleter
{
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

bool isRsaAlg(const QString& alg)
{
    return alg == QLatin1String("RSA-OAEP-256") || alg == QLatin1String("RSA-OAEP");
}

bool isEcdhAlg(const QString& alg)
{
    return alg == QLatin1String("ECDH-ES+A256KW");
}

Result<void> checkAlgEnc(const QString& alg, const QString& enc)
{
    if (!isRsaAlg(alg) && !isEcdhAlg(alg)) {
        return Error(QStringLiteral("the JWE key management alg \"%1\" is not supported; use RSA-OAEP-256, RSA-OAEP or"
                                    " ECDH-ES+A256KW")
                         .arg(alg),
                     QStringLiteral("alg"));
    }
    if (enc != QLatin1String("A256GCM") && enc != QLatin1String("A128CBC-HS256")) {
        return Error(QStringLiteral("the JWE content encryption enc \"%1\" is not supported; use A256GCM or"
                                    " A128CBC-HS256")
                         .arg(enc),
                     QStringLiteral("enc"));
    }
    return {};
}

Result<void> checkKeyFits(const QString& alg, const JoseKey& key)
{
    if (isRsaAlg(alg) && key.type() != JoseKey::Type::Rsa) {
        return Error(QStringLiteral("%1 needs an RSA key, but the key given is %2").arg(alg, key.typeName()));
    }
    if (isEcdhAlg(alg) && key.type() != JoseKey::Type::EcP256) {
        return Error(QStringLiteral("%1 needs an EC P-256 key, but the key given is %2").arg(alg, key.typeName()));
    }
    if (key.type() == JoseKey::Type::Rsa && key.bits() < MinRsaBits) {
        return Error(
            QStringLiteral("the RSA key has %1 bits; %2 needs at least %3").arg(key.bits()).arg(alg).arg(MinRsaBits));
    }
    return {};
}

const EVP_MD* oaepDigest(const QString& alg)
{
    return alg == QLatin1String("RSA-OAEP") ? EVP_sha1() : EVP_sha256();
}

Result<PkeyCtxPtr> rsaOaepContext(const QString& alg, const JoseKey& key, bool encrypt)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    const EVP_MD* md = oaepDigest(alg);
    if (!ctx || (encrypt ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md) != 1 || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md) != 1) {
        return Error(QStringLiteral("%1 cannot be set up with this key (%2)").arg(alg, openSslError()));
    }
    return ctx;
}

QByteArray lengthPrefixed(const QByteArray& data)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(data.size()), out.data());
    return out + data;
}

// Z from our private key and their public key.
Result<QByteArray> ecdh(EVP_PKEY* own, EVP_PKEY* peer)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr));
    size_t length = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &length) != 1) {
        return Error(QStringLiteral("ECDH key agreement failed (%1)").arg(openSslError()));
    }
    QByteArray z(qsizetype(length), '\0');
    if (EVP_PKEY_derive(ctx.get(), uchars(z), &length) != 1) {
        return Error(QStringLiteral("ECDH key agreement failed (%1)").arg(openSslError()));
    }
    z.resize(qsizetype(length));
    return z;
}

// The key-encryption key from Z: the Concat KDF of RFC 7518 4.6.2 (NIST SP 800-56A single-step
// KDF with SHA-256), which OpenSSL provides as SSKDF.
Result<QByteArray> concatKdf(const QByteArray& z, const QString& alg, const QByteArray& apu, const QByteArray& apv)
{
    QByteArray keyBits(4, '\0');
    qToBigEndian(quint32(CekSize * 8), keyBits.data());
    QByteArray otherInfo = lengthPrefixed(alg.toLatin1()) + lengthPrefixed(apu) + lengthPrefixed(apv) + keyBits;

    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "SSKDF", nullptr));
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    QByteArray secret = z;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, secret.data(), size_t(secret.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, otherInfo.data(), size_t(otherInfo.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray kek(CekSize, '\0');
    if (!ctx || EVP_KDF_derive(ctx.get(), uchars(kek), size_t(kek.size()), params) != 1) {
        return Error(QStringLiteral("the Concat KDF failed (%1)").arg(openSslError()));
    }
    return kek;
}

// AES-256 key wrap (RFC 3394) with the default IV, whose check is the unwrap's integrity check.
Result<QByteArray> aesKeyWrap(const QByteArray& kek, const QByteArray& data, bool wrap)
{
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) {
        return Error(QStringLiteral("no cipher context (%1)").arg(openSslError()));
    }
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    QByteArray out(data.size() + 16, '\0');
    int length = 0;
    int finalLength = 0;
    const bool ok = EVP_CipherInit_ex(ctx.get(), EVP_aes_256_wrap(), nullptr, uchars(kek), nullptr, wrap ? 1 : 0) == 1
                    && EVP_CipherUpdate(ctx.get(), uchars(out), &length, uchars(data), int(data.size())) == 1
                    && length > 0 && EVP_CipherFinal_ex(ctx.get(), uchars(out) + length, &finalLength) == 1;
    ERR_clear_error();
    if (!ok) {
        return Error(wrap ? QStringLiteral("AES key wrap failed")
                          : QStringLiteral("the AES key unwrap failed its integrity check: the token was encrypted to"
                                           " another key, or its encrypted key or epk was altered"));
    }
    out.resize(length + finalLength);
    return out;
}

QByteArray
cbcHmacTag(const QByteArray& macKey, const QByteArray& aad, const QByteArray& iv, const QByteArray& ciphertext)
{
    QByteArray al(8, '\0');
    qToBigEndian(quint64(aad.size()) * 8, al.data());
    return Crypto::hmacSha256(macKey, {aad, iv, ciphertext, al}).left(TagSize);
}

struct Sealed
{
    QByteArray ciphertext;
    QByteArray tag;
};

Result<Sealed> seal(const QString& enc,
                    const QByteArray& cek,
                    const QByteArray& iv,
                    const QByteArray& aad,
                    const QByteArray& plaintext)
{
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    const bool gcm = enc == QLatin1String("A256GCM");
    const QByteArray key = gcm ? cek : cek.mid(16);
    QByteArray out(plaintext.size() + 16, '\0');
    int length = 0;
    int finalLength = 0;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), gcm ? EVP_aes_256_gcm() : EVP_aes_128_cbc(), nullptr, nullptr, nullptr) != 1
        || (gcm && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1)
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, uchars(key), uchars(iv)) != 1) {
        return Error(QStringLiteral("%1 cannot be set up (%2)").arg(enc, openSslError()));
    }
    int aadLength = 0;
    if ((gcm && EVP_EncryptUpdate(ctx.get(), nullptr, &aadLength, uchars(aad), int(aad.size())) != 1)
        || EVP_EncryptUpdate(ctx.get(), uchars(out), &length, uchars(plaintext), int(plaintext.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), uchars(out) + length, &finalLength) != 1) {
        return Error(QStringLiteral("%1 encryption failed (%2)").arg(enc, openSslError()));
    }
    out.resize(length + finalLength);
    Sealed sealed;
    sealed.ciphertext = out;
    if (gcm) {
        sealed.tag = QByteArray(TagSize, '\0');
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, sealed.tag.data()) != 1) {
            return Error(QStringLiteral("A256GCM gave no tag (%1)").arg(openSslError()));
        }
    } else {
        sealed.tag = cbcHmacTag(cek.left(16), aad, iv, out);
    }
    return sealed;
}

Result<QByteArray>
open(const QString& enc, const QByteArray& cek, const QByteArray& iv, const QByteArray& aad, const Sealed& sealed)
{
    const QString altered = QStringLiteral("the %1 authentication tag does not match: the ciphertext, tag, IV or header"
                                           " was altered, or the token was encrypted to another key")
                                .arg(enc);
    const bool gcm = enc == QLatin1String("A256GCM");
    if (!gcm && !Crypto::constantTimeEquals(cbcHmacTag(cek.left(16), aad, iv, sealed.ciphertext), sealed.tag)) {
        return Error(altered); // checked before any decryption: no padding oracle
    }
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    const QByteArray key = gcm ? cek : cek.mid(16);
    QByteArray out(sealed.ciphertext.size() + 16, '\0');
    int length = 0;
    int finalLength = 0;
    QByteArray tag = sealed.tag;
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), gcm ? EVP_aes_256_gcm() : EVP_aes_128_cbc(), nullptr, nullptr, nullptr) != 1
        || (gcm && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1)
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, uchars(key), uchars(iv)) != 1) {
        return Error(QStringLiteral("%1 cannot be set up (%2)").arg(enc, openSslError()));
    }
    int aadLength = 0;
    const bool ok =
        (!gcm || EVP_DecryptUpdate(ctx.get(), nullptr, &aadLength, uchars(aad), int(aad.size())) == 1)
        && EVP_DecryptUpdate(ctx.get(), uchars(out), &length, uchars(sealed.ciphertext), int(sealed.ciphertext.size()))
               == 1
        && (!gcm || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(tag.size()), tag.data()) == 1)
        && EVP_DecryptFinal_ex(ctx.get(), uchars(out) + length, &finalLength) == 1;
    ERR_clear_error();
    if (!ok) {
        return Error(gcm ? altered : QStringLiteral("the A128CBC-HS256 plaintext padding is wrong"));
    }
    out.resize(length + finalLength);
    return out;
}

struct Token
{
    QJsonObject header;
    QByteArray aad;
    QByteArray encryptedKey;
    QByteArray iv;
    Sealed sealed;
};

Result<Token> parse(const QByteArray& compact)
{
    const QByteArray trimmed = compact.trimmed();
    const qsizetype dots = trimmed.count('.');
    if (dots != 4) {
        return Error(dots == 2 ? QStringLiteral("this is a compact JWS (three parts), not a JWE")
                               : QStringLiteral("a compact JWE has five base64url parts separated by dots; this has %1")
                                     .arg(dots + 1));
    }
    const QList<QByteArray> pieces = trimmed.split('.');
    const QString names[] = {QStringLiteral("JWE header"),
                             QStringLiteral("JWE encrypted key"),
                             QStringLiteral("JWE IV"),
                             QStringLiteral("JWE ciphertext"),
                             QStringLiteral("JWE tag")};
    QList<QByteArray> decoded;
    for (int i = 0; i < 5; ++i) {
        auto part = fromBase64Url(pieces.at(i), names[i]);
        if (!part) {
            return part.error();
        }
        decoded << part.value();
    }
    auto header = parseHeader(decoded.at(0), names[0]);
    if (!header) {
        return header.error();
    }
    Token token;
    token.header = header.value();
    token.aad = pieces.at(0);
    token.encryptedKey = decoded.at(1);
    token.iv = decoded.at(2);
    token.sealed.ciphertext = decoded.at(3);
    token.sealed.tag = decoded.at(4);
    return token;
}

// The CEK, unwrapped with `key`.
Result<QByteArray> unwrapCek(const Token& token, const QString& alg, const JoseKey& key)
{
    if (isRsaAlg(alg)) {
        if (token.encryptedKey.size() != EVP_PKEY_get_size(key.pkey())) {
            return Error(QStringLiteral("the encrypted key is %1 bytes; with this %2-bit RSA key it must be %3")
                             .arg(token.encryptedKey.size())
                             .arg(key.bits())
                             .arg(EVP_PKEY_get_size(key.pkey())));
        }
        auto ctx = rsaOaepContext(alg, key, false);
        if (!ctx) {
            return ctx.error();
        }
        size_t length = size_t(EVP_PKEY_get_size(key.pkey()));
        QByteArray cek(qsizetype(length), '\0');
        const int ok = EVP_PKEY_decrypt(
            ctx->get(), uchars(cek), &length, uchars(token.encryptedKey), size_t(token.encryptedKey.size()));
        ERR_clear_error();
        if (ok != 1) {
            return Error(QStringLiteral("the encrypted key does not decrypt with this RSA key (%1): the token was"
                                        " encrypted to another key, or its encrypted key was altered")
                             .arg(alg));
        }
        cek.resize(qsizetype(length));
        return cek;
    }
    const QJsonValue epk = token.header.value(QLatin1String("epk"));
    if (!epk.isObject()) {
        return Error(QStringLiteral("the JWE header has no \"epk\" object, which ECDH-ES needs"));
    }
    auto ephemeral = JoseKey::fromJwk(epk.toObject());
    if (!ephemeral) {
        return Error(QStringLiteral("the header's epk: ") + ephemeral.error().message);
    }
    if (ephemeral->type() != JoseKey::Type::EcP256 || ephemeral->hasPrivateKey()) {
        return Error(QStringLiteral("the header's epk must be a public EC P-256 key"));
    }
    QByteArray apu;
    QByteArray apv;
    for (const auto& [name, target] : {std::pair {"apu", &apu}, std::pair {"apv", &apv}}) {
        const QJsonValue value = token.header.value(QLatin1String(name));
        if (value.isUndefined()) {
            continue;
        }
        auto bytes = fromBase64Url(value.toString().toLatin1(), QStringLiteral("header's %1").arg(QLatin1String(name)));
        if (!value.isString() || !bytes) {
            return Error(QStringLiteral("the header's \"%1\" must be base64url").arg(QLatin1String(name)));
        }
        *target = bytes.value();
    }
    if (token.encryptedKey.size() != WrappedSize) {
        return Error(QStringLiteral("the encrypted key is %1 bytes; an A256KW-wrapped 256-bit key is %2")
                         .arg(token.encryptedKey.size())
                         .arg(WrappedSize));
    }
    auto z = ecdh(key.pkey(), ephemeral->pkey());
    if (!z) {
        return z.error();
    }
    auto kek = concatKdf(z.value(), alg, apu, apv);
    if (!kek) {
        return kek.error();
    }
    return aesKeyWrap(kek.value(), token.encryptedKey, false);
}

} // namespace

namespace Jwe {

Result<QByteArray> encryptCompact(const QByteArray& plaintext, const JoseKey& recipient, const EncryptOptions& options)
{
    if (auto ok = checkAlgEnc(options.alg, options.enc); !ok) {
        return ok.error();
    }
    if (auto ok = checkKeyFits(options.alg, recipient); !ok) {
        return Error(ok.error().message, QStringLiteral("publicKey"));
    }
    ERR_clear_error();
    const QByteArray cek = Crypto::randomBytes(CekSize);
    QJsonObject header {{QStringLiteral("alg"), options.alg}, {QStringLiteral("enc"), options.enc}};
    if (!options.kid.isEmpty()) {
        header.insert(QStringLiteral("kid"), options.kid);
    }
    if (!options.cty.isEmpty()) {
        header.insert(QStringLiteral("cty"), options.cty);
    }

    QByteArray encryptedKey;
    if (isRsaAlg(options.alg)) {
        auto ctx = rsaOaepContext(options.alg, recipient, true);
        if (!ctx) {
            return ctx.error();
        }
        size_t length = 0;
        if (EVP_PKEY_encrypt(ctx->get(), nullptr, &length, uchars(cek), size_t(cek.size())) != 1) {
            return Error(QStringLiteral("%1 encryption failed (%2)").arg(options.alg, openSslError()));
        }
        encryptedKey = QByteArray(qsizetype(length), '\0');
        if (EVP_PKEY_encrypt(ctx->get(), uchars(encryptedKey), &length, uchars(cek), size_t(cek.size())) != 1) {
            return Error(QStringLiteral("%1 encryption failed (%2)").arg(options.alg, openSslError()));
        }
        encryptedKey.resize(qsizetype(length));
    } else {
        auto ephemeral = JoseKey::generate(JoseKey::Type::EcP256);
        if (!ephemeral) {
            return ephemeral.error();
        }
        auto z = ecdh(ephemeral->pkey(), recipient.pkey());
        if (!z) {
            return z.error();
        }
        auto kek = concatKdf(z.value(), options.alg, {}, {});
        if (!kek) {
            return kek.error();
        }
        auto wrapped = aesKeyWrap(kek.value(), cek, true);
        if (!wrapped) {
            return wrapped.error();
        }
        encryptedKey = wrapped.value();
        header.insert(QStringLiteral("epk"), ephemeral->toPublicJwk());
    }

    const QByteArray aad = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray iv = Crypto::randomBytes(options.enc == QLatin1String("A256GCM") ? GcmIvSize : CbcIvSize);
    auto sealed = seal(options.enc, cek, iv, aad, plaintext);
    if (!sealed) {
        return sealed.error();
    }
    return QByteArray(aad + '.' + base64Url(encryptedKey) + '.' + base64Url(iv) + '.' + base64Url(sealed->ciphertext)
                      + '.' + base64Url(sealed->tag));
}

Result<QJsonObject> peekHeader(const QByteArray& compact)
{
    auto token = parse(compact);
    if (!token) {
        return token.error();
    }
    return token->header;
}

Result<Decrypted> decryptCompact(const QByteArray& compact, const QList<JoseKey>& keys)
{
    auto token = parse(compact);
    if (!token) {
        return token.error();
    }
    const QJsonObject& header = token->header;
    if (!header.value(QLatin1String("alg")).isString() || !header.value(QLatin1String("enc")).isString()) {
        return Error(QStringLiteral("the JWE header needs \"alg\" and \"enc\" strings"));
    }
    const QString alg = header.value(QLatin1String("alg")).toString();
    const QString enc = header.value(QLatin1String("enc")).toString();
    if (auto ok = checkAlgEnc(alg, enc); !ok) {
        return Error(ok.error().message);
    }
    if (auto crit = checkCrit(header); !crit) {
        return crit.error();
    }
    if (header.contains(QLatin1String("zip"))) {
        return Error(QStringLiteral("the JWE is compressed (\"zip\"); HookBench does not decompress JWE payloads"));
    }
    const int ivSize = enc == QLatin1String("A256GCM") ? GcmIvSize : CbcIvSize;
    if (token->iv.size() != ivSize) {
        return Error(QStringLiteral("the IV is %1 bytes; %2 uses %3").arg(token->iv.size()).arg(enc).arg(ivSize));
    }
    if (token->sealed.tag.size() != TagSize) {
        return Error(
            QStringLiteral("the authentication tag is %1 bytes; %2 tags are %3 bytes (a shortened tag is refused)")
                .arg(token->sealed.tag.size())
                .arg(enc)
                .arg(TagSize));
    }

    const QString kid = header.value(QLatin1String("kid")).toString();
    QList<int> candidates;
    for (int i = 0; i < keys.size(); ++i) {
        const JoseKey& key = keys.at(i);
        if (!key.hasPrivateKey() || !checkKeyFits(alg, key)) {
            continue;
        }
        if (!kid.isEmpty() && !key.kid().isEmpty() && key.kid() != kid) {
            continue;
        }
        candidates << i;
    }
    if (candidates.isEmpty()) {
        return Error(
            QStringLiteral("the JWE is encrypted with %1%2, and no private key given fits it (it needs %3)")
                .arg(alg,
                     kid.isEmpty() ? QString() : QStringLiteral(" to kid \"%1\"").arg(kid),
                     isRsaAlg(alg) ? QStringLiteral("an RSA private key") : QStringLiteral("an EC P-256 private key")));
    }
    Error last;
    for (int index : candidates) {
        auto cek = unwrapCek(token.value(), alg, keys.at(index));
        if (!cek) {
            last = cek.error();
            continue;
        }
        if (cek->size() != CekSize) {
            last = Error(
                QStringLiteral("the content key is %1 bytes; %2 needs %3").arg(cek->size()).arg(enc).arg(CekSize));
            continue;
        }
        auto plaintext = open(enc, cek.value(), token->iv, token->aad, token->sealed);
        if (!plaintext) {
            last = plaintext.error();
            continue;
        }
        Decrypted decrypted;
        decrypted.header = header;
        decrypted.plaintext = plaintext.value();
        decrypted.keyIndex = index;
        return decrypted;
    }
    return last;
}

} // namespace Jwe

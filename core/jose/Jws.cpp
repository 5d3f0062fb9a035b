#include "Jws.h"

#include "JoseUtil.h"
#include "signing/Crypto.h"

#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

using namespace JoseUtil;

namespace {

constexpr int Sha256Size = 32;
constexpr int P256Size = 32;
constexpr int Ed25519SignatureSize = 64;
constexpr int MinRsaBits = 2048; // RFC 7518 sections 3.3 and 3.5

struct EcdsaSigDeleter
{
    void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter>;

const QStringList& supportedAlgs()
{
    static const QStringList algs {QStringLiteral("HS256"),
                                   QStringLiteral("RS256"),
                                   QStringLiteral("PS256"),
                                   QStringLiteral("ES256"),
                                   QStringLiteral("EdDSA")};
    return algs;
}

Result<void> checkKeyFits(const QString& alg, const JoseKey& key)
{
    if (!supportedAlgs().contains(alg)) {
        return Error(
            QStringLiteral("the JWS algorithm \"%1\" is not supported; use HS256, RS256, PS256, ES256 or EdDSA")
                .arg(alg));
    }
    if (!key.signatureAlgs().contains(alg)) {
        return Error(QStringLiteral("%1 needs %2, but the key given is %3 (which fits %4)")
                         .arg(alg,
                              alg == QLatin1String("HS256")   ? QStringLiteral("a shared secret")
                              : alg == QLatin1String("ES256") ? QStringLiteral("an EC P-256 key")
                              : alg == QLatin1String("EdDSA") ? QStringLiteral("an Ed25519 key")
                                                              : QStringLiteral("an RSA key"),
                              key.isNull() ? QStringLiteral("empty") : QStringLiteral("an ") + key.typeName(),
                              key.signatureAlgs().join(QStringLiteral(", "))));
    }
    if (key.type() == JoseKey::Type::Rsa && key.bits() < MinRsaBits) {
        return Error(
            QStringLiteral("the RSA key has %1 bits; %2 needs at least %3").arg(key.bits()).arg(alg).arg(MinRsaBits));
    }
    if (key.type() == JoseKey::Type::Secret && key.secret().isEmpty()) {
        return Error(QStringLiteral("HS256 needs a non-empty secret"));
    }
    return {};
}

// Sets up a DigestSign/DigestVerify context for the asymmetric algorithms.
Result<MdCtxPtr> digestContext(const QString& alg, const JoseKey& key, bool signing)
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    const EVP_MD* md = alg == QLatin1String("EdDSA") ? nullptr : EVP_sha256();
    const int init = signing ? EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.pkey())
                             : EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.pkey());
    if (!ctx || init != 1) {
        return Error(QStringLiteral("%1 cannot use this key (%2)").arg(alg, openSslError()));
    }
    if (alg == QLatin1String("PS256")) {
        // RFC 7518 3.5: MGF1 with SHA-256 and a salt as long as the hash.
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1
            || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1) {
            return Error(QStringLiteral("PS256 padding cannot be set up (%1)").arg(openSslError()));
        }
    } else if (alg == QLatin1String("RS256")) {
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1) {
            return Error(QStringLiteral("RS256 padding cannot be set up (%1)").arg(openSslError()));
        }
    }
    return ctx;
}

int expectedSignatureSize(const QString& alg, const JoseKey& key)
{
    if (alg == QLatin1String("HS256")) {
        return Sha256Size;
    }
    if (alg == QLatin1String("ES256")) {
        return 2 * P256Size;
    }
    if (alg == QLatin1String("EdDSA")) {
        return Ed25519SignatureSize;
    }
    return EVP_PKEY_get_size(key.pkey()); // RSA: the modulus length
}

QString partCountError(qsizetype dots)
{
    if (dots == 4) {
        return QStringLiteral("this is a compact JWE (five parts), not a JWS; decrypt it first");
    }
    return QStringLiteral("a compact JWS has three base64url parts separated by dots; this has %1").arg(dots + 1);
}

} // namespace

namespace Jws {

Result<QByteArray> sign(const QString& alg, QByteArrayView signingInput, const JoseKey& key)
{
    if (auto fits = checkKeyFits(alg, key); !fits) {
        return fits.error();
    }
    if (!key.hasPrivateKey()) {
        return Error(QStringLiteral("%1 signing needs a private key; the %2 given is only the public part")
                         .arg(alg, key.typeName()));
    }
    if (alg == QLatin1String("HS256")) {
        return Crypto::hmacSha256(key.secret(), signingInput);
    }
    ERR_clear_error();
    auto ctx = digestContext(alg, key, true);
    if (!ctx) {
        return ctx.error();
    }
    size_t length = 0;
    if (EVP_DigestSign(ctx->get(), nullptr, &length, uchars(signingInput), size_t(signingInput.size())) != 1) {
        return Error(QStringLiteral("%1 signing failed (%2)").arg(alg, openSslError()));
    }
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx->get(), uchars(signature), &length, uchars(signingInput), size_t(signingInput.size()))
        != 1) {
        return Error(QStringLiteral("%1 signing failed (%2)").arg(alg, openSslError()));
    }
    signature.resize(qsizetype(length));
    if (alg != QLatin1String("ES256")) {
        return signature;
    }
    // OpenSSL gives DER; JWS wants R and S as two 32-byte big-endian numbers (RFC 7518 3.4).
    const unsigned char* der = uchars(signature);
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &der, long(signature.size())));
    if (!sig) {
        return Error(QStringLiteral("ES256 signing gave an unreadable signature (%1)").arg(openSslError()));
    }
    QByteArray raw(2 * P256Size, '\0');
    if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), uchars(raw), P256Size) != P256Size
        || BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), uchars(raw) + P256Size, P256Size) != P256Size) {
        return Error(QStringLiteral("ES256 signing gave numbers longer than 32 bytes"));
    }
    return raw;
}

Result<void>
verifySignature(const QString& alg, QByteArrayView signingInput, QByteArrayView signature, const JoseKey& key)
{
    if (auto fits = checkKeyFits(alg, key); !fits) {
        return fits.error();
    }
    const int expected = expectedSignatureSize(alg, key);
    if (signature.size() != expected) {
        return Error(QStringLiteral("the signature is %1 bytes; an %2 signature with this key is %3 bytes")
                         .arg(signature.size())
                         .arg(alg)
                         .arg(expected));
    }
    const QString mismatch = QStringLiteral("the %1 signature does not match: the token was signed with another key, or"
                                            " its header or payload changed")
                                 .arg(alg);
    if (alg == QLatin1String("HS256")) {
        if (!Crypto::constantTimeEquals(Crypto::hmacSha256(key.secret(), signingInput), signature)) {
            return Error(mismatch);
        }
        return {};
    }
    ERR_clear_error();
    QByteArray der = signature.toByteArray();
    if (alg == QLatin1String("ES256")) {
        EcdsaSigPtr sig(ECDSA_SIG_new());
        BIGNUM* r = BN_bin2bn(uchars(signature), P256Size, nullptr);
        BIGNUM* s = BN_bin2bn(uchars(signature) + P256Size, P256Size, nullptr);
        if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
            BN_free(r);
            BN_free(s);
            return Error(QStringLiteral("the ES256 signature cannot be read"));
        }
        unsigned char* out = nullptr;
        const int length = i2d_ECDSA_SIG(sig.get(), &out);
        if (length <= 0) {
            return Error(QStringLiteral("the ES256 signature cannot be read"));
        }
        der = QByteArray(reinterpret_cast<const char*>(out), length);
        OPENSSL_free(out);
    }
    auto ctx = digestContext(alg, key, false);
    if (!ctx) {
        return ctx.error();
    }
    const int verified = EVP_DigestVerify(
        ctx->get(), uchars(der), size_t(der.size()), uchars(signingInput), size_t(signingInput.size()));
    ERR_clear_error();
    if (verified != 1) {
        return Error(mismatch);
    }
    return {};
}

Result<QByteArray> signCompact(const QJsonObject& header, const QByteArray& payload, const JoseKey& key)
{
    const QJsonValue alg = header.value(QLatin1String("alg"));
    if (!alg.isString()) {
        return Error(QStringLiteral("the JWS header needs an \"alg\""), QStringLiteral("alg"));
    }
    const QByteArray signingInput =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' + base64Url(payload);
    auto signature = sign(alg.toString(), signingInput, key);
    if (!signature) {
        return Error(signature.error().message, QStringLiteral("alg"));
    }
    return QByteArray(signingInput + '.' + base64Url(signature.value()));
}

Result<Parts> parseCompact(const QByteArray& token)
{
    const QByteArray trimmed = token.trimmed();
    const qsizetype dots = trimmed.count('.');
    if (dots != 2) {
        return Error(partCountError(dots));
    }
    const QList<QByteArray> pieces = trimmed.split('.');
    auto headerJson = fromBase64Url(pieces.at(0), QStringLiteral("JWS header"));
    if (!headerJson) {
        return headerJson.error();
    }
    auto header = parseHeader(headerJson.value(), QStringLiteral("JWS header"));
    if (!header) {
        return header.error();
    }
    auto payload = fromBase64Url(pieces.at(1), QStringLiteral("JWS payload"));
    if (!payload) {
        return payload.error();
    }
    auto signature = fromBase64Url(pieces.at(2), QStringLiteral("JWS signature"));
    if (!signature) {
        return signature.error();
    }
    if (!header->value(QLatin1String("alg")).isString()) {
        return Error(QStringLiteral("the JWS header has no \"alg\" string"));
    }
    Parts parts;
    parts.header = header.value();
    parts.payload = payload.value();
    parts.signature = signature.value();
    parts.signingInput = pieces.at(0) + '.' + pieces.at(1);
    return parts;
}

Result<Verified> verifyCompact(const QByteArray& token, const QList<JoseKey>& keys, const QStringList& allowedAlgs)
{
    auto parts = parseCompact(token);
    if (!parts) {
        return parts.error();
    }
    const QString alg = parts->header.value(QLatin1String("alg")).toString();
    if (alg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        return Error(QStringLiteral("the token says alg \"none\" (unsigned); unsigned tokens are always refused"));
    }
    if (auto crit = checkCrit(parts->header); !crit) {
        return crit.error();
    }
    if (!supportedAlgs().contains(alg)) {
        return Error(QStringLiteral("the token's alg \"%1\" is not supported; HookBench verifies HS256, RS256, PS256,"
                                    " ES256 and EdDSA")
                         .arg(alg));
    }
    if (!allowedAlgs.isEmpty() && !allowedAlgs.contains(alg)) {
        return Error(QStringLiteral("the token is signed with %1, but only %2 is allowed here")
                         .arg(alg, allowedAlgs.join(QStringLiteral(", "))));
    }
    if (keys.isEmpty()) {
        return Error(QStringLiteral("no key is configured to verify the token with"));
    }

    const QJsonValue kidValue = parts->header.value(QLatin1String("kid"));
    const QString kid = kidValue.toString();
    QList<int> candidates;
    QStringList typesSeen;
    bool kidKnown = false;
    for (int i = 0; i < keys.size(); ++i) {
        const JoseKey& key = keys.at(i);
        typesSeen << key.typeName();
        if (!kid.isEmpty() && !key.kid().isEmpty()) {
            if (key.kid() != kid) {
                continue;
            }
            kidKnown = true;
        }
        if (key.signatureAlgs().contains(alg)) {
            candidates << i;
        }
    }
    typesSeen.removeDuplicates();
    if (candidates.isEmpty()) {
        if (!kid.isEmpty() && !kidKnown) {
            bool anyWithoutKid = false;
            for (const auto& key : keys) {
                anyWithoutKid |= key.kid().isEmpty();
            }
            if (!anyWithoutKid) {
                return Error(QStringLiteral("no key has the token's kid \"%1\"").arg(kid));
            }
        }
        // The allowlist comes from the key type: an RSA public key is never an HMAC secret.
        return Error(
            QStringLiteral("the token is signed with %1, which none of the keys may verify (%2 verify only %3)")
                .arg(alg, typesSeen.join(QStringLiteral(", ")), [&keys] {
                    QStringList algs;
                    for (const auto& key : keys) {
                        algs << key.signatureAlgs();
                    }
                    algs.removeDuplicates();
                    return algs.join(QStringLiteral(", "));
                }()));
    }

    Error last;
    for (int index : candidates) {
        auto ok = verifySignature(alg, parts->signingInput, parts->signature, keys.at(index));
        if (ok) {
            Verified verified;
            verified.header = parts->header;
            verified.payload = parts->payload;
            verified.alg = alg;
            verified.keyIndex = index;
            verified.key = keys.at(index);
            return verified;
        }
        last = ok.error();
    }
    if (candidates.size() == 1) {
        return last;
    }
    return Error(QStringLiteral("the %1 signature matches none of the %2 keys that may verify it (last: %3)")
                     .arg(alg)
                     .arg(candidates.size())
                     .arg(last.message));
}

} // namespace Jws

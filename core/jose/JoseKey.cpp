#include "JoseKey.h"

#include "JoseUtil.h"

#include <QJsonValue>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <cstring>
#include <vector>

using namespace JoseUtil;

namespace {

struct BioDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct BnDeleter
{
    void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
struct X509Deleter
{
    void operator()(X509* cert) const { X509_free(cert); }
};
struct ParamBldDeleter
{
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamDeleter
{
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct DecoderCtxDeleter
{
    void operator()(OSSL_DECODER_CTX* ctx) const { OSSL_DECODER_CTX_free(ctx); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

constexpr int P256Size = 32;
constexpr int Ed25519Size = 32;

// The password for an encrypted PEM key; never prompts on a terminal (OpenSSL's default would).
int passwordCallback(char* buffer, int size, int, void* userData)
{
    const auto* password = static_cast<const QByteArray*>(userData);
    if (!password || password->isEmpty() || password->size() > size) {
        return -1;
    }
    std::memcpy(buffer, password->constData(), size_t(password->size()));
    return int(password->size());
}

Result<JoseKey::Type> typeOf(EVP_PKEY* key)
{
    if (EVP_PKEY_is_a(key, "RSA")) {
        return JoseKey::Type::Rsa;
    }
    if (EVP_PKEY_is_a(key, "ED25519")) {
        return JoseKey::Type::Ed25519;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char name[64] = {};
        size_t length = 0;
        EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &length);
        const QByteArray group(name, qsizetype(length));
        if (group == "prime256v1" || group == "P-256") {
            return JoseKey::Type::EcP256;
        }
        return Error(QStringLiteral("the EC key is on curve %1; JOSE here takes P-256 (ES256, ECDH-ES) only")
                         .arg(QString::fromLatin1(group)));
    }
    const char* name = EVP_PKEY_get0_type_name(key);
    return Error(QStringLiteral("the key is of type %1; use an RSA, EC P-256 or Ed25519 key")
                     .arg(QString::fromLatin1(name ? name : "unknown")));
}

// The label of the first PEM block that holds a key or certificate.
QByteArray pemLabel(const QByteArray& pem)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pem.indexOf("-----BEGIN ", from);
        if (begin < 0) {
            return {};
        }
        const qsizetype end = pem.indexOf("-----", begin + 11);
        if (end < 0) {
            return {};
        }
        const QByteArray label = pem.mid(begin + 11, end - begin - 11);
        if (label != "EC PARAMETERS") {
            return label;
        }
        from = end + 5;
    }
}

BnPtr bignum(const QByteArray& bytes)
{
    return BnPtr(BN_bin2bn(uchars(bytes), int(bytes.size()), nullptr));
}

QByteArray bignumParam(EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        return {};
    }
    BnPtr bn(raw);
    QByteArray out(BN_num_bytes(bn.get()), '\0');
    BN_bn2bin(bn.get(), uchars(out));
    return out;
}

// A JWK member holding base64url bytes; `required` members must be there.
Result<QByteArray> jwkBytes(const QJsonObject& jwk, const char* name, bool required)
{
    const QString key = QLatin1String(name);
    if (!jwk.contains(key)) {
        if (required) {
            return Error(QStringLiteral("the JWK has no \"%1\"").arg(key), key);
        }
        return QByteArray();
    }
    if (!jwk.value(key).isString()) {
        return Error(QStringLiteral("the JWK's \"%1\" must be a base64url string").arg(key), key);
    }
    auto bytes = fromBase64Url(jwk.value(key).toString().toLatin1(), QStringLiteral("JWK member \"%1\"").arg(key));
    if (!bytes) {
        return Error(bytes.error().message, key);
    }
    return bytes.value();
}

Result<EVP_PKEY*> keyFromParams(const char* type, OSSL_PARAM_BLD* builder, bool privateKey)
{
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, privateKey ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        return Error(
            QStringLiteral("the JWK does not make a valid %1 key (%2)").arg(QString::fromLatin1(type), openSslError()));
    }
    return key;
}

} // namespace

Result<JoseKey> JoseKey::fromPem(const QByteArray& pem, const QByteArray& password)
{
    ERR_clear_error();
    const QByteArray label = pemLabel(pem);
    if (label.isEmpty()) {
        return Error(QStringLiteral("this is not PEM (no \"-----BEGIN ...-----\" line); give a PEM private key, public"
                                    " key or X.509 certificate"));
    }
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY* raw = nullptr;
    bool isPrivate = false;
    if (label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
        std::unique_ptr<X509, X509Deleter> cert(PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr));
        if (!cert) {
            return Error(QStringLiteral("the PEM certificate cannot be read (%1)").arg(openSslError()));
        }
        raw = X509_get_pubkey(cert.get());
    } else if (label == "PUBLIC KEY" || label == "RSA PUBLIC KEY") {
        std::unique_ptr<OSSL_DECODER_CTX, DecoderCtxDeleter> decoder(
            OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, nullptr, EVP_PKEY_PUBLIC_KEY, nullptr, nullptr));
        if (!decoder || OSSL_DECODER_from_bio(decoder.get(), bio.get()) != 1) {
            raw = nullptr;
        }
    } else if (label.endsWith("PRIVATE KEY")) {
        isPrivate = true;
        auto passwordCopy = password;
        raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback, &passwordCopy);
        if (!raw && (label.startsWith("ENCRYPTED") || pem.contains("Proc-Type: 4,ENCRYPTED"))) {
            ERR_clear_error();
            return Error(password.isEmpty()
                             ? QStringLiteral("the private key is encrypted; give its password")
                             : QStringLiteral("the private key's password is wrong (it does not decrypt the key)"));
        }
    } else {
        return Error(QStringLiteral("the PEM block is a \"%1\"; give a private key, public key or certificate")
                         .arg(QString::fromLatin1(label)));
    }
    if (!raw) {
        return Error(
            QStringLiteral("the PEM %1 cannot be read (%2)").arg(QString::fromLatin1(label).toLower(), openSslError()));
    }
    auto pkey = sharePkey(raw);
    const auto type = typeOf(raw);
    if (!type) {
        return type.error();
    }
    JoseKey key;
    key.m_type = type.value();
    key.m_private = isPrivate;
    key.m_pkey = std::move(pkey);
    return key;
}

JoseKey JoseKey::fromSecret(const QByteArray& secret)
{
    JoseKey key;
    key.m_type = Type::Secret;
    key.m_private = true;
    key.m_secret = secret;
    return key;
}

Result<JoseKey> JoseKey::fromJwk(const QJsonObject& jwk)
{
    ERR_clear_error();
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    JoseKey key;
    key.m_kid = jwk.value(QLatin1String("kid")).toString();

    if (kty == QLatin1String("oct")) {
        auto k = jwkBytes(jwk, "k", true);
        if (!k) {
            return k.error();
        }
        if (k->isEmpty()) {
            return Error(QStringLiteral("the JWK's \"k\" is empty; an HMAC key needs bytes"), QStringLiteral("k"));
        }
        key.m_type = Type::Secret;
        key.m_private = true;
        key.m_secret = k.value();
        return key;
    }

    if (kty == QLatin1String("OKP")) {
        if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("Ed25519")) {
            return Error(QStringLiteral("the OKP JWK's \"crv\" must be \"Ed25519\""), QStringLiteral("crv"));
        }
        auto x = jwkBytes(jwk, "x", true);
        auto d = jwkBytes(jwk, "d", false);
        if (!x || !d) {
            return !x ? x.error() : d.error();
        }
        if (x->size() != Ed25519Size || (!d->isEmpty() && d->size() != Ed25519Size)) {
            return Error(QStringLiteral("an Ed25519 JWK's \"x\" and \"d\" are 32 bytes each"), QStringLiteral("x"));
        }
        EVP_PKEY* raw =
            d->isEmpty()
                ? EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, uchars(x.value()), size_t(x->size()))
                : EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, uchars(d.value()), size_t(d->size()));
        if (!raw) {
            return Error(QStringLiteral("the Ed25519 JWK is not a valid key (%1)").arg(openSslError()));
        }
        key.m_pkey = sharePkey(raw);
        if (!d->isEmpty()) {
            QByteArray derived(Ed25519Size, '\0');
            size_t length = size_t(derived.size());
            EVP_PKEY_get_raw_public_key(raw, uchars(derived), &length);
            if (derived != x.value()) {
                return Error(QStringLiteral("the Ed25519 JWK's \"x\" is not the public key of its \"d\""),
                             QStringLiteral("x"));
            }
        }
        key.m_type = Type::Ed25519;
        key.m_private = !d->isEmpty();
        return key;
    }

    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    std::vector<BnPtr> numbers; // the builder refers to them until the params are made
    const auto pushNumber = [&](const char* param, const QByteArray& bytes) {
        numbers.push_back(bignum(bytes));
        OSSL_PARAM_BLD_push_BN(builder.get(), param, numbers.back().get());
    };

    if (kty == QLatin1String("RSA")) {
        auto n = jwkBytes(jwk, "n", true);
        auto e = jwkBytes(jwk, "e", true);
        auto d = jwkBytes(jwk, "d", false);
        if (!n || !e || !d) {
            return !n ? n.error() : !e ? e.error() : d.error();
        }
        pushNumber(OSSL_PKEY_PARAM_RSA_N, n.value());
        pushNumber(OSSL_PKEY_PARAM_RSA_E, e.value());
        const bool isPrivate = !d->isEmpty();
        if (isPrivate) {
            pushNumber(OSSL_PKEY_PARAM_RSA_D, d.value());
            // The CRT members are optional in RFC 7518 6.3.2, but OpenSSL signs far faster with them.
            const char* members[] = {"p", "q", "dp", "dq", "qi"};
            const char* params[] = {OSSL_PKEY_PARAM_RSA_FACTOR1,
                                    OSSL_PKEY_PARAM_RSA_FACTOR2,
                                    OSSL_PKEY_PARAM_RSA_EXPONENT1,
                                    OSSL_PKEY_PARAM_RSA_EXPONENT2,
                                    OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
            bool all = true;
            QList<QByteArray> values;
            for (const char* member : members) {
                auto value = jwkBytes(jwk, member, false);
                if (!value) {
                    return value.error();
                }
                all &= !value->isEmpty();
                values << value.value();
            }
            if (all) {
                for (int i = 0; i < 5; ++i) {
                    pushNumber(params[i], values.at(i));
                }
            }
        }
        auto raw = keyFromParams("RSA", builder.get(), isPrivate);
        if (!raw) {
            return raw.error();
        }
        key.m_pkey = sharePkey(raw.value());
        key.m_type = Type::Rsa;
        key.m_private = isPrivate;
        return key;
    }

    if (kty == QLatin1String("EC")) {
        if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("P-256")) {
            return Error(QStringLiteral("the EC JWK's \"crv\" must be \"P-256\""), QStringLiteral("crv"));
        }
        auto x = jwkBytes(jwk, "x", true);
        auto y = jwkBytes(jwk, "y", true);
        auto d = jwkBytes(jwk, "d", false);
        if (!x || !y || !d) {
            return !x ? x.error() : !y ? y.error() : d.error();
        }
        if (x->size() != P256Size || y->size() != P256Size || (!d->isEmpty() && d->size() != P256Size)) {
            return Error(QStringLiteral("a P-256 JWK's \"x\", \"y\" and \"d\" are 32 bytes each"), QStringLiteral("x"));
        }
        const QByteArray point = QByteArray(1, '\x04') + x.value() + y.value();
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
        OSSL_PARAM_BLD_push_octet_string(
            builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size()));
        const bool isPrivate = !d->isEmpty();
        if (isPrivate) {
            pushNumber(OSSL_PKEY_PARAM_PRIV_KEY, d.value());
        }
        auto raw = keyFromParams("EC", builder.get(), isPrivate);
        if (!raw) {
            return raw.error();
        }
        key.m_pkey = sharePkey(raw.value());
        // A point off the curve would leak the private key through ECDH (invalid-curve attack).
        PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw.value(), nullptr));
        if (!check || EVP_PKEY_public_check(check.get()) != 1) {
            ERR_clear_error();
            return Error(QStringLiteral("the EC JWK's point (x, y) is not on the P-256 curve"), QStringLiteral("x"));
        }
        key.m_type = Type::EcP256;
        key.m_private = isPrivate;
        return key;
    }

    return Error(kty.isEmpty() ? QStringLiteral("the JWK has no \"kty\"")
                               : QStringLiteral("the JWK's \"kty\" is \"%1\"; use RSA, EC, OKP or oct").arg(kty),
                 QStringLiteral("kty"));
}

Result<JoseKey> JoseKey::generate(Type type, int rsaBits)
{
    ERR_clear_error();
    EVP_PKEY* raw = nullptr;
    switch (type) {
        case Type::Rsa:
            raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(rsaBits));
            break;
        case Type::EcP256:
            raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
            break;
        case Type::Ed25519:
            raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
            break;
        case Type::Secret: {
            QByteArray secret(32, '\0');
            if (RAND_bytes(uchars(secret), int(secret.size())) != 1) {
                return Error(QStringLiteral("no random bytes (%1)").arg(openSslError()));
            }
            return fromSecret(secret);
        }
        case Type::None:
            break;
    }
    if (!raw) {
        return Error(QStringLiteral("the key could not be generated (%1)").arg(openSslError()));
    }
    JoseKey key;
    key.m_type = type;
    key.m_private = true;
    key.m_pkey = sharePkey(raw);
    return key;
}

QString JoseKey::defaultAlg() const
{
    switch (m_type) {
        case Type::Secret:
            return QStringLiteral("HS256");
        case Type::Rsa:
            return QStringLiteral("RS256");
        case Type::EcP256:
            return QStringLiteral("ES256");
        case Type::Ed25519:
            return QStringLiteral("EdDSA");
        case Type::None:
            break;
    }
    return {};
}

QStringList JoseKey::signatureAlgs() const
{
    switch (m_type) {
        case Type::Secret:
            return {QStringLiteral("HS256")};
        case Type::Rsa:
            return {QStringLiteral("RS256"), QStringLiteral("PS256")};
        case Type::EcP256:
            return {QStringLiteral("ES256")};
        case Type::Ed25519:
            return {QStringLiteral("EdDSA")};
        case Type::None:
            break;
    }
    return {};
}

QString JoseKey::typeName() const
{
    switch (m_type) {
        case Type::Secret:
            return QStringLiteral("shared secret");
        case Type::Rsa:
            return QStringLiteral("RSA key");
        case Type::EcP256:
            return QStringLiteral("EC P-256 key");
        case Type::Ed25519:
            return QStringLiteral("Ed25519 key");
        case Type::None:
            break;
    }
    return QStringLiteral("empty key");
}

QJsonObject JoseKey::toPublicJwk(const QString& kid) const
{
    QJsonObject jwk;
    EVP_PKEY* key = m_pkey.get();
    switch (m_type) {
        case Type::Rsa:
            jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
            jwk.insert(QStringLiteral("n"), QString::fromLatin1(base64Url(bignumParam(key, OSSL_PKEY_PARAM_RSA_N))));
            jwk.insert(QStringLiteral("e"), QString::fromLatin1(base64Url(bignumParam(key, OSSL_PKEY_PARAM_RSA_E))));
            break;
        case Type::EcP256:
            jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
            jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
            jwk.insert(QStringLiteral("x"),
                       QString::fromLatin1(base64Url(padLeft(bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X), P256Size))));
            jwk.insert(QStringLiteral("y"),
                       QString::fromLatin1(base64Url(padLeft(bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y), P256Size))));
            break;
        case Type::Ed25519: {
            QByteArray x(Ed25519Size, '\0');
            size_t length = size_t(x.size());
            EVP_PKEY_get_raw_public_key(key, uchars(x), &length);
            jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
            jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
            jwk.insert(QStringLiteral("x"), QString::fromLatin1(base64Url(x)));
            break;
        }
        case Type::Secret: // a shared secret has no public part
        case Type::None:
            return {};
    }
    const QString id = kid.isEmpty() ? m_kid : kid;
    if (!id.isEmpty()) {
        jwk.insert(QStringLiteral("kid"), id);
    }
    return jwk;
}

int JoseKey::bits() const
{
    if (m_type == Type::Secret) {
        return int(m_secret.size()) * 8;
    }
    return m_pkey ? EVP_PKEY_get_bits(m_pkey.get()) : 0;
}

namespace {
QByteArray encodePem(EVP_PKEY* key, int selection, const char* structure)
{
    if (!key) {
        return {};
    }
    OSSL_ENCODER_CTX* ctx = OSSL_ENCODER_CTX_new_for_pkey(key, selection, "PEM", structure, nullptr);
    unsigned char* data = nullptr;
    size_t length = 0;
    QByteArray out;
    if (ctx && OSSL_ENCODER_to_data(ctx, &data, &length) == 1) {
        out = QByteArray(reinterpret_cast<const char*>(data), qsizetype(length));
    }
    OPENSSL_clear_free(data, length);
    OSSL_ENCODER_CTX_free(ctx);
    return out;
}
} // namespace

QByteArray JoseKey::publicPem() const
{
    return encodePem(m_pkey.get(), EVP_PKEY_PUBLIC_KEY, "SubjectPublicKeyInfo");
}

QByteArray JoseKey::privatePem() const
{
    return m_private ? encodePem(m_pkey.get(), EVP_PKEY_KEYPAIR, "PrivateKeyInfo") : QByteArray();
}

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

// A key for JOSE: an OpenSSL EVP_PKEY (RSA, EC P-256, Ed25519; private or public) or a shared
// secret for HS256. Cheap to copy (shared, immutable).
class JoseKey final
{
public:
    enum class Type
    {
        None,
        Secret,
        Rsa,
        EcP256,
        Ed25519,
    };

    JoseKey() = default;

    // A PEM private key (PKCS#8 or traditional, encrypted when `password` is given), a PEM
    // public key, or a PEM X.509 certificate (its public key).
    static Result<JoseKey> fromPem(const QByteArray& pem, const QByteArray& password = {});
    static JoseKey fromSecret(const QByteArray& secret);
    // A single JWK (RFC 7517) object: RSA, EC P-256, OKP Ed25519 or oct; its kid is kept.
    static Result<JoseKey> fromJwk(const QJsonObject& jwk);
    // A fresh private key (a 32-byte random secret for Type::Secret).
    static Result<JoseKey> generate(Type type, int rsaBits = 2048);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::None; }
    bool hasPrivateKey() const { return m_private; }
    // RS256 for RSA, ES256 for P-256, EdDSA for Ed25519, HS256 for a secret.
    QString defaultAlg() const;
    // The only JWS algorithms this key may verify or sign: the allowlist comes from the key type,
    // so an RSA public key can never be used as an HMAC secret (RS256/HS256 confusion).
    QStringList signatureAlgs() const;
    // "RSA key", "EC P-256 key", ... for error messages.
    QString typeName() const;
    // Key size in bits (RSA modulus, curve size, secret length).
    int bits() const;
    // The public JWK (no private parts), with kid when given.
    QJsonObject toPublicJwk(const QString& kid = {}) const;

    // PEM SubjectPublicKeyInfo; unencrypted PKCS#8 (empty for a public key). Empty for secrets.
    QByteArray publicPem() const;
    QByteArray privatePem() const;

    EVP_PKEY* pkey() const { return m_pkey.get(); }
    const QByteArray& secret() const { return m_secret; }
    QString kid() const { return m_kid; }
    void setKid(const QString& kid) { m_kid = kid; }

private:
    Type m_type = Type::None;
    bool m_private = false;
    std::shared_ptr<EVP_PKEY> m_pkey;
    QByteArray m_secret;
    QString m_kid;
};

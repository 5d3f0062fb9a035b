#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// Keys and certificates for trying TLS, mutual TLS and JOSE without leaving HookBench: the one
// place that generates keys and issues certificates (OpenSSL 3), used by `gen-key`/`gen-cert`,
// by the receiver's `tls.selfSigned` and by the GUI. Pure: bytes in, bytes out; writing files is
// a separate step (writeFile) so callers decide where things go.
namespace Tls {

enum class KeyType
{
    Rsa,
    Ec, // P-256
    Ed25519,
};

// "rsa", "ec", "ed25519" (case-insensitive); the error names the accepted values.
Result<KeyType> parseKeyType(const QString& name);
QString keyTypeName(KeyType type);

struct GeneratedKey
{
    QByteArray privateKeyPem; // PKCS#8, unencrypted
    QByteArray publicKeyPem;  // SubjectPublicKeyInfo ("PUBLIC KEY")
    QString description;      // "RSA 3072", "EC P-256", "Ed25519"
};

constexpr int DefaultRsaBits = 3072;
// rsaBits: 2048, 3072 or 4096; ignored for the other types.
Result<GeneratedKey> generateKey(KeyType type, int rsaBits = DefaultRsaBits);

enum class CertificateKind
{
    Authority, // CA:TRUE, keyCertSign + cRLSign: signs the others
    Leaf,      // CA:FALSE, digitalSignature (+ keyEncipherment for RSA), serverAuth + clientAuth
};

constexpr int DefaultLeafDays = 825;
constexpr int DefaultAuthorityDays = 3650;

struct CertificateOptions
{
    QString commonName;
    CertificateKind kind = CertificateKind::Leaf;
    // "DNS:name" or "IP:address" entries, added to the defaults below.
    QStringList subjectAltNames;
    // Leaf only: DNS:localhost, IP:127.0.0.1, IP:::1, and the common name when it is a host name
    // or an IP address.
    bool localhostAltNames = true;
    int validDays = 0; // 0: DefaultLeafDays or DefaultAuthorityDays
    // notBefore is this far in the past, for clocks that run behind. Tests set it to make
    // certificates that are not yet valid (negative) or already expired.
    qint64 backdateSeconds = 3600;
};

// The certificate authority that signs a leaf.
struct Issuer
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

struct IssuedCertificate
{
    QByteArray certificatePem;
    QString subject;             // RFC 2253
    QString issuer;              // RFC 2253
    QStringList subjectAltNames; // as written, "DNS:localhost", "IP:127.0.0.1"
    QDateTime notBefore;
    QDateTime notAfter;
    QByteArray sha256;    // of the DER certificate
    QString publicKeyPin; // base64 SHA-256 of the SubjectPublicKeyInfo: a tls.pinSha256 value
};

// Issues a certificate for the key in subjectKeyPem (a private key PEM; with an issuer, a public
// key PEM is enough). Without an issuer the certificate is self-signed. A random 128-bit serial,
// SHA-256 signatures (Ed25519 signs without a separate digest), subject and authority key ids.
Result<IssuedCertificate> makeCertificate(const QByteArray& subjectKeyPem,
                                          const CertificateOptions& options,
                                          const std::optional<Issuer>& issuer = std::nullopt);

// Writes bytes to path. A private key is created readable by its owner only (0600) before a
// byte is written. An existing file is an error unless overwrite is true.
Result<void> writeFile(const QString& path, const QByteArray& bytes, bool privateKey, bool overwrite);

// True for "localhost", "hooks.example.com", "*.example.com": names a certificate can carry as
// a DNS subjectAltName.
bool looksLikeHostName(const QString& name);

} // namespace Tls

#pragma once

// Small RAII and conversion helpers over OpenSSL 3 shared by the files of core/tls. Internal to
// the folder: other concerns talk to KeyTools, ClientTls and CertificateInfo.

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace Tls::Ossl {

template <auto Fn>
struct Deleter
{
    template <typename T>
    void operator()(T* p) const
    {
        Fn(p);
    }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;

// The first queued OpenSSL error in words, or empty; the queue is emptied either way, because
// Qt's TLS backend reads the same per-thread queue and would take our leftovers for its own.
QString takeErrorText();

// Why a private key PEM could not be read, so the caller can say which fix applies.
enum class KeyReadFailure
{
    None,
    NotAKey,       // no private key in the bytes
    NeedsPassword, // encrypted, and no password given
    WrongPassword, // encrypted, and the password did not decrypt it
};

// Any PEM private key: PKCS#8 (encrypted or not), PKCS#1 RSA, SEC1 EC. Never prompts on a
// terminal: an encrypted key without a password fails with NeedsPassword.
PkeyPtr readPrivateKey(const QByteArray& pem, const QByteArray& password, KeyReadFailure* failure = nullptr);
// A "PUBLIC KEY" PEM, or the public half of a private key PEM.
PkeyPtr readPublicOrPrivateKey(const QByteArray& pem);
QByteArray privateKeyToPkcs8Pem(EVP_PKEY* key);
QByteArray publicKeyToPem(EVP_PKEY* key);

X509Ptr readCertificatePem(const QByteArray& pem);
X509Ptr toX509(const QSslCertificate& certificate);
QByteArray certificateToPem(X509* certificate);

QString nameToString(const X509_NAME* name); // RFC 2253
QDateTime toDateTime(const ASN1_TIME* time);
// "DNS:localhost", "IP:127.0.0.1", ...: what the certificate's subjectAltName holds.
QStringList subjectAltNames(X509* certificate);
// base64 SHA-256 of the DER SubjectPublicKeyInfo: the value tls.pinSha256 lists.
QString publicKeyPin(X509* certificate);

} // namespace Tls::Ossl

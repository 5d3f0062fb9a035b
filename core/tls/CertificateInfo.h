#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

// What a user needs to recognise a certificate: who it names, who signed it, its serial and its
// SHA-256 fingerprint, each in the notation `openssl x509 -noout -subject -issuer -serial
// -fingerprint -sha256` prints, so the values can be compared with that tool by eye.
struct CertificateInfo
{
    QString subject;   // RFC 2253, e.g. "CN=sender,O=Acme"
    QString issuer;    // RFC 2253
    QString serial;    // upper-case hex without separators, as openssl prints it
    QByteArray sha256; // raw 32-byte digest of the DER encoding
    // subjectAltName entries as "DNS:example.com", "IP:127.0.0.1", "URI:spiffe://a/b", "email:a@b.c"
    QStringList subjectAltNames;

    bool isNull() const { return sha256.isEmpty(); }
    // "AB:CD:..." (upper-case hex pairs separated by colons)
    QString sha256Fingerprint() const;

    static CertificateInfo fromCertificate(const QSslCertificate& certificate);
};

namespace Tls {
// Upper-case hex pairs joined by colons, the form browsers and openssl show.
QString formatFingerprint(const QByteArray& digest);
// SHA-256 of the certificate's DER encoding (OpenSSL); empty for a null certificate.
QByteArray certificateSha256(const QSslCertificate& certificate);
// Fails, naming the fix, when the key is not the private half of the certificate's public key.
Result<void> checkKeyMatchesCertificate(const QSslCertificate& certificate, const QSslKey& key);
} // namespace Tls

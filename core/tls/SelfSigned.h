#pragma once

#include "CertificateInfo.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

struct SelfSignedOptions
{
    QString commonName = QStringLiteral("localhost");
    QStringList dnsNames = {QStringLiteral("localhost")};
    QList<QHostAddress> ipAddresses = {QHostAddress(QHostAddress::LocalHost),
                                       QHostAddress(QHostAddress::LocalHostIPv6)};
    int validDays = 365;
};

// A throw-away server certificate for `tls.selfSigned`: a fresh EC P-256 key and an X.509 v3
// certificate signed by it, with the names clients will dial in its subjectAltName. Nothing is
// written to disk; the fingerprint is what a user pins or compares in the client.
struct SelfSignedCertificate
{
    QSslCertificate certificate;
    QSslKey privateKey;
    QByteArray certificatePem;
    QByteArray privateKeyPem; // PKCS#8, unencrypted
    QByteArray sha256;        // of the DER certificate

    QString sha256Fingerprint() const { return Tls::formatFingerprint(sha256); }
};

namespace Tls {
Result<SelfSignedCertificate> makeSelfSigned(const SelfSignedOptions& options = {});
} // namespace Tls

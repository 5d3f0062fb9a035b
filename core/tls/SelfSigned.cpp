#include "SelfSigned.h"

#include "KeyTools.h"

namespace Tls {

// The receiver's throw-away certificate is a self-signed leaf made by the same code as
// `gen-cert`, so there is one certificate-making implementation to get right.
Result<SelfSignedCertificate> makeSelfSigned(const SelfSignedOptions& options)
{
    if (options.validDays < 1) {
        return Error(QStringLiteral("validDays must be at least 1"), QStringLiteral("tls.validDays"));
    }
    CertificateOptions certificateOptions;
    certificateOptions.commonName = options.commonName;
    certificateOptions.kind = CertificateKind::Leaf;
    certificateOptions.localhostAltNames = false;
    certificateOptions.validDays = options.validDays;
    for (const QString& dns : options.dnsNames) {
        if (!looksLikeHostName(dns)) {
            return Error(
                QStringLiteral("\"%1\" is not a host name; use letters, digits, '-', '.' and a leading '*'").arg(dns),
                QStringLiteral("tls.dnsNames"));
        }
        certificateOptions.subjectAltNames << QStringLiteral("DNS:") + dns;
    }
    for (const QHostAddress& ip : options.ipAddresses) {
        if (ip.isNull()) {
            return Error(QStringLiteral("an IP address is empty"), QStringLiteral("tls.ipAddresses"));
        }
        certificateOptions.subjectAltNames << QStringLiteral("IP:") + ip.toString();
    }

    const auto key = generateKey(KeyType::Ec);
    if (!key) {
        return Error(QStringLiteral("could not make the self-signed certificate: ") + key.error().message);
    }
    const auto issued = makeCertificate(key->privateKeyPem, certificateOptions);
    if (!issued) {
        return Error(QStringLiteral("could not make the self-signed certificate: ") + issued.error().message);
    }

    SelfSignedCertificate result;
    result.certificatePem = issued->certificatePem;
    result.privateKeyPem = key->privateKeyPem;
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.privateKey = QSslKey(result.privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (result.certificate.isNull() || result.privateKey.isNull()) {
        return Error(QStringLiteral("Qt could not load the generated certificate or key; is the Qt OpenSSL TLS"
                                    " backend installed?"));
    }
    result.sha256 = issued->sha256;
    return result;
}

} // namespace Tls

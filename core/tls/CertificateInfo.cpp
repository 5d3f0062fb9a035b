#include "CertificateInfo.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

struct X509Deleter
{
    void operator()(X509* x) const { X509_free(x); }
};
struct BioDeleter
{
    void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    if (der.isEmpty()) {
        return {};
    }
    auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, der.size()));
}

QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, length);
}

// Qt lists DNS, IP and e-mail subjectAltNames, not URIs (SPIFFE ids and the like).
QStringList uriSubjectAltNames(X509* x509)
{
    QStringList out;
    auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr));
    if (!names) {
        return out;
    }
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
        if (name->type == GEN_URI) {
            const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
            out << QStringLiteral("URI:")
                       + QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                                             ASN1_STRING_length(uri));
        }
    }
    GENERAL_NAMES_free(names);
    return out;
}

} // namespace

QString CertificateInfo::sha256Fingerprint() const
{
    return Tls::formatFingerprint(sha256);
}

CertificateInfo CertificateInfo::fromCertificate(const QSslCertificate& certificate)
{
    CertificateInfo info;
    const X509Ptr x509 = toX509(certificate);
    if (!x509) {
        return info;
    }
    info.subject = nameToString(X509_get_subject_name(x509.get()));
    info.issuer = nameToString(X509_get_issuer_name(x509.get()));
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x509.get()), nullptr)) {
        if (char* hex = BN_bn2hex(bn)) {
            info.serial = QString::fromLatin1(hex);
            OPENSSL_free(hex);
        }
        BN_free(bn);
    }
    info.sha256 = Tls::certificateSha256(certificate);
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        switch (it.key()) {
            case QSsl::DnsEntry:
                info.subjectAltNames << QStringLiteral("DNS:") + it.value();
                break;
            case QSsl::IpAddressEntry:
                info.subjectAltNames << QStringLiteral("IP:") + it.value();
                break;
            case QSsl::EmailEntry:
                info.subjectAltNames << QStringLiteral("email:") + it.value();
                break;
        }
    }
    info.subjectAltNames += uriSubjectAltNames(x509.get());
    return info;
}

namespace Tls {

QString formatFingerprint(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray certificateSha256(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    if (der.isEmpty()) {
        return {};
    }
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(der.constData(),
                   static_cast<size_t>(der.size()),
                   reinterpret_cast<unsigned char*>(digest.data()),
                   &length,
                   EVP_sha256(),
                   nullptr)
        != 1) {
        return {};
    }
    digest.resize(length);
    return digest;
}

Result<void> checkKeyMatchesCertificate(const QSslCertificate& certificate, const QSslKey& key)
{
    const X509Ptr x509 = toX509(certificate);
    if (!x509) {
        return Error(QStringLiteral("the certificate could not be read; give a PEM or DER X.509 certificate"));
    }
    const QByteArray pem = key.toPem();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    PkeyPtr pkey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!pkey) {
        return Error(QStringLiteral("the private key could not be read; give an unencrypted PEM private key"));
    }
    if (X509_check_private_key(x509.get(), pkey.get()) != 1) {
        return Error(QStringLiteral("the private key does not belong to the certificate; give the key the"
                                    " certificate was issued for"));
    }
    return {};
}

} // namespace Tls

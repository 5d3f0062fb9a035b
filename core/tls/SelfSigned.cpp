#include "SelfSigned.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

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
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

Error opensslError(const QString& what)
{
    return Error(QStringLiteral("could not make the self-signed certificate: %1 failed in OpenSSL").arg(what));
}

bool isDnsNameSafe(const QString& name)
{
    if (name.isEmpty()) {
        return false;
    }
    // A comma would start another subjectAltName entry in the OpenSSL config string.
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('*'))
            || c.unicode() > 127) {
            return false;
        }
    }
    return true;
}

bool addExtension(X509* cert, int nid, const QByteArray& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext) {
        return false;
    }
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, length);
}

} // namespace

namespace Tls {

Result<SelfSignedCertificate> makeSelfSigned(const SelfSignedOptions& options)
{
    if (options.validDays < 1) {
        return Error(QStringLiteral("validDays must be at least 1"), QStringLiteral("tls.validDays"));
    }
    QStringList altNames;
    for (const QString& dns : options.dnsNames) {
        if (!isDnsNameSafe(dns)) {
            return Error(QStringLiteral("\"%1\" is not a host name; use letters, digits, '-', '.' and '*'").arg(dns),
                         QStringLiteral("tls.dnsNames"));
        }
        altNames << QStringLiteral("DNS:") + dns;
    }
    for (const QHostAddress& ip : options.ipAddresses) {
        if (ip.isNull()) {
            return Error(QStringLiteral("an IP address is empty"), QStringLiteral("tls.ipAddresses"));
        }
        altNames << QStringLiteral("IP:") + ip.toString();
    }

    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        return opensslError(QStringLiteral("EC P-256 key generation"));
    }
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) {
        return opensslError(QStringLiteral("X509_new"));
    }
    // 127-bit positive random serial: unique enough that browsers never see two certificates
    // from the same "issuer" with one serial.
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
        return opensslError(QStringLiteral("serial number"));
    }
    // An hour of slack for clocks that run behind.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400L * options.validDays)) {
        return opensslError(QStringLiteral("validity"));
    }
    if (X509_set_pubkey(cert.get(), key.get()) != 1) {
        return opensslError(QStringLiteral("X509_set_pubkey"));
    }
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = options.commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(
            name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0)
            != 1
        || X509_set_issuer_name(cert.get(), name) != 1) {
        return opensslError(QStringLiteral("subject name"));
    }
    if (!addExtension(cert.get(), NID_basic_constraints, QByteArrayLiteral("critical,CA:FALSE"))
        || !addExtension(cert.get(), NID_key_usage, QByteArrayLiteral("critical,digitalSignature"))
        || !addExtension(cert.get(), NID_ext_key_usage, QByteArrayLiteral("serverAuth"))
        || !addExtension(cert.get(), NID_subject_key_identifier, QByteArrayLiteral("hash"))
        || (!altNames.isEmpty()
            && !addExtension(cert.get(), NID_subject_alt_name, altNames.join(QLatin1Char(',')).toLatin1()))) {
        return opensslError(QStringLiteral("extensions"));
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        return opensslError(QStringLiteral("X509_sign"));
    }

    SelfSignedCertificate result;
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return opensslError(QStringLiteral("PEM encoding"));
    }
    result.certificatePem = bioContents(certBio.get());
    result.privateKeyPem = bioContents(keyBio.get());
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.privateKey = QSslKey(result.privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (result.certificate.isNull() || result.privateKey.isNull()) {
        return Error(QStringLiteral("Qt could not load the generated certificate or key; is the Qt OpenSSL TLS"
                                    " backend installed?"));
    }
    result.sha256 = certificateSha256(result.certificate);
    return result;
}

} // namespace Tls

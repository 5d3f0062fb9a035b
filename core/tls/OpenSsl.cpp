#include "OpenSsl.h"

#include <QHostAddress>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <ctime>

namespace Tls::Ossl {

namespace {

struct PasswordRequest
{
    const QByteArray* password = nullptr;
    bool asked = false;
};

int passwordCallback(char* buffer, int size, int /*rwflag*/, void* user)
{
    auto* request = static_cast<PasswordRequest*>(user);
    request->asked = true;
    if (!request->password || request->password->isEmpty() || request->password->size() > size) {
        return -1; // never fall back to OpenSSL's terminal prompt
    }
    std::memcpy(buffer, request->password->constData(), static_cast<size_t>(request->password->size()));
    return static_cast<int>(request->password->size());
}

BioPtr memoryBio(const QByteArray& bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, length);
}

} // namespace

QString takeErrorText()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return {};
    }
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

PkeyPtr readPrivateKey(const QByteArray& pem, const QByteArray& password, KeyReadFailure* failure)
{
    PasswordRequest request {&password, false};
    BioPtr bio = memoryBio(pem);
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback, &request) : nullptr);
    ERR_clear_error();
    if (failure) {
        *failure =
            key ? KeyReadFailure::None
                : (request.asked ? (password.isEmpty() ? KeyReadFailure::NeedsPassword : KeyReadFailure::WrongPassword)
                                 : KeyReadFailure::NotAKey);
    }
    return key;
}

PkeyPtr readPublicOrPrivateKey(const QByteArray& pem)
{
    BioPtr bio = memoryBio(pem);
    PkeyPtr key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    if (!key) {
        key = readPrivateKey(pem, {});
    }
    return key;
}

QByteArray privateKeyToPkcs8Pem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    return bioContents(bio.get());
}

QByteArray publicKeyToPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
        ERR_clear_error();
        return {};
    }
    return bioContents(bio.get());
}

X509Ptr readCertificatePem(const QByteArray& pem)
{
    BioPtr bio = memoryBio(pem);
    X509Ptr certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    return certificate;
}

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    if (der.isEmpty()) {
        return {};
    }
    auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &data, der.size()));
    ERR_clear_error();
    return x509;
}

QByteArray certificateToPem(X509* certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) {
        ERR_clear_error();
        return {};
    }
    return bioContents(bio.get());
}

QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        ERR_clear_error();
        return {};
    }
    return QString::fromUtf8(bioContents(bio.get()));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1) {
        ERR_clear_error();
        return {};
    }
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec),
                     Qt::UTC);
}

QStringList subjectAltNames(X509* certificate)
{
    QStringList names;
    auto* general = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general) {
        ERR_clear_error();
        return names;
    }
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS) {
            const ASN1_STRING* dns = name->d.dNSName;
            names << QStringLiteral("DNS:")
                         + QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                               ASN1_STRING_length(dns));
        } else if (name->type == GEN_IPADD) {
            const ASN1_OCTET_STRING* ip = name->d.iPAddress;
            const unsigned char* bytes = ASN1_STRING_get0_data(ip);
            QHostAddress address;
            if (ASN1_STRING_length(ip) == 4) {
                address.setAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8
                                   | quint32(bytes[3]));
            } else if (ASN1_STRING_length(ip) == 16) {
                address.setAddress(bytes);
            }
            names << QStringLiteral("IP:") + address.toString();
        }
    }
    GENERAL_NAMES_free(general);
    return names;
}

QString publicKeyPin(X509* certificate)
{
    unsigned char* der = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate), &der);
    if (length <= 0) {
        ERR_clear_error();
        return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    const bool ok = EVP_Digest(der, static_cast<size_t>(length), digest, &digestLength, EVP_sha256(), nullptr) == 1;
    OPENSSL_free(der);
    if (!ok) {
        ERR_clear_error();
        return {};
    }
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(digestLength)).toBase64());
}

} // namespace Tls::Ossl

#include "KeyTools.h"

#include "CertificateInfo.h"
#include "OpenSsl.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

namespace Tls {

namespace {

using namespace Ossl;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;

Error opensslFailure(const QString& what)
{
    const QString reason = takeErrorText();
    return Error(QStringLiteral("%1 failed in OpenSSL%2")
                     .arg(what, reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
}

bool addExtension(X509* subject, X509* issuer, int nid, const char* value, EVP_PKEY* issuerKey = nullptr)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, subject, nullptr, nullptr, 0);
    // OpenSSL derives a self-signed certificate's authority key id from the signing key.
    if (issuerKey && X509V3_set_issuer_pkey(&ctx, issuerKey) != 1) {
        return false;
    }
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension) {
        return false;
    }
    const bool ok = X509_add_ext(subject, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

// "DNS:x" / "IP:y" entries, checked and normalised ("ip:0:0::1" becomes "IP:::1").
Result<QStringList> normaliseAltNames(const QStringList& entries)
{
    QStringList names;
    for (const QString& entry : entries) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        const QString kind = entry.left(colon).trimmed().toUpper();
        const QString value = entry.mid(colon + 1).trimmed();
        QString name;
        if (colon > 0 && kind == QLatin1String("DNS") && looksLikeHostName(value)) {
            name = QStringLiteral("DNS:") + value.toLower();
        } else if (colon > 0 && kind == QLatin1String("IP") && !QHostAddress(value).isNull()) {
            name = QStringLiteral("IP:") + QHostAddress(value).toString();
        } else {
            return Error(QStringLiteral("subject alternative name \"%1\" is neither DNS:host.name nor IP:address"
                                        " (e.g. DNS:hooks.example.com, IP:192.0.2.7)")
                             .arg(entry));
        }
        if (!names.contains(name)) {
            names << name;
        }
    }
    return names;
}

bool addAltNames(X509* certificate, const QStringList& names)
{
    GeneralNamesPtr general(GENERAL_NAMES_new());
    if (!general) {
        return false;
    }
    for (const QString& name : names) {
        const QByteArray value = name.mid(name.indexOf(QLatin1Char(':')) + 1).toLatin1();
        GENERAL_NAME* entry = nullptr;
        if (name.startsWith(QLatin1String("DNS:"))) {
            entry = GENERAL_NAME_new();
            ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
            if (!entry || !dns || ASN1_STRING_set(dns, value.constData(), static_cast<int>(value.size())) != 1) {
                GENERAL_NAME_free(entry);
                ASN1_IA5STRING_free(dns);
                return false;
            }
            GENERAL_NAME_set0_value(entry, GEN_DNS, dns);
        } else {
            ASN1_OCTET_STRING* ip = a2i_IPADDRESS(value.constData());
            entry = ip ? GENERAL_NAME_new() : nullptr;
            if (!entry) {
                ASN1_OCTET_STRING_free(ip);
                return false;
            }
            GENERAL_NAME_set0_value(entry, GEN_IPADD, ip);
        }
        if (sk_GENERAL_NAME_push(general.get(), entry) == 0) {
            GENERAL_NAME_free(entry);
            return false;
        }
    }
    return X509_add1_ext_i2d(certificate, NID_subject_alt_name, general.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

} // namespace

Result<KeyType> parseKeyType(const QString& name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("rsa")) {
        return KeyType::Rsa;
    }
    if (lower == QLatin1String("ec") || lower == QLatin1String("p-256") || lower == QLatin1String("ecdsa")) {
        return KeyType::Ec;
    }
    if (lower == QLatin1String("ed25519")) {
        return KeyType::Ed25519;
    }
    return Error(QStringLiteral("unknown key type \"%1\"; use rsa, ec (P-256) or ed25519").arg(name));
}

QString keyTypeName(KeyType type)
{
    switch (type) {
        case KeyType::Rsa:
            return QStringLiteral("rsa");
        case KeyType::Ec:
            return QStringLiteral("ec");
        case KeyType::Ed25519:
            return QStringLiteral("ed25519");
    }
    return {};
}

Result<GeneratedKey> generateKey(KeyType type, int rsaBits)
{
    PkeyPtr key;
    GeneratedKey result;
    switch (type) {
        case KeyType::Rsa:
            if (rsaBits != 2048 && rsaBits != 3072 && rsaBits != 4096) {
                return Error(QStringLiteral("RSA keys are 2048, 3072 or 4096 bits, not %1").arg(rsaBits));
            }
            key.reset(EVP_RSA_gen(static_cast<unsigned int>(rsaBits)));
            result.description = QStringLiteral("RSA %1").arg(rsaBits);
            break;
        case KeyType::Ec:
            key.reset(EVP_EC_gen("P-256"));
            result.description = QStringLiteral("EC P-256");
            break;
        case KeyType::Ed25519:
            key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
            result.description = QStringLiteral("Ed25519");
            break;
    }
    if (!key) {
        return opensslFailure(result.description + QStringLiteral(" key generation"));
    }
    result.privateKeyPem = privateKeyToPkcs8Pem(key.get());
    result.publicKeyPem = publicKeyToPem(key.get());
    if (result.privateKeyPem.isEmpty() || result.publicKeyPem.isEmpty()) {
        return opensslFailure(QStringLiteral("PEM encoding of the key"));
    }
    return result;
}

bool looksLikeHostName(const QString& name)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (name.isEmpty() || name.size() > 253) {
        return false;
    }
    const QStringList labels = name.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i == 0 && labels.at(i) == QLatin1String("*") && labels.size() > 2) {
            continue;
        }
        if (!label.match(labels.at(i)).hasMatch()) {
            return false;
        }
    }
    return true;
}

Result<IssuedCertificate>
makeCertificate(const QByteArray& subjectKeyPem, const CertificateOptions& options, const std::optional<Issuer>& issuer)
{
    const bool authority = options.kind == CertificateKind::Authority;
    if (options.commonName.trimmed().isEmpty()) {
        return Error(QStringLiteral("the certificate needs a common name (CN)"));
    }
    const int days = options.validDays > 0 ? options.validDays : (authority ? DefaultAuthorityDays : DefaultLeafDays);
    if (options.validDays < 0 || days > 36500) {
        return Error(QStringLiteral("validity must be between 1 and 36500 days, not %1").arg(options.validDays));
    }

    QStringList requested = options.subjectAltNames;
    if (!authority && options.localhostAltNames) {
        QStringList defaults {
            QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("IP:::1")};
        if (!QHostAddress(options.commonName).isNull()) {
            defaults << QStringLiteral("IP:") + options.commonName;
        } else if (looksLikeHostName(options.commonName)) {
            defaults << QStringLiteral("DNS:") + options.commonName;
        }
        requested = defaults + requested;
    }
    auto altNames = normaliseAltNames(requested);
    if (!altNames) {
        return altNames.error();
    }

    KeyReadFailure failure = KeyReadFailure::None;
    PkeyPtr subjectKey = issuer ? readPublicOrPrivateKey(subjectKeyPem) : readPrivateKey(subjectKeyPem, {}, &failure);
    if (!subjectKey) {
        if (failure == KeyReadFailure::NeedsPassword) {
            return Error(QStringLiteral("the key is encrypted; decrypt it first (openssl pkey -in KEY.pem -out"
                                        " plain.pem) or make a new one with gen-key"));
        }
        return Error(issuer ? QStringLiteral("the key is not a PEM private or public key (RSA, EC or Ed25519)")
                            : QStringLiteral("a self-signed certificate needs the PEM private key (RSA, EC or"
                                             " Ed25519), not a public key"));
    }

    X509Ptr issuerCertificate;
    PkeyPtr signingKey;
    if (issuer) {
        issuerCertificate = readCertificatePem(issuer->certificatePem);
        if (!issuerCertificate) {
            return Error(QStringLiteral("the CA certificate is not a PEM X.509 certificate"));
        }
        if (X509_check_ca(issuerCertificate.get()) < 1) {
            ERR_clear_error();
            return Error(QStringLiteral("the CA certificate (%1) is not a certificate authority (no basicConstraints"
                                        " CA:TRUE); make one with gen-cert without --ca")
                             .arg(nameToString(X509_get_subject_name(issuerCertificate.get()))));
        }
        signingKey = readPrivateKey(issuer->privateKeyPem, {}, &failure);
        if (!signingKey) {
            return Error(failure == KeyReadFailure::NeedsPassword
                             ? QStringLiteral("the CA key is encrypted; decrypt it first (openssl pkey)")
                             : QStringLiteral("the CA key is not a PEM private key"));
        }
        if (X509_check_private_key(issuerCertificate.get(), signingKey.get()) != 1) {
            ERR_clear_error();
            return Error(QStringLiteral("the CA key is not the key of the CA certificate; give the key made for it"));
        }
    }

    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1) {
        return opensslFailure(QStringLiteral("X509_new"));
    }
    // 128 random bits, the top one set so every serial prints as 32 hex digits.
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 128, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))) {
        return opensslFailure(QStringLiteral("serial number"));
    }
    const qint64 notAfterOffset = qint64(days) * 86400 - options.backdateSeconds;
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), static_cast<long>(-options.backdateSeconds))
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), static_cast<long>(notAfterOffset))) {
        return opensslFailure(QStringLiteral("validity"));
    }
    if (X509_set_pubkey(certificate.get(), subjectKey.get()) != 1) {
        return opensslFailure(QStringLiteral("X509_set_pubkey"));
    }
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    const QByteArray cn = options.commonName.trimmed().toUtf8();
    if (X509_NAME_add_entry_by_txt(
            subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0)
            != 1
        || X509_set_issuer_name(certificate.get(), issuer ? X509_get_subject_name(issuerCertificate.get()) : subject)
               != 1) {
        return opensslFailure(QStringLiteral("subject name"));
    }

    X509* issuerX509 = issuer ? issuerCertificate.get() : certificate.get();
    const bool rsa = EVP_PKEY_get_base_id(subjectKey.get()) == EVP_PKEY_RSA;
    bool extensionsOk = true;
    if (authority) {
        extensionsOk = addExtension(certificate.get(), issuerX509, NID_basic_constraints, "critical,CA:TRUE")
                       && addExtension(certificate.get(), issuerX509, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        extensionsOk = addExtension(certificate.get(), issuerX509, NID_basic_constraints, "critical,CA:FALSE")
                       && addExtension(certificate.get(),
                                       issuerX509,
                                       NID_key_usage,
                                       rsa ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature")
                       && addExtension(certificate.get(), issuerX509, NID_ext_key_usage, "serverAuth,clientAuth");
    }
    // The subject key id first: a self-signed certificate's authority key id is its own.
    extensionsOk = extensionsOk && addExtension(certificate.get(), issuerX509, NID_subject_key_identifier, "hash")
                   && addExtension(certificate.get(),
                                   issuerX509,
                                   NID_authority_key_identifier,
                                   issuer ? "keyid,issuer" : "keyid:always",
                                   issuer ? signingKey.get() : subjectKey.get())
                   && (altNames->isEmpty() || addAltNames(certificate.get(), altNames.value()));
    if (!extensionsOk) {
        return opensslFailure(QStringLiteral("certificate extensions"));
    }

    EVP_PKEY* signer = issuer ? signingKey.get() : subjectKey.get();
    // Ed25519 hashes inside the signature: OpenSSL wants no digest for it.
    const EVP_MD* digest = EVP_PKEY_get_base_id(signer) == EVP_PKEY_ED25519 ? nullptr : EVP_sha256();
    if (X509_sign(certificate.get(), signer, digest) <= 0) {
        return opensslFailure(QStringLiteral("signing the certificate"));
    }

    IssuedCertificate result;
    result.certificatePem = certificateToPem(certificate.get());
    if (result.certificatePem.isEmpty()) {
        return opensslFailure(QStringLiteral("PEM encoding of the certificate"));
    }
    result.subject = nameToString(X509_get_subject_name(certificate.get()));
    result.issuer = nameToString(X509_get_issuer_name(certificate.get()));
    result.subjectAltNames = subjectAltNames(certificate.get());
    result.notBefore = toDateTime(X509_get0_notBefore(certificate.get()));
    result.notAfter = toDateTime(X509_get0_notAfter(certificate.get()));
    result.sha256 = certificateSha256(QSslCertificate(result.certificatePem, QSsl::Pem));
    result.publicKeyPin = publicKeyPin(certificate.get());
    return result;
}

Result<void> writeFile(const QString& path, const QByteArray& bytes, bool privateKey, bool overwrite)
{
    if (QFileInfo::exists(path)) {
        if (!overwrite) {
            return Error(QStringLiteral("%1 already exists; it was left as it is").arg(path), {}, path);
        }
        if (!QFile::remove(path)) {
            return Error(QStringLiteral("%1 exists and could not be replaced").arg(path), {}, path);
        }
    }
    QFile file(path);
    // The mode is set when the file is created, so a key is never readable by others, not even
    // for a moment; NewOnly refuses a file that appeared in between.
    const QFile::Permissions mode = privateKey
                                        ? (QFile::ReadOwner | QFile::WriteOwner)
                                        : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, mode)) {
        return Error(QStringLiteral("could not create %1: %2").arg(path, file.errorString()), {}, path);
    }
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        QFile::remove(path);
        return Error(QStringLiteral("could not write %1: %2").arg(path, reason), {}, path);
    }
    return {};
}

} // namespace Tls

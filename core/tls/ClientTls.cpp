#include "ClientTls.h"

#include "CertificateInfo.h"
#include "OpenSsl.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslSocket>

#include <openssl/err.h>
#include <openssl/pkcs12.h>

namespace Tls {

namespace {

using namespace Ossl;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12_free>>;

QString resolvePath(const QString& baseDir, const QString& path)
{
    return QDir::isAbsolutePath(path) || baseDir.isEmpty() ? path : QDir(baseDir).filePath(path);
}

Result<QByteArray> readFile(const QString& path, const QString& field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), field);
    }
    return file.readAll();
}

// A secret the profile references, already resolved by the caller.
Result<QByteArray> secretValue(const SecretValues& secrets, const QString& reference, const QString& field)
{
    if (reference.isEmpty()) {
        return QByteArray();
    }
    const auto it = secrets.constFind(reference);
    if (it == secrets.constEnd()) {
        return Error(QStringLiteral("the secret reference was not resolved before sending"), field);
    }
    return it.value();
}

// Qt loads RSA and EC keys itself; for any other type (Ed25519) it takes OpenSSL's key as an
// opaque handle, which its OpenSSL backend hands to the handshake as is.
Result<QSslKey> toQSslKey(PkeyPtr key, const QString& field)
{
    const int type = EVP_PKEY_get_base_id(key.get());
    QSslKey result;
    if (type == EVP_PKEY_RSA || type == EVP_PKEY_EC) {
        result = QSslKey(privateKeyToPkcs8Pem(key.get()), type == EVP_PKEY_RSA ? QSsl::Rsa : QSsl::Ec);
    } else {
        result = QSslKey(static_cast<Qt::HANDLE>(key.release()), QSsl::PrivateKey);
    }
    if (result.isNull()) {
        return Error(QStringLiteral("Qt's TLS backend could not load this %1 key; use an RSA or EC P-256 key")
                         .arg(QString::fromLatin1(OBJ_nid2sn(type))),
                     field);
    }
    return result;
}

Result<void> checkKeyMatches(X509* certificate, EVP_PKEY* key, const QString& field)
{
    if (X509_check_private_key(certificate, key) != 1) {
        ERR_clear_error();
        return Error(QStringLiteral("the private key does not belong to the client certificate \"%1\"; give the key the"
                                    " certificate was issued for")
                         .arg(nameToString(X509_get_subject_name(certificate))),
                     field);
    }
    return {};
}

Result<ClientCredential> loadPkcs12(const QByteArray& bytes, const QString& path, const QByteArray& password)
{
    const QString certField = QStringLiteral("tls.clientCert");
    if (bytes.contains("-----BEGIN")) {
        return Error(QStringLiteral("%1 is a PEM file: set tls.clientKey to its private key (e.g. \"file:client.key\"),"
                                    " or give a PKCS#12 (.p12) file, which holds both")
                         .arg(path),
                     certField);
    }
    BioPtr bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    Pkcs12Ptr p12(bio ? d2i_PKCS12_bio(bio.get(), nullptr) : nullptr);
    if (!p12) {
        ERR_clear_error();
        return Error(QStringLiteral("%1 is neither a PEM certificate nor a PKCS#12 file").arg(path), certField);
    }
    // An empty password may have been written as "no password" or as "": try both.
    const char* pass = password.isEmpty() ? nullptr : password.constData();
    const int passLength = static_cast<int>(password.size());
    if (PKCS12_mac_present(p12.get()) && PKCS12_verify_mac(p12.get(), pass, passLength) != 1) {
        ERR_clear_error();
        if (password.isEmpty() && PKCS12_verify_mac(p12.get(), "", 0) == 1) {
            pass = "";
        } else {
            ERR_clear_error();
            return Error(password.isEmpty()
                             ? QStringLiteral("%1 is protected by a password: set tls.clientKeyPassword").arg(path)
                             : QStringLiteral("the password does not open %1 (wrong password)").arg(path),
                         QStringLiteral("tls.clientKeyPassword"));
        }
    }
    EVP_PKEY* rawKey = nullptr;
    X509* rawCertificate = nullptr;
    STACK_OF(X509)* rawChain = nullptr;
    const bool parsed = PKCS12_parse(p12.get(), pass, &rawKey, &rawCertificate, &rawChain) == 1;
    PkeyPtr key(rawKey);
    X509Ptr certificate(rawCertificate);
    ClientCredential credential;
    if (rawChain) {
        for (int i = 0; i < sk_X509_num(rawChain); ++i) {
            credential.chain.append(QSslCertificate(certificateToPem(sk_X509_value(rawChain, i)), QSsl::Pem));
        }
        sk_X509_pop_free(rawChain, X509_free);
    }
    if (!parsed || !key || !certificate) {
        const QString reason = takeErrorText();
        return Error(QStringLiteral("%1 does not hold a certificate with its private key%2")
                         .arg(path, reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason)),
                     certField);
    }
    if (auto matches = checkKeyMatches(certificate.get(), key.get(), certField); !matches) {
        return matches.error();
    }
    credential.certificate = QSslCertificate(certificateToPem(certificate.get()), QSsl::Pem);
    auto qtKey = toQSslKey(std::move(key), certField);
    if (!qtKey) {
        return qtKey.error();
    }
    credential.privateKey = qtKey.value();
    return credential;
}

QString formatDate(const QDateTime& when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString hostNames(const QSslCertificate& certificate)
{
    QStringList names;
    const auto alt = certificate.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it) {
        names << QStringLiteral("%1:%2").arg(
            it.key() == QSsl::IpAddressEntry ? QStringLiteral("IP") : QStringLiteral("DNS"), it.value());
    }
    if (names.isEmpty()) {
        const QStringList cn = certificate.subjectInfo(QSslCertificate::CommonName);
        return cn.isEmpty() ? QStringLiteral("no host name at all")
                            : QStringLiteral("\"%1\" (common name only, no subjectAltName)").arg(cn.join(u", "));
    }
    return names.join(QStringLiteral(", "));
}

QString pinHint(const QSslCertificate& certificate)
{
    return QStringLiteral("tls.pinSha256 [\"%1\"]").arg(publicKeyPin(certificate));
}

} // namespace

Result<QSslKey> loadPrivateKey(const QByteArray& pem, const QByteArray& password, const QString& field)
{
    KeyReadFailure failure = KeyReadFailure::None;
    PkeyPtr key = readPrivateKey(pem, password, &failure);
    switch (failure) {
        case KeyReadFailure::None:
            break;
        case KeyReadFailure::NeedsPassword:
            return Error(QStringLiteral("the private key is encrypted: set tls.clientKeyPassword to its password"),
                         field);
        case KeyReadFailure::WrongPassword:
            return Error(QStringLiteral("the password does not decrypt the private key (wrong password)"),
                         QStringLiteral("tls.clientKeyPassword"));
        case KeyReadFailure::NotAKey:
            return Error(QStringLiteral("not a PEM private key (RSA, EC or Ed25519; \"-----BEGIN PRIVATE KEY-----\")"),
                         field);
    }
    return toQSslKey(std::move(key), field);
}

Result<ClientCredential> loadClientCredential(const TlsConfig& tls, const SecretValues& secrets, const QString& baseDir)
{
    const QString certField = QStringLiteral("tls.clientCert");
    const QString path = resolvePath(baseDir, tls.clientCert);
    const auto bytes = readFile(path, certField);
    if (!bytes) {
        return bytes.error();
    }
    const auto password = secretValue(secrets, tls.clientKeyPassword, QStringLiteral("tls.clientKeyPassword"));
    if (!password) {
        return password.error();
    }
    if (tls.clientKey.isEmpty()) {
        return loadPkcs12(bytes.value(), path, password.value());
    }

    const QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes.value(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return Error(QStringLiteral("no PEM certificate in %1 (a PKCS#12 file goes without tls.clientKey)").arg(path),
                     certField);
    }
    const auto keyPem = secretValue(secrets, tls.clientKey, QStringLiteral("tls.clientKey"));
    if (!keyPem) {
        return keyPem.error();
    }
    const QString keyField = QStringLiteral("tls.clientKey");
    KeyReadFailure failure = KeyReadFailure::None;
    PkeyPtr key = readPrivateKey(keyPem.value(), password.value(), &failure);
    if (!key) {
        const auto explained = loadPrivateKey(keyPem.value(), password.value(), keyField);
        return explained ? Error(QStringLiteral("not a usable private key"), keyField) : explained.error();
    }
    const X509Ptr leaf = toX509(certificates.first());
    if (!leaf) {
        return Error(QStringLiteral("the certificate in %1 could not be read").arg(path), certField);
    }
    if (auto matches = checkKeyMatches(leaf.get(), key.get(), keyField); !matches) {
        return matches.error();
    }
    auto qtKey = toQSslKey(std::move(key), keyField);
    if (!qtKey) {
        return qtKey.error();
    }
    ClientCredential credential;
    credential.certificate = certificates.first();
    credential.chain = certificates.mid(1);
    credential.privateKey = qtKey.value();
    return credential;
}

Result<QSslConfiguration> clientConfiguration(const TlsConfig& tls, const SecretValues& secrets, const QString& baseDir)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // Pins still apply without verification: verify false + pinSha256 accepts exactly one key.
    config.setPeerVerifyMode(tls.verify ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    if (!tls.caFile.isEmpty()) {
        const QString path = resolvePath(baseDir, tls.caFile);
        const auto bytes = readFile(path, QStringLiteral("tls.caFile"));
        if (!bytes) {
            return bytes.error();
        }
        const QList<QSslCertificate> cas = QSslCertificate::fromData(bytes.value(), QSsl::Pem);
        if (cas.isEmpty()) {
            return Error(QStringLiteral("no PEM certificate in %1; give a bundle of \"-----BEGIN CERTIFICATE-----\""
                                        " blocks")
                             .arg(path),
                         QStringLiteral("tls.caFile"));
        }
        // Setting CAs turns off Qt's on-demand loading of the system store, so the system's
        // roots are added explicitly: the bundle extends the trust store, it does not replace it.
        QList<QSslCertificate> trusted = config.caCertificates();
        if (config.caCertificates().isEmpty()) {
            trusted = QSslConfiguration::systemCaCertificates();
        }
        config.setCaCertificates(trusted + cas);
    }
    if (!tls.clientCert.isEmpty()) {
        auto credential = loadClientCredential(tls, secrets, baseDir);
        if (!credential) {
            return credential.error();
        }
        config.setPrivateKey(credential->privateKey);
        config.setLocalCertificateChain(QList<QSslCertificate> {credential->certificate} + credential->chain);
    }
    return config;
}

QString publicKeyPin(const QSslCertificate& certificate)
{
    const X509Ptr x509 = toX509(certificate);
    return x509 ? Ossl::publicKeyPin(x509.get()) : QString();
}

Result<void> checkPins(const QStringList& pins, const QList<QSslCertificate>& peerChain)
{
    if (pins.isEmpty()) {
        return {};
    }
    if (peerChain.isEmpty()) {
        return Error(QStringLiteral("TLS pin check failed: the server presented no certificate"),
                     QStringLiteral("tls.pinSha256"));
    }
    const QString actual = publicKeyPin(peerChain.first());
    if (!actual.isEmpty() && pins.contains(actual)) {
        return {};
    }
    return Error(QStringLiteral("TLS pin mismatch: the server's certificate %1 has public key pin \"%2\", which is not"
                                " in tls.pinSha256 [%3]. Something other than the expected server may be answering;"
                                " if the server's key was changed on purpose, add \"%2\" to tls.pinSha256")
                     .arg(describeCertificate(peerChain.first()),
                          actual,
                          QLatin1Char('"') + pins.join(QStringLiteral("\", \"")) + QLatin1Char('"')),
                 QStringLiteral("tls.pinSha256"));
}

QString describeCertificate(const QSslCertificate& certificate)
{
    if (certificate.isNull()) {
        return QStringLiteral("(none)");
    }
    const CertificateInfo info = CertificateInfo::fromCertificate(certificate);
    return QStringLiteral("\"%1\" (issued by \"%2\", valid %3 to %4)")
        .arg(info.subject, info.issuer, formatDate(certificate.effectiveDate()), formatDate(certificate.expiryDate()));
}

QString explainSslError(const QSslError& error, const QString& host)
{
    const QSslCertificate& certificate = error.certificate();
    const QString which = describeCertificate(certificate);
    const CertificateInfo info = CertificateInfo::fromCertificate(certificate);
    switch (error.error()) {
        case QSslError::CertificateExpired:
            return QStringLiteral("the server's certificate %1 expired on %2; renew it on the server (gen-cert"
                                  " makes a new one). For testing only, tls.verify false accepts it")
                .arg(which, formatDate(certificate.expiryDate()));
        case QSslError::CertificateNotYetValid:
            return QStringLiteral("the server's certificate %1 is not valid until %2 and it is now %3: either this"
                                  " computer's clock is behind or the certificate was issued with a future start"
                                  " date; fix the clock or reissue the certificate")
                .arg(which, formatDate(certificate.effectiveDate()), formatDate(QDateTime::currentDateTimeUtc()));
        case QSslError::SelfSignedCertificate:
            return QStringLiteral("the server's certificate %1 is self-signed (it vouches for itself) and is not"
                                  " trusted; trust it by putting that certificate in tls.caFile, or accept exactly"
                                  " this key with %2 (and tls.verify false)")
                .arg(which, pinHint(certificate));
        case QSslError::SelfSignedCertificateInChain:
            return QStringLiteral("the server's certificate chain ends in the certificate authority %1, which is not"
                                  " trusted (unknown CA); add that CA's certificate (PEM) to tls.caFile")
                .arg(which);
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
            return QStringLiteral("the server's certificate %1 comes from a certificate authority that is not"
                                  " trusted (unknown CA); add the certificate of \"%2\" (PEM) to tls.caFile, or pin"
                                  " the server's key with %3 and tls.verify false for testing")
                .arg(which, info.issuer, pinHint(certificate));
        case QSslError::HostNameMismatch:
            return QStringLiteral("the server's certificate %1 is for %2, not for \"%3\" in the URL (hostname"
                                  " mismatch); use one of those names in the URL, or reissue the certificate with"
                                  " this name (gen-cert --san %4)")
                .arg(which,
                     hostNames(certificate),
                     host,
                     (QHostAddress(host).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + host);
        case QSslError::InvalidPurpose:
            return QStringLiteral("the server's certificate %1 is not meant for TLS servers (its extendedKeyUsage"
                                  " lacks serverAuth); reissue it as a server certificate (gen-cert --ca ...)")
                .arg(which);
        case QSslError::CertificateSignatureFailed:
            return QStringLiteral("the signature on the certificate %1 does not verify: it was not issued by the"
                                  " CA it names, or it was altered")
                .arg(which);
        case QSslError::NoPeerCertificate:
            return QStringLiteral("the server presented no certificate");
        default:
            return QStringLiteral("%1 (certificate %2); trust the issuing CA with tls.caFile, or set tls.verify to"
                                  " false for testing")
                .arg(error.errorString(), which);
    }
}

QString verificationFailure(const QString& host, const QStringList& explanations)
{
    // Qt reports one missing issuer several ways; each explanation is said once.
    QStringList unique = explanations;
    unique.removeDuplicates();
    return QStringLiteral("TLS: the certificate of %1 was refused: %2").arg(host, unique.join(QStringLiteral("; ")));
}

QString handshakeFailure(const QString& host, const QString& qtError, bool clientCertificateConfigured)
{
    return QStringLiteral("TLS connection to %1 failed: %2. %3")
        .arg(host,
             qtError,
             clientCertificateConfigured
                 ? QStringLiteral("If the server checks client certificates, it may not trust the one in"
                                  " tls.clientCert (is it issued by a CA the server trusts?)")
                 : QStringLiteral("If the server requires a client certificate (mutual TLS), set tls.clientCert"
                                  " (and tls.clientKey)"));
}

} // namespace Tls

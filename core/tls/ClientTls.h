#pragma once

#include "model/EndpointProfile.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QString>
#include <QStringList>

// The client side of a profile's `tls` (docs/tls.md): the QSslConfiguration an outgoing request
// uses, the public-key pin check, and a plain explanation of every way a server's certificate
// can be refused, each naming the certificate and the setting that fixes it.
namespace Tls {

// A client certificate with its private key, from PEM files or one PKCS#12 file.
struct ClientCredential
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain; // intermediates sent after the certificate
    QSslKey privateKey;
};

// Any PEM private key (PKCS#8 encrypted or not, PKCS#1 RSA, SEC1 EC; RSA, EC or Ed25519) as a
// QSslKey Qt can use in a handshake. Errors name `field` and say whether the password is missing
// or wrong.
Result<QSslKey> loadPrivateKey(const QByteArray& pem, const QByteArray& password, const QString& field);

// tls.clientCert (+ tls.clientKey, or PKCS#12 when clientKey is empty) with tls.clientKeyPassword.
// Secrets are looked up in `secrets` by their reference; paths are relative to baseDir.
Result<ClientCredential>
loadClientCredential(const TlsConfig& tls, const SecretValues& secrets, const QString& baseDir);

// The configuration for a request to a profile's https URL: the system trust store plus
// tls.caFile, verification (on unless tls.verify is false), and the client credential.
Result<QSslConfiguration>
clientConfiguration(const TlsConfig& tls, const SecretValues& secrets, const QString& baseDir);

// base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo: what tls.pinSha256 lists
// (the same value as `openssl x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst
// -sha256 -binary | base64`). Empty for a null certificate.
QString publicKeyPin(const QSslCertificate& certificate);

// Run on QNetworkReply::encrypted: fails, explaining what was presented and what was expected,
// when pins is not empty and the server's certificate's key is not among them.
Result<void> checkPins(const QStringList& pins, const QList<QSslCertificate>& peerChain);

// "\"CN=localhost\" (issued by \"CN=Test CA\", valid 2026-01-01 to 2028-04-05)"
QString describeCertificate(const QSslCertificate& certificate);

// One certificate error in words, naming the certificate and the fix. `host` is the one the
// URL names (for a hostname mismatch).
QString explainSslError(const QSslError& error, const QString& host);

// The attempt's error when the server's certificate was refused: the explanations joined.
QString verificationFailure(const QString& host, const QStringList& explanations);

// The attempt's error when the handshake failed for another reason, or the server hung up right
// after it (how a TLS 1.3 server refuses a missing or untrusted client certificate): what
// happened plus what to check.
QString handshakeFailure(const QString& host, const QString& qtError, bool clientCertificateConfigured);

} // namespace Tls

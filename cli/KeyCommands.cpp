#include "Cli.h"
#include "Commands.h"

#include "tls/CertificateInfo.h"
#include "tls/KeyTools.h"

#include <QFile>
#include <QFileInfo>

namespace Cli {

namespace {

const QString kForceHint = QStringLiteral("; pass --force to replace it");

Result<QByteArray> readInput(const QString& path, const QString& flag)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), flag);
    }
    return file.readAll();
}

// Checks every output before anything is written, so a refusal leaves no half-made pair.
bool outputsFree(const QString& command, const QStringList& paths, bool force)
{
    for (const QString& path : paths) {
        if (!force && QFileInfo::exists(path)) {
            printError(command, QStringLiteral("%1 already exists%2").arg(path, kForceHint));
            return false;
        }
    }
    return true;
}

int runGenKey(QCommandLineParser& parser, const QString& command)
{
    const QString out = parser.value(QStringLiteral("out"));
    const QString pub = parser.value(QStringLiteral("pub"));
    const bool force = parser.isSet(QStringLiteral("force"));
    if (!parser.isSet(QStringLiteral("type")) || out.isEmpty()) {
        printError(command, QStringLiteral("--type rsa|ec|ed25519 and --out KEY.pem are required"));
        return UsageError;
    }
    const auto type = Tls::parseKeyType(parser.value(QStringLiteral("type")));
    if (!type) {
        printError(command, QStringLiteral("--type: ") + type.error().message);
        return UsageError;
    }
    int bits = Tls::DefaultRsaBits;
    if (parser.isSet(QStringLiteral("bits"))) {
        if (type.value() != Tls::KeyType::Rsa) {
            printError(command, QStringLiteral("--bits applies to rsa keys only (ec is P-256, ed25519 has one size)"));
            return UsageError;
        }
        bool ok = false;
        bits = parser.value(QStringLiteral("bits")).toInt(&ok);
        if (!ok || (bits != 2048 && bits != 3072 && bits != 4096)) {
            printError(command, QStringLiteral("--bits must be 2048, 3072 or 4096"));
            return UsageError;
        }
    }
    if (!pub.isEmpty() && QFileInfo(pub).absoluteFilePath() == QFileInfo(out).absoluteFilePath()) {
        printError(command, QStringLiteral("--pub must name another file than --out"));
        return UsageError;
    }
    if (!outputsFree(command, pub.isEmpty() ? QStringList {out} : QStringList {out, pub}, force)) {
        return UsageError;
    }

    const auto key = Tls::generateKey(type.value(), bits);
    if (!key) {
        printError(command, key.error());
        return WorkFailed;
    }
    if (auto written = Tls::writeFile(out, key->privateKeyPem, true, force); !written) {
        printError(command, written.error().message);
        return UsageError;
    }
    printOut(
        QStringLiteral("wrote %1: %2 private key (PKCS#8 PEM, readable by you only)\n").arg(out, key->description));
    if (!pub.isEmpty()) {
        if (auto written = Tls::writeFile(pub, key->publicKeyPem, false, force); !written) {
            printError(command, written.error().message);
            return UsageError;
        }
        printOut(QStringLiteral("wrote %1: its public key (PEM)\n").arg(pub));
    }
    return Success;
}

int runGenCert(QCommandLineParser& parser, const QString& command)
{
    const QString keyPath = parser.value(QStringLiteral("key"));
    const QString out = parser.value(QStringLiteral("out"));
    const QString caPath = parser.value(QStringLiteral("ca"));
    const QString caKeyPath = parser.value(QStringLiteral("ca-key"));
    const bool force = parser.isSet(QStringLiteral("force"));
    if (keyPath.isEmpty() || out.isEmpty() || !parser.isSet(QStringLiteral("cn"))) {
        printError(command, QStringLiteral("--key KEY.pem, --cn NAME and --out CERT.pem are required"));
        return UsageError;
    }
    if (caPath.isEmpty() != caKeyPath.isEmpty()) {
        printError(command, QStringLiteral("--ca CA.pem and --ca-key CA.key go together"));
        return UsageError;
    }

    Tls::CertificateOptions options;
    options.commonName = parser.value(QStringLiteral("cn"));
    options.kind = caPath.isEmpty() ? Tls::CertificateKind::Authority : Tls::CertificateKind::Leaf;
    options.subjectAltNames = parser.values(QStringLiteral("san"));
    options.localhostAltNames = !parser.isSet(QStringLiteral("no-localhost"));
    if (parser.isSet(QStringLiteral("days"))) {
        bool ok = false;
        options.validDays = parser.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || options.validDays < 1 || options.validDays > 36500) {
            printError(command, QStringLiteral("--days must be a whole number of days from 1 to 36500"));
            return UsageError;
        }
    }

    const auto key = readInput(keyPath, QStringLiteral("--key"));
    if (!key) {
        printError(command, key.error());
        return UsageError;
    }
    std::optional<Tls::Issuer> issuer;
    if (!caPath.isEmpty()) {
        const auto caCertificate = readInput(caPath, QStringLiteral("--ca"));
        const auto caKey = caCertificate ? readInput(caKeyPath, QStringLiteral("--ca-key")) : caCertificate;
        if (!caKey) {
            printError(command, caKey.error());
            return UsageError;
        }
        issuer = Tls::Issuer {caCertificate.value(), caKey.value()};
    }
    if (!outputsFree(command, {out}, force)) {
        return UsageError;
    }

    const auto issued = Tls::makeCertificate(key.value(), options, issuer);
    if (!issued) {
        printError(command, issued.error());
        return UsageError;
    }
    if (auto written = Tls::writeFile(out, issued->certificatePem, false, force); !written) {
        printError(command, written.error().message);
        return UsageError;
    }
    const QString kind = issuer ? QStringLiteral("server and client certificate")
                                : QStringLiteral("certificate authority (self-signed)");
    QString text = QStringLiteral("wrote %1: %2\n").arg(out, kind);
    text += QStringLiteral("  subject    %1\n  issuer     %2\n").arg(issued->subject, issued->issuer);
    text += QStringLiteral("  valid      %1 to %2\n")
                .arg(issued->notBefore.toString(Qt::ISODate), issued->notAfter.toString(Qt::ISODate));
    if (!issued->subjectAltNames.isEmpty()) {
        text += QStringLiteral("  names      %1\n").arg(issued->subjectAltNames.join(QStringLiteral(", ")));
    }
    text += QStringLiteral("  sha256     %1\n").arg(Tls::formatFingerprint(issued->sha256));
    text += QStringLiteral("  pinSha256  %1\n").arg(issued->publicKeyPin);
    printOut(text);
    return Success;
}

QCommandLineOption forceOption()
{
    return {QStringLiteral("force"), QStringLiteral("Replace output files that already exist.")};
}

} // namespace

Command genKeyCommand()
{
    return {QStringLiteral("gen-key"),
            QStringLiteral("gen-key --type rsa|ec|ed25519 [--bits 2048|3072|4096] --out KEY.pem [--pub PUB.pem]"
                           " [--force]"),
            QStringLiteral("Generate a private key (PKCS#8 PEM, mode 0600)."),
            [](QCommandLineParser& parser) {
                parser.addOption(
                    {QStringLiteral("type"), QStringLiteral("rsa, ec (P-256) or ed25519."), QStringLiteral("TYPE")});
                parser.addOption(
                    {QStringLiteral("bits"), QStringLiteral("RSA key size (default 3072)."), QStringLiteral("N")});
                parser.addOption({QStringLiteral("out"),
                                  QStringLiteral("Where the private key goes (created readable by you only)."),
                                  QStringLiteral("KEY.pem")});
                parser.addOption({QStringLiteral("pub"),
                                  QStringLiteral("Also write the public key (SubjectPublicKeyInfo PEM)."),
                                  QStringLiteral("PUB.pem")});
                parser.addOption(forceOption());
            },
            runGenKey};
}

Command genCertCommand()
{
    return {QStringLiteral("gen-cert"),
            QStringLiteral("gen-cert --key KEY.pem --cn NAME --out CERT.pem [--ca CA.pem --ca-key CA.key] [--days N]"
                           " [--san DNS:x|IP:y ...] [--no-localhost] [--force]"),
            QStringLiteral("Make a certificate: a CA (self-signed), or a server/client certificate it signs."),
            [](QCommandLineParser& parser) {
                parser.addOption({QStringLiteral("key"),
                                  QStringLiteral("The certificate's key (PEM; made with gen-key)."),
                                  QStringLiteral("KEY.pem")});
                parser.addOption({QStringLiteral("cn"), QStringLiteral("Common name."), QStringLiteral("NAME")});
                parser.addOption(
                    {QStringLiteral("out"), QStringLiteral("Where the certificate goes."), QStringLiteral("CERT.pem")});
                parser.addOption({QStringLiteral("ca"),
                                  QStringLiteral("Sign with this CA certificate: makes a server+client certificate"
                                                 " (without it: a self-signed CA)."),
                                  QStringLiteral("CA.pem")});
                parser.addOption(
                    {QStringLiteral("ca-key"), QStringLiteral("The CA's private key."), QStringLiteral("CA.key")});
                parser.addOption({QStringLiteral("days"),
                                  QStringLiteral("Validity in days (default 825; 3650 for a CA)."),
                                  QStringLiteral("N")});
                parser.addOption({QStringLiteral("san"),
                                  QStringLiteral("Extra subjectAltName, DNS:host or IP:address; repeatable. Signed"
                                                 " certificates always carry DNS:localhost, IP:127.0.0.1, IP:::1 and"
                                                 " the CN when it is a host name."),
                                  QStringLiteral("NAME")});
                parser.addOption({QStringLiteral("no-localhost"),
                                  QStringLiteral("Leave DNS:localhost, IP:127.0.0.1 and IP:::1 out.")});
                parser.addOption(forceOption());
            },
            runGenCert};
}

} // namespace Cli

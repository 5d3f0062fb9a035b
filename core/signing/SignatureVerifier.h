#pragma once

#include "model/EndpointProfile.h"
#include "util/Headers.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The receiver's side of docs/signatures.md: checks a request's signature headers against the
// configured secrets and, when they do not match, works out why (encoding, key form, body
// re-serialised, scheme version, ...) so the detail tells the user what to fix. Pure functions
// over bytes, shared by `receive` and the offline `verify`.

// One entry of a received request's "checks" (docs/cli.md).
struct SignatureCheck
{
    QString check; // the scheme name, e.g. "standard-webhooks"
    bool ok = false;
    QString detail;
};

struct SignatureVerifyOptions
{
    QString header; // hmac-sha256 only; empty means "X-Webhook-Signature"
    SignatureConfig::Encoding encoding = SignatureConfig::Encoding::Hex; // hmac-sha256 only
    QString prefix;                                                      // hmac-sha256 only
    int toleranceSeconds = 300; // timestamped schemes, both ways; negative: no timestamp check
};

// A signature a request appears to carry, found without any verify configuration.
struct RecognisedSignature
{
    std::optional<SignatureScheme> scheme; // empty when HookBench recognises but cannot verify it
    QByteArray header;
    QString detail; // "looks like ...: add a ... entry with ... to verify it"
};

namespace SignatureVerifier {
// `secrets` are resolved values, tried in turn (rotation). For standard-webhooks: whsec_ keys
// (v1) and whpk_ Ed25519 public keys (v1a). Every comparison is constant-time.
SignatureCheck verify(SignatureScheme scheme,
                      const SignatureVerifyOptions& options,
                      const QList<QByteArray>& secrets,
                      const HeaderList& headers,
                      QByteArrayView body,
                      qint64 nowUnix);

// Whether a resolved secret can verify `scheme`; for config loading (`path` e.g.
// "verify.signatures[0].secrets[1]"). The message never contains the secret.
Result<void> checkSecret(SignatureScheme scheme, const QByteArray& secret, const QString& path);

// The signatures a request looks signed with, in header order.
QList<RecognisedSignature> recognise(const HeaderList& headers);

QString checkName(SignatureScheme scheme);
} // namespace SignatureVerifier

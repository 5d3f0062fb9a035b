#pragma once

#include "model/EndpointProfile.h"
#include "util/Headers.h"
#include "util/Result.h"

// What a signature is computed over: the exact wire bytes plus, for timestamped schemes,
// the id and the unix time of this attempt.
struct SignatureInput
{
    QByteArrayView body;
    QString eventId;
    qint64 timestamp = 0; // unix seconds
};

namespace Signer {
// The headers one `signatures` entry adds (docs/signatures.md), in order. `secret` is the resolved
// value of config.secret. standard-webhooks picks v1 (whsec_) or v1a (whsk_) from the secret.
// Errors name the field (e.g. "signatures[0].secret") and what is wrong with it.
Result<HeaderList>
sign(const SignatureConfig& config, const QByteArray& secret, const SignatureInput& input, int index = 0);
} // namespace Signer

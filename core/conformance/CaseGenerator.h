#pragma once

#include "ConformanceCase.h"
#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"
#include "util/Result.h"

#include <QList>

namespace Conformance {

// The battery for one endpoint, as a pure function of the profile, its resolved secrets, the
// event and the time: every request is built by RequestBuilder (and Signer, Jws, Jwe through it)
// exactly as `send` would build it, then mutated; nothing here signs by other means.
//
// The first case is `valid`, the second `duplicate-event` (the valid request again, byte for
// byte); then only the cases that apply to the profile: body integrity when something signs the
// body, one set of signature cases per `signatures` entry (suffixed with the scheme when there
// are several), timestamp cases for standard-webhooks, stripe and slack, credential cases for
// basic, bearer, apiKey, header and OAuth, and the JOSE cases for `jws` and `jwe`.
//
// Every case but the duplicate carries a fresh event id and the current event timestamp, so a
// consumer that deduplicates cannot mistake a hostile case for a repeat; a fixed
// standard-webhooks `id` is ignored for the same reason. `accessToken` is the OAuth token of
// OAuth profiles.
Result<QList<Case>> generateCases(const EndpointProfile& profile,
                                  const SecretValues& secrets,
                                  const Event& event,
                                  const Options& options,
                                  qint64 now,
                                  const QByteArray& accessToken = {});

} // namespace Conformance

#pragma once

#include "model/EndpointProfile.h"
#include "model/Event.h"
#include "secrets/SecretResolver.h"
#include "util/Headers.h"
#include "util/Result.h"

#include <QSet>
#include <QUrl>

// One request ready for the wire. Built by a pure function so `send`, `sign`, `curl` and the
// GUI preview all produce exactly the same bytes.
struct OutgoingRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;                // in the order they are sent
    QSet<int> secretHeaderIndexes;     // headers whose values carry a secret (masked when shown)
    QSet<int> credentialHeaderIndexes; // auth and signature headers: never sent to another origin
    QSet<int> transportHeaderIndexes;  // Host, Content-Length, Connection, ...: what the HTTP stack adds
    QByteArray body;

    // `curl` command line reproducing the request; secret values masked unless showSecrets.
    QString toCurl(bool showSecrets) const;
    QByteArray displayHeaderValue(int index, bool showSecrets) const;
};

namespace RequestBuilder {
inline constexpr auto UserAgent = "HookBench/" HOOKBENCH_VERSION;

// The body bytes for the event (docs/jose.md): its compact JSON; with `jws`, a compact JWS of the
// event plus the configured claims (iat and exp at unix time `now`, the current time when -1);
// with `jwe`, that (or the plain event) encrypted to the recipient's public key.
Result<QByteArray>
buildBody(const EndpointProfile& profile, const Event& event, const SecretValues& secrets, qint64 now = -1);

// Host, Content-Length, Connection, Accept-Encoding and Accept-Language, set explicitly (where
// the profile does not set them) so the trace shows every header Qt puts on the wire, in order.
// Called again when a redirect changes the URL or drops the body.
void setTransportHeaders(OutgoingRequest& request);

// The full request for one attempt at unix time `now`. `body` is the exact wire body (from
// buildBody, or --raw-body). `accessToken` is the OAuth token where the profile uses OAuth.
// Every header name and value, secrets included, is checked for CR, LF and NUL here, so
// nothing is sent when one would inject a header.
Result<OutgoingRequest> build(const EndpointProfile& profile,
                              const SecretValues& secrets,
                              const Event& event,
                              const QByteArray& body,
                              qint64 now,
                              const QByteArray& accessToken = {});
} // namespace RequestBuilder

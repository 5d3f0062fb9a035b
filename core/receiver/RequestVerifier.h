#pragma once

#include "jose/JoseKey.h"
#include "model/ReceiverConfig.h"
#include "secrets/SecretResolver.h"
#include "util/Headers.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

struct ReceivedRequest;

// The part of a request the checks look at; a live ReceivedRequest or a `verify --request` file.
struct VerifyRequest
{
    QString method;
    QString path;
    HeaderList headers;
    QByteArray body;

    static VerifyRequest from(const ReceivedRequest& request);
};

// One entry of "checks" (docs/cli.md). An informational check reports what could be checked with
// more configuration; it is never counted for or against the verdict.
struct VerifyCheck
{
    QString check;
    bool ok = false;
    QString detail;
    bool informational = false;
    int failStatus = 0; // the status a failure of this check is answered with (401 or 400)
    // What the HTTP answer to the (unauthenticated) client may say about the failure. `detail` is
    // for the local user (stored, printed) and may hint at configured secrets (their masked
    // form, "it matches once spaces are removed"); this never does: a fixed wording per kind of
    // failure, nothing derived from a configured secret.
    QString publicReason;

    QJsonObject toJson() const;
    // The line of a rejection's answer body: "name: publicReason" (a generic reason when none was set).
    QByteArray answerLine() const;
};

// The keys of verify.jws and verify.jwe, read from the resolved secrets once (loadJoseKeys), plus
// the key set of verify.jws.jwksUrl, which the Receiver fetches and hands in: the checks
// themselves never touch the network.
struct JoseKeys
{
    QList<JoseKey> jws;       // publicKey, secret, jwks, then the jwksUrl set
    QStringList jwsSources;   // for each key of `jws`: where it came from ("verify.jws.jwks", ...)
    QList<JoseKey> jwe;       // verify.jwe.privateKey
    QString jwksUrlProblem;   // why the jwksUrl keys are missing (not fetched yet, fetch failed); empty when loaded
    QString jwksUrlFetchNote; // e.g. "fetched 12 s ago, refreshed at most once a minute", for unknown-kid details

    // Replaces the keys that came from verify.jws.jwksUrl.
    void setJwksUrlKeys(const QList<JoseKey>& keys);
};

struct VerifyOutcome
{
    QList<VerifyCheck> checks;
    bool accepted = true;
    bool duplicate = false;
    int status = 0;    // what to answer: the failed check's status, 200 for a duplicate, else acceptStatus
    QString dedupeId;  // webhook-id header, else the JSON id; empty when there is none
    QJsonObject event; // {"id","type"} of a JSON object body, the whole decoded payload of a JWS/JWE; else empty
    QString eventId;   // event.id
    QString eventType; // event.type
    // What the JOSE checks decoded: {"jwe": {"header"}, "jws": {"header"}, "claims": {...}}; empty without JOSE.
    QJsonObject jose;
    // The JWS check failed because no key has the token's kid (or no key was there at all): the
    // receiver may fetch verify.jws.jwksUrl again and check once more. `unknownKid` is the kid.
    bool jwsKeyMissing = false;
    QString unknownKid;

    QString verdict() const; // "accepted" or "rejected"
    QJsonArray checksJson() const;
};

// docs/receiver-format.md's `verify`: every configured check over one request, each explained in words, as a
// pure function of the configuration, the resolved secrets, the request and the time, so the live
// receiver and the offline `verify` command give the same answers.
namespace RequestVerifier {
// Whether a dedupe id was already processed (ReceivedStore::seenEventId while receiving). Without
// it, dedupe reports the id only (offline there is nothing to compare with).
using SeenPredicate = std::function<bool(const QString& dedupeId)>;
// `verify.auth` type oauth2: the check of the Bearer token in `headerName` against the tokens the
// receiver's own token endpoint issued (TokenEndpoint::checkAccessToken). Without it (offline)
// no token can pass, since only the running receiver knows what it issued.
using TokenCheck =
    std::function<VerifyCheck(const HeaderList& headers, const QString& headerName, const QDateTime& now)>;

// `secrets` holds the resolved value of every reference in `config` (ReceiverConfig::secretRefs).
// `acceptStatus` is what an accepted request is answered (response.status or the sequence's next).
VerifyOutcome verify(const VerifyConfig& config,
                     const SecretValues& secrets,
                     const VerifyRequest& request,
                     const QDateTime& now,
                     int acceptStatus = 200,
                     const SeenPredicate& seen = {},
                     const TokenCheck& tokens = {});

// The same, with the JOSE keys already read (the live receiver reads them once, at start).
VerifyOutcome verify(const VerifyConfig& config,
                     const SecretValues& secrets,
                     const JoseKeys& keys,
                     const VerifyRequest& request,
                     const QDateTime& now,
                     int acceptStatus = 200,
                     const SeenPredicate& seen = {},
                     const TokenCheck& tokens = {});

// Reads the keys of verify.jws (publicKey, secret, jwks) and verify.jwe (privateKey) from their
// resolved values; an error names the field (verify.jws.publicKey ...) and what is wrong. The
// jwksUrl set is not fetched here: jwksUrlProblem says so until the caller hands it in.
Result<JoseKeys> loadJoseKeys(const VerifyConfig& config, const SecretValues& secrets);

// Whether the configuration checks anything at all.
bool hasChecks(const VerifyConfig& config);
// The header names whose values are credentials for this configuration: Authorization,
// Proxy-Authorization, Cookie and the auth header. Stored and printed masked (docs/secrets.md).
QList<QByteArray> secretHeaderNames(const VerifyConfig& config);
HeaderList maskSecretHeaders(const HeaderList& headers, const QList<QByteArray>& secretNames);
// What a credentials header value holds, named without showing a secret, for details such as
// "expected Basic credentials, got Bearer credentials": "Bearer credentials"; "a value without
// an auth scheme (••••)" for a bare token, whose start is secret; "the masked placeholder
// ••••abcd" for what maskSecret() made of a stored request's credentials.
QString describeCredentials(QByteArrayView value);
} // namespace RequestVerifier

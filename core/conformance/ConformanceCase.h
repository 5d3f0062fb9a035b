#pragma once

#include "delivery/RequestBuilder.h"
#include "model/EndpointProfile.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The conformance check of an endpoint (issue 7): a battery of requests, each with what a
// correct webhook consumer answers and the risk when it does not. These are the plain values the
// generator produces, the runner sends and both faces (CLI table, GUI rows) show.

namespace Conformance {

enum class Expectation
{
    Accept,         // a 2xx answer
    Reject,         // a 4xx answer
    AcceptNoEffect, // a duplicate: 2xx (or 409), and the consumer must not process it twice
};

// "accept", "reject", "accept-no-effect"
QString expectationName(Expectation expectation);

// One request of the battery.
struct Case
{
    QString name; // kebab-case: valid, tampered-body, wrong-secret, ...
    Expectation expectation = Expectation::Reject;
    QString risk;        // one sentence: what an endpoint that gets this case wrong lets through
    QString description; // what was sent, in words ("the body with one byte changed after signing")
    QString eventId;     // the event id the request carries
    OutgoingRequest request;
};

// Settings of the check itself: the optional "check" object of the profile file, or flags.
struct Options
{
    static constexpr int DefaultToleranceSeconds = 300;
    static constexpr int DefaultMarginSeconds = 60;

    // The tolerance the consumer is expected to apply to signature timestamps, either way; the
    // timestamp cases lie `marginSeconds` beyond it so clock drift cannot blur the answer.
    int toleranceSeconds = DefaultToleranceSeconds;
    int marginSeconds = DefaultMarginSeconds;
    // The status the endpoint answers a duplicate it recognised with, when it differs from the
    // answer to a first delivery. When set, duplicate-event passes only with this status.
    std::optional<int> duplicateStatus;
};

// A profile file with its "check" object taken out (EndpointProfile itself knows no such key).
struct CheckProfile
{
    EndpointProfile profile;
    Options options;
};
// Loads an endpoint profile that may carry a "check" object:
// { "toleranceSeconds": 300, "marginSeconds": 60, "duplicateStatus": 200 }.
// Errors name the file and the JSON path (check.toleranceSeconds) like the profile's own.
Result<CheckProfile> loadProfile(const QString& path);
Result<CheckProfile> profileFromJson(const QByteArray& json, const QString& fileName = {});

// How one case went.
struct CaseResult
{
    QString name;
    Expectation expectation = Expectation::Reject;
    QString risk;
    QString description;
    int status = 0; // 0: no HTTP answer (see error)
    QByteArray reason;
    QString error;       // network, TLS or timeout error, when there was no answer
    QByteArray bodyHint; // the first line of the answer's body (why the endpoint refused), shortened
    bool ok = false;
    QString verdict; // "ok", "FAIL" (wrong answer) or "unclear" (an answer that proves nothing)
    QString note;    // how to read the verdict, when the answer alone does not say it
    double elapsedMs = 0;

    // {"case","expect","status","ok","risk", plus verdict, answer, note, error, detail, elapsedMs}
    QJsonObject toJson() const;
    // "200 OK", "401 Unauthorized", or the error when there was no answer.
    QString answerText() const;
};

// The rules (docs/conformance.md):
// - reject: a 4xx answer is ok, except 408 and 429 (timeouts and rate limits say nothing about
//   the request): unclear. 2xx is a FAIL (the hostile request was accepted), 3xx and 5xx are
//   unclear and not ok, no answer is not ok. When the valid delivery was not accepted, a refusal
//   proves nothing: unclear, not ok.
// - accept: 2xx is ok; anything else is a FAIL.
// - accept-no-effect: with options.duplicateStatus, ok only with that status. Otherwise 409 is ok
//   (the endpoint says it recognised the duplicate), and 2xx is ok with a note: a 2xx that
//   differs from the first delivery's answer shows the endpoint told them apart; the same answer
//   cannot show whether the event was processed twice, which the user has to confirm.
// `baselineStatus` is the answer to the valid delivery (0 when it had none).
CaseResult judge(const Case& testCase,
                 int status,
                 const QByteArray& reason,
                 const QString& error,
                 int baselineStatus,
                 const Options& options);

} // namespace Conformance

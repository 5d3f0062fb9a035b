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

// How one case went, from best to worst (docs/conformance.md, "Verdict levels").
enum class Verdict
{
    Ok,         // the answer a correct consumer gives
    Warn,       // a hardening gap: accepted something a stricter consumer refuses, not a forgery
    Unverified, // the answer is right as far as can be seen, but the point cannot be judged from outside
    Fail,       // accepted a request an attacker could forge or replay, or refused the real delivery
    Unclear,    // the answer says nothing about the request (no answer, 5xx, 3xx, 408, 429)
};
constexpr int VerdictCount = int(Verdict::Unclear) + 1;

// "ok", "warn", "unverified", "fail", "unclear": the words of --json and of the table.
QString verdictName(Verdict verdict);

// One request of the battery.
struct Case
{
    QString name; // kebab-case: valid, tampered-body, wrong-secret, ...
    Expectation expectation = Expectation::Reject;
    QString risk;        // one sentence: what an endpoint that gets this case wrong lets through
    QString description; // what was sent, in words ("the body with one byte changed after signing")
    QString eventId;     // the event id the request carries
    OutgoingRequest request;
    // The verdict when a reject case is accepted: Fail, or Warn for a hardening gap that common
    // libraries leave open by default (the risk then names the library).
    Verdict whenAccepted = Verdict::Fail;
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
    Verdict verdict = Verdict::Unclear;
    QString note; // how to read the verdict, when the answer alone does not say it
    double elapsedMs = 0;

    // True exactly for ok, warn and unverified: nothing wrong was seen.
    bool ok() const;
    // {"case","expect","status","verdict","ok","risk", plus answer, sent, note, error, detail, elapsedMs}
    QJsonObject toJson() const;
    // "200 OK", "401 Unauthorized", or the error when there was no answer.
    QString answerText() const;
};

// The rules (docs/conformance.md):
// - reject: a 4xx answer is ok, except 408 and 429 (timeouts and rate limits say nothing about
//   the request): unclear. 2xx is the case's whenAccepted (fail, or warn for a hardening gap);
//   3xx, 5xx and no answer are unclear. When the valid delivery was not accepted, a refusal proves
//   nothing: unclear.
// - accept: 2xx is ok; no answer is unclear; any other answer is a fail.
// - accept-no-effect: with options.duplicateStatus, ok only with that status, else fail. Otherwise
//   409 is ok (the endpoint says it recognised the duplicate), a 2xx that differs from the first
//   delivery's answer is ok (the endpoint told them apart), the same 2xx is unverified (it cannot
//   show whether the event was processed twice, which the user has to confirm); any other answer
//   is a fail (the sender keeps retrying an event that was delivered); no answer is unclear.
// `baselineStatus` is the answer to the valid delivery (0 when it had none).
CaseResult judge(const Case& testCase,
                 int status,
                 const QByteArray& reason,
                 const QString& error,
                 int baselineStatus,
                 const Options& options);

// What the results of a check add up to: how many of each level, and the exit rule of `check`.
struct Summary
{
    int total = 0;
    int counts[VerdictCount] = {};
    bool validAccepted = true; // false when a case expecting `accept` was not accepted

    int count(Verdict verdict) const { return counts[int(verdict)]; }
    // The check passes unless a case is a fail or the valid delivery was not accepted; `strict`
    // also fails it on a warn. Unclear and unverified cases never fail it.
    bool passed(bool strict = false) const;
    // "13 cases: 11 ok, 1 warn, 1 unverified" (the levels that occur, best first).
    QString text() const;
};
Summary summarize(const QList<CaseResult>& results);

} // namespace Conformance

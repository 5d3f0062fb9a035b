#pragma once

#include "util/Headers.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

// Everything known about one delivery attempt: the request exactly as sent, the answer,
// timings, TLS and the outcome with its reason. Secret-bearing headers are remembered by
// index so every rendering can mask them (docs/secrets.md).
struct AttemptTrace
{
    enum class Outcome
    {
        Delivered,
        Retrying,
        Failed,
    };

    QString profileName;
    QString eventId;
    QString eventType;
    int attempt = 1; // 1-based
    int maxAttempts = 1;

    // request as sent
    QByteArray method;
    QString url;
    HeaderList requestHeaders;
    QSet<int> secretHeaderIndexes; // indexes into requestHeaders whose values are secrets
    QByteArray requestBody;
    // Redirect hops followed within this attempt ("307 -> http://...; credentials dropped").
    QStringList redirects;

    // response
    int status = 0; // 0: no HTTP answer
    QByteArray reason;
    HeaderList responseHeaders;
    QByteArray responseBody; // up to ResponseBodyLimit bytes
    bool responseBodyTruncated = false;

    // timing
    QDateTime startedAt;
    double elapsedMs = 0;

    // TLS (empty for plain HTTP)
    QString tlsProtocol;
    QString tlsCipher;
    QStringList tlsPeerChain; // subject DNs, leaf first

    Outcome outcome = Outcome::Failed;
    QString error;           // why it failed, in words (network error, timeout, status N, ...)
    qint64 nextDelayMs = -1; // when retrying: wait before the next attempt
    QString retryReason;     // why the next delay is what it is (policy, Retry-After)

    // OAuth: the token exchange made for this attempt (request and response masked, timing);
    // empty when the token came from the cache. `notes` says what else happened on the way
    // (a 401 answered by fetching a new token and sending once more).
    QJsonObject tokenExchange;
    QStringList notes;

    // toJson(false) as compact JSON, filled once per attempt by the engine so the history row
    // and the `send --json` line do not serialise the same trace twice. Empty when not made.
    QByteArray maskedJson;

    static constexpr qsizetype ResponseBodyLimit = 1 << 20;

    static QString outcomeName(Outcome outcome);
    // The docs/cli.md `send --json` line. Secret header values masked unless showSecrets.
    QJsonObject toJson(bool showSecrets = false) const;
    // Stored form (always masked) and back, for history.
    static AttemptTrace fromJson(const QJsonObject& json);
    // "body" with the text when it is valid UTF-8, else "bodyBase64" (as `receive --json` does),
    // so binary bodies survive JSON; and the way back.
    static void insertBody(QJsonObject& object, const QByteArray& body);
    static QByteArray bodyFrom(const QJsonObject& object);
    // The request header value as it may be displayed.
    QByteArray displayHeaderValue(int index, bool showSecrets) const;
};

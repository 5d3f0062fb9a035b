#include "DeliveryEngine.h"

#include "auth/AuthorizationCodeFlow.h"
#include "history/HistoryStore.h"
#include "secrets/SecretStore.h"
#include "signing/Crypto.h"
#include "tls/ClientTls.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalBlocker>
#include <QSslCipher>
#include <QSslKey>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <utility>

Q_LOGGING_CATEGORY(lcDelivery, "hookbench.delivery")

namespace {
// What makes one profile's TLS connection unfit for another's request (see useTlsSettings).
QString tlsSettingsKey(const EndpointProfile& profile, const SecretValues& secrets)
{
    const TlsConfig& tls = profile.tls;
    return QStringList {tls.verify ? QStringLiteral("verify") : QStringLiteral("no-verify"),
                        profile.baseDir,
                        tls.caFile,
                        tls.clientCert,
                        QString::fromLatin1(Crypto::sha256(secrets.value(tls.clientKey)).toHex()),
                        tls.pinSha256.join(QLatin1Char(','))}
        .join(QLatin1Char('\n'));
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
        case QSsl::TlsV1_2:
            return QStringLiteral("TLSv1.2");
        case QSsl::TlsV1_3:
            return QStringLiteral("TLSv1.3");
        default:
            return QStringLiteral("TLS");
    }
}

QString origin(const QUrl& url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
           + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

// What went wrong, in words that point at the cause rather than at Qt's enum.
QString networkErrorText(QNetworkReply* reply, const QUrl& url)
{
    const QString where =
        url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused by %1: is the receiver running and listening there?").arg(where);
        case QNetworkReply::HostNotFoundError:
            return QStringLiteral("host %1 not found: check the URL's host name").arg(url.host());
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("%1 closed the connection before answering").arg(where);
        case QNetworkReply::TimeoutError:
            return QStringLiteral("connection to %1 timed out").arg(where);
        default:
            return QStringLiteral("network error talking to %1: %2").arg(where, reply->errorString());
    }
}
} // namespace

Delivery::Delivery(DeliveryEngine* engine, DeliveryJob job)
    : QObject(engine)
    , m_engine(engine)
    , m_job(std::move(job))
    , m_policy(m_job.profile.retry)
{ }

void Delivery::start()
{
    m_eventJson = m_job.event.toCompactJson();
    if (m_job.rawBody) {
        m_body = *m_job.rawBody;
    } else {
        auto body = RequestBuilder::buildBody(m_job.profile, m_job.event, m_job.secrets);
        if (!body) {
            fail(body.error().toString());
            return;
        }
        m_body = std::move(body).value();
    }
    startAttempt();
}

void Delivery::cancel()
{
    if (m_finished) {
        return;
    }
    m_cancelled = true;
    if (m_retryTimer) {
        m_retryTimer->stop();
    }
    if (m_reply) {
        m_reply->abort();
        return; // onReplyFinished reports the cancelled attempt
    }
    m_finished = true;
    emit finished(false);
}

void Delivery::fail(const QString& error)
{
    AttemptTrace trace;
    trace.profileName = m_job.profile.name;
    trace.eventId = m_job.event.id();
    trace.eventType = m_job.event.type();
    trace.attempt = std::max(1, m_attempt);
    trace.maxAttempts = m_job.noRetry ? 1 : m_policy.maxAttempts();
    trace.method = m_job.profile.method.toLatin1();
    trace.url = m_job.profile.url.toString();
    trace.startedAt = QDateTime::currentDateTimeUtc();
    trace.error = error;
    trace.outcome = AttemptTrace::Outcome::Failed;
    finishAttempt(trace, std::nullopt);
}

void Delivery::startAttempt()
{
    ++m_attempt;
    m_resentAfter401 = false;
    m_tokenExchange = {};
    m_notes.clear();
    if (usesTokens()) {
        requestToken();
        return;
    }
    sendAttempt();
}

bool Delivery::usesTokens() const
{
    return m_job.profile.auth.type == AuthType::OAuth2ClientCredentials
           || m_job.profile.auth.type == AuthType::OAuth2AuthorizationCode;
}

void Delivery::requestToken()
{
    if (m_job.profile.auth.type == AuthType::OAuth2AuthorizationCode) {
        auto config = AuthorizationCodeConfig::fromProfile(m_job.profile, m_job.secrets);
        if (!config) {
            fail(config.error().toString());
            return;
        }
        m_tokenKey = DeliveryEngine::authorizationCodeCacheKey(config.value());
        m_engine->authorizationCodeToken(
            config.value(), this, [this](const TokenOutcome& outcome) { onToken(outcome); });
        return;
    }
    auto request = TokenRequest::fromProfile(m_job.profile, m_job.secrets);
    if (!request) {
        fail(request.error().toString());
        return;
    }
    if (request->tokenUrl.scheme() == QLatin1String("https")) {
        // tlsClientAuth proves the client with the connection's certificate: never another's.
        m_engine->useTlsSettings(origin(request->tokenUrl), tlsSettingsKey(m_job.profile, m_job.secrets));
    }
    m_tokenKey = request->cacheKey();
    m_engine->tokens()->token(request.value(), this, [this](const TokenOutcome& outcome) { onToken(outcome); });
}

void Delivery::onToken(const TokenOutcome& outcome)
{
    if (m_finished || m_cancelled) {
        return; // cancel() already reported the end
    }
    if (!outcome.exchange.isEmpty()) {
        m_tokenExchange = outcome.exchange;
    }
    if (!outcome.ok()) {
        AttemptTrace trace;
        trace.profileName = m_job.profile.name;
        trace.eventId = m_job.event.id();
        trace.eventType = m_job.event.type();
        trace.attempt = m_attempt;
        trace.maxAttempts = m_job.noRetry ? 1 : m_policy.maxAttempts();
        trace.method = m_job.profile.method.toLatin1();
        trace.url = m_job.profile.url.toString();
        trace.startedAt = QDateTime::currentDateTimeUtc();
        trace.error = QStringLiteral("token fetch refused: %1").arg(outcome.error.toString());
        trace.outcome = AttemptTrace::Outcome::Failed;
        trace.tokenExchange = m_tokenExchange;
        trace.notes = m_notes;
        finishAttempt(trace, std::nullopt);
        return;
    }
    m_accessToken = outcome.token->value;
    sendAttempt();
}

void Delivery::sendAttempt()
{
    m_hops = 0;
    m_timedOut = false;
    m_tlsErrors.clear();
    m_pinError.clear();

    auto request = RequestBuilder::build(
        m_job.profile, m_job.secrets, m_job.event, m_body, QDateTime::currentSecsSinceEpoch(), m_accessToken);
    if (!request) {
        fail(request.error().toString());
        return;
    }
    m_request = std::move(request).value();

    m_current = AttemptTrace {};
    m_current.profileName = m_job.profile.name;
    m_current.eventId = m_job.event.id();
    m_current.eventType = m_job.event.type();
    m_current.attempt = m_attempt;
    m_current.maxAttempts = m_job.noRetry ? 1 : m_policy.maxAttempts();
    m_current.method = m_request.method;
    m_current.url = m_request.url.toString(QUrl::FullyEncoded);
    m_current.requestHeaders = m_request.headers;
    m_current.secretHeaderIndexes = m_request.secretHeaderIndexes;
    m_current.requestBody = m_request.body;
    m_current.startedAt = QDateTime::currentDateTimeUtc();
    m_current.tokenExchange = m_tokenExchange;
    m_current.notes = m_notes;

    if (m_request.url.scheme() == QLatin1String("https")) {
        QString error;
        sslConfiguration(&error);
        if (!error.isEmpty()) {
            m_current.error = error;
            m_current.outcome = AttemptTrace::Outcome::Failed;
            finishAttempt(m_current, std::nullopt);
            return;
        }
    }

    if (!m_resentAfter401) {
        emit attemptStarted(m_attempt);
    }
    if (!m_timeoutTimer) {
        m_timeoutTimer = new QTimer(this);
        m_timeoutTimer->setSingleShot(true);
        connect(m_timeoutTimer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply) {
                m_reply->abort();
            }
        });
    }
    m_clock.start();
    m_timeoutTimer->start(std::max(1, m_job.profile.timeoutMs));
    sendHop(m_request);
}

QSslConfiguration Delivery::sslConfiguration(QString* error) const
{
    auto config = Tls::clientConfiguration(m_job.profile.tls, m_job.secrets, m_job.profile.baseDir);
    if (!config) {
        *error = config.error().toString();
        return QSslConfiguration::defaultConfiguration();
    }
    return config.value();
}

void Delivery::sendHop(const OutgoingRequest& request)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto& [name, value] : request.headers) {
        networkRequest.setRawHeader(name, value);
    }
    // Redirects are ours to decide (credentials must not follow to another origin), and
    // nothing may be cached, cookied or upgraded behind the user's back.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    if (request.url.scheme() == QLatin1String("https")) {
        QString ignored;
        networkRequest.setSslConfiguration(sslConfiguration(&ignored));
        m_engine->useTlsSettings(origin(request.url), tlsSettingsKey(m_job.profile, m_job.secrets));
    }

    QNetworkReply* reply = m_engine->network()->sendCustomRequest(networkRequest, request.method, request.body);
    m_reply = reply;
    m_current.responseBody.clear();
    m_current.responseBodyTruncated = false;

    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readResponse(reply); });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError>& errors) {
        if (!m_job.profile.tls.verify) {
            reply->ignoreSslErrors();
            return;
        }
        for (const auto& e : errors) {
            m_tlsErrors.append(Tls::explainSslError(e, reply->url().host()));
        }
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        // Before a byte of the request goes out: a pin mismatch must not leak credentials.
        const auto pinned =
            Tls::checkPins(m_job.profile.tls.pinSha256, reply->sslConfiguration().peerCertificateChain());
        if (!pinned) {
            m_pinError = pinned.error().message;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void Delivery::readResponse(QNetworkReply* reply)
{
    // Keep at most ResponseBodyLimit bytes; the rest is read and dropped so memory stays bounded.
    if (!reply->isOpen()) {
        return; // aborted
    }
    const QByteArray chunk = reply->readAll();
    const qsizetype room = AttemptTrace::ResponseBodyLimit - m_current.responseBody.size();
    if (chunk.size() > room) {
        m_current.responseBody.append(chunk.left(std::max<qsizetype>(0, room)));
        m_current.responseBodyTruncated = true;
    } else {
        m_current.responseBody.append(chunk);
    }
}

void Delivery::onReplyFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_reply) {
        return;
    }
    m_reply = nullptr;
    readResponse(reply); // anything still buffered belongs to the body too

    AttemptTrace& trace = m_current;
    trace.elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
    trace.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    trace.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    trace.responseHeaders.clear();
    for (const auto& pair : reply->rawHeaderPairs()) {
        trace.responseHeaders.append(pair);
    }
    const QSslConfiguration ssl = reply->sslConfiguration();
    if (reply->url().scheme() == QLatin1String("https") && !ssl.sessionCipher().isNull()) {
        trace.tlsProtocol = protocolName(ssl.sessionProtocol());
        trace.tlsCipher = ssl.sessionCipher().name();
        trace.tlsPeerChain.clear();
        for (const auto& certificate : ssl.peerCertificateChain()) {
            trace.tlsPeerChain.append(certificate.subjectDisplayName());
        }
    }

    // A redirect we may follow: same attempt, next hop.
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    // 301, 302, 307 and 308 are followed with the same method and body: a webhook turned into a
    // body-less GET (what browsers do for 301-303) would be reported delivered without its payload.
    const bool followable = trace.status == 301 || trace.status == 302 || trace.status == 307 || trace.status == 308;
    if (followable && location.isValid() && m_job.profile.followRedirects && !m_cancelled && !m_timedOut) {
        if (m_hops >= DeliveryEngine::MaxRedirects) {
            trace.error = QStringLiteral("more than %1 redirects; stopped at %2")
                              .arg(DeliveryEngine::MaxRedirects)
                              .arg(reply->url().toString());
            trace.outcome = AttemptTrace::Outcome::Failed;
            finishAttempt(trace, std::nullopt);
            return;
        }
        ++m_hops;
        const QUrl target = reply->url().resolved(location);
        OutgoingRequest next = m_request;
        next.url = target;
        QString note = QStringLiteral("%1 -> %2").arg(trace.status).arg(target.toString());
        if (origin(target) != origin(m_request.url)) {
            // Credentials (auth and signatures) stay with the origin they were meant for. The
            // transport headers go too; setTransportHeaders below writes them for the new host.
            HeaderList kept;
            for (int i = 0; i < next.headers.size(); ++i) {
                if (!m_request.credentialHeaderIndexes.contains(i) && !m_request.transportHeaderIndexes.contains(i)) {
                    kept.append(next.headers.at(i));
                }
            }
            next.headers = kept;
            next.secretHeaderIndexes.clear();
            next.credentialHeaderIndexes.clear();
            next.transportHeaderIndexes.clear();
            note += QStringLiteral(" (another origin: credentials and signatures not sent)");
        }
        RequestBuilder::setTransportHeaders(next);
        trace.redirects.append(note);
        trace.status = 0;
        sendHop(next);
        return;
    }

    m_timeoutTimer->stop();
    if (trace.status == 401 && usesTokens() && !m_resentAfter401 && !m_cancelled && !m_timedOut) {
        // The token may have been revoked or expired early: drop it, fetch a new one and send
        // once more within this attempt.
        m_resentAfter401 = true;
        if (m_job.profile.auth.type == AuthType::OAuth2AuthorizationCode) {
            m_engine->invalidateAuthorizationCodeToken(m_tokenKey);
        } else {
            m_engine->tokens()->invalidate(m_tokenKey);
        }
        m_notes.append(
            QStringLiteral("answered 401 with the token from %1; fetched a new token and sent again")
                .arg(m_tokenExchange.isEmpty() ? QStringLiteral("the cache") : QStringLiteral("this attempt's fetch")));
        m_tokenExchange = {};
        requestToken();
        return;
    }
    std::optional<qint64> retryAfter;
    if (m_cancelled) {
        trace.error = QStringLiteral("cancelled");
    } else if (m_timedOut) {
        trace.status = 0;
        trace.error = QStringLiteral("no answer within %1 ms (timeoutMs)").arg(m_job.profile.timeoutMs);
    } else if (!m_pinError.isEmpty()) {
        trace.status = 0;
        trace.error = m_pinError;
    } else if (trace.status == 0) {
        trace.error = networkErrorText(reply, reply->url());
        if (!m_tlsErrors.isEmpty()) {
            trace.error = Tls::verificationFailure(reply->url().host(), m_tlsErrors);
        } else if (reply->url().scheme() == QLatin1String("https")
                   && (reply->error() == QNetworkReply::SslHandshakeFailedError
                       || reply->error() == QNetworkReply::RemoteHostClosedError)) {
            trace.error = Tls::handshakeFailure(
                reply->url().host(),
                reply->error() == QNetworkReply::SslHandshakeFailedError ? reply->errorString() : trace.error,
                !m_job.profile.tls.clientCert.isEmpty());
        }
    } else if (trace.status >= 200 && trace.status < 300) {
        trace.outcome = AttemptTrace::Outcome::Delivered;
    } else if (trace.status >= 300 && trace.status < 400) {
        trace.error = trace.status == 303 && location.isValid()
                          ? QStringLiteral("HTTP 303 See Other to %1: the receiver points to a resource to GET; a"
                                           " webhook is not re-sent as a GET without its body, so it was not delivered")
                                .arg(reply->url().resolved(location).toString())
                      : location.isValid() && m_job.profile.followRedirects
                          ? QStringLiteral("HTTP %1 redirect to %2 is not followed (only 301, 302, 307 and 308 are)")
                                .arg(trace.status)
                                .arg(reply->url().resolved(location).toString())
                      : location.isValid()
                          ? QStringLiteral("HTTP %1 redirect to %2: redirects are not followed (set followRedirects"
                                           " to true to follow them)")
                                .arg(trace.status)
                                .arg(reply->url().resolved(location).toString())
                          : QStringLiteral("HTTP %1 without a Location").arg(trace.status);
    } else {
        trace.error = QStringLiteral("HTTP %1 %2").arg(trace.status).arg(QString::fromLatin1(trace.reason));
        retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
    }
    finishAttempt(trace, retryAfter);
}

void Delivery::finishAttempt(AttemptTrace trace, std::optional<qint64> retryAfterMs)
{
    const bool delivered = trace.outcome == AttemptTrace::Outcome::Delivered;
    const int maxAttempts = m_job.noRetry ? 1 : m_policy.maxAttempts();
    bool retry = !delivered && !m_cancelled && trace.attempt < maxAttempts && trace.status != 410;
    // A trace whose request never got built (configuration errors) is not worth retrying.
    retry = retry && !trace.method.isEmpty() && !trace.requestHeaders.isEmpty();
    if (retry) {
        qint64 delay = m_policy.delayBefore(trace.attempt + 1, m_engine->m_random);
        trace.retryReason = QStringLiteral("%1 policy: attempt %2 of %3 in %4")
                                .arg(RetryConfig::policyName(m_policy.config().policy))
                                .arg(trace.attempt + 1)
                                .arg(maxAttempts)
                                .arg(RetryPolicy::formatDuration(delay));
        if (retryAfterMs && *retryAfterMs > delay) {
            delay = *retryAfterMs;
            trace.retryReason = QStringLiteral("Retry-After asked for %1, longer than the policy's wait; attempt %2"
                                               " of %3")
                                    .arg(RetryPolicy::formatDuration(delay))
                                    .arg(trace.attempt + 1)
                                    .arg(maxAttempts);
        }
        trace.outcome = AttemptTrace::Outcome::Retrying;
        trace.nextDelayMs = delay;
    } else if (!delivered) {
        trace.outcome = AttemptTrace::Outcome::Failed;
        if (trace.status == 410) {
            trace.error += QStringLiteral(": the receiver asked not to send this again, so no retry");
        }
    }

    trace.maskedJson = QJsonDocument(trace.toJson(false)).toJson(QJsonDocument::Compact);
    m_attempts.append(trace);
    m_engine->record(trace, m_eventJson);
    emit attemptFinished(trace);

    if (retry) {
        if (!m_retryTimer) {
            m_retryTimer = new QTimer(this);
            m_retryTimer->setSingleShot(true);
            m_retryTimer->setTimerType(Qt::PreciseTimer); // a coarse timer fires up to 5% early
            connect(m_retryTimer, &QTimer::timeout, this, &Delivery::startAttempt);
        }
        m_retryTimer->start(int(std::min<qint64>(trace.nextDelayMs, INT_MAX)));
        return;
    }
    m_finished = true;
    m_delivered = delivered;
    emit finished(delivered);
}

DeliveryEngine::DeliveryEngine(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_tokens(new TokenProvider(m_network, this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setAutoDeleteReplies(false);
}

DeliveryEngine::~DeliveryEngine()
{
    // What the last event-loop turn recorded. Signals are blocked: whoever listens to
    // historyError may be gone already; the warning is still logged.
    const QSignalBlocker blocker(this);
    flushHistory();
}

void DeliveryEngine::setSecretStore(SecretStore* store)
{
    m_secretStore = store;
}

AuthorizationCodeFlow* DeliveryEngine::authorizationCode()
{
    if (!m_codeFlow) {
        if (!m_secretStore) {
            m_secretStore = new KeychainSecretStore(this);
        }
        m_codeFlow = new AuthorizationCodeFlow(m_network, m_secretStore, this);
    }
    return m_codeFlow;
}

QString DeliveryEngine::authorizationCodeCacheKey(const AuthorizationCodeConfig& config)
{
    return QStringList {config.tokenUrl.toString(QUrl::FullyEncoded),
                        config.clientId,
                        config.clientAuth,
                        QString::fromLatin1(Crypto::sha256(config.clientSecret).toHex().left(16)),
                        config.scope}
        .join(QLatin1Char('\n'));
}

void DeliveryEngine::authorizationCodeToken(const AuthorizationCodeConfig& config,
                                            QObject* context,
                                            TokenProvider::Callback done)
{
    const QString key = authorizationCodeCacheKey(config);
    const auto cached = m_codeTokens.constFind(key);
    if (cached != m_codeTokens.cend()
        && QDateTime::currentDateTimeUtc().addSecs(TokenProvider::ExpirySkewSecs) < cached->expiresAt) {
        TokenOutcome outcome;
        outcome.token = *cached;
        QTimer::singleShot(0, context, [done = std::move(done), outcome] { done(outcome); });
        return;
    }
    auto waiting = m_codeWaiters.find(key);
    if (waiting != m_codeWaiters.end()) {
        waiting->append({context, std::move(done)});
        return;
    }
    m_codeWaiters.insert(key, {{context, std::move(done)}});
    ++m_codeFetches;
    authorizationCode()->tokenWithTrace(
        config, [this, key](const TokenOutcome& outcome) { finishAuthorizationCodeToken(key, outcome); });
}

void DeliveryEngine::signIn(const AuthorizationCodeConfig& config,
                            std::function<void(const QUrl&)> openUrl,
                            QObject* context,
                            TokenProvider::Callback done)
{
    authorizationCode(); // makes the store
    if (!m_signInFlow) {
        m_signInFlow = new AuthorizationCodeFlow(m_network, m_secretStore, this);
    }
    m_signInFlow->setOpenUrl(std::move(openUrl));
    const QString key = authorizationCodeCacheKey(config);
    m_signInFlow->signInWithTrace(
        config, [this, key, context = QPointer<QObject>(context), done = std::move(done)](const TokenOutcome& outcome) {
            if (outcome.ok()) {
                // The token sign-in obtained is as good as a refreshed one: no refresh before it expires.
                m_codeTokens.insert(key, *outcome.token);
            }
            if (context) {
                done(outcome);
            }
        });
}

void DeliveryEngine::finishAuthorizationCodeToken(const QString& key, const TokenOutcome& result)
{
    TokenOutcome outcome = result;
    if (outcome.ok()) {
        m_codeTokens.insert(key, *outcome.token);
    } else {
        m_codeTokens.remove(key);
        if (outcome.exchange.isEmpty()) {
            // Nothing was sent (no refresh token stored): the trace says why.
            outcome.exchange = QJsonObject {{QStringLiteral("error"), outcome.error.message}};
        }
        if (outcome.signInNeeded) {
            outcome.exchange.insert(QStringLiteral("signInNeeded"), true);
        }
    }
    const QList<CodeWaiter> waiters = m_codeWaiters.take(key);
    outcome.exchange.insert(QStringLiteral("sharedBy"), int(waiters.size()));
    for (const auto& waiter : waiters) {
        if (waiter.context) {
            waiter.done(outcome);
        }
    }
}

void DeliveryEngine::setHistory(HistoryStore* history)
{
    flushHistory(); // into the store the attempts were recorded for
    m_history = history;
}

Delivery* DeliveryEngine::deliver(DeliveryJob job)
{
    auto* delivery = new Delivery(this, std::move(job));
    QTimer::singleShot(0, delivery, &Delivery::start);
    return delivery;
}

void DeliveryEngine::record(const AttemptTrace& trace, const QByteArray& eventJson)
{
    if (m_history) {
        // One SQLite commit per attempt caps a burst (send --repeat) at the commit rate, so while
        // other deliveries are in flight the attempts of one event-loop turn share a transaction.
        // A lone delivery (the GUI's, a test's) is written at once, so its history is complete
        // as soon as it reports the attempt.
        m_pendingHistory.append({trace, eventJson});
        const auto deliveries = findChildren<Delivery*>(Qt::FindDirectChildrenOnly);
        const auto inFlight =
            std::count_if(deliveries.cbegin(), deliveries.cend(), [](const Delivery* d) { return !d->isFinished(); });
        if (inFlight <= 1) {
            flushHistory();
        } else if (!m_flushQueued) {
            m_flushQueued = true;
            QMetaObject::invokeMethod(this, &DeliveryEngine::flushHistory, Qt::QueuedConnection);
        }
    }
    emit attemptFinished(trace);
}

void DeliveryEngine::useTlsSettings(const QString& origin, const QString& settings)
{
    const auto known = m_tlsSettingsByOrigin.constFind(origin);
    if (known != m_tlsSettingsByOrigin.cend() && *known != settings) {
        qCDebug(lcDelivery) << "TLS settings for" << origin << "changed: dropping cached connections";
        m_network->clearConnectionCache();
    }
    m_tlsSettingsByOrigin.insert(origin, settings);
}

void DeliveryEngine::flushHistory()
{
    m_flushQueued = false;
    if (!m_history || m_pendingHistory.isEmpty()) {
        m_pendingHistory.clear();
        return;
    }
    const auto batch = std::exchange(m_pendingHistory, {});
    if (auto ok = m_history->addAttempts(batch); !ok) {
        qCWarning(lcDelivery) << "history:" << ok.error().toString();
        emit historyError(ok.error().toString());
    }
}

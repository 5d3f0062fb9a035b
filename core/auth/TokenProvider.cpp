#include "TokenProvider.h"

#include "jose/JoseKey.h"
#include "jose/Jws.h"
#include "secrets/SecretRef.h"
#include "signing/Crypto.h"
#include "tls/ClientTls.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <openssl/rand.h>

Q_LOGGING_CATEGORY(lcAuth, "hookbench.auth")

namespace {
constexpr auto JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr int BackoffMs[] = {250, 750};
constexpr qsizetype TraceBodyLimit = 8192;

// application/x-www-form-urlencoded (RFC 6749 Appendix B): unreserved characters stay, space is
// '+', everything else is %XX of its UTF-8 bytes. Basic client auth encodes id and secret the same way.
QByteArray formEncode(const QString& text)
{
    QByteArray out = text.toUtf8().toPercentEncoding(" ");
    out.replace(' ', '+');
    return out;
}

QByteArray formBody(const QList<QPair<QString, QString>>& form)
{
    QByteArray out;
    for (const auto& [name, value] : form) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += formEncode(name) + '=' + formEncode(value);
    }
    return out;
}

bool isSecretField(const QString& name)
{
    return name == QLatin1String("client_secret") || name == QLatin1String("client_assertion")
           || name == QLatin1String("refresh_token") || name == QLatin1String("code")
           || name == QLatin1String("code_verifier") || name == QLatin1String("password");
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), size) != 1) {
        qFatal("OpenSSL RAND_bytes failed: no secure randomness available");
    }
    return bytes;
}

QString networkError(QNetworkReply* reply, const QUrl& url)
{
    const QString where =
        url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
    switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused by the token endpoint %1: check auth.tokenUrl").arg(where);
        case QNetworkReply::HostNotFoundError:
            return QStringLiteral("token endpoint host %1 not found: check auth.tokenUrl").arg(url.host());
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("the token endpoint %1 closed the connection before answering").arg(where);
        default:
            return QStringLiteral("network error talking to the token endpoint %1: %2")
                .arg(where, reply->errorString());
    }
}
} // namespace

struct TokenProvider::Fetch
{
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };

    QString key;
    TokenRequest request;
    QList<Waiter> waiters;
    int tries = 0;
    QElapsedTimer clock;
    QDateTime startedAt;
    QJsonObject requestTrace;
    QJsonArray triesTrace;
    QPointer<QNetworkReply> reply;
    QTimer* timer = nullptr; // per-try timeout, then the backoff wait
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 tryStartNs = 0;
};

Result<TokenRequest> TokenRequest::fromProfile(const EndpointProfile& profile, const SecretValues& secrets)
{
    const AuthConfig& auth = profile.auth;
    TokenRequest request;
    const QString url = auth.effectiveTokenUrl();
    if (url.isEmpty()) {
        return Error(QStringLiteral("is missing: give the token endpoint's full URL (or authServerUrl)"),
                     QStringLiteral("auth.tokenUrl"));
    }
    request.tokenUrl = QUrl(url);
    if (!request.tokenUrl.isValid() || (request.tokenUrl.scheme() != u"https" && request.tokenUrl.scheme() != u"http")
        || request.tokenUrl.host().isEmpty()) {
        return Error(QStringLiteral("must be an absolute http or https URL, not \"%1\"").arg(url),
                     auth.tokenUrl.isEmpty() ? QStringLiteral("auth.authServerUrl") : QStringLiteral("auth.tokenUrl"));
    }
    request.clientId = auth.clientId;
    if (request.clientId.isEmpty()) {
        return Error(QStringLiteral("is missing: the client id the token endpoint knows this client by"),
                     QStringLiteral("auth.clientId"));
    }
    request.clientAuth = auth.clientAuth.isEmpty() ? QStringLiteral("basic") : auth.clientAuth;
    static const QStringList forms {QStringLiteral("basic"),
                                    QStringLiteral("post"),
                                    QStringLiteral("jwt"),
                                    QStringLiteral("privateKeyJwt"),
                                    QStringLiteral("tlsClientAuth")};
    if (!forms.contains(request.clientAuth)) {
        return Error(QStringLiteral("\"%1\" is not one of basic, post, jwt, privateKeyJwt, tlsClientAuth")
                         .arg(request.clientAuth),
                     QStringLiteral("auth.clientAuth"));
    }
    request.clientSecret = secrets.value(auth.clientSecret);
    const bool needsSecret =
        request.clientAuth == u"basic" || request.clientAuth == u"post" || request.clientAuth == u"jwt";
    if (needsSecret && auth.clientSecret.isEmpty()) {
        return Error(QStringLiteral("is missing: clientAuth %1 needs the client secret (a secret reference such as"
                                    " env:CLIENT_SECRET)")
                         .arg(request.clientAuth),
                     QStringLiteral("auth.clientSecret"));
    }
    if (request.clientAuth == u"privateKeyJwt") {
        if (auth.privateKey.isEmpty()) {
            return Error(QStringLiteral("is missing: clientAuth privateKeyJwt signs with a PEM private key (such as"
                                        " file:client.key.pem)"),
                         QStringLiteral("auth.privateKey"));
        }
        request.privateKeyPem = secrets.value(auth.privateKey);
    }
    if (request.clientAuth == u"tlsClientAuth" && profile.tls.clientCert.isEmpty()) {
        return Error(QStringLiteral("is missing: clientAuth tlsClientAuth proves the client with the certificate of"
                                    " tls.clientCert"),
                     QStringLiteral("tls.clientCert"));
    }
    request.alg = auth.alg;
    const QString audience = auth.assertionAudience;
    if (audience.isEmpty() || audience == u"tokenUrl") {
        request.assertionAudience = url; // as written: servers compare it to their own URL byte for byte
    } else if (audience == u"webhookUrl") {
        request.assertionAudience = profile.url.toString(QUrl::FullyEncoded);
    } else {
        request.assertionAudience = audience;
    }
    request.scope = auth.scope;
    request.audience = auth.audience;
    request.resource = auth.resource;
    request.extraParams = auth.extraParams;
    request.verifyTls = profile.tls.verify;
    request.timeoutMs = std::max(1, profile.timeoutMs);
    if (request.tokenUrl.scheme() == QLatin1String("https")) {
        // The same trust and client certificate as the webhook (tlsClientAuth needs the latter).
        auto ssl = Tls::clientConfiguration(profile.tls, secrets, profile.baseDir);
        if (!ssl) {
            return ssl.error();
        }
        request.ssl = ssl.value();
    }
    return request;
}

QString TokenRequest::cacheKey() const
{
    // Secrets and keys enter as a hash: the key is kept in memory and may show up in a debugger.
    QStringList parts {tokenUrl.toString(QUrl::FullyEncoded),
                       clientId,
                       clientAuth,
                       QString::fromLatin1(Crypto::sha256(clientSecret).toHex().left(16)),
                       QString::fromLatin1(Crypto::sha256(privateKeyPem).toHex().left(16)),
                       alg,
                       assertionAudience,
                       scope,
                       audience,
                       resource};
    for (const auto& [name, value] : extraParams) {
        parts << name + QLatin1Char('=') + value;
    }
    if (ssl && !ssl->localCertificate().isNull()) {
        parts << QString::fromLatin1(ssl->localCertificate().digest(QCryptographicHash::Sha256).toHex());
    }
    return parts.join(QLatin1Char('\n'));
}

Result<QByteArray> TokenProvider::clientAssertion(const TokenRequest& request, qint64 now)
{
    JoseKey key;
    QString alg;
    if (request.clientAuth == u"jwt") {
        key = JoseKey::fromSecret(request.clientSecret);
        alg = QStringLiteral("HS256");
    } else {
        auto parsed = JoseKey::fromPem(request.privateKeyPem);
        if (!parsed) {
            return Error(parsed.error().message, QStringLiteral("auth.privateKey"));
        }
        key = std::move(parsed).value();
        if (!key.hasPrivateKey()) {
            return Error(QStringLiteral("is a public key or certificate: privateKeyJwt signs with the private key"),
                         QStringLiteral("auth.privateKey"));
        }
        alg = request.alg.isEmpty() ? key.defaultAlg() : request.alg;
    }
    const QJsonObject header {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject claims {
        {QStringLiteral("iss"), request.clientId},
        {QStringLiteral("sub"), request.clientId},
        {QStringLiteral("aud"), request.assertionAudience},
        {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + AssertionLifetimeSecs},
        {QStringLiteral("jti"),
         QString::fromLatin1(randomBytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))},
    };
    auto signedJwt = Jws::signCompact(header, QJsonDocument(claims).toJson(QJsonDocument::Compact), key);
    if (!signedJwt) {
        return Error(signedJwt.error().message,
                     request.clientAuth == u"jwt" ? QStringLiteral("auth.clientSecret") : QStringLiteral("auth.alg"));
    }
    return signedJwt;
}

Result<TokenProvider::Prepared> TokenProvider::prepare(const TokenRequest& request, qint64 now)
{
    Prepared out;
    out.form.append({QStringLiteral("grant_type"), QStringLiteral("client_credentials")});
    const QString& form = request.clientAuth;
    if (form == u"basic") {
        const QByteArray credentials =
            formEncode(request.clientId) + ':' + formEncode(QString::fromUtf8(request.clientSecret));
        out.headers.append({QByteArrayLiteral("Authorization"), QByteArray("Basic " + credentials.toBase64())});
    } else if (form == u"post") {
        out.form.append({QStringLiteral("client_id"), request.clientId});
        out.form.append({QStringLiteral("client_secret"), QString::fromUtf8(request.clientSecret)});
    } else if (form == u"jwt" || form == u"privateKeyJwt") {
        auto assertion = clientAssertion(request, now);
        if (!assertion) {
            return assertion.error();
        }
        out.form.append({QStringLiteral("client_id"), request.clientId});
        out.form.append({QStringLiteral("client_assertion_type"), QLatin1String(JwtBearerType)});
        out.form.append({QStringLiteral("client_assertion"), QString::fromLatin1(assertion.value())});
    } else {
        out.form.append({QStringLiteral("client_id"), request.clientId});
    }
    if (!request.scope.isEmpty()) {
        out.form.append({QStringLiteral("scope"), request.scope});
    }
    if (!request.audience.isEmpty()) {
        out.form.append({QStringLiteral("audience"), request.audience});
    }
    if (!request.resource.isEmpty()) {
        out.form.append({QStringLiteral("resource"), request.resource});
    }
    out.form.append(request.extraParams);
    out.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    out.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return out;
}

Result<AccessToken> TokenProvider::parseResponse(int status, const QByteArray& body, const QDateTime& now)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    if (status < 200 || status >= 300) {
        const QString error = json.value(QStringLiteral("error")).toString();
        if (!error.isEmpty()) {
            // RFC 6749 §5.2: shown as the server gave them.
            QString text = QStringLiteral("token endpoint refused (HTTP %1): %2").arg(status).arg(error);
            const QString description = json.value(QStringLiteral("error_description")).toString();
            if (!description.isEmpty()) {
                text += QStringLiteral(": ") + description;
            }
            const QString uri = json.value(QStringLiteral("error_uri")).toString();
            if (!uri.isEmpty()) {
                text += QStringLiteral(" (see %1)").arg(uri);
            }
            return Error(text);
        }
        return Error(QStringLiteral("token endpoint answered HTTP %1 without an OAuth error object: %2")
                         .arg(status)
                         .arg(QString::fromUtf8(body.left(200)).simplified()));
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error(QStringLiteral("token endpoint answered HTTP %1 with something that is not a JSON object (%2):"
                                    " %3")
                         .arg(status)
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : QStringLiteral("not an object"),
                              QString::fromUtf8(body.left(120)).simplified()));
    }
    AccessToken token;
    token.value = json.value(QStringLiteral("access_token")).toString().toUtf8();
    if (token.value.isEmpty()) {
        return Error(QStringLiteral("token endpoint answered without an access_token"));
    }
    if (token.value.contains('\r') || token.value.contains('\n') || token.value.contains('\0')) {
        return Error(QStringLiteral("the access_token holds a line break or NUL and cannot go into a header"));
    }
    token.tokenType = json.value(QStringLiteral("token_type")).toString();
    if (token.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        return Error(token.tokenType.isEmpty()
                         ? QStringLiteral("token endpoint answered without token_type: HookBench sends Bearer tokens"
                                          " and needs token_type \"Bearer\"")
                         : QStringLiteral("token_type is \"%1\", not Bearer: HookBench sends Bearer tokens only")
                               .arg(token.tokenType));
    }
    qint64 lifetime = DefaultLifetimeSecs;
    const QJsonValue expiresIn = json.value(QStringLiteral("expires_in"));
    if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        bool numeric = expiresIn.isDouble();
        double seconds = expiresIn.toDouble();
        if (expiresIn.isString()) {
            seconds = expiresIn.toString().toDouble(&numeric);
        }
        if (!numeric) {
            return Error(QStringLiteral("expires_in is not a number of seconds"));
        }
        if (seconds <= 0) {
            return Error(
                QStringLiteral("expires_in is %1: a token must live for a positive number of seconds").arg(seconds));
        }
        lifetime = qint64(seconds);
    }
    token.expiresAt = now.addSecs(lifetime);
    token.scope = json.value(QStringLiteral("scope")).toString();
    return token;
}

QJsonObject TokenProvider::decodeAssertion(const QByteArray& jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3) {
        return {};
    }
    const auto decode = [](const QByteArray& part) {
        return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding)).object();
    };
    return QJsonObject {{QStringLiteral("header"), decode(parts.at(0))},
                        {QStringLiteral("claims"), decode(parts.at(1))}};
}

QJsonObject TokenProvider::maskedResponse(const QByteArray& body, bool showSecrets)
{
    QJsonObject json = QJsonDocument::fromJson(body).object();
    if (!showSecrets) {
        for (const auto* name : {"access_token", "refresh_token", "id_token"}) {
            const QString key = QLatin1String(name);
            if (json.value(key).isString()) {
                json.insert(key, maskSecret(json.value(key).toString().toUtf8()));
            }
        }
    }
    return json;
}

QJsonObject TokenProvider::requestTrace(const QUrl& url,
                                        const QString& clientAuth,
                                        const QList<QPair<QByteArray, QByteArray>>& headers,
                                        const QList<QPair<QString, QString>>& form,
                                        qsizetype bodyBytes)
{
    QJsonObject formTrace;
    for (const auto& [name, value] : form) {
        formTrace.insert(name, isSecretField(name) ? maskSecret(value.toUtf8()) : value);
    }
    QJsonObject headersTrace;
    for (const auto& [name, value] : headers) {
        headersTrace.insert(QString::fromLatin1(name),
                            name == "Authorization" ? maskSecret(value) : QString::fromUtf8(value));
    }
    QJsonObject trace {{QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("url"), url.toString()},
                       {QStringLiteral("clientAuth"), clientAuth},
                       {QStringLiteral("headers"), headersTrace},
                       {QStringLiteral("form"), formTrace},
                       {QStringLiteral("bodyBytes"), bodyBytes}};
    for (const auto& [name, value] : form) {
        if (name == QLatin1String("grant_type")) {
            trace.insert(QStringLiteral("grantType"), value);
        } else if (name == QLatin1String("client_assertion")) {
            // Header and claims are no secret (the signature is): shown so a refusal can be understood.
            trace.insert(QStringLiteral("assertion"), decodeAssertion(value.toLatin1()));
        }
    }
    return trace;
}

QJsonValue TokenProvider::responseTrace(QNetworkReply* reply, const QByteArray& body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status <= 0) {
        return QJsonValue(QJsonValue::Null);
    }
    QJsonObject headers;
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        const QString key = QString::fromLatin1(name);
        const QString text = QString::fromLatin1(value);
        headers.insert(key, headers.contains(key) ? headers.value(key).toString() + QStringLiteral(", ") + text : text);
    }
    QJsonObject response {
        {QStringLiteral("status"), status},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("contentType"), reply->header(QNetworkRequest::ContentTypeHeader).toString()}};
    const QJsonObject json = maskedResponse(body);
    if (!json.isEmpty()) {
        response.insert(QStringLiteral("body"), json);
    } else {
        response.insert(QStringLiteral("body"), QString::fromUtf8(body.left(TraceBodyLimit)));
    }
    return response;
}

TokenProvider::TokenProvider(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network)
{ }

TokenProvider::~TokenProvider()
{
    for (Fetch* fetch : std::as_const(m_inFlight)) {
        if (fetch->reply) {
            fetch->reply->disconnect(this);
            fetch->reply->abort();
        }
        delete fetch;
    }
}

void TokenProvider::token(const TokenRequest& request, QObject* context, Callback done)
{
    const QString key = request.cacheKey();
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd() && QDateTime::currentDateTimeUtc().addSecs(ExpirySkewSecs) < cached->expiresAt) {
        TokenOutcome outcome;
        outcome.token = *cached;
        QTimer::singleShot(0, context, [done = std::move(done), outcome] { done(outcome); });
        return;
    }
    Fetch* fetch = m_inFlight.value(key);
    if (!fetch) {
        fetch = new Fetch;
        fetch->key = key;
        fetch->request = request;
        m_inFlight.insert(key, fetch);
        fetch->waiters.append({context, std::move(done)});
        startFetch(key);
        return;
    }
    fetch->waiters.append({context, std::move(done)});
}

void TokenProvider::invalidate(const QString& cacheKey)
{
    m_cache.remove(cacheKey);
}

void TokenProvider::startFetch(const QString& key)
{
    Fetch* fetch = m_inFlight.value(key);
    ++m_fetchCount;
    fetch->clock.start();
    fetch->startedAt = QDateTime::currentDateTimeUtc();
    auto prepared = prepare(fetch->request, fetch->startedAt.toSecsSinceEpoch());
    if (!prepared) {
        TokenOutcome outcome;
        outcome.error = prepared.error();
        // Deferred: callers are promised an answer from the event loop, never inside token().
        QTimer::singleShot(0, this, [this, key, outcome] { finishFetch(key, outcome); });
        return;
    }
    fetch->body = formBody(prepared->form);
    fetch->headers = prepared->headers;

    fetch->requestTrace = requestTrace(
        fetch->request.tokenUrl, fetch->request.clientAuth, prepared->headers, prepared->form, fetch->body.size());
    fetch->timer = new QTimer(this);
    fetch->timer->setSingleShot(true);
    sendTry(fetch);
}

void TokenProvider::sendTry(Fetch* fetch)
{
    ++fetch->tries;
    QNetworkRequest request(fetch->request.tokenUrl);
    for (const auto& [name, value] : fetch->headers) {
        request.setRawHeader(name, value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (fetch->request.ssl) {
        request.setSslConfiguration(*fetch->request.ssl);
    }
    fetch->tryStartNs = fetch->clock.nsecsElapsed();
    QNetworkReply* reply = m_network->post(request, fetch->body);
    fetch->reply = reply;
    auto timedOut = std::make_shared<bool>(false);
    fetch->timer->disconnect(this);
    connect(fetch->timer, &QTimer::timeout, this, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    fetch->timer->start(fetch->request.timeoutMs);
    const bool verify = fetch->request.verifyTls;
    connect(reply, &QNetworkReply::sslErrors, this, [reply, verify](const QList<QSslError>&) {
        if (!verify) {
            reply->ignoreSslErrors();
        }
    });
    connect(
        reply, &QNetworkReply::finished, this, [this, fetch, reply, timedOut] { onReply(fetch, reply, *timedOut); });
}

void TokenProvider::onReply(Fetch* fetch, QNetworkReply* reply, bool timedOut)
{
    reply->deleteLater();
    fetch->timer->stop();
    fetch->timer->disconnect(this);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = timedOut ? QByteArray() : reply->readAll();
    const double tryMs = double(fetch->clock.nsecsElapsed() - fetch->tryStartNs) / 1e6;

    QString retryable; // why this try failed in a way another try may fix
    if (timedOut) {
        retryable =
            QStringLiteral("no answer from the token endpoint within %1 ms (timeoutMs)").arg(fetch->request.timeoutMs);
    } else if (status == 0) {
        retryable = networkError(reply, fetch->request.tokenUrl);
        if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            retryable.clear();
        }
    } else if (status >= 500 || status == 429) {
        retryable = QStringLiteral("token endpoint answered HTTP %1").arg(status);
    }

    QJsonObject tryTrace {{QStringLiteral("try"), fetch->tries},
                          {QStringLiteral("elapsedMs"), qRound(tryMs * 10) / 10.0}};
    if (status > 0) {
        tryTrace.insert(QStringLiteral("status"), status);
    }
    if (!retryable.isEmpty()) {
        tryTrace.insert(QStringLiteral("error"), retryable);
    }
    fetch->triesTrace.append(tryTrace);

    if (!retryable.isEmpty() && fetch->tries <= MaxRetries) {
        const int wait = BackoffMs[fetch->tries - 1];
        qCDebug(lcAuth) << "token fetch try" << fetch->tries << "failed:" << retryable << "; again in" << wait << "ms";
        connect(fetch->timer, &QTimer::timeout, this, [this, fetch] { sendTry(fetch); });
        fetch->timer->start(wait);
        return;
    }

    TokenOutcome outcome;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonValue response = responseTrace(reply, body);
    if (!retryable.isEmpty()) {
        outcome.error = Error(QStringLiteral("%1 (after %2 tries)").arg(retryable).arg(fetch->tries),
                              QStringLiteral("auth.tokenUrl"));
    } else if (status == 0) {
        outcome.error = Error(networkError(reply, fetch->request.tokenUrl), QStringLiteral("auth.tokenUrl"));
    } else if (status >= 300 && status < 400) {
        outcome.error = Error(QStringLiteral("token endpoint answered HTTP %1 redirecting to %2: redirects are not"
                                             " followed for token requests; set the final URL")
                                  .arg(status)
                                  .arg(reply->header(QNetworkRequest::LocationHeader).toUrl().toString()),
                              QStringLiteral("auth.tokenUrl"));
    } else {
        auto parsed = parseResponse(status, body, now);
        if (parsed) {
            outcome.token = std::move(parsed).value();
        } else {
            outcome.error = parsed.error();
        }
    }
    outcome.exchange = QJsonObject {
        {QStringLiteral("startedAt"), fetch->startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("request"), fetch->requestTrace},
        {QStringLiteral("response"), response},
        {QStringLiteral("tries"), fetch->triesTrace},
        {QStringLiteral("elapsedMs"), qRound(double(fetch->clock.nsecsElapsed()) / 1e5) / 10.0},
        {QStringLiteral("sharedBy"), int(fetch->waiters.size())},
    };
    if (!outcome.ok()) {
        outcome.exchange.insert(QStringLiteral("error"), outcome.error.message);
    }
    finishFetch(fetch->key, outcome);
}

void TokenProvider::finishFetch(const QString& key, TokenOutcome outcome)
{
    Fetch* fetch = m_inFlight.take(key);
    if (!fetch) {
        return;
    }
    if (outcome.ok()) {
        m_cache.insert(key, *outcome.token);
    } else if (outcome.exchange.isEmpty()) {
        outcome.exchange = QJsonObject {{QStringLiteral("error"), outcome.error.message}};
    }
    if (fetch->timer) {
        fetch->timer->deleteLater();
    }
    const auto waiters = fetch->waiters;
    delete fetch;
    for (const auto& waiter : waiters) {
        if (waiter.context) {
            waiter.done(outcome);
        }
    }
}

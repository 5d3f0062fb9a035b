#include "Receiver.h"

#include "ReceiverLog.h"
#include "TokenEndpoint.h"
#include "history/BatchWriter.h"
#include "jose/Jwks.h"
#include "secrets/SecretStore.h"
#include "tls/SelfSigned.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringDecoder>
#include <QTimer>

#include <algorithm>

namespace {

// An unknown kid fetches verify.jws.jwksUrl again at most this often, so a stream of tokens with
// a made-up kid cannot turn the receiver into a request generator against the key server.
constexpr qint64 JwksRefreshIntervalMs = 60000;
constexpr int JwksFetchTimeoutMs = 10000;
// Transport refusals waiting for the next batch at most; a flood of bad connections beyond
// this within one event-loop turn is counted and logged, not queued (memory stays bounded).
constexpr int MaxPendingRejections = 512;

// RFC 9110 §7.6.1: these describe one connection and are never passed on; Host and the length
// are the new request's own.
bool isHopByHop(const QByteArray& lowerName, const QList<QByteArray>& connectionOptions)
{
    static const QList<QByteArray> names {"connection",
                                          "keep-alive",
                                          "proxy-connection",
                                          "proxy-authenticate",
                                          "proxy-authorization",
                                          "te",
                                          "trailer",
                                          "transfer-encoding",
                                          "upgrade",
                                          "host",
                                          "content-length",
                                          "expect"};
    return names.contains(lowerName) || connectionOptions.contains(lowerName);
}

QJsonArray headersJson(const HeaderList& headers)
{
    QJsonArray out;
    for (const auto& [name, value] : headers) {
        out.append(QJsonArray {QString::fromLatin1(name), QString::fromUtf8(value)});
    }
    return out;
}

void putBody(QJsonObject& object, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    if (decoder.hasError()) {
        object.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
    } else {
        object.insert(QStringLiteral("body"), text);
    }
}

std::optional<QSslKey> readKey(const QByteArray& pem)
{
    for (auto algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            return key;
        }
    }
    return std::nullopt;
}

QJsonObject tlsJson(const TlsSessionInfo& tls)
{
    if (!tls.encrypted) {
        return {};
    }
    QJsonObject out {{QStringLiteral("protocol"), tls.protocol}, {QStringLiteral("cipher"), tls.cipher}};
    if (tls.clientCertificate) {
        out.insert(QStringLiteral("clientCert"), tls.clientCertificate->subject);
        out.insert(QStringLiteral("clientCertIssuer"), tls.clientCertificate->issuer);
        out.insert(QStringLiteral("clientCertSerial"), tls.clientCertificate->serial);
        out.insert(QStringLiteral("clientCertSha256"), tls.clientCertificate->sha256Fingerprint());
        out.insert(QStringLiteral("clientCertVerified"), tls.clientCertificateVerified);
    }
    return out;
}

// What every stored request keeps of what arrived, secret headers masked.
void fillRecord(ReceivedRecord& record, const ReceivedRequest& request, const QList<QByteArray>& secretHeaders)
{
    record.receivedAt = request.receivedAt;
    record.method = request.method;
    record.path = request.path;
    record.query = request.query;
    record.headers = RequestVerifier::maskSecretHeaders(request.headers, secretHeaders);
    record.body = request.body;
    record.remote = request.remote();
    record.tls = tlsJson(request.tls);
}

} // namespace

Receiver::Receiver(QObject* parent)
    : QObject(parent)
    , m_server(new HttpServer(this))
{
    connect(
        m_server,
        &HttpServer::requestRejected,
        this,
        [this](const QString& remote, int status, const QString& reason, const QString& method, const QString& target) {
            emit requestRejected(remote, status, reason);
            storeRejection(remote, status, reason, method, target);
        });
}

Receiver::~Receiver()
{
    // What was received is stored and answered even when the owner forgot to stop().
    blockSignals(true);
    flush();
    m_writer.reset(); // joined before anything it may post to goes
}

void Receiver::setStore(ReceivedStore* store)
{
    m_store = store;
}

bool Receiver::isListening() const
{
    return m_server->isListening();
}

QString Receiver::url() const
{
    return m_server->url();
}

quint16 Receiver::port() const
{
    return m_server->serverPort();
}

QHostAddress Receiver::address() const
{
    return m_server->serverAddress();
}

QString Receiver::tokenUrl() const
{
    return m_tokenEndpoint ? url() + m_tokenEndpoint->config().path : QString();
}

void Receiver::resolveAndStart(const ReceiverConfig& config, SecretStore* store, std::function<void(Result<void>)> done)
{
    auto* resolver = new SecretResolver(store, this);
    resolver->resolve(config.secretRefs(),
                      config.baseDir,
                      [this, resolver, config, done = std::move(done)](Result<SecretValues> values) {
                          resolver->deleteLater();
                          if (!values) {
                              done(values.error());
                              return;
                          }
                          done(start(config, values.value()));
                      });
}

Result<void> Receiver::start(const ReceiverConfig& config, const SecretValues& secrets)
{
    m_config = config;
    m_secrets = secrets;
    m_secretHeaders = RequestVerifier::secretHeaderNames(config.verify);
    m_sequenceIndex = 0;
    m_tokenEndpoint.reset();
    if (config.tokenEndpoint) {
        auto endpoint = TokenEndpoint::create(*config.tokenEndpoint, secrets);
        if (!endpoint) {
            return endpoint.error();
        }
        m_tokenEndpoint = std::move(endpoint).value();
    }

    if (!m_store) {
        auto opened = ReceivedStore::open();
        if (!opened) {
            return opened.error();
        }
        m_ownStore = std::move(opened).value();
        m_store = m_ownStore.get();
    }
    if (!m_writer) {
        // Writes go to a thread of their own; without it (the file cannot be opened twice) they
        // stay on this one.
        // Called on the writer's thread after each batch: the answers go out on this one. The
        // destructor joins the writer before the object goes, and Qt drops events posted to a
        // deleted object.
        const auto stored = [this] {
            QMetaObject::invokeMethod(
                this, [this] { finishWriting(); }, Qt::QueuedConnection);
        };
        if (auto writer = BatchWriter::start(m_store->path(), stored); writer) {
            m_writer = std::move(writer).value();
        } else {
            qCWarning(lcReceiver) << "storing on the receiver's own thread:" << writer.error().toString();
        }
    }

    HttpLimits limits;
    limits.maxBodyBytes = config.limits.maxBodyBytes;
    limits.maxHeaderBytes = config.limits.maxHeaderBytes;
    limits.headerTimeoutMs = config.limits.headerTimeoutMs;
    limits.maxConnections = config.limits.maxConnections;
    // A body of the allowed size must always fit (the file format refuses less; the GUI may not).
    limits.maxBufferedBodyBytes = std::max(config.limits.maxBufferedBodyBytes, config.limits.maxBodyBytes);
    m_server->setLimits(limits);

    if (config.tls) {
        HttpTlsConfig tls;
        if (config.tls->selfSigned) {
            auto made = Tls::makeSelfSigned();
            if (!made) {
                return Error(made.error().message, QStringLiteral("tls.selfSigned"));
            }
            tls.certificate = made->certificate;
            tls.privateKey = made->privateKey;
            m_fingerprint = made->sha256Fingerprint();
        } else {
            const auto chain = QSslCertificate::fromData(secrets.value(config.tls->cert), QSsl::Pem);
            if (chain.isEmpty()) {
                return Error(QStringLiteral("holds no PEM certificate; give a PEM file (-----BEGIN CERTIFICATE-----)"),
                             QStringLiteral("tls.cert"));
            }
            const auto key = readKey(secrets.value(config.tls->key));
            if (!key) {
                return Error(QStringLiteral("is not an unencrypted PEM private key (RSA or EC)"),
                             QStringLiteral("tls.key"));
            }
            tls.certificate = chain.first();
            tls.chain = chain.mid(1);
            tls.privateKey = *key;
        }
        if (!config.tls->clientCa.isEmpty()) {
            tls.clientCaCertificates = QSslCertificate::fromData(secrets.value(config.tls->clientCa), QSsl::Pem);
            if (tls.clientCaCertificates.isEmpty()) {
                return Error(
                    QStringLiteral("holds no PEM certificate; give the CA bundle client certificates chain to"),
                    QStringLiteral("tls.clientCa"));
            }
        }
        tls.requireClientCert = config.tls->requireClientCert;
        if (auto set = m_server->setTls(tls); !set) {
            return set.error().path.isEmpty() ? Error(set.error().message, QStringLiteral("tls")) : set.error();
        }
    }

    if (auto jose = prepareJose(config, secrets); !jose) {
        return jose.error();
    }

    if ((!config.forwardTo.isEmpty() || (config.verify.jws && !config.verify.jws->jwksUrl.isEmpty())) && !m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    m_server->setHandler(
        [this](const ReceivedRequest& request, HttpResponder responder) { handle(request, std::move(responder)); });
    if (auto listening = m_server->listen(config.listenAddress, config.listenPort); !listening) {
        return listening.error().path.isEmpty() ? Error(listening.error().message, QStringLiteral("listen"))
                                                : listening.error();
    }
    if (config.verify.jws && !config.verify.jws->jwksUrl.isEmpty()) {
        // Fetched once now (the URL may be this receiver's own jwks.path, so after listening);
        // requests that need it before it arrives wait for it.
        fetchJwks();
    }
    return {};
}

Result<void> Receiver::prepareJose(const ReceiverConfig& config, const SecretValues& secrets)
{
    auto keys = RequestVerifier::loadJoseKeys(config.verify, secrets);
    if (!keys) {
        return keys.error();
    }
    m_joseKeys = std::move(keys).value();
    m_servedJwks.clear();
    m_jwksFetched.invalidate();
    m_jwksRefreshed.invalidate();
    m_jwksFetching = false;
    m_jwksFetches = 0;
    if (!config.jwks) {
        return {};
    }
    QList<JoseKey> served;
    if (!config.jwks->serve.isEmpty()) {
        auto set = Jwks::parse(secrets.value(config.jwks->serve));
        if (!set) {
            return Error(QStringLiteral("is not a usable JWKS: %1").arg(set.error().message),
                         QStringLiteral("jwks.serve"));
        }
        served = set.value();
    }
    if (config.jwks->decryptionKey && !m_joseKeys.jwe.isEmpty()) {
        JoseKey key = m_joseKeys.jwe.first();
        key.setKid(config.jwks->kid.isEmpty() ? Jwks::thumbprint(key) : config.jwks->kid);
        served.append(key);
    }
    m_servedJwks = Jwks::toPublicJson(served);
    return {};
}

bool Receiver::serveJwks(const ReceivedRequest& request, HttpResponder& responder)
{
    if (!m_config.jwks || request.path != m_config.jwks->path
        || (request.method != QLatin1String("GET") && request.method != QLatin1String("HEAD"))) {
        return false;
    }
    Pending pending;
    pending.responder = std::move(responder);
    ReceivedRecord& record = pending.record;
    fillRecord(record, request, m_secretHeaders);
    record.verdict = QStringLiteral("accepted");
    record.status = 200;
    record.checks.append(
        QJsonObject {{QStringLiteral("check"), QStringLiteral("jwks")},
                     {QStringLiteral("ok"), true},
                     {QStringLiteral("detail"),
                      QStringLiteral("served the public key set of jwks (%1 bytes)").arg(m_servedJwks.size())}});
    pending.response.status = 200;
    pending.response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/jwk-set+json")});
    pending.response.body = m_servedJwks;
    schedule(std::move(pending));
    return true;
}

void Receiver::fetchJwks()
{
    if (m_jwksFetching || !m_network) {
        return;
    }
    m_jwksFetching = true;
    ++m_jwksFetches;
    const QString url = m_config.verify.jws->jwksUrl;
    QNetworkRequest request {QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(JwksFetchTimeoutMs);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString error;
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            error = QStringLiteral("fetching %1 failed: %2").arg(url, reply->errorString());
        } else if (status != 200) {
            error = QStringLiteral("%1 answered %2, not 200 with a key set").arg(url).arg(status);
        } else if (auto keys = Jwks::parse(reply->readAll()); !keys) {
            error = QStringLiteral("%1 did not give a usable JWKS: %2").arg(url, keys.error().message);
        } else {
            m_joseKeys.setJwksUrlKeys(keys.value());
        }
        if (!error.isEmpty()) {
            qCWarning(lcReceiver).noquote() << "verify.jws.jwksUrl:" << error;
            // Keys fetched before stay in use; without any, the jws check names the problem.
            if (!m_joseKeys.jwsSources.contains(QStringLiteral("verify.jws.jwksUrl"))) {
                m_joseKeys.jwksUrlProblem = error;
            }
        }
        m_jwksFetching = false;
        m_jwksFetched.start();
        emit jwksFetched(error);
        releaseJwksWaiting();
    });
}

void Receiver::releaseJwksWaiting()
{
    const auto waiting = std::move(m_jwksWaiting);
    m_jwksWaiting.clear();
    for (const auto& [request, responder] : waiting) {
        handle(request, responder);
    }
}

void Receiver::stop()
{
    if (!m_jwksWaiting.isEmpty()) {
        // Checked with the keys there are: nothing received stays unanswered.
        m_jwksFetching = false;
        m_jwksRefreshed.start();
        releaseJwksWaiting();
    }
    flush();
    m_writer.reset();
    m_server->close();
}

void Receiver::setResponse(const ResponseConfig& response)
{
    if (response.statusSequence != m_config.response.statusSequence) {
        m_sequenceIndex = 0;
    }
    m_config.response = response;
}

int Receiver::nextAcceptStatus(bool consume)
{
    const auto& sequence = m_config.response.statusSequence;
    const int status = m_sequenceIndex < sequence.size() ? sequence.at(m_sequenceIndex) : m_config.response.status;
    if (consume && m_sequenceIndex < sequence.size()) {
        ++m_sequenceIndex;
    }
    return status;
}

void Receiver::handle(const ReceivedRequest& request, HttpResponder responder)
{
    if (m_tokenEndpoint && m_tokenEndpoint->handles(request.path)) {
        handleToken(request, std::move(responder));
        return;
    }
    if (serveJwks(request, responder)) {
        return;
    }
    const bool jwksUrl = m_config.verify.jws && !m_config.verify.jws->jwksUrl.isEmpty();
    if (jwksUrl && m_jwksFetched.isValid()) {
        m_joseKeys.jwksUrlFetchNote =
            QStringLiteral("was fetched %1 s ago; it is fetched again for an unknown kid at most once a minute")
                .arg(m_jwksFetched.elapsed() / 1000);
    }
    // An id seen only among the requests the writer has not committed yet: this request's answer
    // depends on that commit (see answer()).
    bool seenUncommitted = false;
    const auto seen = [this, &seenUncommitted](const QString& id) {
        if (m_batchIds.contains(id)) {
            return true; // the same transaction: the same fate
        }
        if (m_inHandIds.contains(id)) {
            seenUncommitted = true;
            return true;
        }
        return m_store->seenEventId(id);
    };
    RequestVerifier::TokenCheck tokens;
    if (m_tokenEndpoint) {
        tokens = [this](const HeaderList& headers, const QString& headerName, const QDateTime& now) {
            return m_tokenEndpoint->checkAccessToken(headers, headerName, now);
        };
    }
    VerifyOutcome outcome =
        RequestVerifier::verify(m_config.verify,
                                m_secrets,
                                m_joseKeys,
                                VerifyRequest::from(request),
                                request.receivedAt.isValid() ? request.receivedAt : QDateTime::currentDateTimeUtc(),
                                nextAcceptStatus(false),
                                seen,
                                tokens);
    if (outcome.jwsKeyMissing && jwksUrl
        && (m_jwksFetching || !m_jwksRefreshed.isValid() || m_jwksRefreshed.elapsed() >= JwksRefreshIntervalMs)) {
        // No key for this kid: the key server may have rotated. Check again once the set is
        // fetched (the fetch at start, still under way, or a refresh).
        m_jwksWaiting.append({request, std::move(responder)});
        if (!m_jwksFetching) {
            m_jwksRefreshed.start();
            fetchJwks();
        }
        return;
    }
    const bool fresh = outcome.accepted && !outcome.duplicate;
    if (fresh) {
        nextAcceptStatus(true);
    }

    Pending pending;
    pending.responder = std::move(responder);
    pending.drop = m_config.response.drop;
    ReceivedRecord& record = pending.record;
    fillRecord(record, request, m_secretHeaders);
    record.checks = outcome.checksJson();
    record.verdict = outcome.verdict();
    record.status = pending.drop ? 0 : outcome.status;
    record.duplicate = outcome.duplicate;
    if (outcome.duplicate && seenUncommitted) {
        pending.duplicateOf = outcome.dedupeId;
    }
    if (!outcome.event.isEmpty()) {
        record.eventJson = QJsonDocument(outcome.event).toJson(QJsonDocument::Compact);
    }
    record.jose = outcome.jose;
    // Only an event that was processed (accepted, answered 2xx) counts as seen: a sender that is
    // refused or answered 500 sends the same id again, and that retry is not a duplicate.
    if (fresh && !pending.drop && record.status >= 200 && record.status < 300 && !outcome.dedupeId.isEmpty()) {
        record.eventId = outcome.dedupeId;
        pending.dedupeId = outcome.dedupeId;
        m_batchIds.insert(outcome.dedupeId);
    }

    HttpResponse& response = pending.response;
    response.status = outcome.status;
    if (outcome.accepted) {
        for (const auto& [name, value] : m_config.response.headers) {
            response.headers.append({name.toUtf8(), value.toUtf8()});
        }
        response.body = m_config.response.body.toUtf8();
    } else {
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
        QByteArray body;
        for (const auto& check : std::as_const(outcome.checks)) {
            if (!check.ok && !check.informational) {
                // Only the public reason: the client is not authenticated (detail stays local).
                body += check.answerLine();
            }
        }
        response.body = body;
    }
    pending.forward = fresh && !m_config.forwardTo.isEmpty();
    if (pending.forward) {
        pending.forwardHeaders = request.headers;
    }
    schedule(std::move(pending));
}

void Receiver::storeRejection(const QString& remote,
                              int status,
                              const QString& reason,
                              const QString& method,
                              const QString& target)
{
    if (!m_store || !m_server->isListening()) {
        return;
    }
    if (m_rejectionsPending >= MaxPendingRejections) {
        if (m_rejectionsNotStored++ % 1000 == 0) {
            qCWarning(lcReceiver).noquote()
                << "too many refused connections at once: not all are stored (" << m_rejectionsNotStored << "so far)";
        }
        return;
    }
    ++m_rejectionsPending;
    Pending pending;
    pending.transport = true;
    ReceivedRecord& record = pending.record;
    record.receivedAt = QDateTime::currentDateTimeUtc();
    record.method = method;
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    record.path = question < 0 ? target : target.left(question);
    record.query = question < 0 ? QString() : target.mid(question + 1);
    record.remote = remote;
    record.verdict = QStringLiteral("rejected");
    record.status = status;
    record.checks.append(QJsonObject {{QStringLiteral("check"), QStringLiteral("transport")},
                                      {QStringLiteral("ok"), false},
                                      {QStringLiteral("detail"), reason}});
    schedule(std::move(pending));
}

void Receiver::handleToken(const ReceivedRequest& request, HttpResponder responder)
{
    TokenEndpoint::Answer answer =
        m_tokenEndpoint->handle(VerifyRequest::from(request),
                                request.query,
                                url(),
                                request.receivedAt.isValid() ? request.receivedAt : QDateTime::currentDateTimeUtc(),
                                request.tls);
    Pending pending;
    pending.responder = std::move(responder);
    pending.token = true;
    ReceivedRecord& record = pending.record;
    // Authorization (Basic client credentials) is among the secret headers; the body's
    // client_secret and client_assertion are masked by the endpoint; the token is never stored.
    fillRecord(record, request, m_secretHeaders);
    record.query = answer.maskedQuery;
    record.body = answer.maskedBody;
    record.checks = QJsonArray {answer.check.toJson()};
    record.verdict = QStringLiteral("token");
    record.status = answer.response.status;
    pending.response = std::move(answer.response);
    schedule(std::move(pending));
}

void Receiver::schedule(Pending pending)
{
    m_batch.append(std::move(pending));
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, [this] { startBatch(); });
    }
}

void Receiver::flush()
{
    m_flushScheduled = false;
    if (!m_writer) {
        storeNow();
        return;
    }
    // Everything received so far stored and answered before this returns.
    submitBatch();
    m_writer->wait();
    finishWriting();
}

void Receiver::startBatch()
{
    m_flushScheduled = false;
    if (!m_writer) {
        storeNow();
    } else {
        submitBatch();
    }
}

QList<ReceivedRecord> Receiver::recordsOf(const QList<Pending>& batch)
{
    QList<ReceivedRecord> records;
    records.reserve(batch.size());
    for (const auto& pending : batch) {
        records.append(pending.record);
    }
    return records;
}

void Receiver::submitBatch()
{
    if (m_batch.isEmpty()) {
        return;
    }
    QList<ReceivedRecord> records = recordsOf(m_batch);
    m_inHand.append(std::move(m_batch));
    m_batch.clear();
    m_inHandIds.unite(m_batchIds);
    m_batchIds.clear();
    // m_rejectionsPending still counts the refusals handed over: finishWriting() counts them off.
    m_writer->submit(std::move(records));
}

void Receiver::finishWriting()
{
    if (!m_writer) {
        return;
    }
    // The writer keeps the order it was given: each stored batch is the oldest requests in hand.
    // All of them leave m_inHand before any is answered: answering emits requestProcessed, whose
    // slot may come back here (flush(), a nested event loop) for the batches after.
    struct Done
    {
        QList<Pending> batch;
        Result<QList<qint64>> seqs;
    };
    QList<Done> done;
    for (auto& stored : m_writer->takeStored()) {
        Q_ASSERT(stored.count <= m_inHand.size());
        const qsizetype count = std::min(stored.count, m_inHand.size());
        QList<Pending> batch;
        batch.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            Pending& pending = m_inHand[i];
            if (!pending.dedupeId.isEmpty()) {
                m_inHandIds.remove(pending.dedupeId); // committed, or failed: the store answers now
                if (!stored.seqs) {
                    m_failedIds.insert(pending.dedupeId);
                }
            }
            if (pending.transport) {
                --m_rejectionsPending;
            }
            batch.append(std::move(pending));
        }
        m_inHand.remove(0, count);
        done.append({std::move(batch), std::move(stored.seqs)});
    }
    for (auto& [batch, seqs] : done) {
        answer(batch, std::move(seqs));
    }
    if (m_inHand.isEmpty()) {
        m_failedIds.clear(); // no request in hand can depend on them any more
    }
}

void Receiver::storeNow()
{
    QList<Pending> batch = std::move(m_batch);
    m_batch.clear();
    m_batchIds.clear();
    m_rejectionsPending = 0;
    if (batch.isEmpty()) {
        return;
    }
    // Stored, all in one transaction, before any of them is answered (docs/receiver-format.md).
    answer(batch,
           m_store ? m_store->addBatch(recordsOf(batch)) : Result<QList<qint64>>(Error(QStringLiteral("no store"))));
}

void Receiver::orphanedDuplicate(Pending& pending)
{
    // It was taken for a duplicate of a request the writer had not committed yet, and that
    // request could not be stored: this copy is the only one. Answered 503 like the first, so the
    // sender delivers again, and its row says so.
    ReceivedRecord& record = pending.record;
    record.duplicate = false;
    record.verdict = QStringLiteral("rejected");
    record.status = 503;
    record.checks.append(
        QJsonObject {{QStringLiteral("check"), QStringLiteral("dedupe")},
                     {QStringLiteral("ok"), false},
                     {QStringLiteral("detail"),
                      QStringLiteral("the first request with event id %1 could not be stored; this copy is "
                                     "answered 503 as well, so the sender delivers the event again")
                          .arg(pending.duplicateOf)}});
    pending.response = HttpResponse::text(503, "the request could not be stored; see the receiver's log\n");
    pending.drop = false;
    pending.forward = false;
    if (auto updated =
            m_store->updateResult(record.seq, record.verdict, record.status, record.checks, record.duplicate);
        !updated) {
        qCWarning(lcReceiver) << "cannot update received request" << record.seq << updated.error().toString();
    }
}

void Receiver::answer(QList<Pending>& batch, Result<QList<qint64>> seqs)
{
    if (!seqs) {
        const QString message = seqs.error().toString();
        qCWarning(lcReceiver) << "cannot store received requests:" << message;
        for (const auto& pending : std::as_const(batch)) {
            if (pending.transport) {
                continue; // answered by the transport already
            }
            pending.responder.respond(
                HttpResponse::text(503, "the request could not be stored; see the receiver's log\n"));
        }
        emit storeFailed(message);
        return;
    }

    for (qsizetype i = 0; i < batch.size(); ++i) {
        Pending& pending = batch[i];
        pending.record.seq = seqs->at(i);
        if (!pending.duplicateOf.isEmpty() && m_failedIds.contains(pending.duplicateOf)) {
            orphanedDuplicate(pending);
        }
        if (pending.transport) {
            // Answered and closed by the transport: stored and shown only.
        } else if (pending.drop) {
            pending.responder.drop();
        } else {
            const int delayMs = pending.token ? 0 : m_config.response.delayMs;
            pending.responder.respondAfter(delayMs, std::move(pending.response));
            if (delayMs > 0) {
                m_answering.append(pending.responder);
            }
        }
        ++m_processed;
        if (pending.forward) {
            const QString target =
                pending.record.path
                + (pending.record.query.isEmpty() ? QString() : QLatin1Char('?') + pending.record.query);
            forward(pending.record.seq, pending.record.method, target, pending.forwardHeaders, pending.record.body);
        }
        emit requestProcessed(pending.record);
    }
}

int Receiver::answersPending()
{
    m_answering.removeIf([](const HttpResponder& responder) { return !responder.isPending(); });
    return int(m_answering.size() + m_inHand.size() + m_batch.size());
}

void Receiver::forward(qint64 seq,
                       const QString& method,
                       const QString& pathAndQuery,
                       const HeaderList& headers,
                       const QByteArray& body)
{
    QUrl url = m_config.forwardTo;
    // The request's query travels along unless the target names its own.
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    if (question >= 0 && !url.hasQuery()) {
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::TolerantMode);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    QList<QByteArray> connectionOptions;
    for (const auto& option : Headers::value(headers, "connection").split(',')) {
        connectionOptions.append(option.trimmed().toLower());
    }
    for (const auto& [name, value] : headers) {
        if (!isHopByHop(name.toLower(), connectionOptions)) {
            request.setRawHeader(name, value);
        }
    }
    ++m_forwardsInFlight;
    QNetworkReply* reply = m_network->sendCustomRequest(request, method.toLatin1(), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, seq, url] {
        reply->deleteLater();
        --m_forwardsInFlight;
        QJsonObject result {{QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}};
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            result.insert(QStringLiteral("status"), status.toInt());
            HeaderList answerHeaders;
            for (const auto& pair : reply->rawHeaderPairs()) {
                answerHeaders.append(pair);
            }
            result.insert(QStringLiteral("headers"), headersJson(answerHeaders));
            putBody(result, reply->readAll());
        } else {
            result.insert(QStringLiteral("error"), reply->errorString());
        }
        if (auto stored = m_store->setForward(seq, result); !stored) {
            qCWarning(lcReceiver) << "cannot store the forwarded answer:" << stored.error().toString();
        }
        emit requestForwarded(seq, result);
    });
}

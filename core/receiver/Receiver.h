#pragma once

#include "http/HttpServer.h"
#include "RequestVerifier.h"
#include "history/ReceivedStore.h"
#include "model/ReceiverConfig.h"
#include "secrets/SecretResolver.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class SecretStore;
class BatchWriter;
class TokenEndpoint;

// The local receiver of docs/receiver-format.md: listens (HTTP or HTTPS), checks every request with
// RequestVerifier, stores it in the history BEFORE answering, then answers as configured and
// forwards accepted requests to `forwardTo`. Requests that arrive in the same event-loop turn
// are stored in one transaction and answered together, so durability does not cost a
// transaction per request; nothing is answered before its row is committed.
class Receiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Receiver)

public:
    explicit Receiver(QObject* parent = nullptr);
    ~Receiver() override;

    // Where requests are stored; not owned. Without one, start() opens the default history file.
    void setStore(ReceivedStore* store);

    // Starts with every secret of config.secretRefs() already resolved.
    Result<void> start(const ReceiverConfig& config, const SecretValues& secrets);
    // Resolves the secrets (keychain: entries through `store`), then starts; `done` runs once.
    void resolveAndStart(const ReceiverConfig& config, SecretStore* store, std::function<void(Result<void>)> done);
    // Stores and answers what is pending, then stops listening.
    void stop();
    // Stores and answers the requests waiting for the next batch now.
    void flush();

    bool isListening() const;
    QString url() const;
    quint16 port() const;
    QHostAddress address() const;
    // SHA-256 fingerprint of the certificate made for tls.selfSigned; empty otherwise.
    QString selfSignedFingerprint() const { return m_fingerprint; }
    const ReceiverConfig& config() const { return m_config; }
    // Changes the answers (status, headers, body, delay, status sequence, drop) while running:
    // the requests handled from now on get them; a new sequence starts from its first status.
    void setResponse(const ResponseConfig& response);
    qint64 processedCount() const { return m_processed; }
    int forwardsInFlight() const { return m_forwardsInFlight; }
    // Requests stored but not answered yet (delayMs), plus those waiting for the next batch.
    int answersPending();
    ReceivedStore* store() const { return m_store; }
    // How often verify.jws.jwksUrl was fetched (at start, then on an unknown kid at most once a minute).
    int jwksFetches() const { return m_jwksFetches; }
    // url() + tokenEndpoint.path when the receiver is a token server; empty otherwise.
    QString tokenUrl() const;

signals:
    // After the request was stored and its answer handed to the connection. Headers are masked.
    void requestProcessed(const ReceivedRecord& record);
    // forwardTo answered (or failed); the answer is stored with the request already.
    void requestForwarded(qint64 seq, const QJsonObject& forward);
    // Storing failed: the requests were answered 503 and are not in the history.
    void storeFailed(const QString& message);
    // verify.jws.jwksUrl was fetched; `error` is empty when its key set was read.
    void jwksFetched(const QString& error);
    // Refused by the transport rules (limits, framing, timeouts). It is also stored (verdict
    // "rejected", a "transport" check) and then reported by requestProcessed like every request.
    void requestRejected(const QString& remote, int status, const QString& reason);

private:
    // One request between its verdict and its answer.
    struct Pending
    {
        ReceivedRecord record; // masked, as stored
        HttpResponder responder;
        HttpResponse response;
        bool drop = false;
        bool forward = false;
        HeaderList forwardHeaders; // the original headers (the forward target may check auth)
        QString dedupeId;          // committed with the row: later requests see it as seen
        bool token = false;        // a token endpoint answer: never delayed
        bool transport = false;    // refused by the transport, answered already: only stored
        QString duplicateOf;       // a duplicate of this id, which was not committed yet when seen
    };

    void handle(const ReceivedRequest& request, HttpResponder responder);
    void storeRejection(const QString& remote,
                        int status,
                        const QString& reason,
                        const QString& method,
                        const QString& target);
    bool serveJwks(const ReceivedRequest& request, HttpResponder& responder);
    Result<void> prepareJose(const ReceiverConfig& config, const SecretValues& secrets);
    void fetchJwks();
    void releaseJwksWaiting();
    void schedule(Pending pending);
    // The batch goes to the writer thread (or is stored here when there is none).
    void startBatch();
    void submitBatch();
    // Answers the requests the writer has stored since the last call.
    void finishWriting();
    void storeNow();
    static QList<ReceivedRecord> recordsOf(const QList<Pending>& batch);
    void answer(QList<Pending>& batch, Result<QList<qint64>> seqs);
    void orphanedDuplicate(Pending& pending);
    // A request to tokenEndpoint.path: answered by the token endpoint, stored with verdict "token".
    void handleToken(const ReceivedRequest& request, HttpResponder responder);
    int nextAcceptStatus(bool consume);
    void forward(qint64 seq,
                 const QString& method,
                 const QString& pathAndQuery,
                 const HeaderList& headers,
                 const QByteArray& body);

    ReceiverConfig m_config;
    SecretValues m_secrets;
    QList<QByteArray> m_secretHeaders;
    HttpServer* m_server = nullptr;
    ReceivedStore* m_store = nullptr;
    std::unique_ptr<ReceivedStore> m_ownStore;
    std::unique_ptr<BatchWriter> m_writer; // stores batches on its own thread
    QList<Pending> m_inHand;               // handed to the writer, not answered yet (in order)
    QSet<QString> m_inHandIds;             // their dedupe ids
    QSet<QString> m_failedIds;             // dedupe ids whose batch failed, while requests are in hand
    QNetworkAccessManager* m_network = nullptr;
    QString m_fingerprint;
    QList<Pending> m_batch;
    QList<HttpResponder> m_answering; // answers handed over with a delay
    QSet<QString> m_batchIds;         // dedupe ids of the batch not yet committed
    bool m_flushScheduled = false;
    int m_rejectionsPending = 0;      // transport refusals in m_batch (bounded)
    qint64 m_rejectionsNotStored = 0; // refusals beyond that bound, counted and logged only
    int m_sequenceIndex = 0;
    qint64 m_processed = 0;
    int m_forwardsInFlight = 0;
    // JOSE: the keys read at start, the jwksUrl set and the requests waiting for its (re)fetch.
    JoseKeys m_joseKeys;
    QByteArray m_servedJwks;       // the public key set served at jwks.path
    QElapsedTimer m_jwksFetched;   // since the last fetch of verify.jws.jwksUrl ended
    QElapsedTimer m_jwksRefreshed; // since an unknown kid last made it fetch again
    bool m_jwksFetching = false;
    int m_jwksFetches = 0;
    QList<QPair<ReceivedRequest, HttpResponder>> m_jwksWaiting;
    std::unique_ptr<TokenEndpoint> m_tokenEndpoint;
};

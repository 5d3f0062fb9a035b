#pragma once

#include "RequestVerifier.h"
#include "http/HttpResponse.h"
#include "http/ReceivedRequest.h"
#include "jose/JoseKey.h"
#include "model/ReceiverConfig.h"
#include "secrets/SecretResolver.h"
#include "util/Headers.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// The receiver's own OAuth 2.0 token server (docs/receiver-format.md `tokenEndpoint`): issues
// client-credentials tokens (RFC 6749 §4.4) to its configured clients, authenticated with HTTP
// Basic, the form body, an HS256 client assertion (client_secret_jwt, RFC 7523), an assertion
// signed with the client's private key (private_key_jwt: RS256, PS256, ES256, EdDSA), or the
// client's TLS certificate (tls_client_auth, RFC 8705 §2.1), and then checks the Bearer tokens
// of `verify.auth` type oauth2 against what it issued. Tokens live
// in memory only, as SHA-256 hashes with their expiry, so a restarted receiver knows none.
// Not a QObject: the Receiver owns it and hands it requests and headers; it never touches the network.
class TokenEndpoint final
{
    Q_DISABLE_COPY_MOVE(TokenEndpoint)

public:
    // Allowed clock difference with the client for the assertion's exp, iat and nbf.
    static constexpr qint64 ClockLeewaySecs = 30;
    // How long an expired token is still recognised, so a late request hears "expired", not "unknown".
    static constexpr qint64 ExpiredMemorySecs = 24 * 3600;
    static constexpr auto JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    // The first client's secret only (no keys): enough for basic, post and jwt.
    TokenEndpoint(TokenEndpointConfig config, QByteArray clientSecret);
    // Every client with its secret and keys read from `secrets` (the references resolved);
    // errors name the field ("tokenEndpoint.clients[1].publicKey: ...").
    static Result<std::unique_ptr<TokenEndpoint>> create(const TokenEndpointConfig& config,
                                                         const SecretValues& secrets);

    const TokenEndpointConfig& config() const { return m_config; }
    // Whether a request for `path` is a token request (exact match of tokenEndpoint.path).
    bool handles(const QString& path) const { return path == m_config.path; }

    struct Answer
    {
        HttpResponse response; // RFC 6749 §5.1 or §5.2, with Cache-Control: no-store
        VerifyCheck check;     // "token endpoint": what was decided, in words, secrets masked
        QByteArray maskedBody; // the request body with client_secret and client_assertion masked
        QString maskedQuery;   // the same for the query string (where credentials do not belong)
    };
    // Answers one request to the token path. `receiverUrl` ("http://127.0.0.1:8787") is where the
    // receiver listens: with the Host header it gives the token URLs a client assertion's aud
    // may name (the URL the client used, or the receiver's own URL for the token path).
    // `query` only serves to explain a refusal (credentials in the URL are never read). `tls`
    // is the connection's: tlsClientAuth clients are known by its client certificate.
    Answer handle(const VerifyRequest& request,
                  const QString& query,
                  const QString& receiverUrl,
                  const QDateTime& now,
                  const TlsSessionInfo& tls = {});

    // `verify.auth` type oauth2: a Bearer token in `headerName` that this endpoint issued and
    // that has not expired. The detail says why not ("token ••••abcd expired 12 s ago").
    VerifyCheck checkAccessToken(const HeaderList& headers, const QString& headerName, const QDateTime& now) const;

    int issuedCount() const { return int(m_issued.size()); }

    // One field of a token request body, with where its (still encoded) value lies in the body.
    struct FormField
    {
        QString name;
        QByteArray value; // decoded
        qsizetype offset = 0;
        qsizetype length = 0;
    };
    // application/x-www-form-urlencoded or multipart/form-data (RFC 7578); errors in words.
    static Result<QList<FormField>> parseBody(const QByteArray& contentType, const QByteArray& body);
    // `body` with the values of the named fields replaced by maskSecret() of them.
    static QByteArray maskFields(const QByteArray& body, const QList<FormField>& fields, const QStringList& names);

    // The aud values a client assertion may carry here, in words ("http://127.0.0.1:8787/oauth2/token
    // (tokenUrl)"), for the refusal.
    struct Audience
    {
        QString value;
        bool anyPath = false; // webhookUrl: any URL under value + "/"
        QString why;          // the tokenEndpoint.audiences entry it comes from
    };
    QList<Audience> acceptedAudiences(const QString& receiverUrl, const QByteArray& host) const;

private:
    struct Client
    {
        QString id;
        QByteArray secret;
        QStringList auth;
        QList<JoseKey> keys; // privateKeyJwt
        QString subjectDn;   // tlsClientAuth
        QString san;         // tlsClientAuth: "DNS:…", "URI:…", "IP:…", "email:…" or the bare value
    };
    struct Issued
    {
        QDateTime expiresAt;
        QString scope;
        QString clientId;
    };
    struct Refusal
    {
        int status = 400;
        QString error; // RFC 6749 §5.2 code
        QString description;
    };
    // Both return the refusal, or nothing when the client proved itself (`method` says how).
    std::optional<Refusal> authenticate(const VerifyRequest& request,
                                        const QHash<QString, QByteArray>& form,
                                        const QList<Audience>& audiences,
                                        const QDateTime& now,
                                        const TlsSessionInfo& tls,
                                        QString* method,
                                        QString* clientId);
    std::optional<Refusal> checkAssertion(const QByteArray& assertion,
                                          const QHash<QString, QByteArray>& form,
                                          const QList<Audience>& audiences,
                                          const QDateTime& now,
                                          QString* method,
                                          QString* clientId);
    std::optional<Refusal> checkCertificate(const Client& client, const TlsSessionInfo& tls) const;
    const Client* findClient(const QString& id) const;
    QString clientIds() const; // "hook-client" or "a, b and c"
    void forget(const QDateTime& now);

    TokenEndpointConfig m_config;
    QList<Client> m_clients;
    QHash<QByteArray, Issued> m_issued; // SHA-256 of the token -> its expiry
    QHash<QString, qint64> m_seenJti;   // jti -> the assertion's exp: refused again until then
    QDateTime m_lastForget;
};

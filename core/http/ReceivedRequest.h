#pragma once

#include "tls/CertificateInfo.h"
#include "util/Headers.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QString>

#include <optional>

// What the TLS layer knew about the request's connection.
struct TlsSessionInfo
{
    bool encrypted = false;
    QString protocol; // "TLSv1.3"
    QString cipher;   // "TLS_AES_256_GCM_SHA384"
    std::optional<CertificateInfo> clientCertificate;
    bool clientCertificateVerified = false; // chained to a configured client CA
};

// One request exactly as it arrived: the raw target, the header lines in order with the names
// spelled as the sender spelled them, and the body with any chunked framing removed. Everything
// downstream (verification, history, display) reads this value and never the socket.
struct ReceivedRequest
{
    quint64 connectionId = 0;
    quint64 sequenceOnConnection = 0; // 1 for the first request of a connection
    QString method;
    QByteArray target; // request-target as sent, e.g. "/hook?x=1"
    QString path;      // "/hook" (not percent-decoded)
    QString query;     // "x=1" (without '?'; not decoded)
    int httpMajor = 1;
    int httpMinor = 1;
    HeaderList headers;
    HeaderList trailers; // chunked trailer fields, if any
    QByteArray body;
    bool chunked = false;
    bool keepAlive = true; // the connection stays open after the answer
    QHostAddress remoteAddress;
    quint16 remotePort = 0;
    quint16 localPort = 0;
    QDateTime receivedAt; // UTC, when the last byte of the request arrived
    TlsSessionInfo tls;

    QString remote() const;      // "127.0.0.1:54122" or "[::1]:54122"
    QString httpVersion() const; // "HTTP/1.1"
};

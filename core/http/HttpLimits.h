#pragma once

#include <QtGlobal>

// The bounds a peer cannot push the receiver past (docs/receiver-format.md, `limits`). With them, the
// memory one connection can hold is about maxBodyBytes + maxHeaderBytes + one read chunk, the
// number of connections is maxConnections, and the bodies all of them hold at once add up to at
// most maxBufferedBodyBytes.
struct HttpLimits
{
    qint64 maxBodyBytes = 10 * 1024 * 1024; // larger: 413 and close
    int maxHeaderBytes = 64 * 1024;         // request line + header block (and trailers); larger: 431
    int headerTimeoutMs = 10000;            // from connect / first byte to the end of the headers; 408
    int maxConnections = 256;               // more at once: answered 503 and closed
    int idleTimeoutMs = 30000;              // keep-alive wait between requests (closed silently), and the
                                            // longest silence allowed inside a body (408)
    // Body bytes held by all connections together, each from its first byte read until its answer;
    // more: 503 and close.
    qint64 maxBufferedBodyBytes = 256 * 1024 * 1024;
};

// What the body bytes of all a server's connections add up to (maxBufferedBodyBytes). Shared by the
// server and its connections, which all live on one thread.
struct HttpBodyBudget
{
    qint64 limit = HttpLimits().maxBufferedBodyBytes;
    qint64 used = 0;
};

#pragma once

#include <QtGlobal>

// The bounds a peer cannot push the receiver past (docs/receiver-format.md, `limits`). With them, the
// memory one connection can hold is about maxBodyBytes + maxHeaderBytes + one read chunk, and
// the number of connections is maxConnections.
struct HttpLimits
{
    qint64 maxBodyBytes = 10 * 1024 * 1024; // larger: 413 and close
    int maxHeaderBytes = 64 * 1024;         // request line + header block (and trailers); larger: 431
    int headerTimeoutMs = 10000;            // from connect / first byte to the end of the headers; 408
    int maxConnections = 256;               // more at once: answered 503 and closed
    int idleTimeoutMs = 30000;              // keep-alive wait between requests (closed silently), and the
                                            // longest silence allowed inside a body (408)
};

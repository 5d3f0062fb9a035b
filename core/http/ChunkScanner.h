#pragma once

#include <QByteArrayView>
#include <QString>

// Checks the chunked framing of a request body (RFC 9112 section 7.1) on the raw bytes before
// http_parser sees them. libhttp-parser 2.9, built without HTTP_PARSER_STRICT as Debian ships it,
// skips the two bytes after each chunk's data and the byte after each CR in the framing without
// looking at them: "5\r\nhelloXX0\r\n\r\n" passes, and a body can hide a second request that
// the parser then reads as the next one on the connection (request smuggling). Here every line of
// the framing must end in CRLF and the chunk data must be followed by exactly CRLF.
// It also finds where the message ends, so the caller hands the parser the body and nothing of
// what follows. Only framing bytes are looked at: chunk data is skipped over, never copied.
// Pure: no I/O, fed in pieces of any size.
class ChunkScanner final
{
public:
    enum class Outcome
    {
        NeedMore, // all of `data` belongs to the body, which is not finished yet
        Complete, // the body (with its trailer section) ends after `consumed` bytes
        Refused,  // `status` and `reason` say why
    };
    struct Step
    {
        Outcome outcome = Outcome::NeedMore;
        qsizetype consumed = 0;
        int status = 0;
        QString reason;
    };

    // A chunk line (size and extensions) longer than this is refused.
    static constexpr qsizetype MaxChunkLineBytes = 4096;

    ChunkScanner(qint64 maxBodyBytes, qint64 maxTrailerBytes)
        : m_maxBodyBytes(maxBodyBytes)
        , m_maxTrailerBytes(maxTrailerBytes)
    { }

    Step scan(QByteArrayView data);
    void reset();
    qint64 bodyBytes() const { return m_bodyBytes; } // the sum of the chunk sizes seen so far

private:
    enum class State
    {
        SizeStart,
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        TrailerLineStart,
        TrailerLine,
        TrailerLf,
        EndLf,
    };

    qint64 m_maxBodyBytes;
    qint64 m_maxTrailerBytes;
    State m_state = State::SizeStart;
    quint64 m_size = 0;     // the chunk size being read, then the data bytes still to skip
    qint64 m_bodyBytes = 0; // chunk sizes announced so far
    qint64 m_lineBytes = 0; // of the current chunk line
    qint64 m_trailerBytes = 0;
};

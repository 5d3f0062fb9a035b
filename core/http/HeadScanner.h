#pragma once

#include <QByteArrayView>
#include <QString>

// Checks the raw bytes of a request head (request line + header lines + the empty line) before
// http_parser sees them, for what that parser lets through or does not count the way the limits
// need: folded lines (obs-fold, which http_parser 2.9 silently joins), NUL, a CR not followed
// by LF, and the total size. It also finds where the head ends, so the caller can hand the parser
// exactly the head and nothing of the body. Pure: no I/O, fed in pieces of any size.
class HeadScanner final
{
public:
    enum class Outcome
    {
        NeedMore, // all of `data` belongs to the head, which is not finished yet
        Complete, // the head ends after `consumed` bytes
        Malformed,
        TooLarge,
    };
    struct Step
    {
        Outcome outcome = Outcome::NeedMore;
        qsizetype consumed = 0;
        QString reason; // for Malformed and TooLarge, in words
    };

    explicit HeadScanner(qsizetype maxBytes)
        : m_maxBytes(maxBytes)
    { }

    Step scan(QByteArrayView data);
    void reset();
    qsizetype bytesSeen() const { return m_total; }
    bool seenRequestLine() const { return m_seenRequestLine; } // the request line has ended

private:
    qsizetype m_maxBytes;
    qsizetype m_total = 0;
    qsizetype m_lineLength = 0;
    bool m_afterCr = false;
    bool m_seenRequestLine = false;
};

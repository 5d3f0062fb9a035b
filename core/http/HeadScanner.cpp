#include "HeadScanner.h"

void HeadScanner::reset()
{
    m_total = 0;
    m_lineLength = 0;
    m_afterCr = false;
    m_seenRequestLine = false;
}

HeadScanner::Step HeadScanner::scan(QByteArrayView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (++m_total > m_maxBytes) {
            return {Outcome::TooLarge,
                    i + 1,
                    QStringLiteral("the request line and headers are larger than %1 bytes").arg(m_maxBytes)};
        }
        bool endOfLine = false;
        if (m_afterCr) {
            m_afterCr = false;
            if (c != '\n') {
                return {
                    Outcome::Malformed, i + 1, QStringLiteral("a header line holds a CR that is not followed by LF")};
            }
            endOfLine = true;
        } else if (c == '\r') {
            m_afterCr = true;
            continue;
        } else if (c == '\n') {
            endOfLine = true; // a bare LF ends a line, as RFC 9112 lets a recipient accept
        } else if (c == '\0') {
            return {Outcome::Malformed, i + 1, QStringLiteral("the request head contains a NUL byte")};
        }

        if (endOfLine) {
            if (m_lineLength == 0) {
                if (m_seenRequestLine) {
                    return {Outcome::Complete, i + 1, {}};
                }
                // RFC 9112 2.2: empty lines before the request line are ignored.
            } else {
                m_seenRequestLine = true;
            }
            m_lineLength = 0;
            continue;
        }
        if (m_lineLength == 0 && m_seenRequestLine && (c == ' ' || c == '\t')) {
            return {Outcome::Malformed,
                    i + 1,
                    QStringLiteral("a header line starts with whitespace (obs-fold line folding), which RFC 9112"
                                   " forbids because parsers disagree on it")};
        }
        ++m_lineLength;
    }
    return {Outcome::NeedMore, data.size(), {}};
}

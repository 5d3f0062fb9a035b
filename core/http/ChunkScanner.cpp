#include "ChunkScanner.h"

#include <algorithm>
#include <limits>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

ChunkScanner::Step refuse(qsizetype consumed, int status, const QString& reason)
{
    return {ChunkScanner::Outcome::Refused, consumed, status, reason};
}

QString notCrlfAfterData()
{
    return QStringLiteral("a chunk's data is not followed by CRLF: the chunk is longer than its size says, so the"
                          " body's framing is ambiguous");
}

} // namespace

void ChunkScanner::reset()
{
    m_state = State::SizeStart;
    m_size = 0;
    m_bodyBytes = 0;
    m_lineBytes = 0;
    m_trailerBytes = 0;
}

ChunkScanner::Step ChunkScanner::scan(QByteArrayView data)
{
    constexpr auto maxSize = static_cast<quint64>(std::numeric_limits<qint64>::max());
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (m_state == State::Data) {
            // Skip the data in one step: only the framing is looked at.
            const auto skip = static_cast<qsizetype>(std::min<quint64>(m_size, quint64(data.size() - i)));
            m_size -= static_cast<quint64>(skip);
            i += skip - 1;
            if (m_size == 0) {
                m_state = State::DataCr;
            }
            continue;
        }
        const char c = data[i];
        switch (m_state) {
            case State::SizeStart:
            case State::Size: {
                const int digit = hexValue(c);
                if (digit >= 0) {
                    if (m_size > (maxSize - quint64(digit)) / 16) {
                        return refuse(i + 1,
                                      400,
                                      QStringLiteral("a chunk size is too large to be a size: it does not fit"
                                                     " in 63 bits"));
                    }
                    m_size = m_size * 16 + quint64(digit);
                    m_state = State::Size;
                    break;
                }
                if (m_state == State::SizeStart) {
                    return refuse(i + 1, 400, QStringLiteral("a chunk size is not a hexadecimal number"));
                }
                if (c != '\r' && c != ';' && c != ' ') {
                    return refuse(i + 1,
                                  400,
                                  c == '\n' ? QStringLiteral("a chunk size line ends in a bare LF instead of CRLF")
                                            : QStringLiteral("a chunk size is not a hexadecimal number"));
                }
                const qint64 room = m_maxBodyBytes - m_bodyBytes;
                if (m_size > quint64(std::max<qint64>(room, 0))) {
                    return refuse(i + 1,
                                  413,
                                  QStringLiteral("a chunk of %1 bytes makes the body larger than the limit of %2"
                                                 " bytes")
                                      .arg(m_size)
                                      .arg(m_maxBodyBytes));
                }
                m_state = c == '\r' ? State::SizeLf : State::Extension;
                break;
            }
            case State::Extension:
                if (c == '\r') {
                    m_state = State::SizeLf;
                } else if (c == '\n') {
                    return refuse(i + 1, 400, QStringLiteral("a chunk size line ends in a bare LF instead of CRLF"));
                }
                break;
            case State::SizeLf:
                if (c != '\n') {
                    return refuse(i + 1, 400, QStringLiteral("a CR in a chunk size line is not followed by LF"));
                }
                m_lineBytes = 0;
                if (m_size == 0) {
                    m_state = State::TrailerLineStart;
                } else {
                    m_bodyBytes += static_cast<qint64>(m_size);
                    m_state = State::Data;
                }
                continue; // the line is over; nothing to count
            case State::Data:
                break; // handled above
            case State::DataCr:
                if (c != '\r') {
                    return refuse(i + 1, 400, notCrlfAfterData());
                }
                m_state = State::DataLf;
                break;
            case State::DataLf:
                if (c != '\n') {
                    return refuse(i + 1, 400, notCrlfAfterData());
                }
                m_state = State::SizeStart;
                m_lineBytes = 0;
                continue;
            case State::TrailerLineStart:
                if (c == '\r') {
                    m_state = State::EndLf;
                    break;
                }
                if (c == ' ' || c == '\t') {
                    return refuse(i + 1,
                                  400,
                                  QStringLiteral("a trailer line starts with whitespace (obs-fold line folding),"
                                                 " which RFC 9112 forbids because parsers disagree on it"));
                }
                m_state = State::TrailerLine;
                [[fallthrough]];
            case State::TrailerLine:
                if (c == '\r') {
                    m_state = State::TrailerLf;
                } else if (c == '\n') {
                    return refuse(i + 1, 400, QStringLiteral("a trailer line ends in a bare LF instead of CRLF"));
                } else if (c == '\0') {
                    return refuse(i + 1, 400, QStringLiteral("the chunked trailer fields contain a NUL byte"));
                }
                break;
            case State::TrailerLf:
                if (c != '\n') {
                    return refuse(i + 1, 400, QStringLiteral("a trailer line holds a CR that is not followed by LF"));
                }
                m_state = State::TrailerLineStart;
                break;
            case State::EndLf:
                if (c != '\n') {
                    return refuse(i + 1, 400, QStringLiteral("the chunked body does not end with CRLF"));
                }
                return {Outcome::Complete, i + 1, 0, {}};
        }
        if (m_state == State::TrailerLineStart || m_state == State::TrailerLine || m_state == State::TrailerLf
            || m_state == State::EndLf) {
            if (++m_trailerBytes > m_maxTrailerBytes) {
                return refuse(
                    i + 1,
                    431,
                    QStringLiteral("the chunked trailer fields are larger than %1 bytes").arg(m_maxTrailerBytes));
            }
        } else if (++m_lineBytes > MaxChunkLineBytes) {
            return refuse(
                i + 1, 400, QStringLiteral("a chunk size line is longer than %1 bytes").arg(MaxChunkLineBytes));
        }
    }
    return {Outcome::NeedMore, data.size(), 0, {}};
}

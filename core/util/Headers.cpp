#include "Headers.h"

#include <QStringDecoder>

namespace {
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
        case '!':
        case '#':
        case '$':
        case '%':
        case '&':
        case '\'':
        case '*':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            return true;
        default:
            return false;
    }
}
} // namespace

namespace Headers {

Result<void> validate(const QByteArray& name, const QByteArray& value, const QString& where)
{
    if (name.isEmpty()) {
        return Error(QStringLiteral("header name is empty"), where);
    }
    for (char c : name) {
        if (c == '\r' || c == '\n' || c == '\0') {
            return Error(QStringLiteral("header name contains a line break or NUL, which would inject extra headers;"
                                        " remove it"),
                         where);
        }
        if (!isTokenChar(c)) {
            return Error(QStringLiteral("header name \"%1\" contains '%2', which is not allowed in a header name")
                             .arg(QString::fromLatin1(name), QString(QLatin1Char(c))),
                         where);
        }
    }
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0') {
            return Error(QStringLiteral("header value contains a line break or NUL, which would inject extra"
                                        " headers; remove it"),
                         where);
        }
    }
    return {};
}

QByteArray value(const HeaderList& headers, QByteArrayView name)
{
    for (const auto& [n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            return v.isNull() ? QByteArray("") : v;
        }
    }
    return {};
}

bool contains(const HeaderList& headers, QByteArrayView name)
{
    return !value(headers, name).isNull();
}

QPair<QByteArray, QByteArray> splitCredentials(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space < 0) {
        return {trimmed, {}};
    }
    return {trimmed.left(space), trimmed.mid(space + 1).trimmed()};
}

QString displayValue(QByteArrayView value, qsizetype maxCharacters)
{
    const auto escaped = [](uint byte) {
        return QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    };
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(value);
    QString text;
    qsizetype characters = 0;
    if (!decoder.hasError()) {
        qsizetype i = 0;
        for (; i < decoded.size() && characters < maxCharacters; ++i, ++characters) {
            const QChar c = decoded.at(i);
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                text += escaped(c.unicode());
            } else if (c.isHighSurrogate() && i + 1 < decoded.size()) {
                text += c;
                text += decoded.at(++i); // one code point, never half of it
            } else {
                text += c;
            }
        }
        return i < decoded.size() ? text + QStringLiteral("...") : text;
    }
    for (const char byte : value) {
        if (characters++ == maxCharacters) {
            return text + QStringLiteral("...");
        }
        const auto code = uint(uchar(byte));
        text += code >= 0x20 && code < 0x7f ? QString(QLatin1Char(byte)) : escaped(code);
    }
    return text;
}

} // namespace Headers

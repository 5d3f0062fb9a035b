#include "Headers.h"

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

} // namespace Headers

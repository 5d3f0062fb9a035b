#include "JoseUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <openssl/err.h>

namespace {

// Walks JSON text only to find objects with a member name given twice. Validity itself is left
// to QJsonDocument afterwards; this scanner just must not accept what it cannot read.
class DuplicateScanner
{
public:
    explicit DuplicateScanner(const QByteArray& text)
        : m_text(text)
    { }

    // Empty when no object repeats a member name; otherwise the repeated name.
    Result<void> scan()
    {
        if (!value(0)) {
            return m_error;
        }
        return {};
    }

private:
    static constexpr int MaxDepth = 32;

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
            ++m_pos;
        }
    }

    bool fail(const QString& message)
    {
        m_error = Error(message);
        return false;
    }

    // Steps over `c` when it comes next.
    bool take(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    enum class Next
    {
        More,
        Closed,
        Failed,
    };

    // What follows a member or an element: a comma (more to come) or `close` (the object or
    // array ends); anything else fails, naming both.
    Next separator(char close)
    {
        skipSpace();
        if (take(',')) {
            return Next::More;
        }
        if (take(close)) {
            return Next::Closed;
        }
        fail(QStringLiteral("is not valid JSON (',' or '%1' expected at byte %2)").arg(QLatin1Char(close)).arg(m_pos));
        return Next::Failed;
    }

    bool string(QString* out)
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
            return fail(QStringLiteral("is not valid JSON (a string was expected at byte %1)").arg(m_pos));
        }
        ++m_pos;
        // Escapes are decoded so that two spellings of one name ("alg", "\u0061lg") compare equal.
        QString decoded;
        QByteArray pending;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            const char c = m_text[m_pos];
            if (c != '\\') {
                pending.append(c);
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_text.size()) {
                break;
            }
            decoded += QString::fromUtf8(pending);
            pending.clear();
            const char e = m_text[m_pos + 1];
            m_pos += 2;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    decoded += QLatin1Char(e);
                    break;
                case 'b':
                    decoded += QLatin1Char('\b');
                    break;
                case 'f':
                    decoded += QLatin1Char('\f');
                    break;
                case 'n':
                    decoded += QLatin1Char('\n');
                    break;
                case 'r':
                    decoded += QLatin1Char('\r');
                    break;
                case 't':
                    decoded += QLatin1Char('\t');
                    break;
                case 'u': {
                    bool ok = false;
                    const uint unit = m_text.mid(m_pos, 4).toUInt(&ok, 16);
                    if (!ok || m_pos + 4 > m_text.size()) {
                        return fail(QStringLiteral("is not valid JSON (bad \\u escape at byte %1)").arg(m_pos));
                    }
                    m_pos += 4;
                    decoded += QChar(char16_t(unit));
                    break;
                }
                default:
                    return fail(QStringLiteral("is not valid JSON (bad escape at byte %1)").arg(m_pos - 1));
            }
        }
        if (m_pos >= m_text.size()) {
            return fail(QStringLiteral("is not valid JSON (a string is not closed)"));
        }
        ++m_pos;
        if (out) {
            *out = decoded + QString::fromUtf8(pending);
        }
        return true;
    }

    bool value(int depth)
    {
        if (depth > MaxDepth) {
            return fail(QStringLiteral("nests deeper than %1 levels").arg(MaxDepth));
        }
        skipSpace();
        if (m_pos >= m_text.size()) {
            return fail(QStringLiteral("is not valid JSON (it ends too early)"));
        }
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            QSet<QString> names;
            skipSpace();
            if (take('}')) {
                return true;
            }
            while (true) {
                skipSpace();
                QString name;
                if (!string(&name)) {
                    return false;
                }
                if (names.contains(name)) {
                    return fail(
                        QStringLiteral("names the member \"%1\" twice; a JOSE header must name each member once")
                            .arg(name));
                }
                names.insert(name);
                skipSpace();
                if (!take(':')) {
                    return fail(QStringLiteral("is not valid JSON (':' expected at byte %1)").arg(m_pos));
                }
                if (!value(depth + 1)) {
                    return false;
                }
                if (const Next next = separator('}'); next != Next::More) {
                    return next == Next::Closed;
                }
            }
        }
        if (c == '[') {
            ++m_pos;
            skipSpace();
            if (take(']')) {
                return true;
            }
            while (true) {
                if (!value(depth + 1)) {
                    return false;
                }
                if (const Next next = separator(']'); next != Next::More) {
                    return next == Next::Closed;
                }
            }
        }
        if (c == '"') {
            return string(nullptr);
        }
        // A number or literal: QJsonDocument checks its spelling.
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']'
               && m_text[m_pos] != ' ' && m_text[m_pos] != '\n' && m_text[m_pos] != '\r' && m_text[m_pos] != '\t') {
            ++m_pos;
        }
        return true;
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    Error m_error;
};

} // namespace

namespace JoseUtil {

std::shared_ptr<EVP_PKEY> sharePkey(EVP_PKEY* key)
{
    return std::shared_ptr<EVP_PKEY>(key, PkeyDeleter());
}

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> fromBase64Url(QByteArrayView text, const QString& what)
{
    for (const char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return Error(
                QStringLiteral("the %1 is not base64url: it holds '%2' (padding '=' and the + / alphabet are not"
                               " allowed in JOSE)")
                    .arg(what, c >= 0x21 && c < 0x7f ? QString(QLatin1Char(c)) : QStringLiteral("a control byte")));
        }
    }
    if (text.size() % 4 == 1) {
        return Error(QStringLiteral("the %1 is not base64url: its length %2 cannot be").arg(what).arg(text.size()));
    }
    const QByteArray decoded = QByteArray::fromBase64(text.toByteArray(), QByteArray::Base64UrlEncoding);
    // Canonical only: "AB" and "AA" would otherwise both decode to one byte, making tokens malleable.
    if (base64Url(decoded) != text) {
        return Error(QStringLiteral("the %1 is not canonical base64url (stray bits in its last character)").arg(what));
    }
    return decoded;
}

Result<QJsonObject> parseHeader(const QByteArray& json, const QString& what)
{
    DuplicateScanner scanner(json);
    if (auto ok = scanner.scan(); !ok) {
        return Error(QStringLiteral("the %1 %2").arg(what, ok.error().message));
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error(
            QStringLiteral("the %1 is not valid JSON: %2 at byte %3").arg(what, error.errorString()).arg(error.offset));
    }
    if (!document.isObject()) {
        return Error(QStringLiteral("the %1 must be a JSON object").arg(what));
    }
    return document.object();
}

Result<void> checkCrit(const QJsonObject& header)
{
    if (!header.contains(QLatin1String("crit"))) {
        return {};
    }
    const QJsonValue crit = header.value(QLatin1String("crit"));
    if (!crit.isArray() || crit.toArray().isEmpty()) {
        return Error(QStringLiteral("the header's \"crit\" must be a non-empty list of header names"));
    }
    QStringList names;
    for (const auto& name : crit.toArray()) {
        names << (name.isString() ? name.toString() : QStringLiteral("(not a string)"));
    }
    return Error(QStringLiteral("the header marks %1 as critical (\"crit\"); HookBench understands no JOSE extension,"
                                " so it must refuse the token")
                     .arg(names.join(QStringLiteral(", "))));
}

QString openSslError()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts << QString::fromLatin1(buffer);
    }
    return parts.isEmpty() ? QStringLiteral("OpenSSL gave no reason") : parts.join(QStringLiteral("; "));
}

QByteArray padLeft(const QByteArray& bytes, int size)
{
    if (bytes.size() >= size) {
        return bytes.right(size);
    }
    return QByteArray(size - bytes.size(), '\0') + bytes;
}

} // namespace JoseUtil

#include "SecretRef.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <optional>
#include <utility>

namespace {

// A secret file holds one secret (a password, a token, a PEM key). The cap keeps a mistaken
// `file:/dev/zero` or a log file from being read into memory whole.
constexpr qint64 MaxSecretFileBytes = 1024 * 1024;

struct Prefix
{
    QLatin1String text;
    SecretRef::Kind kind;
};

constexpr Prefix Prefixes[] = {
    {QLatin1String("env:"), SecretRef::Kind::Env},
    {QLatin1String("file:"), SecretRef::Kind::File},
    {QLatin1String("keychain:"), SecretRef::Kind::Keychain},
    {QLatin1String("literal:"), SecretRef::Kind::Literal},
};

QLatin1String prefixOf(SecretRef::Kind kind)
{
    for (const auto& prefix : Prefixes) {
        if (prefix.kind == kind) {
            return prefix.text;
        }
    }
    return QLatin1String("literal:");
}

} // namespace

SecretRef SecretRef::parse(const QString& reference)
{
    for (const auto& prefix : Prefixes) {
        if (reference.startsWith(prefix.text)) {
            return SecretRef {prefix.kind, reference.mid(prefix.text.size())};
        }
    }
    return SecretRef {Kind::Literal, reference};
}

QString SecretRef::toString() const
{
    // Always with its prefix, so that parse(toString()) gives this reference back even when a
    // literal happens to start with "env:" or "file:".
    return prefixOf(kind) + target;
}

Result<QByteArray> SecretRef::resolveLocal(const QString& baseDir) const
{
    switch (kind) {
        case Kind::Literal:
            return target.toUtf8();

        case Kind::Env: {
            if (target.isEmpty()) {
                return Error(QStringLiteral("the reference \"env:\" names no environment variable; write env:NAME"));
            }
            const QByteArray name = target.toLocal8Bit();
            if (!qEnvironmentVariableIsSet(name.constData())) {
                return Error(
                    QStringLiteral("environment variable %1 is not set (reference %2); set it or change the reference")
                        .arg(target, toString()));
            }
            return qgetenv(name.constData());
        }

        case Kind::File: {
            if (target.isEmpty()) {
                return Error(QStringLiteral("the reference \"file:\" names no file; write file:PATH"));
            }
            const QString path = QFileInfo(target).isAbsolute() ? target : QDir(baseDir).filePath(target);
            const QString where = QStringLiteral("cannot read secret file %1 (reference %2)")
                                      .arg(QDir::toNativeSeparators(path), toString());
            if (QFileInfo(path).isDir()) {
                return Error(where + QStringLiteral(": it is a folder, not a file"));
            }
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                return Error(where + QStringLiteral(": ") + file.errorString());
            }
            QByteArray bytes = file.read(MaxSecretFileBytes + 1);
            if (file.error() != QFileDevice::NoError) {
                return Error(where + QStringLiteral(": ") + file.errorString());
            }
            if (bytes.size() > MaxSecretFileBytes) {
                return Error(where + QStringLiteral(": it is larger than 1 MiB, which no secret is"));
            }
            // One trailing newline is what editors and `echo` add; more than one is left alone
            // because it may be part of the secret.
            if (bytes.endsWith("\r\n")) {
                bytes.chop(2);
            } else if (bytes.endsWith('\n')) {
                bytes.chop(1);
            }
            return bytes;
        }

        case Kind::Keychain:
            return Error(QStringLiteral("the reference %1 is kept in the keychain and needs the keychain resolver; "
                                        "it cannot be resolved here")
                             .arg(toString()));
    }
    return Error(QStringLiteral("unknown kind of secret reference %1").arg(toString()));
}

namespace {

// 4 shown characters are at most a quarter of a secret this long (docs/secrets.md's "last 4").
constexpr qsizetype MinCharactersForTail = 16;

// Unicode characters (code points), not bytes and not UTF-16 units.
qsizetype characterCount(QStringView text)
{
    qsizetype characters = 0;
    for (const QChar c : text) {
        characters += c.isLowSurrogate() ? 0 : 1;
    }
    return characters;
}

// The last 4 characters; a surrogate pair (an emoji) is never cut in half.
QStringView lastFourCharacters(QStringView text)
{
    qsizetype start = text.size();
    for (int shown = 0; shown < 4 && start > 0;) {
        --start;
        shown += text.at(start).isLowSurrogate() ? 0 : 1;
    }
    return text.mid(start);
}

std::optional<QString> decodeUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        return std::nullopt;
    }
    return text;
}

bool isTokenCharacter(QChar c)
{
    // RFC 9110 tchar: what an auth scheme name ("Basic", "Bearer", "Digest") is made of.
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

// "SCHEME credentials" (RFC 9110 11.4) split at the first run of spaces; nullopt when the
// value does not have that shape (a bare token, a password, a cookie).
std::optional<std::pair<QStringView, QStringView>> splitScheme(QStringView text)
{
    const qsizetype space = text.indexOf(u' ');
    if (space <= 0) {
        return std::nullopt;
    }
    const QStringView scheme = text.left(space);
    for (const QChar c : scheme) {
        if (!isTokenCharacter(c)) {
            return std::nullopt;
        }
    }
    qsizetype start = space;
    while (start < text.size() && text.at(start) == u' ') {
        ++start;
    }
    if (start == text.size()) {
        return std::nullopt;
    }
    return std::pair {scheme, text.mid(start)};
}

// Whether the tail of `text` may be shown: only when the part it comes from is long enough
// that 4 characters are at most a quarter of it. For "Basic base64(user:password)" the
// base64 tail encodes the password's tail, so the decoded password is what must be long.
bool mayShowTail(QStringView text)
{
    const auto scheme = splitScheme(text);
    if (!scheme) {
        return characterCount(text) >= MinCharactersForTail;
    }
    const auto& [name, credentials] = *scheme;
    if (name.compare(u"Basic", Qt::CaseInsensitive) != 0) {
        return characterCount(credentials) >= MinCharactersForTail;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(credentials.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return false;
    }
    const qsizetype colon = decoded.decoded.indexOf(':');
    const auto password = decodeUtf8(QByteArrayView(decoded.decoded).sliced(colon + 1));
    return password && characterCount(*password) >= MinCharactersForTail;
}

} // namespace

QString maskSecret(QByteArrayView value)
{
    static const QString dots(4, QChar(0x2022));

    // Bytes that are not UTF-8 (binary key material) are never shown at all.
    const auto text = decodeUtf8(value);
    if (!text || !mayShowTail(*text)) {
        return dots;
    }
    return dots + lastFourCharacters(*text);
}

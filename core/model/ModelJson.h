#pragma once

#include <QFileInfo>

#include "model/EndpointProfile.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <limits>
#include <optional>

// Internal to core/model: the shared machinery of the profile, event and receiver parsers.
// A Reader walks a JSON document field by field, type-checks each value and keeps the first
// problem as an Error naming the JSON path and what would be right. Parsers read on after a
// failure without harm (every read is a no-op once failed), which keeps them linear.
namespace ModelJson {

// "auth" + "tokenUrl" -> "auth.tokenUrl". Keys that are not plain identifiers (spaces, dots,
// control characters) are quoted and escaped: headers["X\nEvil"], so an error stays one line.
QString childPath(const QString& parent, const QString& key);
QString indexPath(const QString& parent, qsizetype index);
// "a string", "a number", "null", ...
QString typeName(const QJsonValue& value);
// A close match among `candidates` for a mistyped name, or empty.
QString suggest(const QString& name, const QStringList& candidates);

// "line L, column C" of a QJsonParseError offset, pointing at the offending character.
QString jsonErrorPosition(const QByteArray& json, qsizetype offset);
// Parses `json` as one JSON object. Broken JSON gives "invalid JSON at line L, column C: why".
Result<QJsonObject> parseObject(const QByteArray& json, const QString& fileName);
// Reads a whole file; an unreadable file gives an error naming it and the OS reason.
Result<QByteArray> readFile(const QString& path);
// Writes atomically (QSaveFile).
Result<void> writeFile(const QString& path, const QByteArray& bytes);
// Indented JSON whose object keys come in `keyOrder` first, then alphabetically; arrays of
// plain values stay on one line. Files written by HookBench read like the documentation.
QByteArray toIndentedJson(const QJsonObject& object, const QStringList& keyOrder);

// An absolute http or https URL with a host, or nothing.
std::optional<QUrl> parseHttpUrl(const QString& text);

class Reader;

// One JSON object being read, with its path.
class Object final
{
public:
    Object(Reader& reader, QJsonObject object, QString path);

    const QJsonObject& json() const { return m_object; }
    const QString& path() const { return m_path; }
    QString path(const QString& key) const { return childPath(m_path, key); }
    bool has(const QString& key) const; // present and not null
    bool failed() const;
    void fail(const QString& key, const QString& message);
    void failAt(const QString& fullPath, const QString& message);

    // Unknown keys are an error naming the key, a close match, and the allowed keys.
    bool allowKeys(const QStringList& allowed);
    // Marks a key as required: missing or null is an error "is required" + hint.
    bool require(const QString& key, const QString& hint = {});

    // Each reader leaves `out` alone when the key is missing or null.
    void string(const QString& key, QString& out);
    void nonEmptyString(const QString& key, QString& out);
    void boolean(const QString& key, bool& out);
    void integer(const QString& key, qint64& out, qint64 min, qint64 max = std::numeric_limits<qint64>::max());
    void integer(const QString& key, int& out, qint64 min, qint64 max = std::numeric_limits<int>::max());
    void number(const QString& key, double& out, double min, double max);
    void oneOf(const QString& key, QString& out, const QStringList& allowed);
    void httpUrl(const QString& key, QUrl& out);
    void httpUrl(const QString& key, QString& out);
    void headerName(const QString& key, QString& out);
    void headerValue(const QString& key, QString& out);
    void stringList(const QString& key, QStringList& out);
    void jsonObject(const QString& key, QJsonObject& out);
    // `{"Name": "value"}` or `[["Name", "value"], ...]` (keeps order and repeats); with
    // `asHeaders` every pair is checked with Headers::validate.
    void pairs(const QString& key, QList<QPair<QString, QString>>& out, bool asHeaders);

    // A nested object or array; nullopt when missing, null, or of the wrong type (an error).
    std::optional<Object> object(const QString& key);
    std::optional<QJsonArray> array(const QString& key);

private:
    Reader& m_reader;
    QJsonObject m_object;
    QString m_path;
};

class Reader final
{
public:
    explicit Reader(QString fileName)
        : m_file(std::move(fileName))
    { }

    bool failed() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error()); }
    // Keeps the first error only: it is the one the user should fix first.
    void fail(const QString& path, const QString& message);

    // The element at `path` must be an object.
    std::optional<Object> object(const QJsonValue& value, const QString& path);

private:
    QString m_file;
    std::optional<Error> m_error;
};

// `pairs` written back: an object when that keeps the order and every name, else a list of pairs.
QJsonValue pairsToJson(const QList<QPair<QString, QString>>& pairs);

// T::fromJson on the file's bytes, with T::baseDir set to the file's folder (relative file:
// references and paths start there). Shared by the profile and the receiver configuration.
template <typename T>
Result<T> loadJsonFile(const QString& path)
{
    const auto bytes = readFile(path);
    if (!bytes) {
        return bytes.error();
    }
    auto value = T::fromJson(bytes.value(), path);
    if (value) {
        value->baseDir = QFileInfo(path).absolutePath();
    }
    return value;
}

// Checks root's "format" is `expected`; `kind` names the file type ("an endpoint profile") and a
// format starting with `otherPrefix` gets the hint that it is the other kind of file, `otherKind`.
void requireFormat(Object& root,
                   const QString& expected,
                   const QString& kind,
                   const QString& otherPrefix,
                   const QString& otherKind);

// The auth block of docs/profile-format.md "auth", shared by the profile (sending) and the receiver (checking).
enum class AuthUse
{
    Send,
    Verify,
};
QString authTypeName(AuthType type);
AuthConfig readAuth(Reader& reader, const QJsonValue& value, const QString& path, AuthUse use);
QJsonObject authToJson(const AuthConfig& auth);
void addAuthSecretRefs(const AuthConfig& auth, QStringList& out);
// Appends a secret reference to `out` unless it is empty (the field is not set).
void addSecretRef(QStringList& out, const QString& reference);

} // namespace ModelJson

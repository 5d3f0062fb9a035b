#include "ModelJson.h"

#include "util/Headers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace ModelJson {

namespace {

bool isPlainKey(const QString& key)
{
    if (key.isEmpty()) {
        return false;
    }
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
               || c == u'_' || c == u'$';
    });
}

QString quoted(const QString& text)
{
    QString out = u"\""_s;
    for (QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c == u'\r') {
            out += u"\\r"_s;
        } else if (c == u'\t') {
            out += u"\\t"_s;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + u'"';
}

int editDistance(const QString& a, const QString& b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) {
        previous[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString didYouMean(const QString& name, const QStringList& candidates)
{
    const QString match = suggest(name, candidates);
    return match.isEmpty() ? QString() : u" (did you mean \"%1\"?)"_s.arg(match);
}

QByteArray scalarJson(const QJsonValue& value)
{
    // QJsonDocument only writes arrays and objects: wrap the value and strip the brackets.
    QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

void writeValue(QByteArray& out, const QJsonValue& value, const QStringList& keyOrder, int depth)
{
    const QByteArray indent(4 * (depth + 1), ' ');
    const QByteArray closingIndent(4 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys;
        for (const QString& key : keyOrder) {
            if (object.contains(key)) {
                keys += key;
            }
        }
        for (const QString& key : object.keys()) {
            if (!keys.contains(key)) {
                keys += key;
            }
        }
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent + scalarJson(keys[i]) + ": ";
            writeValue(out, object.value(keys[i]), keyOrder, depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closingIndent + '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const bool plain =
            std::none_of(array.begin(), array.end(), [](const QJsonValue& v) { return v.isArray() || v.isObject(); });
        if (array.isEmpty() || plain) {
            out += QJsonDocument(array).toJson(QJsonDocument::Compact).replace(",", ", ");
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            writeValue(out, array.at(i), keyOrder, depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closingIndent + ']';
    } else {
        out += scalarJson(value);
    }
}

} // namespace

QString childPath(const QString& parent, const QString& key)
{
    const QString segment = isPlainKey(key) ? key : u'[' + quoted(key) + u']';
    if (parent.isEmpty()) {
        return segment;
    }
    if (isPlainKey(key)) {
        return parent + u'.' + segment;
    }
    return parent + segment;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
        case QJsonValue::Null:
            return u"null"_s;
        case QJsonValue::Bool:
            return u"a boolean"_s;
        case QJsonValue::Double:
            return u"a number"_s;
        case QJsonValue::String:
            return u"a string"_s;
        case QJsonValue::Array:
            return u"an array"_s;
        case QJsonValue::Object:
            return u"an object"_s;
        case QJsonValue::Undefined:
            break;
    }
    return u"missing"_s;
}

QString suggest(const QString& name, const QStringList& candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString& candidate : candidates) {
        const int distance = editDistance(name, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    // A third of the name may be wrong (at least one character): "autth", "tokenURL", "retries".
    const int allowed = std::max<int>(1, int(name.size() / 3));
    return bestDistance <= allowed ? best : QString();
}

QString jsonErrorPosition(const QByteArray& json, qsizetype offset)
{
    // Qt reports the offset just past the character it choked on, after any whitespace it
    // skipped: step back onto that character so the column points at the mistake itself.
    qsizetype position = std::clamp<qsizetype>(offset - 1, 0, json.size());
    while (position > 0 && position <= json.size()
           && (position == json.size() || QChar::isSpace(uchar(json[position])))) {
        --position;
    }
    const QByteArray before = json.left(position);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = position - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

Result<QJsonObject> parseObject(const QByteArray& json, const QString& fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(
            u"invalid JSON at %1: %2"_s.arg(jsonErrorPosition(json, parseError.offset), parseError.errorString()),
            {},
            fileName);
    }
    if (!document.isObject()) {
        return Error(u"the file must hold one JSON object ({ ... }), not %1"_s.arg(
                         document.isArray() ? u"an array"_s : u"a plain value"_s),
                     {},
                     fileName);
    }
    return document.object();
}

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(u"cannot read the file: %1"_s.arg(file.errorString()), {}, path);
    }
    return file.readAll();
}

Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error(u"cannot write the file: %1"_s.arg(file.errorString()), {}, path);
    }
    return {};
}

QByteArray toIndentedJson(const QJsonObject& object, const QStringList& keyOrder)
{
    QByteArray out;
    writeValue(out, object, keyOrder, 0);
    return out + '\n';
}

std::optional<QUrl> parseHttpUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return std::nullopt;
    }
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s) {
        return std::nullopt;
    }
    return url;
}

// ---- Reader / Object ----

void Reader::fail(const QString& path, const QString& message)
{
    if (!m_error) {
        m_error = Error(message, path, m_file);
    }
}

std::optional<Object> Reader::object(const QJsonValue& value, const QString& path)
{
    if (failed()) {
        return std::nullopt;
    }
    if (!value.isObject()) {
        fail(path, u"must be an object ({ ... }), not %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    return Object(*this, value.toObject(), path);
}

Object::Object(Reader& reader, QJsonObject object, QString path)
    : m_reader(reader)
    , m_object(std::move(object))
    , m_path(std::move(path))
{ }

bool Object::has(const QString& key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

bool Object::failed() const
{
    return m_reader.failed();
}

void Object::fail(const QString& key, const QString& message)
{
    m_reader.fail(key.isEmpty() ? m_path : path(key), message);
}

void Object::failAt(const QString& fullPath, const QString& message)
{
    m_reader.fail(fullPath, message);
}

bool Object::allowKeys(const QStringList& allowed)
{
    if (failed()) {
        return false;
    }
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(it.key(),
                 u"unknown key \"%1\"%2; allowed keys here: %3"_s.arg(
                     it.key(), didYouMean(it.key(), allowed), allowed.join(u", "_s)));
            return false;
        }
    }
    return true;
}

bool Object::require(const QString& key, const QString& hint)
{
    if (failed()) {
        return false;
    }
    if (!has(key)) {
        fail(key, hint.isEmpty() ? u"is required"_s : u"is required "_s + hint);
        return false;
    }
    return true;
}

void Object::string(const QString& key, QString& out)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(key, u"must be a string, not %1"_s.arg(typeName(value)));
        return;
    }
    out = value.toString();
}

void Object::nonEmptyString(const QString& key, QString& out)
{
    QString text;
    string(key, text);
    if (!failed() && has(key) && text.isEmpty()) {
        fail(key, u"must not be empty (leave the key out instead)"_s);
        return;
    }
    if (has(key)) {
        out = text;
    }
}

void Object::boolean(const QString& key, bool& out)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        fail(key, u"must be true or false, not %1"_s.arg(typeName(value)));
        return;
    }
    out = value.toBool();
}

void Object::integer(const QString& key, qint64& out, qint64 min, qint64 max)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble()) {
        fail(key, u"must be a whole number, not %1"_s.arg(typeName(value)));
        return;
    }
    const double number = value.toDouble();
    // 2^53: beyond it doubles skip integers, so such a value cannot have been meant exactly.
    if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0) {
        fail(key, u"must be a whole number, not %1"_s.arg(number));
        return;
    }
    const auto whole = qint64(number);
    if (whole < min) {
        fail(key, u"must be at least %1, not %2"_s.arg(min).arg(whole));
        return;
    }
    if (whole > max) {
        fail(key, u"must be at most %1, not %2"_s.arg(max).arg(whole));
        return;
    }
    out = whole;
}

void Object::integer(const QString& key, int& out, qint64 min, qint64 max)
{
    qint64 wide = out;
    integer(key, wide, min, std::min<qint64>(max, std::numeric_limits<int>::max()));
    out = int(wide);
}

void Object::number(const QString& key, double& out, double min, double max)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble()) {
        fail(key, u"must be a number, not %1"_s.arg(typeName(value)));
        return;
    }
    const double number = value.toDouble();
    if (number < min) {
        fail(key, u"must be at least %1, not %2"_s.arg(min).arg(number));
        return;
    }
    if (number > max) {
        fail(key, u"must be at most %1, not %2"_s.arg(max).arg(number));
        return;
    }
    out = number;
}

void Object::oneOf(const QString& key, QString& out, const QStringList& allowed)
{
    QString text;
    string(key, text);
    if (failed() || !has(key)) {
        return;
    }
    if (!allowed.contains(text)) {
        fail(
            key,
            u"unknown value \"%1\"%2: must be one of %3"_s.arg(text, didYouMean(text, allowed), allowed.join(u", "_s)));
        return;
    }
    out = text;
}

void Object::httpUrl(const QString& key, QUrl& out)
{
    QString text;
    string(key, text);
    if (failed() || !has(key)) {
        return;
    }
    const auto url = parseHttpUrl(text);
    if (!url) {
        fail(key,
             u"must be an absolute http or https URL, such as https://hooks.example.com/webhook, not \"%1\""_s.arg(
                 text));
        return;
    }
    out = *url;
}

void Object::httpUrl(const QString& key, QString& out)
{
    QUrl url;
    httpUrl(key, url);
    if (!failed() && has(key)) {
        out = m_object.value(key).toString();
    }
}

void Object::headerName(const QString& key, QString& out)
{
    QString text;
    string(key, text);
    if (failed() || !has(key)) {
        return;
    }
    const auto valid = Headers::validate(text.toUtf8(), QByteArray(), path(key));
    if (!valid) {
        m_reader.fail(path(key), valid.error().message);
        return;
    }
    out = text;
}

void Object::headerValue(const QString& key, QString& out)
{
    QString text;
    string(key, text);
    if (failed() || !has(key)) {
        return;
    }
    const auto valid = Headers::validate(QByteArrayLiteral("X"), text.toUtf8(), path(key));
    if (!valid) {
        m_reader.fail(path(key), valid.error().message);
        return;
    }
    out = text;
}

void Object::stringList(const QString& key, QStringList& out)
{
    const auto list = array(key);
    if (!list) {
        return;
    }
    QStringList strings;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonValue item = list->at(i);
        if (!item.isString()) {
            m_reader.fail(indexPath(path(key), i), u"must be a string, not %1"_s.arg(typeName(item)));
            return;
        }
        strings += item.toString();
    }
    out = strings;
}

void Object::jsonObject(const QString& key, QJsonObject& out)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, u"must be an object ({ ... }), not %1"_s.arg(typeName(value)));
        return;
    }
    out = value.toObject();
}

void Object::pairs(const QString& key, QList<QPair<QString, QString>>& out, bool asHeaders)
{
    if (failed() || !has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    const QString where = path(key);
    QList<QPair<QString, QString>> result;
    const auto add = [&](const QString& name, const QJsonValue& item, const QString& itemPath) {
        if (!item.isString()) {
            m_reader.fail(itemPath, u"must be a string, not %1"_s.arg(typeName(item)));
            return false;
        }
        if (asHeaders) {
            const auto valid = Headers::validate(name.toUtf8(), item.toString().toUtf8(), itemPath);
            if (!valid) {
                m_reader.fail(itemPath, valid.error().message);
                return false;
            }
        }
        result.append({name, item.toString()});
        return true;
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!add(it.key(), it.value(), childPath(where, it.key()))) {
                return;
            }
        }
    } else if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonArray pair = list.at(i).toArray();
            if (!list.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString()) {
                m_reader.fail(indexPath(where, i), u"must be a [\"name\", \"value\"] pair"_s);
                return;
            }
            if (!add(pair.at(0).toString(), pair.at(1), indexPath(where, i))) {
                return;
            }
        }
    } else {
        fail(key,
             u"must be an object of names to values ({\"X-Name\": \"value\"}) or a list of [name, value] pairs,"
             " not %1"_s.arg(typeName(value)));
        return;
    }
    out = result;
}

std::optional<Object> Object::object(const QString& key)
{
    if (failed() || !has(key)) {
        return std::nullopt;
    }
    return m_reader.object(m_object.value(key), path(key));
}

std::optional<QJsonArray> Object::array(const QString& key)
{
    if (failed() || !has(key)) {
        return std::nullopt;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, u"must be a list ([ ... ]), not %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    return value.toArray();
}

void requireFormat(Object& root,
                   const QString& expected,
                   const QString& kind,
                   const QString& otherPrefix,
                   const QString& otherKind)
{
    QString format;
    root.require(u"format"_s, u"and must be \""_s + expected + u"\" for "_s + kind);
    root.string(u"format"_s, format);
    if (!root.failed() && format != expected) {
        root.fail(u"format"_s,
                  u"must be \"%1\", not \"%2\"%3"_s.arg(
                      expected,
                      format,
                      format.startsWith(otherPrefix) ? u" (this is %1, not %2)"_s.arg(otherKind, kind) : QString()));
    }
}

QJsonValue pairsToJson(const QList<QPair<QString, QString>>& pairs)
{
    QJsonObject object;
    QStringList names;
    for (const auto& [name, value] : pairs) {
        object.insert(name, value);
        names += name;
    }
    if (object.keys() == names) {
        return object;
    }
    QJsonArray list;
    for (const auto& [name, value] : pairs) {
        list.append(QJsonArray {name, value});
    }
    return list;
}

// ---- auth (docs/profile-format.md "auth" to "oauth2AuthorizationCode") ----

namespace {

struct AuthTypeInfo
{
    AuthType type;
    QString name;
};

const QList<AuthTypeInfo>& authTypes()
{
    static const QList<AuthTypeInfo> types {
        {AuthType::None, u"none"_s},
        {AuthType::Basic, u"basic"_s},
        {AuthType::Bearer, u"bearer"_s},
        {AuthType::ApiKey, u"apiKey"_s},
        {AuthType::Header, u"header"_s},
        {AuthType::OAuth2ClientCredentials, u"oauth2ClientCredentials"_s},
        {AuthType::OAuth2AuthorizationCode, u"oauth2AuthorizationCode"_s},
        {AuthType::OAuth2, u"oauth2"_s},
    };
    return types;
}

QStringList authTypeNames(AuthUse use)
{
    QStringList names;
    for (const auto& info : authTypes()) {
        const bool oauthClient =
            info.type == AuthType::OAuth2ClientCredentials || info.type == AuthType::OAuth2AuthorizationCode;
        if (use == AuthUse::Send ? info.type == AuthType::OAuth2 : oauthClient) {
            continue;
        }
        names += info.name;
    }
    return names;
}

QStringList authKeys(AuthType type)
{
    switch (type) {
        case AuthType::None:
        case AuthType::OAuth2:
            return {u"type"_s};
        case AuthType::Basic:
            return {u"type"_s, u"username"_s, u"password"_s, u"headerName"_s};
        case AuthType::Bearer:
            return {u"type"_s, u"token"_s, u"headerName"_s};
        case AuthType::ApiKey:
            return {u"type"_s, u"headerName"_s, u"value"_s, u"prefix"_s};
        case AuthType::Header:
            return {u"type"_s, u"headerName"_s, u"value"_s};
        case AuthType::OAuth2ClientCredentials:
            return {u"type"_s,
                    u"tokenUrl"_s,
                    u"authServerUrl"_s,
                    u"tokenPath"_s,
                    u"clientId"_s,
                    u"clientSecret"_s,
                    u"clientAuth"_s,
                    u"privateKey"_s,
                    u"alg"_s,
                    u"assertionAudience"_s,
                    u"scope"_s,
                    u"audience"_s,
                    u"resource"_s,
                    u"extraParams"_s,
                    u"headerName"_s};
        case AuthType::OAuth2AuthorizationCode:
            return {u"type"_s,
                    u"authUrl"_s,
                    u"tokenUrl"_s,
                    u"clientId"_s,
                    u"clientSecret"_s,
                    u"scope"_s,
                    u"redirectUri"_s,
                    u"clientAuth"_s,
                    u"pkce"_s,
                    u"headerName"_s};
    }
    return {};
}

} // namespace

QString authTypeName(AuthType type)
{
    for (const auto& info : authTypes()) {
        if (info.type == type) {
            return info.name;
        }
    }
    return {};
}

AuthConfig readAuth(Reader& reader, const QJsonValue& value, const QString& path, AuthUse use)
{
    AuthConfig auth;
    if (value.isUndefined() || value.isNull()) {
        return auth;
    }
    auto object = reader.object(value, path);
    if (!object) {
        return auth;
    }
    const QStringList typeNames = authTypeNames(use);
    QString typeText;
    if (!object->require(u"type"_s, u"(one of "_s + typeNames.join(u", "_s) + u')')) {
        return auth;
    }
    const QString given = object->json().value(u"type"_s).toString();
    if (use == AuthUse::Verify && given.startsWith(u"oauth2"_s) && given != u"oauth2"_s) {
        object->fail(
            u"type"_s,
            u"a receiver checks bearer tokens its own tokenEndpoint issued: use \"oauth2\" instead of \"%1\""_s.arg(
                given));
        return auth;
    }
    object->oneOf(u"type"_s, typeText, typeNames);
    if (object->failed()) {
        return auth;
    }
    for (const auto& info : authTypes()) {
        if (info.name == typeText) {
            auth.type = info.type;
        }
    }
    if (!object->allowKeys(authKeys(auth.type))) {
        return auth;
    }

    const QString forType = u"for "_s + typeText + u" auth"_s;
    object->headerName(u"headerName"_s, auth.headerName);
    switch (auth.type) {
        case AuthType::None:
        case AuthType::OAuth2:
            break;
        case AuthType::Basic:
            object->require(u"username"_s, forType);
            object->string(u"username"_s, auth.username);
            object->string(u"password"_s, auth.password);
            if (!object->failed() && auth.username.contains(u':')) {
                object->fail(u"username"_s, u"must not contain ':' (Basic auth separates user and password with it)"_s);
            }
            break;
        case AuthType::Bearer:
            object->require(u"token"_s, forType);
            object->nonEmptyString(u"token"_s, auth.token);
            break;
        case AuthType::ApiKey:
            object->require(u"headerName"_s, u"for apiKey auth (the header the key goes into, such as X-Api-Key)"_s);
            object->require(u"value"_s, forType);
            object->nonEmptyString(u"value"_s, auth.value);
            object->headerValue(u"prefix"_s, auth.prefix);
            break;
        case AuthType::Header:
            object->require(u"value"_s, forType);
            object->string(u"value"_s, auth.value);
            break;
        case AuthType::OAuth2ClientCredentials: {
            if (!object->has(u"tokenUrl"_s) && !object->has(u"authServerUrl"_s)) {
                object->fail(u"tokenUrl"_s,
                             u"is required for oauth2ClientCredentials auth (or authServerUrl plus tokenPath)"_s);
            }
            object->httpUrl(u"tokenUrl"_s, auth.tokenUrl);
            object->httpUrl(u"authServerUrl"_s, auth.authServerUrl);
            object->string(u"tokenPath"_s, auth.tokenPath);
            if (!object->failed() && object->has(u"tokenPath"_s) && !auth.tokenPath.startsWith(u'/')) {
                object->fail(u"tokenPath"_s, u"must start with '/', such as /oauth2/token"_s);
            }
            if (!object->failed() && object->has(u"tokenPath"_s) && object->has(u"tokenUrl"_s)) {
                object->fail(u"tokenPath"_s, u"is used only with authServerUrl; tokenUrl is already the full URL"_s);
            }
            object->require(u"clientId"_s, forType);
            object->nonEmptyString(u"clientId"_s, auth.clientId);
            object->oneOf(u"clientAuth"_s,
                          auth.clientAuth,
                          {u"basic"_s, u"post"_s, u"jwt"_s, u"privateKeyJwt"_s, u"tlsClientAuth"_s});
            if (auth.clientAuth == u"privateKeyJwt"_s) {
                object->require(u"privateKey"_s, u"for clientAuth privateKeyJwt (a PEM private key reference)"_s);
            } else if (auth.clientAuth != u"tlsClientAuth"_s) {
                object->require(u"clientSecret"_s,
                                u"for clientAuth "_s + (auth.clientAuth.isEmpty() ? u"basic"_s : auth.clientAuth)
                                    + u" (or set clientAuth to privateKeyJwt or tlsClientAuth)"_s);
            }
            object->string(u"clientSecret"_s, auth.clientSecret);
            object->string(u"privateKey"_s, auth.privateKey);
            object->oneOf(u"alg"_s, auth.alg, {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s});
            if (!object->failed() && object->has(u"alg"_s) && auth.clientAuth != u"privateKeyJwt"_s) {
                object->fail(u"alg"_s, u"is used only with clientAuth privateKeyJwt"_s);
            }
            object->nonEmptyString(u"assertionAudience"_s, auth.assertionAudience);
            object->string(u"scope"_s, auth.scope);
            object->string(u"audience"_s, auth.audience);
            object->string(u"resource"_s, auth.resource);
            object->pairs(u"extraParams"_s, auth.extraParams, false);
            break;
        }
        case AuthType::OAuth2AuthorizationCode:
            object->require(u"authUrl"_s, forType);
            object->httpUrl(u"authUrl"_s, auth.authUrl);
            object->require(u"tokenUrl"_s, forType);
            object->httpUrl(u"tokenUrl"_s, auth.tokenUrl);
            object->require(u"clientId"_s, forType);
            object->nonEmptyString(u"clientId"_s, auth.clientId);
            object->string(u"clientSecret"_s, auth.clientSecret);
            object->string(u"scope"_s, auth.scope);
            object->httpUrl(u"redirectUri"_s, auth.redirectUri);
            object->oneOf(u"clientAuth"_s, auth.clientAuth, {u"basic"_s, u"post"_s});
            object->boolean(u"pkce"_s, auth.pkce);
            break;
    }
    return auth;
}

QJsonObject authToJson(const AuthConfig& auth)
{
    QJsonObject out;
    out.insert(u"type"_s, authTypeName(auth.type));
    const auto put = [&out](const QString& key, const QString& value) {
        if (!value.isEmpty()) {
            out.insert(key, value);
        }
    };
    put(u"headerName"_s, auth.headerName);
    switch (auth.type) {
        case AuthType::None:
        case AuthType::OAuth2:
            out.remove(u"headerName"_s);
            break;
        case AuthType::Basic:
            put(u"username"_s, auth.username);
            put(u"password"_s, auth.password);
            break;
        case AuthType::Bearer:
            put(u"token"_s, auth.token);
            break;
        case AuthType::ApiKey:
            put(u"value"_s, auth.value);
            put(u"prefix"_s, auth.prefix);
            break;
        case AuthType::Header:
            // An empty value is legal here (a header sent with no value) and must survive.
            out.insert(u"value"_s, auth.value);
            break;
        case AuthType::OAuth2ClientCredentials:
            put(u"tokenUrl"_s, auth.tokenUrl);
            put(u"authServerUrl"_s, auth.authServerUrl);
            put(u"tokenPath"_s, auth.tokenPath);
            put(u"clientId"_s, auth.clientId);
            put(u"clientSecret"_s, auth.clientSecret);
            put(u"clientAuth"_s, auth.clientAuth);
            put(u"privateKey"_s, auth.privateKey);
            put(u"alg"_s, auth.alg);
            put(u"assertionAudience"_s, auth.assertionAudience);
            put(u"scope"_s, auth.scope);
            put(u"audience"_s, auth.audience);
            put(u"resource"_s, auth.resource);
            if (!auth.extraParams.isEmpty()) {
                out.insert(u"extraParams"_s, pairsToJson(auth.extraParams));
            }
            break;
        case AuthType::OAuth2AuthorizationCode:
            put(u"authUrl"_s, auth.authUrl);
            put(u"tokenUrl"_s, auth.tokenUrl);
            put(u"clientId"_s, auth.clientId);
            put(u"clientSecret"_s, auth.clientSecret);
            put(u"scope"_s, auth.scope);
            put(u"redirectUri"_s, auth.redirectUri);
            put(u"clientAuth"_s, auth.clientAuth);
            if (!auth.pkce) {
                out.insert(u"pkce"_s, false);
            }
            break;
    }
    return out;
}

void addSecretRef(QStringList& out, const QString& reference)
{
    if (!reference.isEmpty()) {
        out += reference;
    }
}

void addAuthSecretRefs(const AuthConfig& auth, QStringList& out)
{
    switch (auth.type) {
        case AuthType::None:
        case AuthType::OAuth2:
            break;
        case AuthType::Basic:
            addSecretRef(out, auth.password);
            break;
        case AuthType::Bearer:
            addSecretRef(out, auth.token);
            break;
        case AuthType::ApiKey:
        case AuthType::Header:
            addSecretRef(out, auth.value);
            break;
        case AuthType::OAuth2ClientCredentials:
        case AuthType::OAuth2AuthorizationCode:
            addSecretRef(out, auth.clientSecret);
            addSecretRef(out, auth.privateKey);
            break;
    }
}

} // namespace ModelJson

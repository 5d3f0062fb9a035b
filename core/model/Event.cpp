#include "Event.h"

#include "ModelJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

// RFC 3339 section 5.6: a full date, 'T', a full time with an optional fraction, and an offset
// that is required (ISO 8601 without one means local time, which a webhook cannot mean).
bool isRfc3339(const QString& text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch()) {
        return false;
    }
    // Qt checks the calendar (no February 30th, no hour 25); give it milliseconds only.
    const QString fraction = match.captured(3).isEmpty() ? QString() : match.captured(3).left(4);
    QString offset = match.captured(4).toUpper();
    const QString normalised = match.captured(1) + u'T' + match.captured(2) + fraction + offset;
    const QDateTime parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return false;
    }
    if (offset != u"Z"_s) {
        const int hours = offset.mid(1, 2).toInt();
        const int minutes = offset.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59) {
            return false;
        }
    }
    return true;
}

} // namespace

Event::Event(QJsonObject object)
    : m_object(std::move(object))
{ }

Result<Event> Event::fromJson(const QByteArray& json, const QString& fileName)
{
    const auto parsed = ModelJson::parseObject(json, fileName);
    if (!parsed) {
        return parsed.error();
    }
    ModelJson::Reader reader(fileName);
    ModelJson::Object root(reader, parsed.value(), {});
    QString text;
    for (const QString& key : {u"id"_s, u"type"_s, u"subject"_s, u"timestamp"_s}) {
        root.string(key, text);
    }
    const QJsonValue timestamp = parsed->value(u"timestamp"_s);
    if (!reader.failed() && timestamp.isString() && !isRfc3339(timestamp.toString())) {
        root.fail(u"timestamp"_s,
                  u"must be an RFC 3339 date and time with an offset, such as 2026-11-23T10:00:00Z, not \"%1\""_s.arg(
                      timestamp.toString()));
    }
    if (reader.failed()) {
        return reader.error();
    }
    return Event(parsed.value());
}

Result<Event> Event::load(const QString& path)
{
    const auto bytes = ModelJson::readFile(path);
    if (!bytes) {
        return bytes.error();
    }
    return fromJson(bytes.value(), path);
}

Result<Event> Event::make(const QString& type, const QByteArray& dataJson)
{
    if (type.trimmed().isEmpty()) {
        return Error(u"the event type is empty; give one such as invoice.paid"_s, u"type"_s);
    }
    // QJsonDocument parses only arrays and objects; wrapping lets `42` or `"text"` be data too.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson('[' + dataJson + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        if (parseError.error == QJsonParseError::NoError) {
            const QString why = document.array().isEmpty() ? u"there is no value"_s
                                                           : u"it holds more than one value; wrap them in [ ]"_s;
            return Error(u"is not one JSON value: "_s + why, u"data"_s);
        }
        // The offset counts the '[' we added.
        return Error(u"is not valid JSON: at %1: %2"_s.arg(
                         ModelJson::jsonErrorPosition(dataJson, parseError.offset - 1), parseError.errorString()),
                     u"data"_s);
    }
    QJsonObject object;
    object.insert(u"type"_s, type);
    object.insert(u"data"_s, document.array().at(0));
    return Event(object);
}

QString Event::id() const
{
    return m_object.value(u"id"_s).toString();
}

QString Event::type() const
{
    return m_object.value(u"type"_s).toString();
}

QString Event::subject() const
{
    return m_object.value(u"subject"_s).toString();
}

QString Event::timestamp() const
{
    return m_object.value(u"timestamp"_s).toString();
}

QJsonValue Event::data() const
{
    return m_object.value(u"data"_s);
}

void Event::fillDefaults(const QDateTime& nowUtc)
{
    if (id().isEmpty()) {
        m_object.insert(u"id"_s, newId());
    }
    if (timestamp().isEmpty()) {
        m_object.insert(u"timestamp"_s, nowUtc.toUTC().toString(Qt::ISODateWithMs));
    }
}

Event Event::withFreshId() const
{
    Event copy = *this;
    copy.m_object.insert(u"id"_s, newId());
    return copy;
}

QString Event::newId()
{
    static constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static constexpr int AlphabetSize = sizeof(Alphabet) - 1;
    QString id = u"evt_"_s;
    id.reserve(4 + 24);
    for (int i = 0; i < 24; ++i) {
        // bounded() rejects out-of-range draws, so every character is equally likely.
        id += QLatin1Char(Alphabet[QRandomGenerator::system()->bounded(AlphabetSize)]);
    }
    return id;
}

QByteArray Event::toCompactJson() const
{
    return QJsonDocument(m_object).toJson(QJsonDocument::Compact);
}

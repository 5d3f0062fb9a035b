#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// A webhook event (docs/event-format.md): an envelope with id, type, subject, timestamp and data.
// Keys beyond those are kept as they are, so the body sent is what the user wrote.
class Event final
{
public:
    Event() = default;
    explicit Event(QJsonObject object);

    static Result<Event> fromJson(const QByteArray& json, const QString& fileName = {});
    static Result<Event> load(const QString& path);
    // `send --type T --data JSON`: `data` must be valid JSON (any value); the error says where it broke.
    static Result<Event> make(const QString& type, const QByteArray& dataJson);

    QString id() const;
    QString type() const;
    QString subject() const;
    QString timestamp() const;
    QJsonValue data() const;
    const QJsonObject& object() const { return m_object; }

    // Fills a missing id ("evt_" + 24 random base62 characters) and a missing timestamp
    // (now, UTC, RFC 3339 with milliseconds); values already there are kept.
    void fillDefaults(const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());
    // A copy with a new unique id (for send --repeat).
    Event withFreshId() const;
    static QString newId();

    // The body that goes on the wire: compact JSON.
    QByteArray toCompactJson() const;

    bool operator==(const Event& other) const { return m_object == other.m_object; }

private:
    QJsonObject m_object;
};

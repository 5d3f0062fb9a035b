#pragma once

#include "model/Event.h"
#include "util/Result.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

// The event to send: a template picker (the shipped samples and the user's saved events), a
// JSON editor with highlighting and errors given by line and column, and placeholders
// ({{uuid}}, {{now}}, {{timestamp}}) that are expanded at send time.
class EventComposer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventComposer)

public:
    // `userEventsDir`: where the user's own events are saved (one JSON file each).
    explicit EventComposer(const QString& userEventsDir, QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    // The event as it would be sent at `now`: placeholders expanded, missing id/timestamp filled.
    Result<Event> composeEvent(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    // The error of the current text ("line 3, column 5: ..."), empty when it is valid.
    QString validationError() const;

    void reloadTemplates();
    // Saves the current text under `name` in the user's events; returns the file path.
    Result<QString> saveUserEvent(const QString& name);
    QString userEventsDir() const { return m_userEventsDir; }
    // Loads a template by file path (a resource path ":/events/..." or a user event file).
    bool loadTemplate(const QString& path);

    // {{uuid}}: a fresh UUID each time it appears; {{now}}: RFC 3339 UTC with milliseconds;
    // {{timestamp}}: unix seconds. Unknown placeholders are left as they are.
    static QString expandPlaceholders(const QString& text, const QDateTime& now);

signals:
    void eventChanged();

private:
    void validate();

    QString m_userEventsDir;
    QComboBox* m_templates;
    QPlainTextEdit* m_editor;
    QLabel* m_error;
    QTimer* m_validateTimer;
    QString m_validationError;
};

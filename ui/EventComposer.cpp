#include "EventComposer.h"

#include "JsonHighlighter.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

// The samples are compiled into hookbench_ui, a static library: their resource must be
// registered by hand (outside any namespace, as Q_INIT_RESOURCE requires).
static void initSampleEvents()
{
    Q_INIT_RESOURCE(events);
}

namespace {
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*(uuid|now|timestamp)\\s*\\}\\}"));
    return pattern;
}

// For checking the text as typed: each placeholder becomes as many '1's as it is long, valid
// inside a string and as a bare number, so errors keep their exact line and column.
QString standIns(const QString& text)
{
    QString out = text;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.replace(m.capturedStart(), m.capturedLength(), QString(m.capturedLength(), QLatin1Char('1')));
    }
    return out;
}
} // namespace

EventComposer::EventComposer(const QString& userEventsDir, QWidget* parent)
    : QWidget(parent)
    , m_userEventsDir(userEventsDir)
    , m_templates(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_validateTimer(new QTimer(this))
{
    initSampleEvents();
    m_templates->setObjectName(QStringLiteral("templateComboBox"));
    m_editor->setObjectName(QStringLiteral("eventPlainTextEdit"));
    m_error->setObjectName(QStringLiteral("eventErrorLabel"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    new JsonHighlighter(m_editor->document());
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setForegroundRole(QPalette::PlaceholderText);

    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Template:"), this);
    label->setBuddy(m_templates);
    top->addWidget(label);
    top->addWidget(m_templates, 1);
    auto* help = new QLabel(tr("Placeholders: {{uuid}}, {{now}}, {{timestamp}}, filled in at send time"), this);
    help->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_error);
    layout->addWidget(help);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, [this] { validate(); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_validateTimer->start();
        emit eventChanged();
    });
    connect(m_templates, &QComboBox::activated, this, [this](int index) {
        const QString path = m_templates->itemData(index).toString();
        if (!path.isEmpty()) {
            loadTemplate(path);
        }
    });

    reloadTemplates();
    if (m_templates->count() > 1) {
        loadTemplate(m_templates->itemData(1).toString());
        m_templates->setCurrentIndex(1);
    }
}

void EventComposer::reloadTemplates()
{
    m_templates->clear();
    m_templates->addItem(tr("Choose a template…"));
    const QDir samples(QStringLiteral(":/events"));
    for (const QString& name : samples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        m_templates->addItem(tr("Sample: %1").arg(name.chopped(5)), samples.filePath(name));
    }
    const QDir mine(m_userEventsDir);
    for (const QString& name : mine.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        m_templates->addItem(tr("Mine: %1").arg(name.chopped(5)), mine.filePath(name));
    }
}

bool EventComposer::loadTemplate(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error->setText(tr("Cannot read the template %1: %2").arg(path, file.errorString()));
        return false;
    }
    setText(QString::fromUtf8(file.readAll()));
    return true;
}

QString EventComposer::text() const
{
    return m_editor->toPlainText();
}

void EventComposer::setText(const QString& text)
{
    m_editor->setPlainText(text);
    validate();
}

QString EventComposer::expandPlaceholders(const QString& text, const QDateTime& now)
{
    QString out;
    qsizetype last = 0;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("uuid")) {
            out += QUuid::createUuid().toString(QUuid::WithoutBraces);
        } else if (name == QLatin1String("now")) {
            out += now.toUTC().toString(Qt::ISODateWithMs);
        } else {
            out += QString::number(now.toSecsSinceEpoch());
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

Result<Event> EventComposer::composeEvent(const QDateTime& now) const
{
    auto event = Event::fromJson(expandPlaceholders(text(), now).toUtf8());
    if (!event) {
        return event.error();
    }
    Event filled = std::move(event).value();
    filled.fillDefaults(now);
    return filled;
}

QString EventComposer::validationError() const
{
    return m_validationError;
}

void EventComposer::validate()
{
    m_validateTimer->stop();
    const auto parsed = Event::fromJson(standIns(text()).toUtf8());
    m_validationError = parsed ? QString() : parsed.error().toString();
    m_error->setText(m_validationError.isEmpty() ? tr("Valid JSON event") : tr("⚠ %1").arg(m_validationError));
    m_error->setForegroundRole(m_validationError.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
}

Result<QString> EventComposer::saveUserEvent(const QString& name)
{
    if (!m_validationError.isEmpty()) {
        return Error(tr("the event is not valid JSON (%1); fix it before saving").arg(m_validationError));
    }
    QString safe = name.trimmed();
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    if (safe.isEmpty()) {
        return Error(tr("the event name is empty; give it a name such as order.created"));
    }
    QDir().mkpath(m_userEventsDir);
    const QString path = QDir(m_userEventsDir).filePath(safe + QStringLiteral(".json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return Error(tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    file.write(text().toUtf8());
    reloadTemplates();
    return path;
}

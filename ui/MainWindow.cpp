#include "MainWindow.h"

#include "auth/AuthorizationCodeFlow.h"

#include "CheckEndpointDialog.h"
#include "EndpointEditor.h"
#include "EventComposer.h"
#include "FirstRunDemo.h"
#include "HistoryModel.h"
#include "ReceivedModel.h"
#include "ReceiverLibrary.h"
#include "ReceiverPanel.h"
#include "TraceInspector.h"

#include "conformance/ConformanceRunner.h"
#include "history/HistoryStore.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;
enum ItemKind
{
    EndpointItem = 1,
    EventItem = 2,
    ReceiverItem = 3,
};
constexpr int ReceiverPage = 3;

// Undoable changes to the endpoint list. Each keeps what it needs to put things back,
// including the profile itself: a deleted endpoint's keychain entries stay, so undo restores it whole.
class AddEndpointCommand final : public QUndoCommand
{
public:
    AddEndpointCommand(MainWindow* window, EndpointEntry entry, int index, const QString& text)
        : QUndoCommand(text)
        , m_window(window)
        , m_entry(std::move(entry))
        , m_index(index)
    { }
    void redo() override
    {
        if (auto done = m_window->library()->insert(m_index, m_entry); done) {
            m_window->selectEndpoint(m_entry.id);
        }
    }
    void undo() override { (void)m_window->library()->remove(m_entry.id); }

private:
    MainWindow* m_window;
    EndpointEntry m_entry;
    int m_index;
};

class DeleteEndpointCommand final : public QUndoCommand
{
public:
    DeleteEndpointCommand(MainWindow* window, EndpointEntry entry, int index)
        : QUndoCommand(MainWindow::tr("Delete %1").arg(entry.profile.name))
        , m_window(window)
        , m_entry(std::move(entry))
        , m_index(index)
    { }
    void redo() override { (void)m_window->library()->remove(m_entry.id); }
    void undo() override
    {
        if (auto done = m_window->library()->insert(m_index, m_entry); done) {
            m_window->selectEndpoint(m_entry.id);
        }
    }

private:
    MainWindow* m_window;
    EndpointEntry m_entry;
    int m_index;
};

class RenameEndpointCommand final : public QUndoCommand
{
public:
    RenameEndpointCommand(MainWindow* window, QString id, QString from, QString to)
        : QUndoCommand(MainWindow::tr("Rename %1 to %2").arg(from, to))
        , m_window(window)
        , m_id(std::move(id))
        , m_from(std::move(from))
        , m_to(std::move(to))
    { }
    void redo() override { apply(m_to); }
    void undo() override { apply(m_from); }

private:
    void apply(const QString& name)
    {
        EndpointLibrary* library = m_window->library();
        const int index = library->indexOf(m_id);
        if (index < 0) {
            return;
        }
        EndpointEntry entry = library->entries().at(index);
        entry.profile.name = name;
        (void)library->insert(index, entry);
        m_window->selectEndpoint(m_id);
    }

    MainWindow* m_window;
    QString m_id;
    QString m_from;
    QString m_to;
};

class MoveEndpointCommand final : public QUndoCommand
{
public:
    MoveEndpointCommand(MainWindow* window, QString id, int from, int to)
        : QUndoCommand(MainWindow::tr("Move endpoint"))
        , m_window(window)
        , m_id(std::move(id))
        , m_from(from)
        , m_to(to)
    { }
    void redo() override
    {
        (void)m_window->library()->move(m_from, m_to);
        m_window->selectEndpoint(m_id);
    }
    void undo() override
    {
        (void)m_window->library()->move(m_to, m_from);
        m_window->selectEndpoint(m_id);
    }

private:
    MainWindow* m_window;
    QString m_id;
    int m_from;
    int m_to;
};

class DeleteEventCommand final : public QUndoCommand
{
public:
    DeleteEventCommand(EventComposer* composer, QString path)
        : QUndoCommand(MainWindow::tr("Delete event"))
        , m_composer(composer)
        , m_path(std::move(path))
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly)) {
            m_content = file.readAll();
        }
    }
    void redo() override
    {
        QFile::remove(m_path);
        m_composer->reloadTemplates();
    }
    void undo() override
    {
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(m_content);
        }
        file.close();
        m_composer->reloadTemplates();
    }

private:
    EventComposer* m_composer;
    QString m_path;
    QByteArray m_content;
};

// Receiver profiles are files named after the receiver. A deleted one keeps its exact bytes (and
// its keychain entries stay), so undo writes the same file back.
class DeleteReceiverCommand final : public QUndoCommand
{
public:
    DeleteReceiverCommand(MainWindow* window, QString id, QByteArray content)
        : QUndoCommand(MainWindow::tr("Delete %1").arg(id))
        , m_window(window)
        , m_id(std::move(id))
        , m_content(std::move(content))
    { }
    void redo() override
    {
        m_window->receiverPanel()->receiverRemoved(m_id); // a running receiver stops first
        if (auto removed = m_window->receiverLibrary()->remove(m_id); !removed) {
            m_window->statusBar()->showMessage(removed.error().toString(), 10000);
        }
    }
    void undo() override
    {
        if (auto restored = m_window->receiverLibrary()->restore(m_id, m_content); !restored) {
            m_window->statusBar()->showMessage(restored.error().toString(), 10000);
            return;
        }
        m_window->selectReceiver(m_id);
    }

private:
    MainWindow* m_window;
    QString m_id;
    QByteArray m_content;
};

class RenameReceiverCommand final : public QUndoCommand
{
public:
    RenameReceiverCommand(MainWindow* window, QString from, QString to)
        : QUndoCommand(MainWindow::tr("Rename %1 to %2").arg(from, to))
        , m_window(window)
        , m_from(std::move(from))
        , m_to(std::move(to))
    { }
    void redo() override { apply(m_from, m_to); }
    void undo() override { apply(m_to, m_from); }

private:
    void apply(const QString& from, const QString& to)
    {
        if (auto renamed = m_window->receiverLibrary()->rename(from, to); !renamed) {
            m_window->statusBar()->showMessage(renamed.error().toString(), 10000);
            return;
        }
        m_window->receiverPanel()->receiverRenamed(from, to);
        m_window->selectReceiver(to);
    }

    MainWindow* m_window;
    QString m_from;
    QString m_to;
};

bool meansNoKeychain(const QString& message)
{
    return message.contains(QLatin1String("No keychain"), Qt::CaseInsensitive);
}
} // namespace

MainWindow::MainWindow(SecretStore* store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store ? store : new KeychainSecretStore(this))
    , m_engine(new DeliveryEngine(this))
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("HookBench"));
    const QString dataDir = HistoryStore::dataDir();
    m_library = new EndpointLibrary(QDir(dataDir).filePath(QStringLiteral("endpoints")), m_store, this);

    if (auto history = HistoryStore::open(); history) {
        m_history = std::move(history).value();
        m_engine->setHistory(m_history.get());
    } else {
        QTimer::singleShot(0, this, [this, message = history.error().toString()] {
            showProblem(tr("The history is not available: %1").arg(message));
        });
    }
    connect(m_engine, &DeliveryEngine::historyError, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Could not write to the history: %1").arg(message), 8000);
    });

    m_editor = new EndpointEditor(m_store, this);
    m_editor->setObjectName(QStringLiteral("endpointEditor"));
    m_editor->setEngine(m_engine);
    // Authorization-code endpoints send with the refresh token Sign in stored, in the same store.
    m_engine->setSecretStore(m_store);
    m_engine->authorizationCode()->setSignInHint(tr("press Sign in on the endpoint's Authentication tab"));
    m_composer = new EventComposer(QDir(dataDir).filePath(QStringLiteral("events")), this);
    m_composer->setObjectName(QStringLiteral("eventComposer"));
    m_inspector = new TraceInspector(this);
    m_inspector->setObjectName(QStringLiteral("traceInspector"));
    m_historyModel = new HistoryModel(m_history.get(), this);
    m_receivers = new ReceiverLibrary(QDir(dataDir).filePath(QStringLiteral("receivers")), m_store, this);
    m_receiverPanel = new ReceiverPanel(m_receivers, m_store, this);
    m_receiverPanel->setObjectName(QStringLiteral("receiverPanel"));
    connect(m_receiverPanel, &ReceiverPanel::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 6000);
    });
    connect(m_receiverPanel, &ReceiverPanel::replayRequested, this, [this](const ReceivedRecord& record) {
        chooseReplayTarget(record);
    });
    connect(m_receiverPanel, &ReceiverPanel::runningChanged, this, [this] { updateActions(); });
    connect(m_receiverPanel, &ReceiverPanel::processed, this, [this](const ReceivedRecord& record) {
        if (record.verdict == QLatin1String("token")) {
            return;
        }
        // The other side of a send, in one line: what the receiver made of it.
        QString why;
        for (const auto& value : record.checks) {
            const QJsonObject check = value.toObject();
            if (!check.value(QLatin1String("ok")).toBool() && !check.value(QLatin1String("informational")).toBool()) {
                why = tr(": %1 — %2")
                          .arg(check.value(QLatin1String("check")).toString(),
                               check.value(QLatin1String("detail")).toString());
                break;
            }
        }
        statusBar()->showMessage(tr("Receiver: %1 %2 %3 (%4)%5")
                                     .arg(record.method, record.path, record.verdict)
                                     .arg(ReceivedModel::checksSummary(record.checks), why),
                                 10000);
    });
    m_historyRefresh = new QTimer(this);
    m_historyRefresh->setSingleShot(true);
    m_historyRefresh->setInterval(250);
    connect(m_historyRefresh, &QTimer::timeout, m_historyModel, &HistoryModel::refresh);
    m_previewEventTimer = new QTimer(this);
    m_previewEventTimer->setSingleShot(true);
    m_previewEventTimer->setInterval(250);
    connect(m_previewEventTimer, &QTimer::timeout, this, [this] {
        auto event = m_composer->composeEvent();
        m_editor->setPreviewEvent(event ? std::optional<Event>(event.value()) : std::nullopt);
    });
    connect(m_composer, &EventComposer::eventChanged, m_previewEventTimer, qOverload<>(&QTimer::start));

    buildActions();
    buildLayout();

    connect(m_library, &EndpointLibrary::changed, this, [this] { rebuildTree(); });
    connect(m_receivers, &ReceiverLibrary::changed, this, [this] { rebuildTree(); });
    connect(m_editor, &EndpointEditor::edited, this, [this] {
        m_dirty = true;
        updateTitle();
    });
    connect(m_undo, &QUndoStack::indexChanged, this, [this] { updateActions(); });

    QStringList problems = m_library->load();
    problems += m_receivers->load();
    if (!problems.isEmpty()) {
        QTimer::singleShot(0, this, [this, problems] {
            showProblem(tr("Some endpoint files could not be read: %1").arg(problems.join(QStringLiteral("; "))));
        });
    }
    if (!m_library->entries().isEmpty()) {
        selectEndpoint(m_library->entries().first().id);
    }
    m_previewEventTimer->start();
    restoreSettings();
    updateFirstRun();
    updateActions();
    updateTitle();
    probeKeychain();
}

MainWindow::~MainWindow()
{
    // The engine writes into the history: stop it before the store goes.
    delete m_engine;
    m_engine = nullptr;
}

void MainWindow::buildActions()
{
    const auto make = [this](const QString& name, const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_newAction =
        make(QStringLiteral("newEndpointAction"), tr("&New endpoint"), QKeySequence::New, [this] { addEndpoint(); });
    m_duplicateAction =
        make(QStringLiteral("duplicateEndpointAction"), tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
            duplicateEndpoint();
        });
    m_renameAction = make(QStringLiteral("renameAction"), tr("Re&name"), QKeySequence(Qt::Key_F2), [this] {
        if (auto* item = m_tree->currentItem();
            item
            && (item->data(0, KindRole).toInt() == EndpointItem || item->data(0, KindRole).toInt() == ReceiverItem)) {
            m_tree->editItem(item);
        }
    });
    m_deleteAction =
        make(QStringLiteral("deleteAction"), tr("&Delete"), QKeySequence::Delete, [this] { deleteSelected(); });
    m_moveUpAction = make(QStringLiteral("moveUpAction"), tr("Move &up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] {
        moveEndpoint(-1);
    });
    m_moveDownAction =
        make(QStringLiteral("moveDownAction"), tr("Move do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] {
            moveEndpoint(1);
        });
    m_saveAction = make(
        QStringLiteral("saveEndpointAction"), tr("&Save endpoint"), QKeySequence::Save, [this] { saveEndpoint(); });
    m_importAction =
        make(QStringLiteral("importAction"), tr("&Import profile…"), QKeySequence::Open, [this] { importProfile(); });
    m_exportAction =
        make(QStringLiteral("exportAction"), tr("&Export profile…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
            exportProfile();
        });
    m_saveEventAction =
        make(QStringLiteral("saveEventAction"), tr("Save e&vent as…"), QKeySequence::SaveAs, [this] { saveEventAs(); });
    m_sendAction =
        make(QStringLiteral("sendAction"), tr("&Send"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { send(); });
    m_resendAction = make(QStringLiteral("resendAction"),
                          tr("&Resend"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                          [this] { resend(); });
    m_cancelAction = make(QStringLiteral("cancelAction"), tr("&Cancel pending retries"), QKeySequence::Cancel, [this] {
        cancelRetries();
    });
    m_curlAction = make(QStringLiteral("copyCurlAction"),
                        tr("Copy as c&url"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                        [this] { copyAsCurl(); });
    m_findAction = make(QStringLiteral("findAction"), tr("&Filter…"), QKeySequence::Find, [this] {
        if (m_tabs->currentIndex() == 2) {
            m_historyText->setFocus();
            m_historyText->selectAll();
        } else {
            m_filter->setFocus();
            m_filter->selectAll();
        }
    });
    m_refreshAction =
        make(QStringLiteral("refreshHistoryAction"), tr("Re&fresh history"), QKeySequence::Refresh, [this] {
            m_historyModel->refresh();
        });
    m_quitAction = make(QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    m_checkAction = make(QStringLiteral("checkEndpointAction"),
                         tr("Chec&k endpoint…"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                         [this] { checkEndpoint(); });
    m_tamperedAction = make(QStringLiteral("sendTamperedAction"),
                            tr("Send a &tampered one"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                            [this] { sendTampered(); });
    m_toggleReceiverAction = make(
        QStringLiteral("toggleReceiverAction"), tr("Start/stop &receiver"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
            showReceiverPage();
            m_receiverPanel->toggle();
        });
    m_addReceiverAction = make(QStringLiteral("addReceiverAction"),
                               tr("New recei&ver"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                               [this] { addReceiver(); });
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});

    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions(
        {m_newAction, m_addReceiverAction, m_saveAction, m_importAction, m_exportAction, m_saveEventAction});
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addActions({m_duplicateAction, m_renameAction, m_deleteAction, m_moveUpAction, m_moveDownAction});
    edit->addSeparator();
    edit->addAction(m_findAction);
    QMenu* delivery = menuBar()->addMenu(tr("&Delivery"));
    delivery->addActions({m_sendAction, m_resendAction, m_cancelAction, m_curlAction});
    delivery->addSeparator();
    delivery->addActions({m_checkAction, m_tamperedAction});
    QMenu* receiverMenu = menuBar()->addMenu(tr("Rece&iver"));
    receiverMenu->addActions({m_toggleReceiverAction, m_addReceiverAction});
    receiverMenu->addAction(tr("Set up the loopback &demo…"), this, [this] { setUpDemo(); });
    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList pages {tr("&Endpoint"), tr("E&vent"), tr("&History"), tr("Recei&ver")};
    for (int i = 0; i < pages.size(); ++i) {
        auto* action = view->addAction(pages.at(i));
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    view->addAction(m_refreshAction);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    m_saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_sendAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_resendAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    toolbar->addActions({m_newAction, m_saveAction});
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addSeparator();
    toolbar->addActions({m_sendAction, m_resendAction, m_cancelAction, m_curlAction});
    for (QAction* action : toolbar->actions()) {
        if (!action->shortcut().isEmpty()) {
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                             action->shortcut().toString(QKeySequence::NativeText)));
        }
    }
}

void MainWindow::buildLayout()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("keychainBannerLabel"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_firstRun = new QFrame(central);
    m_firstRun->setObjectName(QStringLiteral("firstRunBanner"));
    m_firstRun->setAutoFillBackground(true);
    m_firstRun->setBackgroundRole(QPalette::AlternateBase);
    auto* firstRunLayout = new QHBoxLayout(m_firstRun);
    m_firstRunText =
        new QLabel(tr("<b>New here?</b> Set up a loopback demo: a receiver on this machine and an endpoint "
                      "aimed at it, with Basic, HMAC, Standard Webhooks and OAuth client credentials, so "
                      "you can send one event and see it verified."),
                   m_firstRun);
    m_firstRunText->setObjectName(QStringLiteral("firstRunLabel"));
    m_firstRunText->setWordWrap(true);
    auto* demoButton = new QPushButton(tr("Set up the demo"), m_firstRun);
    demoButton->setObjectName(QStringLiteral("firstRunDemoButton"));
    connect(demoButton, &QPushButton::clicked, this, [this] { setUpDemo(); });
    auto* dismissButton = new QPushButton(tr("No, thanks"), m_firstRun);
    dismissButton->setObjectName(QStringLiteral("firstRunDismissButton"));
    connect(dismissButton, &QPushButton::clicked, this, [this] {
        m_firstRunDismissed = true;
        m_firstRun->hide();
    });
    firstRunLayout->addWidget(m_firstRunText, 1);
    firstRunLayout->addWidget(demoButton);
    firstRunLayout->addWidget(dismissButton);
    m_firstRun->hide();
    layout->addWidget(m_firstRun);

    auto* sidebar = new QWidget(central);
    auto* sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(sidebar);
    m_filter->setObjectName(QStringLiteral("sidebarFilterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter endpoints and events"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { applyTreeFilter(); });
    m_tree = new QTreeWidget(sidebar);
    m_tree->setObjectName(QStringLiteral("sidebarTreeWidget"));
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_endpointsRoot = new QTreeWidgetItem(m_tree, {tr("Endpoints")});
    m_eventsRoot = new QTreeWidgetItem(m_tree, {tr("Saved events")});
    m_receiversRoot = new QTreeWidgetItem(m_tree, {tr("Receivers")});
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(
        m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint& pos) { showEndpointMenu(pos); });
    for (QTreeWidgetItem* root : {m_endpointsRoot, m_eventsRoot, m_receiversRoot}) {
        root->setFlags(Qt::ItemIsEnabled);
        QFont bold = root->font(0);
        bold.setBold(true);
        root->setFont(0, bold);
        root->setExpanded(true);
    }
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { onTreeSelection(); });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_rebuilding) {
            return;
        }
        if (item->data(0, KindRole).toInt() == ReceiverItem) {
            // After the editor has closed: the rename rebuilds the tree, the edited item included.
            QMetaObject::invokeMethod(
                this,
                [this, id = item->data(0, IdRole).toString(), name = item->text(0).trimmed()] {
                    renameReceiver(id, name);
                },
                Qt::QueuedConnection);
        } else if (item->data(0, KindRole).toInt() == EndpointItem) {
            renameEndpoint(item->data(0, IdRole).toString(), item->text(0).trimmed());
        }
    });
    auto* addButton = new QPushButton(tr("Add endpoint"), sidebar);
    addButton->setObjectName(QStringLiteral("addEndpointButton"));
    connect(addButton, &QPushButton::clicked, this, [this] { addEndpoint(); });
    sideLayout->addWidget(m_filter);
    sideLayout->addWidget(m_tree, 1);
    sideLayout->addWidget(addButton);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("mainTabWidget"));
    auto* endpointPage = new QWidget;
    auto* endpointLayout = new QVBoxLayout(endpointPage);
    endpointLayout->setContentsMargins(0, 0, 0, 0);
    endpointLayout->addWidget(m_editor);
    auto* saveRow = new QHBoxLayout;
    auto* saveButton = new QPushButton(tr("Save endpoint"), endpointPage);
    saveButton->setObjectName(QStringLiteral("saveEndpointButton"));
    connect(saveButton, &QPushButton::clicked, this, [this] { saveEndpoint(); });
    auto* sendButton = new QPushButton(tr("Send event"), endpointPage);
    sendButton->setObjectName(QStringLiteral("sendButton"));
    sendButton->setDefault(true);
    connect(sendButton, &QPushButton::clicked, this, [this] { send(); });
    saveRow->addStretch();
    saveRow->addWidget(saveButton);
    saveRow->addWidget(sendButton);
    endpointLayout->addLayout(saveRow);
    m_tabs->addTab(endpointPage, tr("Endpoint"));
    m_tabs->addTab(m_composer, tr("Event"));
    m_tabs->addTab(buildHistoryPage(), tr("History"));
    m_tabs->addTab(m_receiverPanel, tr("Receiver"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 2) {
            // After the page is on screen: listing the event types reads the whole table.
            QTimer::singleShot(100, this, [this] { loadHistoryChoices(); });
        }
    });

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_inspector);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({220, 560, 460});
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_keychainStatus = new QLabel(tr("Keychain: checking…"), this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatusLabel"));
    statusBar()->addPermanentWidget(m_keychainStatus);
    statusBar()->showMessage(tr("Ready"), 3000);
    resize(1240, 760);
}

QWidget* MainWindow::buildHistoryPage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* filters = new QHBoxLayout;
    m_historyEndpoint = new QComboBox(page);
    m_historyEndpoint->setObjectName(QStringLiteral("historyEndpointComboBox"));
    m_historyEndpoint->addItem(tr("All endpoints"), QString());
    m_historyStatus = new QComboBox(page);
    m_historyStatus->setObjectName(QStringLiteral("historyStatusComboBox"));
    m_historyStatus->addItem(tr("Any status"), QString());
    for (const QString& cls :
         {QStringLiteral("2xx"), QStringLiteral("3xx"), QStringLiteral("4xx"), QStringLiteral("5xx")}) {
        m_historyStatus->addItem(cls, cls);
    }
    m_historyStatus->addItem(tr("No answer"), QStringLiteral("0"));
    m_historyEventType = new QComboBox(page);
    m_historyEventType->setObjectName(QStringLiteral("historyEventTypeComboBox"));
    m_historyEventType->addItem(tr("All event types"), QString());
    m_historyText = new QLineEdit(page);
    m_historyText->setObjectName(QStringLiteral("historyFilterLineEdit"));
    m_historyText->setPlaceholderText(tr("Search event id, type, endpoint or URL"));
    m_historyText->setClearButtonEnabled(true);
    filters->addWidget(m_historyEndpoint);
    filters->addWidget(m_historyStatus);
    filters->addWidget(m_historyEventType);
    filters->addWidget(m_historyText, 1);
    layout->addLayout(filters);

    m_historyView = new QTableView(page);
    m_historyView->setObjectName(QStringLiteral("historyTableView"));
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so a long history scrolls smoothly.
    m_historyView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_historyView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSortIndicator(HistoryModel::StartedAt, Qt::DescendingOrder);
    m_historyView->setSortingEnabled(true);
    m_historyView->setColumnWidth(HistoryModel::StartedAt, 150);
    layout->addWidget(m_historyView, 1);

    connect(m_historyView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex& current) {
                if (!current.isValid() || !m_history) {
                    return;
                }
                if (auto record = m_history->traceById(m_historyModel->idAt(current.row()))) {
                    m_inspector->showStored(record->trace);
                }
            });
    const auto refilter = [this] {
        applyHistoryFilter();
    };
    connect(m_historyEndpoint, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_historyStatus, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_historyEventType, &QComboBox::currentIndexChanged, this, refilter);
    auto* textTimer = new QTimer(this);
    textTimer->setSingleShot(true);
    textTimer->setInterval(250);
    connect(textTimer, &QTimer::timeout, this, refilter);
    connect(m_historyText, &QLineEdit::textChanged, textTimer, qOverload<>(&QTimer::start));
    return page;
}

void MainWindow::loadHistoryChoices()
{
    if (m_historyChoicesLoaded || !m_history) {
        return;
    }
    m_historyChoicesLoaded = true;
    const QSignalBlocker blockEndpoint(m_historyEndpoint);
    const QSignalBlocker blockType(m_historyEventType);
    for (const QString& name : m_history->distinctValues(HistoryRowQuery::Column::ProfileName)) {
        m_historyEndpoint->addItem(name.isEmpty() ? tr("(unnamed)") : name, name);
    }
    for (const QString& type : m_history->distinctValues(HistoryRowQuery::Column::EventType)) {
        if (!type.isEmpty()) {
            m_historyEventType->addItem(type, type);
        }
    }
}

void MainWindow::applyHistoryFilter()
{
    HistoryRowQuery filter;
    filter.profileName = m_historyEndpoint->currentData().toString();
    filter.eventType = m_historyEventType->currentData().toString();
    const QString status = m_historyStatus->currentData().toString();
    if (status == QLatin1String("0")) {
        filter.status = 0;
    } else {
        filter.statusClass = status;
    }
    filter.text = m_historyText->text().trimmed();
    m_historyModel->setFilter(filter);
}

void MainWindow::rebuildTree()
{
    m_rebuilding = true;
    const QString current = m_currentId;
    qDeleteAll(m_endpointsRoot->takeChildren());
    for (const EndpointEntry& entry : m_library->entries()) {
        auto* item =
            new QTreeWidgetItem(m_endpointsRoot, {entry.profile.name.isEmpty() ? entry.id : entry.profile.name});
        item->setData(0, IdRole, entry.id);
        item->setData(0, KindRole, EndpointItem);
        item->setToolTip(0, entry.profile.url.toString());
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    qDeleteAll(m_eventsRoot->takeChildren());
    const QDir events(m_composer->userEventsDir());
    for (const QString& name : events.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        auto* item = new QTreeWidgetItem(m_eventsRoot, {name.chopped(5)});
        item->setData(0, IdRole, events.filePath(name));
        item->setData(0, KindRole, EventItem);
    }
    qDeleteAll(m_receiversRoot->takeChildren());
    for (const ReceiverEntry& entry : m_receivers->entries()) {
        auto* item = new QTreeWidgetItem(m_receiversRoot, {entry.id});
        item->setData(0, IdRole, entry.id);
        item->setData(0, KindRole, ReceiverItem);
        item->setToolTip(0, entry.config.listenString());
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_rebuilding = false;
    updateFirstRun();
    applyTreeFilter();
    if (m_library->indexOf(current) < 0) {
        m_currentId.clear();
        if (!m_library->entries().isEmpty()) {
            selectEndpoint(m_library->entries().first().id);
        } else {
            m_editor->setProfile(EndpointProfile {});
            m_dirty = false;
        }
    } else {
        selectEndpoint(current);
    }
    updateActions();
    updateTitle();
}

void MainWindow::applyTreeFilter()
{
    const QString text = m_filter->text().trimmed();
    for (QTreeWidgetItem* root : {m_endpointsRoot, m_eventsRoot, m_receiversRoot}) {
        for (int i = 0; i < root->childCount(); ++i) {
            QTreeWidgetItem* item = root->child(i);
            item->setHidden(!text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive)
                            && !item->toolTip(0).contains(text, Qt::CaseInsensitive));
        }
    }
}

void MainWindow::selectEndpoint(const QString& id)
{
    for (int i = 0; i < m_endpointsRoot->childCount(); ++i) {
        QTreeWidgetItem* item = m_endpointsRoot->child(i);
        if (item->data(0, IdRole).toString() == id) {
            if (m_tree->currentItem() != item) {
                m_tree->setCurrentItem(item);
            } else if (m_currentId != id) {
                loadEndpointIntoEditor(id);
            }
            return;
        }
    }
}

void MainWindow::onTreeSelection()
{
    if (m_rebuilding) {
        return;
    }
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item) {
        return;
    }
    const int kind = item->data(0, KindRole).toInt();
    if (kind == EventItem) {
        m_composer->loadTemplate(item->data(0, IdRole).toString());
        m_tabs->setCurrentIndex(1);
    } else if (kind == ReceiverItem) {
        // The one already in the form keeps its unsaved edits (the tree is rebuilt on every change).
        if (const QString id = item->data(0, IdRole).toString(); id != m_receiverPanel->currentId()) {
            m_receiverPanel->showReceiver(id);
        }
        m_tabs->setCurrentIndex(ReceiverPage);
    } else if (kind == EndpointItem) {
        const QString id = item->data(0, IdRole).toString();
        if (id == m_currentId) {
            return;
        }
        if (m_dirty && !m_currentId.isEmpty()) {
            saveCurrent({}); // keep the edits of the endpoint being left
        }
        loadEndpointIntoEditor(id);
    }
    updateActions();
}

void MainWindow::loadEndpointIntoEditor(const QString& id)
{
    const EndpointEntry* entry = m_library->find(id);
    if (!entry) {
        return;
    }
    m_currentId = id;
    m_editor->setProfile(entry->profile);
    m_dirty = false;
    updateTitle();
    updateActions();
}

void MainWindow::addEndpoint()
{
    EndpointEntry entry;
    entry.id = EndpointLibrary::newId();
    entry.profile.name = tr("New endpoint");
    entry.profile.url = QUrl(QStringLiteral("http://127.0.0.1:8787/hook"));
    entry.profile.baseDir = m_library->folder();
    m_undo->push(new AddEndpointCommand(this, entry, int(m_library->entries().size()), tr("Add endpoint")));
    m_tabs->setCurrentIndex(0);
    m_editor->tabs()->setCurrentIndex(0);
}

void MainWindow::duplicateEndpoint()
{
    const EndpointEntry* source = m_library->find(m_currentId);
    if (!source) {
        return;
    }
    EndpointEntry entry;
    entry.id = EndpointLibrary::newId();
    entry.profile = m_editor->profile();
    entry.profile.name = tr("%1 (copy)").arg(entry.profile.name);
    // The copy points at the same keychain entries; saving a new value gives it its own.
    if (!m_editor->validationErrors().isEmpty() || m_dirty) {
        entry.profile = source->profile;
        entry.profile.name = tr("%1 (copy)").arg(source->profile.name);
    }
    m_undo->push(new AddEndpointCommand(
        this, entry, m_library->indexOf(m_currentId) + 1, tr("Duplicate %1").arg(source->profile.name)));
}

void MainWindow::deleteSelected()
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item) {
        return;
    }
    if (item->data(0, KindRole).toInt() == EventItem) {
        m_undo->push(new DeleteEventCommand(m_composer, item->data(0, IdRole).toString()));
        rebuildTree();
        return;
    }
    if (item->data(0, KindRole).toInt() == ReceiverItem) {
        const QString id = item->data(0, IdRole).toString();
        QFile file(m_receivers->filePath(id));
        if (!file.open(QIODevice::ReadOnly)) {
            showProblem(tr("Not deleted: cannot read the receiver file: %1").arg(file.errorString()));
            return;
        }
        m_undo->push(new DeleteReceiverCommand(this, id, file.readAll()));
        statusBar()->showMessage(tr("Deleted. Undo (%1) brings it back.")
                                     .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                                 6000);
        return;
    }
    const QString id = item->data(0, IdRole).toString();
    const int index = m_library->indexOf(id);
    if (index < 0) {
        return;
    }
    m_dirty = false; // the edits go with the endpoint (undo restores the saved profile)
    m_undo->push(new DeleteEndpointCommand(this, m_library->entries().at(index), index));
    statusBar()->showMessage(tr("Deleted. Undo (%1) brings it back.")
                                 .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                             6000);
}

void MainWindow::renameEndpoint(const QString& id, const QString& name)
{
    const EndpointEntry* entry = m_library->find(id);
    if (!entry || name.isEmpty() || entry->profile.name == name) {
        rebuildTree();
        return;
    }
    m_undo->push(new RenameEndpointCommand(this, id, entry->profile.name, name));
}

void MainWindow::renameReceiver(const QString& id, const QString& name)
{
    if (name == id) {
        return;
    }
    if (auto allowed = m_receivers->checkRename(id, name); !allowed) {
        showProblem(allowed.error().message);
        rebuildTree(); // the old name again
        return;
    }
    m_undo->push(new RenameReceiverCommand(this, id, name));
}

void MainWindow::moveEndpoint(int delta)
{
    const int from = m_library->indexOf(m_currentId);
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_library->entries().size()) {
        return;
    }
    m_undo->push(new MoveEndpointCommand(this, m_currentId, from, to));
}

void MainWindow::saveEndpoint()
{
    saveCurrent({});
}

void MainWindow::saveCurrent(std::function<void(bool)> done)
{
    const EndpointEntry* existing = m_library->find(m_currentId);
    if (!existing) {
        if (done) {
            done(false);
        }
        return;
    }
    EndpointEntry entry {m_currentId, m_editor->profile()};
    if (entry.profile.baseDir.isEmpty()) {
        entry.profile.baseDir = m_library->folder();
    }
    const QString id = m_currentId;
    statusBar()->showMessage(tr("Saving %1…").arg(entry.profile.name));
    m_library->save(entry, -1, [this, id, done = std::move(done)](Result<void> saved) {
        if (!saved) {
            const QString message = saved.error().message;
            if (meansNoKeychain(message)) {
                setKeychainState(false, message);
            }
            showProblem(tr("Not saved: %1").arg(message));
            emit endpointSaved(false, message);
        } else {
            if (id == m_currentId) {
                // Typed secrets are now keychain: references; show those.
                if (const EndpointEntry* entry = m_library->find(id)) {
                    m_editor->setProfile(entry->profile);
                }
                m_dirty = false;
            }
            statusBar()->showMessage(tr("Saved"), 3000);
            updateTitle();
            emit endpointSaved(true, QString());
        }
        if (done) {
            done(saved.ok());
        }
    });
}

void MainWindow::send()
{
    if (m_currentId.isEmpty()) {
        showProblem(tr("Choose or add an endpoint first (Ctrl+N adds one)."));
        return;
    }
    const QStringList errors = m_editor->validationErrors();
    if (!errors.isEmpty()) {
        m_inspector->setStatusText(tr("Not sent: %1").arg(errors.join(QStringLiteral("; "))));
        statusBar()->showMessage(tr("Not sent: %1").arg(errors.first()), 8000);
        return;
    }
    auto event = m_composer->composeEvent();
    if (!event) {
        m_inspector->setStatusText(tr("Not sent: the event is not valid: %1").arg(event.error().toString()));
        m_tabs->setCurrentIndex(1);
        return;
    }
    EndpointProfile profile = m_editor->profile();
    if (profile.baseDir.isEmpty()) {
        profile.baseDir = m_library->folder();
    }
    // Values typed and not saved yet are used for this send as they are; nothing is written.
    for (const auto& field : EndpointLibrary::secretFields(profile)) {
        if (!field.second->isEmpty() && !EndpointLibrary::isReference(*field.second)) {
            *field.second = QStringLiteral("literal:") + *field.second;
        }
    }
    m_inspector->setStatusText(tr("Reading secrets…"));
    auto* resolver = new SecretResolver(m_store, this);
    resolver->resolve(profile.secretRefs(),
                      profile.baseDir,
                      [this, resolver, profile, event = std::move(event).value()](Result<SecretValues> secrets) {
                          resolver->deleteLater();
                          if (!secrets) {
                              const QString message = secrets.error().toString();
                              if (meansNoKeychain(message)) {
                                  setKeychainState(false, message);
                              }
                              m_inspector->setStatusText(tr("Not sent: %1").arg(message));
                              return;
                          }
                          startJob(DeliveryJob {profile, std::move(secrets).value(), event, std::nullopt, false});
                      });
}

void MainWindow::startJob(DeliveryJob job)
{
    if (m_delivery && !m_delivery->isFinished()) {
        m_delivery->cancel();
    }
    m_lastJob = job;
    m_inspector->beginDelivery(job.profile, job.event.id());
    Delivery* delivery = m_engine->deliver(std::move(job));
    m_delivery = delivery;
    connect(delivery, &Delivery::attemptStarted, this, [this, delivery](int attempt) {
        if (m_delivery == delivery) {
            m_inspector->setStatusText(tr("Attempt %1 of %2 in flight…")
                                           .arg(attempt)
                                           .arg(RetryPolicy(delivery->job().profile.retry).maxAttempts()));
        }
    });
    connect(delivery, &Delivery::attemptFinished, this, [this, delivery](const AttemptTrace& trace) {
        if (m_delivery == delivery) {
            m_inspector->addAttempt(trace);
            if (trace.outcome == AttemptTrace::Outcome::Retrying) {
                m_inspector->setStatusText(tr("Attempt %1 failed (%2); next attempt in %3. Esc cancels.")
                                               .arg(trace.attempt)
                                               .arg(trace.error, RetryPolicy::formatDuration(trace.nextDelayMs)));
            }
        }
        m_historyRefresh->start();
    });
    connect(delivery, &Delivery::finished, this, [this, delivery](bool delivered) {
        if (m_delivery == delivery) {
            const auto& attempts = delivery->attempts();
            const QString last = attempts.isEmpty() ? QString() : attempts.last().error;
            m_inspector->setStatusText(delivered
                                           ? tr("Delivered after %n attempt(s).", nullptr, int(attempts.size()))
                                           : tr("Not delivered: %1").arg(last.isEmpty() ? tr("cancelled") : last));
            m_delivery.clear();
            updateActions();
            emit deliveryFinished(delivered);
        }
        delivery->deleteLater();
    });
    updateActions();
}

void MainWindow::resend()
{
    if (m_lastJob) {
        startJob(*m_lastJob);
    }
}

void MainWindow::cancelRetries()
{
    if (m_delivery) {
        m_delivery->cancel();
    }
}

void MainWindow::copyAsCurl()
{
    const QString curl = m_inspector->curlCommand();
    if (curl.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to copy: send an event or pick one in the history first"), 4000);
        return;
    }
    auto* mime = new QMimeData;
    mime->setText(curl);
    // KDE's clipboard managers skip entries marked like this (secrets are masked anyway).
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("curl command copied (secrets masked)"), 4000);
}

void MainWindow::probeKeychain()
{
    // A read of an entry that need not exist: "not found" is an answer, so the keychain is there.
    m_store->read(QStringLiteral("hookbench.probe"), [this](Result<std::optional<QByteArray>> answer) {
        setKeychainState(answer.ok(), answer.ok() ? QString() : answer.error().message);
    });
}

void MainWindow::setKeychainState(bool available, const QString& message)
{
    m_keychainAvailable = available;
    m_keychainMessage = message;
    m_keychainStatus->setText(available ? tr("Keychain: available") : tr("Keychain: not available"));
    m_keychainStatus->setToolTip(message);
    m_banner->setVisible(!available);
    if (!available) {
        m_banner->setText(tr("<b>No keychain answers.</b> Secret values you type cannot be saved, and nothing is "
                             "written in plain text instead. Start your desktop's keyring (GNOME Keyring or KWallet) "
                             "and restart HookBench, or give secrets as env:NAME or file:PATH references.<br>%1")
                              .arg(message.toHtmlEscaped()));
    }
}

void MainWindow::showProblem(const QString& message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::updateActions()
{
    const bool endpoint = !m_currentId.isEmpty();
    const int index = m_library->indexOf(m_currentId);
    m_duplicateAction->setEnabled(endpoint);
    m_renameAction->setEnabled(endpoint
                               || (m_tree->currentItem() && m_tree->currentItem()->data(0, KindRole) == ReceiverItem));
    m_deleteAction->setEnabled(m_tree->currentItem() && m_tree->currentItem()->data(0, KindRole).toInt() != 0);
    m_moveUpAction->setEnabled(index > 0);
    m_moveDownAction->setEnabled(index >= 0 && index + 1 < m_library->entries().size());
    m_saveAction->setEnabled(endpoint);
    m_exportAction->setEnabled(endpoint);
    m_sendAction->setEnabled(endpoint);
    m_resendAction->setEnabled(m_lastJob.has_value());
    m_cancelAction->setEnabled(!m_delivery.isNull());
    m_checkAction->setEnabled(endpoint);
    m_tamperedAction->setEnabled(endpoint);
}

void MainWindow::updateTitle()
{
    const EndpointEntry* entry = m_library->find(m_currentId);
    setWindowTitle(entry ? tr("%1%2 — HookBench").arg(entry->profile.name, m_dirty ? QStringLiteral(" *") : QString())
                         : tr("HookBench"));
}

void MainWindow::importProfile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import endpoint profile"), QString(), tr("Endpoint profiles (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    m_library->importFrom(path, [this](Result<QString> imported) {
        if (!imported) {
            showProblem(tr("Not imported: %1").arg(imported.error().toString()));
            if (meansNoKeychain(imported.error().message)) {
                setKeychainState(false, imported.error().message);
            }
            return;
        }
        selectEndpoint(imported.value());
        statusBar()->showMessage(tr("Imported"), 3000);
    });
}

void MainWindow::exportProfile()
{
    const EndpointEntry* entry = m_library->find(m_currentId);
    if (!entry) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Export endpoint profile"),
                                                      entry->profile.name + QStringLiteral(".json"),
                                                      tr("Endpoint profiles (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto done = m_library->exportTo(m_currentId, path); !done) {
        showProblem(tr("Not exported: %1").arg(done.error().toString()));
    } else {
        statusBar()->showMessage(tr("Exported with keychain references only; the secrets stay in this keychain"), 6000);
    }
}

void MainWindow::saveEventAs()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this,
                              tr("Save event"),
                              tr("Name:"),
                              QLineEdit::Normal,
                              m_composer->composeEvent() ? m_composer->composeEvent()->type() : QString(),
                              &ok);
    if (!ok) {
        return;
    }
    if (auto saved = m_composer->saveUserEvent(name); !saved) {
        showProblem(tr("Not saved: %1").arg(saved.error().toString()));
    } else {
        rebuildTree();
        statusBar()->showMessage(tr("Event saved"), 3000);
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    const QString last = settings.value(QStringLiteral("window/endpoint")).toString();
    if (m_library->indexOf(last) >= 0) {
        selectEndpoint(last);
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("window/endpoint"), m_currentId);
    if (m_dirty && !m_currentId.isEmpty()) {
        saveCurrent({});
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::updateFirstRun()
{
    if (!m_firstRun) {
        return;
    }
    m_firstRun->setVisible(!m_firstRunDismissed && m_library->entries().isEmpty() && m_receivers->entries().isEmpty());
}

void MainWindow::showReceiverPage()
{
    m_tabs->setCurrentIndex(ReceiverPage);
}

void MainWindow::selectReceiver(const QString& id)
{
    for (int i = 0; i < m_receiversRoot->childCount(); ++i) {
        QTreeWidgetItem* item = m_receiversRoot->child(i);
        if (item->data(0, IdRole).toString() == id) {
            m_tree->setCurrentItem(item);
            if (m_receiverPanel->currentId() != id) {
                m_receiverPanel->showReceiver(id);
            }
            showReceiverPage();
            return;
        }
    }
}

void MainWindow::addReceiver()
{
    ReceiverEntry entry;
    entry.id = m_receivers->uniqueId(tr("Receiver"));
    entry.config.baseDir = m_receivers->folder();
    m_receivers->save(entry, [this, id = entry.id](Result<void> saved) {
        if (!saved) {
            showProblem(tr("Not saved: %1").arg(saved.error().toString()));
            return;
        }
        selectReceiver(id);
    });
}

void MainWindow::showEndpointMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_tree->itemAt(pos);
    if (!item) {
        return;
    }
    const int kind = item->data(0, KindRole).toInt();
    QMenu menu(this);
    if (kind == EndpointItem) {
        m_tree->setCurrentItem(item);
        menu.addActions({m_sendAction, m_checkAction, m_tamperedAction});
        menu.addSeparator();
        menu.addActions({m_duplicateAction, m_renameAction, m_deleteAction});
    } else if (kind == ReceiverItem) {
        m_tree->setCurrentItem(item);
        menu.addAction(m_toggleReceiverAction);
        menu.addSeparator();
        menu.addActions({m_renameAction, m_deleteAction});
    } else {
        return;
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

CheckEndpointDialog* MainWindow::checkEndpoint()
{
    if (m_currentId.isEmpty()) {
        showProblem(tr("Choose an endpoint to check first."));
        return nullptr;
    }
    auto event = m_composer->composeEvent();
    if (!event) {
        showProblem(tr("Not checked: the event is not valid: %1").arg(event.error().toString()));
        return nullptr;
    }
    EndpointProfile profile = m_editor->profile();
    if (profile.baseDir.isEmpty()) {
        profile.baseDir = m_library->folder();
    }
    auto* dialog = new CheckEndpointDialog(profile, event.value(), m_store, m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
    return dialog;
}

void MainWindow::sendTampered()
{
    if (m_currentId.isEmpty()) {
        showProblem(tr("Choose an endpoint first."));
        return;
    }
    auto event = m_composer->composeEvent();
    if (!event) {
        showProblem(tr("Not sent: the event is not valid: %1").arg(event.error().toString()));
        return;
    }
    EndpointProfile profile = m_editor->profile();
    if (profile.baseDir.isEmpty()) {
        profile.baseDir = m_library->folder();
    }
    statusBar()->showMessage(tr("Sending a tampered copy…"));
    prepareCases(
        profile,
        event.value(),
        Conformance::Options {},
        m_store,
        m_engine,
        this,
        [this](Result<PreparedCases> prepared) {
            if (!prepared) {
                showProblem(tr("Not sent: %1").arg(prepared.error().toString()));
                emit tamperedAnswered(0, prepared.error().toString());
                return;
            }
            const auto& cases = prepared.value().cases;
            auto tampered = std::find_if(cases.cbegin(), cases.cend(), [](const Conformance::Case& c) {
                return c.name.startsWith(QLatin1String("tampered-body"));
            });
            if (tampered == cases.cend()) {
                const QString problem = tr("this endpoint signs nothing, so there is no signature to break");
                showProblem(tr("Not sent: %1").arg(problem));
                emit tamperedAnswered(0, problem);
                return;
            }
            auto* runner = new Conformance::Runner(m_engine->network(), this);
            const QString description = tampered->description;
            connect(runner, &Conformance::Runner::finished, this, [this, runner, description] {
                runner->deleteLater();
                const auto results = runner->results();
                const Conformance::CaseResult result = results.isEmpty() ? Conformance::CaseResult {} : results.first();
                const bool refused = result.status >= 400 && result.status < 500;
                statusBar()->showMessage(
                    refused ? tr("Tampered request (%1) refused: %2").arg(description, result.answerText())
                            : tr("Tampered request (%1) NOT refused: %2").arg(description, result.answerText()),
                    10000);
                emit tamperedAnswered(result.status, result.answerText());
            });
            runner->start(prepared.value().profile, prepared.value().secrets, {*tampered}, Conformance::Options {});
        });
}

void MainWindow::chooseReplayTarget(const ReceivedRecord& record)
{
    QStringList names;
    for (const EndpointEntry& entry : m_library->entries()) {
        names << entry.profile.name;
    }
    if (names.isEmpty()) {
        showProblem(tr("Add an endpoint to replay to first."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Replay to endpoint"), tr("Send request #%1 to:").arg(record.seq), names, 0, false, &ok);
    if (!ok) {
        return;
    }
    replayTo(m_library->entries().at(names.indexOf(chosen)).id, record);
}

void MainWindow::replayTo(const QString& endpointId, const ReceivedRecord& record)
{
    const EndpointEntry* entry = m_library->find(endpointId);
    if (!entry) {
        return;
    }
    EndpointProfile profile = entry->profile;
    if (profile.baseDir.isEmpty()) {
        profile.baseDir = m_library->folder();
    }
    // The event the receiver decoded, else the body as an event, else a fresh one (like the CLI).
    Event event;
    bool found = false;
    for (const QByteArray& json : {record.eventJson, record.body}) {
        if (auto parsed = json.isEmpty() ? Result<Event>(Error(QString())) : Event::fromJson(json); parsed) {
            event = std::move(parsed).value();
            found = true;
            break;
        }
    }
    if (!found) {
        if (auto made = Event::make(QStringLiteral("replay"), QByteArrayLiteral("{}")); made) {
            event = std::move(made).value();
        }
    }
    event.fillDefaults();
    selectEndpoint(endpointId);
    m_inspector->setStatusText(tr("Reading secrets…"));
    auto* resolver = new SecretResolver(m_store, this);
    resolver->resolve(profile.secretRefs(),
                      profile.baseDir,
                      [this, resolver, profile, event, body = record.body](Result<SecretValues> secrets) {
                          resolver->deleteLater();
                          if (!secrets) {
                              m_inspector->setStatusText(tr("Not replayed: %1").arg(secrets.error().toString()));
                              return;
                          }
                          // The exact bytes received, signed and authenticated for this endpoint.
                          startJob(DeliveryJob {profile, std::move(secrets).value(), event, body, false});
                      });
}

void MainWindow::setUpDemo(std::function<void(const QString& problem)> done)
{
    m_firstRun->hide();
    auto* demo = new FirstRunDemo(this);
    connect(demo, &FirstRunDemo::finished, this, [this, demo, done = std::move(done)](const QString& problem) {
        demo->deleteLater();
        if (!problem.isEmpty()) {
            showProblem(tr("The demo could not be set up: %1").arg(problem));
            m_firstRunText->setText(tr("<b>The demo could not be set up:</b> %1").arg(problem.toHtmlEscaped()));
            m_firstRun->show();
        }
        if (done) {
            done(problem);
        }
    });
    demo->run();
}

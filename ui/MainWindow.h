#pragma once

#include "EndpointLibrary.h"

#include "delivery/DeliveryEngine.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

#include <memory>
#include <optional>

class CheckEndpointDialog;
class EndpointEditor;
class ReceiverLibrary;
class ReceiverPanel;
struct ReceivedRecord;
class EventComposer;
class HistoryModel;
class HistoryStore;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;
class SecretStore;
class TraceInspector;

// The workbench window: a sidebar of endpoints and saved events, the endpoint editor, the event
// composer, the history, and the trace inspector. It sends through one DeliveryEngine, keeps
// endpoints as profile files via EndpointLibrary, and secrets only in the SecretStore.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `store`: where secrets go (the OS keychain when null; tests pass a fake). Not owned.
    explicit MainWindow(SecretStore* store = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    EndpointLibrary* library() const { return m_library; }
    EndpointEditor* editor() const { return m_editor; }
    EventComposer* composer() const { return m_composer; }
    TraceInspector* inspector() const { return m_inspector; }
    HistoryModel* historyModel() const { return m_historyModel; }
    QUndoStack* undoStack() const { return m_undo; }
    QString currentEndpointId() const { return m_currentId; }
    bool isKeychainAvailable() const { return m_keychainAvailable.value_or(false); }
    bool isSending() const { return !m_delivery.isNull(); }
    ReceiverLibrary* receiverLibrary() const { return m_receivers; }
    ReceiverPanel* receiverPanel() const { return m_receiverPanel; }
    SecretStore* secretStore() const { return m_store; }
    DeliveryEngine* engine() const { return m_engine; }
    QWidget* firstRunBanner() const { return m_firstRun; }

    void selectEndpoint(const QString& id);
    // The main actions, also reachable from menus and shortcuts.
    void addEndpoint();
    void duplicateEndpoint();
    void deleteSelected();
    void renameEndpoint(const QString& id, const QString& name);
    void moveEndpoint(int delta);
    void saveEndpoint();
    void send();
    void resend();
    void cancelRetries();
    void copyAsCurl();
    // The Receiver page: a receiver profile in the panel, a new one, start/stop.
    void selectReceiver(const QString& id);
    void addReceiver();
    // Renames a receiver profile's file (undoable); a clash or an invalid name is refused with a message.
    void renameReceiver(const QString& id, const QString& name);
    void showReceiverPage();
    // "Check endpoint…": the conformance check of the selected endpoint in a dialog (not modal).
    CheckEndpointDialog* checkEndpoint();
    // Sends the `tampered-body` case of the selected endpoint once: the body changed after signing.
    void sendTampered();
    // Sends a received request's exact body to an endpoint through the engine (like `replay --profile`).
    void replayTo(const QString& endpointId, const ReceivedRecord& record);
    // The first-run loopback demo (FirstRunDemo); `done` gets the problem, if any.
    void setUpDemo(std::function<void(const QString& problem)> done = {});

signals:
    // After an endpoint was written to disk (or refused, with the reason).
    void endpointSaved(bool ok, const QString& message);
    void deliveryFinished(bool delivered);
    // The tampered request of sendTampered() was answered (status 0: no answer).
    void tamperedAnswered(int status, const QString& answer);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    QWidget* buildHistoryPage();
    void rebuildTree();
    void applyTreeFilter();
    void onTreeSelection();
    void loadEndpointIntoEditor(const QString& id);
    void saveCurrent(std::function<void(bool)> done);
    void startJob(DeliveryJob job);
    void probeKeychain();
    void setKeychainState(bool available, const QString& message);
    void showProblem(const QString& message);
    void applyHistoryFilter();
    void loadHistoryChoices();
    void updateActions();
    void updateTitle();
    void importProfile();
    void exportProfile();
    void saveEventAs();
    void restoreSettings();
    void showEndpointMenu(const QPoint& pos);
    void chooseReplayTarget(const ReceivedRecord& record);
    void updateFirstRun();

    QPointer<SecretStore> m_store;
    EndpointLibrary* m_library = nullptr;
    std::unique_ptr<HistoryStore> m_history;
    DeliveryEngine* m_engine = nullptr;
    QUndoStack* m_undo = nullptr;
    QPointer<Delivery> m_delivery;
    std::optional<DeliveryJob> m_lastJob;
    QString m_currentId;
    bool m_dirty = false;
    bool m_rebuilding = false;
    std::optional<bool> m_keychainAvailable;
    QString m_keychainMessage;

    QLabel* m_banner = nullptr;
    QLabel* m_keychainStatus = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
    QTreeWidgetItem* m_endpointsRoot = nullptr;
    QTreeWidgetItem* m_eventsRoot = nullptr;
    QTreeWidgetItem* m_receiversRoot = nullptr;
    ReceiverLibrary* m_receivers = nullptr;
    ReceiverPanel* m_receiverPanel = nullptr;
    QWidget* m_firstRun = nullptr;
    QLabel* m_firstRunText = nullptr;
    bool m_firstRunDismissed = false;
    QAction* m_checkAction = nullptr;
    QAction* m_tamperedAction = nullptr;
    QAction* m_toggleReceiverAction = nullptr;
    QAction* m_addReceiverAction = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;
    EndpointEditor* m_editor = nullptr;
    EventComposer* m_composer = nullptr;
    TraceInspector* m_inspector = nullptr;
    HistoryModel* m_historyModel = nullptr;
    QTableView* m_historyView = nullptr;
    QComboBox* m_historyEndpoint = nullptr;
    QComboBox* m_historyStatus = nullptr;
    QComboBox* m_historyEventType = nullptr;
    QLineEdit* m_historyText = nullptr;
    QTimer* m_historyRefresh = nullptr;
    QTimer* m_previewEventTimer = nullptr;
    bool m_historyChoicesLoaded = false;

    QAction* m_newAction = nullptr;
    QAction* m_duplicateAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_moveUpAction = nullptr;
    QAction* m_moveDownAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_saveEventAction = nullptr;
    QAction* m_sendAction = nullptr;
    QAction* m_resendAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_curlAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_quitAction = nullptr;
};

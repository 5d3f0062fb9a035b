#pragma once

#include <QLineEdit>

class QAction;

// A line edit for a secret field: masked by default, with a reveal toggle in the field itself.
// It holds either a reference (env:, file:, keychain:) or a value the user typed; values are
// moved into the keychain when the endpoint is saved (EndpointLibrary), never written to a file.
class SecretLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretLineEdit)

public:
    explicit SecretLineEdit(QWidget* parent = nullptr);

    bool isRevealed() const { return echoMode() == QLineEdit::Normal; }
    void setRevealed(bool revealed);
    QAction* revealAction() const { return m_reveal; }

private:
    QAction* m_reveal;
};

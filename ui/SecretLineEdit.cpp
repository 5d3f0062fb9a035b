#include "SecretLineEdit.h"

#include <QAction>
#include <QStyle>

SecretLineEdit::SecretLineEdit(QWidget* parent)
    : QLineEdit(parent)
    , m_reveal(new QAction(this))
{
    setEchoMode(QLineEdit::Password);
    setClearButtonEnabled(false);
    m_reveal->setObjectName(QStringLiteral("revealAction"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_reveal->setText(tr("Reveal"));
    m_reveal->setToolTip(tr("Show or hide the secret"));
    addAction(m_reveal, QLineEdit::TrailingPosition);
    connect(m_reveal, &QAction::toggled, this, [this](bool on) { setRevealed(on); });
    setPlaceholderText(tr("value, or env:NAME, file:PATH, keychain:NAME"));
}

void SecretLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_reveal->isChecked() != revealed) {
        m_reveal->setChecked(revealed);
    }
    m_reveal->setText(revealed ? tr("Hide") : tr("Reveal"));
}

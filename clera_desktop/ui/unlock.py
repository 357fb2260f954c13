"""The passphrase of the encrypted key file, where the system has no keyring: asked once to unlock
the keys saved there, chosen (typed twice) when nothing is saved yet and the first keys are.
A wrong passphrase is said, and nothing changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.core.errors import CleraError
from clera_desktop.ui.i18n import say, tr, translatable

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices

UNLOCK_TITLE = translatable("Unlock saved keys")
CHOOSE_TITLE = translatable("Choose a passphrase for your keys")


class PassphraseDialog(QDialog):
    """One field to unlock; two to choose a new passphrase (a typo would lock the keys away)."""

    def __init__(self, parent: QWidget | None, *, new: bool) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(tr(CHOOSE_TITLE if new else UNLOCK_TITLE))
        explain = QLabel(
            tr("This system has no keyring service, so Clera Desktop keeps your API keys in a file encrypted with a "
               "passphrase you choose. It cannot be recovered: without it, the keys must be typed again.")
            if new else
            tr("This system has no keyring service: your saved API keys are in a file encrypted with your passphrase."))
        explain.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow(tr("Passphrase"), self.passphrase)
        if new:
            form.addRow(tr("Type it again"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def problem_with_input(self) -> str:
        """What keeps OK from being accepted ("" when nothing does)."""
        if not self.passphrase.text():
            return tr("Type the passphrase.")
        if self.new and self.again.text() != self.passphrase.text():
            return tr("The two passphrases differ: type the same one twice.")
        return ""

    def _on_ok(self) -> None:
        problem = self.problem_with_input()
        self.problem.setText(problem)
        if not problem:
            self.accept()


async def ask_and_unlock(parent: QWidget, services: AppServices) -> bool:
    """True once the keys are unlocked (or the new file made); False when the person cancelled or
    the passphrase failed (said in a message)."""
    from clera_desktop.ui.tasks import dialog_result

    dialog = PassphraseDialog(parent, new=services.secrets.nothing_saved)
    if not await dialog_result(dialog):
        return False
    try:
        await services.keys.unlock(dialog.passphrase.text())
    except CleraError as error:
        QMessageBox.warning(parent, dialog.windowTitle(), say(error.user_message))
        return False
    return True

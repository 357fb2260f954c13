"""Add the Clera brokerage account: Alpaca key and secret, verified before they are kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.core.errors import CleraError
from clera_desktop.ui.i18n import say, tr
from clera_desktop.ui.tasks import run_task

Verify = Callable[[str, str, bool], Awaitable[str]]


class AlpacaDialog(QDialog):
    def __init__(self, verify: Verify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._verify = verify
        self.setWindowTitle(tr("Add Clera brokerage account"))
        self.key = QLineEdit()
        self.key.setPlaceholderText(tr("API key ID"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(tr("Secret key"))
        self.paper = QCheckBox(tr("Paper trading (practice money)"))
        self.paper.setChecked(True)
        self.message = QLabel(tr("Your keys are checked with Alpaca, then kept in the system keyring."))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(tr("Verify and save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.save.clicked.connect(lambda: run_task(self, self._on_save_clicked()))
        form = QFormLayout()
        form.addRow(tr("Key ID"), self.key)
        form.addRow(tr("Secret"), self.secret)
        form.addRow("", self.paper)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.account_name: str | None = None

    async def _on_save_clicked(self) -> None:
        if not self.key.text().strip() or not self.secret.text().strip():
            self.message.setText(tr("Enter both the key ID and the secret key."))
            return
        self.save.setEnabled(False)
        self.message.setText(tr("Checking the keys with Alpaca\u2026"))
        try:
            self.account_name = await self._verify(self.key.text(), self.secret.text(), self.paper.isChecked())
        except CleraError as error:
            self.message.setText(say(error.user_message))
            self.save.setEnabled(True)
            return
        self.accept()

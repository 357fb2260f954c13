"""Create a manual account: for holdings no provider reaches (filled by CSV import)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clera_desktop.core.errors import CleraError
from clera_desktop.ui.i18n import say, tr
from clera_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices


class ManualAccountDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(tr("Add manual account"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Company pension"))
        self.currency = QLineEdit("USD")
        self.currency.setMaxLength(3)
        self.message = QLabel(tr("Then add its activities one by one (right-click it in Accounts \u203a Add "
                                 "activity\u2026) or import them from CSV (File \u203a Import CSV)."))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(lambda: run_task(self, self._on_create_clicked()))
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Currency"), self.currency)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.account_id: str | None = None

    async def _on_create_clicked(self) -> None:
        try:
            changes = await self._services.manual.create_account(self.name.text(), self.currency.text())
            self.account_id = next(iter(changes.accounts))
        except CleraError as error:
            self.message.setText(say(error.user_message))
            return
        self.accept()

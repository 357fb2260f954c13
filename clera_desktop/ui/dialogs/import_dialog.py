"""Import activities or prices from CSV: pick a file, read the preview, then import (or not).

Nothing is written until Import is pressed, and Import stays disabled while any line is fatal.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.errors import CleraError

if TYPE_CHECKING:
    from clera_desktop.services import AppServices

FORMATS = {
    "activities": "date,account,type,symbol,quantity,price,amount,fee,currency",
    "prices": "symbol,date,close,currency",
}


class ImportDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Import from CSV")
        self.setMinimumWidth(620)
        self.kind = QComboBox()
        self.kind.addItem("Activities", "activities")
        self.kind.addItem("Daily prices", "prices")
        self.path = QLineEdit()
        self.path.setPlaceholderText("Choose a CSV file")
        browse = QPushButton("Choose\u2026")
        browse.clicked.connect(self._on_browse_clicked)
        self.columns = QLabel("")
        self.columns.setStyleSheet("color: gray")
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(lambda: asyncio.ensure_future(self._on_import_clicked()))
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.columns)
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _: asyncio.ensure_future(self.load_preview()))
        self._update_columns()
        self._preview: Any = None
        self.imported = 0

    def _update_columns(self) -> None:
        self.columns.setText(f"Columns: {FORMATS[self.kind.currentData()]}")

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import CSV", "", "CSV files (*.csv);;All files (*)")
        if path:
            self.path.setText(path)
            self._preview_task = asyncio.ensure_future(self.load_preview())

    async def load_preview(self) -> None:
        """Read and check the file; shows the summary and every line's problem."""
        self._update_columns()
        self.import_button.setEnabled(False)
        self._preview = None
        if not self.path.text():
            return
        try:
            text = Path(self.path.text()).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.preview_text.setPlainText(f"Cannot read the file: {error}")
            return
        try:
            preview = await self._services.preview_import(self.kind.currentData(), text)
        except CleraError as error:
            self.preview_text.setPlainText(error.user_message)
            return
        if not isValid(self):
            return
        self._preview = preview
        self.preview_text.setPlainText(preview.summary())  # type: ignore[attr-defined]
        self.import_button.setEnabled(not preview.fatal)  # type: ignore[attr-defined]

    async def _on_import_clicked(self) -> None:
        if self._preview is None or self._preview.fatal:
            return
        self.import_button.setEnabled(False)
        try:
            self.imported = await self._services.apply_import(self.kind.currentData(), self._preview,
                                                              source=Path(self.path.text()).name)
        except CleraError as error:
            if isValid(self):
                self.preview_text.appendPlainText(f"\nImport failed, nothing was imported: {error.user_message}")
            return
        if isValid(self):
            self.accept()

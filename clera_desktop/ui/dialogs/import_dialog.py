"""Import activities, daily prices or exchange rates from CSV: pick a file, read the preview
(what was detected, every line's problem), then import it, or its good lines alone, or not.

Nothing is written until a button is pressed; Import is for a file without problems, "Import the
N good lines" for one with some.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

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

from clera_desktop.core.errors import CleraError
from clera_desktop.imports.dispatch import ImportKind
from clera_desktop.ui.i18n import plural, say, tr
from clera_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from clera_desktop.imports.dispatch import Preview
    from clera_desktop.services.app import AppServices

FORMATS = {
    "activities": "date,account,type and any of symbol,quantity,price,amount,fee,tax,currency,acquired,description",
    "prices": "symbol,date,close,currency",
    "fx": "base,quote,date,rate (one base costs rate of quote)",
}


class ImportDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(tr("Import from CSV"))
        self.setMinimumWidth(620)
        self.kind = QComboBox()
        self.kind.addItem(tr("Activities"), "activities")
        self.kind.addItem(tr("Daily prices"), "prices")
        self.kind.addItem(tr("Exchange rates"), "fx")
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("Choose a CSV file, or type its path and press Enter"))
        self.path.returnPressed.connect(lambda: self._on_path_entered())
        self.browse = QPushButton(tr("Choose\u2026"))
        self.browse.clicked.connect(self._on_browse_clicked)
        self.columns = QLabel("")
        self.columns.setStyleSheet("color: gray")
        self.columns.setWordWrap(True)  # the activities' column list is wider than the dialog
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.partial_button = self.buttons.addButton(tr("Import the good lines"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.partial_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(lambda: self._start_import(good_lines_only=False))
        self.partial_button.clicked.connect(lambda: self._start_import(good_lines_only=True))
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        for button in (self.browse, self.import_button, self.partial_button):
            button.setAutoDefault(False)  # Enter in the path reads the file; only a click imports
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.columns)
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _: run_task(self, self.load_preview()))
        self._update_columns()
        self._preview: Preview | None = None
        self.imported = 0
        self._task: asyncio.Future[None] | None = None

    def _update_columns(self) -> None:
        self.columns.setText(tr("Columns: {formats}").format(formats=FORMATS[self.kind.currentData()]))

    def _on_path_entered(self) -> None:
        self._preview_task = run_task(self, self.load_preview())

    def start_folder(self) -> str:
        """Where Choose… opens: the typed folder, or the typed file's folder ("" : the last one used)."""
        typed = Path(self.path.text().strip()).expanduser() if self.path.text().strip() else None
        if typed is None:
            return ""
        if typed.is_dir():
            return str(typed)
        return str(typed.parent) if typed.parent.is_dir() else ""

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import CSV"), self.start_folder(),
                                              tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.path.setText(path)
            self._preview_task = run_task(self, self.load_preview())

    async def load_preview(self) -> None:
        """Read and check the file; shows what was detected and every line's problem."""
        self._update_columns()
        self.import_button.setEnabled(False)
        self.partial_button.hide()
        self._preview = None
        if not self.path.text().strip():
            return
        try:
            data = await asyncio.to_thread(Path(self.path.text().strip()).expanduser().read_bytes)
        except OSError as error:
            self.preview_text.setPlainText(tr("Cannot read the file: {reason}").format(reason=error.strerror or error))
            return
        try:
            preview = await self._services.imports.preview(ImportKind(self.kind.currentData()), data)
        except CleraError as error:
            self.preview_text.setPlainText(say(error.user_message))
            return
        self._preview = preview
        self.preview_text.setPlainText("\n".join(say(line) for line in preview.summary_lines()))
        self.import_button.setEnabled(not preview.fatal)
        good = len(preview.good_lines)
        if preview.fatal and preview.importable:
            self.partial_button.setText(plural(good, tr("Import the {count} good line"), tr("Import the {count} good lines")))
            self.partial_button.show()

    def _start_import(self, *, good_lines_only: bool) -> None:
        self._task = run_task(self, self.import_now(good_lines_only=good_lines_only))

    async def import_now(self, *, good_lines_only: bool = False) -> None:
        preview = self._preview
        if preview is None or (preview.fatal and not (good_lines_only and preview.importable)):
            return
        self.import_button.setEnabled(False)
        self.partial_button.setEnabled(False)
        try:
            self.imported = await self._services.imports.apply(preview, source=Path(self.path.text()).name,
                                                              good_lines_only=good_lines_only)
        except CleraError as error:
            self.preview_text.appendPlainText("\n" + tr("Import failed, nothing was imported: {reason}").format(
                reason=say(error.user_message)))
            self.partial_button.setEnabled(True)
            return
        self.accept()

"""Add or edit one activity of a manual account: the CSV import's columns as a form, with its checks.

Only the cells the chosen type uses are shown (a deposit has no symbol; a transfer of shares has
an acquisition day). What the form accepts is exactly what a CSV line would: the service runs the
importer's own checks and the dialog says each problem in the importer's words.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.core.errors import CleraError, NeedsConfirmation
from clera_desktop.imports.activities_csv import TYPES
from clera_desktop.models.enums import ActivityType
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.tasks import run_task
from clera_desktop.ui.words import titled

if TYPE_CHECKING:
    from clera_desktop.services.manual import ManualAccounts

#: The cells each type uses (the rest are hidden and sent empty).
USES: dict[ActivityType, tuple[str, ...]] = {
    ActivityType.BUY: ("symbol", "quantity", "price", "amount", "fee"),
    ActivityType.SELL: ("symbol", "quantity", "price", "amount", "fee", "tax"),
    ActivityType.DIVIDEND: ("symbol", "amount", "fee", "tax"),
    ActivityType.INTEREST: ("amount", "fee", "tax"),
    ActivityType.DEPOSIT: ("amount",),
    ActivityType.WITHDRAWAL: ("amount",),
    ActivityType.FEE: ("symbol", "amount"),
    ActivityType.TAX: ("symbol", "amount"),
    ActivityType.REFUND: ("amount",),
    ActivityType.SPLIT: ("symbol", "quantity"),
    ActivityType.TRANSFER_IN: ("symbol", "quantity", "price", "amount", "acquired"),
    ActivityType.TRANSFER_OUT: ("symbol", "quantity", "amount"),
}
LABELS = {"symbol": translatable("Symbol"), "quantity": translatable("Quantity"), "price": translatable("Price"),
          "amount": translatable("Amount"), "fee": translatable("Fee"),
          "tax": translatable("Tax withheld"), "acquired": translatable("First bought on")}
HINTS = {
    ActivityType.BUY: translatable("Amount: the cash paid, fee included (left empty: quantity \u00d7 price + fee)."),
    ActivityType.SELL: translatable("Amount: the cash received after the fee (left empty: quantity \u00d7 price \u2212 fee)."),
    ActivityType.DIVIDEND: translatable("Amount: the gross dividend; the fee and tax withheld are taken from it."),
    ActivityType.INTEREST: translatable("Amount: the gross interest; the fee and tax withheld are taken from it."),
    ActivityType.TAX: translatable("A negative amount is a tax refund."),
    ActivityType.SPLIT: translatable("Quantity: the ratio (2 for a 2-for-1 split)."),
    ActivityType.TRANSFER_IN: translatable("Shares move, no cash: amount (or quantity \u00d7 price) is the cost they carry."),
    ActivityType.TRANSFER_OUT: translatable("Shares move, no cash. Without a symbol, the amount is cash moved out."),
}


class ActivityDialog(QDialog):
    def __init__(self, manual: ManualAccounts, account_id: str, account_name: str, currency: str, *, today: date,
                 activity_id: int | None = None, cells: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._manual, self._account_id, self._activity_id = manual, account_id, activity_id
        self._currency = currency
        self.setWindowTitle((tr("Edit activity \u2014 {account}") if activity_id else tr("Add activity \u2014 {account}"))
                            .format(account=account_name))
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setAccessibleName(tr("Date"))
        self.type = QComboBox()
        for name in TYPES:  # Qt keeps a str subclass as a plain str: the name, looked up in TYPES
            self.type.addItem(titled(name), name)
        self.type.setAccessibleName(tr("Type"))
        self.cells: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.form.addRow(tr("Date"), self.day)
        self.form.addRow(tr("Type"), self.type)
        for key, english in LABELS.items():
            label = tr(english)
            field = QLineEdit()
            field.setAccessibleName(label)
            if key == "acquired":
                field.setPlaceholderText(tr("YYYY-MM-DD (for the holding period)"))
            elif key != "symbol":
                field.setPlaceholderText(currency if key in ("price", "amount", "fee", "tax") else "")
            self.cells[key] = field
            self.form.addRow(label, field)
        self.description = QLineEdit()
        self.description.setAccessibleName(tr("Description"))
        self.form.addRow(tr("Description"), self.description)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: gray")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(lambda: run_task(self, self.save()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.type.currentIndexChanged.connect(self._show_cells_of_type)
        if cells:
            self._fill(cells)
        self._show_cells_of_type()
        self.saved_id: int | None = None
        self._warned_for: dict[str, str] | None = None  # the form a warning was shown for

    def _fill(self, cells: dict[str, str]) -> None:
        day = date.fromisoformat(cells["date"])
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.type.setCurrentIndex(max(0, self.type.findData(cells["type"])))
        for key, field in self.cells.items():
            field.setText(cells.get(key, ""))
        self.description.setText(cells.get("description", ""))

    def kind(self) -> ActivityType:
        return TYPES[self.type.currentData()]

    def _show_cells_of_type(self) -> None:
        used = USES[self.kind()]
        for key, field in self.cells.items():
            self.form.setRowVisible(field, key in used)
        self.hint.setText(tr(HINTS.get(self.kind(), "")))
        self.message.clear()

    def values(self) -> dict[str, str]:
        """The form as the CSV line it stands for (cells the type does not use are empty)."""
        used = USES[self.kind()]
        cells = {key: field.text().strip() if key in used else "" for key, field in self.cells.items()}
        return {**cells, "date": self.day.date().toString("yyyy-MM-dd"), "type": self.kind().name,
                "currency": self._currency, "description": self.description.text().strip()}

    async def save(self) -> bool:
        """Save through the import's checks; a sale beyond the holding or a purchase beyond the cash
        is said first, and saved as written only when Save is pressed again on the same form."""
        decimal_comma = QLocale().decimalPoint() == ","
        self.save_button.setEnabled(False)
        values = self.values()
        try:
            changes = await self._manual.save_activity(self._account_id, values, self._activity_id,
                                                       decimal_comma=decimal_comma,
                                                       confirmed=values == self._warned_for)
        except NeedsConfirmation as warning:
            self._warned_for = values
            self.message.setText(say(warning.user_message))
            self.save_button.setText(tr("Save anyway"))
            self.save_button.setEnabled(True)
            return False
        except CleraError as error:
            self.message.setText(say(error.user_message))
            self.save_button.setEnabled(True)
            return False
        self.saved_id = changes.item if isinstance(changes.item, int) else None
        self.accept()
        return True

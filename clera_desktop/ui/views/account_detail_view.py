"""One account's portfolio: holdings, balances, recent activities and orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.models.domain import AccountValue
from clera_desktop.portfolio.lots import LotMethod
from clera_desktop.realtime.valuation import AccountLiveValue
from clera_desktop.services.book import AccountDetail, ActivityRow, OrderRow, PositionRow
from clera_desktop.services.history import HistoryService
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import tr, translatable
from clera_desktop.ui.item_models.table_model import ROW_ROLE, Column, RowsTableModel
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.tasks import run_task
from clera_desktop.ui.views.performance_view import PerformanceView
from clera_desktop.ui.words import titled

if TYPE_CHECKING:
    from clera_desktop.services.gains import GainsService
    from clera_desktop.services.manual import ManualAccounts

POSITION_COLUMNS: list[Column[PositionRow]] = [
    Column(translatable("Symbol"), lambda p: p.symbol),
    Column(translatable("Name"), lambda p: p.description or fmt.DASH),  # a manual account's, when no brokerage names it
    Column(translatable("Quantity"), lambda p: fmt.quantity(p.quantity), lambda p: fmt.sort_number(p.quantity), True),
    Column(translatable("Price"), lambda p: fmt.money(p.price), lambda p: fmt.sort_number(p.price), True),
    Column(translatable("Market value"),
           lambda p: fmt.money(p.market_value, p.currency), lambda p: fmt.sort_number(p.market_value), True),
    Column(translatable("Cost basis"),
           lambda p: fmt.money(p.cost_basis, p.currency), lambda p: fmt.sort_number(p.cost_basis), True),
]
ACTIVITY_COLUMNS: list[Column[ActivityRow]] = [
    Column(translatable("Date"), lambda a: a.day.isoformat()),
    Column(translatable("Type"), lambda a: titled(a.type)),
    Column(translatable("Symbol"),
           lambda a: a.symbol or ""),
    Column(translatable("Quantity"),
           lambda a: fmt.quantity(a.quantity) if a.quantity else "", lambda a: fmt.sort_number(a.quantity), True),
    Column(translatable("Price"), lambda a: fmt.money(a.price) if a.price else "", lambda a: fmt.sort_number(a.price), True),
    Column(translatable("Amount"), lambda a: fmt.money(a.amount, a.currency), lambda a: fmt.sort_number(a.amount), True),
    Column(translatable("Description"), lambda a: a.description or ""),
]
ORDER_COLUMNS: list[Column[OrderRow]] = [
    Column(translatable("Placed"), lambda o: fmt.when(o.submitted_at)),
    Column(translatable("Symbol"), lambda o: o.symbol),
    Column(translatable("Side"), lambda o: titled(o.side)),
    Column(translatable("Type"), lambda o: titled(o.order_type)),
    Column(translatable("Quantity"),
           lambda o: fmt.quantity(o.quantity), lambda o: fmt.sort_number(o.quantity), True),
    Column(translatable("Filled"), lambda o: fmt.quantity(o.filled_quantity), lambda o: fmt.sort_number(o.filled_quantity), True),
    Column(translatable("Avg price"),
           lambda o: fmt.money(o.average_fill_price), lambda o: fmt.sort_number(o.average_fill_price), True),
    Column(translatable("Status"), lambda o: titled(o.status)),
]
BALANCE_COLUMNS: list[Column[tuple[str, object, object]]] = [
    Column(translatable("Currency"), lambda b: b[0]),
    Column(translatable("Cash"), lambda b: fmt.money(b[1]), numeric=True),  # type: ignore[arg-type]
    Column(translatable("Buying power"), lambda b: fmt.money(b[2]), numeric=True),  # type: ignore[arg-type]
]


class AccountDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None, *, history: HistoryService | None = None,
                 manual: ManualAccounts | None = None, today: Callable[[], date] | None = None,
                 gains: GainsService | None = None) -> None:
        """``manual``: activities of a manual account can be added, edited and deleted here;
        ``gains``: the account's lot method can be chosen here."""
        super().__init__(parent)
        self._manual, self._today, self._gains = manual, today, gains
        self.lot_method = QComboBox()
        self.lot_method.setAccessibleName(tr("Close lots by"))
        self.lot_method.setToolTip(tr("Which lots a sale in this account closes, for its cost and realised gain"))
        for method in LotMethod:
            self.lot_method.addItem(method.label, method.value)
        self.lot_method.hide()  # shown with an account (show_detail)
        self.lot_method.activated.connect(self._on_lot_method_activated)
        self.title = QLabel(tr("Select an account to see its portfolio."))
        self.live_label = QLabel("")
        self.live_label.setToolTip(tr("From live prices; the figures below are from the last sync."))
        self.positions = RowsTableModel(POSITION_COLUMNS, self)
        self.balances = RowsTableModel(BALANCE_COLUMNS, self)
        self.activities = RowsTableModel(ACTIVITY_COLUMNS, self)
        self.orders = RowsTableModel(ORDER_COLUMNS, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(sorted_table(self.positions, self, name=tr("The account's holdings"))[0], tr("Holdings"))
        self.tabs.addTab(sorted_table(self.balances, self, name=tr("The account's balances"))[0], tr("Balances"))
        self.activities_table, self._activities_proxy = sorted_table(self.activities, self, select_rows=True,
                                                                     name=tr("The account's activities"))
        self.tabs.addTab(self._activities_tab(), tr("Activities"))
        self.tabs.addTab(sorted_table(self.orders, self, name=tr("The account's orders"))[0], tr("Orders"))
        self.performance: PerformanceView | None = None
        if history is not None:
            self.performance = PerformanceView(history, self, show_choice=False)
            self.tabs.addTab(self.performance, tr("Performance"))
        self.account_id: str | None = None
        self._value: AccountValue | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.live_label)
        header.addWidget(self.lot_method)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _activities_tab(self) -> QWidget:
        """The table, and for a manual account the buttons (and a context menu) that change it."""
        tab = QWidget(self)
        self.add_activity_button = QPushButton(tr("Add activity\u2026"))
        self.edit_activity_button = QPushButton(tr("Edit\u2026"))
        self.delete_activity_button = QPushButton(tr("Delete"))
        self.add_activity_button.clicked.connect(lambda: self.open_activity_form(None))
        self.edit_activity_button.clicked.connect(lambda: self.open_activity_form(self.selected_activity_id()))
        self.delete_activity_button.clicked.connect(self.ask_and_delete_activity)
        self.activities_table.doubleClicked.connect(lambda _: self.open_activity_form(self.selected_activity_id()))
        self.activities_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in ((tr("Edit\u2026"), lambda: self.open_activity_form(self.selected_activity_id())),
                           (tr("Delete"), self.ask_and_delete_activity)):
            action = QAction(text, self.activities_table)
            action.triggered.connect(slot)
            self.activities_table.addAction(action)
        self.activity_buttons = QWidget(tab)
        bar = QHBoxLayout(self.activity_buttons)
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_activity_button, self.edit_activity_button, self.delete_activity_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.activity_buttons)
        layout.addWidget(self.activities_table, 1)
        self.activity_buttons.hide()
        return tab

    @property
    def editable(self) -> bool:
        """The shown account is manual: its activities are the person's to change."""
        return self._manual is not None and self._value is not None and self._value.provider == "manual"

    def selected_activity_id(self) -> int | None:
        index = self.activities_table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.id if isinstance(row, ActivityRow) else None

    def open_activity_form(self, activity_id: int | None) -> None:
        """Add an activity (None) or edit one, in a form with the CSV import's checks."""
        if not self.editable or self._value is None or self._manual is None:
            return
        run_task(self, self._open_activity_form(activity_id), on_error=self.title.setText)

    async def _open_activity_form(self, activity_id: int | None) -> None:
        from clera_desktop.ui.dialogs.activity_dialog import ActivityDialog

        assert self._manual is not None and self._value is not None and self._today is not None
        cells = None if activity_id is None else (await self._manual.activity(activity_id)).cells
        value = self._value
        self.activity_dialog = ActivityDialog(self._manual, value.account_id, value.name, value.currency,
                                              today=self._today(), activity_id=activity_id, cells=cells, parent=self)
        self.activity_dialog.open()

    def ask_and_delete_activity(self) -> None:
        activity_id = self.selected_activity_id()
        if not self.editable or activity_id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Delete activity"),
                          tr("Delete this activity? The account's holdings, cash and history are worked out again without it."),
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda button: run_task(self, self.delete_activity(activity_id),
                                                          on_error=self.title.setText) if button is delete else None)
        box.open()

    async def delete_activity(self, activity_id: int) -> None:
        assert self._manual is not None
        await self._manual.delete_activity(activity_id)  # announced: this view redraws with the others

    def show_detail(self, detail: AccountDetail) -> None:
        value = detail.value
        self._value = value
        self.account_id = value.account_id
        self.activity_buttons.setVisible(self.editable)
        if self._gains is not None:
            self.lot_method.show()
            run_task(self, self._show_lot_method(value.account_id), on_error=self.title.setText)
        if self.performance is not None:
            self.performance.set_fixed_account(value.account_id, value.name)
            self._performance_task = run_task(self.performance, self.performance.reload(), on_error=self.title.setText)
        total = fmt.money(value.total, value.currency)
        base = "" if value.currency == value.base_currency else f" \u2248 {fmt.money(value.total_base, value.base_currency)}"
        stale = tr(" \u2014 stale since {day}").format(day=f"{value.stale_since:%Y-%m-%d}") if value.stale_since else ""
        self.title.setText(f"<b>{value.name}</b> \u00b7 {value.institution} \u00b7 {total}{base}{stale}")
        self.positions.set_rows(detail.positions)
        self.balances.set_rows(detail.balances)
        self.activities.set_rows(detail.activities)
        self.orders.set_rows(detail.orders)

    async def _show_lot_method(self, account_id: str) -> None:
        assert self._gains is not None
        method = await self._gains.method(account_id)
        if self.account_id == account_id:
            self.lot_method.setCurrentIndex(self.lot_method.findData(method.value))

    def _on_lot_method_activated(self, _index: int) -> None:
        if self._gains is None or self.account_id is None:
            return
        method = LotMethod(self.lot_method.currentData())
        run_task(self, self._gains.set_lot_method(self.account_id, method), on_error=self.title.setText)

    def set_live(self, value: AccountLiveValue | None) -> None:
        if value is None:
            self.live_label.setText("")
            return
        partial = " (partial)" if value.missing_prices else ""
        self.live_label.setText(tr("Live value <b>{money}</b>{partial}")
                                .format(money=fmt.money(value.value, value.currency), partial=partial))

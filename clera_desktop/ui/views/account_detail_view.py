"""One account's portfolio: holdings, balances, recent activities and orders."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from clera_desktop.portfolio.history_service import HistoryService
from clera_desktop.realtime.valuation import AccountLiveValue
from clera_desktop.services import AccountDetail, ActivityRow, OrderRow, PositionRow
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.views.performance_view import PerformanceView

POSITION_COLUMNS: list[Column[PositionRow]] = [
    Column("Symbol", lambda p: p.symbol),
    Column("Name", lambda p: p.description or ""),
    Column("Quantity", lambda p: fmt.quantity(p.quantity), lambda p: fmt.sort_number(p.quantity), True),
    Column("Price", lambda p: fmt.money(p.price), lambda p: fmt.sort_number(p.price), True),
    Column("Market value", lambda p: fmt.money(p.market_value, p.currency), lambda p: fmt.sort_number(p.market_value), True),
    Column("Cost basis", lambda p: fmt.money(p.cost_basis, p.currency), lambda p: fmt.sort_number(p.cost_basis), True),
]
ACTIVITY_COLUMNS: list[Column[ActivityRow]] = [
    Column("Date", lambda a: a.day.isoformat()),
    Column("Type", lambda a: a.type.replace("_", " ").title()),
    Column("Symbol", lambda a: a.symbol or ""),
    Column("Quantity", lambda a: fmt.quantity(a.quantity) if a.quantity else "", lambda a: fmt.sort_number(a.quantity), True),
    Column("Price", lambda a: fmt.money(a.price) if a.price else "", lambda a: fmt.sort_number(a.price), True),
    Column("Amount", lambda a: fmt.money(a.amount, a.currency), lambda a: fmt.sort_number(a.amount), True),
    Column("Description", lambda a: a.description or ""),
]
ORDER_COLUMNS: list[Column[OrderRow]] = [
    Column("Placed", lambda o: fmt.when(o.submitted_at)),
    Column("Symbol", lambda o: o.symbol),
    Column("Side", lambda o: o.side.title()),
    Column("Type", lambda o: o.order_type.replace("_", " ").title()),
    Column("Quantity", lambda o: fmt.quantity(o.quantity), lambda o: fmt.sort_number(o.quantity), True),
    Column("Filled", lambda o: fmt.quantity(o.filled_quantity), lambda o: fmt.sort_number(o.filled_quantity), True),
    Column("Avg price", lambda o: fmt.money(o.average_fill_price), lambda o: fmt.sort_number(o.average_fill_price), True),
    Column("Status", lambda o: o.status.replace("_", " ").title()),
]
BALANCE_COLUMNS: list[Column[tuple[str, object, object]]] = [
    Column("Currency", lambda b: b[0]),
    Column("Cash", lambda b: fmt.money(b[1]), numeric=True),  # type: ignore[arg-type]
    Column("Buying power", lambda b: fmt.money(b[2]), numeric=True),  # type: ignore[arg-type]
]


class AccountDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None, *, history: HistoryService | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Select an account to see its portfolio.")
        self.live_label = QLabel("")
        self.live_label.setToolTip("From live prices; the figures below are from the last sync.")
        self.positions = RowsTableModel(POSITION_COLUMNS, self)
        self.balances = RowsTableModel(BALANCE_COLUMNS, self)
        self.activities = RowsTableModel(ACTIVITY_COLUMNS, self)
        self.orders = RowsTableModel(ORDER_COLUMNS, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(sorted_table(self.positions, self)[0], "Holdings")
        self.tabs.addTab(sorted_table(self.balances, self)[0], "Balances")
        self.tabs.addTab(sorted_table(self.activities, self)[0], "Activities")
        self.tabs.addTab(sorted_table(self.orders, self)[0], "Orders")
        self.performance: PerformanceView | None = None
        if history is not None:
            self.performance = PerformanceView(history, self, show_choice=False)
            self.tabs.addTab(self.performance, "Performance")
        self.account_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.live_label)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def show_detail(self, detail: AccountDetail) -> None:
        value = detail.value
        self.account_id = value.account_id
        if self.performance is not None:
            self.performance.set_fixed_account(value.account_id, value.name)
            self._performance_task = asyncio.ensure_future(self.performance.reload())
        total = fmt.money(value.total, value.currency)
        base = "" if value.currency == value.base_currency else f" \u2248 {fmt.money(value.total_base, value.base_currency)}"
        stale = f" \u2014 stale since {value.stale_since:%Y-%m-%d}" if value.stale_since else ""
        self.title.setText(f"<b>{value.name}</b> \u00b7 {value.institution} \u00b7 {total}{base}{stale}")
        self.positions.set_rows(detail.positions)
        self.balances.set_rows(detail.balances)
        self.activities.set_rows(detail.activities)
        self.orders.set_rows(detail.orders)

    def set_live(self, value: AccountLiveValue | None) -> None:
        if value is None:
            self.live_label.setText("")
            return
        partial = " (partial)" if value.missing_prices else ""
        self.live_label.setText(f"Live value <b>{fmt.money(value.value, value.currency)}</b>{partial}")

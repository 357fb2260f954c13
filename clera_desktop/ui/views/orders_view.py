"""Open and recent orders across accounts, kept current, with cancel; and the audit log.

While any order is open the view asks the brokerages for news every few seconds (only while
it is on screen); a fill makes the trading service sync that account, and the window reloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.trading.audit import AuditRow, export_audit_csv
from clera_desktop.trading.order_store import OrderListRow
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.columns import resize_columns_soon
from clera_desktop.ui.i18n import plural, say, tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.slots import async_slot
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.tasks import run_task
from clera_desktop.ui.words import titled

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.trading.service import TradingService

TRACK_INTERVAL_MS = 4000
BACKGROUND_EVERY = 8  # timer ticks between checks while the view is not on screen

ORDER_COLUMNS: list[Column[OrderListRow]] = [
    Column(translatable("Submitted"),
           lambda r: fmt.when(r.submitted_at), lambda r: r.submitted_at.timestamp() if r.submitted_at else 0),
    Column(translatable("Account"), lambda r: r.account_name),
    Column(translatable("Symbol"), lambda r: r.symbol),
    Column(translatable("Side"), lambda r: titled(r.side)),
    Column(translatable("Type"),
           lambda r: titled(r.order_type, "-")),
    Column(translatable("Quantity"),
           lambda r: fmt.quantity(r.quantity) if r.quantity is not None else fmt.money(r.notional, r.currency),
           lambda r: fmt.sort_number(r.quantity if r.quantity is not None else r.notional), numeric=True),
    Column(translatable("Limit"), lambda r: fmt.money(r.limit_price), lambda r: fmt.sort_number(r.limit_price), numeric=True),
    Column(translatable("Stop"),
           lambda r: fmt.money(r.stop_price), lambda r: fmt.sort_number(r.stop_price), numeric=True),
    Column(translatable("Status"), lambda r: titled(r.status.value), tooltip=lambda r: r.reject_reason),
    Column(translatable("Filled"),
           lambda r: fmt.quantity(r.filled_quantity), lambda r: fmt.sort_number(r.filled_quantity), numeric=True),
    Column(translatable("Avg price"),
           lambda r: fmt.money(r.average_fill_price, r.currency), lambda r: fmt.sort_number(r.average_fill_price),
           numeric=True),
    Column(translatable("Reason"), lambda r: r.reject_reason or ""),
]

AUDIT_COLUMNS: list[Column[AuditRow]] = [
    Column(translatable("When"), lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), lambda r: r.at.timestamp()),
    Column(translatable("Action"), lambda r: r.action.replace("_", " ")),
    Column(translatable("Account"), lambda r: r.account_name or r.account_id or ""),
    Column(translatable("What"), lambda r: r.summary),
]


class OrdersView(QWidget):
    orders_filled = Signal(str)
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = Change.ORDERS | Change.ACCOUNTS
    reading = translatable("Reading the orders\u2026")

    async def load(self, _changes: Changes) -> None:
        await self.reload()

    def __init__(self, trading: TradingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trading = trading
        self.model: RowsTableModel[OrderListRow] = RowsTableModel(ORDER_COLUMNS, self)
        self.table, self.proxy = sorted_table(self.model, self, fit_columns=False, select_rows=True, name=tr("Orders"))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.cancel_button = QPushButton(tr("Cancel order\u2026"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.refresh_button = QPushButton(tr("Check status"))
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.status = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.cancel_button)
        orders_page = QWidget()
        orders_layout = QVBoxLayout(orders_page)
        orders_layout.addLayout(bar)
        orders_layout.addWidget(self.table, 1)

        self.audit_model: RowsTableModel[AuditRow] = RowsTableModel(AUDIT_COLUMNS, self)
        self.audit_table, _ = sorted_table(self.audit_model, self, fit_columns=False, select_rows=True,
                                           name=tr("Audit log"))
        self.audit_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        for table in (self.table, self.audit_table):  # no rows yet: as wide as their titles, no scrollbar
            table.resizeColumnsToContents()
        self.export_button = QPushButton(tr("Export CSV\u2026"))
        self.export_button.clicked.connect(self._on_export_clicked)
        audit_page = QWidget()
        audit_layout = QVBoxLayout(audit_page)
        audit_bar = QHBoxLayout()
        audit_bar.addWidget(QLabel(tr("Every preview, order, cancel and rejection made from this app.")), 1)
        audit_bar.addWidget(self.export_button)
        audit_layout.addLayout(audit_bar)
        audit_layout.addWidget(self.audit_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(orders_page, tr("Orders"))
        self.tabs.addTab(audit_page, tr("Audit log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.timer = QTimer(self, interval=TRACK_INTERVAL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._tracking = False
        self._timer_ticks = 0
        self.confirm_box: QMessageBox | None = None

    async def reload(self) -> None:
        orders, audit_rows = await self._trading.orders(), await self._trading.audit_log()
        if not isValid(self):
            return
        first_orders, first_audit = not self.model.rows, not self.audit_model.rows
        self.model.set_rows(orders)
        self.audit_model.set_rows(audit_rows)
        if first_orders and orders:
            resize_columns_soon(self.table, range(len(ORDER_COLUMNS) - 1))
        if first_audit and audit_rows:
            resize_columns_soon(self.audit_table, range(len(AUDIT_COLUMNS) - 1))
        open_count = sum(1 for o in orders if o.is_open)
        self.status.setText(tr("{open_count} open \u00b7 {orders}").format(
                                open_count=open_count, orders=plural(len(orders), tr("{count} order"), tr("{count} orders")))
                            if orders else tr("No orders yet."))
        if open_count and not self.timer.isActive():
            self.timer.start()
        elif not open_count:
            self.timer.stop()
        self._update_buttons()

    def selected_order(self) -> OrderListRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        order = self.selected_order()
        unconfirmed = bool(order and order.is_open and not order.provider_order_id)
        self.cancel_button.setText(tr("Close ticket\u2026") if unconfirmed else tr("Cancel order\u2026"))
        self.cancel_button.setEnabled(bool(order and order.is_open))

    async def track_now(self) -> None:
        if self._tracking:
            return
        self._tracking = True
        try:
            filled = await self._trading.track()
        finally:
            self._tracking = False
        self._timer_ticks = 0
        if not isValid(self):
            return
        await self.reload()
        if filled:
            symbols = ", ".join(sorted({f.symbol for f in filled}))
            self.orders_filled.emit(tr("Filled: {symbols}. Holdings updated.").format(symbols=symbols))

    @async_slot()
    async def _on_timer_timeout(self) -> None:
        """Every few seconds on screen; every half minute otherwise (a fill still syncs its account)."""
        self._timer_ticks += 1
        if self.isVisible() or self._timer_ticks % BACKGROUND_EVERY == 0:
            await self.track_now()

    @async_slot()
    async def _on_refresh_clicked(self) -> None:
        await self.track_now()

    def _on_cancel_clicked(self) -> None:
        order = self.selected_order()
        if order is None:
            return
        if not order.provider_order_id:
            self._ask_to_close_ticket(order)
            return
        self.confirm_box = box = QMessageBox(
            QMessageBox.Icon.Question, tr("Cancel order"),
            tr("Cancel the {side} order for {quantity} {symbol} in {account_name}?")
            .format(side=order.side, quantity=fmt.quantity(order.quantity), symbol=order.symbol,
                    account_name=order.account_name),
            parent=self)
        keep = box.addButton(tr("Keep order"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_cancel_button = box.addButton(tr("Cancel order"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.buttonClicked.connect(
            lambda button: run_task(self, self.cancel_order(order.id)) if button is self.confirm_cancel_button else None)
        box.open()

    def _ask_to_close_ticket(self, order: OrderListRow) -> None:
        self.confirm_box = box = QMessageBox(
            QMessageBox.Icon.Question, tr("Close ticket"),
            tr("The brokerage never confirmed the {side} ticket for {quantity} {symbol} in {account_name}, and the app "
               "found no such order there. Close the ticket? If the order did reach the brokerage, it appears at the next "
               "sync.")
            .format(side=order.side, quantity=fmt.quantity(order.quantity), symbol=order.symbol,
                    account_name=order.account_name), parent=self)
        keep = box.addButton(tr("Keep it open"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_close_button = box.addButton(tr("Close ticket"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.buttonClicked.connect(
            lambda button: run_task(self, self.close_ticket(order.id)) if button is self.confirm_close_button else None)
        box.open()

    async def close_ticket(self, order_id: int) -> None:
        try:
            await self._trading.close_ticket(order_id)
        except CleraError as error:
            self.status.setText(f"<span style='color:#c0392b'>{say(error.user_message)}</span>")
            return
        await self.reload()
        self.status.setText(tr("Ticket closed."))

    async def cancel_order(self, order_id: int) -> None:
        self.cancel_button.setEnabled(False)
        try:
            updated = await self._trading.cancel(order_id)
        except CleraError as error:
            self.status.setText(f"<span style='color:#c0392b'>{say(error.user_message)}</span>")
            return
        await self.reload()
        self.status.setText(tr("Order {order} is {status}.")
                            .format(order=updated.provider_order_id,
                                    status=titled(updated.status.value).lower()))

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export audit log"), "clera-audit-log.csv",
                                              tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            export_audit_csv(self.audit_model.rows, Path(path))
        except OSError as error:
            self.status.setText(tr("Could not write {path}: {reason}. Choose another folder.")
                                .format(path=path, reason=error.strerror or error))
            return
        self.status.setText(tr("Exported {count} audit entries to {path}").format(count=len(self.audit_model.rows), path=path))


def build(services: AppServices) -> OrdersView:
    """The window's orders view on the app's services (ui/window_views.py)."""
    return OrdersView(services.trading)

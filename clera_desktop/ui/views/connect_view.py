"""Connect brokerages (SnapTrade portal), investments (Plaid Link), the Clera account (Alpaca),
and look after existing connections: refresh, reconnect, remove."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.models.enums import Provider
from clera_desktop.services.book import ConnectionRow
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.dialogs.alpaca_dialog import AlpacaDialog
from clera_desktop.ui.dialogs.portal_dialog import PLAID_CALLBACK, SNAPTRADE_CALLBACK, PortalDialog
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.item_models.table_model import SORT_ROLE, Column, RowsTableModel
from clera_desktop.ui.slots import async_slot
from clera_desktop.ui.views.key_setup import KeySetupGuide

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices

log = logging.getLogger(__name__)

PORTAL_ERRORS = {
    "1066": translatable("The brokerage did not accept the username or password."),
    "3000": translatable("The brokerage could not be reached. Try again later."),
    "1006": translatable("The connection link expired. Start again."),
    "1023": translatable("That login belongs to a different brokerage account than the one being reconnected."),
    "1140": translatable("This brokerage does not allow trading through SnapTrade; connect it read-only."),
    "1086": translatable("The security code was not accepted."),
}
BROKERAGES = ("", "ROBINHOOD", "QUESTRADE", "ETRADE", "WEALTHSIMPLE", "FIDELITY", "SCHWAB", "ALPACA")

CONNECTION_COLUMNS: list[Column[ConnectionRow]] = [
    Column(translatable("Connection"), lambda c: c.name),
    Column(translatable("Provider"), lambda c: fmt.provider_text(c.provider)),
    Column(translatable("Access"), lambda c: tr("Trading") if c.access == "trade" else tr("Read-only")),
    Column(translatable("Status"), lambda c: fmt.status_text(c.status),
           tooltip=lambda c: c.status_reason or c.last_error),
    Column(translatable("Accounts"), lambda c: str(c.accounts), sort=lambda c: c.accounts, numeric=True),
    Column(translatable("Last sync"),
           lambda c: fmt.when(c.last_sync_at), sort=lambda c: c.last_sync_at.timestamp() if c.last_sync_at else 0),
    Column(translatable("Problem"), lambda c: c.status_reason or c.last_error or ""),
]


class ConnectView(QWidget):
    connections_changed = Signal(str)  # a sentence for the status bar
    keys_requested = Signal()  # the guide's "Enter API keys…": the window opens Settings
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = Change.CONNECTIONS | Change.CREDENTIALS | Change.ACCOUNTS | Change.SYNC_STATUS
    reading = translatable("Reading the connections\u2026")

    async def load(self, _changes: Changes) -> None:
        connections = await self._services.book.connections()
        self.set_connections(connections)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        layout = QVBoxLayout(self)
        self.guide = KeySetupGuide(self)
        self.guide.keys_requested.connect(self.keys_requested.emit)
        layout.addWidget(self.guide)
        self.guide.show_missing(services.registry.missing)

        snaptrade = QGroupBox(tr("Brokerage (SnapTrade)"))
        self.read_only = QRadioButton(tr("Read-only"))
        self.trading = QRadioButton(tr("Trading"))
        self.read_only.setChecked(True)
        access = QButtonGroup(self)
        access.addButton(self.read_only)
        access.addButton(self.trading)
        self.brokerage = QComboBox()
        self.brokerage.setAccessibleName(tr("Brokerage"))
        for slug in BROKERAGES:
            self.brokerage.addItem(slug.title() if slug else tr("Choose in the portal"), slug or None)
        self.connect_snaptrade = QPushButton(tr("Connect a brokerage\u2026"))
        self.connect_snaptrade.clicked.connect(self.request_snaptrade_connection)
        row = QHBoxLayout(snaptrade)
        for widget in (self.read_only, self.trading, QLabel(tr("Brokerage:")), self.brokerage):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.connect_snaptrade)

        others = QGroupBox(tr("Other accounts"))
        self.link_plaid = QPushButton(tr("Link investments (Plaid)\u2026"))
        self.link_plaid.clicked.connect(self.request_plaid_link)
        self.add_alpaca = QPushButton(tr("Add Clera brokerage account (Alpaca)\u2026"))
        self.add_alpaca.clicked.connect(self.request_alpaca_keys)
        other_row = QHBoxLayout(others)
        other_row.addWidget(self.link_plaid)
        other_row.addWidget(self.add_alpaca)
        other_row.addStretch(1)

        self.model: RowsTableModel[ConnectionRow] = RowsTableModel(CONNECTION_COLUMNS, self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Connections"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._proxy = proxy

        actions = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Refresh"))
        self.reconnect_button = QPushButton(tr("Reconnect\u2026"))
        self.remove_button = QPushButton(tr("Remove\u2026"))
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.reconnect_button.clicked.connect(self._on_reconnect_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self.refresh_button, self.reconnect_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.notice = QLabel("")
        self.notice.setWordWrap(True)

        layout.addWidget(snaptrade)
        layout.addWidget(others)
        layout.addWidget(QLabel(tr("<b>Your connections</b>")))
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    # ---- state --------------------------------------------------------------------------

    def set_connections(self, rows: list[ConnectionRow]) -> None:
        self.guide.show_missing(self._services.registry.missing)  # keys may have arrived since
        self.model.set_rows(rows)
        self._update_actions()

    def selected(self) -> ConnectionRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self._proxy.mapToSource(rows[0]).row())

    def _update_actions(self, *_: object) -> None:
        row = self.selected()
        self.refresh_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None and row.provider != "alpaca")
        self.reconnect_button.setEnabled(row is not None and row.status == "needs_reconnect"
                                         and row.provider in ("snaptrade", "plaid"))

    def _say(self, text: str) -> None:
        """What happened, under the connections (nothing changed: a missing key, a cancel, an error)."""
        self.notice.setText(say(text))

    def _announce(self, text: str) -> None:
        """The connections changed: say so, and tell the window (which re-reads what they feed)."""
        self._say(text)
        self.connections_changed.emit(text)

    # ---- SnapTrade ------------------------------------------------------------------------

    @async_slot()
    async def request_snaptrade_connection(self) -> None:
        await self.connect_snaptrade_flow(trading=self.trading.isChecked(), broker=self.brokerage.currentData())

    async def connect_snaptrade_flow(self, *, trading: bool, broker: str | None = None,
                                     reconnect: str | None = None) -> str:
        """Portal inside the app -> callback -> confirm with SnapTrade -> sync. Returns what was said."""
        reason = self._services.connecting.missing_reason(Provider.SNAPTRADE)
        if reason:
            self._say(reason)
            return reason
        self.connect_snaptrade.setEnabled(False)
        try:
            url = await self._services.connecting.snaptrade_portal_url(trading=trading, redirect=SNAPTRADE_CALLBACK,
                                                            broker=broker, reconnect=reconnect)
            self.portal = PortalDialog(url, SNAPTRADE_CALLBACK, tr("Connect a brokerage"), self)
            params = await self.portal.run()
            status = (params or {}).get("status")
            if status == "SUCCESS":
                self._say(tr("Connected. Syncing the new accounts\u2026"))
                await self._services.connecting.confirm_snaptrade_connection(params["connection_id"])  # type: ignore[index]
                self._announce(tr("Brokerage connected and synced.") if not reconnect else tr("Connection repaired and synced."))
            elif status == "ERROR":
                code = (params or {}).get("error_code", "")
                self._say(tr(PORTAL_ERRORS[code]) if code in PORTAL_ERRORS
                          else tr("The connection failed (SnapTrade error {code}).").format(code=code or "unknown"))
            else:
                self._say(tr("No brokerage was connected."))
        except CleraError as error:
            self._say(error.user_message)
        finally:
            self.connect_snaptrade.setEnabled(True)
        return self.notice.text()

    # ---- Plaid ----------------------------------------------------------------------------

    @async_slot()
    async def request_plaid_link(self) -> None:
        await self.link_plaid_flow()

    async def link_plaid_flow(self, item_id: str | None = None) -> str:
        reason = self._services.connecting.missing_reason(Provider.PLAID)
        if reason:
            self._say(reason)
            return reason
        try:
            link = await self._services.connecting.plaid_hosted_link(redirect=PLAID_CALLBACK, item_id=item_id)
            self.portal = PortalDialog(link.url, PLAID_CALLBACK, tr("Link investment accounts"), self)
            params = await self.portal.run()
            if params is None:
                self._say(tr("No account was linked."))
                return self.notice.text()
            outcome = await self._services.connecting.finish_plaid_link(link.link_token)
            if outcome.exit_reason:
                self._say(outcome.exit_reason)
            elif outcome.public_tokens or item_id:
                self._announce(tr("Investment accounts linked and synced.") if not item_id else tr("Connection repaired."))
            else:
                self._say(tr("Plaid has not finished linking yet. Try Refresh in a moment."))
        except CleraError as error:
            self._say(error.user_message)
        return self.notice.text()

    # ---- Alpaca ---------------------------------------------------------------------------

    @async_slot()
    async def request_alpaca_keys(self) -> None:
        async def verify(key: str, secret: str, paper: bool) -> str:
            return await self._services.connecting.connect_alpaca(api_key=key, secret_key=secret, paper=paper)

        self.alpaca_dialog = AlpacaDialog(verify, self)
        self.alpaca_dialog.accepted.connect(
            lambda: self._announce(tr("{account} added and synced.").format(account=self.alpaca_dialog.account_name)))
        self.alpaca_dialog.open()

    # ---- existing connections ---------------------------------------------------------------

    @async_slot()
    async def _on_refresh_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            await self._services.connecting.refresh_connection(row.id)
            self._announce(tr("{connection} refreshed.").format(connection=row.name))
        except CleraError as error:
            self._say(error.user_message)

    @async_slot()
    async def _on_reconnect_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.provider == "snaptrade":
            await self.connect_snaptrade_flow(trading=row.access == "trade", reconnect=row.provider_connection_id)
        else:
            await self.link_plaid_flow(item_id=row.provider_connection_id)

    @async_slot()
    async def _on_remove_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("Remove connection"),
            tr("Remove {row}? Its accounts disappear from your totals; their history and audit log stay.").format(row=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            await self._services.connecting.remove_connection(row.id)
            self._announce(tr("{connection} removed.").format(connection=row.name))
        except CleraError as error:
            self._say(error.user_message)


def build(services: AppServices) -> ConnectView:
    """The window's connect view on the app's services (ui/window_views.py)."""
    return ConnectView(services)

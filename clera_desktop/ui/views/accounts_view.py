"""Accounts grouped by institution; selecting one opens its portfolio below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTreeView, QVBoxLayout, QWidget

from clera_desktop.core.errors import CleraError
from clera_desktop.models.domain import AccountValue
from clera_desktop.ui.columns import resize_columns_soon
from clera_desktop.ui.item_models.accounts_tree_model import AccountsTreeModel
from clera_desktop.ui.slots import async_slot

if TYPE_CHECKING:
    from clera_desktop.services import AppServices
    from clera_desktop.ui.views.account_detail_view import AccountDetailView


class AccountsView(QWidget):
    def __init__(self, services: AppServices | None = None, parent: QWidget | None = None) -> None:
        """Without ``services`` (the first paint, before the store is open) the accounts list can
        show the last session's figures; :meth:`attach` adds the account portfolio below it."""
        super().__init__(parent)
        self._services = services
        self.model = AccountsTreeModel(self)  # sorts itself (see its docstring)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.shown_account: str | None = None
        self._widths_settled = False  # measured, or the last session's: worth keeping
        self.detail: AccountDetailView | None = None
        if services is not None:
            self.attach(services)

    def attach(self, services: AppServices) -> None:
        from clera_desktop.ui.views.account_detail_view import AccountDetailView

        self._services = services
        # selecting an account opens its portfolio, which needs the services
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.detail = AccountDetailView(self, history=services.history)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([320, 360])

    def set_accounts(self, accounts: list[AccountValue], base_currency: str,
                     column_widths: list[int] | None = None) -> None:
        """``column_widths``: the last session's, so the first frame measures no text."""
        first = not self.model.accounts()
        self.model.set_accounts(accounts, base_currency)
        self.tree.expandAll()
        if not (first and accounts):  # sized once; later refreshes keep the person's widths
            return
        if column_widths and len(column_widths) == self.model.columnCount():
            for column, width in enumerate(column_widths):
                self.tree.setColumnWidth(column, width)
            self._widths_settled = True
        else:
            resize_columns_soon(self.tree, range(self.model.columnCount()), done=self._on_widths_measured)

    def _on_widths_measured(self) -> None:
        self._widths_settled = True

    def column_widths(self) -> list[int]:
        """The widths to start with next time; empty until they have been measured."""
        if not self._widths_settled:
            return []
        return [self.tree.columnWidth(column) for column in range(self.model.columnCount())]

    @async_slot()
    async def _on_tree_current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        account = self.model.account(current)
        if account is not None and self._services is not None:
            await self.open_account(account.account_id)

    async def open_account(self, account_id: str) -> None:
        assert self._services is not None and self.detail is not None, "attach() first"
        try:
            detail = await self._services.account_detail(account_id)
        except CleraError as error:
            self.detail.title.setText(error.user_message)
            return
        self.shown_account = account_id
        self.detail.show_detail(detail)

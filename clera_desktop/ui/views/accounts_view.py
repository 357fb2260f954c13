"""Accounts grouped by institution; selecting one opens its portfolio below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from clera_desktop.core.errors import CleraError
from clera_desktop.models.domain import AccountValue
from clera_desktop.portfolio.totals import total_of
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.columns import give_the_rest_to, resize_columns_soon
from clera_desktop.ui.i18n import plural, tr
from clera_desktop.ui.item_models.accounts_tree_model import AccountsTreeModel
from clera_desktop.ui.slots import async_slot

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.ui.views.account_detail_view import AccountDetailView


class AccountsView(QWidget):
    manual_account_requested = Signal()  # "Add manual account…" from the context menu: the window's dialog

    def __init__(self, services: AppServices | None = None, parent: QWidget | None = None) -> None:
        """Without ``services`` (the first paint, before the store is open) the accounts list can
        show the last session's figures; :meth:`attach` adds the account portfolio below it."""
        super().__init__(parent)
        self._services = services
        self.model = AccountsTreeModel(self)  # sorts itself (see its docstring)
        self.tree = QTreeView(self)
        self.tree.setAccessibleName(tr("Accounts"))
        self.tree.setModel(self.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)  # the status is measured; the names take the rest
        self._fit_names = give_the_rest_to(self.tree, 0, minimum=120, maximum=300)  # the group row names the institution
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.total = QLabel()  # the portfolio's total: the figure the Dashboard, Holdings and Performance show
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total_note = QLabel()  # what the total leaves out, by name
        self.total_note.setWordWrap(True)
        self.total_note.setStyleSheet("color: #b9770e")
        self.total_note.hide()
        # until an account is chosen the list has the whole height (no empty pane below it)
        self.hint = QLabel(tr("Choose an account to see its holdings, balances, activities, orders and performance."))
        self.hint.setStyleSheet("color: gray")
        listing = QWidget(self)
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.total)
        column.addWidget(self.total_note)
        column.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(listing)
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
        self.detail = AccountDetailView(self, history=services.history, manual=services.manual,
                                        today=lambda: services.settings.clock.today(), gains=services.gains)
        self.splitter.addWidget(self.detail)
        self.detail.hide()  # shown with the first account chosen (open_account)

    def set_accounts(self, accounts: list[AccountValue], base_currency: str,
                     column_widths: list[int] | None = None) -> None:
        """``column_widths``: the last session's, so the first frame measures no text."""
        first = not self.model.accounts()
        self.model.set_accounts(accounts, base_currency)
        self._show_total(accounts, base_currency)
        self.tree.expandAll()
        if not (first and accounts):  # sized once; later refreshes keep the person's widths
            return
        if column_widths and len(column_widths) == self.model.columnCount():
            for column, width in enumerate(column_widths):
                self.tree.setColumnWidth(column, width)  # the names' too: fitted again when the view is resized
            self._widths_settled = True
            # the status, last and not stretched, fits what it says now ("Kept by hand", "Stale since ...")
            resize_columns_soon(self.tree, [self.model.columnCount() - 1])
        else:
            resize_columns_soon(self.tree, range(self.model.columnCount()), done=self._on_widths_measured)

    def _show_total(self, accounts: list[AccountValue], base_currency: str) -> None:
        total = total_of(accounts, base_currency)
        count = len(accounts)
        accounts_said = plural(count, tr("{count} account"), tr("{count} accounts"))
        self.total.setText(tr("Total <b>{money}</b> \u00b7 {accounts}").format(
            money=fmt.money(total.amount, base_currency), accounts=accounts_said) if accounts else "")
        self.total_note.setText(total.note())
        self.total_note.setVisible(not total.complete)

    def _on_widths_measured(self) -> None:
        self._widths_settled = True
        self._fit_names()

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
            detail = await self._services.book.account_detail(account_id)
        except CleraError as error:
            self._say(error.user_message)
            return
        self.shown_account = account_id
        self.detail.show_detail(detail)
        if self.detail.isHidden():
            self.hint.hide()
            self.detail.show()
            height = max(self.splitter.height(), 400)  # the account's pane (with its chart) gets the room
            self.splitter.setSizes([height * 2 // 5, height - height * 2 // 5])

    # ---- the context menu ---------------------------------------------------------------------

    def context_menu(self, account: AccountValue | None) -> QMenu:
        """What can be done with ``account`` (None: the empty space below the list)."""
        menu = QMenu(self)
        manual = account is not None and account.provider == "manual"
        if account is not None:
            add = menu.addAction(tr("Add activity\u2026"), lambda: self._add_activity_to(account.account_id))
            rename = menu.addAction(tr("Rename\u2026"), lambda: self.ask_and_rename(account))
            delete = menu.addAction(tr("Delete account\u2026"), lambda: self.ask_and_delete(account))
            for action in (add, rename, delete):
                action.setEnabled(manual)
                if not manual:
                    action.setToolTip(tr("{account} is kept by {institution}: the sync changes it.")
                                      .format(account=account.name, institution=account.institution))
            menu.setToolTipsVisible(True)
            menu.addSeparator()
        menu.addAction(tr("Add manual account\u2026"), self.manual_account_requested.emit)
        return menu

    def _on_context_menu_requested(self, point: QPoint) -> None:
        account = self.model.account(self.tree.indexAt(point))
        self.menu = self.context_menu(account)
        self.menu.popup(self.tree.viewport().mapToGlobal(point))

    def _add_activity_to(self, account_id: str) -> None:
        from clera_desktop.ui.tasks import run_task  # asyncio: not a cost of the first paint

        run_task(self, self._open_then_add(account_id), on_error=self._say)

    async def _open_then_add(self, account_id: str) -> None:
        await self.open_account(account_id)
        if self.detail is not None and self.detail.account_id == account_id:
            self.detail.open_activity_form(None)

    def ask_and_rename(self, account: AccountValue) -> None:
        assert self._services is not None
        from clera_desktop.ui.tasks import run_task  # asyncio: not a cost of the first paint

        name, ok = QInputDialog.getText(self, tr("Rename account"), tr("Name"), text=account.name)
        if ok and name.strip() and name.strip() != account.name:
            run_task(self, self._services.manual.rename_account(account.account_id, name), on_error=self._say)

    def ask_and_delete(self, account: AccountValue) -> None:
        assert self._services is not None
        from clera_desktop.ui.tasks import run_task  # asyncio: not a cost of the first paint

        box = QMessageBox(QMessageBox.Icon.Warning, tr("Delete account"),
                          tr("Delete {account} and every activity in it? This cannot be undone (a backup of the data is "
                             "taken daily).").format(account=account.name), QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        services = self._services
        box.buttonClicked.connect(lambda button: run_task(self, services.manual.delete_account(account.account_id),
                                                          on_error=self._say) if button is delete else None)
        box.open()
        self.delete_box = box

    def _say(self, text: str) -> None:
        if self.detail is not None and not self.detail.isHidden():
            self.detail.title.setText(text)
        else:
            self.hint.setText(text)

"""Accounts grouped by institution: an institution row, then its accounts.

Sorted here, not through a QSortFilterProxyModel: a proxy maps every index it paints back through
Python (a thousand calls for the first frame of a dozen accounts). A header click reorders the
institutions and the accounts within each, keeping what the view expanded and selected.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clera_desktop.core.money import sum_known
from clera_desktop.models.domain import AccountValue
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import tr, translatable
from clera_desktop.ui.item_models.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE
from clera_desktop.ui.item_models.two_level_model import TOP, TwoLevelTreeModel

Index = QModelIndex | QPersistentModelIndex
# figures' titles on two lines: at 1024 px the last sync and the status stay in view
COLUMNS = (  # shown through tr (header_title)
    translatable("Account"), translatable("Number"), translatable("Type"), translatable("Provider"),
    translatable("Access"), translatable("Currency"), translatable("Cash"), translatable("Total\nvalue"),
    translatable("Total"), translatable("Last\nsync"), translatable("Status"))
NUMERIC = {6, 7, 8}
WARNING = QColor("#c0392b")


class AccountsTreeModel(TwoLevelTreeModel):
    columns = COLUMNS
    numeric = frozenset(NUMERIC)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._arrival: list[tuple[str, list[AccountValue]]] = []  # as the store lists them
        self._groups: list[tuple[str, list[AccountValue]]] = []  # as shown
        self._base = "USD"
        self._texts: dict[str, tuple[str, ...]] = {}  # per account id, formatted once
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)

    def set_accounts(self, accounts: list[AccountValue], base_currency: str) -> None:
        self.beginResetModel()
        groups: OrderedDict[str, list[AccountValue]] = OrderedDict()
        for account in accounts:
            groups.setdefault(account.institution, []).append(account)
        self._arrival = list(groups.items())
        self._base = base_currency
        self._texts = {}
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        places = [self._place_of(index) for index in before]
        self._arrange()
        self.changePersistentIndexList(before, [self._index_at(*place) for place in places])
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        """Institutions and their accounts in the chosen order (stable: ties keep the store's)."""
        column, reverse = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder
        groups = [(name, list(accounts)) for name, accounts in self._arrival]
        if column >= 0:
            for _, accounts in groups:
                accounts.sort(key=lambda a: self._account_key(a, column), reverse=reverse)
            groups.sort(key=lambda group: self._group_key(group, column), reverse=reverse)
        self._groups = groups

    def _account_key(self, account: AccountValue, column: int) -> Any:
        numbers = {6: account.cash, 7: account.total, 8: account.total_base}
        if column in numbers:
            return fmt.sort_number(numbers[column])
        if column == 9:  # by when, not by the words "2 h ago"
            return account.last_sync_at.timestamp() if account.last_sync_at else float("-inf")
        return self._texts_for(account)[column].casefold()

    @staticmethod
    def _group_key(group: tuple[str, list[AccountValue]], column: int) -> Any:
        if column == 0:
            return group[0].casefold()
        if column == 8:
            return fmt.sort_number(_group_total(group[1]))
        return 0  # no figure of its own in that column: institutions keep their order

    def _place_of(self, index: QModelIndex) -> tuple[str, str | None, int]:
        if index.internalId() == TOP:
            return self._groups[index.row()][0], None, index.column()
        name, accounts = self._groups[index.internalId()]
        return name, accounts[index.row()].account_id, index.column()

    def _index_at(self, institution: str, account_id: str | None, column: int) -> QModelIndex:
        group_row = next(i for i, (name, _) in enumerate(self._groups) if name == institution)
        if account_id is None:
            return self.createIndex(group_row, column, TOP)
        accounts = self._groups[group_row][1]
        return self.createIndex(next(i for i, a in enumerate(accounts) if a.account_id == account_id), column, group_row)

    def account(self, index: Index) -> AccountValue | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self._groups[index.internalId()][1][index.row()]

    def accounts(self) -> list[AccountValue]:
        return [a for _, group in self._groups for a in group]

    def top_count(self) -> int:
        return len(self._groups)

    def child_count(self, top_row: int) -> int:
        return len(self._groups[top_row][1])

    def header_title(self, section: int) -> str:
        return tr("Total\n({currency})").format(currency=self._base) if section == 8 else tr(COLUMNS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if index.column() in NUMERIC else LEFT)
        if index.internalId() == TOP:
            name, group = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                if index.column() == 0:
                    return name
                if index.column() == 8:
                    total = _group_total(group)
                    return fmt.money(total) if role == Qt.ItemDataRole.DisplayRole else fmt.sort_number(total)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                return name
            return None
        account = self._groups[index.internalId()][1][index.row()]
        if role == ROW_ROLE:
            return account
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts_of(index)[index.column()]
        if role == SORT_ROLE:
            return self._account_key(account, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 10 and self._unhealthy(account):
            return QBrush(WARNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 8 and account.fx and account.currency != account.base_currency:
                return tr("Converted at {rate} {pair} (ECB, {day})").format(
                    rate=account.fx.rate, pair=f"{account.base_currency}/{account.currency}", day=account.fx.as_of)
            if index.column() == 8 and account.total_base is None:
                return tr("No {pair} rate: this account is not in the total. Import one with File \u203a Import CSV "
                          "(exchange rates).").format(pair=f"{account.currency}/{account.base_currency}")
            if index.column() == 7 and (account.missing_prices or account.missing_rates):
                missing = ([tr("no price for {symbols}").format(symbols=", ".join(account.missing_prices))]
                           if account.missing_prices else [])
                return tr("Without what could not be valued: {what}").format(what="; ".join(
                    missing + [tr("no {pair} rate").format(pair=pair) for pair in account.missing_rates]))
            if index.column() == 10 and account.status_reason:
                return account.status_reason
            if index.column() in (0, 10):  # cut short in a narrow window: whole on pointing
                return self._texts_of(index)[index.column()]
        return None

    @staticmethod
    def _unhealthy(account: AccountValue) -> bool:
        return account.status != "active" or account.stale_since is not None or bool(account.status_reason)

    def _texts_of(self, index: Index) -> tuple[str, ...]:
        return self._texts_for(self._groups[index.internalId()][1][index.row()])

    def _texts_for(self, account: AccountValue) -> tuple[str, ...]:
        texts = self._texts.get(account.account_id)
        if texts is None:
            texts = self._texts[account.account_id] = self._format(account)
        return texts

    @staticmethod
    def _format(account: AccountValue) -> tuple[str, ...]:
        manual = account.provider == "manual"
        status = tr("Kept by hand") if manual else fmt.status_text(account.status)
        if account.stale_since is not None:
            status = tr("Stale since {day}").format(day=account.stale_since.astimezone().strftime("%Y-%m-%d"))
        if account.status_reason:
            status += f": {account.status_reason}"
        return (
            account.name + (tr(" (paper)") if account.is_paper and "paper" not in account.name.lower() else "")
            + (f" \u00b7 {account.owner}" if account.owner else ""),  # a shared book: whose, when not yours
            short_number(account.masked_number), fmt.account_type(account.account_type),
            fmt.provider_text(account.provider),
            tr("Trading") if account.connection_type == "trade" else tr("By hand") if manual else tr("Read-only"),
            account.currency,
            fmt.money(account.cash), fmt.money(account.total), fmt.money(account.total_base),
            fmt.DASH if manual else fmt.when(account.last_sync_at), status,
        )


def short_number(masked: str | None) -> str:
    """An account number as its last characters after an ellipsis (``****9863`` -> ``…9863``): the
    stars say nothing, and the column stays narrow."""
    if not masked:
        return fmt.DASH
    shown = masked.lstrip("*\u2022x X")
    return "\u2026" + shown if shown and shown != masked else masked


def _group_total(accounts: list[AccountValue]) -> Decimal | None:
    """An institution's total in the base currency; unknown if any account's is."""
    totals = [a.total_base for a in accounts]
    return sum_known(totals)

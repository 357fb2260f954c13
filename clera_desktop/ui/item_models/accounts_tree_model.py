"""Accounts grouped by institution: an institution row, then its accounts."""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clera_desktop.models.domain import AccountValue
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.item_models.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE
from clera_desktop.ui.item_models.two_level_model import TOP, TwoLevelTreeModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Account", "Number", "Type", "Provider", "Access", "Currency", "Cash", "Total value",
           "Total", "Last sync", "Status")
NUMERIC = {6, 7, 8}
WARNING = QColor("#c0392b")


class AccountsTreeModel(TwoLevelTreeModel):
    columns = COLUMNS
    numeric = frozenset(NUMERIC)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[AccountValue]]] = []
        self._base = "USD"
        self._texts: dict[tuple[int, int], tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_accounts(self, accounts: list[AccountValue], base_currency: str) -> None:
        self.beginResetModel()
        groups: OrderedDict[str, list[AccountValue]] = OrderedDict()
        for account in accounts:
            groups.setdefault(account.institution, []).append(account)
        self._groups = list(groups.items())
        self._base = base_currency
        self._texts = {}
        self.endResetModel()

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
        return f"Total ({self._base})" if section == 8 else COLUMNS[section]

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
                    totals = [a.total_base for a in group]
                    total = None if None in totals else sum(totals, Decimal(0))  # type: ignore[arg-type]
                    return fmt.money(total) if role == Qt.ItemDataRole.DisplayRole else fmt.sort_number(total)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        account = self._groups[index.internalId()][1][index.row()]
        if role == ROW_ROLE:
            return account
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts_of(index)[index.column()]
        if role == SORT_ROLE:
            return {6: fmt.sort_number(account.cash), 7: fmt.sort_number(account.total),
                    8: fmt.sort_number(account.total_base)}.get(index.column(), self._texts_of(index)[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 10 and self._unhealthy(account):
            return QBrush(WARNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 8 and account.fx and account.currency != account.base_currency:
                return f"Converted at {account.fx.rate} {account.base_currency}/{account.currency} (ECB, {account.fx.as_of})"
            if index.column() == 8 and account.total_base is None:
                return "Unknown: no exchange rate or price is available yet."
            if index.column() == 10 and account.status_reason:
                return account.status_reason
        return None

    @staticmethod
    def _unhealthy(account: AccountValue) -> bool:
        return account.status != "active" or account.stale_since is not None or bool(account.status_reason)

    def _texts_of(self, index: Index) -> tuple[str, ...]:
        key = (index.internalId(), index.row())
        texts = self._texts.get(key)
        if texts is None:
            texts = self._texts[key] = self._format(self._groups[key[0]][1][key[1]])
        return texts

    @staticmethod
    def _format(account: AccountValue) -> tuple[str, ...]:
        status = fmt.STATUS_TEXT.get(account.status, account.status)
        if account.stale_since is not None:
            status = f"Stale since {account.stale_since.astimezone().strftime('%Y-%m-%d')}"
        if account.status_reason:
            status += f": {account.status_reason}"
        return (
            account.name + (" (paper)" if account.is_paper and "paper" not in account.name.lower() else ""),
            account.masked_number or fmt.DASH, account.account_type or fmt.DASH,
            fmt.PROVIDER_TEXT.get(account.provider, account.provider),
            "Trading" if account.connection_type == "trade" else "Read-only", account.currency,
            fmt.money(account.cash), fmt.money(account.total), fmt.money(account.total_base),
            fmt.when(account.last_sync_at), status,
        )

"""Aggregated holdings as a two-level tree: a symbol, then its per-account breakdown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from clera_desktop.services import HoldingRow, HoldingsSnapshot
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.item_models.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Symbol", "Name", "Quantity", "Price", "Market value", "Cost basis", "Gain/loss", "Gain %", "Weight", "Accounts")
NUMERIC = {2, 3, 4, 5, 6, 7, 8, 9}
TOP = 0xFFFFFFFF  # internal id of a top-level (symbol) row


class HoldingsTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._snapshot = HoldingsSnapshot("USD", (), None, None)
        self._texts: dict[int, tuple[str, ...]] = {}  # formatted once per row: painting asks often

    @property
    def snapshot(self) -> HoldingsSnapshot:
        return self._snapshot

    def set_snapshot(self, snapshot: HoldingsSnapshot) -> None:
        self.beginResetModel()
        self._snapshot = snapshot
        self._texts = {}
        self.endResetModel()

    def holding(self, index: Index) -> HoldingRow:
        return self._snapshot.rows[index.row() if index.internalId() == TOP else index.internalId()]

    # ---- structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._snapshot.rows)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._snapshot.rows[parent.row()].accounts)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Market value ({self._snapshot.base_currency})" if section == 4 else COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if section in NUMERIC else LEFT)
        return None

    # ---- data -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if index.column() in NUMERIC else LEFT)
        if index.internalId() == TOP:
            row = self._snapshot.rows[index.row()]
            if role == ROW_ROLE:
                return row
            if role == Qt.ItemDataRole.DisplayRole:
                texts = self._texts.get(index.row())
                if texts is None:
                    texts = self._texts[index.row()] = self._top_texts(row)
                return texts[index.column()]
            if role == SORT_ROLE:
                return self._top_sort(row, index.column())
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4 and row.market_value_base is None:
                return "Unknown: a price or an exchange rate is missing."
            return None
        holding = self._snapshot.rows[index.internalId()]
        share = holding.accounts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {0: "", 1: f"{share.account_name} \u00b7 {fmt.PROVIDER_TEXT.get(share.provider, share.provider)}",
                    2: fmt.quantity(share.quantity), 4: fmt.money(share.market_value, holding.currency)}.get(index.column(), "")
        if role == SORT_ROLE:
            return {2: fmt.sort_number(share.quantity), 4: fmt.sort_number(share.market_value)}.get(
                index.column(), share.account_name)
        return None

    @staticmethod
    def _top_texts(row: HoldingRow) -> tuple[str, ...]:
        return (
            row.symbol, row.name or "", fmt.quantity(row.quantity), fmt.money(row.price, row.currency),
            fmt.money(row.market_value_base), fmt.money(row.cost_basis, row.currency),
            fmt.money(row.gain, row.currency), fmt.percent(row.gain_pct), fmt.plain_percent(row.weight),
            str(len(row.accounts)),
        )

    @staticmethod
    def _top_sort(row: HoldingRow, column: int) -> Any:
        if column == 0:
            return row.symbol
        if column == 1:
            return (row.name or "").lower()
        return (fmt.sort_number(row.quantity), fmt.sort_number(row.price), fmt.sort_number(row.market_value_base),
                fmt.sort_number(row.cost_basis), fmt.sort_number(row.gain), fmt.sort_number(row.gain_pct),
                fmt.sort_number(row.weight), float(len(row.accounts)))[column - 2]


class HoldingsFilterProxy(QSortFilterProxyModel):
    """Filters symbols by text, provider and account; children follow their symbol."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._provider: str | None = None
        self._account: str | None = None

    def set_filters(self, *, text: str, provider: str | None, account: str | None) -> None:
        self.beginFilterChange()
        self._text, self._provider, self._account = text.strip().lower(), provider, account
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, row: HoldingRow) -> bool:
        if self._text and self._text not in row.symbol.lower() and self._text not in (row.name or "").lower():
            return False
        if self._provider and self._provider not in row.providers:
            return False
        return not self._account or any(a.account_id == self._account for a in row.accounts)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if source_parent.isValid():
            return True
        model = self.sourceModel()
        assert isinstance(model, HoldingsTreeModel)
        return self.accepts(model.snapshot.rows[source_row])

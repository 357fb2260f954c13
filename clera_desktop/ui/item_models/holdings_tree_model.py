"""Aggregated holdings as a two-level tree: a symbol, then its per-account breakdown."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from clera_desktop.portfolio.holdings import HoldingRow, HoldingsSnapshot
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.formatting import DASH
from clera_desktop.ui.i18n import tr, translatable
from clera_desktop.ui.item_models.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE
from clera_desktop.ui.item_models.two_level_model import TOP, TwoLevelTreeModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (  # shown through tr (header_title)
    translatable("Symbol"), translatable("Name"), translatable("Quantity"), translatable("Price"),
    translatable("Market value"), translatable("Cost basis"), translatable("Gain/loss"), translatable("Gain %"),
    translatable("Weight"), translatable("Accts"))  # a count: short, so a 1024-pixel window shows it whole
NUMERIC = {2, 3, 4, 5, 6, 7, 8, 9}
IN_BASE = {4, 5, 6}  # value, cost and gain: one currency, the base (price stays in the currency it trades in)
_PRICES_DIFFER = (translatable("The accounts price this holding differently (or not at all): "
                  "each account's price is on its own row."))


class HoldingsTreeModel(TwoLevelTreeModel):
    """Filtering and sorting happen here, on Python lists, not in a QSortFilterProxyModel:
    a proxy calls back into Python for every comparison and every row it maps, which costs
    seconds at 10,000 symbols; here a sort is one ``sorted()`` and one model reset."""

    columns = COLUMNS
    numeric = frozenset(NUMERIC)
    header_tips: ClassVar[dict[int, str]] = {9: translatable("Accounts holding it")}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._snapshot = HoldingsSnapshot("USD", (), None, None)
        self._visible: tuple[HoldingRow, ...] = ()
        self._texts: dict[int, tuple[str, ...]] = {}  # formatted once per row: painting asks often
        self._accept: Any = lambda row: True
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[int, list[Any]] = {}  # per column, for every row of the snapshot

    @property
    def snapshot(self) -> HoldingsSnapshot:
        return self._snapshot

    @property
    def visible_rows(self) -> tuple[HoldingRow, ...]:
        return self._visible

    def set_snapshot(self, snapshot: HoldingsSnapshot) -> None:
        self._snapshot = snapshot
        self._sort_keys = {}
        self._rebuild()

    def set_filter(self, accept: Any) -> None:
        self._accept = accept
        self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._rebuild()

    def _rebuild(self) -> None:
        every = self._snapshot.rows
        kept = [position for position, row in enumerate(every) if self._accept(row)]
        if self._sort_column >= 0:  # stable, so equal keys keep the snapshot's order
            kept.sort(key=self._keys_of(self._sort_column).__getitem__,
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._visible = tuple(every[position] for position in kept)
        self._texts = {}
        self.endResetModel()

    def _keys_of(self, column: int) -> list[Any]:
        """Each row's sort key for ``column``, worked out once per snapshot: a person flipping
        between columns re-sorts without converting 10,000 Decimals again."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [_SORT_KEYS[column](row) for row in self._snapshot.rows]
        return keys

    def holding(self, index: Index) -> HoldingRow:
        return self._visible[index.row() if index.internalId() == TOP else index.internalId()]

    # ---- structure ------------------------------------------------------------------------

    def top_count(self) -> int:
        return len(self._visible)

    def child_count(self, top_row: int) -> int:
        return len(self._visible[top_row].accounts)

    def header_title(self, section: int) -> str:
        title = tr(COLUMNS[section])
        return f"{title}\n({self._snapshot.base_currency})" if section in IN_BASE else title

    # ---- data -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if index.column() in NUMERIC else LEFT)
        if index.internalId() == TOP:
            row = self._visible[index.row()]
            if role == ROW_ROLE:
                return row
            if role == Qt.ItemDataRole.DisplayRole:
                texts = self._texts.get(index.row())
                if texts is None:
                    texts = self._texts[index.row()] = self._top_texts(row)
                return texts[index.column()]
            if role == SORT_ROLE:
                return self._top_sort(row, index.column())
            if role == Qt.ItemDataRole.ToolTipRole and index.column() in IN_BASE:
                return _base_tip(row, self._snapshot.base_currency)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and row.price is None and row.accounts:
                return tr(_PRICES_DIFFER)
            return None
        holding = self._visible[index.internalId()]
        share = holding.accounts[index.row()]
        in_base = share.market_value_base is not None and not holding.missing_rate  # as the row above: adds up to it
        if role == Qt.ItemDataRole.DisplayRole:
            return {0: "", 1: f"{share.account_name} \u00b7 {fmt.provider_text(share.provider)}",
                    2: fmt.quantity(share.quantity), 3: fmt.money(share.price, holding.currency),
                    4: fmt.money(share.market_value_base) if in_base else fmt.money(share.market_value, holding.currency),
                    }.get(index.column(), "")
        if role == SORT_ROLE:
            return {2: fmt.sort_number(share.quantity), 3: fmt.sort_number(share.price),
                    4: fmt.sort_number(share.market_value_base if in_base else share.market_value)}.get(
                index.column(), share.account_name)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and holding.price is None:
            return tr(_PRICES_DIFFER)
        return None

    @staticmethod
    def _top_texts(row: HoldingRow) -> tuple[str, ...]:
        if row.missing_rate:  # no rate to the base: its own currency, said, rather than a blank or a guess
            value, cost = fmt.money(row.market_value, row.currency), fmt.money(row.cost_basis, row.currency)
            gain = DASH
        else:
            value, cost, gain = fmt.money(row.market_value_base), fmt.money(row.cost_basis_base), fmt.money(row.gain)
        return (
            row.symbol, row.name or "", fmt.quantity(row.quantity), fmt.money(row.price, row.currency),
            value, cost, gain, fmt.percent(row.gain_pct), fmt.plain_percent(row.weight), str(len(row.accounts)),
        )

    @staticmethod
    def _top_sort(row: HoldingRow, column: int) -> Any:
        return _SORT_KEYS[column](row)


def _base_tip(row: HoldingRow, base: str) -> str:
    if row.missing_rate:
        return tr("No {pair} rate: shown in {currency}, and left out of the total in {base}.").format(
            pair=row.missing_rate, currency=row.currency, base=base)
    if row.market_value_base is None:
        return tr("Unknown: a price is missing, or an account holding it has no rate to the base currency.")
    if row.currency == base:
        return ""
    return tr("In {currency}: value {value}, cost {cost}; both converted at today's rate.").format(
        currency=row.currency, value=fmt.money(row.market_value, row.currency), cost=fmt.money(row.cost_basis, row.currency))


_SORT_KEYS: tuple[Any, ...] = (
    lambda r: r.symbol,
    lambda r: (r.name or "").lower(),
    lambda r: fmt.sort_number(r.quantity),
    lambda r: fmt.sort_number(r.price),
    lambda r: fmt.sort_number(r.market_value_base),
    lambda r: fmt.sort_number(r.cost_basis_base),
    lambda r: fmt.sort_number(r.gain),
    lambda r: fmt.sort_number(r.gain_pct),
    lambda r: fmt.sort_number(r.weight),
    lambda r: len(r.accounts),
)


class HoldingsFilter:
    """What the holdings view's filter bar asks for: text, provider and account."""

    def __init__(self) -> None:
        self.text = ""
        self.provider: str | None = None
        self.account: str | None = None

    def __call__(self, row: HoldingRow) -> bool:
        if self.text and self.text not in row.symbol.lower() and self.text not in (row.name or "").lower():
            return False
        if self.provider and self.provider not in row.providers:
            return False
        return not self.account or any(a.account_id == self.account for a in row.accounts)

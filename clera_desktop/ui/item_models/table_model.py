"""A read-only table over an immutable tuple of rows, described by columns.

``data()`` only formats what the row already holds: no I/O, ever. Sorting uses ``SORT_ROLE``
(numbers as floats, for ordering only) through a QSortFilterProxyModel, or the model's own
:meth:`RowsTableModel.sort` for a table of hundreds of rows (one key per row, where the proxy asks
for two per comparison).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from clera_desktop.ui.i18n import tr

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    numeric: bool = False
    tooltip: Callable[[R], str | None] | None = None
    decoration: Callable[[R], Any] | None = None  # a QColor or QIcon before the text (a chart's legend)


class RowsTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[R, ...] = ()
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # a view sorting the model itself

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = self._in_order(tuple(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves (a view on the model with sorting enabled asks this); rows set
        later keep the order. Selections follow their rows."""
        self._sorted_by = (column, order) if 0 <= column < len(self._columns) else None
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._in_order(before)
        where = {id(row): n for n, row in enumerate(self._rows)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved, [self.index(where[id(before[i.row()])], i.column()) if 0 <= i.row() < len(before) else QModelIndex()
                    for i in moved])
        self.layoutChanged.emit()

    def _in_order(self, rows: tuple[R, ...]) -> tuple[R, ...]:
        if self._sorted_by is None:
            return rows
        column, order = self._sorted_by
        chosen = self._columns[column]
        key = chosen.sort or chosen.text
        return tuple(sorted(rows, key=lambda row: _sortable(key(row)), reverse=order == Qt.SortOrder.DescendingOrder))

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """New columns (a title that names the base currency, say), the rows kept."""
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def row(self, index: int) -> R:
        return self._rows[index]

    @property
    def rows(self) -> tuple[R, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.numeric else LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self._columns[section].title)  # a constant's title is translated here
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if self._columns[section].numeric else LEFT)
        return None


def _sortable(value: Any) -> tuple[int, Any]:
    """Numbers before text, each among its kind (a column mixing them never fails to sort)."""
    return (0, value) if isinstance(value, int | float) else (1, str(value))

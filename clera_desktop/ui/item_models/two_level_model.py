"""The tree shape both grouped views use: top rows, each with a list of children."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from clera_desktop.ui.i18n import tr
from clera_desktop.ui.item_models.table_model import LEFT, RIGHT

Index = QModelIndex | QPersistentModelIndex
TOP = 0xFFFFFFFF  # internal id of a top row; a child's internal id is its parent's row


class TwoLevelTreeModel(QAbstractItemModel):
    """Subclasses say how many top rows and children there are; the indexing lives here once."""

    columns: tuple[str, ...] = ()
    numeric: frozenset[int] = frozenset()  # right-aligned columns
    header_tips: ClassVar[dict[int, str]] = {}  # a short title's full words, by section (shown through tr)

    def header_title(self, section: int) -> str:
        return tr(self.columns[section])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_title(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if section in self.numeric else LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and section in self.header_tips:
            return tr(self.header_tips[section])
        return None

    def top_count(self) -> int:
        raise NotImplementedError

    def child_count(self, top_row: int) -> int:
        raise NotImplementedError

    @staticmethod
    def is_top(index: Index) -> bool:
        return index.internalId() == TOP

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Checked by hand rather than with hasIndex(): views call this for every row on each
        # reset, and hasIndex() would call back into rowCount()/columnCount() each time.
        if row < 0 or not 0 <= column < len(self.columns):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP) if row < self.top_count() else QModelIndex()
        if parent.internalId() != TOP or parent.column() != 0 or row >= self.child_count(parent.row()):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return self.top_count()
        if parent.internalId() == TOP and parent.column() == 0:
            return self.child_count(parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        # One call per row instead of Qt's default rowCount() plus columnCount(): a tree view
        # asks this of every top row each time it lays out (10,000 rows after each sort).
        if not parent.isValid():
            return self.top_count() > 0
        return parent.internalId() == TOP and parent.column() == 0 and self.child_count(parent.row()) > 0

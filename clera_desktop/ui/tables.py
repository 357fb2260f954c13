"""The app's ways to show a RowsTableModel: sortable (through a proxy, or by the model itself for
hundreds of rows), compact, read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from clera_desktop.ui.item_models.table_model import SORT_ROLE, RowsTableModel


def sorted_table(model: QAbstractItemModel, parent: QWidget, *, fit_columns: bool = True,
                 select_rows: bool = False, name: str = "") -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable table on ``model``; ``name`` is what a screen reader calls it."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = _table(proxy, model, parent, name=name, fit_columns=fit_columns, select_rows=select_rows)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return view, proxy


def self_sorting_table(model: RowsTableModel[Any], parent: QWidget, *, name: str = "") -> QTableView:
    """A sortable table of many rows on ``model`` sorting itself (no proxy: a click on a title, or
    new rows, sort once by one key per row), rows selected whole, columns sized by the caller."""
    return _table(model, model, parent, name=name, fit_columns=False, select_rows=True)


def _table(shown: QAbstractItemModel, rows: QAbstractItemModel, parent: QWidget, *, name: str, fit_columns: bool,
           select_rows: bool) -> QTableView:
    """The compact, sortable view both kinds share: ``shown`` is what it displays (a proxy, or the
    rows' model itself), ``rows`` the model whose columns say how the last one is aligned."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(shown)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if fit_columns else QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(not _right_aligned(rows, rows.columnCount() - 1))
    if select_rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def _right_aligned(model: QAbstractItemModel, column: int) -> bool:
    """A figure column stretched to the window's edge would float its title and numbers far
    from the rest of the row; such a table ends with blank space instead."""
    alignment = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)
    return alignment is not None and bool(int(alignment) & int(Qt.AlignmentFlag.AlignRight))

"""A table of hundreds of rows sorts itself (one key per row, not two per comparison through a
proxy): a click on a title orders the rows, new rows keep that order, a selection follows its row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget

from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.tables import self_sorting_table

COLUMNS = [Column("Name", lambda r: r[0]),
           Column("Amount", lambda r: fmt.money(r[1]), lambda r: fmt.sort_number(r[1]), numeric=True)]


def _shown(model: RowsTableModel[Any], column: int = 0) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_model_sorts_itself_keeps_the_order_for_new_rows_and_selections_follow(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model: RowsTableModel[tuple[str, Decimal | None]] = RowsTableModel(COLUMNS, parent)
    view = self_sorting_table(model, parent, name="Sources")
    model.set_rows([("b", Decimal("2.50")), ("a", None), ("c", Decimal("10"))])
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _shown(model) == ["c", "b", "a"], "the largest first; an unknown amount last"
    view.selectionModel().select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown(model) == ["a", "b", "c"]
    assert [i.row() for i in view.selectionModel().selectedRows()] == [2] and model.row(2)[0] == "c", \
        "the selection moved with its row"
    model.set_rows([("d", Decimal(1)), ("a", Decimal(3))])
    assert _shown(model) == ["a", "d"], "new rows in the chosen order"

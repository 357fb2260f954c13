"""Columns sized to their contents a column per loop turn, applied together."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QTreeView

from clera_desktop.ui.columns import resize_columns_soon


def _model() -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Symbol", "A rather long header label", "Market value"])
    for symbol, note, value in (("VTI", "x", "$1,234,567.89"), ("BRK.B", "y", "$12.00"), ("A", "a much longer cell text", "")):
        model.appendRow([QStandardItem(symbol), QStandardItem(note), QStandardItem(value)])
    return model


def test_widths_are_what_resize_to_contents_gives_set_once_all_are_measured(qtbot: Any) -> None:
    for view_type in (QTreeView, QTableView):
        measured, reference = view_type(), view_type()
        for view in (measured, reference):
            qtbot.addWidget(view)
            view.setModel(_model())
            view.show()
        for column in range(3):
            reference.resizeColumnToContents(column)
        before = [measured.columnWidth(c) for c in range(3)]
        finished: list[list[int]] = []

        def done(measured: Any = measured, finished: list[list[int]] = finished) -> None:
            finished.append([measured.columnWidth(c) for c in range(3)])

        resize_columns_soon(measured, range(3), done=done)
        assert [measured.columnWidth(c) for c in range(3)] == before  # nothing yet: measured a turn at a time
        qtbot.waitUntil(lambda finished=finished: bool(finished))
        assert finished[0] == [reference.columnWidth(c) for c in range(3)], view_type.__name__


def test_a_view_deleted_meanwhile_is_left_alone(qtbot: Any) -> None:
    view = QTreeView()
    view.setModel(_model())
    called: list[bool] = []
    resize_columns_soon(view, range(3), done=lambda: called.append(True))
    view.deleteLater()
    qtbot.wait(50)
    assert not called


def test_the_names_column_takes_what_the_others_leave_between_its_bounds(qtbot: Any) -> None:
    from clera_desktop.ui.columns import give_the_rest_to

    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(_model())
    view.header().setStretchLastSection(False)
    for column, width in ((0, 80), (2, 150)):
        view.header().resizeSection(column, width)
    view.resize(600, 300)
    view.show()
    give_the_rest_to(view, 1, minimum=120, maximum=320)
    qtbot.waitUntil(lambda: view.columnWidth(1) == min(320, view.viewport().width() - 230))
    view.resize(380, 300)  # narrow: the figures stay, the names are cut to their minimum
    qtbot.waitUntil(lambda: view.columnWidth(1) == max(120, view.viewport().width() - 230))
    view.resize(1400, 300)  # wide: the names show whole, no wider than their maximum
    qtbot.waitUntil(lambda: view.columnWidth(1) == 320)

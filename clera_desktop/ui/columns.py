"""Sizing columns to their contents without holding up the event loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView, QTreeView
from shiboken6 import isValid


def resize_columns_soon(view: QTreeView | QTableView, columns: Iterable[int],
                        done: Callable[[], None] | None = None) -> None:
    """Size one column per event-loop turn: measuring every row of every column at once can
    take tens of milliseconds, which the person would feel as a stutter. ``done`` runs after
    the last one."""
    pending = list(columns)

    def next_column() -> None:
        if not isValid(view):
            return
        if pending:
            view.resizeColumnToContents(pending.pop(0))
            QTimer.singleShot(0, next_column)
        elif done is not None:
            done()

    QTimer.singleShot(0, next_column)

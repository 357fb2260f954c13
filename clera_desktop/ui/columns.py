"""Sizing columns to their contents without holding up the event loop."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView, QTreeView
from shiboken6 import isValid


def resize_columns_soon(view: QTreeView | QTableView, columns: Iterable[int]) -> None:
    """Size one column per event-loop turn: measuring every row of every column at once can
    take tens of milliseconds, which the person would feel as a stutter."""
    pending = list(columns)

    def next_column() -> None:
        if pending and isValid(view):
            view.resizeColumnToContents(pending.pop(0))
            QTimer.singleShot(0, next_column)

    QTimer.singleShot(0, next_column)

"""Sizing columns to their contents without holding up the event loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView, QWidget
from shiboken6 import isValid


def resize_columns_soon(view: QTreeView | QTableView, columns: Iterable[int],
                        done: Callable[[], None] | None = None) -> None:
    """Measure one column per event-loop turn, then set every width at once.

    Measuring every row of every column in one go can take tens of milliseconds, which the person
    would feel as a stutter; resizing as each is measured would relayout and repaint the view once
    per column. The widths are those ``resizeColumnToContents`` gives (the wider of the contents
    and the header's label). ``done`` runs after they are set.
    """
    pending = list(columns)
    widths: dict[int, int] = {}

    def next_column() -> None:
        if not isValid(view):
            return
        if pending:
            column = pending.pop(0)
            widths[column] = _content_width(view, column)
            QTimer.singleShot(0, next_column)
            return
        header = _header(view)
        for column, width in widths.items():
            if column < header.count():  # the model may have changed shape meanwhile
                header.resizeSection(column, width)
        if done is not None:
            done()

    QTimer.singleShot(0, next_column)


def fit_columns_when_shown(view: QTreeView | QTableView, columns: Iterable[int],
                           done: Callable[[], None] | None = None) -> None:
    """:func:`resize_columns_soon`, now if the view is on screen, else when it first is: a view
    filled while hidden (loaded ahead of being shown) measures its text too narrow."""
    wanted = list(columns)
    if view.isVisible():
        resize_columns_soon(view, wanted, done=done)
    else:
        _OnEvent(view, QEvent.Type.Show, lambda: resize_columns_soon(view, wanted, done=done), once=True)


class _OnEvent(QObject):
    """Runs ``work`` when ``watched`` receives an event of ``kind``: every time, or the first time only."""

    def __init__(self, watched: QWidget, kind: QEvent.Type, work: Callable[[], None], *, once: bool = False) -> None:
        super().__init__(watched)
        self._kind, self._work, self._once = kind, work, once
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == self._kind:
            if self._once:
                watched.removeEventFilter(self)
                self.deleteLater()
            self._work()
        return False


def _header(view: QTreeView | QTableView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


def _content_width(view: QTreeView | QTableView, column: int) -> int:
    header = _header(view)
    label = 0 if header.isHidden() else header.sectionSizeHint(column)
    return max(view.sizeHintForColumn(column), label)


def give_the_rest_to(view: QTreeView | QTableView, column: int, *, minimum: int = 120,
                     maximum: int = 320) -> Callable[[], None]:
    """``column`` (names, which elide well) takes the width the other columns leave, between
    ``minimum`` and ``maximum``, now and whenever the view is resized: in a narrow window the
    figures stay in view and the names are cut short; in a wide one the names show whole. Returns
    the fitting, for after the other columns were measured. Once the person drags that column's
    edge, their width stands: the fitting stops for the view's life."""
    header = _header(view)
    fitting = [False]  # our own resize under way
    chosen = [False]  # the person sized the column

    def on_resized(section: int, _old: int, _new: int) -> None:
        # the person's drag is the one resize made with a mouse button down (measuring is not)
        if section == column and not fitting[0] and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            chosen[0] = True

    def fit() -> None:
        if not isValid(view) or chosen[0]:
            return
        last = header.count() - 1 if header.stretchLastSection() else -1  # it takes whatever is left
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in (column, last) and not header.isSectionHidden(c))
        fitting[0] = True
        try:
            header.resizeSection(column, max(minimum, min(maximum, view.viewport().width() - others)))
        finally:
            fitting[0] = False

    header.sectionResized.connect(on_resized)

    # the viewport, not the view: the view hears of a resize before its viewport has the new width
    _OnEvent(view.viewport(), QEvent.Type.Resize, fit)
    fit()
    return fit

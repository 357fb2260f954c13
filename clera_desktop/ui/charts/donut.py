"""A donut of weights, painted with QPainter: crisp at any scale, in the palette's own colours.

The angles are drawn from floats; the exact figures (hover, the table beside it) come from the
caller's Decimals. Past ``MAX_SLICES`` the smallest are drawn as one "Other" ring segment, so a
portfolio split by 200 accounts stays readable; the table still lists each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from clera_desktop.ui.i18n import tr

#: Ten hues that stay apart from each other on a light and on a dark background (Tableau 10).
COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
MAX_SLICES = 10
HOLE = 0.58  # the inner radius, as a share of the outer


@dataclass(frozen=True, slots=True)
class Wedge:
    name: str
    weight: Decimal  # percent
    text: str  # what hovering says (exact figures)
    index: int | None  # the caller's row; None: the "Other" wedge


def colour(index: int) -> QColor:
    return QColor(COLOURS[index % len(COLOURS)])


class Donut(QWidget):
    slice_clicked = Signal(int)  # the caller's row of the wedge clicked

    def __init__(self, parent: QWidget | None = None, *, name: str = "Allocation") -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMouseTracking(True)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.wedges: tuple[Wedge, ...] = ()
        self.centre = ""
        self.chosen: int | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 300)

    def set_wedges(self, slices: list[tuple[str, Decimal, str]], centre: str) -> None:
        """``slices``: (name, weight in percent, hover text), largest first."""
        shown = [Wedge(name, weight, text, n) for n, (name, weight, text) in enumerate(slices) if weight > 0]
        if len(shown) > MAX_SLICES:
            rest = shown[MAX_SLICES - 1:]
            other = sum((w.weight for w in rest), Decimal(0))
            shown = [*shown[:MAX_SLICES - 1],
                     Wedge(tr("Other ({count})").format(count=len(rest)), other,
                           tr("{count} smaller parts, {percent}% together").format(count=len(rest), percent=f"{other:.1f}"),
                           None)]
        self.wedges = tuple(shown)
        self.centre = centre
        self.setAccessibleDescription("; ".join(f"{w.name} {w.weight:.1f}%" for w in self.wedges))
        self.update()

    def colour_of(self, row: int) -> QColor | None:
        """The colour the caller's row is drawn in (its legend), None if it is not drawn (a zero)."""
        for n, wedge in enumerate(self.wedges):
            if wedge.index == row:
                return colour(n)
        if self.wedges and self.wedges[-1].index is None:
            return self.palette().color(QPalette.ColorRole.Mid)
        return None

    def choose(self, row: int | None) -> None:
        self.chosen = row
        self.update()

    def _ring(self) -> QRectF:
        side = min(self.width(), self.height()) - 16
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ring = self._ring()
        total = float(sum((w.weight for w in self.wedges), Decimal(0)))
        start = 90.0 * 16  # twelve o'clock, clockwise
        if total <= 0:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
            painter.drawEllipse(ring)
        for n, wedge in enumerate(self.wedges):
            span = -360.0 * 16 * float(wedge.weight) / total if total else 0.0
            rect = ring.adjusted(-6, -6, 6, 6) if wedge.index is not None and wedge.index == self.chosen else ring
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Window), 2))  # a gap between wedges
            painter.setBrush(QColor(palette.color(QPalette.ColorRole.Mid)) if wedge.index is None else colour(n))
            painter.drawPie(rect, round(start), round(span))
            start += span
        hole = ring.width() * HOLE
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.drawEllipse(ring.center(), hole / 2, hole / 2)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        inner = QRectF(0, 0, hole * 0.8, hole * 0.6)
        inner.moveCenter(ring.center())
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.centre)
        painter.end()

    def wedge_at(self, point: QPointF) -> Wedge | None:
        ring = self._ring()
        dx, dy = point.x() - ring.center().x(), ring.center().y() - point.y()
        distance = math.hypot(dx, dy)
        if not self.wedges or distance > ring.width() / 2 + 6 or distance < ring.width() * HOLE / 2:
            return None
        clockwise = (90.0 - math.degrees(math.atan2(dy, dx))) % 360.0  # from twelve o'clock
        total = float(sum((w.weight for w in self.wedges), Decimal(0)))
        reached = 0.0
        for wedge in self.wedges:
            reached += 360.0 * float(wedge.weight) / total
            if clockwise <= reached:
                return wedge
        return self.wedges[-1]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        wedge = self.wedge_at(event.position())
        if wedge is None:
            QToolTip.hideText()
            self.unsetCursor()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), wedge.text, self)
            self.setCursor(Qt.CursorShape.PointingHandCursor if wedge.index is not None else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        wedge = self.wedge_at(event.position())
        if wedge is not None and wedge.index is not None:
            self.slice_clicked.emit(wedge.index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

"""A value-over-time line (pyqtgraph) with a crosshair that reads the time and exact value.

pyqtgraph is imported when the first chart is built, not at start-up. Drawing uses floats;
the crosshair's text comes from the exact figure the caller supplies for that point.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import numpy as np
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clera_desktop.ui import formatting as fmt

ExactAt = Callable[[int], Decimal]


class ValueChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, currency: str = "", time_format: str = "%H:%M:%S") -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.currency = currency
        self.time_format = time_format
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        self.plot = pg.PlotWidget(background=background, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        self.curve = self.plot.plot(pen=pg.mkPen(accent, width=2))
        self.extra_curves: dict[str, object] = {}
        crosshair_pen = pg.mkPen(foreground, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=crosshair_pen)
        self.hline = pg.InfiniteLine(angle=0, movable=False, pen=crosshair_pen)
        self.label = pg.TextItem("", color=foreground, anchor=(0, 1), fill=pg.mkBrush(background))
        for item in (self.vline, self.hline, self.label):
            item.setVisible(False)
            self.plot.addItem(item, ignoreBounds=True)
        self._xs = np.empty(0)
        self._ys = np.empty(0)
        self._exact: ExactAt | None = None
        self.crosshair_text = ""
        self.redraws = 0
        self._mouse = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_series(self, xs: np.ndarray, ys: np.ndarray, exact: ExactAt | None = None, *, follow: bool = False) -> None:
        """``follow``: a live line; the axes move only when the data leaves the shown range, so
        most frames repaint the line alone (re-laying out axes every frame is what costs)."""
        self._xs, self._ys, self._exact = xs, ys, exact
        self.curve.setData(xs, ys)
        if follow and len(xs):
            self._follow(xs, ys)
        self.redraws += 1

    def _follow(self, xs: np.ndarray, ys: np.ndarray) -> None:
        view = self.plot.plotItem.vb
        view.disableAutoRange()
        (x0, x1), (y0, y1) = view.viewRange()
        first, last = float(xs[0]), float(xs[-1])
        if first < x0 or last > x1 or x1 - x0 > 4 * max(last - first, 60.0):
            span = max(last - first, 60.0)
            view.setXRange(first, last + span * 0.25, padding=0)  # headroom: the next minutes fit
        low, high = float(ys.min()), float(ys.max())
        if low < y0 or high > y1:
            margin = max((high - low) * 0.25, abs(high) * 0.0005, 0.01)
            view.setYRange(low - margin, high + margin, padding=0)

    def set_extra(self, name: str, xs: np.ndarray, ys: np.ndarray, color: str) -> None:
        """A second line (net deposits beside value, say)."""
        curve = self.extra_curves.get(name)
        if curve is None:
            curve = self.plot.plot(pen=self._pg.mkPen(color, width=1.5, style=self._pg.QtCore.Qt.PenStyle.DashLine),
                                   name=name)
            self.extra_curves[name] = curve
        curve.setData(xs, ys)  # type: ignore[attr-defined]

    def _on_mouse_moved(self, event: tuple[object]) -> None:
        position = event[0]
        if not len(self._xs) or not self.plot.sceneBoundingRect().contains(position):
            return
        point = self.plot.plotItem.vb.mapSceneToView(position)
        self.show_crosshair_at(point.x())

    def show_crosshair_at(self, x: float) -> None:
        """Snap to the nearest point left of ``x`` and say its time and exact value."""
        index = int(np.clip(np.searchsorted(self._xs, x, side="right") - 1, 0, len(self._xs) - 1))
        at, value = float(self._xs[index]), float(self._ys[index])
        exact = self._exact(index) if self._exact is not None else None
        when = datetime.fromtimestamp(at).strftime(self.time_format)
        self.crosshair_text = f"{when}  {fmt.money(exact, self.currency) if exact is not None else f'{value:,.2f}'}"
        self.vline.setPos(at)
        self.hline.setPos(value)
        self.label.setText(self.crosshair_text)
        self.label.setPos(at, value)
        for item in (self.vline, self.hline, self.label):
            item.setVisible(True)

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        for item in (self.vline, self.hline, self.label):
            item.setVisible(False)
        super().leaveEvent(event)  # type: ignore[arg-type]

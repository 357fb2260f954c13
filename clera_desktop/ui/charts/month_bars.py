"""Bars by month (pyqtgraph): income paid in each of the last months, exact figures on hover.

The bars are drawn from floats; what the hover line says comes from the exact amounts the
caller gave, so the chart and the tables beside it never disagree by a rounding.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from PySide6.QtCore import QDate, QEvent
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.charts.value_chart import number_locale, style_plot, value_axis
from clera_desktop.ui.i18n import tr


def month_label(key: str, *, short: bool = True) -> str:
    """"2026-11" as the locale names the month: "Nov 26" (ticks) or "November 2026" (hover)."""
    day = date.fromisoformat(key + "-01")
    return number_locale().toString(QDate(day.year, day.month, 1), "MMM yy" if short else "MMMM yyyy")


class MonthBars(QWidget):
    """The bars' plot is built, and pyqtgraph imported, the first time the chart is needed (shown or
    given its months): not while the window builds its views before the first figures."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "By month") -> None:
        super().__init__(parent)
        self._name = name
        self._pg: Any = None
        self._plot: Any = None
        self._accent = self.palette().color(QPalette.ColorRole.Highlight)
        self._bars: Any = None
        self._keys: list[str] = []
        self._amounts: list[Decimal] = []
        self._currency = ""
        self.hover = QLabel(" ")
        self.hover.setAccessibleName(tr("The month under the pointer"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.hover)

    @property
    def plot(self) -> Any:
        if self._plot is None:
            self._plot = self._build_plot()
        return self._plot

    def _build_plot(self) -> Any:
        import pyqtgraph as pg

        self._pg = pg
        plot = pg.PlotWidget(axisItems={"left": value_axis(pg)})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)  # a year or two of months: nothing to pan or zoom
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setAccessibleName(self._name)
        style_plot(plot, self.palette())
        self._mouse = pg.SignalProxy(plot.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)
        self._layout.insertWidget(0, plot, 1)
        return plot

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.plot  # noqa: B018 - built when first shown, even before any month arrives
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """The system turned dark or light: the plot and the bars follow."""
        if event.type() == QEvent.Type.PaletteChange:
            self._accent = self.palette().color(QPalette.ColorRole.Highlight)
            if self._plot is not None:
                style_plot(self._plot, self.palette())
            if self._bars is not None:
                self._bars.setOpts(brush=self._accent)
        super().changeEvent(event)

    def set_months(self, months: list[tuple[str, Decimal]], currency: str) -> None:
        """``months``: ("2026-11", amount) oldest first; every month is a bar, an empty one at 0."""
        self._keys = [key for key, _ in months]
        self._amounts = [amount for _, amount in months]
        self._currency = currency
        self.plot.setLabel("left", currency)
        if self._bars is not None:
            self.plot.removeItem(self._bars)
        xs = np.arange(len(months), dtype=float)
        heights = np.array([float(amount) for amount in self._amounts], dtype=float)
        self._bars = self._pg.BarGraphItem(x=xs, height=heights, width=0.7, brush=self._accent, pen=None)
        self.plot.addItem(self._bars)
        every = max(1, len(months) // 8)  # about eight month names fit under the bars at 1024 px
        ticks = [(float(n), month_label(key)) for n, key in enumerate(self._keys) if (len(months) - 1 - n) % every == 0]
        self.plot.getAxis("bottom").setTicks([ticks])
        top = max([*heights.tolist(), 0.0])
        self.plot.setXRange(-0.6, len(months) - 0.4, padding=0)
        self.plot.setYRange(min([*heights.tolist(), 0.0]), top * 1.1 if top > 0 else 1.0, padding=0)
        self.hover.setText(" ")

    def describe(self, index: int) -> str:
        """What the hover line says for the ``index``-th month: its name and exact amount."""
        return f"{month_label(self._keys[index], short=False)}: {fmt.money(self._amounts[index], self._currency)}"

    def _on_mouse_moved(self, event: tuple[object]) -> None:
        position = event[0]
        if not self._keys or not self.plot.sceneBoundingRect().contains(position):
            return
        x = self.plot.plotItem.vb.mapSceneToView(position).x()
        index = round(x)
        if 0 <= index < len(self._keys):
            self.hover.setText(self.describe(index))

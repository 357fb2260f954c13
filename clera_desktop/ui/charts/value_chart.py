"""A value-over-time line (pyqtgraph) with a crosshair that reads the time and exact value.

pyqtgraph is imported when the first chart is built, not at start-up. Drawing uses floats;
the crosshair's text comes from the exact figure the caller supplies for that point.

What a person reads off it: the value axis fitted to the value line (a second line, such as net
deposits, never squashes it), ticks with the locale's separators and the currency (or "%") in
the axis title, dates that suit the range, a legend naming each line, and a stretch without data
drawn as a gap, not a straight line across it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import tr

ExactAt = Callable[[int], Decimal]
#: The shortest time range shown (seconds): one point never zooms the axis into milliseconds.
MIN_SPAN = 60.0
#: A live line starts with half an hour of room: its axis reads 10:30, 10:35, not 28.000 s.
LIVE_MIN_SPAN = 30 * 60.0


def with_gaps(xs: np.ndarray, ys: np.ndarray, gap: float | None) -> tuple[np.ndarray, np.ndarray]:
    """A NaN between two points further apart than ``gap`` seconds: the line breaks there."""
    if gap is None or len(xs) < 2:
        return xs, ys
    breaks = np.nonzero(np.diff(xs) > gap)[0]
    if not len(breaks):
        return xs, ys
    at = breaks + 1
    return np.insert(xs, at, (xs[breaks] + xs[at]) / 2), np.insert(ys, at, np.nan)


def number_locale() -> QLocale:
    """The person's locale for numbers; where the system names none (the C or POSIX locale of a
    bare shell or service), English: separators still group the thousands."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale


def value_axis(pg: Any) -> Any:
    class ValueAxis(pg.AxisItem):
        """Ticks as the locale writes numbers: 310,000 (or 310.000), decimals only when the step needs them."""

        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
            decimals = 0 if spacing * scale >= 1 else min(6, int(np.ceil(-np.log10(spacing * scale))))
            locale = number_locale()
            return [locale.toString(float(v) * scale, "f", decimals) for v in values]

    return ValueAxis(orientation="left")


def style_plot(plot: Any, palette: QPalette) -> None:
    """A pyqtgraph plot in the palette's colours: its background, axes and their text."""
    foreground = palette.color(QPalette.ColorRole.Text)
    plot.setBackground(palette.color(QPalette.ColorRole.Base))
    for axis_name in ("left", "bottom"):
        axis = plot.getAxis(axis_name)
        axis.setPen(foreground)
        axis.setTextPen(foreground)


class ValueChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, currency: str = "", time_format: str = "%H:%M:%S",
                 name: str = "Value") -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self._currency = ""
        self.time_format = time_format
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        self.plot = pg.PlotWidget(background=background, axisItems={"bottom": pg.DateAxisItem(orientation="bottom"),
                                                                    "left": value_axis(pg)})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()  # pyqtgraph's "A" (auto-range) button: the chart fits itself
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setAccessibleName(tr("Value over time"))
        style_plot(self.plot, palette)
        self.legend = self.plot.addLegend(offset=(10, 6), labelTextColor=foreground)
        self.curve = self.plot.plot(pen=pg.mkPen(accent, width=2), name=name, connect="finite")
        # a live line's latest value as a dot: seen even while the day's line is a few seconds long
        self.now_dot = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(accent), pen=pg.mkPen(None))
        self.now_dot.setVisible(False)
        self.plot.addItem(self.now_dot, ignoreBounds=True)
        self.extra_curves: dict[str, Any] = {}
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
        self.percent = False  # the values are returns (0.05 is shown as 5%)
        #: A live line's whole time axis (the trading day's session), while the line lies inside it
        self.x_span: tuple[float, float] | None = None
        self.crosshair_text = ""
        self.redraws = 0
        self._mouse = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)
        self.message = QLabel("", alignment=Qt.AlignmentFlag.AlignCenter)  # in place of an empty plot
        self.message.setStyleSheet("color: gray")
        self.message.setWordWrap(True)
        self.pages = QStackedLayout(self)
        self.pages.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.plot)
        self.pages.addWidget(self.message)
        self.currency = currency

    def show_message(self, text: str) -> None:
        """Say ``text`` where the plot is (reading, nothing in range), not an empty 0-1 grid; the next
        series brings the plot back."""
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """The system turned dark or light: the plot's colours follow (pyqtgraph keeps its own)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def _follow_palette(self) -> None:
        pg, palette = self._pg, self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        style_plot(self.plot, palette)
        self.curve.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Highlight), width=2))
        self.now_dot.setBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Highlight)))
        self.legend.setLabelTextColor(foreground)
        for _sample, label in self.legend.items:  # the colour applies when a label's text is set
            label.setText(label.text)
        crosshair_pen = pg.mkPen(foreground, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        self.vline.setPen(crosshair_pen)
        self.hline.setPen(crosshair_pen)
        self.label.setColor(foreground)
        self.label.fill = pg.mkBrush(background)

    @property
    def currency(self) -> str:
        return self._currency

    @currency.setter
    def currency(self, currency: str) -> None:
        """The unit in the value axis's title (the ticks stay plain numbers)."""
        if currency != self._currency:
            self._currency = currency
            self.plot.setLabel("left", currency)

    def set_series(self, xs: np.ndarray, ys: np.ndarray, exact: ExactAt | None = None, *, follow: bool = False,
                   gap: float | None = None) -> None:
        """``follow``: a live line; the axes move only when the data leaves the shown range, so
        most frames repaint the line alone (re-laying out axes every frame is what costs).
        ``gap``: seconds between two points beyond which the line breaks (no data in between)."""
        self._xs, self._ys, self._exact = xs, ys, exact
        self.pages.setCurrentWidget(self.plot)
        if follow:  # before the data arrives: pyqtgraph would fit it tightly at once
            self.plot.plotItem.vb.disableAutoRange()
        drawn_xs, drawn_ys = with_gaps(xs, ys, gap)
        self.curve.setData(drawn_xs, drawn_ys, connect="finite")
        if follow and len(xs):
            self._follow(xs, ys)
            self.now_dot.setData([float(xs[-1])], [float(ys[-1])])
        self.now_dot.setVisible(follow and bool(len(xs)))
        self.redraws += 1

    def fit(self, *also: np.ndarray) -> None:
        """Both axes to the value line and the lines in ``also`` (other lines ignored), the time
        axis never narrower than a minute."""
        if not len(self._xs):
            return
        first, last = float(self._xs[0]), float(self._xs[-1])
        if last - first < MIN_SPAN:
            first, last = last - MIN_SPAN, last
        ys = np.concatenate([self._ys, *also]) if also else self._ys
        finite = ys[np.isfinite(ys)]
        low, high = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
        margin = max((high - low) * 0.08, abs(high) * 0.0005, 0.01)
        view = self.plot.plotItem.vb
        view.disableAutoRange()
        view.setRange(xRange=(first, last), yRange=(low - margin, high + margin), padding=0.02)

    def _follow(self, xs: np.ndarray, ys: np.ndarray) -> None:
        view = self.plot.plotItem.vb
        view.disableAutoRange()
        (x0, x1), (y0, y1) = view.viewRange()
        first, last = float(xs[0]), float(xs[-1])
        too_wide = x1 - x0 > 4 * max(last - first, LIVE_MIN_SPAN)
        if self.x_span is not None and self.x_span[0] <= first and last <= self.x_span[1]:
            if abs(x0 - self.x_span[0]) > 1 or abs(x1 - self.x_span[1]) > 1:  # the day's hours: the axis stays
                view.setXRange(*self.x_span, padding=0)
        elif first < x0 or last > x1 or too_wide or x1 - x0 < LIVE_MIN_SPAN * 0.99:
            span = max(last - first, LIVE_MIN_SPAN * 0.8)
            view.setXRange(first, first + max(span * 1.25, LIVE_MIN_SPAN), padding=0)  # headroom: the next minutes fit
        low, high = float(np.nanmin(ys)), float(np.nanmax(ys))
        if low < y0 or high > y1:
            margin = max((high - low) * 0.25, abs(high) * 0.0005, 0.01)
            view.setYRange(low - margin, high + margin, padding=0)

    def set_extra(self, name: str, xs: np.ndarray, ys: np.ndarray, color: str, *, visible: bool = True,
                  label: str | None = None) -> None:
        """A second line (net deposits beside value, say), kept under ``name`` and called ``label`` (the
        name itself by default) in the legend; it never moves the axes, fitted to the value line."""
        curve = self.extra_curves.get(name)
        if curve is None:
            curve = self._pg.PlotDataItem(pen=self._pg.mkPen(color, width=1.5, style=self._pg.QtCore.Qt.PenStyle.DashLine),
                                          name=label or name)
            self.plot.addItem(curve, ignoreBounds=True)
            self.extra_curves[name] = curve
        curve.setData(xs, ys)
        self.set_extra_visible(name, visible)

    def set_extra_visible(self, name: str, visible: bool) -> None:
        curve = self.extra_curves.get(name)
        if curve is None:
            return
        curve.setVisible(visible)
        self.legend.removeItem(curve)
        if visible:
            self.legend.addItem(curve, curve.name() or name)

    def clear_extras(self) -> None:
        for curve in self.extra_curves.values():
            self.legend.removeItem(curve)
            self.plot.removeItem(curve)
        self.extra_curves = {}

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
        if self.percent:
            shown = fmt.percent(exact) if exact is not None else f"{value:+.2f}%"  # drawn in percent
        else:
            shown = fmt.money(exact, self.currency) if exact is not None else f"{value:,.2f}"
        self.crosshair_text = f"{when}  {shown}"
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

"""Live portfolio value: the total and day change, an intraday line, every account's live value.

Drawing is paced by the window's frame timer (~30 per second): ``render`` is called with the
latest snapshot only when the live service's version moved, so a flood of ticks costs one
redraw per frame. The chart (pyqtgraph) is built the first time the view is shown.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clera_desktop.core.clock import MARKET_ZONE, regular_session
from clera_desktop.realtime.service import LiveSnapshot
from clera_desktop.realtime.valuation import AccountLiveValue
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.app_shell import settle_heap
from clera_desktop.ui.i18n import tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.palette import emphasise
from clera_desktop.ui.tables import sorted_table

if TYPE_CHECKING:
    from clera_desktop.realtime.series import SeriesBuffer
    from clera_desktop.realtime.service import LiveService
    from clera_desktop.services.app import AppServices
    from clera_desktop.ui.charts.value_chart import ValueChart

LIVE_COLUMNS: list[Column[AccountLiveValue]] = [
    Column(translatable("Account"), lambda v: v.name),
    Column(translatable("Live value"),
           lambda v: fmt.money(v.value, v.currency), lambda v: fmt.sort_number(v.value), numeric=True),
    Column(translatable("In base currency"),
           lambda v: fmt.money(v.value_base), lambda v: fmt.sort_number(v.value_base), numeric=True),
    Column(translatable("Note"), lambda v: _account_note(v)),
]


def _account_note(value: AccountLiveValue) -> str:
    said = [tr("no price yet for {symbols}").format(symbols=", ".join(value.missing_prices))] if value.missing_prices else []
    if value.value_base is None:
        said.append(tr("no rate from {currency} to the base currency: not in the total").format(currency=value.currency))
    said += [tr("no {pair} rate").format(pair=pair) for pair in value.missing_rates]
    if value.not_live:
        more = tr(" and {count} more").format(count=len(value.not_live) - 4) if len(value.not_live) > 4 else ""
        said.append(tr("not live: {symbols} (the live feed quotes US listings only; last synced price)")
                    .format(symbols=", ".join(value.not_live[:4]) + more))
    return "; ".join(said)
INTRADAY_GAP_SECONDS = 15 * 60.0  # no live value for this long (the app closed, no prices): a gap in the line
WAITING_TEXT = translatable("Your live value appears here once your accounts are synced and the first prices arrive.")
_SOURCE_TEXT = {"stream": translatable("Live prices streaming"),
                "polling": translatable("Stream unavailable: polling latest trades"),
                "none": translatable("No live prices (add the Clera brokerage account for market data)")}


class DashboardView(QWidget):
    def __init__(self, live: LiveService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live = live
        self.total = QLabel("\u2014")
        emphasise(self.total, 28)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change = QLabel("")
        emphasise(self.change, 16, bold=False)
        self.total_note = QLabel("")  # what the total leaves out, by name
        self.total_note.setWordWrap(True)
        self.total_note.setStyleSheet("color: #b9770e")
        self.total_note.hide()
        self.status = QLabel("")
        self.status.setStyleSheet("color: gray")
        self.series_choice = QComboBox()
        self.series_choice.setAccessibleName(tr("Line shown"))
        self.series_choice.addItem(tr("All accounts"), None)
        self.series_choice.currentIndexChanged.connect(lambda _: self._on_series_chosen())
        self.model: RowsTableModel[AccountLiveValue] = RowsTableModel(LIVE_COLUMNS, self)
        self.table, _ = sorted_table(self.model, self, name=tr("Accounts' live values"))
        top = QHBoxLayout()
        figures = QVBoxLayout()
        figures.addWidget(QLabel(tr("Total value")))
        figures.addWidget(self.total)
        figures.addWidget(self.change)
        figures.addWidget(self.total_note)
        top.addLayout(figures, 1)
        side = QVBoxLayout()
        side.addWidget(self.status, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.series_choice, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(side)
        self.waiting = QLabel(tr(WAITING_TEXT))  # until there is a line to draw (a first start)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setStyleSheet("color: gray")
        self.chart_area = QVBoxLayout()
        self.chart_area.addWidget(self.waiting)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.chart_area, 3)
        layout.addWidget(self.table, 2)
        self.chart: ValueChart | None = None
        self.redraws = 0
        self._drawn_version = -1
        self._accounts_listed: tuple[str, ...] = ()
        self._change_color = ""
        self._drawn_series: SeriesBuffer | None = None

    def showEvent(self, event: object) -> None:  # noqa: N802
        if self.chart is None:
            from clera_desktop.ui.charts.value_chart import ValueChart

            self.chart = ValueChart(self, name=tr("Value"))
            self.chart.setHidden(not self.waiting.isHidden())
            self.chart_area.addWidget(self.chart)
            settle_heap()  # pyqtgraph's modules just loaded: keep them out of every later collection
        super().showEvent(event)  # type: ignore[arg-type]
        self._drawn_version = -1

    def render_if_changed(self) -> bool:
        """Called once per frame: redraw only if the live figures moved since the last frame."""
        if self._live.version == self._drawn_version:
            return False
        self._drawn_version = self._live.version
        snapshot = self._live.snapshot()
        if snapshot is None:
            return False
        self.show_snapshot(snapshot)
        return True

    def show_snapshot(self, snapshot: LiveSnapshot) -> None:
        base = snapshot.base_currency
        chosen_id = self.series_choice.currentData()
        chosen = next((v for v in snapshot.accounts if v.account_id == chosen_id), None) if chosen_id else None
        if chosen is not None:  # the headline follows the line chosen below it
            self._show_account_headline(snapshot, chosen)
            return
        self.total.setText(fmt.money(snapshot.total, base))
        if snapshot.total_note != self.total_note.text():
            self.total_note.setText(snapshot.total_note)
            self.total_note.setVisible(bool(snapshot.total_note))
        change, pct = snapshot.day_change, snapshot.day_change_pct
        if change is None:
            self.change.setText(tr("Day change not available (no previous close)"))
            color = "gray"
        else:
            color = "#1e8449" if change >= 0 else "#c0392b"
            sign = "+" if change >= 0 else ""
            self.change.setText(tr("{sign}{money} ({percent}) today")
                                .format(sign=sign, money=fmt.money(change, base), percent=fmt.percent(pct)))
        if color != self._change_color:  # restyling is costly: only when the sign turns
            self._change_color = color
            self.change.setStyleSheet(f"color: {color}")
        stale = f" \u00b7 stale: {', '.join(sorted(snapshot.stale))}" if snapshot.stale else ""
        self.status.setText(tr("{source} \u00b7 {count} symbols{stale}")
                            .format(source=tr(_SOURCE_TEXT[snapshot.source]), count=len(snapshot.subscribed), stale=stale))
        self.model.set_rows(snapshot.accounts)  # a reset: cheaper here than dataChanged through the sort proxy
        self._list_accounts(snapshot)
        self._draw_chart(snapshot)
        self.redraws += 1

    def _show_account_headline(self, snapshot: LiveSnapshot, chosen: AccountLiveValue) -> None:
        partial = tr(" (partial: no price for {symbols})").format(symbols=", ".join(chosen.missing_prices)) \
            if chosen.missing_prices else ""
        self.total.setText(fmt.money(chosen.value, chosen.currency))
        self.change.setText(tr("{chosen}, live{partial}; the day change is for the whole portfolio only")
                            .format(chosen=chosen.name, partial=partial))
        if self._change_color != "gray":
            self._change_color = "gray"
            self.change.setStyleSheet("color: gray")
        self.total_note.setVisible(False)
        self.model.set_rows(snapshot.accounts)
        self._list_accounts(snapshot)
        self._draw_chart(snapshot)
        self.redraws += 1

    def _list_accounts(self, snapshot: LiveSnapshot) -> None:
        ids = tuple(v.account_id for v in snapshot.accounts)
        if ids == self._accounts_listed:
            return
        self._accounts_listed = ids
        current = self.series_choice.currentData()
        self.series_choice.blockSignals(True)
        self.series_choice.clear()
        self.series_choice.addItem(tr("All accounts"), None)
        for value in snapshot.accounts:
            self.series_choice.addItem(value.name, value.account_id)
        self.series_choice.setCurrentIndex(max(0, self.series_choice.findData(current)))
        self.series_choice.blockSignals(False)

    def _on_series_chosen(self) -> None:
        snapshot = self._live.snapshot()
        if snapshot is not None:
            self.show_snapshot(snapshot)  # the headline and the line together
        else:
            self._draw_chart()

    def _draw_chart(self, snapshot: LiveSnapshot | None = None) -> None:
        """``snapshot``: the frame's own (the live service builds one per call: not twice a frame)."""
        if self.chart is None:
            return
        account_id = self.series_choice.currentData()
        series = self._live.series(account_id)
        if series is None:
            return
        if series is not self._drawn_series:  # another account's line, or a restarted total: fit it afresh
            if self._drawn_series is None:  # the first line: a first start's empty axes meant nothing
                self.waiting.hide()
                self.chart.show()
            self.chart.plot.plotItem.vb.setRange(xRange=(0, 1), yRange=(0, 1))
            self._drawn_series = series
        snapshot = snapshot or self._live.snapshot()
        if snapshot is not None:
            chosen = next((v for v in snapshot.accounts if v.account_id == account_id), None)
            self.chart.currency = chosen.currency if chosen else snapshot.base_currency
        xs, ys = series.arrays()
        self.chart.x_span = session_span(float(xs[-1])) if len(xs) else None
        self.chart.set_series(xs, ys, series.exact, follow=True, gap=INTRADAY_GAP_SECONDS)


def session_span(moment: float) -> tuple[float, float] | None:
    """The regular session (9:30-16:00 New York) of the day of ``moment`` (seconds since the epoch), as
    the live chart's time axis; None outside it (before the open, after the close: the axis follows
    the line). Asked every frame: each day's session is worked out once."""
    opens, closes = _session_of(datetime.fromtimestamp(moment, UTC).astimezone(MARKET_ZONE).date())
    return (opens, closes) if opens <= moment <= closes else None


@functools.lru_cache(maxsize=8)
def _session_of(day: date) -> tuple[float, float]:
    opens, closes = regular_session(day)
    return opens.timestamp(), closes.timestamp()


def build(services: AppServices) -> DashboardView:
    """The window's dashboard view on the app's services (ui/window_views.py)."""
    return DashboardView(services.live)

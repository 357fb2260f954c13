"""Historical value and returns: value and net deposits over a range, with the range's returns.

Used twice: as the Performance page (any account or all of them) and inside an account's own
view (fixed to that account). The chart is built the first time the view is shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.portfolio.benchmark import BenchmarkRun
from clera_desktop.portfolio.returns import Metrics
from clera_desktop.services.history import Report, SeriesPoint
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.account_choice import AccountNames
from clera_desktop.ui.coalesced import Coalesced, Superseded
from clera_desktop.ui.i18n import plural, say, tr, translatable
from clera_desktop.ui.palette import emphasise
from clera_desktop.ui.slots import async_slot

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.services.history import HistoryService
    from clera_desktop.ui.charts.value_chart import ValueChart

RANGES = ("1W", "1M", "3M", "YTD", "1Y", "ALL", "Custom")  # keys; shown through tr
INVESTED_LINE = translatable("Start value + net deposits")  # the chart's dashed line (series_of's invested)
FIGURES = (("end_value", translatable("Value")), ("net_flows", translatable("Net deposits")), ("gain", translatable("Gain")),
           ("realised", translatable("Realised")), ("unrealised", translatable("Unrealised")),
           ("income", translatable("Income")), ("costs", translatable("Fees \u00b7 taxes")),
           ("twr", translatable("Time-weighted")), ("mwr", translatable("Money-weighted")))
FIGURES_PER_ROW = 5
CHART_MIN_HEIGHT = 280
_TIMING = ("Money brought in counts from the start of its day (it can be invested at that day's prices); money "
           "taken out counts at the end of its day (a sale withdrawn the same day is part of that day's result). "
           "Portfolio Performance counts the same way.")  # part of two tips below, each translated whole
FIGURE_TIPS = {
    "gain": translatable("Value at the end, less value at the start, less net deposits: what the market, income, "
                         "fees and taxes made."),
    "income": translatable("Dividends and interest, gross (before the fees and taxes withheld from them)."),
    "realised": translatable("What the range's sales realised: proceeds less the cost of the lots they closed (each account's "
                "method; costs at the buy day's rate, proceeds at the sale day's)."),
    "unrealised": translatable("How much the open lots' gain (value less cost) grew or shrank over the range. Realised + "
                  "unrealised + income - fees - taxes is the gain, where every cost, price and rate is known and no "
                  "shares were transferred; the rest (currency moves on cash, shares from before the first "
                  "activity, transfers) is said beside it."),
    "costs": translatable("Fees (less refunds) and taxes (paid or withheld, less refunds) in the range."),
    "twr": translatable("The return of the money invested, whatever was added or taken out when: each day's return, "
                        "linked. {timing} The yearly rate is shown for ranges of a year or more."),
    "mwr": translatable("The rate your own deposits and withdrawals earned (internal rate of return, as Excel's XIRR). "
                        "For a range under a year it is the range's own return, not a yearly rate. {timing}"),
}


def figure_tip(key: str) -> str:
    """A figure's tooltip in the person's language ("" for a figure without one)."""
    tip = FIGURE_TIPS.get(key)
    return tr(tip).format(timing=tr(_TIMING)) if tip else ""


DEPOSITS_COLOR = "#8e8e93"
BENCHMARK_COLOR = "#f28e2b"
BENCHMARK_PREFIX = "Benchmark: "  # a curve's name (a key)
BENCHMARK_TIP = (translatable("A symbol's daily closes, or a blend rebalanced daily to its mix (SPY 60, AGG 40), in the base "
                 "currency. Its time-weighted return is drawn beside yours with \u201cReturn %\u201d; the value line "
                 "shows what the portfolio's value at the start and every deposit and withdrawal would have made "
                 "in it instead (in at the start of its day, out at the end, as your return counts them)."))
GAP_SECONDS = 4 * 86400.0  # daily values further apart than this: no data in between, drawn as a gap


def benchmark_text(run: BenchmarkRun | None, report: Report) -> str:
    """The benchmark's return beside the portfolio's, and what the same money would have made in it."""
    if run is None:
        return ""
    label, base, mine = run.benchmark.label, report.base_currency, report.total
    if run.missing:
        return tr("{benchmark}: no daily closes for {symbols} in this range (US listings come with the history update "
                  "when Alpaca is connected; import a prices CSV for others).").format(
            benchmark=label, symbols=", ".join(run.missing))
    twr, end, gain = run.twr, run.end_value, run.gain
    if twr is None or end is None or gain is None:
        return tr("{benchmark}: nothing to compare in this range.").format(benchmark=label)
    yours = fmt.percent(mine.twr) if mine.twr is not None else tr("not defined")
    parts = [tr("{benchmark}: {twr} time-weighted (yours {yours})").format(benchmark=label, twr=fmt.percent(twr), yours=yours),
             tr("had every deposit bought it: {end}, a gain of {gain} (yours {yours})").format(
                 end=fmt.money(end, base), gain=fmt.money(gain, base), yours=fmt.money(mine.gain, base))]
    if run.mwr is not None:
        parts.append(tr("money-weighted {mwr} (yours {yours})").format(
            mwr=fmt.percent(run.mwr), yours=fmt.percent(mine.mwr) if mine.mwr is not None else tr("not defined")))
    if run.runs_from is not None:
        parts.append(tr("from {day}, its first close in the range").format(day=f"{run.runs_from:%Y-%m-%d}"))
    return " \u00b7 ".join(parts)


def risk_text(report: Report) -> str:
    """Volatility, the deepest fall (with its days) and the best and worst day, in one line."""
    risk = report.risk
    if risk is None or not risk.days:
        return ""

    def pct(value: float) -> str:
        return fmt.percent(Decimal(repr(value)))

    parts = [tr("Volatility {percent} a year").format(percent=fmt.plain_percent(Decimal(repr(risk.volatility))))] \
        if risk.volatility is not None else []
    drawdown = risk.drawdown
    if drawdown is not None:
        back = (tr(", made good {day}").format(day=f"{drawdown.recovered:%Y-%m-%d}") if drawdown.recovered
                else tr(", not yet made good"))
        parts.append(tr("deepest fall {percent} ({peak} to {trough}{back})").format(
            percent=pct(drawdown.depth), peak=f"{drawdown.peak:%Y-%m-%d}", trough=f"{drawdown.trough:%Y-%m-%d}", back=back))
    if risk.best_day is not None and risk.worst_day is not None:
        parts.append(tr("best day {best} ({best_day}), worst {worst} ({worst_day})").format(
            best=pct(risk.best_day[1]), best_day=f"{risk.best_day[0]:%Y-%m-%d}", worst=pct(risk.worst_day[1]),
            worst_day=f"{risk.worst_day[0]:%Y-%m-%d}"))
    return " \u00b7 ".join(parts)


#: Notes shown under the chart; the rest are counted there and read in full in its tooltip.
NOTES_SHOWN = 2
NO_NOTES = (translatable("Daily values rebuilt from activities and daily closes; external flows are deposits, withdrawals and "
            "transfers."))


def notes_text(notes: list[str]) -> tuple[str, str]:
    """What the foot of the view says (at most :data:`NOTES_SHOWN` notes, then how many more) and its
    tooltip (every note): a long list never pushes the chart up."""
    if not notes:
        return tr(NO_NOTES), ""
    more = len(notes) - NOTES_SHOWN
    shown = notes[:NOTES_SHOWN] + ([plural(more, tr("\u2026and {count} more note: point here to read it."),
                                           tr("\u2026and {count} more notes: point here to read them."))]
                                    if more > 0 else [])
    return "\n".join(shown), "\n\n".join(notes) if more > 0 else ""


def range_start(name: str, today: date) -> date | None:
    return {"1W": today - timedelta(days=7), "1M": today - timedelta(days=30), "3M": today - timedelta(days=91),
            "YTD": date(today.year, 1, 1), "1Y": today - timedelta(days=365)}.get(name)


class PerformanceView(QWidget):
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = Change.HISTORY | Change.BASE_CURRENCY | Change.ACCOUNTS
    reading = translatable("Reading the daily values and returns\u2026")

    def __init__(self, history: HistoryService, parent: QWidget | None = None, *, account_id: str | None = None,
                 show_choice: bool = True, account_names: AccountNames | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._account_names = account_names
        self._fixed_account = account_id
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.account.addItem(tr("All accounts"), None)
        self.account.setVisible(show_choice)
        self.account.currentIndexChanged.connect(self._on_choice_changed)
        self.range_group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.addWidget(self.account)
        bar.addStretch(1)
        for name in RANGES:
            button = QPushButton(tr("Custom") if name == "Custom" else name)
            button.setCheckable(True)
            button.setProperty("range", name)
            self.range_group.addButton(button)
            bar.addWidget(button)
        self.range_group.buttons()[RANGES.index("1Y")].setChecked(True)
        self.range_group.buttonClicked.connect(self._on_choice_changed)
        self.custom_from, self.custom_to = QDateEdit(), QDateEdit()
        for edit in (self.custom_from, self.custom_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_choice_changed)
            bar.addWidget(edit)
        today = history.today()
        self.custom_from.setDate(QDate(today.year, today.month, today.day).addYears(-1))
        self.custom_to.setDate(QDate(today.year, today.month, today.day))
        self.figures: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        for n, (key, title) in enumerate(FIGURES):
            caption = QLabel(tr(title))
            caption.setStyleSheet("color: gray")
            caption.setToolTip(figure_tip(key))
            self.captions[key] = caption
            value = QLabel("\u2014")
            emphasise(value, 16)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(n, FIGURES_PER_ROW)  # two rows: the window stays usable at 1024 px
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.figures[key] = value
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray")
        self.risk = QLabel("")
        self.risk.setWordWrap(True)
        self.risk.setToolTip(tr("Daily returns linked as the time-weighted return links them: deposits and withdrawals are "
                                "not gains or losses. Volatility is over trading days, annualised (x sqrt 252)."))
        self.show_return = QCheckBox(tr("Return %"))
        self.show_return.setToolTip(tr("The time-weighted return since the range began, instead of the value"))
        self.show_deposits = QCheckBox(tr("Money in"))
        self.show_deposits.setToolTip(tr("A dashed line: the value at the start of the range plus the money brought in "
                                         "since, less the money taken out; what it would be worth with no gain. Its gap to "
                                         "the value is the range's gain."))
        self.show_deposits.setChecked(True)
        for box in (self.show_return, self.show_deposits):
            box.toggled.connect(lambda _checked: self._draw())
        self.benchmark_edit = QLineEdit()
        self.benchmark_edit.setPlaceholderText(tr("Compare with: SPY, or SPY 60, AGG 40"))
        self.benchmark_edit.setAccessibleName(tr("Benchmark"))
        self.benchmark_edit.setToolTip(tr(BENCHMARK_TIP))
        self.benchmark_edit.setClearButtonEnabled(True)
        # as wide as its placeholder and the clear button: never cut off
        wide = self.benchmark_edit.fontMetrics().horizontalAdvance(self.benchmark_edit.placeholderText()) + 48
        self.benchmark_edit.setMinimumWidth(wide)
        self.benchmark_edit.setMaximumWidth(max(wide, 260))
        self.benchmark_edit.editingFinished.connect(self._on_benchmark_edited)
        self.benchmark_line = QLabel("")
        self.benchmark_line.setWordWrap(True)
        self.benchmark_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.benchmark_line.setToolTip(tr(BENCHMARK_TIP))
        chart_bar = QHBoxLayout()
        chart_bar.addWidget(self.risk, 1)
        chart_bar.addWidget(self.benchmark_edit)
        chart_bar.addWidget(self.show_deposits)
        chart_bar.addWidget(self.show_return)
        self.chart_area = QVBoxLayout()
        self.chart_area.addLayout(chart_bar)
        self.chart_area.addWidget(self.benchmark_line)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addLayout(self.chart_area, 1)
        layout.addWidget(self.note)
        self.chart: ValueChart | None = None
        self.points: list[SeriesPoint] = []
        self.report: Report | None = None
        self.benchmark: BenchmarkRun | None = None
        self._chosen_benchmark = ""  # the text kept, to tell an edit from focus leaving
        self._names: dict[str, str] = {}
        self._reloads = Coalesced(self._reload_once)
        self._stale = False  # a choice changed while hidden: the next show reads it

    # ---- the person's choices --------------------------------------------------------------------

    def set_accounts(self, accounts: list[tuple[str, str]]) -> None:
        """(id, name) pairs for the chooser; keeps the current choice."""
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(tr("All accounts"), None)
        for account_id, name in accounts:
            self.account.addItem(name, account_id)
        self.account.setCurrentIndex(max(0, self.account.findData(current)))
        self.account.blockSignals(False)
        self._names = dict(accounts)

    def set_fixed_account(self, account_id: str, name: str) -> None:
        self._fixed_account = account_id
        self._names[account_id] = name

    def choose_range(self, name: str) -> None:
        """Check the range button ``name`` (restoring where the person left it); unknown names are ignored."""
        for button in self.range_group.buttons():
            if button.property("range") == name:
                button.setChecked(True)

    def chosen_range(self) -> tuple[str, date | None, date | None]:
        checked = self.range_group.checkedButton()
        name = checked.property("range") if checked else "1Y"
        custom = name == "Custom"
        for edit in (self.custom_from, self.custom_to):
            edit.setVisible(custom)
        if custom:
            return name, self.custom_from.date().toPython(), self.custom_to.date().toPython()  # type: ignore[return-value]
        return name, range_start(name, self._history.today()), None

    def account_ids(self) -> list[str] | None:
        chosen = self._fixed_account or self.account.currentData()
        return None if chosen is None else [chosen]

    @async_slot()
    async def _on_choice_changed(self, *_: object) -> None:
        if not self.isVisible():  # set while hidden (a range restored, the accounts listed): read when shown
            self._stale = True
            return
        await self.reload()

    @async_slot()
    async def _on_benchmark_edited(self) -> None:
        text = self.benchmark_edit.text().strip()
        if text == self._chosen_benchmark:
            return  # focus left without a change
        try:
            chosen = await self._history.choose_benchmark(text)
        except CleraError as error:
            self.benchmark_line.setText(say(error.user_message))
            self.benchmark_line.setVisible(True)
            return
        self._chosen_benchmark = "" if chosen is None else chosen.text
        await self.reload()

    # ---- data --------------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # noqa: N802
        if self.chart is None:
            from clera_desktop.ui.charts.value_chart import ValueChart

            self.chart = ValueChart(self, time_format="%Y-%m-%d", name=tr("Value"))
            self.chart.setMinimumHeight(CHART_MIN_HEIGHT)  # in an account's pane too: a line worth reading
            self.chart_area.addWidget(self.chart)
            if self.report is None:
                self.chart.show_message(tr(self.reading))
            self._draw()
        if self._stale:
            from clera_desktop.ui.tasks import run_task

            run_task(self, self.reload(), on_error=self.note.setText)
        super().showEvent(event)  # type: ignore[arg-type]

    async def load(self, changes: Changes) -> None:
        """The chooser's accounts when they changed, then the figures."""
        if self._account_names is not None and changes.touches(Change.ACCOUNTS):
            accounts = await self._account_names()
            self.set_accounts(accounts)
        await self.reload()

    async def reload(self) -> None:
        """Read and show the chosen range and accounts; asked again meanwhile, the newest choice wins."""
        self._stale = False
        await self._reloads()

    async def _reload_once(self, superseded: Superseded) -> None:
        _name, start, end = self.chosen_range()
        ids = self.account_ids()
        try:
            points, report = await self._history.overview(ids, start, end)
            if superseded() or not isValid(self):
                return  # the person chose another range or account meanwhile: that answer wins
            chosen = await self._history.chosen_benchmark()
            benchmark = None if chosen is None else await self._history.benchmark(chosen, ids, start, end)
        except CleraError as error:
            if isValid(self):
                self.note.setText(say(error.user_message))
            return
        if not isValid(self) or superseded():
            return
        self.points, self.report, self.benchmark = points, report, benchmark
        if chosen is not None and not self.benchmark_edit.hasFocus():
            self._chosen_benchmark = chosen.text
            self.benchmark_edit.setText(chosen.text)
        self.benchmark_line.setText(benchmark_text(benchmark, report))
        self.benchmark_line.setVisible(benchmark is not None)
        self._show_figures(report.total, report.base_currency)
        self._show_gains(report)
        self.risk.setText(risk_text(report))
        self._draw()  # with the figures, before the note's own read: never a chart of the range before
        await self._show_note(ids)

    def _show_gains(self, report: Report) -> None:
        gains, currency = report.gains, report.base_currency
        if gains is None:
            self.figures["realised"].setText("\u2014")
            self.figures["unrealised"].setText("\u2014")
            return
        self.figures["realised"].setText(fmt.money(gains.realised, currency))
        change = gains.unrealised_change
        self.figures["unrealised"].setText(fmt.money(change, currency) if change is not None else tr("unknown"))
        m = report.total
        tip = figure_tip("unrealised")
        if change is None:
            tip += "\n\n" + tr("Unknown: {symbols} hold lots of unknown cost, price or rate.").format(
                symbols=", ".join(gains.left_out))
        else:
            other = m.gain - (gains.realised + change + m.income - m.fees - m.taxes)
            if other:
                tip += "\n\n" + tr("This range: {amount} of the gain is from currency moves, transfers or shares held "
                                   "before the first activity.").format(amount=fmt.money(other, currency))
        self.figures["unrealised"].setToolTip(tip)

    def _show_figures(self, m: Metrics, currency: str) -> None:
        self.figures["end_value"].setText(fmt.money(m.end_value, currency))
        self.figures["net_flows"].setText(fmt.money(m.net_flows, currency))
        self.figures["gain"].setText(fmt.money(m.gain, currency))
        self.figures["income"].setText(fmt.money(m.income, currency))
        self.figures["costs"].setText(f"{fmt.money(m.fees)} \u00b7 {fmt.money(m.taxes, currency)}")
        yearly = tr(" ({percent} a year)").format(percent=fmt.percent(m.twr_annualised)) if m.twr_annualised is not None else ""
        self.figures["twr"].setText(fmt.percent(m.twr) + yearly if m.twr is not None else tr("not defined"))
        self.figures["mwr"].setText(fmt.percent(m.mwr) if m.mwr is not None else tr("not defined"))
        self.figures["mwr"].setToolTip(figure_tip("mwr") + ("\n\n" + tr("Not defined here: {reason}.").format(
            reason=m.mwr_missing) if m.mwr_missing else ""))
        self.captions["mwr"].setText(tr("Money-weighted (yearly)") if m.mwr_basis == "annual" else
                                     tr("Money-weighted (this range)") if m.mwr_basis == "period" else tr("Money-weighted"))

    async def _show_note(self, ids: list[str] | None) -> None:
        states = await self._history.states()
        notes = []
        if self.report is not None and not self.report.complete:
            notes.append(tr("The total leaves out {accounts}: no exchange rate {pairs} is known. Import one (File \u203a "
                            "Import CSV, exchange rates) to count them in.").format(
                accounts=", ".join(self.report.left_out), pairs=", ".join(self.report.missing_rates)))
        for account_id, state in states.items():
            if state is None or (ids is not None and account_id not in ids):
                continue
            shown = [f"{fmt.quantity(a.quantity)} {a.symbol}" if a.symbol
                     else tr("{amount} cash").format(amount=fmt.money(a.quantity)) for a in state.adjustments[:6]]
            if shown:
                more = tr(" and {count} more").format(count=len(state.adjustments) - 6) if len(state.adjustments) > 6 else ""
                notes.append(tr("{account}: activities do not explain {what}{more}; shown as held since history starts "
                                "({day}) and counted as money brought in then.").format(
                    account=self._names.get(account_id, tr("One account")), what=", ".join(shown), more=more,
                    day=state.first_day))
            if state.missing_prices:
                notes.append(tr("No daily closes for {symbols}: valued at the account's own trade prices. Import prices "
                                "(CSV) to correct that.").format(symbols=", ".join(state.missing_prices)))
        text, tip = notes_text(notes)
        self.note.setText(text)
        self.note.setToolTip(tip)

    def _draw(self) -> None:
        if self.chart is None:
            return
        if not self.points:
            if self.report is not None:
                self.chart.show_message(tr("No daily values in this range: choose a longer one, or add activities."))
            return
        from datetime import datetime, time

        points = self.points
        xs = np.fromiter((datetime.combine(p.day, time(16)).timestamp() for p in points), dtype=np.float64)
        chart = self.chart
        as_return = self.show_return.isChecked()
        chart.percent = as_return
        if as_return:  # the time-weighted return since the range began, in percent (the report's TWR at its end)
            growth = np.fromiter((float(p.growth) * 100 if p.growth is not None else np.nan for p in points),
                                 dtype=np.float64)
            chart.currency = "%"
            chart.set_series(xs, growth, lambda i: points[i].growth or Decimal(0), gap=GAP_SECONDS)
        else:
            values = np.fromiter((float(p.value) for p in points), dtype=np.float64)
            chart.currency = self.report.base_currency if self.report else ""
            chart.set_series(xs, values, lambda i: points[i].value, gap=GAP_SECONDS)
        deposits = np.fromiter((float(p.invested) for p in points), dtype=np.float64)
        chart.set_extra(INVESTED_LINE, xs, deposits, DEPOSITS_COLOR, label=tr(INVESTED_LINE),
                        visible=self.show_deposits.isChecked() and not as_return)
        benchmark = self._draw_benchmark(xs, as_return)
        chart.fit(*(() if benchmark is None else (benchmark,)))  # the comparison in view, not cut off

    def _draw_benchmark(self, xs: np.ndarray, as_return: bool) -> np.ndarray | None:
        """The benchmark's return (as %), or its money-matched value, on the same days (None: none drawn)."""
        chart = self.chart
        assert chart is not None
        run = self.benchmark
        for name in [n for n in chart.extra_curves if n.startswith(BENCHMARK_PREFIX)]:
            chart.set_extra_visible(name, False)
        if run is None or not run.known:
            return None
        by_day = {d.day: d for d in run.days}
        if as_return:
            name = f"{BENCHMARK_PREFIX}{run.benchmark.label}"
            said = tr("Benchmark: {benchmark}").format(benchmark=run.benchmark.label)
            ys = [float(by_day[p.day].growth) * 100 if p.day in by_day else np.nan for p in self.points]
        else:
            name = f"{BENCHMARK_PREFIX}had every deposit bought {run.benchmark.label}"
            said = tr("Benchmark: had every deposit bought {benchmark}").format(benchmark=run.benchmark.label)
            ys = [float(by_day[p.day].value) if p.day in by_day else np.nan for p in self.points]
        line = np.array(ys, dtype=np.float64)
        chart.set_extra(name, xs, line, BENCHMARK_COLOR, label=said)  # the name is its key, the label its words
        return line


def build(services: AppServices) -> PerformanceView:
    """The window's performance view on the app's services (ui/window_views.py)."""
    return PerformanceView(services.history, account_names=services.book.account_names)

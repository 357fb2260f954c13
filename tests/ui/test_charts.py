"""Charts worth reading: fitted to the value, named lines, readable axes, gaps as gaps, % mode."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from clera_desktop.ui.charts.value_chart import ValueChart, with_gaps
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.views.performance_view import INVESTED_LINE
from tests.ui.conftest import showing

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

DAY = 86400.0


def _chart(qtbot: Any) -> ValueChart:
    chart = ValueChart(currency="USD", time_format="%Y-%m-%d")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    return chart


def test_the_value_axis_fits_the_value_line_not_the_deposits_line(qtbot: Any) -> None:
    chart = _chart(qtbot)
    xs = 1_700_000_000 + np.arange(7) * DAY
    chart.set_series(xs, np.array([310_000.0, 311_000, 309_500, 312_000, 313_500, 312_800, 314_000]))
    chart.set_extra("Net deposits", xs, np.full(7, 150_000.0), "#888888")
    chart.fit()
    (_x0, _x1), (y0, y1) = chart.plot.plotItem.vb.viewRange()
    assert 305_000 < y0 < 309_500 and 314_000 < y1 < 320_000, "a week's moves fill the chart"
    names = [label.text for _sample, label in chart.legend.items]
    assert names == ["Value", "Net deposits"], "each line is named"
    chart.set_extra_visible("Net deposits", False)
    assert [label.text for _sample, label in chart.legend.items] == ["Value"]
    assert chart.plot.plotItem.buttonsHidden is not False, "no stray auto-range button"


def test_ticks_use_the_locales_separators_and_the_axis_names_the_currency(qtbot: Any) -> None:
    chart = _chart(qtbot)
    axis = chart.plot.getAxis("left")
    assert axis.tickStrings([310_000.0], 1.0, 10_000.0) == ["310,000"]
    assert "USD" in axis.labelText
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert axis.tickStrings([310_000.0, 0.5], 1.0, 0.5) == ["310.000,0", "0,5"]
    finally:
        QLocale.setDefault(previous)


def test_a_stretch_without_data_is_a_gap_and_one_point_never_zooms_to_milliseconds(qtbot: Any) -> None:
    xs = np.array([0.0, DAY, 2 * DAY, 10 * DAY, 11 * DAY])
    drawn_xs, drawn_ys = with_gaps(xs, np.arange(5.0), 4 * DAY)
    assert len(drawn_xs) == 6 and np.isnan(drawn_ys[3]), "the line breaks between day 2 and day 10"
    chart = _chart(qtbot)
    chart.set_series(np.array([1_700_000_000.0]), np.array([100.0]))
    chart.fit()
    (x0, x1), _ = chart.plot.plotItem.vb.viewRange()
    assert x1 - x0 >= 60, "at least a minute of time axis"


def test_the_return_mode_ends_on_the_reports_time_weighted_return(window: MainWindow,
                                                                  run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.update_history())
    view = showing(window, window.performance_view, run)
    run(view.reload())
    view.show_return.setChecked(True)
    assert view.chart is not None and view.report is not None and view.report.total.twr is not None
    assert view.chart.currency == "%"
    last = view.points[-1].growth
    assert last is not None and last.quantize(view.report.total.twr) == view.report.total.twr, \
        "the line ends where the figure says (to its six places)"
    assert not view.chart.extra_curves[INVESTED_LINE].isVisible(), "deposits mean nothing beside a return"


def test_a_live_line_that_just_started_reads_in_minutes(qtbot: Any) -> None:
    chart = _chart(qtbot)
    start = 1_700_000_000.0
    chart.set_series(np.array([start, start + 5]), np.array([100.0, 101.0]), follow=True)
    (x0, x1), _ = chart.plot.plotItem.vb.viewRange()
    assert x1 - x0 >= 30 * 60, "half an hour of room, so the ticks are times of day"


def test_a_live_line_in_the_trading_day_spans_its_hours(qtbot: Any) -> None:
    from datetime import datetime

    from clera_desktop.core.clock import MARKET_ZONE
    from clera_desktop.ui.views.dashboard_view import session_span

    chart = _chart(qtbot)
    opens = datetime(2026, 12, 7, 9, 30, tzinfo=MARKET_ZONE).timestamp()
    closes = datetime(2026, 12, 7, 16, 0, tzinfo=MARKET_ZONE).timestamp()
    noon = datetime(2026, 12, 7, 12, 0, tzinfo=MARKET_ZONE).timestamp()
    assert session_span(noon) == (opens, closes)
    assert session_span(closes + 60) is None and session_span(opens - 60) is None, "outside it the axis follows"
    for minutes in (1, 30, 90):
        chart.x_span = session_span(noon + minutes * 60)
        chart.set_series(np.array([noon, noon + minutes * 60]), np.array([100.0, 101.0]), follow=True)
        (x0, x1), _ = chart.plot.plotItem.vb.viewRange()
        assert abs(x0 - opens) < 1 and abs(x1 - closes) < 1, "the line grows across the day; it does not hug an edge"


def test_an_accounts_own_chart_is_tall_enough_to_read(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    account = window.accounts_view.model.accounts()[0]
    run(window.accounts_view.open_account(account.account_id))
    detail = window.accounts_view.detail
    assert detail is not None and detail.performance is not None
    detail.tabs.setCurrentWidget(detail.performance)
    run(window.settled())
    assert detail.performance.chart is not None and detail.performance.chart.height() >= 280


def test_the_performance_view_says_the_ranges_risk(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.update_history())
    view = showing(window, window.performance_view, run)
    run(view.reload())
    assert view.report is not None and view.report.risk is not None and view.report.risk.days > 100
    text = view.risk.text()
    assert text.startswith("Volatility ") and "a year" in text and "best day" in text and "worst" in text
    assert view.report.as_json()["total"]["risk"]["volatility"] is not None  # type: ignore[index]


def test_the_charts_and_headline_figures_follow_the_system_turning_dark(qapp: Any, window: MainWindow,
                                                                        run: Callable[[Awaitable[Any]], Any]) -> None:
    """The system switches to dark while the window is open (apply_system_palette follows it):
    the plots' backgrounds and the Performance figures take the dark colours, none stays as polished."""
    from PySide6.QtGui import QPalette

    from clera_desktop.ui.palette import dark_palette

    showing(window, window.performance_view, run)
    assert window.performance_view.chart is not None
    light = qapp.palette()
    dark = dark_palette()
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        base, text = dark.color(QPalette.ColorRole.Base), dark.color(QPalette.ColorRole.Text)
        for plot in (window.performance_view.chart.plot, window.income_view.chart.plot):
            assert plot.backgroundBrush().color() == base
            assert plot.getAxis("left").textPen().color() == text
        figure = next(iter(window.performance_view.figures.values()))
        assert figure.palette().color(QPalette.ColorRole.WindowText) == dark.color(QPalette.ColorRole.WindowText)
    finally:
        qapp.setPalette(light)

"""The Performance view's benchmark: a symbol nobody holds, fetched when chosen, drawn beside the
return and as the value the same money would have made; the same start value and flows as the
portfolio's own figures; a blend that cannot be is said, and the last choice kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtTest import QTest

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_a_benchmark_nobody_holds_is_fetched_and_drawn_with_the_portfolios_own_flows(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.sync.history_task)  # type: ignore[arg-type]
    view = window.performance_view
    window.show_view(view)
    run(wait_for(lambda: view.report is not None))
    view.benchmark_edit.setText("SPY 60, AGG 40")
    view.benchmark_edit.setFocus()
    QTest.keyClick(view.benchmark_edit, "\r")  # editingFinished: the choice is kept and the closes fetched
    run(wait_for(lambda: view.benchmark is not None and view.benchmark.known, timeout=20))
    bench, mine = view.benchmark, view.report.total
    assert bench.benchmark.label == "60% SPY + 40% AGG"
    assert (bench.start_value, bench.net_flows) == (mine.start_value, mine.net_flows)  # the same money, same days
    assert bench.gain == bench.end_value - mine.start_value - mine.net_flows
    assert view.benchmark_line.text().startswith("60% SPY + 40% AGG: ")
    assert "had every deposit bought it" in view.benchmark_line.text()
    assert bench.mwr is not None and "money-weighted" in view.benchmark_line.text()
    curve = "Benchmark: had every deposit bought 60% SPY + 40% AGG"
    assert curve in view.chart.extra_curves and view.chart.extra_curves[curve].isVisible()
    low, high = view.chart.plot.plotItem.vb.viewRange()[1]
    assert low <= float(min(d.value for d in bench.days)) and float(max(d.value for d in bench.days)) <= high
    view.show_return.setChecked(True)
    assert view.chart.extra_curves["Benchmark: 60% SPY + 40% AGG"].isVisible()
    low, high = view.chart.plot.plotItem.vb.viewRange()[1]  # the comparison in view, in percent
    assert low <= float(min(d.growth for d in bench.days)) * 100 and float(max(d.growth for d in bench.days)) * 100 <= high
    assert not view.chart.extra_curves[curve].isVisible()
    assert run(window.services.history.chosen_benchmark()) == bench.benchmark  # kept for the next start

    view.benchmark_edit.setText("SPY 60, AGG 30")
    view.benchmark_edit.setFocus()
    QTest.keyClick(view.benchmark_edit, "\r")
    run(wait_for(lambda: "add up to 100" in view.benchmark_line.text()))
    assert run(window.services.history.chosen_benchmark()) == bench.benchmark  # the last good choice stays

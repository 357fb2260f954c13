"""Risk figures worked by hand: volatility, the deepest fall and its days, the best and worst day."""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clera_desktop.portfolio.returns import DailyPoint
from clera_desktop.portfolio.risk import risk_figures

MONDAY = date(2026, 3, 2)
D = Decimal


def _points(values: list[str], flows: dict[int, str] | None = None) -> list[DailyPoint]:
    flows = flows or {}
    return [DailyPoint(MONDAY + timedelta(days=n), D(v), D(flows.get(n, "0")), D(0)) for n, v in enumerate(values)]


def test_the_deepest_fall_its_days_and_its_recovery() -> None:
    # Mon 110 (+10 %), Tue 99 (-10 %), Wed 88 (-11.1 %), Thu 110 (+25 %), Fri 120
    figures = risk_figures(_points(["110", "99", "88", "110", "120"]), start_value=D(100))
    drawdown = figures.drawdown
    assert drawdown is not None
    assert drawdown.depth == pytest.approx(88 / 110 - 1)  # -20 %
    assert (drawdown.peak, drawdown.trough, drawdown.recovered) == (MONDAY, MONDAY + timedelta(2), MONDAY + timedelta(3))
    assert figures.best_day == (MONDAY + timedelta(3), pytest.approx(0.25))
    assert figures.worst_day == (MONDAY + timedelta(2), pytest.approx(88 / 99 - 1))
    returns = [0.10, -0.10, 88 / 99 - 1, 0.25, 120 / 110 - 1]
    assert figures.volatility == pytest.approx(statistics.stdev(returns) * math.sqrt(252))


def test_money_brought_in_is_not_a_gain_and_weekends_are_left_out_of_volatility() -> None:
    # a deposit of 1,000 on Tuesday is not a +900 % day; Saturday and Sunday add no trading day
    figures = risk_figures(_points(["100", "1100", "1100", "1100", "1100", "1100", "1100"], {1: "1000"}),
                           start_value=D(100))
    assert figures.best_day is not None and figures.best_day[1] == pytest.approx(0.0)
    assert figures.days == 5 and figures.drawdown is None

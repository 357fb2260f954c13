"""Risk figures for a range, from the same daily points and linking as the time-weighted return.

Each day's return is linked as ``returns.time_weighted`` links it (money in at the start of its
day, out at its end), so deposits and withdrawals are never counted as gains or losses:

- volatility: the standard deviation of the trading days' returns (Saturdays and Sundays, when no
  market moves, left out), annualised with the square root of 252 trading days;
- maximum drawdown: the largest fall of the return index from a peak, with the peak's and the
  trough's days (and the day it was made good, if it was);
- best and worst day: the largest daily gain and loss, with their days.

Floats are fine here: these are statistics shown to two decimals, never money.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clera_desktop.portfolio.returns import DailyPoint

TRADING_DAYS = 252


@dataclass(frozen=True, slots=True)
class Drawdown:
    depth: float  # -0.084: the index fell 8.4 % from its peak
    peak: date
    trough: date
    recovered: date | None  # back at the peak's level; None: not yet


@dataclass(frozen=True, slots=True)
class RiskFigures:
    volatility: float | None  # annualised; None with fewer than two trading days
    drawdown: Drawdown | None  # None: the index never fell
    best_day: tuple[date, float] | None
    worst_day: tuple[date, float] | None
    days: int  # trading days with a return

    def as_json(self) -> dict[str, object]:
        def pct(value: float | None) -> str | None:
            return None if value is None else f"{value:.6f}"

        drawdown = self.drawdown
        return {
            "volatility": pct(self.volatility), "days": self.days,
            "max_drawdown": None if drawdown is None else {
                "depth": pct(drawdown.depth), "peak": drawdown.peak.isoformat(), "trough": drawdown.trough.isoformat(),
                "recovered": drawdown.recovered.isoformat() if drawdown.recovered else None},
            "best_day": None if self.best_day is None else {"day": self.best_day[0].isoformat(),
                                                            "return": pct(self.best_day[1])},
            "worst_day": None if self.worst_day is None else {"day": self.worst_day[0].isoformat(),
                                                              "return": pct(self.worst_day[1])},
        }


def daily_returns(points: Sequence[DailyPoint], start_value: Decimal) -> list[tuple[date, float]]:
    """Each day's linked return (days whose start was nothing are skipped, as the TWR skips them)."""
    result = []
    previous = start_value
    for point in points:
        basis = previous + point.flow_in
        if basis > 0:
            result.append((point.day, float((point.value + point.flow_out) / basis) - 1.0))
        previous = point.value
    return result


def risk_figures(points: Sequence[DailyPoint], start_value: Decimal) -> RiskFigures:
    returns = daily_returns(points, start_value)
    trading = [(day, r) for day, r in returns if day.weekday() < 5]
    volatility = None
    if len(trading) >= 2:
        values = [r for _, r in trading]
        mean = sum(values) / len(values)
        variance = sum((r - mean) ** 2 for r in values) / (len(values) - 1)
        volatility = math.sqrt(variance) * math.sqrt(TRADING_DAYS)
    best = max(trading, key=lambda item: item[1]) if trading else None
    worst = min(trading, key=lambda item: item[1]) if trading else None
    return RiskFigures(volatility, _max_drawdown(returns, points[0].day if points else None), best, worst, len(trading))


def _max_drawdown(returns: Sequence[tuple[date, float]], first_day: date | None) -> Drawdown | None:
    if not returns or first_day is None:
        return None
    index, peak, peak_day = 1.0, 1.0, first_day
    deepest: Drawdown | None = None
    for day, r in returns:
        index *= 1.0 + r
        if index >= peak:
            if deepest is not None and deepest.recovered is None and deepest.peak == peak_day:
                deepest = Drawdown(deepest.depth, deepest.peak, deepest.trough, day)
            peak, peak_day = index, day
            continue
        depth = index / peak - 1.0
        if deepest is None or depth < deepest.depth:
            deepest = Drawdown(depth, peak_day, day, None)
    return deepest

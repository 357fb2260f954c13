"""Returns over a range: time-weighted (daily linked), money-weighted (XIRR), gain, income.

Conventions (stated, because every tracker picks its own):
- a day's external flow (deposit, withdrawal, transfer) arrives at the start of that day, so the
  day's return is ``V_d / (V_{d-1} + F_d) - 1``; dividends and interest are income, not flows;
- the start value is the value at the end of the day before ``from`` (0 before history began);
- money-weighted return is the annual rate that discounts the start value and every flow
  (invested: negative) against the end value (received: positive) to zero, on actual/365
  day counts, as Excel's XIRR does;
- a figure that is undefined (nothing invested, no convergence) is None, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

RETURN_PLACES = Decimal("0.000001")


@dataclass(frozen=True, slots=True)
class DailyPoint:
    day: date
    value: Decimal
    flow: Decimal
    income: Decimal


@dataclass(frozen=True, slots=True)
class Metrics:
    start_value: Decimal
    end_value: Decimal
    net_flows: Decimal
    gain: Decimal
    income: Decimal
    twr: Decimal | None
    mwr: Decimal | None

    def as_json(self) -> dict[str, str | None]:
        def text(value: Decimal | None) -> str | None:
            if value is None:
                return None
            cents = value.quantize(Decimal("0.01"))
            return format(cents if cents == value else value, "f")  # 2 places at least, never rounded

        return {"start_value": text(self.start_value), "end_value": text(self.end_value),
                "net_flows": text(self.net_flows), "gain": text(self.gain), "income": text(self.income),
                "twr": text(self.twr), "mwr": text(self.mwr)}


def xirr(cash_flows: Sequence[tuple[date, float]], *, guess: float = 0.1) -> float | None:
    """The annual rate r with sum(cf / (1 + r) ** (days / 365)) = 0; None if there is none."""
    flows = [(d, f) for d, f in cash_flows if f != 0]
    if len(flows) < 2 or all(f > 0 for _, f in flows) or all(f < 0 for _, f in flows):
        return None
    first = min(d for d, _ in flows)
    years = [((d - first).days / 365.0, f) for d, f in flows]

    def npv(rate: float) -> float:
        return float(sum(f / (1.0 + rate) ** t for t, f in years))

    def slope(rate: float) -> float:
        return float(sum(-t * f / (1.0 + rate) ** (t + 1) for t, f in years))

    rate = guess
    for _ in range(100):  # Newton first: fast where it behaves
        try:
            value, derivative = npv(rate), slope(rate)
        except (OverflowError, ZeroDivisionError):
            break
        if derivative == 0 or math.isnan(value):
            break
        step = value / derivative
        rate -= step
        if rate <= -1:
            break
        if abs(step) < 1e-12:
            return rate
    low, high = -0.999999, 1.0  # then bisection on a widening bracket
    try:
        while npv(low) * npv(high) > 0 and high < 1e6:
            high *= 2
        if npv(low) * npv(high) > 0:
            return None
        for _ in range(300):
            middle = (low + high) / 2
            if npv(low) * npv(middle) <= 0:
                high = middle
            else:
                low = middle
            if high - low < 1e-13:
                break
    except OverflowError:
        return None
    return (low + high) / 2


def time_weighted(points: Sequence[DailyPoint], start_value: Decimal) -> Decimal | None:
    growth = Decimal(1)
    previous = start_value
    linked = False
    for point in points:
        invested = previous + point.flow
        if invested > 0:
            growth *= point.value / invested
            linked = True
        previous = point.value
    return growth - 1 if linked else None


def metrics(points: Sequence[DailyPoint], *, start_value: Decimal, start_day: date) -> Metrics:
    """``points`` are the days of the range in order; ``start_value`` the value the day before."""
    end_value = points[-1].value if points else start_value
    net_flows = sum((p.flow for p in points), Decimal(0))
    income = sum((p.income for p in points), Decimal(0))
    flows = [(start_day, -float(start_value))] + [(p.day, -float(p.flow)) for p in points if p.flow]
    flows.append((points[-1].day if points else start_day, float(end_value)))
    rate = xirr(flows)
    twr = time_weighted(points, start_value)
    return Metrics(
        start_value=start_value, end_value=end_value, net_flows=net_flows,
        gain=end_value - start_value - net_flows, income=income,
        twr=None if twr is None else twr.quantize(RETURN_PLACES),
        mwr=None if rate is None else Decimal(repr(rate)).quantize(RETURN_PLACES),
    )

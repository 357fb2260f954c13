"""Returns over a range: time-weighted (daily linked), money-weighted, gain, income, fees, taxes.

Conventions (stated, because every tracker picks its own; README and the Performance view's
tooltips say them too):
- money that comes in (a deposit, a transfer in) arrives at the start of its day and can be
  invested at that day's prices; money that leaves (a withdrawal, a transfer out) leaves at the
  end of its day, after that day's result. Portfolio Performance counts flows the same way. So a
  day's return is ``(V_d + out_d) / (V_{d-1} + in_d) - 1``: a sale withdrawn the same day is part
  of that day's result, and the day's base is what was invested, never less than nothing; a day
  with nothing invested has no return and is left out of the chain;
- dividends and interest are income (gross), not flows; fees and taxes are their own figures;
- the start value is the value at the end of the day before the range (0 before history);
- the money-weighted return is the rate that discounts the start value and every flow against
  the end value to zero, on actual day counts (as Excel's XIRR). It is solved for the range
  itself, and annualised only for ranges of a year or more (a week's 3x would read as 10^25 %
  a year): ``mwr_basis`` says which. Where several rates solve it, the one nearest the simple
  return is given;
- the annualised time-weighted return is given for ranges of a year or more, else None;
- a figure that is undefined (nothing invested, no solution) is None, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import numpy as np

from clera_desktop.core.money import has_cents_only, round_cents, round_figure

RETURN_DIGITS = 6  # a return as a ratio: a percentage to four places
YEAR_DAYS = 365
#: Returns beyond this many times the money are not a measurement; the figure is left unknown.
_ABSURD = 1e9


class DailyPoint(NamedTuple):
    """One day of an account or of the total. A named tuple, immutable as a frozen dataclass but
    made 3x quicker: a report makes one for every day of every account (30,000 on a big book)."""

    day: date
    value: Decimal
    flow: Decimal  # net: in minus out
    income: Decimal
    flow_out: Decimal = Decimal(0)  # what left (>= 0): flow + flow_out came in
    fees: Decimal = Decimal(0)
    taxes: Decimal = Decimal(0)

    @property
    def flow_in(self) -> Decimal:
        return self.flow + self.flow_out


@dataclass(frozen=True, slots=True)
class Metrics:
    start_value: Decimal
    end_value: Decimal
    net_flows: Decimal
    gain: Decimal
    income: Decimal
    twr: Decimal | None
    mwr: Decimal | None
    fees: Decimal = Decimal(0)
    taxes: Decimal = Decimal(0)
    twr_annualised: Decimal | None = None
    mwr_basis: str | None = None  # "annual" (ranges of a year or more) or "period" (the range itself)
    mwr_missing: str | None = None  # why there is no money-weighted return, when there is none

    def as_json(self) -> dict[str, str | None]:
        def text(value: Decimal | None) -> str | None:
            if value is None:
                return None
            return format(round_cents(value) if has_cents_only(value) else value, "f")  # 2 places at least, never rounded

        return {"start_value": text(self.start_value), "end_value": text(self.end_value),
                "net_flows": text(self.net_flows), "gain": text(self.gain), "income": text(self.income),
                "fees": text(self.fees), "taxes": text(self.taxes), "twr": text(self.twr),
                "twr_annualised": text(self.twr_annualised), "mwr": text(self.mwr), "mwr_basis": self.mwr_basis,
                "mwr_missing": self.mwr_missing}


def _decimal(value: float | None) -> Decimal | None:
    if value is None or not math.isfinite(value) or abs(value) > _ABSURD:
        return None
    try:
        return round_figure(Decimal(repr(value)), RETURN_DIGITS)
    except InvalidOperation:
        return None


def time_weighted(points: Sequence[DailyPoint], start_value: Decimal) -> Decimal | None:
    """Daily linked: in at the start of its day, out at the end (see the module docstring)."""
    growth = Decimal(1)
    previous = start_value
    linked = False
    for point in points:
        base = previous + point.flow_in
        if base > 0:
            growth *= (point.value + point.flow_out) / base
            linked = True
        previous = point.value
    return growth - 1 if linked else None


def period_rate(cash_flows: Sequence[tuple[float, float]], *, near: float | None = None) -> float | None:
    """The rate r over the whole period with sum(cf / (1 + r) ** t) = 0, ``t`` the fraction of the
    period elapsed (0..1); None if none exists. Of several, the one nearest ``near``."""
    flows = [(t, f) for t, f in cash_flows if f != 0]
    if len(flows) < 2 or all(f > 0 for _, f in flows) or all(f < 0 for _, f in flows):
        return None

    # the flows of one moment (a day's money in and out) are one term: the same sum, half the powers
    times, moment = np.unique(np.fromiter((t for t, _ in flows), dtype=np.float64, count=len(flows)),
                              return_inverse=True)
    amounts = np.bincount(moment, weights=np.fromiter((f for _, f in flows), dtype=np.float64, count=len(flows)))

    def npv(growth: float) -> float:
        """Thousands of flows in one array sum; NaN where a power leaves the floats (as no root)."""
        with np.errstate(all="ignore"):
            total = float(np.sum(amounts / np.power(growth, times)))
        return total if math.isfinite(total) else math.nan

    def npv_grid(grid: list[float]) -> list[float]:
        """:func:`npv` of every growth in ``grid`` in one array operation (the same sums, row by row)."""
        with np.errstate(all="ignore"):
            totals = np.sum(amounts / np.power(np.array(grid)[:, np.newaxis], times), axis=1)
        return [float(t) if math.isfinite(t) else math.nan for t in totals]

    # growth = 1 + r from 0.0001 (-99.99 %) to 10,000 (+999,900 %), log-spaced; a root is where npv changes
    # sign. None there: the grid goes on a decade at a time, out to the ends of a float (1 deposited,
    # 1,000,000 earned three days later is a growth of a million, a rate that exists).
    roots = _roots(npv, npv_grid, [10 ** (k / 50) for k in range(-200, 201)])
    if not roots:
        roots = (_roots(npv, npv_grid, [10.0 ** k for k in range(-300, -3)])
                 + _roots(npv, npv_grid, [10.0 ** k for k in range(4, 301)]))
    if not roots:
        return None
    target = 1.0 + (near if near is not None else 0.0)
    return min(roots, key=lambda g: abs(g - target)) - 1.0


def _roots(npv: Callable[[float], float], npv_grid: Callable[[list[float]], list[float]],
           grid: list[float]) -> list[float]:
    """Where ``npv`` changes sign between neighbours of ``grid`` (``npv_grid``: its values there),
    each found by bisection."""
    values = npv_grid(grid)
    roots = []
    for (low, f_low), (high, f_high) in zip(zip(grid, values, strict=True), zip(grid[1:], values[1:], strict=True),
                                            strict=False):
        if math.isnan(f_low) or math.isnan(f_high):
            continue
        if f_low == 0:
            roots.append(low)
        elif f_low * f_high < 0:
            for _ in range(200):
                middle = (low + high) / 2
                f_middle = npv(middle)
                if f_low * f_middle <= 0:
                    high = middle
                else:
                    low, f_low = middle, f_middle
                if high - low < 1e-14 * high:
                    break
            roots.append((low + high) / 2)
    return roots


def xirr(cash_flows: Sequence[tuple[date, float]], *, guess: float = 0.1) -> float | None:
    """The annual rate r with sum(cf / (1 + r) ** (days / 365)) = 0 (Excel's XIRR); None if none."""
    dated = [(d, f) for d, f in cash_flows if f != 0]
    if len(dated) < 2:
        return None
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    rate = period_rate([((d - first).days / span, f) for d, f in dated], near=guess * span / YEAR_DAYS)
    if rate is None:
        return None
    try:
        return float((1.0 + rate) ** (YEAR_DAYS / span) - 1.0)
    except OverflowError:
        return None


#: Why a range has no money-weighted return (``Metrics.mwr_missing``).
NO_SPAN = "the range is a single day"
NO_MONEY_BOTH_WAYS = "no money was invested in the range, or none came back"
NO_RATE = "no rate of return makes the money in and out add up to the end value"
TOO_LARGE = "the rate is beyond a billion percent a year, too large to state"


def money_weighted(points: Sequence[DailyPoint], *, start_value: Decimal, start_day: date,
                   end_day: date) -> tuple[float | None, str]:
    """(rate, basis): the range's own rate under a year ("period"), the yearly rate from a year on
    ("annual"); without a rate, (None, why)."""
    span = (end_day - start_day).days
    if span <= 0:
        return None, NO_SPAN
    flows = [(0.0, -float(start_value))]
    paid_in, net = 0.0, 0.0
    for p in points:  # in at the start of the day, out at its end: on day counts, the same point
        if not (p.flow or p.flow_out):  # most days move no money: no float, no term
            continue
        t = (p.day - start_day).days / span
        flow_in = float(p.flow + p.flow_out)
        flows.append((t, -flow_in))
        flows.append((t, float(p.flow_out)))
        paid_in += flow_in
        net += float(p.flow)
    end_value = points[-1].value if points else start_value
    flows.append((1.0, float(end_value)))
    invested = float(start_value) + paid_in
    gain = float(end_value) - float(start_value) - net
    simple = gain / invested if invested > 0 else None
    moving = [f for _, f in flows if f]
    if len(moving) < 2 or all(f > 0 for f in moving) or all(f < 0 for f in moving):
        return None, NO_MONEY_BOTH_WAYS
    rate = period_rate(flows, near=simple)
    if rate is None:
        return None, NO_RATE
    if span < YEAR_DAYS:
        return (rate, "period") if abs(rate) <= _ABSURD else (None, TOO_LARGE)
    try:
        annual = (1.0 + rate) ** (YEAR_DAYS / span) - 1.0
    except OverflowError:
        return None, TOO_LARGE
    return (annual, "annual") if abs(annual) <= _ABSURD else (None, TOO_LARGE)


def metrics(points: Sequence[DailyPoint], *, start_value: Decimal, start_day: date) -> Metrics:
    """``points`` are the days of the range in order; ``start_value`` the value the day before
    (``start_day``)."""
    end_value = points[-1].value if points else start_value
    end_day = points[-1].day if points else start_day
    net_flows = sum((p.flow for p in points), Decimal(0))
    twr = time_weighted(points, start_value)
    span = (end_day - start_day).days
    twr_annualised = None
    if twr is not None and span >= YEAR_DAYS and twr > -1:
        try:
            twr_annualised = _decimal(float(1 + twr) ** (YEAR_DAYS / span) - 1.0)
        except OverflowError:
            twr_annualised = None
    rate, basis = money_weighted(points, start_value=start_value, start_day=start_day, end_day=end_day)
    mwr = _decimal(rate)
    missing = basis if rate is None else (TOO_LARGE if mwr is None else None)
    return Metrics(
        start_value=start_value, end_value=end_value, net_flows=net_flows,
        gain=end_value - start_value - net_flows, income=sum((p.income for p in points), Decimal(0)),
        twr=None if twr is None or abs(twr) > _ABSURD else round_figure(twr, RETURN_DIGITS), mwr=mwr,
        fees=sum((p.fees for p in points), Decimal(0)), taxes=sum((p.taxes for p in points), Decimal(0)),
        twr_annualised=twr_annualised, mwr_basis=basis if mwr is not None else None, mwr_missing=missing,
    )

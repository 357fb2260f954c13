"""A benchmark beside the portfolio: one symbol's daily closes, or a blend (60/40), over the same
days, with the same cash-flow timing.

Two figures come of it:

- its time-weighted return, day by day (the % line drawn beside the portfolio's): each day's
  factor is the close over the previous close, in the base currency (each close converted at its
  day's rate); a blend's factor is its parts' factors weighted (rebalanced every day to the mix);
- "what if every deposit had bought it": the portfolio's own value at the range's start, and every
  deposit and withdrawal on its day, put into the benchmark instead. As the time-weighted return
  counts them, money brought in is invested at the start of its day and money taken out leaves at
  the end of it: ``B(d) = (B(d-1) + in(d)) x factor(d) - out(d)``.

A day without a close (a weekend, a holiday) carries the last close (factor 1). Until every part
has a close, the benchmark waits (factor 1) and says from which day it runs; a part with no close
at all leaves the benchmark unknown, never 0% and never the portfolio's own line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from clera_desktop.core.errors import CleraError
from clera_desktop.core.words import said
from clera_desktop.portfolio.returns import DailyPoint, Metrics, metrics

HUNDRED = Decimal(100)
ONE = Decimal(1)
ZERO = Decimal(0)
SETTING_KEY = "benchmark"
_PART = re.compile(r"^\s*([A-Za-z0-9.\-/]{1,20})\s*(?:[:=]?\s*(\d+(?:\.\d+)?)\s*%?)?\s*$")


@dataclass(frozen=True, slots=True)
class Benchmark:
    parts: tuple[tuple[str, Decimal], ...]  # (symbol, weight in percent), adding up to 100

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(symbol for symbol, _ in self.parts)

    @property
    def label(self) -> str:
        if len(self.parts) == 1:
            return self.parts[0][0]
        return " + ".join(f"{weight.normalize():f}% {symbol}" for symbol, weight in self.parts)

    @property
    def text(self) -> str:
        """What :func:`parse` reads back (kept in the settings)."""
        return ", ".join(f"{symbol} {weight.normalize():f}" for symbol, weight in self.parts)


def parse(text: str) -> Benchmark:
    """"SPY", "SPY 60, AGG 40", "VTI:70 BND:30": symbols with weights in percent (none: equal)."""
    chunks = [c for c in re.split(r"[,;+]|\s{2,}", text.strip()) if c.strip()]
    if len(chunks) == 1 and _PART.match(chunks[0]) is None:  # "VTI:70 BND:30" (parts apart by single spaces)
        found = re.findall(r"[A-Za-z0-9.\-/]+\s*[:=]?\s*\d*(?:\.\d+)?%?", chunks[0])
        if re.sub(r"\s", "", "".join(found)) == re.sub(r"\s", "", chunks[0]):
            chunks = found
    parts: list[tuple[str, Decimal | None]] = []
    for chunk in chunks:
        match = _PART.match(chunk)
        if match is None:
            raise CleraError(said("\u201c{part}\u201d is not a symbol with an optional weight. Write e.g. SPY, or SPY 60, "
                                  "AGG 40.", part=chunk.strip()))
        try:
            weight = None if match.group(2) is None else Decimal(match.group(2))
        except InvalidOperation as error:
            raise CleraError(said("\u201c{part}\u201d has a weight that is not a number.", part=chunk.strip())) from error
        parts.append((match.group(1).upper(), weight))
    if not parts:
        raise CleraError(said("Name a symbol to compare with (e.g. SPY), or a blend (SPY 60, AGG 40)."))
    symbols = [s for s, _ in parts]
    if len(set(symbols)) != len(symbols):
        raise CleraError(said("Each symbol can be in the blend once."))
    if all(w is None for _, w in parts):
        equal = HUNDRED / len(parts)
        return Benchmark(tuple((s, equal) for s in symbols))
    if any(w is None or w <= 0 for _, w in parts):
        raise CleraError(said("Give every part of a blend a weight above 0 (e.g. SPY 60, AGG 40), or none of them."))
    total = sum((w for _, w in parts if w is not None), ZERO)
    if total != HUNDRED:
        raise CleraError(said("A blend's weights add up to 100; these add up to {total:f}.", total=total.normalize()))
    return Benchmark(tuple((s, w) for s, w in parts if w is not None))


@dataclass(frozen=True, slots=True)
class FlowDay:
    """One day of the portfolio as the time-weighted return counts it (base currency)."""

    day: date
    value: Decimal
    flow_in: Decimal
    flow_out: Decimal


@dataclass(frozen=True, slots=True)
class BenchmarkDay:
    day: date
    growth: Decimal  # its time-weighted return since the range began
    value: Decimal  # had the portfolio's start value and every flow gone into it


@dataclass(frozen=True)
class BenchmarkRun:
    benchmark: Benchmark
    days: tuple[BenchmarkDay, ...]
    start_value: Decimal
    runs_from: date | None  # the first day every part has a close for (None: from the start)
    missing: tuple[str, ...] = ()  # parts without any close: nothing is shown
    metrics: Metrics | None = None  # its figures as the portfolio's are computed (money-weighted among them)

    @property
    def known(self) -> bool:
        return bool(self.days) and not self.missing

    @property
    def twr(self) -> Decimal | None:
        return self.days[-1].growth if self.known else None

    @property
    def end_value(self) -> Decimal | None:
        return self.days[-1].value if self.known else None

    @property
    def mwr(self) -> Decimal | None:
        """The money-weighted return of the same flows in it (yearly from a year on, as the portfolio's)."""
        return self.metrics.mwr if self.known and self.metrics is not None else None

    @property
    def net_flows(self) -> Decimal | None:
        return self.metrics.net_flows if self.known and self.metrics is not None else None

    @property
    def gain(self) -> Decimal | None:
        """The end value less the start value and the flows, as the portfolio's gain is counted."""
        return self.metrics.gain if self.known and self.metrics is not None else None


class Prices:
    """One symbol's closes in the base currency, the last one before a day carried forward."""

    def __init__(self, closes: Sequence[tuple[date, Decimal]]) -> None:
        ordered = sorted(closes)
        self._days = [d for d, _ in ordered]
        self._closes = [c for _, c in ordered]

    def __bool__(self) -> bool:
        return bool(self._days)

    def on(self, day: date) -> Decimal | None:
        at = bisect.bisect_right(self._days, day) - 1
        return None if at < 0 else self._closes[at]


def run(benchmark: Benchmark, prices: Mapping[str, Prices], days: Sequence[FlowDay], start_value: Decimal,
        day_before: date) -> BenchmarkRun:
    """The benchmark over ``days`` (the range's, in order), starting from ``start_value`` (the
    portfolio's value at the end of ``day_before``, the day before the range)."""
    missing = tuple(s for s in benchmark.symbols if not prices.get(s))
    if missing or not days:
        return BenchmarkRun(benchmark, (), start_value, None, missing)
    weights = [(prices[s], w / HUNDRED) for s, w in benchmark.parts]
    previous_day = day_before
    value, growth = start_value, ONE
    runs_from: date | None = None
    result = []
    for point in days:
        factor = _factor(weights, previous_day, point.day)
        if factor is None:
            factor = ONE  # waiting for every part's first close
        elif runs_from is None:
            runs_from = point.day
        value = (value + point.flow_in) * factor - point.flow_out
        growth *= factor
        result.append(BenchmarkDay(point.day, growth - ONE, value))
        previous_day = point.day
    if runs_from is None:  # closes only outside the range: nothing to compare
        return BenchmarkRun(benchmark, (), start_value, None, benchmark.symbols)
    points = [DailyPoint(b.day, b.value, d.flow_in - d.flow_out, ZERO, d.flow_out) for b, d in zip(result, days, strict=True)]
    return BenchmarkRun(benchmark, tuple(result), start_value, None if runs_from == days[0].day else runs_from, (),
                        metrics(points, start_value=start_value, start_day=day_before))


def _factor(weights: Sequence[tuple[Prices, Decimal]], before: date, day: date) -> Decimal | None:
    """The blend's growth from the end of ``before`` to the end of ``day`` (None: a part has no close yet)."""
    factor = ZERO
    for prices, weight in weights:
        then, now = prices.on(before), prices.on(day)
        if then is None or now is None or then <= 0:
            return None
        factor += weight * now / then
    return factor

"""The rate book: every recorded exchange rate, asked for today's rate or a day's, by one rule.

Every figure that converts money asks a :class:`RateBook` (the views' totals, the history, gains,
income, the live book), so one rule holds everywhere:

- a pair is used as recorded, else its inverse (on a day both were recorded, as recorded wins);
- with neither, a path through one currency both sides have rates to (CAD -> USD -> EUR when the
  store holds CAD/USD and EUR/USD, as it does when the base currency is USD and the person changes
  it to EUR; the pivot is the first such currency in alphabetical order);
- a day's rate is the newest recorded on or before that day; before the first recorded rate it is
  unknown (``None``, NaN in a vector), never a later day's rate; no path is unknown, never 1.0.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import numpy as np

from clera_desktop.models.domain import FxUse

ONE = Decimal(1)

Series = list[tuple[date, Decimal]]


class _Leg:
    """One pair's rates by day, with the float vectors the history's daily arrays need."""

    def __init__(self, rows: Series) -> None:
        self.rows = rows
        self.days = [day for day, _ in rows]
        self._ordinals: np.ndarray | None = None
        self._floats: np.ndarray | None = None

    def on(self, day: date) -> tuple[date, Decimal] | None:
        index = bisect.bisect_right(self.days, day) - 1
        return None if index < 0 else self.rows[index]

    def vector(self, wanted: np.ndarray) -> np.ndarray:
        if self._ordinals is None or self._floats is None:
            self._ordinals = np.array([d.toordinal() for d in self.days])
            self._floats = np.array([float(rate) for _, rate in self.rows])
        index = np.searchsorted(self._ordinals, wanted, side="right") - 1
        rates = self._floats[np.clip(index, 0, None)]
        rates[index < 0] = np.nan
        return rates


class RateBook:
    def __init__(self, recorded: Iterable[tuple[str, str, date, Decimal]]) -> None:
        """``recorded``: (base, quote, day, rate), one unit of base in quote; :meth:`from_store`
        reads them. Rates that are not positive are left out."""
        by_pair: dict[tuple[str, str], dict[date, tuple[int, Decimal]]] = defaultdict(dict)
        for base, quote, day, rate in recorded:
            if rate > 0:
                for pair, value, rank in (((base, quote), rate, 0), ((quote, base), ONE / rate, 1)):
                    days = by_pair[pair]
                    if day not in days or rank < days[day][0]:  # as recorded beats an inverse
                        days[day] = (rank, value)
        self._legs = {pair: _Leg(sorted((day, value) for day, (_rank, value) in days.items()))
                      for pair, days in by_pair.items()}
        self._currencies = sorted({c for pair in self._legs for c in pair})
        self._paths: dict[tuple[str, str], list[_Leg]] = {}

    def _path(self, source: str, target: str) -> list[_Leg]:
        """The legs whose product is the rate: the pair itself, or two through a pivot ([]: none)."""
        key = (source, target)
        if key not in self._paths:
            direct = self._legs.get(key)
            path = [direct] if direct else []
            for pivot in self._currencies if not path else ():
                first, second = self._legs.get((source, pivot)), self._legs.get((pivot, target))
                if first and second:
                    path = [first, second]
                    break
            self._paths[key] = path
        return self._paths[key]

    def latest(self, source: str, target: str) -> FxUse | None:
        """One ``source`` unit in ``target`` by the newest rates, dated by the older leg (None: no path)."""
        return self.on(source, target, date.max)

    def on(self, source: str, target: str, day: date) -> FxUse | None:
        """The rate in force on ``day``, dated by the older leg (None: unknown that day)."""
        if source == target:
            return FxUse(ONE, date.min)
        path = self._path(source, target)
        if not path:
            return None
        rate, as_of = ONE, date.max
        for leg in path:
            known = leg.on(day)
            if known is None:
                return None
            as_of, rate = min(as_of, known[0]), rate * known[1]
        return FxUse(rate, as_of)

    def rate_on(self, source: str, target: str, day: date) -> Decimal | None:
        use = self.on(source, target, day)
        return None if use is None else use.rate

    def __call__(self, source: str, target: str, days: list[date]) -> np.ndarray:
        """The rate on each of ``days`` as floats for the history's arrays (NaN: unknown)."""
        if source == target:
            return np.ones(len(days))
        path = self._path(source, target)
        if not path:
            return np.full(len(days), np.nan)
        wanted = np.array([d.toordinal() for d in days])
        result = np.ones(len(days))
        for leg in path:
            result *= leg.vector(wanted)
        return result

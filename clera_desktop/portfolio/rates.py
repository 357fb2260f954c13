"""Today's exchange rates: the newest recorded rate of every pair, read once per query.

A conversion uses the pair as recorded, else its inverse, else a path through one currency both
sides have a rate to (CAD -> USD -> EUR when the store holds CAD/USD and EUR/USD, as it does when
the base currency is USD and the person changes it to EUR). A pair with no path is ``None``:
missing, said by whoever asked, never 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.models.domain import FxUse
from clera_desktop.models.tables import FxRate

ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class _Known:
    rate: Decimal
    as_of: date


class LatestRates:
    def __init__(self, pairs: dict[tuple[str, str], tuple[Decimal, date]]) -> None:
        """``pairs``: (base, quote) -> (rate, day); :meth:`from_store` reads them."""
        self._pairs = {pair: _Known(rate, as_of) for pair, (rate, as_of) in pairs.items() if rate > 0}
        self._cache: dict[tuple[str, str], FxUse | None] = {}

    @classmethod
    def from_store(cls, session: Session) -> LatestRates:
        newest = (select(FxRate.base, FxRate.quote, func.max(FxRate.as_of).label("as_of"))
                  .group_by(FxRate.base, FxRate.quote).subquery())
        rows = session.execute(select(FxRate.base, FxRate.quote, FxRate.rate, FxRate.as_of).join(
            newest, (FxRate.base == newest.c.base) & (FxRate.quote == newest.c.quote) & (FxRate.as_of == newest.c.as_of)))
        return cls({(base, quote): (rate, as_of) for base, quote, rate, as_of in rows})

    def rate(self, source: str, target: str) -> FxUse | None:
        """One ``source`` unit in ``target`` (None: no recorded path)."""
        if source == target:
            return FxUse(ONE, date.min)
        key = (source, target)
        if key not in self._cache:
            self._cache[key] = self._direct(source, target) or self._across(source, target)
        return self._cache[key]

    def _direct(self, source: str, target: str) -> FxUse | None:
        known = self._pairs.get((source, target))
        if known is not None:
            return FxUse(known.rate, known.as_of)
        inverse = self._pairs.get((target, source))
        return None if inverse is None else FxUse(ONE / inverse.rate, inverse.as_of)

    def _across(self, source: str, target: str) -> FxUse | None:
        for pivot in sorted({c for pair in self._pairs for c in pair} - {source, target}):
            first, second = self._direct(source, pivot), self._direct(pivot, target)
            if first is not None and second is not None:
                return FxUse(first.rate * second.rate, min(first.as_of, second.as_of))
        return None

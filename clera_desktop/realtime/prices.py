"""Last prices with their age: which moved in this batch, which have gone quiet (stale)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from clera_desktop.core.money import to_decimal

#: A symbol whose price has not moved for this long (seconds) is shown as stale.
STALE_AFTER = 60.0


@dataclass(frozen=True, slots=True)
class Tick:
    symbol: str
    price: float | str | Decimal  # as the wire had it; converted exactly (float repr digits)
    at: float  # seconds since the epoch, from the feed


class LivePrices:
    def __init__(self, *, stale_after: float = STALE_AFTER, clock: Callable[[], float] = time.monotonic) -> None:
        self.stale_after = stale_after
        self._clock = clock
        self._last: dict[str, Decimal] = {}
        self._moved_at: dict[str, float] = {}
        self.ticks_seen = 0

    def fold(self, ticks: Iterable[tuple[str, object]]) -> dict[str, Decimal]:
        """Apply a batch (oldest first); returns the new last price of each symbol that changed."""
        latest: dict[str, object] = {}
        count = 0
        for symbol, price in ticks:
            latest[symbol] = price
            count += 1
        self.ticks_seen += count
        now = self._clock()
        changed: dict[str, Decimal] = {}
        for symbol, raw in latest.items():
            price = to_decimal(raw)
            self._moved_at.setdefault(symbol, now)
            if self._last.get(symbol) != price:
                self._last[symbol] = price
                self._moved_at[symbol] = now
                changed[symbol] = price
        return changed

    def watch(self, symbols: Iterable[str]) -> None:
        """Start the staleness clock for symbols now subscribed (a silent one turns stale)."""
        now = self._clock()
        for symbol in symbols:
            self._moved_at.setdefault(symbol, now)

    def forget(self, symbols: Iterable[str]) -> None:
        for symbol in symbols:
            self._last.pop(symbol, None)
            self._moved_at.pop(symbol, None)

    def last(self, symbol: str) -> Decimal | None:
        return self._last.get(symbol)

    def stale(self) -> set[str]:
        now = self._clock()
        return {s for s, at in self._moved_at.items() if now - at >= self.stale_after}

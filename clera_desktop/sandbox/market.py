"""Synthetic but deterministic prices: daily history and a live market that ticks.

Every series is a seeded geometric random walk, so the same seed gives the same prices on
every machine. Prices are Decimal cents; pre-split closes are the raw (unadjusted) prices a
brokerage would have shown on the day, as Alpaca's ``adjustment=raw`` bars are.
"""

from __future__ import annotations

import math
import random
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from clera_desktop.core.clock import Clock
from clera_desktop.sandbox.instruments import SPLIT_RATIO, SPLIT_SYMBOL, Instrument

CENT = Decimal("0.01")


def business_days(start: date, end: date) -> list[date]:
    """Monday to Friday from ``start`` to ``end`` inclusive (the demo market has no holidays)."""
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def cents(value: float | Decimal) -> Decimal:
    """To the cent as a brokerage rounds: half up (a tie away from zero)."""
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class DailyBar:
    day: date
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: int
    trade_count: int
    vwap: Decimal


@dataclass(slots=True)
class _Walk:
    """One symbol's random walk as floats; bars become Decimal cents when first asked for (a world
    is built from a few hundred closes, and a sweep over many days builds many worlds)."""

    closes: list[float]  # price x split factor
    opens: list[float]
    high_adds: list[float]  # above max(open, close)
    low_takes: list[float]  # below min(open, close)
    volumes: list[int]
    close_cents: dict[int, Decimal] = field(default_factory=dict)

    def close(self, index: int) -> Decimal:
        kept = self.close_cents.get(index)
        if kept is None:
            kept = self.close_cents[index] = cents(self.closes[index])
        return kept


class PriceHistory:
    """Daily bars per symbol over the world's business days, built lazily per symbol."""

    def __init__(self, seed: int, instruments: dict[str, Instrument], days: list[date], split_day: date | None) -> None:
        self._seed = seed
        self._instruments = instruments
        self.days = days
        self.split_day = split_day
        self._walks: dict[str, _Walk] = {}
        self._bars: dict[str, list[DailyBar]] = {}
        self._lock = threading.Lock()

    def bars(self, symbol: str) -> list[DailyBar]:
        with self._lock:
            series = self._bars.get(symbol)
            if series is None:
                series = self._bars[symbol] = self._to_bars(self._walk(symbol))
            return series

    def close_on(self, symbol: str, day: date) -> Decimal:
        """The last close on or before ``day`` (the first close before the history starts)."""
        index = max(bisect_right(self.days, day) - 1, 0)
        with self._lock:
            return self._walk(symbol).close(index)

    def split_factor(self, symbol: str, day: date) -> Decimal:
        if symbol == SPLIT_SYMBOL and self.split_day is not None and day < self.split_day:
            return SPLIT_RATIO
        return Decimal(1)

    def _walk(self, symbol: str) -> _Walk:
        walk = self._walks.get(symbol)
        if walk is None:
            walk = self._walks[symbol] = self._generate(self._instruments[symbol])
        return walk

    def _generate(self, instrument: Instrument) -> _Walk:
        """The walk's floats. Random's gauss, uniform and randrange are written out over its random()
        and getrandbits() (as CPython writes them), so that one walk costs a third less: a date sweep
        builds a world a day, 400 of them."""
        rng = random.Random(f"{self._seed}:prices:{instrument.symbol}")
        uniform01, getrandbits = rng.random, rng.getrandbits
        exp, log, sqrt, cos, sin = math.exp, math.log, math.sqrt, math.cos, math.sin
        two_pi = 2.0 * math.pi
        step_sigma = instrument.volatility / math.sqrt(252)
        step_mu = instrument.drift / 252 - step_sigma**2 / 2
        price = float(instrument.base_price)
        walk = _Walk([], [], [], [], [])
        closes, opens, high_adds, low_takes, volumes = walk.closes, walk.opens, walk.high_adds, walk.low_takes, walk.volumes
        previous = price
        split_before = self.split_day if instrument.symbol == SPLIT_SYMBOL else None
        ratio = float(SPLIT_RATIO)
        spare: float | None = None  # gauss draws two normals at a time and keeps the second
        volume_width = 5_000_000 - 200_000
        volume_bits = volume_width.bit_length()
        for day in self.days:
            z, spare = spare, None
            if z is None:
                angle = uniform01() * two_pi
                radius = sqrt(-2.0 * log(1.0 - uniform01()))
                z, spare = cos(angle) * radius, sin(angle) * radius
            price *= exp(step_mu + z * step_sigma)
            price = max(price, 1.0)
            factor = ratio if split_before is not None and day < split_before else 1.0
            closes.append(price * factor)
            opens.append(previous * factor * (1 + (-0.004 + 0.008 * uniform01())))  # uniform(-0.004, 0.004)
            high_adds.append(price * factor * (0.01 * uniform01()))  # uniform(0, 0.01)
            low_takes.append(price * factor * (0.01 * uniform01()))
            drawn = getrandbits(volume_bits)
            while drawn >= volume_width:
                drawn = getrandbits(volume_bits)
            volumes.append(200_000 + drawn)
            previous = price
        return walk

    def _to_bars(self, walk: _Walk) -> list[DailyBar]:
        bars = []
        for index, day in enumerate(self.days):
            close, open_ = walk.close(index), cents(walk.opens[index])
            high = max(open_, close) + cents(walk.high_adds[index])
            low = max(min(open_, close) - cents(walk.low_takes[index]), CENT)
            volume = walk.volumes[index]
            bars.append(DailyBar(day, open_, high, low, close, volume, volume // 90, cents((high + low + close) / 3)))
        return bars


@dataclass(frozen=True, slots=True)
class Tick:
    symbol: str
    price: Decimal
    size: int
    bid: Decimal
    ask: Decimal
    at: datetime
    trade_id: int


class LiveMarket:
    """Current prices that move on every tick; fills and quotes read from here.

    Thread-safe: the websocket ticker, REST handlers and tests all touch it.
    """

    def __init__(self, seed: int, history: PriceHistory, as_of: date, clock: Clock) -> None:
        self._rng = random.Random(f"{seed}:live")
        self._history = history
        self._as_of = as_of
        self._clock = clock
        self._prices: dict[str, Decimal] = {}
        self._trade_id = 0
        self._lock = threading.Lock()
        self.is_open = True

    def price(self, symbol: str) -> Decimal:
        with self._lock:
            return self._current(symbol)

    def set_price(self, symbol: str, price: Decimal) -> None:
        with self._lock:
            self._prices[symbol] = price

    def previous_close(self, symbol: str) -> Decimal:
        return self._history.close_on(symbol, self._as_of - timedelta(days=1))

    def tick(self, symbol: str) -> Tick:
        with self._lock:
            price = self._current(symbol)
            move = Decimal(str(round(self._rng.gauss(0, 0.0008), 6)))
            price = max(cents(price * (1 + move)), CENT)
            self._prices[symbol] = price
            self._trade_id += 1
            spread = max(cents(price * Decimal("0.0002")), CENT)
            return Tick(symbol, price, self._rng.randrange(1, 500), price - spread, price + spread,
                        self._clock.now(), self._trade_id)

    def _current(self, symbol: str) -> Decimal:
        if symbol not in self._prices:
            self._prices[symbol] = self._history.close_on(symbol, self._as_of)
        return self._prices[symbol]

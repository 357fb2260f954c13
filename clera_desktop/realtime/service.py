"""The live pipeline, Qt-free: holdings -> symbols -> stream (or polling) -> valuation -> series.

Runs on the GUI's asyncio loop; the stream's own thread only hands over batches. Views read
``snapshot()`` on their redraw timer (at most ~30 times a second), so thousands of ticks a
second cost one fold per batch and one redraw per frame.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from clera_desktop.core.errors import CleraError
from clera_desktop.core.settings import Settings
from clera_desktop.core.threads import in_thread
from clera_desktop.models.engine import Database
from clera_desktop.providers.registry import ProviderRegistry
from clera_desktop.realtime import intraday_store
from clera_desktop.realtime.book import LIVE_FEED_CURRENCY, LiveBook, load_book
from clera_desktop.realtime.prices import STALE_AFTER, LivePrices
from clera_desktop.realtime.series import SeriesBuffer
from clera_desktop.realtime.stream import Batch, MarketDataStream
from clera_desktop.realtime.valuation import AccountLiveValue, LiveValuation

log = logging.getLogger(__name__)
STREAM_CURRENCY = LIVE_FEED_CURRENCY  # Alpaca's feed quotes US listings


@dataclass(frozen=True, slots=True)
class LiveSnapshot:
    base_currency: str
    total: Decimal | None
    previous_close_total: Decimal | None
    accounts: tuple[AccountLiveValue, ...]
    stale: frozenset[str]
    subscribed: frozenset[str]
    source: str  # "stream", "polling", "none"
    ticks: int
    total_note: str = ""  # what the total leaves out or lacks, by name (empty: complete)

    @property
    def day_change(self) -> Decimal | None:
        if self.total is None or self.previous_close_total is None:
            return None
        return self.total - self.previous_close_total

    @property
    def day_change_pct(self) -> Decimal | None:
        change = self.day_change
        return None if change is None or not self.previous_close_total else change / self.previous_close_total


class LiveService:
    def __init__(self, database: Database, settings: Callable[[], Settings], registry: Callable[[], ProviderRegistry],
                 *, stale_after: float = STALE_AFTER, poll_after: float = 15.0, poll_interval: float = 5.0,
                 reconnect_backoff: float = 1.0) -> None:
        self._database = database
        self._settings = settings
        self._registry = registry
        self.prices = LivePrices(stale_after=stale_after)
        self.poll_after = poll_after
        self.poll_interval = poll_interval
        self.reconnect_backoff = reconnect_backoff
        self.valuation: LiveValuation | None = None
        self._previous_close: dict[str, Decimal] = {}
        self._close_total: Decimal | None = None
        self._stream: MarketDataStream | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._last_tick_at = 0.0
        self._polling = False
        self._series: dict[str | None, SeriesBuffer] = {}
        self.version = 0  # bumps on every change; views redraw when it moved
        self.batches = 0

    # ---- life cycle ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.valuation is not None

    async def start(self) -> None:
        """Value from the store now (today's lines from the last run first, if the app was closed
        today), then follow the market."""
        if not self._series:
            settings = self._settings()
            self._series = intraday_store.load(settings.data_dir, settings.clock.today(), settings.base_currency)
        await self.refresh_book()
        if self._watchdog is None:
            self._watchdog = asyncio.ensure_future(self._watch())

    async def refresh_book(self) -> None:
        """Positions changed (a sync, a fill): rebuild the book, keep live prices, resubscribe."""
        base = self._settings().base_currency
        book = await self._database.read(lambda s: load_book(s, base))
        valuation = LiveValuation(book)
        live = {s: p for s in book.symbols() if (p := self.prices.last(s)) is not None}
        valuation.apply(live)
        self._restart_series_of_changed_accounts(self.valuation, valuation)
        self.valuation = valuation
        await self._load_previous_closes(book)
        self._close_total = self._previous_close_total(valuation)
        await self._subscribe(book)
        self._record()

    def keep_today(self) -> None:
        """Today's lines to disk (the window closing): the next start today goes on from them."""
        if self.valuation is None or not self._series:
            return
        settings = self._settings()
        intraday_store.save(settings.data_dir, settings.clock.today(), self.valuation.book.base_currency,
                            self._series)

    def close(self) -> None:
        """Synchronous stop for shutdown paths (the window closing, the app exiting)."""
        self.keep_today()
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._stream is not None:
            stream, self._stream = self._stream, None
            stream.stop()

    async def stop(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._stream is not None:
            stream, self._stream = self._stream, None
            await in_thread(stream.stop)

    # ---- the stream ------------------------------------------------------------------------

    async def _subscribe(self, book: LiveBook) -> None:
        symbols = book.symbols(STREAM_CURRENCY)
        registry, endpoints = self._registry(), self._settings().endpoints
        if registry.alpaca is None or not symbols:
            return
        if self._stream is None:
            credentials = registry.alpaca.credentials
            self._stream = MarketDataStream(
                credentials.api_key, credentials.secret_key, url=endpoints.alpaca_stream_url,
                consumer=asyncio.get_event_loop(), on_batch=self._on_batch, min_backoff=self.reconnect_backoff)
        previous = self._stream.symbols
        await in_thread(self._stream.set_symbols, symbols)
        self.prices.forget(previous - symbols)
        self.prices.watch(symbols - previous)
        if symbols - previous:
            log.info("live prices: subscribed to %s", ", ".join(sorted(symbols - previous)))

    def _on_batch(self, batch: Batch) -> None:
        self._last_tick_at = time.monotonic()
        self._polling = False
        self.batches += 1
        self._apply(self.prices.fold(batch))

    def _apply(self, changed: dict[str, Decimal]) -> None:
        if self.valuation is None or not changed:
            return
        if self.valuation.apply(changed):
            self._record()

    def _restart_series_of_changed_accounts(self, before: LiveValuation | None, after: LiveValuation) -> None:
        """The total's line shows one set of accounts in one currency: an account linked or removed,
        or another base currency, would draw a jump no market made, so the total starts afresh (and a
        removed account's line ends; each account's own line is in its own currency and goes on)."""
        old = {a.account_id for a in before.book.accounts} if before is not None else set()
        new = {a.account_id for a in after.book.accounts}
        if before is not None and before.book.base_currency != after.book.base_currency:
            self._series.pop(None, None)
        if old == new:
            return
        self._series.pop(None, None)
        for account_id in old - new:
            self._series.pop(account_id, None)

    def _record(self) -> None:
        valuation = self.valuation
        if valuation is None or not valuation.book.accounts:  # nothing to value yet (a first start)
            return
        now = self._settings().clock.now().timestamp()
        total = valuation.total_base()
        if total is not None:
            self._series.setdefault(None, SeriesBuffer()).add(now, total)
        for value in valuation.values():
            self._series.setdefault(value.account_id, SeriesBuffer()).add(now, value.value)
        self.version += 1

    async def _watch(self) -> None:
        """Poll latest trades while the stream is silent (unavailable, dropping, or mute)."""
        while True:
            await asyncio.sleep(self.poll_interval)
            if self.valuation is None:
                continue
            silent_for = time.monotonic() - self._last_tick_at
            if self._stream is not None and silent_for < self.poll_after:
                continue
            await self.poll_once()

    async def poll_once(self) -> None:
        registry = self._registry()
        if registry.alpaca is None or self.valuation is None:
            return
        symbols = sorted(self.valuation.book.symbols(STREAM_CURRENCY))
        if not symbols:
            return
        try:
            trades = await registry.alpaca.latest_trades(symbols)
        except CleraError as error:
            log.info("polling latest trades failed: %s", error)
            return
        self._polling = True
        self._apply(self.prices.fold(trades.items()))

    async def _load_previous_closes(self, book: LiveBook) -> None:
        """Yesterday's closes, for the day change (best effort: unknown stays unknown)."""
        registry = self._registry()
        symbols = sorted(book.symbols(STREAM_CURRENCY) - set(self._previous_close))
        if registry.alpaca is None or not symbols:
            return
        today = self._settings().clock.market_today()
        try:
            closes = await registry.alpaca.daily_closes(symbols, today - timedelta(days=10), today)
        except CleraError as error:
            log.info("previous closes unavailable: %s", error)
            return
        for symbol, rows in closes.items():
            before: list[tuple[date, Decimal]] = [(day, close) for day, close in rows if day < today]
            if before:
                self._previous_close[symbol] = before[-1][1]

    # ---- what views read ------------------------------------------------------------------------

    def snapshot(self) -> LiveSnapshot | None:
        valuation = self.valuation
        if valuation is None:
            return None
        source = "stream" if self._stream is not None and not self._polling else "polling" if self._polling else "none"
        values = valuation.values()
        total = valuation.total(values)
        return LiveSnapshot(
            base_currency=valuation.book.base_currency, total=total.amount if values else None,
            total_note=total.note(), previous_close_total=self._close_total, accounts=tuple(values),
            stale=frozenset(self.prices.stale()), subscribed=self._stream.symbols if self._stream else frozenset(),
            source=source, ticks=self.prices.ticks_seen)

    def _previous_close_total(self, valuation: LiveValuation) -> Decimal | None:
        if not self._previous_close:
            return None
        at_close = LiveValuation(valuation.book)
        at_close.apply({s: p for s, p in self._previous_close.items() if s in valuation.book.symbols()})
        return at_close.total_base()

    def series(self, account_id: str | None = None) -> SeriesBuffer | None:
        return self._series.get(account_id)


"""Alpaca's market-data stream on a thread of its own, handing ticks to the GUI loop in batches.

``StockDataStream.run()`` runs ``asyncio.run`` itself, so it cannot share qasync's loop: it
gets a daemon thread. Its trade handler only appends to a list under a lock and, when the list
was empty, asks the consumer's loop (``call_soon_threadsafe``) for one ``drain``, at most every
``batch_interval``: however many ticks arrive, the GUI thread wakes ~30 times a second at most. The SDK itself
reconnects after a drop with exponential backoff (1 s doubling to 30 s) and re-sends the whole
subscription on every new connection.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)

Batch = list[tuple[str, Any]]


class MarketDataStream:
    def __init__(self, api_key: str, secret_key: str, *, url: str | None, consumer: asyncio.AbstractEventLoop,
                 on_batch: Callable[[Batch], None], min_backoff: float = 1.0, max_backoff: float = 30.0,
                 batch_interval: float = 1 / 30) -> None:
        from alpaca.data.live.stock import StockDataStream

        self._stream = StockDataStream(api_key, secret_key, raw_data=True, url_override=url)
        self._stream._reconnect_min_backoff = min_backoff  # noqa: SLF001 - the SDK has no public knob
        self._stream._reconnect_max_backoff = max_backoff  # noqa: SLF001
        self._consumer = consumer
        self._on_batch = on_batch
        self._pending: Batch = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._symbols: set[str] = set()
        self._subscribe_lock = threading.Lock()
        self.batch_interval = batch_interval
        self._last_drain = 0.0
        self.received = 0

    @property
    def symbols(self) -> frozenset[str]:
        return frozenset(self._symbols)

    async def _on_trade(self, message: Any) -> None:  # raw_data: a dict, whatever the SDK's types say
        """Runs on the stream's thread: keep it tiny."""
        with self._lock:
            self._pending.append((message["S"], message["p"]))
            self.received += 1
            first = len(self._pending) == 1
        if first:
            self._consumer.call_soon_threadsafe(self._schedule_drain)

    def _schedule_drain(self) -> None:
        """On the consumer's loop: drain now, or when ``batch_interval`` has passed since the last
        drain, so the GUI thread wakes at most ~30 times a second however the feed frames arrive."""
        wait = self._last_drain + self.batch_interval - self._consumer.time()
        if wait <= 0:
            self._drain()
        else:
            self._consumer.call_later(wait, self._drain)

    def _drain(self) -> None:
        """Runs on the consumer's loop."""
        self._last_drain = self._consumer.time()
        with self._lock:
            batch, self._pending = self._pending, []
        if batch:
            self._on_batch(batch)

    def set_symbols(self, symbols: Iterable[str]) -> tuple[set[str], set[str]]:
        """Subscribe what is new, unsubscribe what is gone. Blocking while the stream is
        connected (the SDK waits for the send): call it from a worker thread."""
        wanted = set(symbols)
        with self._subscribe_lock:
            added, removed = wanted - self._symbols, self._symbols - wanted
            if added:
                self._stream.subscribe_trades(self._on_trade, *sorted(added))
            if removed:
                self._stream.unsubscribe_trades(*sorted(removed))
            self._symbols = wanted
        if self._thread is None and wanted:
            self._thread = threading.Thread(target=self._run, name="market-data-stream", daemon=True)
            self._thread.start()
        return added, removed

    def _run(self) -> None:
        try:
            self._stream.run()
        except Exception:
            log.exception("market-data stream stopped")

    def stop(self) -> None:
        thread = self._thread
        if thread is None:
            return
        try:
            if self._stream._loop is not None:  # noqa: SLF001
                self._stream.stop()
        except Exception as error:  # noqa: BLE001 - stopping a stream that already died
            log.info("stopping the stream: %s", error)
        thread.join(timeout=5)
        self._thread = None

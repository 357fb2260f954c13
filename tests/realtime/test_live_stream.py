"""The live pipeline against the sandbox's websocket, through alpaca-py's StockDataStream."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.models.tables import Account
from clera_desktop.portfolio.totals import in_base
from clera_desktop.realtime.service import LiveService
from clera_desktop.sandbox.instruments import LISTED_NOT_HELD
from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TEST_CLOCK
from tests.sync.conftest import make_harness
from tests.trading.conftest import TradingHarness, make_trading

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[TradingHarness, LiveService]]:
    with SandboxServer(clock=TEST_CLOCK) as server:
        server.stream.rate = 400
        trading = make_trading(server, tmp_path / "data")
        harness = trading.harness
        service = LiveService(harness.database, lambda: harness.settings, lambda: harness.registry,
                              stale_after=0.6, poll_after=0.5, poll_interval=0.2, reconnect_backoff=0.1)
        yield trading, service
        trading.run(service.stop())
        trading.close()


def wait(trading: TradingHarness, condition, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    async def waiting() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.05)

    trading.run(waiting())


def test_ticks_move_accounts_and_total_by_exactly_quantity_times_price_change(live) -> None:  # type: ignore[no-untyped-def]
    trading, service = live
    trading.run(service.start())
    start = service.snapshot()
    assert start is not None and start.total is not None
    book = service.valuation.book  # type: ignore[union-attr]
    # the prices the start snapshot was valued at: a batch may already have landed while start() ran
    synced = {a.account_id: {s: service.valuation.price(a.account_id, s) for s in a.positions}  # type: ignore[union-attr]
              for a in book.accounts}
    wait(trading, lambda: service.prices.ticks_seen > 200 and len(service.prices.stale()) == 0)
    now = service.snapshot()
    assert now is not None and now.source == "stream"
    total_move = Decimal(0)
    for account in book.accounts:
        expected_move = Decimal(0)
        for symbol, quantity in account.positions.items():
            price = service.valuation.price(account.account_id, symbol)  # type: ignore[union-attr]
            old = synced[account.account_id].get(symbol)
            if price is not None and old is not None:
                expected_move += quantity * account.conversions.get(symbol, Decimal(1)) * (price - old)
        before = next(v for v in start.accounts if v.account_id == account.account_id)
        after = next(v for v in now.accounts if v.account_id == account.account_id)
        assert after.value - before.value == expected_move
        rate = account.rate_to_base
        assert rate is not None
        total_move += in_base(after.value, rate) - in_base(before.value, rate)  # each account to the cent
    assert now.total - start.total == total_move  # type: ignore[operator]
    assert now.subscribed == frozenset(book.symbols("USD"))


def test_a_dropped_websocket_is_reconnected_and_resubscribed(live) -> None:  # type: ignore[no-untyped-def]
    trading, service = live
    server = trading.server
    trading.run(service.start())
    wait(trading, lambda: service.prices.ticks_seen > 50)
    accepted = server.stream.connections_accepted
    server.call(server.stream.drop_all())
    seen = service.prices.ticks_seen
    wait(trading, lambda: server.stream.connections_accepted > accepted and service.prices.ticks_seen > seen + 50)
    client = server.stream.clients[-1]
    assert client.subscriptions["trades"] == set(service.snapshot().subscribed)  # type: ignore[union-attr]


def test_a_symbol_that_stops_trading_is_marked_stale(live) -> None:  # type: ignore[no-untyped-def]
    trading, service = live
    trading.run(service.start())
    wait(trading, lambda: service.prices.ticks_seen > 50)
    trading.server.stream.halted.add("AAPL")
    wait(trading, lambda: "AAPL" in service.snapshot().stale)  # type: ignore[union-attr]
    assert service.snapshot().stale == {"AAPL"}  # type: ignore[union-attr]


def test_a_newly_bought_symbol_joins_the_subscription(live) -> None:  # type: ignore[no-untyped-def]
    trading, service = live
    trading.run(service.start())
    held = service.valuation.book.symbols()  # type: ignore[union-attr]
    new_symbol = LISTED_NOT_HELD[0]
    assert new_symbol not in held
    preview = trading.run(trading.service.preview(trading.ticket("Clera Brokerage (paper)", new_symbol, quantity=Decimal(1))))
    trading.run(trading.service.place(preview))
    trading.run(trading.service.settled())
    trading.run(service.refresh_book())
    assert new_symbol in service.snapshot().subscribed  # type: ignore[union-attr]
    wait(trading, lambda: new_symbol in trading.server.stream.clients[-1].subscriptions["trades"])
    wait(trading, lambda: service.prices.last(new_symbol) is not None)
    clera = next(v for v in service.snapshot().accounts if v.name == "Clera Brokerage (paper)")  # type: ignore[union-attr]
    assert clera.missing_prices == ()


def test_without_a_stream_prices_come_from_polling(live) -> None:  # type: ignore[no-untyped-def]
    trading, service = live
    trading.server.faults.inject("alpaca-stream:*", "drop")  # every batch: the stream never delivers
    trading.run(service.start())
    wait(trading, lambda: service.snapshot().source == "polling")  # type: ignore[union-attr]
    assert service.prices.ticks_seen > 0 and service.batches == 0


def test_the_value_line_starts_at_the_first_real_value_and_restarts_when_accounts_change(tmp_path: Path) -> None:
    with SandboxServer(clock=TEST_CLOCK) as server:
        server.stream.rate = 0  # no ticks: only the book's own values are drawn
        harness = make_harness(server, tmp_path / "data")
        service = LiveService(harness.database, lambda: harness.settings, lambda: harness.registry)
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(service.start())  # a first start: nothing synced yet
            assert service.series() is None, "no point for a portfolio that is not there (it drew 0)"
            loop.run_until_complete(harness.service.sync_all())
            loop.run_until_complete(service.refresh_book())
            line = service.series()
            assert line is not None and len(line) == 1
            assert line.exact(0) == service.snapshot().total > 0  # type: ignore[union-attr]
            loop.run_until_complete(service.refresh_book())  # the same accounts: the line goes on
            assert service.series() is line

            gone = service.valuation.book.accounts[0].account_id  # type: ignore[union-attr]
            harness.database.write_sync(lambda s: s.get(Account, gone).__setattr__("is_active", False))
            loop.run_until_complete(service.refresh_book())
            assert service.series() is not line and len(service.series()) == 1  # type: ignore[arg-type]
            assert service.series(gone) is None
        finally:
            loop.run_until_complete(service.stop())
            loop.close()
            harness.database.close()

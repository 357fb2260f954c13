"""A synced demo world with the real trading service in front of the sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from clera_desktop.models.trading import OrderTicket
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.trading import service as trading_service
from clera_desktop.trading.service import TradingService
from tests.clock import TEST_CLOCK
from tests.sync.conftest import Harness, make_harness


@dataclass
class TradingHarness:
    harness: Harness
    service: TradingService
    loop: asyncio.AbstractEventLoop

    @property
    def server(self) -> SandboxServer:
        return self.harness.server

    def close(self) -> None:
        self.run(self.service.settled())
        self.loop.close()
        self.harness.database.close()

    def run(self, awaitable):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(awaitable)

    def account_id(self, name: str) -> str:
        accounts = self.run(self.service.accounts())
        return next(c.account.id for c in accounts if c.account.name == name)

    def world_account(self, name: str):  # type: ignore[no-untyped-def]
        return next(a for a in self.server.world.all_accounts() if a.name == name)

    def ticket(self, account: str, symbol: str, side: str = "buy", **fields) -> OrderTicket:  # type: ignore[no-untyped-def]
        from clera_desktop.models.enums import OrderSide, OrderType, TimeInForce

        defaults = {"order_type": OrderType.MARKET, "time_in_force": TimeInForce.DAY}
        defaults.update(fields)
        return OrderTicket(account_id=self.account_id(account), symbol=symbol, side=OrderSide(side), **defaults)


def make_trading(server: SandboxServer, data_dir: Path, *, trade_flag: bool = True,
                 database_url: str | None = None) -> TradingHarness:
    environ = {"FF_SNAPTRADE_TRADE_EXECUTION": "true" if trade_flag else "false"}
    harness = make_harness(server, data_dir, environ, database_url)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(harness.service.sync_all())

    async def sync_account(account_id: str) -> None:
        await harness.service.sync_all()

    service = TradingService(lambda: harness.settings, harness.database, lambda: harness.registry,
                             sync_account=sync_account)
    return TradingHarness(harness, service, loop)


@pytest.fixture
def trading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_url: str | None) -> Iterator[TradingHarness]:
    monkeypatch.setattr(trading_service, "RECONCILE_DELAY", 0.05)
    with SandboxServer(clock=TEST_CLOCK) as server:
        made = make_trading(server, tmp_path / "data", database_url=store_url)
        yield made
        made.close()


__all__ = ["TradingHarness", "make_trading", "replace"]

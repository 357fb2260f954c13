"""The demo keeps its world: an order placed and a brokerage connected in one run of the sandbox
are there when it starts again that day; another day's or a damaged file starts a new world and
says so."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alpaca.trading.enums import OrderSide, OrderStatus, TimeInForce
from alpaca.trading.requests import MarketOrderRequest

from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TEST_CLOCK, FixedClock
from tests.sandbox.test_alpaca_sdk import trading

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _sandbox(state: Path, clock: FixedClock = TEST_CLOCK) -> SandboxServer:
    return SandboxServer(clock=clock, state_path=state)


def test_an_order_and_a_new_connection_are_there_after_a_restart_the_same_day(tmp_path: Path) -> None:
    state = tmp_path / "demo-sandbox.json"
    with _sandbox(state) as first:
        assert first.info["demo"]["note"] == "The demo starts a new world."
        order = trading(first).submit_order(MarketOrderRequest(symbol="AAPL", qty=3, side=OrderSide.BUY,
                                                               time_in_force=TimeInForce.DAY))
        assert order.status is OrderStatus.FILLED
        user = first.snaptrade.demo_user
        first.world.add_snaptrade_connection(user, "WEALTHSIMPLE", "trade",
                                             first.world.plans_for_new_connection("WEALTHSIMPLE", user))
        assert first.world.alpaca is not None
        cash = first.world.alpaca.account.book.cash
        accounts = sorted(a.id for a in first.world.all_accounts())
    assert state.exists()

    again = _sandbox(state)
    assert again.state_note == "The demo continues where you left it today."
    assert again.world.alpaca is not None and again.world.alpaca.account.book.cash == cash
    kept = [o for o in again.world.alpaca.account.orders if o.id == str(order.id)]
    assert len(kept) == 1 and kept[0].status == "filled" and kept[0].filled_quantity == Decimal(3)
    assert sorted(a.id for a in again.world.all_accounts()) == accounts
    assert any(a.name.startswith("Wealthsimple") for a in again.world.all_accounts())


def test_another_days_world_is_not_carried_over_and_the_demo_says_so(tmp_path: Path) -> None:
    state = tmp_path / "demo-sandbox.json"
    with _sandbox(state) as first:
        trading(first).submit_order(MarketOrderRequest(symbol="AAPL", qty=1, side=OrderSide.BUY,
                                                       time_in_force=TimeInForce.DAY))
    tomorrow = _sandbox(state, FixedClock(TEST_CLOCK.now() + timedelta(days=7)))
    assert "belongs to that day" in tomorrow.state_note
    assert tomorrow.world.alpaca is not None and not tomorrow.world.alpaca.account.orders


def test_a_damaged_file_starts_a_new_world_with_a_sentence(tmp_path: Path) -> None:
    state = tmp_path / "demo-sandbox.json"
    state.write_text("{not json", encoding="utf-8")
    assert "could not be read" in _sandbox(state).state_note
    with _sandbox(tmp_path / "fresh.json") as fresh:
        trading(fresh).submit_order(MarketOrderRequest(symbol="AAPL", qty=1, side=OrderSide.BUY,
                                                       time_in_force=TimeInForce.DAY))
    kept = json.loads((tmp_path / "fresh.json").read_text(encoding="utf-8"))
    kept["alpaca"]["account"]["ledger"][0]["amount"] = "lots"
    state.write_text(json.dumps(kept), encoding="utf-8")
    damaged = _sandbox(state)
    assert "damaged" in damaged.state_note and damaged.world.alpaca is not None

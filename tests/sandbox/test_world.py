"""The demo world: deterministic, and its activities explain its positions."""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.request
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clera_desktop.sandbox.instruments import SPLIT_SYMBOL
from clera_desktop.sandbox.ledger import Book, EventKind
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.sandbox.world import DemoWorld
from tests.clock import TEST_CLOCK, TODAY
from tests.sandbox.conftest import demo_user, snaptrade_client

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_the_same_seed_builds_the_same_world_byte_for_byte() -> None:
    first, second = DemoWorld.build(11, TEST_CLOCK), DemoWorld.build(11, TEST_CLOCK)
    assert first.fingerprint() == second.fingerprint()
    assert DemoWorld.build(12, TEST_CLOCK).fingerprint() != first.fingerprint()


def test_two_servers_with_the_same_seed_answer_the_same_bytes() -> None:
    bodies = []
    for _ in range(2):
        with SandboxServer(seed=5, clock=TEST_CLOCK) as server:
            client, user = snaptrade_client(server), demo_user(server)
            accounts = client.account_information.list_all_user_accounts(**user).body["results"]
            page = client.account_information.get_account_activities(account_id=accounts[0]["id"], **user)
            bodies.append(json.dumps(page.body, sort_keys=True))
    assert bodies[0] == bodies[1]


def test_the_world_has_what_the_demo_promises() -> None:
    world = DemoWorld.build(7, TEST_CLOCK)
    connections = list(world.snaptrade_users["demo-user"].connections.values())
    assert len({c.brokerage.slug for c in connections}) >= 3
    assert {c.type for c in connections} == {"read", "trade"}
    accounts = world.all_accounts()
    assert any(a.currency == "CAD" for a in accounts)
    assert any(a.subtype in ("401k", "ira", "roth") for item in world.plaid_items.values() for a in item.accounts)
    assert world.alpaca is not None
    assert len(world.instruments) >= 40 and any(i.kind == "etf" for i in world.instruments.values())
    holdings = [h for a in accounts for h in a.book.holdings.values()]
    assert any(h.quantity != h.quantity.to_integral_value() for h in holdings), "a fractional position"
    kinds = {e.kind for a in accounts for e in a.ledger}
    assert kinds == set(EventKind) - {EventKind.TRANSFER_OUT}
    assert any(e.kind is EventKind.SPLIT and e.symbol == SPLIT_SYMBOL for a in accounts for e in a.ledger)
    first_day = min(e.day for a in accounts for e in a.ledger)
    assert (TODAY - first_day).days >= 3 * 365 - 10


def test_activities_explain_every_position_and_cash_balance() -> None:
    world = DemoWorld.build(7, TEST_CLOCK)
    for account in world.all_accounts():
        replayed = Book.replay(account.ledger)
        assert replayed.cash == account.book.cash >= 0
        assert {s: h.quantity for s, h in replayed.holdings.items()} == {
            s: h.quantity for s, h in account.book.holdings.items()
        }


def test_the_split_halves_raw_prices_and_doubles_shares() -> None:
    world = DemoWorld.build(7, TEST_CLOCK)
    before = world.prices.bars(SPLIT_SYMBOL)[world.days.index(world.split_day) - 1].close
    after = world.prices.bars(SPLIT_SYMBOL)[world.days.index(world.split_day)].close
    assert before / after > Decimal("1.8")


def test_scale_adds_benchmark_accounts_without_changing_the_small_world() -> None:
    small = DemoWorld.build(7, TEST_CLOCK)
    scaled = DemoWorld.build(7, TEST_CLOCK, scale=1)
    bench = [a for a in scaled.all_accounts() if a.key.startswith("bench-")]
    assert len(bench) == 2
    assert all(len(a.ledger) == 5000 for a in bench)
    assert all(len(Book.replay(a.ledger).holdings) == 300 for a in bench)
    small_accounts = {a.id: a.ledger for a in small.all_accounts()}
    assert all(small_accounts[a.id] == a.ledger for a in scaled.all_accounts() if a.id in small_accounts)


def test_fx_rates_answer_like_frankfurter(pristine_sandbox: SandboxServer) -> None:
    base = pristine_sandbox.info["fx"]["base_url"]

    def get(path: str) -> dict:  # type: ignore[type-arg]
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return json.loads(response.read())

    latest = get("/latest?base=USD&symbols=CAD,EUR")
    last_business_day = TODAY - timedelta(days=max(0, TODAY.weekday() - 4))
    assert latest["base"] == "USD" and set(latest["rates"]) == {"CAD", "EUR"}
    assert latest["date"] == last_business_day.isoformat(), "the latest rates are the last business day's"
    saturday = TODAY - timedelta(days=(TODAY.weekday() - 5) % 7 + 7)  # a Saturday one to two weeks ago
    friday, monday = saturday - timedelta(days=1), saturday - timedelta(days=5)
    assert get(f"/{saturday}?base=CAD&symbols=USD")["date"] == friday.isoformat(), "weekends answer with Friday's rates"
    series = get(f"/{monday}..{friday}?base=USD&symbols=CAD")
    assert list(series["rates"]) == [(monday + timedelta(days=d)).isoformat() for d in range(5)]
    usd_cad, cad_usd = latest["rates"]["CAD"], get("/latest?base=CAD&symbols=USD")["rates"]["USD"]
    assert abs(usd_cad * cad_usd - 1) < 1e-4
    assert "CAD" in get("/currencies")
    assert date.fromisoformat(series["start_date"]) <= monday


def test_the_sandbox_keeps_a_bounded_record_of_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    from clera_desktop.sandbox import server as server_module

    monkeypatch.setattr(server_module, "REQUESTS_KEPT", 5)
    with server_module.SandboxServer(clock=TEST_CLOCK) as sandbox:
        for number in range(8):
            with contextlib.suppress(urllib.error.HTTPError):  # unauthenticated: refused, and still recorded
                urllib.request.urlopen(f"{sandbox.base_url}/alpaca/v2/clock?n={number}").read()
        assert sandbox.request_count == 8 and len(sandbox.requests) == 5
        assert len(sandbox.requests_since(6)) == 2 and len(sandbox.requests_since(0)) == 5

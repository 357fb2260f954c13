"""The demo world: deterministic, and its activities explain its positions."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date
from decimal import Decimal

import pytest

from clera_desktop.sandbox.instruments import SPLIT_SYMBOL
from clera_desktop.sandbox.ledger import Book, EventKind
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.sandbox.world import DemoWorld
from tests.sandbox.conftest import AS_OF, demo_user, snaptrade_client


def test_the_same_seed_builds_the_same_world_byte_for_byte() -> None:
    first, second = DemoWorld.build(11, AS_OF), DemoWorld.build(11, AS_OF)
    assert first.fingerprint() == second.fingerprint()
    assert DemoWorld.build(12, AS_OF).fingerprint() != first.fingerprint()


def test_two_servers_with_the_same_seed_answer_the_same_bytes() -> None:
    bodies = []
    for _ in range(2):
        with SandboxServer(seed=5, as_of=AS_OF) as server:
            client, user = snaptrade_client(server), demo_user(server)
            accounts = client.account_information.list_all_user_accounts(**user).body["results"]
            page = client.account_information.get_account_activities(account_id=accounts[0]["id"], **user)
            bodies.append(json.dumps(page.body, sort_keys=True))
    assert bodies[0] == bodies[1]


def test_the_world_has_what_the_demo_promises() -> None:
    world = DemoWorld.build(7, AS_OF)
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
    assert (AS_OF - first_day).days >= 3 * 365 - 10


def test_activities_explain_every_position_and_cash_balance() -> None:
    world = DemoWorld.build(7, AS_OF)
    for account in world.all_accounts():
        replayed = Book.replay(account.ledger)
        assert replayed.cash == account.book.cash >= 0
        assert {s: h.quantity for s, h in replayed.holdings.items()} == {
            s: h.quantity for s, h in account.book.holdings.items()
        }


def test_the_split_halves_raw_prices_and_doubles_shares() -> None:
    world = DemoWorld.build(7, AS_OF)
    before = world.prices.bars(SPLIT_SYMBOL)[world.days.index(world.split_day) - 1].close
    after = world.prices.bars(SPLIT_SYMBOL)[world.days.index(world.split_day)].close
    assert before / after > Decimal("1.8")


def test_scale_adds_benchmark_accounts_without_changing_the_small_world() -> None:
    small = DemoWorld.build(7, AS_OF)
    scaled = DemoWorld.build(7, AS_OF, scale=1)
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
    assert latest["base"] == "USD" and set(latest["rates"]) == {"CAD", "EUR"} and latest["date"] == AS_OF.isoformat()
    saturday = get("/2026-11-14?base=CAD&symbols=USD")
    assert saturday["date"] == "2026-11-13", "weekends answer with Friday's rates"
    series = get("/2026-11-02..2026-11-06?base=USD&symbols=CAD")
    assert list(series["rates"]) == [f"2026-11-0{d}" for d in range(2, 7)]
    usd_cad, cad_usd = latest["rates"]["CAD"], get("/latest?base=CAD&symbols=USD")["rates"]["USD"]
    assert abs(usd_cad * cad_usd - 1) < 1e-4
    assert "CAD" in get("/currencies")
    assert date.fromisoformat(series["start_date"]) <= date(2026, 11, 2)


def test_the_sandbox_keeps_a_bounded_record_of_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    from clera_desktop.sandbox import server as server_module

    monkeypatch.setattr(server_module, "REQUESTS_KEPT", 5)
    with server_module.SandboxServer() as sandbox:
        for number in range(8):
            try:
                urllib.request.urlopen(f"{sandbox.base_url}/alpaca/v2/clock?n={number}").read()
            except urllib.error.HTTPError:
                pass  # unauthenticated: refused, and still recorded
        assert sandbox.request_count == 8 and len(sandbox.requests) == 5
        assert len(sandbox.requests_since(6)) == 2 and len(sandbox.requests_since(0)) == 5

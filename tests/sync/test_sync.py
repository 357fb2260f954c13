"""Sync against the sandbox's demo world: complete, idempotent, exact about changes."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from clera_desktop.core.changes import Change
from clera_desktop.models.enums import ConnectionStatus, SyncStatus
from clera_desktop.models.queries import aggregated_holdings
from clera_desktop.models.tables import Account, Activity, Balance, Connection, Position, SyncRun
from clera_desktop.sandbox.exchange import OrderRequest, submit
from clera_desktop.sandbox.ledger import EventKind, LedgerEvent
from tests.sync.conftest import Harness, make_harness

# SQLite and PostgreSQL; its outcome depends on the day it plays (tests/run_suite.py --calendar)
pytestmark = [pytest.mark.both_engines, pytest.mark.day]


def _table_counts(harness: Harness) -> dict[str, int]:
    with harness.database.engine.connect() as connection:  # under the ORM: what the tables hold
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("connections", "accounts", "balances", "positions", "activities", "orders", "fx_rates")}


def _account_for(harness: Harness, demo_account_id: str) -> str:
    return next(a for a in harness.database.read_sync(lambda s: s.scalars(select(Account.id)).all())
                if a.endswith(demo_account_id))


def test_first_sync_stores_everything_the_sandbox_has(harness: Harness) -> None:
    report = harness.sync()
    assert report.ok, report.summary()
    world = harness.server.world
    with harness.database.session() as session:
        accounts = {a.id: a for a in session.scalars(select(Account))}
        assert len(accounts) == len(world.all_accounts()) == 7
        prefixes = {a.split("_", 1)[0] for a in accounts}
        assert prefixes == {"snaptrade", "plaid", "clera"}
        for demo in world.all_accounts():
            account_id = next(a for a in accounts if a.endswith(demo.id))
            positions = {p.symbol.removesuffix(".TO"): p.quantity for p in
                         session.scalars(select(Position).where(Position.account_id == account_id))}
            assert positions == {s: h.quantity for s, h in demo.book.holdings.items()}, demo.name
            cash = session.scalar(select(Balance.cash).where(Balance.account_id == account_id))
            assert cash == demo.book.cash, demo.name
            activities = session.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == account_id))
            assert activities == len(demo.ledger), demo.name  # Alpaca's fills and cash activities too
        runs = session.scalars(select(SyncRun)).all()
        assert {r.status for r in runs} == {SyncStatus.SUCCEEDED} and all(r.counts["accounts"] for r in runs)


def test_aggregated_holdings_equal_the_sum_of_positions(harness: Harness) -> None:
    harness.sync()
    with harness.database.session() as session:
        sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for position in session.scalars(select(Position)):
            sums[(position.symbol, position.currency)] += position.quantity
        holdings = aggregated_holdings(session)
    assert {(h.symbol, h.currency): h.quantity for h in holdings} == dict(sums)
    aapl = next(h for h in holdings if h.symbol == "AAPL")
    assert len(aapl.accounts) >= 2
    assert aapl.market_value == sum(s.market_value for s in aapl.accounts)  # type: ignore[misc]


def test_a_second_sync_changes_nothing_and_adds_no_row(harness: Harness) -> None:
    harness.sync()
    before = _table_counts(harness)
    report = harness.sync()
    assert report.ok
    assert sum(o.rows_changed for o in report.outcomes) == 0
    assert _table_counts(harness) == before
    assert report.changes().what == Change.SYNC_STATUS, "nothing to redraw but the last sync's time"


def test_a_sync_after_changes_reflects_exactly_those_changes(harness: Harness) -> None:
    harness.sync()
    world = harness.server.world
    etrade = next(a for a in world.all_accounts() if a.name == "E*TRADE Brokerage")
    local = _account_for(harness, etrade.id)
    before_activities = harness.database.read_sync(
        lambda s: s.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == local)))
    closing = sorted(etrade.book.holdings)[0]
    held = etrade.book.holdings[closing].quantity
    submit(world, etrade, OrderRequest(symbol=closing, side="sell", order_type="market", time_in_force="day", quantity=held))
    submit(world, etrade, OrderRequest(symbol="KO", side="buy", order_type="market", time_in_force="day", quantity=Decimal(3)))
    etrade.record(LedgerEvent("dividend-new", world.as_of, EventKind.DIVIDEND, Decimal("12.34"), "USD", symbol="KO",
                              description="KO special dividend"))
    report = harness.sync()
    assert report.ok
    with harness.database.session() as session:
        positions = {p.symbol: p.quantity for p in session.scalars(select(Position).where(Position.account_id == local))}
        assert closing not in positions, "a closed position is removed"
        assert positions["KO"] == etrade.book.holdings["KO"].quantity
        after = session.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == local))
        assert after == before_activities + 3
        dividend = session.scalar(select(Activity).where(Activity.provider_activity_id == "dividend-new"))
        assert dividend is not None and dividend.amount == Decimal("12.34")
        assert session.scalar(select(Balance.cash).where(Balance.account_id == local)) == etrade.book.cash
    changed = {o.provider.value: o.rows_changed for o in report.outcomes}
    assert changed["plaid"] == 0 and changed["snaptrade"] > 0
    announced = report.changes()
    assert announced.accounts == {local}, "one account changed: the views and caches of the others stay"
    assert announced.what == (Change.POSITIONS | Change.ACCOUNTS | Change.ACTIVITIES | Change.ORDERS
                              | Change.SYNC_STATUS)


def test_a_disabled_snaptrade_connection_keeps_its_data_and_needs_reconnect(harness: Harness) -> None:
    harness.sync()
    counts = _table_counts(harness)
    harness.server.break_connection("QUESTRADE")
    report = harness.sync()
    snaptrade = next(o for o in report.outcomes if o.provider.value == "snaptrade")
    assert snaptrade.status is SyncStatus.PARTIAL
    assert any("Reconnect" in m or "reconnect" in m for m in snaptrade.user_messages)
    with harness.database.session() as session:
        questrade = session.scalar(select(Connection).where(Connection.brokerage_slug == "QUESTRADE"))
        assert questrade is not None and questrade.status is ConnectionStatus.NEEDS_RECONNECT
        stale = session.scalars(select(Account).where(Account.connection_id == questrade.id)).all()
        assert stale and all(a.stale_since is not None and a.is_active for a in stale)
    assert _table_counts(harness) == counts, "holdings that cannot be refreshed are kept, never zeroed"


def test_the_investment_sync_flag_turns_snaptrade_off(harness: Harness, tmp_path) -> None:  # type: ignore[no-untyped-def]
    off = make_harness(harness.server, tmp_path / "off", environ={"FF_SNAPTRADE_INVESTMENT_SYNC": "false"})
    try:
        report = off.sync()
        assert {o.provider.value for o in report.outcomes} == {"plaid", "alpaca"}
        assert not off.database.read_sync(lambda s: s.scalars(select(Account).where(Account.provider == "snaptrade")).all())
    finally:
        off.database.close()


def test_base_currency_values_use_a_recorded_rate_and_say_so(harness: Harness) -> None:
    from clera_desktop.store.valuation import account_values

    harness.sync()
    values = harness.database.read_sync(lambda s: account_values(s, "USD"))
    tfsa = next(v for v in values if v.currency == "CAD")
    assert tfsa.fx is not None and tfsa.fx.rate < 1 and tfsa.total is not None
    assert tfsa.total_base == (tfsa.total.quantize(Decimal("0.01")) * tfsa.fx.rate).quantize(Decimal("0.01"))
    in_gbp = harness.database.read_sync(lambda s: account_values(s, "GBP"))
    assert all(v.total_base is None and v.fx is None for v in in_gbp), "a missing rate is missing, never 1.0"


def test_removing_a_connection_deactivates_its_accounts_and_keeps_history(harness: Harness) -> None:
    import asyncio

    from clera_desktop.sync.connections import remove_connection

    harness.sync()
    with harness.database.session() as session:
        robinhood = session.scalar(select(Connection).where(Connection.brokerage_slug == "ROBINHOOD"))
        assert robinhood is not None
        connection_id = robinhood.id
    asyncio.run(remove_connection(connection_id=connection_id, database=harness.database, registry=harness.registry,
                                  clock=harness.settings.clock))
    harness.sync()
    with harness.database.session() as session:
        accounts = session.scalars(select(Account).where(Account.connection_id == connection_id)).all()
        assert accounts and not any(a.is_active for a in accounts)
        assert session.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == accounts[0].id)) > 0
    assert all(share.account_id != accounts[0].id
               for h in harness.database.read_sync(aggregated_holdings) for share in h.accounts)


def test_a_clera_fill_after_a_sync_adds_exactly_one_activity(harness: Harness) -> None:
    harness.sync()
    world = harness.server.world
    clera = world.alpaca.account  # type: ignore[union-attr]
    local = _account_for(harness, clera.id)

    def count() -> int:
        return harness.database.read_sync(
            lambda s: s.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == local)))

    before = count()
    submit(world, clera, OrderRequest(symbol="MSFT", side="buy", order_type="market", time_in_force="day",
                                      quantity=Decimal("0.5")))
    assert harness.sync().ok
    assert count() == before + 1
    fill = harness.database.read_sync(lambda s: s.scalars(
        select(Activity).where(Activity.account_id == local).order_by(Activity.trade_date.desc(), Activity.id.desc())).first())
    event = clera.ledger[-1]
    assert (fill.symbol, fill.quantity, fill.price, fill.amount) == ("MSFT", Decimal("0.5"), event.price, event.amount)
    assert harness.database.read_sync(lambda s: s.scalar(select(Balance.cash).where(Balance.account_id == local))) \
        == clera.book.cash
    assert harness.sync().ok and count() == before + 1, "the overlap window re-reads it without adding it twice"


def test_clera_positions_are_named_from_alpacas_assets_looked_up_once(harness: Harness) -> None:
    harness.sync()
    world = harness.server.world
    clera = world.alpaca.account  # type: ignore[union-attr]
    local = _account_for(harness, clera.id)
    named = dict(harness.database.read_sync(lambda s: s.execute(
        select(Position.symbol, Position.description).where(Position.account_id == local)).all()))
    assert named == {s: world.instruments[s].name for s in clera.book.holdings}  # positions carry no name
    seen = harness.server.request_count
    assert harness.sync().ok
    assert not any("/v2/assets/" in path for _, path in harness.server.requests_since(seen)), "names are kept"
    alpaca = harness.registry.alpaca
    assert alpaca is not None
    assert asyncio.run(alpaca.asset_names(["VTI", "NOT.LISTED"])) == {  # a delisted holding keeps no name
        "VTI": world.instruments["VTI"].name, "NOT.LISTED": None}


def test_a_failing_asset_lookup_leaves_the_name_out_not_the_account(harness: Harness) -> None:
    clera = harness.server.world.alpaca.account  # type: ignore[union-attr]
    harness.server.faults.inject("alpaca:/v2/assets/*", "status", status=500)
    report = harness.sync()
    assert report.ok, report.summary()  # balances, positions and activities all arrived
    local = _account_for(harness, clera.id)
    names = harness.database.read_sync(lambda s: s.scalars(
        select(Position.description).where(Position.account_id == local)).all())
    assert names and all(name is None for name in names)
    harness.server.faults.clear()
    assert harness.sync().ok
    names = harness.database.read_sync(lambda s: s.scalars(
        select(Position.description).where(Position.account_id == local)).all())
    assert all(names), "asked again at the next sync"

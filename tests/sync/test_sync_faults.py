"""Faults in the middle of a sync: the others complete, the failing part keeps its data."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import select

from clera_desktop.models.enums import SyncStatus
from clera_desktop.models.tables import Account, Connection, Position
from clera_desktop.providers.base import RetryPolicy
from tests.sync.conftest import Harness


def _positions(harness: Harness) -> dict[str, int]:
    with sqlite3.connect(harness.settings.database_path) as raw:
        return dict(raw.execute("SELECT account_id, count(*) FROM positions GROUP BY account_id").fetchall())


def _snaptrade_account(harness: Harness, name: str) -> Account:
    with harness.database.session() as session:
        return session.scalars(select(Account).where(Account.name == name)).one()


def _sold_everything_at_the_sandbox(harness: Harness, name: str) -> None:
    """Make the remote side differ, so a failed sync that wrote anything would show."""
    account = next(a for a in harness.server.world.all_accounts() if a.name == name)
    account.book.holdings.clear()


@pytest.mark.parametrize(
    ("fault", "expected_message"),
    [
        ({"kind": "status", "status": 500}, "problem answering"),
        ({"kind": "status", "status": 429, "retry_after": 1}, "limiting"),
        ({"kind": "malformed"}, "could not read"),
        ({"kind": "timeout", "delay": 5}, "did not answer in time"),
    ],
    ids=["500", "429", "malformed", "timeout"],
)
def test_a_failing_account_keeps_its_data_and_the_rest_completes(harness: Harness, fault: dict, expected_message: str) -> None:  # type: ignore[type-arg]
    import re

    harness.sync()
    before = _positions(harness)
    etrade = _snaptrade_account(harness, "E*TRADE Brokerage")
    _sold_everything_at_the_sandbox(harness, "E*TRADE Brokerage")
    _sold_everything_at_the_sandbox(harness, "Vanguard Roth IRA")
    if fault["kind"] == "timeout":
        import urllib3

        assert harness.registry.snaptrade is not None
        harness.registry.snaptrade.request_timeout = urllib3.Timeout(connect=1, read=0.5)
    harness.server.faults.inject(f"snaptrade:/accounts/{etrade.provider_account_id}/positions/all", **fault)
    report = harness.sync()
    outcomes = {o.provider.value: o for o in report.outcomes}
    assert outcomes["snaptrade"].status is SyncStatus.PARTIAL
    assert outcomes["plaid"].status is SyncStatus.SUCCEEDED and outcomes["alpaca"].status is SyncStatus.SUCCEEDED
    message = " ".join(outcomes["snaptrade"].user_messages)
    assert "E*TRADE Brokerage" in message and re.search(expected_message, message), message
    after = _positions(harness)
    assert after[etrade.id] == before[etrade.id], "the failing account kept its previous positions"
    roth = _snaptrade_account(harness, "Vanguard Roth IRA")
    assert roth.id not in after, "the healthy accounts were fully updated"
    with harness.database.session() as session:
        stored = session.get_one(Account, etrade.id)
        assert stored.last_error and re.search(expected_message, stored.last_error)
        assert session.scalars(select(Position).where(Position.account_id == etrade.id)).first() is not None


def test_a_429_with_retry_after_is_retried_and_succeeds(harness: Harness) -> None:
    harness.server.faults.inject("snaptrade:/authorizations", "status", status=429, retry_after=1, times=1)
    report = harness.sync()
    assert report.ok, report.summary()


def test_a_provider_that_cannot_list_connections_is_recorded_and_others_complete(harness: Harness) -> None:
    harness.sync()
    harness.server.faults.inject("plaid:/item/get", "status", status=503)
    report = harness.sync()
    outcomes = {o.provider.value: o for o in report.outcomes}
    assert outcomes["plaid"].status is SyncStatus.FAILED
    assert outcomes["snaptrade"].status is SyncStatus.SUCCEEDED
    with harness.database.session() as session:
        plaid = session.scalars(select(Connection).where(Connection.provider == "plaid")).one()
        assert plaid.last_error and "not answering" in plaid.last_error


def test_a_plaid_item_needing_login_is_shown_as_needs_reconnect(harness: Harness) -> None:
    harness.sync()
    harness.server.break_plaid_item()
    report = harness.sync()
    plaid = next(o for o in report.outcomes if o.provider.value == "plaid")
    assert plaid.status is SyncStatus.PARTIAL
    with harness.database.session() as session:
        connection = session.scalars(select(Connection).where(Connection.provider == "plaid")).one()
        assert connection.status.value == "needs_reconnect"
        assert all(a.stale_since for a in session.scalars(select(Account).where(Account.connection_id == connection.id)))


def test_retry_policy_never_waits_forever() -> None:
    from clera_desktop.core.errors import RateLimited

    policy = RetryPolicy(max_delay=30)
    assert 30 <= policy.delay(0, RateLimited(retry_after=3600)) <= 37.5
    assert 0.5 <= policy.delay(0, RateLimited()) <= 0.625


@pytest.mark.parametrize(("fault", "expected_message"), [({"kind": "status", "status": 500}, "problem answering"),
                                                         ({"kind": "malformed"}, "could not read")],
                         ids=["500", "malformed"])
def test_alpaca_activities_failing_keep_the_clera_account_as_it_was(harness: Harness, fault: dict,  # type: ignore[type-arg]
                                                                    expected_message: str) -> None:
    import re

    from sqlalchemy import func

    from clera_desktop.models.tables import Activity, Balance
    from clera_desktop.sandbox.exchange import OrderRequest, submit

    harness.sync()
    world = harness.server.world
    clera = world.alpaca.account  # type: ignore[union-attr]
    local = next(a for a in harness.database.read_sync(lambda s: s.scalars(select(Account.id)).all())
                 if a.endswith(clera.id))

    def stored() -> tuple[int, object]:
        return harness.database.read_sync(lambda s: (
            s.scalar(select(func.count()).select_from(Activity).where(Activity.account_id == local)),
            s.scalar(select(Balance.cash).where(Balance.account_id == local))))

    before = stored()
    submit(world, clera, OrderRequest(symbol="MSFT", side="buy", order_type="market", time_in_force="day",
                                      quantity=Decimal(1)))  # a fill the failed sync must not half-record
    harness.server.faults.inject("alpaca:/v2/account/activities", **fault)
    report = harness.sync()
    outcomes = {o.provider.value: o for o in report.outcomes}
    assert outcomes["alpaca"].status is not SyncStatus.SUCCEEDED
    assert outcomes["snaptrade"].status is SyncStatus.SUCCEEDED and outcomes["plaid"].status is SyncStatus.SUCCEEDED
    message = " ".join(outcomes["alpaca"].user_messages)
    assert re.search(expected_message, message), message
    assert stored() == before, "neither the fill nor the new cash was written"

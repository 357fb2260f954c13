"""The demo world rebuilt from its three years of activities ends where the sync says it is."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from clera_desktop.core.money import round_cents
from clera_desktop.models.tables import PortfolioSnapshot
from clera_desktop.services.history import HistoryService
from clera_desktop.store.valuation import account_values
from tests.clock import TODAY
from tests.sync.conftest import Harness

# SQLite and PostgreSQL; its outcome depends on the day it plays (tests/run_suite.py --calendar)
pytestmark = [pytest.mark.both_engines, pytest.mark.day]


def test_reconstructed_value_on_the_last_day_equals_the_synced_value(harness: Harness) -> None:
    harness.sync()
    history = HistoryService(harness.database, lambda: harness.settings, lambda: harness.registry)
    assert len(asyncio.run(history.update())) == 7
    states = asyncio.run(history.states())
    synced = harness.database.read_sync(lambda s: account_values(s, "USD"))
    for account in synced:
        last = harness.database.read_sync(lambda s, a=account.account_id: s.execute(
            select(PortfolioSnapshot.date, PortfolioSnapshot.value).where(PortfolioSnapshot.account_id == a)
            .order_by(PortfolioSnapshot.date.desc()).limit(1)).one())
        assert last.date == TODAY
        assert last.value == round_cents(account.total), account.name  # type: ignore[arg-type]
        state = states[account.account_id]
        assert state is not None
        # every provider's activities (Alpaca's fills and cash activities too) explain every
        # position and the cash exactly, three years back
        assert state.adjustments == (), account.name
        assert state.first_day is not None and state.first_day < TODAY - timedelta(days=700), account.name
    # nothing changed: nothing is rebuilt
    assert asyncio.run(history.update()) == []
    report = asyncio.run(history.report(start=TODAY - timedelta(days=365), end=TODAY))
    usd = sum((a.metrics.end_value for a in report.accounts if a.currency == "USD"), Decimal(0))
    assert report.total.end_value > usd  # plus the CAD account, converted
    assert report.total.twr is not None and report.total.mwr is not None


def test_a_second_sync_the_same_day_moves_todays_point_with_the_prices(harness: Harness) -> None:
    """Accounts said 349,015.54 while Performance and the report stayed at 348,493.05 after a second
    sync on one day: today's point must follow the prices every sync brings, not only new shares."""
    harness.sync()
    history = HistoryService(harness.database, lambda: harness.settings, lambda: harness.registry)
    asyncio.run(history.update())
    market = harness.server.world.market
    for account in harness.server.world.all_accounts():
        for symbol in account.book.holdings:
            market.set_price(symbol, round_cents(market.price(symbol) * Decimal("1.03")))
    harness.sync()
    rebuilt = asyncio.run(history.update())
    synced = harness.database.read_sync(lambda s: account_values(s, "USD"))
    assert {a.account_id for a in synced if a.total} <= set(rebuilt), "every account holding shares was repriced"
    for account in synced:
        last = harness.database.read_sync(lambda s, a=account.account_id: s.execute(
            select(PortfolioSnapshot.value).where(PortfolioSnapshot.account_id == a, PortfolioSnapshot.date == TODAY)
        ).scalar_one())
        assert last == round_cents(account.total), account.name  # type: ignore[arg-type]
    report = asyncio.run(history.report(start=TODAY - timedelta(days=30), end=TODAY))
    assert report.total.end_value == sum((round_cents(a.total_base) for a in synced), Decimal(0))  # type: ignore[arg-type]

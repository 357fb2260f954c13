"""Holdings agrees with Accounts and Allocation to the cent: its rows and cash add up to the
portfolio, narrowed to one account to that account's total, and a holding's price is one stated
price, never one account's standing for the others'."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType, ConnectionType, Provider, SecurityType
from clera_desktop.models.tables import Account, Activity, DailyPrice, Position
from clera_desktop.store.allocation import allocation_book
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.holdings import holdings_snapshot
from clera_desktop.store.valuation import account_values
from tests.clock import TEST_CLOCK
from tests.models.factories import add_account, add_position
from tests.sync.conftest import Harness

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

D = Decimal
TODAY = TEST_CLOCK.today()


def _sum(values: object) -> Decimal:
    return sum((v for v in values if v is not None), D(0))  # type: ignore[attr-defined]


def test_rows_and_cash_add_up_to_the_portfolio_and_the_cash_is_allocations(harness: Harness) -> None:
    harness.sync()
    snapshot = harness.database.read_sync(lambda s: holdings_snapshot(s, "USD"))
    book = harness.database.read_sync(lambda s: allocation_book(s, "USD", TODAY))
    assert snapshot.portfolio is not None and snapshot.cash_base is not None
    assert _sum(r.market_value_base for r in snapshot.rows) + snapshot.cash_base == snapshot.portfolio.amount
    assert snapshot.cash_base == _sum(p.value for p in book.pieces if p.symbol is None)
    for row in snapshot.rows:  # each holding is what Allocation counts for it
        assert row.market_value_base == _sum(p.value for p in book.pieces if p.symbol == row.symbol), row.symbol


def test_narrowed_to_one_account_the_figures_are_that_accounts_with_its_cash(harness: Harness) -> None:
    harness.sync()
    snapshot = harness.database.read_sync(lambda s: holdings_snapshot(s, "USD"))
    accounts = harness.database.read_sync(lambda s: account_values(s, "USD"))
    assert len(accounts) > 3
    for account in accounts:
        one = snapshot.of_accounts({account.account_id})
        assert one.portfolio is not None and one.cash_base is not None
        assert one.portfolio.amount == account.total_base, account.name
        assert _sum(r.market_value_base for r in one.rows) + one.cash_base == account.total_base, account.name
        assert all(len(r.accounts) == 1 and r.accounts[0].account_id == account.account_id for r in one.rows)
        if one.rows:
            assert abs(_sum(r.weight for r in one.rows) - 1) < D("1e-20")  # weights among the account's holdings


def _two_accounts(session: Session) -> None:
    first, second = add_account(session, "a"), add_account(session, "b")
    session.flush()
    add_position(session, first, "VTI", "10", "236.74")
    add_position(session, second, "VTI", "5", "235.54")
    add_position(session, first, "AAPL", "1", "190")
    add_position(session, second, "AAPL", "2", "190")


def test_accounts_pricing_a_holding_differently_leave_it_without_one_price(database: Database) -> None:
    database.write_sync(_two_accounts)
    rows = {r.symbol: r for r in database.read_sync(lambda s: holdings_snapshot(s, "USD")).rows}
    assert rows["VTI"].price is None
    assert sorted(a.price for a in rows["VTI"].accounts) == [D("235.54"), D("236.74")]  # type: ignore[type-var]
    assert rows["AAPL"].price == D("190")


def test_a_manual_holding_takes_the_brokerages_price_when_it_is_newer_than_its_trade(database: Database) -> None:
    """The manual account bought VTI at 230 yesterday; the closes stop the day before; a brokerage
    synced VTI at 236.74 today. The manual account is worth today's price, not its trade's."""
    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC).replace(hour=15)
    yesterday = date.fromordinal(TODAY.toordinal() - 1)

    def fill(session: Session) -> None:
        brokerage = add_account(session, "broker")
        session.add(Account(id="manual_m", provider=Provider.MANUAL, provider_account_id="m", institution="Me",
                            name="Manual", currency="USD", connection_type=ConnectionType.READ, created_at=now,
                            updated_at=now))
        session.flush()
        session.add(Position(account_id=brokerage.id, symbol="VTI", security_type=SecurityType.EQUITY, quantity=D(8),
                             price=D("236.74"), currency="USD", as_of=now))
        session.add(DailyPrice(symbol="VTI", date=date.fromordinal(TODAY.toordinal() - 2), close=D("231"),
                               currency="USD", source="test"))
        session.add_all([
            Activity(account_id="manual_m", provider_activity_id="d", type=ActivityType.DEPOSIT, trade_date=yesterday,
                     amount=D(2300), currency="USD"),
            Activity(account_id="manual_m", provider_activity_id="b", type=ActivityType.BUY, trade_date=yesterday,
                     symbol="VTI", quantity=D(10), price=D(230), amount=D(-2300), currency="USD"),
        ])
        bring_up_to_date(session, TEST_CLOCK)

    database.write_sync(fill)
    manual = database.read_sync(lambda s: s.scalars(select(Position.price).where(Position.account_id == "manual_m")).one())
    assert manual == D("236.74")
    vti = next(r for r in database.read_sync(lambda s: holdings_snapshot(s, "USD")).rows if r.symbol == "VTI")
    assert vti.price == D("236.74") and vti.market_value_base == D("4261.32")

"""The store's uniqueness rules: what makes a re-sync add no duplicates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import (
    ActivityType,
    OrderSide,
    OrderStatus,
    OrderType,
    Provider,
    SnapTradeKeyKind,
    TimeInForce,
)
from clera_desktop.models.tables import (
    Account,
    Activity,
    Balance,
    Connection,
    DailyPrice,
    FxRate,
    Order,
    PortfolioSnapshot,
    SnapTradeUser,
)
from tests.models.factories import NOW, TODAY, add_account, add_connection, add_position

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed


def _activity(account_id: str, provider_id: str) -> Activity:
    return Activity(
        account_id=account_id, provider_activity_id=provider_id, type=ActivityType.DIVIDEND,
        trade_date=TODAY, amount=Decimal("1.5"), currency="USD",
    )


def _order(account_id: str, client_id: str, provider_id: str | None) -> Order:
    return Order(
        account_id=account_id, provider_order_id=provider_id, client_order_id=client_id, symbol="AAPL",
        side=OrderSide.BUY, order_type=OrderType.MARKET, time_in_force=TimeInForce.DAY,
        quantity=Decimal(1), status=OrderStatus.PENDING, currency="USD", updated_at=NOW,
    )


def _renamed_twin(session: Session, row: Account | Connection) -> None:
    """The same provider id again under another app id: only the unique rule can stop it."""
    session.flush()
    twin = type(row)(**{c.key: getattr(row, c.key) for c in type(row).__table__.columns})
    twin.id = row.id + "-twin"
    session.add(twin)


def _twice(session: Session, make: Callable[[], object]) -> None:
    session.add_all([make(), make()])


def _two_positions(session: Session, account_id: str, symbol: str) -> None:
    account = session.get_one(Account, account_id)
    add_position(session, account, symbol, "1", "10")
    session.flush()
    add_position(session, account, symbol, "2", "10")


DUPLICATES: dict[str, Callable[[Session], None]] = {
    "account per provider id": lambda s: _renamed_twin(s, add_account(s, "x")),
    "connection per provider id": lambda s: _renamed_twin(s, add_connection(s, ext_id="c")),
    "activity per account and provider id": lambda s: s.add_all([_activity("snaptrade_a", "t1"), _activity("snaptrade_a", "t1")]),
    "order client order id": lambda s: s.add_all([_order("snaptrade_a", "c1", "o1"), _order("snaptrade_b", "c1", "o2")]),
    "order per account and provider id": lambda s: s.add_all([_order("snaptrade_a", "c1", "o1"),
                                                              _order("snaptrade_a", "c2", "o1")]),
    "position per account and symbol": lambda s: _two_positions(s, "snaptrade_a", "AAPL"),
    "balance per account and currency": lambda s: _twice(s, lambda: Balance(account_id="snaptrade_a", currency="USD",
                                                                           as_of=NOW)),
    "daily price per symbol and date": lambda s: _twice(s, lambda: DailyPrice(symbol="AAPL", date=TODAY, close=Decimal(1),
                                                                              currency="USD", source="t")),
    "fx rate per pair and day": lambda s: _twice(s, lambda: FxRate(base="CAD", quote="USD", rate=Decimal("0.7"), as_of=TODAY,
                                                                   source="t")),
    "snapshot per account and day": lambda s: _twice(s, lambda: PortfolioSnapshot(
        account_id="snaptrade_a", date=date(2026, 1, 1), value=Decimal(1), cash=Decimal(0), currency="USD")),
    "snaptrade user id": lambda s: _twice(s, lambda: SnapTradeUser(user_id="u", key_kind=SnapTradeKeyKind.COMMERCIAL,
                                                                   created_at=NOW)),
}


@pytest.mark.parametrize("rule", list(DUPLICATES))
def test_a_duplicate_is_rejected(database: Database, rule: str) -> None:
    def setup(session: Session) -> None:
        add_account(session, "a")
        add_account(session, "b")

    database.write_sync(setup)
    with pytest.raises(IntegrityError):
        database.write_sync(DUPLICATES[rule])


def test_the_same_provider_id_in_two_accounts_is_two_activities(database: Database) -> None:
    def write(session: Session) -> None:
        add_account(session, "a")
        add_account(session, "b")
        session.flush()
        session.add_all([_activity("snaptrade_a", "t1"), _activity("snaptrade_b", "t1")])

    database.write_sync(write)
    with database.session() as session:
        assert session.query(Activity).count() == 2


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError):
        database.write_sync(lambda s: s.add(_activity("snaptrade_missing", "t1")))


def test_same_provider_account_id_under_two_providers_is_allowed(database: Database) -> None:
    def write(session: Session) -> None:
        add_account(session, "x", Provider.SNAPTRADE)
        add_account(session, "x", Provider.PLAID)

    database.write_sync(write)
    with database.session() as session:
        assert {a.id for a in session.query(Account)} == {"snaptrade_x", "plaid_x"}

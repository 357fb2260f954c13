"""Every money column gives back exactly the Decimal it was given."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from clera_desktop.models.column_types import DecimalText
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import (
    ActivityType,
    OrderSide,
    OrderStatus,
    OrderType,
    PersonKind,
    TimeInForce,
)
from clera_desktop.models.tables import (
    AccountShare,
    Activity,
    AllocationTarget,
    Balance,
    Base,
    DailyPrice,
    FxRate,
    Order,
    Person,
    PortfolioSnapshot,
    Position,
)
from tests.models.factories import NOW, TODAY, add_account

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

TRICKY = [
    Decimal("0.00000001"),  # smallest fractional share
    Decimal("123456789012345678.12345678"),  # large value, every digit kept
    Decimal("0.1") + Decimal("0.2"),
    Decimal("-42.10"),
    Decimal("0"),
]


def _money_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, DecimalText)
    ]


def _rows(account_id: str, value: Decimal, n: int) -> list[object]:
    return [
        Balance(account_id=account_id, currency=f"C{n:02d}"[:3], cash=value, buying_power=value, as_of=NOW),
        Position(
            account_id=account_id, symbol=f"SYM{n}", security_type="equity", quantity=value, price=value,
            market_value=value, average_cost=value, cost_basis=value, currency="USD", as_of=NOW,
        ),
        Activity(
            account_id=account_id, provider_activity_id=f"act-{n}", type=ActivityType.BUY, trade_date=TODAY,
            quantity=value, price=value, amount=value, fee=value, tax=value, cost_basis=value, currency="USD",
        ),
        Order(
            account_id=account_id, client_order_id=f"coid-{n}", symbol="AAPL", side=OrderSide.BUY,
            order_type=OrderType.LIMIT, time_in_force=TimeInForce.DAY, quantity=value, notional=value,
            limit_price=value, stop_price=value, status=OrderStatus.ACCEPTED, filled_quantity=value,
            average_fill_price=value, currency="USD", updated_at=NOW,
        ),
        DailyPrice(
            symbol=f"SYM{n}", date=date(2026, 1, 2), open=value, high=value, low=value, close=value,
            volume=value, currency="USD", source="test",
        ),
        FxRate(base="USD", quote=f"X{n:02d}"[:3], rate=value, as_of=TODAY, source="test"),
        PortfolioSnapshot(account_id=account_id, date=date(2026, 1, 1 + n), value=value, cash=value, currency="USD",
                          net_flow=value, flow_out=value, internal_flow=value, income=value, fees=value, taxes=value),
        AllocationTarget(dimension="asset_class", name=f"class {n}", percent=value, updated_at=NOW),
        AccountShare(account_id=account_id, person_id=n + 1, share=value),
    ]


def test_every_money_column_round_trips_exactly(database: Database) -> None:
    def write(session):  # type: ignore[no-untyped-def]
        account = add_account(session, "a1")
        session.add_all(Person(id=n + 1, name=f"P{n}", kind=PersonKind.MEMBER, created_at=NOW) for n in range(len(TRICKY)))
        session.flush()
        for n, value in enumerate(TRICKY):
            session.add_all(_rows(account.id, value, n))

    database.write_sync(write)
    covered = set()
    with database.session() as session:
        for model in (Balance, Position, Activity, Order, DailyPrice, FxRate, PortfolioSnapshot, AllocationTarget,
                      AccountShare):
            money = [c for c in model.__table__.columns if isinstance(c.type, DecimalText)]
            covered.update((model.__tablename__, column.name) for column in money)
            read_back = []
            for row in session.scalars(select(model)):
                values = {getattr(row, column.key) for column in money}
                assert len(values) == 1, f"{model.__name__} changed a value: {values}"
                read_back.append(values.pop())
            assert all(isinstance(value, Decimal) for value in read_back)
            assert sorted(read_back) == sorted(TRICKY)
    assert covered == set(_money_columns()), "a money column is missing from this test"


def test_money_is_stored_as_exact_text_on_both_engines(database: Database) -> None:
    """Text, not SQLite's binary REAL and not PostgreSQL's NUMERIC either: the same digits come back
    on both, and one schema serves both (amounts are never summed in SQL, always as Decimals)."""
    def write(session):  # type: ignore[no-untyped-def]
        account = add_account(session, "a1")
        session.flush()
        session.add(Balance(account_id=account.id, currency="USD", cash=Decimal("0.3"), as_of=NOW))

    database.write_sync(write)
    with database.engine.connect() as connection:
        typeof = "pg_typeof" if connection.dialect.name == "postgresql" else "typeof"
        kind, stored = connection.execute(text(f"SELECT {typeof}(cash), cash FROM balances")).one()
    assert (str(kind), stored) in {("text", "0.3"), ("character varying", "0.3")}


def test_a_float_is_refused_before_it_can_round(database: Database) -> None:
    def write(session):  # type: ignore[no-untyped-def]
        account = add_account(session, "a1")
        session.flush()
        session.add(Balance(account_id=account.id, currency="USD", cash=0.1 + 0.2, as_of=NOW))

    with pytest.raises(Exception, match="Decimal"):
        database.write_sync(write)

"""A ticket whose answer was lost is matched only to the brokerage's order it caused: placed within
moments of sending, the nearest first; never to an order the person placed later outside the app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import OrderSide, OrderStatus, OrderType, TimeInForce
from clera_desktop.models.tables import AuditEntry, Order
from clera_desktop.models.upserts import MATCH_WINDOW, NEVER_REACHED, reconcile_tickets
from tests.models.factories import add_account

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

SENT = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def _order(account_id: str, *, ticket: str | None, broker_id: str | None, at: datetime,
           status: OrderStatus = OrderStatus.FILLED) -> Order:
    """A ticket (no broker id yet) or an order the brokerage reports (no client id of ours)."""
    return Order(account_id=account_id, provider_order_id=broker_id,
                 client_order_id=ticket or f"{account_id}:{broker_id}", symbol="AAPL", side=OrderSide.BUY,
                 order_type=OrderType.MARKET, time_in_force=TimeInForce.DAY, quantity=Decimal(1), notional=None,
                 limit_price=None, stop_price=None, status=status if ticket is None else OrderStatus.PENDING,
                 currency="USD", submitted_at=at, updated_at=at)


def _rows(database: Database) -> dict[str, tuple[str | None, OrderStatus, datetime | None, str | None]]:
    return database.read_sync(lambda s: {o.client_order_id: (o.provider_order_id, o.status, o.submitted_at, o.reject_reason)
                                         for o in s.scalars(select(Order))})


def _how(database: Database) -> list[tuple[str, dict[str, object]]]:
    return database.read_sync(lambda s: [(e.action, dict(e.details)) for e in s.scalars(select(AuditEntry))])


def test_an_order_placed_ten_minutes_later_is_the_persons_own_and_never_the_tickets(database: Database) -> None:
    def fill(session: Session) -> None:
        account = add_account(session, "etrade")
        session.flush()
        session.add(_order(account.id, ticket="lost-ticket", broker_id=None, at=SENT))
        session.add(_order(account.id, ticket=None, broker_id="outside", at=SENT + timedelta(minutes=10)))

    database.write_sync(fill)
    changed = database.write_sync(lambda s: reconcile_tickets(s, "snaptrade_etrade", now=SENT + timedelta(minutes=11)))
    rows = _rows(database)
    assert rows["lost-ticket"][:3] == (None, OrderStatus.PENDING, SENT), "not matched; when it was sent, kept"
    assert rows["snaptrade_etrade:outside"][0] == "outside", "the person's order stands on its own"
    assert changed == 1 and rows["lost-ticket"][3] == NEVER_REACHED, "said never to have reached the brokerage"
    assert [action for action, _ in _how(database)] == ["never_reached"]
    database.write_sync(lambda s: reconcile_tickets(s, "snaptrade_etrade", now=SENT + timedelta(minutes=20)))
    assert [action for action, _ in _how(database)] == ["never_reached"], "said once"


def test_of_two_lost_tickets_each_takes_the_order_nearest_in_time_and_keeps_its_sending_time(database: Database) -> None:
    """The oldest pending ticket used to take the first order, whatever their times."""
    def fill(session: Session) -> None:
        account = add_account(session, "etrade")
        session.flush()
        session.add(_order(account.id, ticket="first", broker_id=None, at=SENT))
        session.add(_order(account.id, ticket="second", broker_id=None, at=SENT + timedelta(seconds=50)))
        session.add(_order(account.id, ticket=None, broker_id="for-second", at=SENT + timedelta(seconds=52)))
        session.add(_order(account.id, ticket=None, broker_id="for-first", at=SENT + timedelta(seconds=2)))

    database.write_sync(fill)
    assert database.write_sync(lambda s: reconcile_tickets(s, "snaptrade_etrade", now=SENT + timedelta(seconds=60))) == 2
    rows = _rows(database)
    assert rows["first"][:3] == ("for-first", OrderStatus.FILLED, SENT)
    assert rows["second"][:3] == ("for-second", OrderStatus.FILLED, SENT + timedelta(seconds=50))
    assert set(rows) == {"first", "second"}, "each order appears once, under its ticket"
    hows = [str(details["how"]) for action, details in _how(database) if action == "reconciled"]
    assert sorted(hows) == sorted([h for h in hows if "within 2 minutes of sending" in h]) and len(hows) == 2
    assert all("+2 s after it" in h for h in hows), hows


def test_within_the_window_a_lost_answer_is_still_found(database: Database) -> None:
    def fill(session: Session) -> None:
        account = add_account(session, "etrade")
        session.flush()
        session.add(_order(account.id, ticket="lost", broker_id=None, at=SENT))
        session.add(_order(account.id, ticket=None, broker_id="late-but-in",
                           at=SENT + MATCH_WINDOW - timedelta(seconds=1)))

    database.write_sync(fill)
    database.write_sync(lambda s: reconcile_tickets(s, "snaptrade_etrade", now=SENT + MATCH_WINDOW))
    assert _rows(database)["lost"][:2] == ("late-but-in", OrderStatus.FILLED)

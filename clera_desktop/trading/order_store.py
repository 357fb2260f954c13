"""The orders table as trading writes it: an intent before sending, the outcome after.

A ticket's row is created under its client order id *before* the order leaves the app, in the
same transaction as the audit entry. The id is unique, so a second placement of the same
ticket fails in the store even if every other guard were bypassed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clera_desktop.core.errors import CleraError
from clera_desktop.core.words import said
from clera_desktop.models.enums import OrderStatus
from clera_desktop.models.provider_data import RemoteOrder
from clera_desktop.models.tables import Account, Order
from clera_desktop.models.trading import OrderTicket
from clera_desktop.models.upserts import order_values, store_orders
from clera_desktop.trading import audit


class AlreadyPlaced(CleraError):
    default_message = said("This ticket was already sent to the brokerage; it is not sent twice.")


def ticket_details(ticket: OrderTicket, **more: Any) -> dict[str, Any]:
    return {"ticket": {"symbol": ticket.symbol, "side": ticket.side, "order_type": ticket.order_type,
                       "time_in_force": ticket.time_in_force, "quantity": ticket.quantity, "notional": ticket.notional,
                       "limit_price": ticket.limit_price, "stop_price": ticket.stop_price}, **more}


def record_intent(session: Session, ticket: OrderTicket, client_order_id: str, currency: str, details: dict[str, Any],
                  *, now: datetime) -> None:
    session.add(Order(
        account_id=ticket.account_id, provider_order_id=None, client_order_id=client_order_id, symbol=ticket.symbol,
        side=ticket.side, order_type=ticket.order_type, time_in_force=ticket.time_in_force, quantity=ticket.quantity,
        notional=ticket.notional, limit_price=ticket.limit_price, stop_price=ticket.stop_price,
        status=OrderStatus.PENDING, filled_quantity=Decimal(0), currency=currency, submitted_at=now, updated_at=now,
    ))
    try:
        session.flush()
    except IntegrityError:
        raise AlreadyPlaced(detail=f"client order id {client_order_id} exists") from None
    audit.record(session, audit.AuditAction.PLACE_REQUESTED, ticket.account_id,
                 {**details, "client_order_id": client_order_id}, at=now)


def record_outcome(session: Session, client_order_id: str, remote: RemoteOrder, action: str, details: dict[str, Any],
                   *, now: datetime) -> int:
    """The brokerage's answer onto the ticket's row; returns the row id."""
    row = session.scalars(select(Order).where(Order.client_order_id == client_order_id)).one()
    duplicate = session.scalars(select(Order).where(
        Order.account_id == row.account_id, Order.provider_order_id == remote.provider_order_id, Order.id != row.id)).first()
    if duplicate is not None:  # a sync stored the order before the answer arrived: keep one row
        session.delete(duplicate)
        session.flush()
    values = order_values(row.account_id, remote, now)
    values.pop("client_order_id")
    for key, value in values.items():
        if value is not None or key in ("reject_reason",):
            setattr(row, key, value)
    audit.record(session, action, row.account_id, {
        **details, "client_order_id": client_order_id, "provider_order_id": remote.provider_order_id,
        "status": remote.status}, at=now)
    return row.id


def record_rejection(session: Session, client_order_id: str, reason: str, details: dict[str, Any], *,
                     now: datetime) -> None:
    row = session.scalars(select(Order).where(Order.client_order_id == client_order_id)).one()
    row.status, row.reject_reason, row.updated_at = OrderStatus.REJECTED, reason, now
    audit.record(session, audit.AuditAction.REJECTED, row.account_id,
                 {**details, "client_order_id": client_order_id, "reason": reason}, at=now)


CLOSED_BY_YOU = ("Closed by you: the brokerage never confirmed this order. If it did reach the brokerage, "
                 "it appears at the next sync.")


def close_ticket(session: Session, order_id: int, *, now: datetime) -> None:
    """A ticket the brokerage never confirmed (no order id), closed by the person; a real order
    found later by a sync is its own row again, with its own status."""
    row = session.get(Order, order_id)
    if row is None or row.provider_order_id is not None or row.status is not OrderStatus.PENDING:
        raise CleraError(said("Only a ticket the brokerage never confirmed can be closed here; cancel an order instead."))
    row.status, row.reject_reason, row.updated_at = OrderStatus.CANCELED, CLOSED_BY_YOU, now
    audit.record(session, audit.AuditAction.TICKET_CLOSED, row.account_id,
                 {"client_order_id": row.client_order_id, "symbol": row.symbol, "side": row.side}, at=now)


def known_provider_ids(session: Session, account_id: str) -> set[str]:
    return {i for i in session.scalars(select(Order.provider_order_id).where(Order.account_id == account_id)) if i}


@dataclass(frozen=True, slots=True)
class OrderChange:
    account_id: str
    provider_order_id: str
    symbol: str
    status: OrderStatus


def store_tracked_orders(session: Session, account_id: str, orders: list[RemoteOrder], *,
                         now: datetime) -> list[OrderChange]:
    """Store a fresh order list for one account; returns the orders that became filled."""
    before = dict(session.execute(select(Order.provider_order_id, Order.status).where(Order.account_id == account_id)).all())
    store_orders(session, [order_values(account_id, o, now) for o in orders])
    filled = []
    for order in orders:
        if order.status is OrderStatus.FILLED and before.get(order.provider_order_id) is not OrderStatus.FILLED:
            filled.append(OrderChange(account_id, order.provider_order_id, order.symbol, order.status))
            audit.record(session, audit.AuditAction.FILLED, account_id, {
                "provider_order_id": order.provider_order_id, "symbol": order.symbol, "side": order.side,
                "filled_quantity": order.filled_quantity, "average_fill_price": order.average_fill_price,
                "status": order.status}, at=now)
    return filled


@dataclass(frozen=True, slots=True)
class OrderListRow:
    id: int
    account_id: str
    account_name: str
    provider_order_id: str | None
    client_order_id: str
    symbol: str
    side: str
    order_type: str
    time_in_force: str
    quantity: Decimal | None
    notional: Decimal | None
    limit_price: Decimal | None
    stop_price: Decimal | None
    status: OrderStatus
    filled_quantity: Decimal
    average_fill_price: Decimal | None
    currency: str
    reject_reason: str | None
    submitted_at: datetime | None
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.status.is_open


def _list_row(o: Order, account_name: str) -> OrderListRow:
    return OrderListRow(o.id, o.account_id, account_name, o.provider_order_id, o.client_order_id, o.symbol, o.side.value,
                        o.order_type.value, o.time_in_force.value, o.quantity, o.notional, o.limit_price, o.stop_price,
                        o.status, o.filled_quantity, o.average_fill_price, o.currency, o.reject_reason, o.submitted_at,
                        o.updated_at)


def order_list(session: Session, *, limit: int = 2000) -> list[OrderListRow]:
    """Open orders first, then the most recent."""
    rows = session.execute(
        select(Order, Account.name).join(Account, Account.id == Order.account_id)
        .order_by(Order.submitted_at.desc().nulls_last(), Order.id.desc()).limit(limit)
    ).all()
    result = [_list_row(o, name) for o, name in rows]
    result.sort(key=lambda r: not r.is_open)  # stable: recency kept within each group
    return result


def order_by_id(session: Session, order_id: int) -> OrderListRow | None:
    found = session.execute(select(Order, Account.name).join(Account, Account.id == Order.account_id)
                            .where(Order.id == order_id)).first()
    return None if found is None else _list_row(*found)

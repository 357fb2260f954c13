"""Alpaca's ``GET /v2/account/activities``, read from the Clera account's ledger.

Shapes follow the trading API spec (``TradingActivities`` for fills, ``NonTradeActivities`` for
everything else): ids are ``<17 digits>::<uuid>`` and sort in time order, fills carry ``qty``,
``price`` and ``side`` but no cash amount, other activities a signed ``net_amount``. Paging is
by ``page_token`` (the id of the last activity of the page before) and ``page_size`` (at most
100); ``direction`` defaults to ``desc``. ``after``/``until`` filter on the day an activity was
created: ``after`` keeps that day and later, ``until`` the days before it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from clera_desktop.sandbox.http import decimal_string
from clera_desktop.sandbox.ledger import EventKind, LedgerEvent
from clera_desktop.sandbox.world import stable_uuid

MAX_PAGE = 100
_NON_TRADE_TYPES = {
    EventKind.DIVIDEND: "DIV", EventKind.INTEREST: "INT", EventKind.DEPOSIT: "CSD",
    EventKind.WITHDRAWAL: "CSW", EventKind.FEE: "FEE", EventKind.SPLIT: "SPLIT",
    EventKind.TAX: "DIVFT",  # "Dividend adjusted (Foreign Tax Withheld)"
}


class BadQuery(ValueError):
    """A query parameter Alpaca would refuse (422)."""


def activity_type(event: LedgerEvent) -> str:
    if event.kind in (EventKind.BUY, EventKind.SELL):
        return "FILL"
    if event.kind in (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT):
        return "ACATS" if event.symbol else "ACATC"
    return _NON_TRADE_TYPES[event.kind]


def activity_json(index: int, event: LedgerEvent) -> dict[str, Any]:
    """One ledger event (the ``index``-th of its account) as Alpaca reports it."""
    activity_id = f"{event.day:%Y%m%d}{index:09d}::{stable_uuid('alpaca-activity', event.id)}"
    kind = activity_type(event)
    if kind == "FILL":
        quantity = decimal_string(event.quantity or Decimal(0))
        return {
            "id": activity_id, "activity_type": "FILL", "type": "fill",
            "transaction_time": f"{event.day.isoformat()}T15:00:00Z", "symbol": event.symbol,
            "side": "buy" if event.kind is EventKind.BUY else "sell", "qty": quantity, "cum_qty": quantity,
            "leaves_qty": "0", "price": decimal_string(event.price or Decimal(0)),
            "order_id": stable_uuid("alpaca-order", event.id), "order_status": "filled",
        }
    body: dict[str, Any] = {
        "id": activity_id, "activity_type": kind, "date": event.day.isoformat(),
        "created_at": f"{event.day.isoformat()}T12:00:00Z", "net_amount": decimal_string(event.amount),
        "currency": event.currency, "description": event.description, "status": "executed",
    }
    if event.symbol:
        body["symbol"] = event.symbol
    if event.quantity is not None:
        signed = -event.quantity if event.kind is EventKind.TRANSFER_OUT else event.quantity
        body["qty"] = decimal_string(signed)
        if event.kind is EventKind.DIVIDEND and event.quantity:
            body["per_share_amount"] = decimal_string(event.amount / event.quantity)
    return body


def select(ledger: list[LedgerEvent], query: dict[str, str]) -> list[dict[str, Any]]:
    """One page of the ledger's activities for ``query`` (the request's query string)."""
    try:
        after = _day(query.get("after"))
        until = _day(query.get("until"))
        size = int(query.get("page_size", str(MAX_PAGE)))
    except ValueError as error:
        raise BadQuery(str(error)) from None
    if not 1 <= size <= MAX_PAGE:
        raise BadQuery(f"page_size must be between 1 and {MAX_PAGE}")
    direction = query.get("direction", "desc")
    if direction not in ("asc", "desc"):
        raise BadQuery("direction must be asc or desc")
    types = {t for t in query.get("activity_types", "").split(",") if t}
    category = query.get("category")
    if types and category:
        raise BadQuery("category cannot be used with activity_types")
    rows = [
        activity_json(index, event) for index, event in enumerate(ledger)
        if (after is None or event.day >= after[0]) and (until is None or _before(event.day, until))
    ]
    rows = [r for r in rows if (not types or r["activity_type"] in types)
            and (category is None or (r["activity_type"] == "FILL") == (category == "trade_activity"))]
    if direction == "desc":
        rows.reverse()
    token = query.get("page_token")
    if token:
        ids = [r["id"] for r in rows]
        rows = rows[ids.index(token) + 1:] if token in ids else []
    return rows[:size]


def _day(text: str | None) -> tuple[date, bool] | None:
    """A ``YYYY-MM-DD`` or RFC 3339 value as (day, whether a time of day was given)."""
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text), False
    return datetime.fromisoformat(text).date(), True


def _before(day: date, until: tuple[date, bool]) -> bool:
    limit, has_time = until
    return day <= limit if has_time else day < limit

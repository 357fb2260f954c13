"""Exports of accounts, holdings and activities as CSV or JSON (decimal strings, never floats).

Amounts are written to their currency's places (cents; none for yen), quantities to 1e-8 without
trailing zeros; prices and rates as the provider gave them (a price may have more places).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.csv_safe import write_rows
from clera_desktop.core.money import money_places, quantity_places
from clera_desktop.models.queries import aggregated_holdings
from clera_desktop.models.tables import Account, Activity
from clera_desktop.store.valuation import account_values

KINDS = ("accounts", "holdings", "activities")


def _text(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (str, int, float)):
        return value.value
    return value


def accounts_rows(session: Session, base_currency: str) -> list[dict[str, Any]]:
    return [
        {"account_id": v.account_id, "provider": v.provider, "institution": v.institution, "name": v.name,
         "masked_number": v.masked_number, "account_type": v.account_type, "access": v.connection_type,
         "currency": v.currency, "cash": _text(money_places(v.cash, v.currency)),
         "total_value": _text(money_places(v.total, v.currency)), "base_currency": v.base_currency,
         "total_value_base": _text(money_places(v.total_base, v.base_currency)),
         "fx_rate": _text(v.fx.rate) if v.fx else None, "fx_date": _text(v.fx.as_of) if v.fx and v.fx.as_of.year > 1 else None,
         "status": v.status, "stale_since": _text(v.stale_since), "last_sync_at": _text(v.last_sync_at),
         "problem": v.status_reason}
        for v in account_values(session, base_currency)
    ]


def holdings_rows(session: Session) -> list[dict[str, Any]]:
    return [
        {"symbol": h.symbol, "name": h.name, "quantity": _text(quantity_places(h.quantity)), "price": _text(h.price),
         "market_value": _text(money_places(h.market_value, h.currency)), "currency": h.currency,
         "cost_basis": _text(money_places(h.cost_basis, h.currency)),
         "accounts": [{"account_id": s.account_id, "quantity": _text(quantity_places(s.quantity)),
                       "price": _text(s.price), "market_value": _text(money_places(s.market_value, h.currency))}
                      for s in h.accounts]}
        for h in aggregated_holdings(session)
    ]


def activities_rows(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(select(Activity, Account.name).join(Account, Account.id == Activity.account_id)
                           .order_by(Activity.trade_date.desc(), Activity.account_id, Activity.provider_activity_id))
    return [
        {"account_id": a.account_id, "account": name, "date": _text(a.trade_date), "type": a.type.value,
         "symbol": a.symbol, "quantity": _text(quantity_places(a.quantity)), "price": _text(a.price),
         "amount": _text(money_places(a.amount, a.currency)), "fee": _text(money_places(a.fee, a.currency)),
         "tax": _text(money_places(a.tax, a.currency)), "currency": a.currency, "description": a.description,
         "provider_activity_id": a.provider_activity_id}
        for a, name in rows
    ]


def holdings_by_account(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The holdings for a spreadsheet: a row per holding and account that holds it (a cell holds one
    figure, not a list), with the holding's own totals beside each."""
    flat = []
    for row in rows:
        for share in row["accounts"] or [{"account_id": None, "quantity": None, "market_value": None, "price": None}]:
            flat.append({"symbol": row["symbol"], "name": row["name"], "account_id": share["account_id"],
                         "quantity": share["quantity"], "market_value": share["market_value"], "currency": row["currency"],
                         "price": share["price"], "holding_price": row["price"], "holding_quantity": row["quantity"],
                         "holding_market_value": row["market_value"], "holding_cost_basis": row["cost_basis"]})
    return flat


def render(rows: Sequence[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(list(rows), indent=2, ensure_ascii=False)
    buffer = io.StringIO()
    if rows:
        columns = list(rows[0])
        if any(isinstance(value, list | dict) for row in rows for value in row.values()):
            raise ValueError("a CSV cell holds one figure: flatten the rows first")
        write_rows(buffer, columns, ([row[c] for c in columns] for row in rows))
    return buffer.getvalue()


def export(session: Session, kind: str, fmt: str, base_currency: str) -> str:
    if kind == "accounts":
        rows = accounts_rows(session, base_currency)
    elif kind == "holdings":
        rows = holdings_rows(session)
        if fmt == "csv":
            rows = holdings_by_account(rows)
    elif kind == "activities":
        rows = activities_rows(session)
    else:
        raise ValueError(f"unknown export {kind!r}; choose one of {', '.join(KINDS)}")
    return render(rows, fmt)

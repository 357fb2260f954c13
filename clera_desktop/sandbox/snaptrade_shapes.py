"""SnapTrade JSON shapes, as the spec (../shared/specs/snaptrade-openapi.yaml) defines them."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from clera_desktop.sandbox.http import decimal_string, iso, number
from clera_desktop.sandbox.instruments import Instrument
from clera_desktop.sandbox.ledger import BrokerLot, EventKind, LedgerEvent
from clera_desktop.sandbox.market import cents
from clera_desktop.sandbox.world import BrokerageSpec, DemoAccount, DemoOrder, SnapConnection, stable_uuid

CURRENCY_NAMES = {"USD": "US Dollar", "CAD": "Canadian Dollar", "EUR": "Euro", "GBP": "British Pound"}
EXCHANGES = {
    "XNAS": ("NASDAQ", "Nasdaq", ""),
    "XNYS": ("NYSE", "New York Stock Exchange", ""),
    "ARCX": ("ARCX", "NYSE Arca", ""),
    "XTSE": ("TSX", "Toronto Stock Exchange", ".TO"),
}
ACTIVITY_TYPES = {
    EventKind.BUY: "BUY", EventKind.SELL: "SELL", EventKind.DIVIDEND: "DIVIDEND",
    EventKind.INTEREST: "INTEREST", EventKind.DEPOSIT: "CONTRIBUTION", EventKind.WITHDRAWAL: "WITHDRAWAL",
    EventKind.FEE: "FEE", EventKind.SPLIT: "SPLIT", EventKind.TRANSFER_IN: "TRANSFER",
    EventKind.TRANSFER_OUT: "TRANSFER", EventKind.TAX: "TAX",
}
ORDER_TYPES = {"market": "Market", "limit": "Limit", "stop": "Stop", "stop_limit": "StopLimit"}
TIME_IN_FORCE = {"day": "Day", "gtc": "GTC", "fok": "FOK", "ioc": "IOC", "gtd": "GTD"}
ORDER_STATUS = {
    "new": "PENDING", "pending_new": "PENDING", "accepted": "ACCEPTED", "partially_filled": "PARTIAL",
    "filled": "EXECUTED", "canceled": "CANCELED", "rejected": "REJECTED", "expired": "EXPIRED",
}


@functools.cache
def currency(code: str) -> dict[str, Any]:
    return {"id": stable_uuid("currency", code), "code": code, "name": CURRENCY_NAMES.get(code, code)}


@functools.cache
def figi(instrument: Instrument) -> dict[str, str]:
    """A FIGI-shaped identifier (BBG + 9 characters), stable per symbol."""
    digest = stable_uuid("figi", instrument.symbol).replace("-", "").upper()
    return {"figi_code": "BBG" + digest[:9], "figi_share_class": "BBG" + digest[9:18]}


def display_symbol(instrument: Instrument) -> str:
    return instrument.symbol + EXCHANGES[instrument.exchange][2]


@functools.cache
def universal_symbol(instrument: Instrument) -> dict[str, Any]:
    """Cached: the same dict object is shared, so callers must never modify it."""
    code, name, suffix = EXCHANGES[instrument.exchange]
    is_etf = instrument.kind == "etf"
    return {
        "id": stable_uuid("symbol", instrument.symbol),
        "symbol": display_symbol(instrument),
        "raw_symbol": instrument.symbol,
        "description": instrument.name,
        "currency": currency(instrument.currency),
        "exchange": {
            "id": stable_uuid("exchange", instrument.exchange), "code": code, "mic_code": instrument.exchange,
            "name": name, "timezone": "America/Toronto" if suffix else "America/New_York",
            "start_time": "09:30:00", "close_time": "16:00:00", "suffix": suffix or None,
        },
        "type": {
            "id": stable_uuid("security-type", "et" if is_etf else "cs"), "code": "et" if is_etf else "cs",
            "description": "ETF" if is_etf else "Common Stock", "is_supported": True,
        },
        "figi_code": figi(instrument)["figi_code"],
        "figi_instrument": figi(instrument),
        "currencies": [currency(instrument.currency)],
    }


def brokerage(spec: BrokerageSpec) -> dict[str, Any]:
    return {
        "id": spec.id, "slug": spec.slug, "name": spec.name, "display_name": spec.name,
        "description": f"{spec.name} (demo)", "aws_s3_logo_url": "", "aws_s3_square_logo_url": None,
        "url": None, "enabled": True, "maintenance_mode": False, "is_degraded": False,
        "allows_trading": spec.allows_trading, "allows_fractional_units": spec.allows_fractional,
        "has_reporting": True, "is_real_time_connection": False,
        "brokerage_type": {"id": stable_uuid("brokerage-type", "equity"), "name": "Traditional Brokerage"},
        "exchanges": [], "open_url": None,
    }


def authorization(connection: SnapConnection) -> dict[str, Any]:
    return {
        "id": connection.id,
        "created_date": iso(connection.created_at),
        "updated_date": iso(connection.updated_at or connection.created_at),
        "brokerage": brokerage(connection.brokerage),
        "name": f"Connection-{connection.brokerage.slug}",
        "type": connection.type,
        "disabled": connection.disabled,
        "disabled_date": iso(connection.disabled_at),
        "meta": {},
        "is_eligible_for_payout": False,
        "data_freshness_mode": "delayed",
    }


def _sync_status(account: DemoAccount, as_of: datetime) -> dict[str, Any]:
    first = account.ledger[0].day.isoformat() if account.ledger else None
    return {
        "transactions": {"initial_sync_completed": True, "last_successful_sync": as_of.date().isoformat(),
                         "first_transaction_date": first},
        "holdings": {"initial_sync_completed": True, "last_successful_sync": iso(as_of),
                     "holdings_unavailable": False},
    }


def account_value(account: DemoAccount, price_of: Any) -> Decimal:
    book = account.book
    return book.cash + sum((h.quantity * price_of(s) for s, h in book.holdings.items()), Decimal(0))


def classic_account(connection: SnapConnection, account: DemoAccount, total: Decimal, as_of: datetime) -> dict[str, Any]:
    return {
        "id": account.id, "brokerage_authorization": connection.id, "name": account.name,
        "number": account.number, "institution_account_id": account.number,
        "institution_name": connection.brokerage.name, "created_date": iso(account.created_at),
        "funding_date": iso(account.created_at), "opening_date": iso(account.created_at),
        "sync_status": _sync_status(account, as_of),
        "balance": {"total": {"amount": number(cents(total)), "currency": account.currency}},
        "status": "open", "raw_type": account.raw_type, "account_category": "INVESTMENT", "meta": {},
        "portfolio_group": stable_uuid("portfolio-group", account.id), "cash_restrictions": [],
        "is_paper": False,
    }


def connection_account(connection: SnapConnection, account: DemoAccount, total: Decimal, as_of: datetime) -> dict[str, Any]:
    status = _sync_status(account, as_of)
    day = iso(as_of)
    return {
        "kind": "investment", "id": account.id, "connection_id": connection.id,
        "display_name": account.name, "number": account.number, "masked_account_number": account.masked_number,
        "institution_account_id": account.number, "institution_id": connection.brokerage.id,
        "opening_date": account.created_at.date().isoformat(), "funding_date": account.created_at.date().isoformat(),
        "sync_status": {"transactions": status["transactions"], "orders": day, "positions": day, "balances": day},
        "raw_type": account.raw_type, "cash_or_margin": "margin" if "MARGIN" in account.raw_type else "cash",
        "is_paper": False,
        "net_value": {"amount": number(cents(total)), "currency": account.currency},
    }


def balance(account: DemoAccount) -> dict[str, Any]:
    cash = account.book.cash
    return {"currency": currency(account.currency), "cash": number(cash), "buying_power": number(cash)}


def tax_lot(lot: BrokerLot, price: Decimal) -> dict[str, Any]:
    return {**_lot_fields(lot.lot_id, lot.day, lot.quantity, lot.cost),
            "current_value": decimal_string(cents(lot.quantity * price))}


@functools.lru_cache(maxsize=1 << 20)  # a power user's world: every account's lots
def _lot_fields(lot_id: str, day: date, quantity: Decimal, cost: Decimal) -> dict[str, Any]:
    """A lot's fields but its current value, shaped once: a brokerage answers every positions
    request with the same lots (never changed by the caller: :func:`tax_lot` copies them)."""
    return {
        "original_purchase_date": datetime.combine(day, time(15, 0), UTC).isoformat().replace("+00:00", "Z"),
        "quantity": decimal_string(quantity), "purchased_price": decimal_string((cost / quantity).quantize(
            Decimal("0.0001"))), "cost_basis": decimal_string(cents(cost)), "position_type": "LONG",
        "lot_id": stable_uuid("lot", lot_id),
    }


def position(instrument: Instrument, quantity: Decimal, price: Decimal, cost: Decimal,
             lots: list[BrokerLot] | None = None) -> dict[str, Any]:
    return {
        "instrument": {
            "kind": "etf" if instrument.kind == "etf" else "stock",
            "id": stable_uuid("symbol", instrument.symbol), "symbol": display_symbol(instrument),
            "raw_symbol": instrument.symbol, "description": instrument.name, "currency": instrument.currency,
            "exchange": instrument.exchange, "figi_instrument": figi(instrument),
        },
        "units": decimal_string(quantity), "price": decimal_string(price), "cost_basis": decimal_string(cost),
        "currency": instrument.currency, "cash_equivalent": False,
        "tax_lots": [tax_lot(lot, price) for lot in lots or ()],
    }


def activity(account: DemoAccount, event: LedgerEvent, instrument: Instrument | None, institution: str) -> dict[str, Any]:
    trade_time = datetime.combine(event.day, time(15, 0), UTC)
    quantity = event.quantity or Decimal(0)
    if event.kind in (EventKind.SELL, EventKind.TRANSFER_OUT):
        quantity = -quantity
    return {
        "id": event.id,
        "account": {"id": account.id, "name": account.name, "number": account.number},
        "symbol": universal_symbol(instrument) if instrument else None,
        "option_symbol": None,
        "currency_universal_symbol": None,
        "price": number(event.price or Decimal(0)),
        "units": number(quantity),
        "amount": number(event.amount),
        "currency": currency(event.currency),
        "type": ACTIVITY_TYPES[event.kind],
        "option_type": "",
        "description": event.description,
        "trade_date": iso(trade_time),
        "settlement_date": iso(trade_time),
        "fee": number(event.fee),
        "fx_rate": None,
        "institution": institution,
        "external_reference_id": None,
    }


def order(order: DemoOrder, instrument: Instrument | None) -> dict[str, Any]:
    open_quantity = Decimal(0)
    if order.status in ("new", "accepted", "pending_new", "partially_filled") and order.quantity is not None:
        open_quantity = order.quantity - order.filled_quantity
    canceled = (order.quantity or Decimal(0)) - order.filled_quantity if order.status == "canceled" else Decimal(0)
    return {
        "brokerage_order_id": order.id,
        "brokerage_group_order_id": None,
        "order_role": None,
        "status": ORDER_STATUS[order.status],
        "universal_symbol": universal_symbol(instrument) if instrument else None,
        "option_symbol": None,
        "quote_universal_symbol": None,
        "quote_currency": currency(order.currency),
        "action": order.side.upper(),
        "total_quantity": decimal_string(order.quantity if order.quantity is not None else order.filled_quantity),
        "open_quantity": decimal_string(open_quantity),
        "canceled_quantity": decimal_string(canceled),
        "filled_quantity": decimal_string(order.filled_quantity),
        "execution_price": decimal_string(order.average_fill_price),
        "limit_price": decimal_string(order.limit_price),
        "stop_price": decimal_string(order.stop_price),
        "trailing_stop": None,
        "order_type": ORDER_TYPES[order.order_type],
        "time_in_force": TIME_IN_FORCE.get(order.time_in_force, "Day"),
        "time_placed": iso(order.created_at),
        "time_updated": iso(order.updated_at),
        "time_executed": iso(order.filled_at),
        "expiry_date": None,
        "symbol": stable_uuid("symbol", order.symbol),
        "child_brokerage_order_ids": None,
    }

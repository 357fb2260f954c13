"""Alpaca account activities (``GET /v2/account/activities``) as domain activities.

alpaca-py has no call for this endpoint, so the trading client's generic ``get`` reads it (same
authentication, timeouts and errors). Fills carry quantity and price but no cash amount; the cash
a fill moves is its value to the cent, rounded half-even as Alpaca settles fractional fills.
Other activities carry a signed ``net_amount``. A canceled activity never happened and is skipped.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from clera_desktop.core.errors import BadProviderData
from clera_desktop.core.money import optional_decimal, round_cents, to_decimal
from clera_desktop.core.words import said
from clera_desktop.models.enums import ActivityType
from clera_desktop.models.provider_data import RemoteActivity
from clera_desktop.providers import payload

PAGE_SIZE = 100  # the endpoint's maximum
_NON_TRADE = {
    "CSD": ActivityType.DEPOSIT, "CSW": ActivityType.WITHDRAWAL,
    "DIV": ActivityType.DIVIDEND, "DIVCGL": ActivityType.DIVIDEND, "DIVCGS": ActivityType.DIVIDEND,
    "DIVROC": ActivityType.DIVIDEND, "DIVTXEX": ActivityType.DIVIDEND, "CGD": ActivityType.DIVIDEND,
    # "Dividend adjusted (foreign tax / NRA / TEFRA withheld)": the tax withheld from a payment, not a payment
    "DIVFT": ActivityType.TAX, "DIVNRA": ActivityType.TAX, "DIVTW": ActivityType.TAX,
    "INT": ActivityType.INTEREST, "INTNRA": ActivityType.TAX, "INTTW": ActivityType.TAX,
    "FEE": ActivityType.FEE, "CFEE": ActivityType.FEE, "DIVFEE": ActivityType.FEE, "PTC": ActivityType.FEE,
    "SPLIT": ActivityType.SPLIT,
}
_SHARES_MOVED = frozenset({"ACATS", "JNLS"})  # securities in (+) or out (-)
_CASH_MOVED = frozenset({"ACATC", "JNLC", "JNL"})  # money in (+) or out (-): deposits and withdrawals


def activity_from_alpaca(item: dict[str, Any], currency: str) -> RemoteActivity | None:
    """One activity, or None for a canceled one; malformed data is an error, never a guess."""
    try:
        if item.get("activity_type") == "FILL":
            return _fill(item, currency)
        return _non_trade(item, currency)
    except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError) as error:  # AttributeError: not an object
        raise BadProviderData(said("Alpaca sent an account activity the app could not read. Nothing was changed."),
                              provider="alpaca", detail=f"{error!r} in {item!r}") from error


def _fill(item: dict[str, Any], currency: str) -> RemoteActivity:
    quantity, price = to_decimal(item["qty"]), to_decimal(item["price"])
    buy = item["side"] == "buy"
    value = round_cents(quantity * price)
    when = datetime.fromisoformat(str(item["transaction_time"]))
    return RemoteActivity(
        provider_activity_id=payload.text(item["id"], "activity id"), type=ActivityType.BUY if buy else ActivityType.SELL,
        raw_type="FILL", trade_date=when.date(), currency=currency, symbol=payload.text(item["symbol"], "fill symbol"),
        quantity=quantity, price=price, amount=-value if buy else value,
        description=f"{'Bought' if buy else 'Sold'} {item['qty']} {item['symbol']} at {item['price']}",
    )


def _non_trade(item: dict[str, Any], currency: str) -> RemoteActivity | None:
    if item.get("status") == "canceled":
        return None
    raw_type = payload.text(item["activity_type"], "activity type")
    amount = optional_decimal(item.get("net_amount"))
    quantity = optional_decimal(item.get("qty"))
    kind = _NON_TRADE.get(raw_type, ActivityType.OTHER)
    if raw_type in _SHARES_MOVED:
        kind = ActivityType.TRANSFER_IN if (quantity or Decimal(0)) > 0 else ActivityType.TRANSFER_OUT
    elif raw_type in _CASH_MOVED:
        kind = ActivityType.DEPOSIT if (amount or Decimal(0)) > 0 else ActivityType.WITHDRAWAL
    if quantity is not None and kind is not ActivityType.SPLIT:
        quantity = abs(quantity)  # a split keeps its sign: a reverse split removes shares
    return RemoteActivity(
        provider_activity_id=payload.text(item["id"], "activity id"), type=kind, raw_type=raw_type,
        trade_date=date.fromisoformat(payload.text(item["date"], "activity date")[:10]),
        currency=payload.currency(item.get("currency"), "activity currency", currency),
        symbol=payload.optional_text(item.get("symbol"), "activity symbol"), quantity=quantity, amount=amount,
        description=item.get("description") or raw_type,
    )

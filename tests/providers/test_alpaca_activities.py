"""Alpaca's account activities, shaped as the trading API documents them, as domain activities."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clera_desktop.core.errors import BadProviderData
from clera_desktop.models.enums import ActivityType
from clera_desktop.providers.alpaca_activities import activity_from_alpaca

FILL = {  # the spec's example
    "activity_type": "FILL", "cum_qty": "2", "id": "20220202135509981::2d7be4ff-d1f3-43e9-856a-0f5cf5c5088e",
    "leaves_qty": "0", "order_id": "b5abe576-6a8a-49f3-a353-46b72c1ccae9", "order_status": "filled",
    "price": "174.78", "qty": "2", "side": "buy", "symbol": "AAPL",
    "transaction_time": "2022-02-02T18:55:09.981482Z", "type": "fill",
}
DIVIDEND = {  # the spec's example
    "activity_sub_type": "SDIV", "activity_type": "DIV", "created_at": "2021-05-10T14:01:04.650275Z",
    "currency": "USD", "date": "2019-08-01", "id": "20190801011955195::5f596936-6f23-4cef-bdf1-3806aae57dbf",
    "net_amount": "1.02", "per_share_amount": "0.51", "qty": "2", "status": "executed", "symbol": "T",
}


def _non_trade(kind: str, **fields: str) -> dict[str, str]:
    return {"id": f"20240105000000000::{kind}", "activity_type": kind, "date": "2024-01-05", "status": "executed",
            **fields}


def test_a_fill_is_a_trade_that_moves_its_value_to_the_cent() -> None:
    buy = activity_from_alpaca(FILL, "USD")
    assert buy is not None
    assert (buy.type, buy.symbol, buy.quantity, buy.price, buy.amount, buy.trade_date) == (
        ActivityType.BUY, "AAPL", Decimal(2), Decimal("174.78"), Decimal("-349.56"), date(2022, 2, 2))
    fractional_sell = activity_from_alpaca({**FILL, "side": "sell", "qty": "0.5", "price": "10.05"}, "USD")
    assert fractional_sell is not None
    assert fractional_sell.amount == Decimal("5.03")  # 5.025 to the cent, half up


def test_cash_activities_keep_their_signed_amount() -> None:
    dividend = activity_from_alpaca(DIVIDEND, "USD")
    assert dividend is not None
    assert (dividend.type, dividend.symbol, dividend.amount, dividend.quantity, dividend.price) == (
        ActivityType.DIVIDEND, "T", Decimal("1.02"), Decimal(2), None)
    cases = {
        "CSD": ("500", ActivityType.DEPOSIT), "CSW": ("-200", ActivityType.WITHDRAWAL),
        "INT": ("0.37", ActivityType.INTEREST), "FEE": ("-1.5", ActivityType.FEE),
        "JNLC": ("-75", ActivityType.WITHDRAWAL), "ACATC": ("1000", ActivityType.DEPOSIT),
        "REORG": ("3.21", ActivityType.OTHER),  # unknown to the app: its cash still counts
    }
    for kind, (amount, expected) in cases.items():
        activity = activity_from_alpaca(_non_trade(kind, net_amount=amount), "USD")
        assert activity is not None and (activity.type, activity.amount) == (expected, Decimal(amount)), kind


def test_share_movements_and_splits() -> None:
    out = activity_from_alpaca(_non_trade("ACATS", symbol="VTI", qty="-4", net_amount="0"), "USD")
    assert out is not None and (out.type, out.quantity) == (ActivityType.TRANSFER_OUT, Decimal(4))
    reverse = activity_from_alpaca(_non_trade("SPLIT", symbol="XYZ", qty="-30", net_amount="0"), "USD")
    assert reverse is not None and (reverse.type, reverse.quantity) == (ActivityType.SPLIT, Decimal(-30))


def test_a_canceled_activity_never_happened() -> None:
    assert activity_from_alpaca({**DIVIDEND, "status": "canceled"}, "USD") is None


def test_a_malformed_activity_is_refused_not_guessed() -> None:
    broken = {key: value for key, value in FILL.items() if key != "price"}
    with pytest.raises(BadProviderData) as refused:
        activity_from_alpaca(broken, "USD")
    assert "could not read" in refused.value.user_message
    with pytest.raises(BadProviderData):
        activity_from_alpaca({**DIVIDEND, "net_amount": "1.0.2"}, "USD")
    with pytest.raises(BadProviderData):
        activity_from_alpaca("FILL", "USD")  # type: ignore[arg-type]  # a page of strings, not objects

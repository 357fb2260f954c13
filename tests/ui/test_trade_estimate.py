"""The ticket's estimate and the review's amount: the same figure when they come from the same
quote; when the brokerage's preview prices the order differently, the review says both and why."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from clera_desktop.models.enums import ConnectionStatus, ConnectionType, OrderSide, OrderType, Provider, TimeInForce
from clera_desktop.models.trading import BrokerPreview, OrderTicket, Quote, Source, TradingAccount
from clera_desktop.trading.service import build_preview
from clera_desktop.trading.validation import estimated_amount
from clera_desktop.ui.dialogs.confirm_order_dialog import estimate_differs

ACCOUNT = TradingAccount("snaptrade_x", Provider.SNAPTRADE, "x", None, None, "Individual", "E*TRADE", "USD", False,
                         ConnectionType.TRADE, ConnectionStatus.ACTIVE, Decimal(10_000), Decimal(10_000))
TICKET = OrderTicket("snaptrade_x", "AAPL", OrderSide.BUY, OrderType.MARKET, TimeInForce.DAY, quantity=Decimal(3))
QUOTE = Quote("AAPL", "USD", bid=Decimal("167.90"), ask=Decimal("168.05"), last=Decimal("167.60"), source="test")
AT = datetime(2026, 12, 7, 15, tzinfo=UTC)


def test_without_a_brokerage_price_the_review_shows_the_tickets_own_estimate() -> None:
    preview = build_preview(TICKET, ACCOUNT, BrokerPreview(None, "USD"), QUOTE, (), created_at=AT)
    assert preview.amount == estimated_amount(TICKET, QUOTE) == preview.estimate
    assert preview.amount.value == Decimal("504.15")
    assert estimate_differs(preview) == ""


def test_a_brokerage_price_that_differs_is_named_beside_the_tickets_estimate() -> None:
    broker = BrokerPreview("t1", "USD", price=Decimal("167.60"), estimated_commission=Decimal(0))
    preview = build_preview(TICKET, ACCOUNT, broker, QUOTE, (), created_at=AT)
    assert preview.amount.source is Source.BROKERAGE and preview.amount.value == Decimal("502.80")
    said = estimate_differs(preview)
    assert "504.15" in said and "ask" in said and "168.05" in said and "167.60" in said

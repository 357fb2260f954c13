"""Every ticket rule gives its own message before anything is sent."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from clera_desktop.models.enums import ConnectionStatus, ConnectionType, OrderSide, OrderType, Provider, TimeInForce
from clera_desktop.models.trading import OrderTicket, Quote, TradingAccount, TradingCapabilities
from clera_desktop.trading.validation import TicketFacts, validate_ticket

ACCOUNT = TradingAccount(
    id="snaptrade_1", provider=Provider.SNAPTRADE, provider_account_id="1", connection_id="snaptrade_c",
    provider_connection_id="c", name="Brokerage", institution="E*TRADE", currency="USD", is_paper=False,
    connection_type=ConnectionType.TRADE, connection_status=ConnectionStatus.ACTIVE,
    cash=Decimal("1000"), buying_power=Decimal("1000"), holdings={"AAPL": Decimal(5)},
)
WHOLE_SHARES = TradingCapabilities(fractional=False, notional=False, order_types=tuple(OrderType),
                                   time_in_force=(TimeInForce.DAY, TimeInForce.GTC))
QUOTE = Quote("AAPL", "USD", bid=Decimal("99.90"), ask=Decimal("100.10"), last=Decimal("100.00"), source="test")


def facts(**changes) -> TicketFacts:  # type: ignore[no-untyped-def]
    base = TicketFacts(ACCOUNT, None, WHOLE_SHARES, QUOTE, True, True)
    return replace(base, **changes)


def ticket(**changes) -> OrderTicket:  # type: ignore[no-untyped-def]
    base = OrderTicket("snaptrade_1", "AAPL", OrderSide.BUY, OrderType.MARKET, TimeInForce.DAY, quantity=Decimal(1))
    return replace(base, **changes)


def messages(t: OrderTicket, f: TicketFacts | None = None, *, blocking: bool = True) -> list[str]:
    return [p.message for p in validate_ticket(t, f or facts()) if p.blocking is blocking]


def test_a_sound_ticket_passes() -> None:
    assert validate_ticket(ticket(), facts()) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"quantity": Decimal(0)}, "Quantity must be greater than zero."),
    ({"quantity": Decimal(-3)}, "Quantity must be greater than zero."),
    ({"quantity": None}, "Enter either a quantity or a cash amount."),
    ({"quantity": Decimal("0.5")}, "This brokerage does not trade fractional shares: enter a whole number."),
    ({"quantity": None, "notional": Decimal(50)}, "This brokerage takes a number of shares, not a cash amount."),
    ({"order_type": OrderType.LIMIT}, "A limit order needs a limit price."),
    ({"order_type": OrderType.STOP}, "A stop order needs a stop price."),
    ({"order_type": OrderType.STOP_LIMIT, "stop_price": Decimal(90)}, "A stop-limit order needs a limit price."),
    ({"order_type": OrderType.LIMIT, "limit_price": Decimal(0)}, "The limit price must be greater than zero."),
    ({"side": OrderSide.SELL, "quantity": Decimal(6)}, "You hold 5 AAPL in this account and cannot sell 6."),
    ({"side": OrderSide.SELL, "symbol": "MSFT"}, "Brokerage holds no MSFT to sell."),
    ({"quantity": Decimal(10)}, "The estimated cost 1,001.00 USD is more than the buying power of 1,000.00 USD."),
    ({"time_in_force": TimeInForce.IOC}, "E*TRADE does not offer time in force IOC."),
    ({"symbol": ""}, "Enter the symbol to trade."),
])
def test_each_rule_has_its_message(changes: dict, expected: str) -> None:  # type: ignore[type-arg]
    assert any(expected in message for message in messages(ticket(**changes)))


def test_a_limit_buy_is_checked_at_its_limit_price() -> None:
    assert messages(ticket(order_type=OrderType.LIMIT, quantity=Decimal(10), limit_price=Decimal("99.99"))) == []


def test_a_symbol_the_brokerage_cannot_trade() -> None:
    assert messages(ticket(symbol="ZZZZ"), facts(symbol_listed=False)) == ["ZZZZ cannot be traded in E*TRADE \u2014 Brokerage."]


def test_a_read_only_account() -> None:
    problems = messages(ticket(), facts(not_tradable_reason="Connected read-only."))
    assert problems == ["E*TRADE \u2014 Brokerage cannot place orders: Connected read-only."]


def test_a_market_order_while_the_market_is_closed_is_a_warning() -> None:
    closed = facts(market_open=False)
    assert messages(ticket(), closed) == []
    assert any("market is closed" in m for m in messages(ticket(), closed, blocking=False))
    assert messages(ticket(order_type=OrderType.LIMIT, limit_price=Decimal(1)), closed, blocking=False) == []


def test_without_a_quote_the_estimate_is_said_to_be_missing() -> None:
    warnings = messages(ticket(), facts(quote=None), blocking=False)
    assert warnings == ["No quote is available: the estimated cost cannot be shown."]


def test_unknown_buying_power_is_left_to_the_brokerage() -> None:
    unknown = facts(account=replace(ACCOUNT, cash=None, buying_power=None))
    assert messages(ticket(), unknown) == []
    assert "buying power is not known" in messages(ticket(), unknown, blocking=False)[0]

"""Ticket validation: every rule a person can break, with a message, before anything is sent.

Pure: the service gathers the facts (account, capabilities, quote, market clock, whether the
brokerage lists the symbol) and this module judges. Blocking problems stop the preview;
warnings are shown and confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from clera_desktop.core.money import format_money, format_quantity
from clera_desktop.core.words import said
from clera_desktop.models.enums import OrderSide, OrderType
from clera_desktop.models.trading import OrderTicket, Quote, Source, Sourced, TradingAccount, TradingCapabilities


@dataclass(frozen=True, slots=True)
class TicketProblem:
    field: str  # symbol, quantity, limit_price, stop_price, order_type, time_in_force, account, market
    message: str
    blocking: bool = True


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What validation needs to know about the world, gathered by the service."""

    account: TradingAccount
    not_tradable_reason: str | None
    capabilities: TradingCapabilities | None
    quote: Quote | None
    market_open: bool | None
    symbol_listed: bool | None  # None: not checked (no brokerage answer)


def reference_price(ticket: OrderTicket, quote: Quote | None) -> Sourced:
    """The price the estimate uses: the limit price when there is one, else the quote."""
    if ticket.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT) and ticket.limit_price:
        return Sourced(ticket.limit_price, Source.ESTIMATE)
    price = quote.price_for(ticket.side) if quote else None
    if price is None and ticket.order_type is OrderType.STOP and ticket.stop_price:
        price = ticket.stop_price
    return Sourced(price, Source.ESTIMATE) if price is not None else Sourced.unavailable()


def estimated_quantity(ticket: OrderTicket, quote: Quote | None) -> Decimal | None:
    if ticket.quantity is not None:
        return ticket.quantity
    price = reference_price(ticket, quote).value
    return None if not price or ticket.notional is None else ticket.notional / price


def estimated_amount(ticket: OrderTicket, quote: Quote | None) -> Sourced:
    """Quantity x reference price (exact), or the notional itself; commission not included."""
    if ticket.notional is not None:
        return Sourced(ticket.notional, Source.ESTIMATE)
    price = reference_price(ticket, quote).value
    if price is None or ticket.quantity is None:
        return Sourced.unavailable()
    return Sourced(ticket.quantity * price, Source.ESTIMATE)


def validate_ticket(ticket: OrderTicket, facts: TicketFacts) -> list[TicketProblem]:
    account, caps = facts.account, facts.capabilities
    problems: list[TicketProblem] = []
    if facts.not_tradable_reason:
        problems.append(TicketProblem("account", said("{account} cannot place orders: {reason}",
                                                      account=account.label, reason=facts.not_tradable_reason)))
    if not ticket.symbol:
        problems.append(TicketProblem("symbol", said("Enter the symbol to trade.")))
    elif facts.symbol_listed is False:
        problems.append(TicketProblem("symbol", said("{symbol} cannot be traded in {account}.",
                                                     symbol=ticket.symbol, account=account.label)))
    elif facts.quote is not None and facts.quote.currency != account.currency:
        problems.append(TicketProblem("symbol", said("{symbol} trades in {currency}; {account} holds {cash}.",
                                                     symbol=ticket.symbol, currency=facts.quote.currency,
                                                     account=account.label, cash=account.currency)))
    problems.extend(_amount_problems(ticket, caps))
    problems.extend(_price_problems(ticket))
    if caps is not None and ticket.order_type not in caps.order_types:
        problems.append(TicketProblem("order_type", said("{institution} does not take {kind} orders.",
                                                         institution=account.institution, kind=_kind(ticket))))
    if caps is not None and ticket.time_in_force not in caps.time_in_force:
        problems.append(TicketProblem("time_in_force", said("{institution} does not offer time in force {tif}.",
                                                            institution=account.institution,
                                                            tif=ticket.time_in_force.value.upper())))
    if not any(p.field in ("quantity", "symbol") for p in problems):
        problems.extend(_holding_and_cash_problems(ticket, facts))
    if ticket.order_type is OrderType.MARKET and facts.market_open is False:
        problems.append(TicketProblem("market", said("The market is closed: a market order waits for the next open and "
                                                     "fills at whatever the price is then."), blocking=False))
    if facts.quote is None and ticket.symbol and facts.symbol_listed is not False:
        problems.append(TicketProblem("symbol", said("No quote is available: the estimated cost cannot be shown."),
                                      blocking=False))
    return problems


def _amount_problems(ticket: OrderTicket, caps: TradingCapabilities | None) -> list[TicketProblem]:
    if (ticket.quantity is None) == (ticket.notional is None):
        return [TicketProblem("quantity", said("Enter either a quantity or a cash amount."))]
    amount = ticket.quantity if ticket.quantity is not None else ticket.notional
    assert amount is not None
    if amount <= 0:
        what = "Quantity" if ticket.quantity is not None else "The amount"
        return [TicketProblem("quantity", said("{what} must be greater than zero.", what=what))]
    if caps is None:
        return []
    if ticket.notional is not None and not caps.notional:
        return [TicketProblem("quantity", said("This brokerage takes a number of shares, not a cash amount."))]
    if ticket.quantity is not None and ticket.quantity != ticket.quantity.to_integral_value() and not caps.fractional:
        return [TicketProblem("quantity", said("This brokerage does not trade fractional shares: enter a whole number."))]
    return []


def _kind(ticket: OrderTicket) -> str:
    """``stop-limit``: the order type as a sentence says it."""
    return ticket.order_type.value.replace("_", "-")


def _price_problems(ticket: OrderTicket) -> list[TicketProblem]:
    problems = []
    if ticket.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT):
        if ticket.limit_price is None:
            problems.append(TicketProblem("limit_price", said("A {kind} order needs a limit price.", kind=_kind(ticket))))
        elif ticket.limit_price <= 0:
            problems.append(TicketProblem("limit_price", said("The limit price must be greater than zero.")))
    if ticket.order_type in (OrderType.STOP, OrderType.STOP_LIMIT):
        if ticket.stop_price is None:
            problems.append(TicketProblem("stop_price", said("A {kind} order needs a stop price.", kind=_kind(ticket))))
        elif ticket.stop_price <= 0:
            problems.append(TicketProblem("stop_price", said("The stop price must be greater than zero.")))
    return problems


def _holding_and_cash_problems(ticket: OrderTicket, facts: TicketFacts) -> list[TicketProblem]:
    account = facts.account
    if ticket.side is OrderSide.SELL:
        held = account.held(ticket.symbol)
        wanted = estimated_quantity(ticket, facts.quote)
        if held <= 0:
            return [TicketProblem("quantity", said("{account} holds no {symbol} to sell.",
                                                   account=account.label, symbol=ticket.symbol))]
        if wanted is not None and wanted > held:
            return [TicketProblem("quantity", said("You hold {held} {symbol} in this account and cannot sell {wanted}.",
                                                   held=format_quantity(held), symbol=ticket.symbol,
                                                   wanted=format_quantity(wanted)))]
        return []
    amount = estimated_amount(ticket, facts.quote).value
    power = account.buying_power if account.buying_power is not None else account.cash
    if amount is None:
        return []
    if power is None:
        return [TicketProblem("quantity", said("The account's buying power is not known yet: the brokerage will check it."),
                              blocking=False)]
    if amount > power:
        return [TicketProblem("quantity", said("The estimated cost {cost} is more than the buying power of {power}.",
                                               cost=format_money(amount, account.currency),
                                               power=format_money(power, account.currency)))]
    return []

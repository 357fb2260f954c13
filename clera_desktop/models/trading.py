"""Trading's domain types: a ticket, what a brokerage says about it, quotes and symbols.

Providers return these; the trading service and the ticket view use them. Every number is a
Decimal with its currency, and every estimate says where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from clera_desktop.models.enums import ConnectionStatus, ConnectionType, OrderSide, OrderType, Provider, TimeInForce


class Source(StrEnum):
    """Where a figure on the confirmation comes from."""

    BROKERAGE = "brokerage preview"
    ESTIMATE = "app estimate from the latest quote"
    UNAVAILABLE = "not available"


@dataclass(frozen=True, slots=True)
class Sourced:
    """A figure with its origin; ``value`` is None exactly when it is not available."""

    value: Decimal | None
    source: Source

    @staticmethod
    def unavailable() -> Sourced:
        return Sourced(None, Source.UNAVAILABLE)


@dataclass(frozen=True, slots=True)
class OrderTicket:
    """What the person asked for. Exactly one of ``quantity`` and ``notional`` is set."""

    account_id: str
    symbol: str
    side: OrderSide
    order_type: OrderType
    time_in_force: TimeInForce
    quantity: Decimal | None = None
    notional: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None

    def describe(self) -> str:
        amount = f"{self.quantity} shares" if self.quantity is not None else f"{self.notional} worth"
        prices = "".join(
            f" {label} {value}" for label, value in (("limit", self.limit_price), ("stop", self.stop_price)) if value
        )
        terms = f"{self.order_type.value}{prices}, {self.time_in_force.value}"
        return f"{self.side.value.upper()} {amount} of {self.symbol} ({terms})"


@dataclass(frozen=True, slots=True)
class TradingAccount:
    """An account as trading sees it: who holds it, whether it may trade, its cash."""

    id: str
    provider: Provider
    provider_account_id: str
    connection_id: str | None
    provider_connection_id: str | None
    name: str
    institution: str
    currency: str
    is_paper: bool
    connection_type: ConnectionType
    connection_status: ConnectionStatus
    cash: Decimal | None
    buying_power: Decimal | None
    holdings: dict[str, Decimal] = field(default_factory=dict)
    #: another person's name when the account is theirs in a shared book (None: the session's own)
    owner: str | None = None

    @property
    def label(self) -> str:
        paper = " (paper)" if self.is_paper and "paper" not in self.name.lower() else ""
        return f"{self.institution} \u2014 {self.name}{paper}" if self.institution not in self.name else self.name + paper

    def held(self, symbol: str) -> Decimal:
        return self.holdings.get(symbol.upper(), Decimal(0))


@dataclass(frozen=True, slots=True)
class TradingCapabilities:
    """What the account's brokerage accepts."""

    fractional: bool
    notional: bool
    order_types: tuple[OrderType, ...]
    time_in_force: tuple[TimeInForce, ...]


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    symbol: str
    description: str
    currency: str
    exchange: str | None = None
    provider_symbol_id: str | None = None
    tradable: bool = True
    fractionable: bool | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    symbol: str
    currency: str
    bid: Decimal | None
    ask: Decimal | None
    last: Decimal | None
    source: str
    as_of: datetime | None = None

    def price_for(self, side: OrderSide) -> Decimal | None:
        """The price a market order would likely get: the ask to buy, the bid to sell."""
        preferred = self.ask if side is OrderSide.BUY else self.bid
        return preferred or self.last


@dataclass(frozen=True, slots=True)
class BrokerPreview:
    """The brokerage's own preview of a ticket (SnapTrade's order impact)."""

    trade_id: str | None
    currency: str
    price: Decimal | None = None
    estimated_commission: Decimal | None = None
    remaining_cash: Decimal | None = None
    expires_at: datetime | None = None

"""What providers hand to sync: frozen, SDK-free snapshots of the remote side.

Every provider adapter translates its SDK's responses into these; sync turns them into rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from clera_desktop.models.enums import (
    ActivityType,
    ConnectionType,
    OrderSide,
    OrderStatus,
    OrderType,
    Provider,
    SecurityType,
    TimeInForce,
)


@dataclass(frozen=True, slots=True)
class RemoteConnection:
    provider: Provider
    provider_connection_id: str
    brokerage_name: str
    brokerage_slug: str | None
    connection_type: ConnectionType
    disabled: bool = False
    disabled_since: datetime | None = None
    status_reason: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteAccount:
    provider: Provider
    provider_account_id: str
    provider_connection_id: str | None
    institution: str
    name: str
    masked_number: str | None
    account_type: str | None
    currency: str
    connection_type: ConnectionType
    is_paper: bool = False


@dataclass(frozen=True, slots=True)
class RemoteBalance:
    currency: str
    cash: Decimal | None
    buying_power: Decimal | None


@dataclass(frozen=True, slots=True)
class RemotePosition:
    symbol: str
    quantity: Decimal
    currency: str
    security_type: SecurityType = SecurityType.EQUITY
    price: Decimal | None = None
    market_value: Decimal | None = None
    average_cost: Decimal | None = None
    cost_basis: Decimal | None = None
    description: str | None = None
    universal_symbol_id: str | None = None
    tax_lots: tuple[BrokerTaxLot, ...] | None = None  # None: the brokerage reports none (not "no lots")
    exchange: str | None = None  # where it is listed, as reported (a MIC such as XNAS, or a code such as NASDAQ)
    sector: str | None = None  # as reported (Plaid's securities); None: not reported
    industry: str | None = None


@dataclass(frozen=True, slots=True)
class BrokerTaxLot:
    """One tax lot as the brokerage reports it; amounts in the position's currency."""

    acquired: date | None
    quantity: Decimal
    cost: Decimal | None
    lot_id: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteActivity:
    provider_activity_id: str
    type: ActivityType
    trade_date: date
    currency: str
    raw_type: str | None = None
    settlement_date: date | None = None
    symbol: str | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    amount: Decimal | None = None
    fee: Decimal | None = None
    description: str | None = None
    tax: Decimal | None = None  # withheld on this line (a dividend's)
    cost_basis: Decimal | None = None  # what shares moved in or out carry with them
    acquired_on: date | None = None  # when those shares were first bought


@dataclass(frozen=True, slots=True)
class RemoteOrder:
    provider_order_id: str
    client_order_id: str | None
    symbol: str
    side: OrderSide
    order_type: OrderType
    time_in_force: TimeInForce
    status: OrderStatus
    currency: str
    quantity: Decimal | None = None
    notional: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    filled_quantity: Decimal = Decimal(0)
    average_fill_price: Decimal | None = None
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    filled_at: datetime | None = None
    canceled_at: datetime | None = None
    reject_reason: str | None = None


@dataclass(frozen=True, slots=True)
class AccountData:
    """One account's full remote state, fetched as a unit and stored in one transaction.

    ``activities`` cover ``activities_from`` .. ``activities_to`` (inclusive) completely.
    """

    account: RemoteAccount
    balances: tuple[RemoteBalance, ...]
    positions: tuple[RemotePosition, ...]
    activities: tuple[RemoteActivity, ...]
    orders: tuple[RemoteOrder, ...] = field(default=())
    activities_from: date | None = None
    activities_to: date | None = None

"""The local store: SQLAlchemy 2.0 typed tables.

Ids: accounts and connections use the app-wide id (``snaptrade_<id>``, ``plaid_<id>``,
``clera_<id>``) as primary key and also keep the provider and the provider's own id in
separate columns. Money columns are :class:`DecimalText`; no column is a float.
Secrets (SnapTrade user secrets, Plaid access tokens, API keys) are never stored here.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clera_desktop.models.column_types import DecimalText, UTCDateTime
from clera_desktop.models.enums import (
    ActivityType,
    ConnectionStatus,
    ConnectionType,
    OrderSide,
    OrderStatus,
    OrderType,
    PersonKind,
    Provider,
    SecurityType,
    SnapTradeKeyKind,
    SyncStatus,
    TimeInForce,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def vocabulary(enum_type: type[enum.Enum]) -> Enum:
    """Store a StrEnum as its value, with a CHECK so nothing else gets in."""
    return Enum(
        enum_type,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        name=enum_type.__name__.lower(),
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it from the class
        Decimal: DecimalText(),
        datetime: UTCDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
    }


def table_of(model: type[Base]) -> Table:
    """A mapped class's table (SQLAlchemy types ``__table__`` as any FROM clause)."""
    return cast(Table, model.__table__)


class Person(Base):
    """Someone who keeps accounts in this book (revision 0010). A book on one computer has none:
    everything is its one person's. A shared book (PostgreSQL) has one per login role; what each
    may read and change is the database's to enforce (models/shared_book.py)."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    login: Mapped[str | None] = mapped_column(String(63), unique=True)  # the PostgreSQL role they log in as
    kind: Mapped[PersonKind] = mapped_column(vocabulary(PersonKind))
    created_at: Mapped[datetime]


class AccountShare(Base):
    """A joint account's owners and their shares (revision 0010): per-person figures take each
    person's share; an account with no rows here is wholly its owner's."""

    __tablename__ = "account_shares"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    share: Mapped[Decimal]  # 0 < share <= 1; an account's shares add up to 1


class SnapTradeUser(Base):
    """The app's SnapTrade user; its secret lives in the keyring under the user id."""

    __tablename__ = "snaptrade_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(128), unique=True)
    key_kind: Mapped[SnapTradeKeyKind] = mapped_column(vocabulary(SnapTradeKeyKind))
    created_at: Mapped[datetime]
    # revision 0010: whose (a shared book: each person registers their own; the secret is in their keyring)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class Connection(Base):
    """A brokerage authorization (SnapTrade), item (Plaid) or API-key link (Alpaca)."""

    __tablename__ = "connections"
    __table_args__ = (UniqueConstraint("provider", "provider_connection_id"),)

    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    provider: Mapped[Provider] = mapped_column(vocabulary(Provider))
    provider_connection_id: Mapped[str] = mapped_column(String(128))
    brokerage_name: Mapped[str] = mapped_column(String(200))
    brokerage_slug: Mapped[str | None] = mapped_column(String(100))
    connection_type: Mapped[ConnectionType] = mapped_column(vocabulary(ConnectionType))
    status: Mapped[ConnectionStatus] = mapped_column(
        vocabulary(ConnectionStatus), default=ConnectionStatus.ACTIVE
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    disabled_since: Mapped[datetime | None]
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # revision 0010: whose login it is (None: the book's one person); on a shared book the server
    # fills it in with the person writing it, and only they may change or remove it
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)

    accounts: Mapped[list[Account]] = relationship(back_populates="connection")


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("provider", "provider_account_id"),)

    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    provider: Mapped[Provider] = mapped_column(vocabulary(Provider))
    provider_account_id: Mapped[str] = mapped_column(String(128))
    connection_id: Mapped[str | None] = mapped_column(
        ForeignKey("connections.id", ondelete="SET NULL"), index=True
    )
    institution: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    masked_number: Mapped[str | None] = mapped_column(String(32))
    account_type: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    connection_type: Mapped[ConnectionType] = mapped_column(vocabulary(ConnectionType))
    is_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    stale_since: Mapped[datetime | None]
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    activities_synced_through: Mapped[date | None]
    # a digest of the positions and cash last written from the provider (models/upserts.rows_digest):
    # a sync that brings the same ones again writes nothing and compares nothing row by row
    holdings_digest: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # revision 0010: whose account (None: the book's one person): its connection's owner, or who added it by hand
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)

    connection: Mapped[Connection | None] = relationship(back_populates="accounts")


class Balance(Base):
    __tablename__ = "balances"
    __table_args__ = (UniqueConstraint("account_id", "currency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    cash: Mapped[Decimal | None]
    buying_power: Mapped[Decimal | None]
    as_of: Mapped[datetime]


class Position(Base):
    __tablename__ = "positions"
    __table_args__ = (UniqueConstraint("account_id", "symbol"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    symbol: Mapped[str] = mapped_column(String(64), index=True)
    universal_symbol_id: Mapped[str | None] = mapped_column(String(128))
    description: Mapped[str | None] = mapped_column(String(300))
    security_type: Mapped[SecurityType] = mapped_column(vocabulary(SecurityType))
    quantity: Mapped[Decimal]
    price: Mapped[Decimal | None]
    market_value: Mapped[Decimal | None]
    average_cost: Mapped[Decimal | None]
    cost_basis: Mapped[Decimal | None]
    currency: Mapped[str] = mapped_column(String(3))
    as_of: Mapped[datetime]
    # revision 0005: the brokerage's own tax lots for the position (JSON: acquired, quantity, cost,
    # lot_id), where it reports them (SnapTrade, when enabled for the account); shown beside ours
    tax_lots: Mapped[str | None] = mapped_column(Text)


class Activity(Base):
    __tablename__ = "activities"
    __table_args__ = (
        UniqueConstraint("account_id", "provider_activity_id"),
        Index("ix_activities_account_trade_date", "account_id", "trade_date"),
        # revisions 0006 and 0008: the dividends, interest and tax lines alone, with every column the
        # Income view sums
        Index("ix_activities_payments", "trade_date", "account_id", "currency", "type", "symbol", "amount", "fee",
              "tax", sqlite_where=text("type IN ('dividend', 'interest', 'tax')"),
                    postgresql_where=text("type IN ('dividend', 'interest', 'tax')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    provider_activity_id: Mapped[str] = mapped_column(String(160))
    type: Mapped[ActivityType] = mapped_column(vocabulary(ActivityType))
    raw_type: Mapped[str | None] = mapped_column(String(64))
    trade_date: Mapped[date]
    settlement_date: Mapped[date | None]
    symbol: Mapped[str | None] = mapped_column(String(64))
    quantity: Mapped[Decimal | None]
    price: Mapped[Decimal | None]
    amount: Mapped[Decimal | None]
    fee: Mapped[Decimal | None]
    # revision 0004: tax withheld on this line (a dividend's); what shares moved in or out carry
    # with them (their total cost and the day they were first bought, for lots and holding periods)
    tax: Mapped[Decimal | None]
    cost_basis: Mapped[Decimal | None]
    acquired_on: Mapped[date | None]
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str | None] = mapped_column(Text)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("account_id", "provider_order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    provider_order_id: Mapped[str | None] = mapped_column(String(160))
    client_order_id: Mapped[str] = mapped_column(String(128), unique=True)
    symbol: Mapped[str] = mapped_column(String(64))
    side: Mapped[OrderSide] = mapped_column(vocabulary(OrderSide))
    order_type: Mapped[OrderType] = mapped_column(vocabulary(OrderType))
    time_in_force: Mapped[TimeInForce] = mapped_column(vocabulary(TimeInForce))
    quantity: Mapped[Decimal | None]
    notional: Mapped[Decimal | None]
    limit_price: Mapped[Decimal | None]
    stop_price: Mapped[Decimal | None]
    status: Mapped[OrderStatus] = mapped_column(vocabulary(OrderStatus))
    filled_quantity: Mapped[Decimal] = mapped_column(default=Decimal(0))
    average_fill_price: Mapped[Decimal | None]
    currency: Mapped[str] = mapped_column(String(3))
    reject_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    filled_at: Mapped[datetime | None]
    canceled_at: Mapped[datetime | None]


class DailyPrice(Base):
    __tablename__ = "daily_prices"
    __table_args__ = (UniqueConstraint("symbol", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    symbol: Mapped[str] = mapped_column(String(64))
    date: Mapped[date]
    open: Mapped[Decimal | None]
    high: Mapped[Decimal | None]
    low: Mapped[Decimal | None]
    close: Mapped[Decimal]
    volume: Mapped[Decimal | None]
    currency: Mapped[str] = mapped_column(String(3))
    source: Mapped[str] = mapped_column(String(32))


class FxRate(Base):
    """One unit of ``base`` costs ``rate`` units of ``quote`` on ``as_of``."""

    __tablename__ = "fx_rates"
    __table_args__ = (UniqueConstraint("base", "quote", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base: Mapped[str] = mapped_column(String(3))
    quote: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal]
    as_of: Mapped[date]
    source: Mapped[str] = mapped_column(String(32))


class PortfolioSnapshot(Base):
    __tablename__ = "portfolio_snapshots"
    __table_args__ = (UniqueConstraint("account_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    date: Mapped[date]
    value: Mapped[Decimal]
    cash: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    net_flow: Mapped[Decimal] = mapped_column(server_default="0")  # deposits in minus withdrawals out (rev. 0003)
    income: Mapped[Decimal] = mapped_column(server_default="0")  # dividends and interest, gross (rev. 0003)
    # revision 0004: what left that day (counted at its end by returns; net_flow + flow_out came
    # in, at its start), the part of net_flow moved between the person's own accounts, and fees
    # and taxes (withheld or paid, net of refunds)
    flow_out: Mapped[Decimal] = mapped_column(server_default="0")
    internal_flow: Mapped[Decimal] = mapped_column(server_default="0")
    fees: Mapped[Decimal] = mapped_column(server_default="0")
    taxes: Mapped[Decimal] = mapped_column(server_default="0")


class SyncRun(Base):
    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[Provider | None] = mapped_column(vocabulary(Provider))
    connection_id: Mapped[str | None] = mapped_column(
        ForeignKey("connections.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[SyncStatus] = mapped_column(vocabulary(SyncStatus))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """What the person did with money (previews, orders, cancels): never a secret."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str | None] = mapped_column(String(160), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AppSetting(Base):
    """Small per-database settings (base currency, default trading account). Revision 0002."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Security(Base):
    """What the providers say a security is, by symbol (revision 0007). The sync writes it; a
    field a provider does not report (None) never wipes what another one did."""

    __tablename__ = "securities"

    symbol: Mapped[str] = mapped_column(String(64), primary_key=True)
    security_type: Mapped[SecurityType | None] = mapped_column(vocabulary(SecurityType))
    exchange: Mapped[str | None] = mapped_column(String(32))
    sector: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime]


class SecurityChoice(Base):
    """The person's classification of a security (revision 0007): it wins over what providers
    report, and no sync touches it."""

    __tablename__ = "security_choices"

    symbol: Mapped[str] = mapped_column(String(64), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(32), primary_key=True)  # "asset_class" | "sector" | "country"
    value: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]


class TaxonomyTerm(Base):
    """A class the person added to a dimension (revision 0007), offered beside the built-in ones."""

    __tablename__ = "taxonomy_terms"

    dimension: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    created_at: Mapped[datetime]


class AllocationTarget(Base):
    """The share of the portfolio the person aims for in one class of a dimension (revision 0007)."""

    __tablename__ = "allocation_targets"

    dimension: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    percent: Mapped[Decimal]
    updated_at: Mapped[datetime]

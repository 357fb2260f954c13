"""Small builders for store rows, so tests say only what matters to them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from clera_desktop.models.enums import ConnectionType, Provider, SecurityType
from clera_desktop.models.tables import Account, Connection, Position

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def add_connection(session: Session, provider: Provider = Provider.SNAPTRADE, ext_id: str = "auth-1") -> Connection:
    connection = Connection(
        id=f"{provider.account_prefix}_{ext_id}", provider=provider, provider_connection_id=ext_id,
        brokerage_name="Demo Brokerage", brokerage_slug="DEMO", connection_type=ConnectionType.TRADE,
        created_at=NOW, updated_at=NOW,
    )
    session.add(connection)
    return connection


def add_account(
    session: Session,
    ext_id: str,
    provider: Provider = Provider.SNAPTRADE,
    *,
    name: str | None = None,
    currency: str = "USD",
    active: bool = True,
) -> Account:
    account = Account(
        id=f"{provider.account_prefix}_{ext_id}", provider=provider, provider_account_id=ext_id,
        institution="Demo Brokerage", name=name or f"Account {ext_id}", masked_number="****1234",
        account_type="margin", currency=currency, is_active=active,
        connection_type=ConnectionType.TRADE, created_at=NOW, updated_at=NOW,
    )
    session.add(account)
    return account


def add_position(
    session: Session,
    account: Account,
    symbol: str,
    quantity: str,
    price: str | None,
    *,
    cost_basis: str | None = None,
    currency: str = "USD",
    security_type: SecurityType = SecurityType.EQUITY,
) -> Position:
    qty = Decimal(quantity)
    position = Position(
        account_id=account.id, symbol=symbol, description=f"{symbol} Inc.", security_type=security_type,
        quantity=qty, price=None if price is None else Decimal(price),
        market_value=None if price is None else qty * Decimal(price),
        cost_basis=None if cost_basis is None else Decimal(cost_basis), currency=currency, as_of=NOW,
    )
    session.add(position)
    return position

"""What the window reads of the book: accounts, their values and names, holdings, connections,
one account's detail. Reads only, each on a database reader thread, returning snapshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.errors import CleraError
from clera_desktop.core.words import said
from clera_desktop.models.domain import AccountValue
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionStatus, PortfolioMode
from clera_desktop.models.queries import portfolio_mode
from clera_desktop.models.tables import Account, Activity, Balance, Connection, Order, Position
from clera_desktop.portfolio.holdings import HoldingsSnapshot
from clera_desktop.store.holdings import holdings_snapshot
from clera_desktop.store.valuation import account_values


@dataclass(frozen=True, slots=True)
class ConnectionRow:
    id: str
    provider: str
    provider_connection_id: str
    name: str
    access: str
    status: str
    status_reason: str | None
    last_sync_at: datetime | None
    last_error: str | None
    accounts: int


@dataclass(frozen=True, slots=True)
class PositionRow:
    symbol: str
    description: str | None
    quantity: Decimal
    price: Decimal | None
    market_value: Decimal | None
    cost_basis: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: int
    day: date
    type: str
    symbol: str | None
    quantity: Decimal | None
    price: Decimal | None
    amount: Decimal | None
    currency: str
    description: str | None


@dataclass(frozen=True, slots=True)
class OrderRow:
    submitted_at: datetime | None
    symbol: str
    side: str
    order_type: str
    quantity: Decimal | None
    status: str
    filled_quantity: Decimal
    average_fill_price: Decimal | None


@dataclass(frozen=True, slots=True)
class AccountDetail:
    value: AccountValue
    positions: tuple[PositionRow, ...]
    balances: tuple[tuple[str, Decimal | None, Decimal | None], ...]
    activities: tuple[ActivityRow, ...]
    orders: tuple[OrderRow, ...]


class BookReads:
    """The book's figures as the views list them, in the base currency of the moment."""

    def __init__(self, database: Database, base_currency: Callable[[], str]) -> None:
        self.database = database
        self._base = base_currency

    async def portfolio_mode(self) -> PortfolioMode:
        return await self.database.read(portfolio_mode)

    async def accounts(self) -> list[AccountValue]:
        base = self._base()
        return await self.database.read(lambda s: account_values(s, base))

    async def account_names(self) -> list[tuple[str, str]]:
        """(id, name) of the active accounts, in :meth:`accounts`' order, without valuing them: what
        an account choice lists (valuing every holding cost a tenth of a second on a big book)."""
        def read(session: Session) -> list[tuple[str, str]]:
            rows = session.execute(select(Account.id, Account.name).where(Account.is_active.is_(True))
                                   .order_by(Account.institution, Account.name))
            return [(account_id, name) for account_id, name in rows]

        return await self.database.read(read)

    async def holdings(self) -> HoldingsSnapshot:
        base = self._base()
        return await self.database.read(lambda s: holdings_snapshot(s, base))

    async def connections(self) -> list[ConnectionRow]:
        return await self.database.read(connection_rows)

    async def account_detail(self, account_id: str) -> AccountDetail:
        base = self._base()
        return await self.database.read(lambda s: account_detail(s, account_id, base))


# ---- snapshot queries (run on a database worker thread) -------------------------------------


def connection_rows(session: Session) -> list[ConnectionRow]:
    counts: dict[str, int] = {}
    for connection_id in session.scalars(select(Account.connection_id).where(Account.is_active.is_(True))):
        if connection_id:
            counts[connection_id] = counts.get(connection_id, 0) + 1
    return [
        ConnectionRow(c.id, c.provider.value, c.provider_connection_id, c.brokerage_name, c.connection_type.value,
                      c.status.value, c.status_reason, c.last_sync_at, c.last_error, counts.get(c.id, 0))
        for c in session.scalars(select(Connection).where(Connection.status != ConnectionStatus.DISABLED)
                                 .order_by(Connection.brokerage_name))
    ]


def account_detail(session: Session, account_id: str, base: str) -> AccountDetail:
    value = next((v for v in account_values(session, base, include_inactive=True) if v.account_id == account_id), None)
    if value is None:
        raise CleraError(said("That account no longer exists."))
    positions = tuple(
        PositionRow(p.symbol, p.description, p.quantity, p.price, p.market_value, p.cost_basis, p.currency)
        for p in session.scalars(select(Position).where(Position.account_id == account_id).order_by(Position.symbol))
    )
    balances = tuple((b.currency, b.cash, b.buying_power)
                     for b in session.scalars(select(Balance).where(Balance.account_id == account_id)))
    activities = tuple(
        ActivityRow(a.id, a.trade_date, a.type.value, a.symbol, a.quantity, a.price, a.amount, a.currency, a.description)
        for a in session.scalars(select(Activity).where(Activity.account_id == account_id)
                                 .order_by(Activity.trade_date.desc(), Activity.id.desc()).limit(500))
    )
    orders = tuple(
        OrderRow(o.submitted_at, o.symbol, o.side.value, o.order_type.value, o.quantity, o.status.value,
                 o.filled_quantity, o.average_fill_price)
        for o in session.scalars(select(Order).where(Order.account_id == account_id)
                                 .order_by(Order.updated_at.desc()).limit(200))
    )
    return AccountDetail(value, positions, balances, activities, orders)

"""Which accounts may trade, read from the store (runs on a database worker thread)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.words import said
from clera_desktop.models.enums import ConnectionStatus, ConnectionType, Provider
from clera_desktop.models.queries import app_setting, current_person, people_names
from clera_desktop.models.tables import Account, Balance, Connection, Position
from clera_desktop.models.trading import TradingAccount

DEFAULT_TRADING_ACCOUNT = "default_trading_account"


@dataclass(frozen=True, slots=True)
class Eligibility:
    account: TradingAccount
    reason: str | None  # None: may trade

    @property
    def eligible(self) -> bool:
        return self.reason is None


def why_not_tradable(account: TradingAccount, *, snaptrade_trading_enabled: bool) -> str | None:
    """The reason ``account`` may not take a ticket, in the person's words; None if it may."""
    if account.owner is not None:  # a shared book: the server refuses it too (models/shared_book.py)
        return said("This is {owner}'s account: only they can trade it, from their own computer.", owner=account.owner)
    if account.provider in (Provider.PLAID, Provider.MANUAL):
        return said("Linked read-only through Plaid: trade it at the brokerage.") if account.provider is Provider.PLAID \
            else said("A manual account cannot place orders.")
    if account.provider is Provider.SNAPTRADE:
        if not snaptrade_trading_enabled:
            return said("Trading through SnapTrade is switched off (FF_SNAPTRADE_TRADE_EXECUTION).")
        if account.connection_type is not ConnectionType.TRADE:
            return said("Connected read-only. Reconnect it with trading access to place orders.")
    if account.connection_status is not ConnectionStatus.ACTIVE:
        return said("The connection needs attention (reconnect it first).")
    return None


def trading_accounts(session: Session, *, snaptrade_trading_enabled: bool) -> list[Eligibility]:
    """Every active account with its cash, holdings and whether (and why not) it may trade."""
    rows = session.execute(
        select(Account, Connection).outerjoin(Connection, Account.connection_id == Connection.id)
        .where(Account.is_active.is_(True)).order_by(Account.institution, Account.name)
    ).all()
    cash: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for balance in session.scalars(select(Balance)):
        if balance.currency in {a.currency for a, _ in rows if a.id == balance.account_id}:
            cash[balance.account_id] = (balance.cash, balance.buying_power)
    holdings: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for account_id, symbol, quantity in session.execute(select(Position.account_id, Position.symbol, Position.quantity)):
        holdings[account_id][symbol.upper()] = quantity
    me = current_person(session)
    names = people_names(session) if me is not None else {}
    result = []
    for account, connection in rows:
        money, power = cash.get(account.id, (None, None))
        owner = names.get(account.owner_id or 0, "another person") if me is not None and account.owner_id != me else None
        trading = TradingAccount(
            id=account.id, provider=account.provider, provider_account_id=account.provider_account_id,
            connection_id=account.connection_id,
            provider_connection_id=connection.provider_connection_id if connection else None,
            name=account.name, institution=account.institution, currency=account.currency, is_paper=account.is_paper,
            connection_type=account.connection_type,
            connection_status=connection.status if connection else ConnectionStatus.ACTIVE,
            cash=money, buying_power=power, holdings=dict(holdings.get(account.id, {})), owner=owner,
        )
        result.append(Eligibility(trading, why_not_tradable(trading, snaptrade_trading_enabled=snaptrade_trading_enabled)))
    return result


def default_trading_account(session: Session) -> str | None:
    row = app_setting(session, DEFAULT_TRADING_ACCOUNT)
    return row.value if row else None

"""What live valuation starts from: each account's cash and positions, read from the store.

Runs on a database worker thread. Prices here are the last synced ones; ticks replace them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.enums import SecurityType
from clera_desktop.models.tables import Account, Balance, Position
from clera_desktop.portfolio.valuation import latest_rate

#: Positions that have no market price of their own.
_NOT_STREAMED = (SecurityType.CASH,)


@dataclass(frozen=True, slots=True)
class AccountBook:
    account_id: str
    name: str
    currency: str
    cash: Decimal  # in the account's currency (other-currency cash already converted)
    positions: dict[str, Decimal]  # symbol -> quantity
    prices: dict[str, Decimal]  # symbol -> last synced price, in the symbol's own currency
    conversions: dict[str, Decimal]  # symbol -> rate from its currency to the account's (absent: 1)
    rate_to_base: Decimal | None  # one account-currency unit in base currency; None: no rate


@dataclass(frozen=True, slots=True)
class LiveBook:
    base_currency: str
    accounts: tuple[AccountBook, ...]
    symbol_currency: dict[str, str] = field(default_factory=dict)

    def symbols(self, currency: str | None = None) -> set[str]:
        """Every symbol held anywhere (cash skipped), optionally only those quoted in ``currency``."""
        return {s for a in self.accounts for s, q in a.positions.items()
                if q and (currency is None or self.symbol_currency.get(s) == currency)}


def load_book(session: Session, base: str) -> LiveBook:
    accounts = session.scalars(select(Account).where(Account.is_active.is_(True)).order_by(Account.name)).all()
    positions: dict[str, list[Position]] = defaultdict(list)
    for position in session.scalars(select(Position)):
        positions[position.account_id].append(position)
    balances: dict[str, list[Balance]] = defaultdict(list)
    for balance in session.scalars(select(Balance)):
        balances[balance.account_id].append(balance)
    books = []
    currencies: dict[str, str] = {}
    for account in accounts:
        cash = Decimal(0)
        for balance in balances.get(account.id, []):
            if balance.cash is None:
                continue
            if balance.currency == account.currency:
                cash += balance.cash
            else:
                rate = latest_rate(session, balance.currency, account.currency)
                if rate is not None:
                    cash += balance.cash * rate.rate
        held: dict[str, Decimal] = {}
        prices: dict[str, Decimal] = {}
        conversions: dict[str, Decimal] = {}
        for position in positions.get(account.id, []):
            if position.security_type in _NOT_STREAMED:
                cash += position.market_value or position.quantity
                continue
            held[position.symbol] = held.get(position.symbol, Decimal(0)) + position.quantity
            if position.price is not None:
                prices[position.symbol] = position.price
            currencies.setdefault(position.symbol, position.currency)
            if position.currency != account.currency:
                fx = latest_rate(session, position.currency, account.currency)
                if fx is not None:
                    conversions[position.symbol] = fx.rate
        rate = latest_rate(session, account.currency, base)
        books.append(AccountBook(account.id, account.name, account.currency, cash, held, prices, conversions,
                                 None if rate is None else rate.rate))
    return LiveBook(base, tuple(books), currencies)

"""What live valuation starts from: each account's cash and positions, read from the store.

Runs on a database worker thread. Each account is valued once by
:func:`clera_desktop.portfolio.worth.account_worth` (the definition the Accounts view and
Holdings use), so before the first tick the Dashboard shows exactly their figures; ticks then
replace the synced prices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.enums import SecurityType
from clera_desktop.models.tables import Account
from clera_desktop.portfolio.worth import account_worth
from clera_desktop.store.rates import rate_book
from clera_desktop.store.valuation import held_by_account


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
    #: symbol -> its reported value (account currency) while it has no price: counted until the first tick
    unpriced_values: dict[str, Decimal] = field(default_factory=dict)
    missing_rates: tuple[str, ...] = ()  # pairs whose holdings or cash could not be converted


@dataclass(frozen=True, slots=True)
class LiveBook:
    base_currency: str
    accounts: tuple[AccountBook, ...]
    symbol_currency: dict[str, str] = field(default_factory=dict)

    def symbols(self, currency: str | None = None) -> set[str]:
        """Every symbol held anywhere (cash skipped), optionally only those quoted in ``currency``."""
        return {s for a in self.accounts for s, q in a.positions.items()
                if q and (currency is None or self.symbol_currency.get(s) == currency)}


#: The live feed (Alpaca's market data) quotes US listings only: a holding quoted in another
#: currency (a .TO listing in CAD, say) is valued at its last synced price and says so.
LIVE_FEED_CURRENCY = "USD"


def load_book(session: Session, base: str) -> LiveBook:
    accounts = session.scalars(select(Account).where(Account.is_active.is_(True)).order_by(Account.name)).all()
    positions, balances = held_by_account(session)
    rates = rate_book(session, newest_only=True)
    books = []
    currencies: dict[str, str] = {}
    for account in accounts:
        worth = account_worth(account.currency, positions[account.id], balances[account.id], rates)
        held: dict[str, Decimal] = {}
        prices: dict[str, Decimal] = {}
        for position in positions[account.id]:
            if position.security_type is SecurityType.CASH:
                continue
            if position.currency != account.currency and position.symbol not in worth.conversions:
                continue  # no rate to the account's currency: named in missing_rates, not counted
            held[position.symbol] = held.get(position.symbol, Decimal(0)) + position.quantity
            if position.price is not None:
                prices[position.symbol] = position.price
            currencies.setdefault(position.symbol, position.currency)
        rate = rates.latest(account.currency, base)
        books.append(AccountBook(account.id, account.name, account.currency, worth.cash, held, prices,
                                 dict(worth.conversions), None if rate is None else rate.rate,
                                 dict(worth.unpriced_values), worth.missing_rates))
    return LiveBook(base, tuple(books), currencies)

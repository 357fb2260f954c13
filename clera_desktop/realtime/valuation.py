"""Live valuation: every account's value and the total, updated tick by tick, exactly.

A price move of ``dp`` in a symbol changes each holding account's value by exactly
``quantity x dp`` (Decimal; times the recorded FX rate when the symbol trades in another
currency); totals are the sum of account values converted with the rate the store recorded.
The original design's portfolio calculator, for every provider's accounts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from clera_desktop.realtime.book import LiveBook


@dataclass(frozen=True, slots=True)
class AccountLiveValue:
    account_id: str
    name: str
    currency: str
    value: Decimal
    value_base: Decimal | None
    missing_prices: tuple[str, ...]  # held symbols with no price at all: value is partial


class LiveValuation:
    def __init__(self, book: LiveBook) -> None:
        self.book = book
        self._accounts = {a.account_id: a for a in book.accounts}
        self._prices: dict[str, dict[str, Decimal]] = {a.account_id: dict(a.prices) for a in book.accounts}
        self._values: dict[str, Decimal] = {}
        self._holders: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for account in book.accounts:
            total = account.cash
            for symbol, quantity in account.positions.items():
                # quantity in the account's currency per unit of price: the FX factor folded in once
                factor = quantity * account.conversions.get(symbol, Decimal(1))
                self._holders[symbol].append((account.account_id, factor))
                price = account.prices.get(symbol)
                if price is not None:
                    total += factor * price
            self._values[account.account_id] = total

    def apply(self, prices: Mapping[str, Decimal]) -> set[str]:
        """New last prices per symbol; returns the accounts whose value changed."""
        changed: set[str] = set()
        for symbol, price in prices.items():
            for account_id, factor in self._holders.get(symbol, ()):
                known = self._prices[account_id]
                old = known.get(symbol)
                if old == price:
                    continue
                self._values[account_id] += factor * (price - (old if old is not None else Decimal(0)))
                known[symbol] = price
                changed.add(account_id)
        return changed

    def price(self, account_id: str, symbol: str) -> Decimal | None:
        return self._prices[account_id].get(symbol)

    def value(self, account_id: str) -> AccountLiveValue:
        account = self._accounts[account_id]
        value = self._values[account_id]
        missing = tuple(sorted(s for s in account.positions if s not in self._prices[account_id]))
        rate = account.rate_to_base
        return AccountLiveValue(account_id, account.name, account.currency, value,
                                None if rate is None else value * rate, missing)

    def values(self) -> list[AccountLiveValue]:
        return [self.value(a.account_id) for a in self.book.accounts]

    def total_base(self) -> Decimal | None:
        """The sum in base currency, or None if any account lacks an FX rate (never a guess)."""
        total = Decimal(0)
        for account in self.book.accounts:
            if account.rate_to_base is None:
                return None
            total += self._values[account.account_id] * account.rate_to_base
        return total

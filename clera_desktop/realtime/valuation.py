"""Live valuation: every account's value and the total, updated tick by tick, exactly.

A price move of ``dp`` in a symbol changes each holding account's value by exactly
``quantity x dp`` (Decimal; times the recorded FX rate when the symbol trades in another
currency). Totals follow :mod:`clera_desktop.portfolio.worth`: each account's value to the cent,
converted to the cent, summed; an account without a rate to the base currency is left out of the
total and named, not counted 1:1 and not allowed to blank the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from clera_desktop.portfolio.totals import Part, PortfolioTotal, in_base, portfolio_total
from clera_desktop.realtime.book import LIVE_FEED_CURRENCY, LiveBook


@dataclass(frozen=True, slots=True)
class AccountLiveValue:
    account_id: str
    name: str
    currency: str
    value: Decimal
    value_base: Decimal | None  # None: no rate to the base currency
    missing_prices: tuple[str, ...]  # held symbols with no price at all: value is partial
    missing_rates: tuple[str, ...] = ()
    not_live: tuple[str, ...] = ()  # held symbols the live feed does not quote: at the last synced price


class LiveValuation:
    def __init__(self, book: LiveBook) -> None:
        self.book = book
        self._accounts = {a.account_id: a for a in book.accounts}
        self._prices: dict[str, dict[str, Decimal]] = {a.account_id: dict(a.prices) for a in book.accounts}
        self._unpriced: dict[str, dict[str, Decimal]] = {a.account_id: dict(a.unpriced_values) for a in book.accounts}
        self._values: dict[str, Decimal] = {}
        self._holders: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for account in book.accounts:
            total = account.cash + sum(account.unpriced_values.values(), Decimal(0))
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
                if old is None:  # its first price replaces the value the provider reported
                    self._values[account_id] += factor * price - self._unpriced[account_id].pop(symbol, Decimal(0))
                else:
                    self._values[account_id] += factor * (price - old)
                known[symbol] = price
                changed.add(account_id)
        return changed

    def price(self, account_id: str, symbol: str) -> Decimal | None:
        return self._prices[account_id].get(symbol)

    def value(self, account_id: str) -> AccountLiveValue:
        account = self._accounts[account_id]
        value = self._values[account_id]
        missing = tuple(sorted(s for s in account.positions
                               if s not in self._prices[account_id] and s not in self._unpriced[account_id]))
        rate = account.rate_to_base
        value_base = Decimal(0) if not value else None if rate is None else in_base(value, rate)
        not_live = tuple(sorted(s for s, q in account.positions.items()
                                if q and self.book.symbol_currency.get(s) != LIVE_FEED_CURRENCY))
        return AccountLiveValue(account_id, account.name, account.currency, value, value_base, missing,
                                account.missing_rates, not_live)

    def values(self) -> list[AccountLiveValue]:
        return [self.value(a.account_id) for a in self.book.accounts]

    def total(self, values: list[AccountLiveValue] | None = None) -> PortfolioTotal:
        """The total in base currency, with the accounts it could not count named (``values``: the
        caller's own :meth:`values`, not worked out twice)."""
        return portfolio_total(self.book.base_currency, (
            Part(v.name, v.value, v.currency, v.value_base, v.missing_prices, v.missing_rates)
            for v in (self.values() if values is None else values)))

    def total_base(self) -> Decimal | None:
        """The total's amount; None only before there is an account to value."""
        return self.total().amount if self.book.accounts else None

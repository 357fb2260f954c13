"""What an account is worth, and what the portfolio is worth: one definition for every view.

The Accounts view, the Dashboard's live value, Holdings' total and the history's anchor for today
all value an account here, so they agree to the cent on the same data:

- cash is every balance plus cash-like positions, each converted to the account's currency;
- a position is worth quantity x price (its own currency, converted), else the value the
  provider reported; with neither it is *missing* and named, never 0;
- a conversion without a rate is *missing* and named (``CHF/USD``), never 1.0.

An account's value is rounded to cents in its own currency (its statement's figure), then
converted and rounded to cents in the base currency; the portfolio's total is the sum of those,
leaving out (and naming) the accounts that have no rate to the base currency. An account worth
exactly zero needs no rate: an empty account in a new currency leaves every total whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from clera_desktop.core.money import CENT, hand_out, round_cents
from clera_desktop.models.enums import SecurityType
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.totals import in_base, pair_name

ZERO = Decimal(0)


class HeldPosition(Protocol):
    @property
    def symbol(self) -> str: ...
    @property
    def quantity(self) -> Decimal: ...
    @property
    def price(self) -> Decimal | None: ...
    @property
    def market_value(self) -> Decimal | None: ...
    @property
    def currency(self) -> str: ...
    @property
    def security_type(self) -> SecurityType: ...


class CashBalance(Protocol):
    @property
    def currency(self) -> str: ...
    @property
    def cash(self) -> Decimal | None: ...


@dataclass(frozen=True, slots=True)
class Worth:
    """An account's worth in its own currency (exact), with what could not be counted."""

    currency: str
    cash: Decimal
    positions: Decimal  # the positions that could be valued
    missing_prices: tuple[str, ...] = ()
    missing_rates: tuple[str, ...] = ()
    #: symbol -> rate from the symbol's currency to the account's (absent: the same currency)
    conversions: dict[str, Decimal] = field(default_factory=dict)
    #: symbol -> value (account currency) of a position priced only by its reported value
    unpriced_values: dict[str, Decimal] = field(default_factory=dict)
    #: each currency's cash (balances and cash-like positions), converted to the account's currency
    cash_by_currency: dict[str, Decimal] = field(default_factory=dict)
    #: each position counted, with its value in the account's currency (what ``positions`` adds up)
    valued: list[tuple[HeldPosition, Decimal]] = field(default_factory=list)

    @property
    def value(self) -> Decimal:
        return self.cash + self.positions

    @property
    def complete(self) -> bool:
        return not (self.missing_prices or self.missing_rates)


def account_worth(currency: str, positions: Iterable[HeldPosition], balances: Iterable[CashBalance],
                  rates: RateBook) -> Worth:
    cash = ZERO
    held = ZERO
    missing_prices: list[str] = []
    missing_rates: set[str] = set()
    conversions: dict[str, Decimal] = {}
    unpriced: dict[str, Decimal] = {}

    cash_by_currency: dict[str, Decimal] = {}
    valued: list[tuple[HeldPosition, Decimal]] = []

    def add_cash(amount: Decimal, source: str) -> Decimal:
        if source != currency:
            fx = rates.latest(source, currency)
            if fx is None:
                missing_rates.add(pair_name(source, currency))
                return ZERO
            amount *= fx.rate
        cash_by_currency[source] = cash_by_currency.get(source, ZERO) + amount
        return amount

    for balance in balances:
        if balance.cash is not None:
            cash += add_cash(balance.cash, balance.currency)
    for position in positions:
        if position.security_type is SecurityType.CASH:
            cash += add_cash(position.market_value if position.market_value is not None else position.quantity,
                             position.currency)
            continue
        if position.currency != currency:
            fx = rates.latest(position.currency, currency)
            if fx is None:
                missing_rates.add(pair_name(position.currency, currency))
                continue
            conversions[position.symbol] = fx.rate
        factor = conversions.get(position.symbol, Decimal(1))
        if position.price is not None:
            value = position.quantity * position.price * factor
        elif position.market_value is not None:
            value = unpriced[position.symbol] = position.market_value * factor
        else:
            if position.quantity:
                missing_prices.append(position.symbol)
            continue
        held += value
        valued.append((position, value))
    return Worth(currency, cash, held, tuple(sorted(missing_prices)), tuple(sorted(missing_rates)), conversions,
                 unpriced, cash_by_currency, valued)


def base_value(value: Decimal, currency: str, base: str, rates: RateBook) -> Decimal | None:
    """``in_base`` with the rate looked up; a zero needs none."""
    if not value:
        return ZERO
    fx = rates.latest(currency, base)
    return None if fx is None else in_base(value, fx.rate)


def share_out(total: Decimal, parts: list[Decimal]) -> list[Decimal]:
    """``parts`` (exact) to whole cents that add up to ``total`` (whole cents): each rounded, and the
    cents rounding left over given one at a time to the largest parts first."""
    shares = [round_cents(part) for part in parts]
    return hand_out(shares, int((total - sum(shares, ZERO)) / CENT), parts, CENT)


def cash_pieces(worth: Worth) -> list[tuple[str, Decimal]]:
    """The account's non-zero cash by currency, in the order :func:`base_shares` shares them."""
    return [(source, amount) for source, amount in sorted(worth.cash_by_currency.items()) if amount]


def base_shares(worth: Worth, rate: Decimal) -> list[Decimal]:
    """The account's value in the base currency (:func:`~totals.in_base`, what every total counts)
    shared out in whole cents: one share per valued position (``worth.valued``'s order), then one
    per :func:`cash_pieces`. Any view that adds pieces (Holdings, Allocation) meets the total."""
    parts = [value * rate for _, value in worth.valued] + [amount * rate for _, amount in cash_pieces(worth)]
    return share_out(in_base(worth.value, rate) if worth.value else ZERO, parts)

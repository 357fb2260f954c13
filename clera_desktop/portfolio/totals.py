"""Totals across accounts, in one currency, naming what they could not count.

Free of the store (no SQLAlchemy), so the window's first frame can total the last session's
accounts before the data stack is even imported; :mod:`worth` values each account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from clera_desktop.core.money import format_money, round_cents
from clera_desktop.models.domain import AccountValue

ZERO = Decimal(0)


def pair_name(source: str, target: str) -> str:
    """How a missing pair is named to the person: ``CHF/USD``."""
    return f"{source}/{target}"


def in_base(value: Decimal, rate: Decimal) -> Decimal:
    """An account's value in the base currency: its own cents, converted, to the cent."""
    return round_cents(round_cents(value) * rate)


@dataclass(frozen=True, slots=True)
class Part:
    """One account's share of a total."""

    name: str
    value: Decimal  # own currency
    currency: str
    value_base: Decimal | None  # None: no rate to the base currency
    missing_prices: tuple[str, ...] = ()
    missing_rates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PortfolioTotal:
    """The sum of the accounts that could be converted, and what was not counted, by name."""

    currency: str
    amount: Decimal
    left_out: tuple[str, ...] = ()  # accounts without a rate: "House fund (1,000.00 CHF): no CHF/USD rate"
    partial: tuple[str, ...] = ()  # counted accounts with something missing: "Questrade TFSA: no price for XYZ"

    @property
    def complete(self) -> bool:
        return not (self.left_out or self.partial)

    def note(self) -> str:
        """One sentence for the person, empty when the total is whole."""
        said = []
        if self.left_out:
            said.append("Not included: " + "; ".join(self.left_out) + ". Import a rate with File \u203a Import CSV.")
        if self.partial:
            said.append("Incomplete: " + "; ".join(self.partial) + ".")
        return " ".join(said)


def portfolio_total(base: str, parts: Iterable[Part]) -> PortfolioTotal:
    amount = ZERO
    left_out, partial = [], []
    for part in parts:
        if part.value_base is None:
            left_out.append(f"{part.name} ({format_money(round_cents(part.value), part.currency)}): no "
                            f"{pair_name(part.currency, base)} rate")
            continue
        amount += part.value_base
        missing = [f"no price for {', '.join(part.missing_prices)}"] if part.missing_prices else []
        missing += [f"no {pair} rate" for pair in part.missing_rates]
        if missing:
            partial.append(f"{part.name}: {', '.join(missing)}")
    return PortfolioTotal(base, amount, tuple(left_out), tuple(partial))


def total_of(values: Iterable[AccountValue], base: str) -> PortfolioTotal:
    """The portfolio's total over these accounts (the figure every view shows)."""
    return portfolio_total(base, (Part(v.name, v.total or ZERO, v.currency, v.total_base, v.missing_prices,
                                       v.missing_rates) for v in values))

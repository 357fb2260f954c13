"""Health rules ("X-ray"): is too much of the portfolio in one position, one institution, one
currency, or in cash? Each rule has a threshold the person sets; a rule that fails names what
causes it, largest first.

Weights are of the portfolio total every view shows (accounts' values in the base currency,
cash included). What could not be valued (no price or no rate) is in no weight and is said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from clera_desktop.core.money import round_figure
from clera_desktop.core.words import said
from clera_desktop.portfolio.allocation import Allocation, AllocationBook
from clera_desktop.portfolio.classification import Dimension

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CAUSES_NAMED = 3


class Rule(StrEnum):
    POSITION = "position"
    INSTITUTION = "institution"
    CURRENCY = "currency"
    CASH = "cash"

    @property
    def label(self) -> str:
        return {"position": "One position", "institution": "One institution", "currency": "One currency",
                "cash": "Cash"}[self.value]

    @property
    def setting_key(self) -> str:
        """Where the person's threshold is kept (app_settings)."""
        return f"health_{self.value}_percent"


#: Percent of the portfolio above which a rule fails, until the person sets their own.
DEFAULT_THRESHOLDS: Mapping[Rule, Decimal] = {Rule.POSITION: Decimal(20), Rule.INSTITUTION: Decimal(60),
                                              Rule.CURRENCY: Decimal(80), Rule.CASH: Decimal(20)}


@dataclass(frozen=True, slots=True)
class Exposure:
    name: str
    value: Decimal  # base currency
    weight: Decimal  # percent of the total
    causes: tuple[str, ...] = ()  # what makes it up, largest first (at most CAUSES_NAMED)


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    threshold: Decimal  # percent
    largest: Exposure | None  # None: nothing to weigh
    over: tuple[Exposure, ...]  # each exposure above the threshold, largest first

    @property
    def passed(self) -> bool:
        return not self.over

    def sentence(self, base: str) -> str:
        """What the person reads: the rule, the largest exposure, and what causes a failure."""
        def pct(value: Decimal) -> str:
            return f"{round_figure(value, 1)}%"

        rule = said(self.rule.label)  # its own words (ui/words.LABELS)
        if self.largest is None:
            return said("{rule} over {threshold}: nothing to weigh yet.", rule=rule, threshold=pct(self.threshold))
        if self.passed:
            return said("{rule} over {threshold}: none. Largest: {name}, {weight}.", rule=rule,
                        threshold=pct(self.threshold), name=self.largest.name, weight=pct(self.largest.weight))
        parts = []
        for exposure in self.over:
            causes = f" ({', '.join(exposure.causes)})" if exposure.causes else ""
            parts.append(f"{exposure.name} {pct(exposure.weight)}{causes}")
        return said("{rule} over {threshold}: {exposures}.", rule=rule, threshold=pct(self.threshold),
                    exposures="; ".join(parts))


@dataclass(frozen=True, slots=True)
class HealthReport:
    base_currency: str
    total: Decimal | None
    results: tuple[RuleResult, ...]
    note: str = ""  # what is in no weight (the portfolio total's own note)


def check_health(book: AllocationBook, thresholds: Mapping[Rule, Decimal] = DEFAULT_THRESHOLDS) -> HealthReport:
    """The rules over every account in ``book``: the same pieces, to the cent, as the Allocation view."""
    by_class = book.split(Dimension.ASSET_CLASS)
    total = by_class.total
    note = ("Left out (no price or no exchange rate): " + ", ".join(by_class.left_out) + ".") if by_class.left_out else ""
    if total <= 0:
        return HealthReport(book.base, total, tuple(RuleResult(rule, thresholds[rule], None, ()) for rule in Rule), note)
    exposures = {
        Rule.POSITION: _positions(book, total),
        Rule.INSTITUTION: _slices(book.split(Dimension.INSTITUTION), total, with_cash=False),
        Rule.CURRENCY: _slices(book.split(Dimension.CURRENCY), total, with_cash=True),
        Rule.CASH: _cash(book, total),
    }
    results = []
    for rule in Rule:
        ranked = sorted(exposures[rule], key=lambda e: e.value, reverse=True)
        threshold = thresholds.get(rule, DEFAULT_THRESHOLDS[rule])
        results.append(RuleResult(rule, threshold, ranked[0] if ranked else None,
                                  tuple(e for e in ranked if e.weight > threshold)))
    return HealthReport(book.base, total, tuple(results), note)


def _weight(value: Decimal, total: Decimal) -> Decimal:
    return value / total * HUNDRED


def _largest(named: Mapping[str, Decimal]) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(named.items(), key=lambda item: item[1], reverse=True)[:CAUSES_NAMED])


def _positions(book: AllocationBook, total: Decimal) -> list[Exposure]:
    """One exposure per symbol, across its accounts (and currencies); cash is the cash rule's."""
    values: dict[str, Decimal] = defaultdict(Decimal)
    accounts: dict[str, set[str]] = defaultdict(set)
    for holding in book.holdings():
        if holding.symbol is not None:
            values[holding.symbol] += holding.value
            accounts[holding.symbol].update(holding.accounts)
    return [Exposure(symbol, value, _weight(value, total), tuple(sorted(accounts[symbol])))
            for symbol, value in values.items()]


def _slices(allocation: Allocation, total: Decimal, *, with_cash: bool) -> list[Exposure]:
    """Each slice, caused by its largest holdings ("cash" among them where ``with_cash``)."""
    exposures = []
    for piece in allocation.slices:
        inside: dict[str, Decimal] = defaultdict(Decimal)
        for holding in piece.holdings:
            if holding.symbol is not None or with_cash:
                inside[holding.symbol or "cash"] += holding.value
        exposures.append(Exposure(piece.name, piece.value, _weight(piece.value, total), _largest(inside)))
    return exposures


def _cash(book: AllocationBook, total: Decimal) -> list[Exposure]:
    """All the cash together, caused by the accounts holding the most."""
    by_account: dict[str, Decimal] = defaultdict(Decimal)
    for piece in book.pieces:
        if piece.symbol is None:
            by_account[book.accounts[piece.account_id].name] += piece.value
    if not by_account:
        return []
    cash = sum(by_account.values(), ZERO)
    return [Exposure("Cash", cash, _weight(cash, total), _largest(by_account))]

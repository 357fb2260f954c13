"""Health rules ("X-ray"): is too much of the portfolio in one position, one institution, one
currency, or in cash? Each rule has a threshold the person sets; a rule that fails names what
causes it, largest first.

Weights are of the portfolio total every view shows (accounts' values in the base currency,
cash included). What could not be valued (no price or no rate) is in no weight and is said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from clera_desktop.models.domain import AccountValue
from clera_desktop.portfolio.holdings import HoldingRow, HoldingsSnapshot

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
            return f"{value.quantize(Decimal('0.1'))}%"

        if self.largest is None:
            return f"{self.rule.label} over {pct(self.threshold)}: nothing to weigh yet."
        if self.passed:
            return (f"{self.rule.label} over {pct(self.threshold)}: none. Largest: {self.largest.name}, "
                    f"{pct(self.largest.weight)}.")
        parts = []
        for exposure in self.over:
            causes = f" ({', '.join(exposure.causes)})" if exposure.causes else ""
            parts.append(f"{exposure.name} {pct(exposure.weight)}{causes}")
        return f"{self.rule.label} over {pct(self.threshold)}: {'; '.join(parts)}."


@dataclass(frozen=True, slots=True)
class HealthReport:
    base_currency: str
    total: Decimal | None
    results: tuple[RuleResult, ...]
    note: str = ""  # what is in no weight (the portfolio total's own note)


def check_health(accounts: Iterable[AccountValue], holdings: HoldingsSnapshot,
                 thresholds: Mapping[Rule, Decimal] = DEFAULT_THRESHOLDS) -> HealthReport:
    accounts = list(accounts)
    base = holdings.base_currency
    portfolio = holdings.portfolio
    total = portfolio.amount if portfolio is not None else None
    note = portfolio.note() if portfolio is not None else ""
    if not total or total <= 0:
        return HealthReport(base, total, tuple(RuleResult(rule, thresholds[rule], None, ()) for rule in Rule), note)
    exposures = {
        Rule.POSITION: _positions(holdings.rows, total),
        Rule.INSTITUTION: _institutions(accounts, holdings.rows, total),
        Rule.CURRENCY: _currencies(accounts, holdings.rows, total),
        Rule.CASH: _cash(accounts, total),
    }
    results = []
    for rule in Rule:
        ranked = sorted(exposures[rule], key=lambda e: e.value, reverse=True)
        threshold = thresholds.get(rule, DEFAULT_THRESHOLDS[rule])
        results.append(RuleResult(rule, threshold, ranked[0] if ranked else None,
                                  tuple(e for e in ranked if e.weight > threshold)))
    return HealthReport(base, total, tuple(results), note)


def _weight(value: Decimal, total: Decimal) -> Decimal:
    return value / total * HUNDRED


def _rate(account: AccountValue) -> Decimal | None:
    """The account's own currency to the base, as its value was converted."""
    if account.total_base is None or not account.total:
        return None
    return account.total_base / account.total


def _by_account(rows: Iterable[HoldingRow]) -> dict[str, list[tuple[str, Decimal]]]:
    """Each account's holdings, (symbol, base value), from the aggregated rows' breakdown."""
    held: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    for row in rows:
        if row.market_value_base is None or not row.market_value:
            continue
        rate = row.market_value_base / row.market_value
        for part in row.accounts:
            if part.market_value is not None:
                held[part.account_id].append((row.symbol, part.market_value * rate))
    return held


def _largest(named: Mapping[str, Decimal]) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(named.items(), key=lambda item: item[1], reverse=True)[:CAUSES_NAMED])


def _positions(rows: Iterable[HoldingRow], total: Decimal) -> list[Exposure]:
    return [Exposure(row.symbol, row.market_value_base, _weight(row.market_value_base, total),
                     tuple(sorted({part.account_name for part in row.accounts})))
            for row in rows if row.market_value_base is not None]


def _institutions(accounts: list[AccountValue], rows: Iterable[HoldingRow], total: Decimal) -> list[Exposure]:
    held = _by_account(rows)
    values: dict[str, Decimal] = defaultdict(Decimal)
    inside: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for account in accounts:
        if account.total_base is None:
            continue
        values[account.institution] += account.total_base
        for symbol, value in held.get(account.account_id, ()):
            inside[account.institution][symbol] += value
    return [Exposure(name, value, _weight(value, total), _largest(inside[name])) for name, value in values.items()]


def _currencies(accounts: list[AccountValue], rows: Iterable[HoldingRow], total: Decimal) -> list[Exposure]:
    values: dict[str, Decimal] = defaultdict(Decimal)
    inside: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for row in rows:
        if row.market_value_base is not None:
            values[row.currency] += row.market_value_base
            inside[row.currency][row.symbol] += row.market_value_base
    for account in accounts:
        rate = _rate(account)
        if rate is not None and account.cash:
            values[account.currency] += account.cash * rate
            inside[account.currency]["cash"] += account.cash * rate
    return [Exposure(name, value, _weight(value, total), _largest(inside[name])) for name, value in values.items()]


def _cash(accounts: list[AccountValue], total: Decimal) -> list[Exposure]:
    by_account: dict[str, Decimal] = {}
    for account in accounts:
        rate = _rate(account)
        if rate is not None and account.cash:
            by_account[account.name] = account.cash * rate
    value = sum(by_account.values(), ZERO)
    return [Exposure("Cash", value, _weight(value, total), _largest(by_account))] if by_account else []

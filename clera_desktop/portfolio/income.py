"""Dividends and interest across accounts: by day, month and year, by source over the trailing
twelve months against the twelve before, and the next twelve projected from what is still held.

Gross is what was paid before the fee and the tax withheld from it (as the history counts
income); net is what reached the account. Every figure is in the base currency, converted as the
history converts a day's income: an account's payments of one day together, to the cent, at that
day's rate (so a year here and the Performance report's income for it agree to the cent). The
converted cents are shared out among the day's sources, so the sources add up to the headline.
A payment without any stored rate to the base currency is left out of every total and named
(never converted at 1.0).

The store does the summing (SQL ``GROUP BY`` over the dividends and interest only, in integer
millionths, so no float reaches a figure); Python converts what is left: one row per day for the
base currency, one per account and day for another currency. A million activities open in a
fraction of a second this way (bench/income_bench.py), where a Python loop over every payment took
seconds. Amounts are exact to six decimal places below a thousand million, more than any payment.

The projection is said to be one: for each holding still held, what it paid in the last twelve
months; for each account, its interest in the last twelve months. No dividend announcement is
known to the app, so nothing else is assumed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from clera_desktop.core.money import divide_rounded, hand_out
from clera_desktop.portfolio.lots import months_later

ZERO = Decimal(0)
MICRO = 1_000_000  # the store sums amounts in millionths
MICRO_PER_CENT = MICRO // 100


def to_decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


@dataclass(frozen=True, slots=True)
class Converter:
    """One rate as an exact fraction: millionths in its currency to cents in the base."""

    numerator: int
    denominator: int

    @classmethod
    def of(cls, rate: Decimal) -> Converter:
        numerator, denominator = rate.as_integer_ratio()
        return cls(numerator, denominator)

    def total(self, micro: int) -> int:
        """As the history converts an account's day: its own cents first, then the rate, to the cent (half up)."""
        return divide_rounded(divide_rounded(micro, MICRO_PER_CENT) * self.numerator, self.denominator)

    def share_out(self, parts: list[int]) -> list[int]:
        """``parts`` (millionths) converted, each to the cent, summing to :meth:`total` of their sum:
        the cent or two rounding leaves over goes to the largest parts first."""
        shares = [divide_rounded(part * self.numerator, MICRO_PER_CENT * self.denominator) for part in parts]
        return hand_out(shares, self.total(sum(parts)) - sum(shares), parts, 1)


@dataclass(frozen=True, slots=True)
class Amounts:
    """Gross, tax withheld and fees, in base-currency cents."""

    gross: int = 0
    tax: int = 0
    fee: int = 0
    payments: int = 0

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(self.gross + other.gross, self.tax + other.tax, self.fee + other.fee,
                       self.payments + other.payments)

    @property
    def net(self) -> int:
        return self.gross - self.tax - self.fee


@dataclass(frozen=True, slots=True)
class SourceIncome:
    """One holding's (or one account's interest) income over the trailing twelve months, in the base currency."""

    kind: str  # "dividend" or "interest"
    symbol: str | None  # None: interest on cash
    accounts: tuple[str, ...]
    net: Decimal
    tax: Decimal
    payments: int
    last_paid: date
    projected: Decimal  # the next twelve months, if still held (0 when no longer held)


@dataclass(frozen=True)
class IncomeReport:
    base_currency: str
    today: date
    days: Mapping[date, Amounts]  # the counted payments of each day
    sources: tuple[SourceIncome, ...]  # over the trailing twelve months, the biggest first
    left_out: Mapping[str, int] = field(default_factory=dict)  # "CHF->USD": payments with no rate

    @property
    def payments(self) -> int:
        """How many payments the figures count."""
        return sum(a.payments for a in self.days.values())

    @property
    def missing_rates(self) -> tuple[str, ...]:
        return tuple(sorted(self.left_out))

    def _sum(self, after: date, through: date) -> Amounts:
        return sum((a for day, a in self.days.items() if after < day <= through), Amounts())

    def trailing_twelve_months(self) -> tuple[Decimal, Decimal]:
        """(net, tax) of the last twelve months, today included."""
        total = self._sum(*twelve_months(self.today))
        return to_decimal(total.net), to_decimal(total.tax)

    def twelve_months_before(self) -> tuple[Decimal, Decimal]:
        total = self._sum(*twelve_months(self.today, 12))
        return to_decimal(total.net), to_decimal(total.tax)

    def year_over_year(self) -> Decimal | None:
        now, _ = self.trailing_twelve_months()
        before, _ = self.twelve_months_before()
        return None if not before else now / before - 1

    @cached_property
    def _monthly(self) -> dict[str, Amounts]:
        """Each month's sums, worked out once per report (the reader thread warms it: services/income.py)."""
        sums: dict[str, Amounts] = defaultdict(Amounts)
        for day, amounts in self.days.items():
            key = f"{day:%Y-%m}"
            sums[key] = sums[key] + amounts
        return dict(sums)

    def by_month(self, months: int = 24) -> list[tuple[str, Decimal, Decimal]]:
        """("2026-11", net, tax) for each of the last ``months`` months, oldest first (empty months as 0)."""
        sums = self._monthly
        keys = [f"{months_later(self.today, -n):%Y-%m}" for n in range(months - 1, -1, -1)]
        empty = Amounts()
        return [(key, to_decimal(sums.get(key, empty).net), to_decimal(sums.get(key, empty).tax)) for key in keys]

    @cached_property
    def _yearly(self) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        years: dict[int, Amounts] = defaultdict(Amounts)
        for day, amounts in self.days.items():
            years[day.year] = years[day.year] + amounts
        return [(year, to_decimal(a.gross), to_decimal(a.tax), to_decimal(a.net))
                for year, a in sorted(years.items(), reverse=True)]

    def by_year(self) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        """(year, gross, tax, net), newest first (gross less tax and fees is net)."""
        return list(self._yearly)

    def warmed(self) -> IncomeReport:
        """The report with its months and years worked out (on the reader thread, not the window's)."""
        _ = self._monthly, self._yearly
        return self

    def by_source(self) -> list[SourceIncome]:
        return list(self.sources)

    def projected_next_twelve_months(self) -> Decimal:
        return sum((s.projected for s in self.sources), ZERO)


def twelve_months(today: date, months_back: int = 0) -> tuple[date, date]:
    """(after, through): the twelve months ending ``months_back`` months before ``today``."""
    end = months_later(today, -months_back)
    return months_later(end, -12), end


# ---- reading the store ---------------------------------------------------------------------------

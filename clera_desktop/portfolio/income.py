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

# ruff: noqa: S608 - the SQL here is composed of this module's own constants; every value is bound
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from clera_desktop.core.money import divide_rounded, hand_out
from clera_desktop.portfolio.lots import months_later
from clera_desktop.portfolio.rates import RateBook

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

def _micro(column: str) -> str:
    return f"coalesce(CAST(round(CAST(a.{column} AS REAL) * {MICRO}) AS INTEGER), 0)"


#: Each payment (gross, tax withheld, fee), and each TAX line of a holding: the tax withheld from its
#: dividends when the brokerage reports it apart (SnapTrade's TAX, Plaid's "non-resident tax",
#: Alpaca's DIVNRA...). Such a line adds to the tax and takes from the net, never from the gross
#: (the dividend line itself says what was paid), and is no payment of its own (``paid`` 0).
_PAYMENTS = f"""
    SELECT a.account_id, a.trade_date, a.currency, CASE WHEN a.type = 'tax' THEN 'dividend' ELSE a.type END AS type,
           a.symbol,
           CASE WHEN a.type = 'tax' THEN 0 ELSE {_micro('amount')} + {_micro('fee')} + {_micro('tax')} END AS gross,
           CASE WHEN a.type = 'tax' THEN -{_micro('amount')} ELSE {_micro('tax')} END AS tax,
           CASE WHEN a.type = 'tax' THEN 0 ELSE {_micro('fee')} END AS fee,
           CASE WHEN a.type = 'tax' THEN 0 ELSE 1 END AS paid
    FROM activities a
    WHERE a.type IN ('dividend', 'interest', 'tax') AND (a.type != 'tax' OR a.symbol IS NOT NULL)
      AND a.trade_date <= :today AND +a.account_id IN (SELECT id FROM accounts WHERE is_active = 1)
"""
#: ``+``: not the (account, day) index but the payments' own, which covers every column summed.
_ONLY_ACCOUNTS = " AND +a.account_id IN :accounts"
_SUB_CENT = " OR ".join(f"{column} % {MICRO_PER_CENT} != 0" for column in ("gross", "tax", "fee"))


def income_report(session: Session, base: str, today: date, book: RateBook | None = None,
                  account_ids: Collection[str] | None = None) -> IncomeReport:
    """Every payment up to ``today`` in the active accounts (or ``account_ids`` of them)."""
    rates = _Converters(base, book or RateBook.from_store(session))
    params: dict[str, object] = {"today": today.isoformat(), "base": base,
                                 "after": twelve_months(today)[0].isoformat()}
    if account_ids is not None:
        params["accounts"] = list(account_ids)

    def run(sql: str) -> Iterable[Any]:
        statement = text(sql)
        if account_ids is not None:
            statement = statement.bindparams(bindparam("accounts", expanding=True))
        return session.execute(statement, params)

    payments = _PAYMENTS + (_ONLY_ACCOUNTS if account_ids is not None else "")
    # The base currency by day: the same as by account and day while every amount is in whole
    # cents (rounding an account's day changes nothing then); else by account and day, as the rest.
    days: dict[date, Amounts] = defaultdict(Amounts)
    whole_cents = True
    for day, gross, tax, fee, count, sub_cent in run(
            f"SELECT trade_date, sum(gross), sum(tax), sum(fee), sum(paid), max({_SUB_CENT}) FROM ({payments}) "
            "WHERE currency = :base GROUP BY trade_date"):
        whole_cents = whole_cents and not sub_cent
        days[date.fromisoformat(day)] += Amounts(gross // MICRO_PER_CENT, tax // MICRO_PER_CENT, fee // MICRO_PER_CENT,
                                                 count)
    if not whole_cents:
        days.clear()
    each_day = "currency != :base" if whole_cents else "1 = 1"
    left_out: dict[str, int] = defaultdict(int)
    for _account, day, currency, gross, tax, fee, count in run(
            f"SELECT account_id, trade_date, currency, sum(gross), sum(tax), sum(fee), sum(paid) FROM ({payments}) "
            f"WHERE {each_day} GROUP BY trade_date, account_id, currency"):
        paid = date.fromisoformat(day)
        converter = rates.on(currency, paid)
        if converter is None:
            left_out[f"{currency}->{base}"] += count
            continue
        days[paid] += Amounts(converter.total(gross), converter.total(tax), converter.total(fee), count)
    names: dict[str, str] = dict(session.execute(text("SELECT id, name FROM accounts")).all())
    sources = _sources(run, payments, each_day, rates, names)
    return IncomeReport(base, today, dict(days), sources, dict(left_out))


@dataclass
class _Source:
    kind: str
    symbol: str | None
    accounts: set[str] = field(default_factory=set)
    amounts: Amounts = field(default_factory=Amounts)
    last_paid: date = date.min
    projected: int = 0  # net cents of the accounts that still hold it


@dataclass(frozen=True, slots=True)
class _Part:
    """One source's payments in one account, of one day (another currency) or of the whole window."""

    kind: str
    symbol: str | None
    account_id: str
    account: str
    last: date
    still_paying: bool
    gross: int
    tax: int
    fee: int
    count: int


def _sources(run: Callable[[str], Iterable[Any]], payments: str, each_day: str, rates: _Converters,
             names: Mapping[str, str]) -> tuple[SourceIncome, ...]:
    """Each holding across accounts, and each account's interest, over the trailing twelve months.
    A day converted as a whole (another currency) is shared out among its sources."""
    held = ("EXISTS (SELECT 1 FROM positions p WHERE p.account_id = t.account_id AND p.symbol = t.symbol "
            "AND CAST(p.quantity AS REAL) > 0)")
    rows = run(f"""
        SELECT type, CASE WHEN type = 'dividend' THEN symbol END AS source, account_id, currency,
               CASE WHEN {each_day} THEN trade_date END AS day, sum(gross), sum(tax), sum(fee), sum(paid),
               coalesce(max(CASE WHEN paid = 1 THEN trade_date END), max(trade_date)),
               max(CASE WHEN type = 'interest' THEN 1 ELSE {held} END)
        FROM ({payments}) t WHERE trade_date > :after
        GROUP BY type, source, account_id, currency, day""")
    found: dict[tuple[str, str | None, str], _Source] = {}

    def add(part: _Part, gross: int, tax: int, fee: int) -> None:
        key = (part.kind, part.symbol, part.account_id if part.symbol is None else "")
        source = found.setdefault(key, _Source(part.kind, part.symbol))
        source.accounts.add(part.account)
        source.amounts += Amounts(gross, tax, fee, part.count)
        source.last_paid = max(source.last_paid, part.last)
        if part.still_paying:
            source.projected += gross - tax - fee

    by_day: dict[tuple[str, str, str], list[_Part]] = defaultdict(list)
    for kind, symbol, account_id, currency, day, gross, tax, fee, count, last, still in rows:
        part = _Part(kind, symbol, account_id, names.get(account_id, account_id), date.fromisoformat(last), bool(still),
                     gross, tax, fee, count)
        if day is None:  # the base currency in whole cents: nothing to convert or share out
            add(part, gross // MICRO_PER_CENT, tax // MICRO_PER_CENT, fee // MICRO_PER_CENT)
        else:
            by_day[(account_id, day, currency)].append(part)
    for (_account, day, currency), parts in by_day.items():
        converter = rates.on(currency, date.fromisoformat(day))
        if converter is None:
            continue  # named in the report's left_out
        grosses = converter.share_out([p.gross for p in parts])
        taxes = converter.share_out([p.tax for p in parts])
        fees = converter.share_out([p.fee for p in parts])
        for n, part in enumerate(parts):
            add(part, grosses[n], taxes[n], fees[n])
    result = [SourceIncome(s.kind, s.symbol, tuple(sorted(s.accounts)), to_decimal(s.amounts.net),
                           to_decimal(s.amounts.tax), s.amounts.payments, s.last_paid, to_decimal(s.projected))
              for s in found.values()]
    return tuple(sorted(result, key=lambda s: (-s.net, s.symbol or "", s.accounts)))


class _Converters:
    """Each currency's converter of each day, from the rate book's rate of that day."""

    def __init__(self, base: str, book: RateBook) -> None:
        self._base = base
        self._book = book
        self._known: dict[tuple[str, date], Converter | None] = {}

    def on(self, currency: str, day: date) -> Converter | None:
        key = (currency, day)
        if key not in self._known:
            rate = Decimal(1) if currency == self._base else self._book.rate_on(currency, self._base, day)
            self._known[key] = None if rate is None else Converter.of(rate)
        return self._known[key]

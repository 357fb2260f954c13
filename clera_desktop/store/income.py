"""The store reads behind portfolio/income.py (its computations stay pure there)."""

# ruff: noqa: S608 - the SQL here is composed of this module's own constants; every value is bound

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from clera_desktop.portfolio.income import (
    MICRO,
    MICRO_PER_CENT,
    Amounts,
    Converter,
    IncomeReport,
    SourceIncome,
    to_decimal,
    twelve_months,
)
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.store.rates import rate_book


# The SQL here is understood alike by SQLite and PostgreSQL: DOUBLE PRECISION is both one's 64-bit
# float (REAL is PostgreSQL's 32-bit one), BIGINT both one's 64-bit integer, and a boolean is a CASE.
def _micro(column: str) -> str:
    return f"coalesce(CAST(round(CAST(a.{column} AS DOUBLE PRECISION) * {MICRO}) AS BIGINT), 0)"


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
      AND a.trade_date <= :today AND a.account_id || '' IN (SELECT id FROM accounts WHERE is_active)
"""


#: ``|| ''``: not the (account, day) index but the payments' own, which covers every column summed.
_ONLY_ACCOUNTS = " AND a.account_id || '' IN :accounts"


_SUB_CENT = "CASE WHEN " + " OR ".join(f"{column} % {MICRO_PER_CENT} != 0" for column in ("gross", "tax", "fee")) + \
    " THEN 1 ELSE 0 END"


def income_report(session: Session, base: str, today: date, book: RateBook | None = None,
                  account_ids: Collection[str] | None = None) -> IncomeReport:
    """Every payment up to ``today`` in the active accounts (or ``account_ids`` of them)."""
    rates = _Converters(base, book or rate_book(session))
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
            f"SELECT trade_date, sum(gross), sum(tax), sum(fee), sum(paid), max({_SUB_CENT}) FROM ({payments}) p "
            "WHERE currency = :base GROUP BY trade_date"):
        whole_cents = whole_cents and not sub_cent
        days[_day(day)] += Amounts(int(gross) // MICRO_PER_CENT, int(tax) // MICRO_PER_CENT,
                                   int(fee) // MICRO_PER_CENT, int(count))
    if not whole_cents:
        days.clear()
    each_day = "currency != :base" if whole_cents else "1 = 1"
    left_out: dict[str, int] = defaultdict(int)
    for _account, day, currency, gross, tax, fee, count in run(
            f"SELECT account_id, trade_date, currency, sum(gross), sum(tax), sum(fee), sum(paid) FROM ({payments}) p "
            f"WHERE {each_day} GROUP BY trade_date, account_id, currency"):
        paid = _day(day)
        gross, tax, fee, count = int(gross), int(tax), int(fee), int(count)
        converter = rates.on(currency, paid)
        if converter is None:
            left_out[f"{currency}->{base}"] += count
            continue
        days[paid] += Amounts(converter.total(gross), converter.total(tax), converter.total(fee), count)
    names: dict[str, str] = dict(session.execute(text("SELECT id, name FROM accounts")).all())
    sources = _sources(run, payments, each_day, rates, names)
    return IncomeReport(base, today, dict(days), sources, dict(left_out))


def _day(value: str | date) -> date:
    """A day as text SQL gives it back: SQLite's ISO text, PostgreSQL's date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


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
            "AND CAST(p.quantity AS DOUBLE PRECISION) > 0)")
    rows = run(f"""
        SELECT type, CASE WHEN type = 'dividend' THEN symbol END AS source, account_id, currency,
               CASE WHEN {each_day} THEN trade_date END AS day, sum(gross), sum(tax), sum(fee), sum(paid),
               coalesce(max(CASE WHEN paid = 1 THEN trade_date END), max(trade_date)),
               max(CASE WHEN type = 'interest' OR {held} THEN 1 ELSE 0 END)
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

    by_day: dict[tuple[str, date, str], list[_Part]] = defaultdict(list)
    for kind, symbol, account_id, currency, day, gross, tax, fee, count, last, still in rows:
        gross, tax, fee, count = int(gross), int(tax), int(fee), int(count)  # PostgreSQL sums BIGINT to NUMERIC
        part = _Part(kind, symbol, account_id, names.get(account_id, account_id), _day(last), bool(still),
                     gross, tax, fee, count)
        if day is None:  # the base currency in whole cents: nothing to convert or share out
            add(part, gross // MICRO_PER_CENT, tax // MICRO_PER_CENT, fee // MICRO_PER_CENT)
        else:
            by_day[(account_id, _day(day), currency)].append(part)
    for (_account, day, currency), parts in by_day.items():
        converter = rates.on(currency, day)
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

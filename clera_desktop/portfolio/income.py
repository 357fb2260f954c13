"""Dividends and interest across accounts: by month, year, symbol and account, the trailing twelve
months against the twelve before, and the next twelve projected from what is still held.

Each payment as the history counts income: gross is what was paid before the fee and the tax
withheld from it; net is what reached the account. Converted to the base currency at the rate of
the day it was paid; a payment without a stored rate keeps its own currency, is left out of the
base totals and is named (never converted at 1.0). Every base amount is rounded to the cent once,
per payment; every total is a sum of those.

The projection is said to be one: for each holding still held, what it paid in the last twelve
months; for each account, its interest in the last twelve months. No dividend announcement is
known to the app, so nothing else is assumed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.enums import ActivityType
from clera_desktop.models.tables import Account, Activity, Position
from clera_desktop.portfolio.gains import cents
from clera_desktop.portfolio.history_store import FxTable
from clera_desktop.portfolio.lots import months_later

ZERO = Decimal(0)
RateOn = Callable[[str, str, date], Decimal | None]


@dataclass(frozen=True, slots=True)
class Payment:
    day: date
    account_id: str
    account: str
    symbol: str | None  # None: interest on cash
    kind: str  # "dividend" or "interest"
    currency: str
    gross: Decimal
    tax: Decimal
    fee: Decimal
    net_base: Decimal | None  # None: no stored rate to the base currency
    tax_base: Decimal | None
    missing_rate: str | None = None

    @property
    def net(self) -> Decimal:
        return self.gross - self.tax - self.fee


@dataclass(frozen=True, slots=True)
class SourceIncome:
    """One holding's (or one account's interest) income over the trailing twelve months."""

    symbol: str | None
    accounts: tuple[str, ...]
    net: Decimal  # base currency
    tax: Decimal
    payments: int
    last_paid: date
    projected: Decimal  # the next twelve months, if still held (0 when no longer held)


@dataclass(frozen=True)
class IncomeReport:
    base_currency: str
    today: date
    payments: tuple[Payment, ...]
    held: frozenset[tuple[str, str]]  # (account id, symbol) still held
    active_accounts: frozenset[str]

    @property
    def counted(self) -> list[Payment]:
        return [p for p in self.payments if p.net_base is not None]

    @property
    def missing_rates(self) -> tuple[str, ...]:
        return tuple(sorted({p.missing_rate for p in self.payments if p.missing_rate}))

    def _window(self, months_back: int, months_span: int = 12) -> tuple[date, date]:
        """(first day, last day) of the ``months_span`` months ending ``months_back`` months before today."""
        end = months_later(self.today, -months_back)
        return months_later(end, -months_span), end

    def _sum(self, start: date, end: date) -> tuple[Decimal, Decimal]:
        inside = [p for p in self.counted if start < p.day <= end]
        return sum((p.net_base or ZERO for p in inside), ZERO), sum((p.tax_base or ZERO for p in inside), ZERO)

    def trailing_twelve_months(self) -> tuple[Decimal, Decimal]:
        """(net, tax) of the last twelve months, today included."""
        return self._sum(*self._window(0))

    def twelve_months_before(self) -> tuple[Decimal, Decimal]:
        return self._sum(*self._window(12))

    def year_over_year(self) -> Decimal | None:
        now, _ = self.trailing_twelve_months()
        before, _ = self.twelve_months_before()
        return None if not before else now / before - 1

    def by_month(self, months: int = 24) -> list[tuple[str, Decimal, Decimal]]:
        """("2026-11", net, tax) for each of the last ``months`` months, oldest first (empty months as 0)."""
        sums: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
        for p in self.counted:
            key = f"{p.day:%Y-%m}"
            sums[key][0] += p.net_base or ZERO
            sums[key][1] += p.tax_base or ZERO
        keys = [f"{months_later(self.today, -n):%Y-%m}" for n in range(months - 1, -1, -1)]
        return [(key, sums[key][0], sums[key][1]) for key in keys]

    def by_year(self) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        """(year, gross, tax, net) in the base currency, newest first."""
        years: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
        for p in self.counted:
            years[p.day.year][0] += p.net_base or ZERO
            years[p.day.year][1] += p.tax_base or ZERO
        return [(year, net + tax, tax, net) for year, (net, tax) in sorted(years.items(), reverse=True)]

    def by_source(self) -> list[SourceIncome]:
        """Each paying holding (and each account's interest) over the trailing twelve months,
        with the projection for the next twelve; the biggest first."""
        start, end = self._window(0)
        groups: dict[tuple[str | None, str], list[Payment]] = defaultdict(list)
        for p in self.counted:
            if start < p.day <= end:
                groups[(p.symbol, p.account_id if p.symbol is None else "")].append(p)
        result = []
        for (symbol, _account), paid in groups.items():
            net = sum((p.net_base or ZERO for p in paid), ZERO)
            tax = sum((p.tax_base or ZERO for p in paid), ZERO)
            still = [p for p in paid if (p.account_id, p.symbol or "") in self.held or
                     (p.symbol is None and p.account_id in self.active_accounts)]
            projected = sum((p.net_base or ZERO for p in still), ZERO)
            result.append(SourceIncome(symbol, tuple(sorted({p.account for p in paid})), net, tax, len(paid),
                                       max(p.day for p in paid), projected))
        return sorted(result, key=lambda s: s.net, reverse=True)

    def projected_next_twelve_months(self) -> Decimal:
        return sum((s.projected for s in self.by_source()), ZERO)


def income_report(session: Session, base: str, today: date, rate_on: RateOn | None = None) -> IncomeReport:
    rate = rate_on or FxTable(session).rate_on
    rows = session.execute(
        select(Activity.trade_date, Activity.account_id, Account.name, Activity.symbol, Activity.type, Activity.amount,
               Activity.fee, Activity.tax, Activity.currency)
        .join(Account, Account.id == Activity.account_id)
        .where(Account.is_active.is_(True), Activity.type.in_([ActivityType.DIVIDEND, ActivityType.INTEREST]),
               Activity.trade_date <= today)
        .order_by(Activity.trade_date)).all()
    payments = list(_payments((cast(PaymentRow, tuple(row)) for row in rows), base, rate))
    held = frozenset(session.execute(select(Position.account_id, Position.symbol).join(
        Account, Account.id == Position.account_id).where(Account.is_active.is_(True), Position.quantity > 0)).tuples())
    active = frozenset(session.scalars(select(Account.id).where(Account.is_active.is_(True))))
    return IncomeReport(base, today, tuple(payments), held, active)


PaymentRow = tuple[date, str, str, str | None, ActivityType, Decimal | None, Decimal | None, Decimal | None, str]


def _payments(rows: Iterable[PaymentRow], base: str, rate_on: RateOn) -> Iterable[Payment]:
    for day, account_id, name, symbol, kind, amount, paid_fee, withheld, currency in rows:
        fee, tax = paid_fee or ZERO, withheld or ZERO
        net = amount or ZERO
        gross = net + fee + tax
        if currency == base:
            rate: Decimal | None = Decimal(1)
        else:
            rate = rate_on(currency, base, day)
        missing = None if rate is not None else f"{currency}->{base}"
        yield Payment(day, account_id, name, symbol, "interest" if kind is ActivityType.INTEREST else "dividend",
                      currency, gross, tax, fee, None if rate is None else cents(net * rate),
                      None if rate is None else cents(tax * rate), missing)

"""Dividends and interest across accounts: by month, year, symbol and account, the trailing twelve
months against the twelve before, and the next twelve projected from what is still held.

Each payment as the history counts income: gross is what was paid before the fee and the tax
withheld from it; net is what reached the account. Converted to the base currency at the rate of
the day it was paid; a payment without a stored rate keeps its own currency, is left out of the
base totals and is named (never converted at 1.0). An account's payments of one day are converted
together, to the cent, as the history converts that day's income (so a year here and the
Performance report's income for it agree to the cent); the cents are then shared out among the
day's payments, so every total here, by month, year or source, is a sum of the same shares.

The projection is said to be one: for each holding still held, what it paid in the last twelve
months; for each account, its interest in the last twelve months. No dividend announcement is
known to the app, so nothing else is assumed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.enums import ActivityType
from clera_desktop.models.tables import Account, Activity, Position
from clera_desktop.portfolio.gains import CENT, cents
from clera_desktop.portfolio.history_store import FxTable
from clera_desktop.portfolio.lots import months_later
from clera_desktop.portfolio.totals import in_base

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
    gross_base: Decimal | None  # None: no stored rate to the base currency
    tax_base: Decimal | None
    fee_base: Decimal | None
    missing_rate: str | None = None

    @property
    def net(self) -> Decimal:
        return self.gross - self.tax - self.fee

    @property
    def net_base(self) -> Decimal | None:
        if self.gross_base is None or self.tax_base is None or self.fee_base is None:
            return None
        return self.gross_base - self.tax_base - self.fee_base


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
        """(year, gross, tax, net) in the base currency, newest first (gross less tax and fees is net)."""
        years: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
        for p in self.counted:
            years[p.day.year][0] += p.gross_base or ZERO
            years[p.day.year][1] += p.tax_base or ZERO
            years[p.day.year][2] += p.net_base or ZERO
        return [(year, gross, tax, net) for year, (gross, tax, net) in sorted(years.items(), reverse=True)]

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


def income_report(session: Session, base: str, today: date, rate_on: RateOn | None = None,
                  account_ids: Collection[str] | None = None) -> IncomeReport:
    """Every payment up to ``today`` in the active accounts (or ``account_ids`` of them)."""
    rate = rate_on or FxTable(session).rate_on
    accounts = [Account.is_active.is_(True)]
    if account_ids is not None:
        accounts.append(Account.id.in_(list(account_ids)))
    rows = session.execute(
        select(Activity.trade_date, Activity.account_id, Account.name, Activity.symbol, Activity.type, Activity.amount,
               Activity.fee, Activity.tax, Activity.currency)
        .join(Account, Account.id == Activity.account_id)
        .where(*accounts, Activity.type.in_([ActivityType.DIVIDEND, ActivityType.INTEREST]),
               Activity.trade_date <= today)
        .order_by(Activity.trade_date)).all()
    payments = payments_in_base((cast(PaymentRow, tuple(row)) for row in rows), base, rate)
    held = frozenset((account_id, symbol) for account_id, symbol in session.execute(
        select(Position.account_id, Position.symbol).join(Account, Account.id == Position.account_id)
        .where(*accounts, Position.quantity > 0)))
    active = frozenset(session.scalars(select(Account.id).where(*accounts)))
    return IncomeReport(base, today, tuple(payments), held, active)


PaymentRow = tuple[date, str, str, str | None, ActivityType, Decimal | None, Decimal | None, Decimal | None, str]


def payments_in_base(rows: Iterable[PaymentRow], base: str, rate_on: RateOn) -> list[Payment]:
    """Each payment with its share of its account's day, converted (see the module's docstring)."""
    days: dict[tuple[str, date, str], list[PaymentRow]] = defaultdict(list)
    for row in rows:
        days[(row[1], row[0], row[8])].append(row)
    payments = []
    for (_account, day, currency), paid in days.items():
        rate = Decimal(1) if currency == base else rate_on(currency, base, day)
        grosses = [(amount or ZERO) + (fee or ZERO) + (tax or ZERO) for *_, amount, fee, tax, _c in paid]
        taxes = [tax or ZERO for *_, tax, _c in paid]
        fees = [fee or ZERO for *_, fee, _t, _c in paid]
        shares: list[list[Decimal | None]] = [[None] * len(paid) for _ in range(3)]
        if rate is not None:
            shares = [share_out(in_base(sum(parts, ZERO), rate), parts, rate) for parts in (grosses, taxes, fees)]
        for n, (_day, account_id, name, symbol, kind, _amount, _fee, _tax, _currency) in enumerate(paid):
            payments.append(Payment(day, account_id, name, symbol,
                                    "interest" if kind is ActivityType.INTEREST else "dividend", currency,
                                    grosses[n], taxes[n], fees[n], shares[0][n], shares[1][n], shares[2][n],
                                    None if rate is not None else f"{currency}->{base}"))
    return sorted(payments, key=lambda p: p.day)


def share_out(total: Decimal, parts: list[Decimal], rate: Decimal) -> list[Decimal | None]:
    """``total`` (whole cents) as one share per part: each part converted to the cent, the cents
    left over (a cent or two from rounding) given to the largest parts first."""
    shares = [cents(part * rate) for part in parts]
    step = CENT if total > sum(shares, ZERO) else -CENT
    order = sorted(range(len(parts)), key=lambda n: abs(parts[n]), reverse=True)
    for n in (order * 100)[:int(abs(total - sum(shares, ZERO)) / CENT)]:
        shares[n] += step
    return list(shares)

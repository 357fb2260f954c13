"""History as a service: fetch the closes and rates history needs, rebuild, report returns.

Closes come from Alpaca's daily bars (the sandbox in demo) for every symbol an account ever
held; only days not stored yet are fetched. Rates come from the FX source for each account
currency against the base currency, from the first activity on.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.core.errors import CleraError, RejectedInput
from clera_desktop.core.money import round_cents
from clera_desktop.core.settings import Settings
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import SecurityType
from clera_desktop.models.queries import app_setting
from clera_desktop.models.tables import (
    Account,
    Activity,
    DailyPrice,
    FxRate,
    Position,
)
from clera_desktop.models.upserts import drop_app_setting, put_app_setting, upsert_rows
from clera_desktop.portfolio.benchmark import SETTING_KEY as BENCHMARK_KEY
from clera_desktop.portfolio.benchmark import Benchmark, BenchmarkRun, FlowDay, Prices
from clera_desktop.portfolio.benchmark import parse as parse_benchmark
from clera_desktop.portfolio.benchmark import run as run_benchmark
from clera_desktop.portfolio.returns import DailyPoint, Metrics, metrics
from clera_desktop.portfolio.risk import RiskFigures, risk_figures
from clera_desktop.portfolio.totals import in_base
from clera_desktop.services.gains_store import GainBreakdown, RecordsReader, gain_breakdown
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.history import HistoryState, SnapshotRow, read_state, snapshot_rows
from clera_desktop.store.kept_reads import KeptReads
from clera_desktop.store.rates import rate_book

if TYPE_CHECKING:  # the report needs no provider SDK: a command line's report starts without them
    from clera_desktop.providers.alpaca import AlpacaClient
    from clera_desktop.providers.registry import ProviderRegistry

log = logging.getLogger(__name__)
BAR_CHUNK = 50


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    day: date
    value: Decimal
    invested: Decimal  # the value the day before the range, plus the net deposits since: the value with no gain
    growth: Decimal | None = None  # time-weighted return since the range began (the report's TWR on its last day)


@dataclass(frozen=True, slots=True)
class AccountReport:
    id: str
    name: str
    currency: str
    metrics: Metrics


@dataclass(frozen=True, slots=True)
class Report:
    """Each account in its own currency; the total in ``base_currency``, without the accounts
    whose currency has no rate (``left_out``, named with the ``missing_rates``)."""

    base_currency: str
    start: date
    end: date
    accounts: tuple[AccountReport, ...]
    total: Metrics
    missing_rates: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()
    gains: GainBreakdown | None = None  # the total's realised and unrealised gain over the range
    risk: RiskFigures | None = None  # the total's volatility, deepest fall, best and worst day

    @property
    def complete(self) -> bool:
        return not self.missing_rates

    def as_json(self) -> dict[str, object]:
        return {"base_currency": self.base_currency, "from": self.start.isoformat(), "to": self.end.isoformat(),
                "accounts": [{"id": a.id, "name": a.name, "currency": a.currency, **a.metrics.as_json()}
                             for a in self.accounts],
                "total": {**self.total.as_json(), "complete": self.complete, "missing_rates": list(self.missing_rates),
                          "left_out": list(self.left_out), **self._gains_json(),
                          "risk": None if self.risk is None else self.risk.as_json()}}

    def _gains_json(self) -> dict[str, object]:
        if self.gains is None:
            return {}
        change = self.gains.unrealised_change
        return {"realised_gain": format(self.gains.realised, "f"),
                "unrealised_gain_change": None if change is None else format(change, "f"),
                "gains_left_out": list(self.gains.left_out)}


class HistoryService:
    def __init__(self, database: Database, settings: Callable[[], Settings],
                 registry: Callable[[], ProviderRegistry]) -> None:
        self._database = database
        self._settings = settings
        self._registry = registry
        self._kept = KeptReads()  # each account's days and records, read again only when they moved

    async def update(self) -> list[str]:
        """Fetch missing closes and rates, then rebuild every account whose inputs changed."""
        clock = self._settings().clock
        today = clock.today()
        await self._fetch_closes(today)
        await self._fetch_rates(today)
        return await self._database.write(lambda s: bring_up_to_date(s, clock))

    async def _fetch_closes(self, today: date) -> None:
        alpaca = self._registry().alpaca
        if alpaca is None:
            return
        wanted = await self._database.read(lambda s: _price_needs(s, today))
        by_start: dict[date, list[str]] = defaultdict(list)
        for symbol, (start, currency) in wanted.items():
            if start <= today and currency == "USD":  # Alpaca's bars cover US listings only
                by_start[start].append(symbol)
        currency_of = {s: c for s, (_d, c) in wanted.items()}
        for start, symbols in sorted(by_start.items()):
            for i in range(0, len(symbols), BAR_CHUNK):
                chunk = symbols[i:i + BAR_CHUNK]
                closes = await _closes(alpaca, chunk, start, today)
                rows = [{"symbol": s, "date": d, "close": c, "currency": currency_of[s], "source": "alpaca"}
                        for s, series in closes.items() for d, c in series]
                if rows:
                    await self._database.write(functools.partial(
                        upsert_rows, model=DailyPrice, rows=rows, keys=["symbol", "date"], ignore=()))

    async def _fetch_rates(self, today: date) -> None:
        fx = self._registry().fx
        if fx is None:
            return
        base = self._settings().base_currency
        needs = await self._database.read(lambda s: _rate_needs(s, base, today))
        for currency, start in needs.items():
            if start > today:
                continue
            try:
                quotes = await fx.series(currency, [base], start, today)
            except CleraError as error:
                log.warning("FX history %s/%s unavailable: %s", currency, base, error)
                continue
            rows = [{"base": q.base, "quote": q.quote, "rate": q.rate, "as_of": q.as_of, "source": "ecb"} for q in quotes]
            if rows:
                await self._database.write(functools.partial(
                    upsert_rows, model=FxRate, rows=rows, keys=["base", "quote", "as_of"], ignore=()))

    # ---- reading ---------------------------------------------------------------------------------

    def today(self) -> date:
        return self._settings().clock.today()

    async def report(self, *, account_ids: list[str] | None = None, start: date | None = None,
                     end: date | None = None) -> Report:
        return (await self.overview(account_ids, start, end))[1]

    async def overview(self, account_ids: list[str] | None, start: date | None,
                       end: date | None) -> tuple[list[SeriesPoint], Report]:
        """The chart's days (:func:`series_of`) and :meth:`report` of the same range in one read (the
        days are summed once)."""
        settings = self._settings()
        base, today = settings.base_currency, settings.clock.today()

        def read(session: Session) -> tuple[list[SeriesPoint], Report]:
            ids = _account_ids(session, account_ids)
            rows = self._kept.days(session, ids, end)
            combined = combined_points(session, base, ids, None, end, rows)
            report = build_report(session, base, account_ids, start, end, today=today, stored=(rows, combined),
                                  records=self._kept.records)
            return series_of(combined.points, start), report

        return await self._database.read(read)

    # ---- the benchmark ------------------------------------------------------------------------------

    async def chosen_benchmark(self) -> Benchmark | None:
        """The benchmark the person chose last (kept in the store), if any."""
        return await self._database.read(_kept_benchmark)

    async def choose_benchmark(self, text: str) -> Benchmark | None:
        """Keep ``text`` (a symbol or a blend) as the benchmark; empty text: none. A text that is not
        one raises :class:`CleraError` saying how to write it, and keeps the last choice."""
        chosen = parse_benchmark(text) if text.strip() else None
        now = self._settings().clock.now()

        def write(session: Session) -> None:
            if chosen is None:
                drop_app_setting(session, BENCHMARK_KEY)
            else:
                put_app_setting(session, BENCHMARK_KEY, chosen.text, now=now)

        await self._database.write(write)
        if chosen is not None:  # its closes, when it was never held: fetched now, kept for next time
            await self._fetch_closes(self.today())
        return chosen

    async def benchmark(self, benchmark: Benchmark, account_ids: list[str] | None, start: date | None,
                        end: date | None) -> BenchmarkRun:
        """``benchmark`` over the range, beside the same accounts' days (portfolio/benchmark.py)."""
        base = self._settings().base_currency

        def read(session: Session) -> BenchmarkRun:
            ids = _account_ids(session, account_ids)
            points = combined_points(session, base, ids, None, end, self._kept.days(session, ids, end)).points
            before = [p for p in points if start is not None and p.day < start]
            days = [FlowDay(p.day, p.value, p.flow_in, p.flow_out) for p in points[len(before):]]
            start_value = before[-1].value if before else Decimal(0)
            first = start or (days[0].day if days else date.max)
            day_before = first - timedelta(days=1)  # as the range's own figures count from it
            return run_benchmark(benchmark, benchmark_prices(session, benchmark.symbols, base), days, start_value,
                                 day_before)

        return await self._database.read(read)

    async def states(self) -> dict[str, HistoryState | None]:
        def read(session: Session) -> dict[str, HistoryState | None]:
            return {a: read_state(session, a) for a in session.scalars(select(Account.id).where(Account.is_active.is_(True)))}

        return await self._database.read(read)


async def _closes(alpaca: AlpacaClient, symbols: list[str], start: date,
                  end: date) -> dict[str, list[tuple[date, Decimal]]]:
    """Bars for a chunk; when the feed refuses the chunk (one symbol it does not list), ask for
    each symbol alone so one unknown listing never costs the others their history."""
    try:
        return await alpaca.daily_closes(symbols, start, end)
    except RejectedInput:
        if len(symbols) == 1:
            log.info("no daily closes for %s from Alpaca", symbols[0])
            return {}
    except CleraError as error:
        log.warning("daily closes for %s unavailable: %s", ", ".join(symbols), error)
        return {}
    found: dict[str, list[tuple[date, Decimal]]] = {}
    for symbol in symbols:
        found.update(await _closes(alpaca, [symbol], start, end))
    return found


def _price_needs(session: Session, today: date) -> dict[str, tuple[date, str]]:
    """Symbol -> (first day still missing, currency) for everything ever held."""
    with_symbol = Activity.symbol.is_not(None)
    first_trade: dict[str, date] = {symbol: day for symbol, day in session.execute(
        select(Activity.symbol, func.min(Activity.trade_date)).where(with_symbol).group_by(Activity.symbol)) if symbol}
    currency = {symbol: code for symbol, code in session.execute(select(Activity.symbol, Activity.currency).where(with_symbol))
                if symbol}
    for symbol, position_currency, kind in session.execute(select(Position.symbol, Position.currency, Position.security_type)):
        if kind is not SecurityType.CASH:
            currency[symbol] = position_currency
            first_trade.setdefault(symbol, today - timedelta(days=7))
    stored = dict(session.execute(select(DailyPrice.symbol, func.max(DailyPrice.date)).group_by(DailyPrice.symbol)).all())
    needs = {s: ((stored[s] + timedelta(days=1)) if s in stored else first, currency.get(s, "USD"))
             for s, first in first_trade.items()}
    benchmark = _kept_benchmark(session)
    if benchmark is not None:  # the benchmark's closes from the first day anything was held
        earliest = min(first_trade.values(), default=today - timedelta(days=365))
        since = dict(session.execute(select(DailyPrice.symbol, func.min(DailyPrice.date))
                                     .where(DailyPrice.symbol.in_(benchmark.symbols)).group_by(DailyPrice.symbol)).all())
        for symbol in benchmark.symbols:
            if symbol not in since or since[symbol] > earliest + timedelta(days=7):  # held later than that: fill in
                needs[symbol] = (earliest, currency.get(symbol, "USD"))
    return needs


def _kept_benchmark(session: Session) -> Benchmark | None:
    row = app_setting(session, BENCHMARK_KEY)
    if row is None:
        return None
    try:
        return parse_benchmark(row.value)
    except CleraError:
        log.warning("the kept benchmark %r is not one; none is shown", row.value)
        return None


def benchmark_prices(session: Session, symbols: tuple[str, ...], base: str) -> dict[str, Prices]:
    """Each symbol's stored closes in ``base``, each at its day's rate (a close without a rate is
    left out: the benchmark is then missing, never converted 1:1)."""
    fx = rate_book(session)
    closes: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    for symbol, day, close, currency in session.execute(
            select(DailyPrice.symbol, DailyPrice.date, DailyPrice.close, DailyPrice.currency)
            .where(DailyPrice.symbol.in_(symbols))):
        rate = fx.rate_on(currency, base, day)
        if rate is not None:
            closes[symbol].append((day, close * rate))
    return {symbol: Prices(closes.get(symbol, [])) for symbol in symbols}


def _rate_needs(session: Session, base: str, today: date) -> dict[str, date]:
    firsts = dict(session.execute(select(Activity.currency, func.min(Activity.trade_date)).group_by(Activity.currency)).all())
    for currency in session.scalars(select(Account.currency)):
        firsts.setdefault(currency, today - timedelta(days=7))
    stored = {code: (low, high) for code, low, high in session.execute(
        select(FxRate.base, func.min(FxRate.as_of), func.max(FxRate.as_of)).where(FxRate.quote == base)
        .group_by(FxRate.base))}

    def start(code: str, first: date) -> date:
        """From the first day needed, unless the stored rates reach back to it (a sync's rate of
        today alone does not: the days before it were once valued at today's rate)."""
        low, high = stored.get(code, (None, None))
        return max(high + timedelta(days=1), first) if low is not None and high is not None and low <= first else first

    return {c: start(c, d) for c, d in firsts.items() if c != base}


def _account_ids(session: Session, wanted: list[str] | None) -> list[str]:
    active = list(session.scalars(select(Account.id).where(Account.is_active.is_(True)).order_by(Account.name)))
    return active if wanted is None else [a for a in active if a in wanted]


def account_points(rows: list[SnapshotRow]) -> list[DailyPoint]:
    """One account's days, in its own currency (its transfers to the person's other accounts are flows here)."""
    return [DailyPoint(d, v, f, i, out, fees, taxes) for d, v, f, i, out, _internal, fees, taxes in rows]


@dataclass(frozen=True, slots=True)
class Combined:
    """Accounts summed per day in one currency; what could not be converted is named, not guessed."""

    points: list[DailyPoint]
    missing_rates: tuple[str, ...] = ()  # "CHF/USD": pairs with no recorded rate at all
    left_out: tuple[str, ...] = ()  # the accounts those pairs kept out of the total

    @property
    def complete(self) -> bool:
        return not self.missing_rates


def combined_points(session: Session, base: str, account_ids: list[str], start: date | None,
                    end: date | None, rows_by_account: dict[str, list[SnapshotRow]] | None = None) -> Combined:
    """Accounts summed per day in ``base``, each converted with that day's rate (the last one
    recorded on or before it). An account in a currency with no rate at all is left out and named:
    its value added 1:1 would be a wrong number that looks right. Days before an account's first
    rate are unknown in the total, never valued at a later rate: the total starts after them, and
    says so. Transfers between the person's own accounts are flows for each account, not for the total."""
    fx = rate_book(session)
    accounts = {a.id: a for a in session.scalars(select(Account).where(Account.id.in_(account_ids)))}
    zero = Decimal(0)
    totals: dict[date, list[Decimal]] = {}
    missing: set[str] = set()
    left_out: list[str] = []
    unknown_through: date | None = None  # the last day some account's value has no rate to the base
    stored = snapshot_rows(session, account_ids, end) if rows_by_account is None else rows_by_account
    for account_id in account_ids:
        account = accounts[account_id]
        rows = stored[account_id]
        if account.currency != base and fx.rate_on(account.currency, base, date.max) is None:
            if any(any(row[1:]) for row in rows):  # an account that never held anything needs no rate
                missing.add(f"{account.currency}/{base}")
                left_out.append(account.name)
            continue
        same = account.currency == base
        for day, value, flow, income, out, internal, fees, taxes in rows:
            rate = None if same else fx.rate_on(account.currency, base, day)
            if not same and rate is None:  # before the pair's first rate: this day of the total is unknown
                if any((value, flow, income, out, internal, fees, taxes)):
                    unknown_through = day if unknown_through is None else max(unknown_through, day)
                    missing.add(f"{account.currency}/{base} before {day + timedelta(days=1)}")
                continue
            external_in, external_out = flow + out, out
            if internal:  # a move between the person's own accounts is no flow of the total
                external_in -= max(internal, zero)
                external_out -= max(-internal, zero)
            slot = totals.get(day)
            if slot is None:
                slot = totals[day] = [zero] * 6
            amounts: tuple[Decimal, ...] = (value, external_in, external_out, income, fees, taxes)
            if rate is not None:  # each account to the cent, as every view counts it (its own days are in cents already)
                amounts = tuple(in_base(amount, rate) for amount in amounts)
            for n in range(6):
                slot[n] += amounts[n]
    if unknown_through is not None:
        totals = {day: sums for day, sums in totals.items() if day > unknown_through}
    days = sorted(totals)
    if days:  # an account whose history starts later contributes nothing before it: fill the calendar
        filled: dict[date, list[Decimal]] = {}
        day = days[0]
        while day <= days[-1]:
            filled[day] = totals.get(day, [zero] * 6)
            day += timedelta(days=1)
        totals = filled
    points = [DailyPoint(d, round_cents(v), round_cents(i - o), round_cents(inc), round_cents(o), round_cents(fees),
                         round_cents(taxes))
              for d, (v, i, o, inc, fees, taxes) in sorted(totals.items()) if start is None or d >= start]
    return Combined(points, tuple(sorted(missing)), tuple(left_out))


def series_of(points: list[DailyPoint], start: date | None) -> list[SeriesPoint]:
    """The chart's days from ``start``: value, what the money in would be worth with no gain (the
    value the day before ``start`` plus the net deposits since: its gap to the value is the range's
    gain), growth since ``start``."""
    running = Decimal(0)
    result: list[SeriesPoint] = []
    growth, previous, linked = Decimal(1), Decimal(0), False
    for p in points:
        if start is not None and p.day < start:
            previous = p.value
            continue
        if not result:
            running = previous  # the range begins with what was there the day before it
        running += p.flow
        basis = previous + p.flow_in  # linked as returns.time_weighted links them
        if basis > 0:
            growth *= (p.value + p.flow_out) / basis
            linked = True
        previous = p.value
        result.append(SeriesPoint(p.day, p.value, running, growth - 1 if linked else None))
    return result


def _range_metrics(points: list[DailyPoint], start: date | None, end: date | None,
                   today: date) -> tuple[Metrics, date, date]:
    if not points:
        last = end or today
        return metrics([], start_value=Decimal(0), start_day=start or last), start or last, last
    first = start or points[0].day
    last = end or points[-1].day
    before = [p for p in points if p.day < first]
    inside = [p for p in points if first <= p.day <= last]
    start_value = before[-1].value if before else Decimal(0)
    return metrics(inside, start_value=start_value, start_day=first - timedelta(days=1)), first, last


def build_report(session: Session, base: str, account_ids: list[str] | None, start: date | None,
                 end: date | None, *, today: date,
                 stored: tuple[dict[str, list[SnapshotRow]], Combined] | None = None,
                 records: RecordsReader | None = None) -> Report:
    """``stored``: the accounts' days and their sum, read already (by :meth:`HistoryService.overview`);
    ``records``: how the gains read the activity records (:func:`gain_breakdown`)."""
    ids = _account_ids(session, account_ids)
    names: dict[str, str] = {}
    currencies: dict[str, str] = {}
    for account_id, name, code in session.execute(select(Account.id, Account.name, Account.currency)):
        names[account_id], currencies[account_id] = name, code
    if stored is None:  # a range needs its days and the value of the day before (each account's days are every day)
        rows = snapshot_rows(session, ids, end, None if start is None else start - timedelta(days=1))
        combined = combined_points(session, base, ids, None, end, rows)
    else:
        rows, combined = stored
    total, first, last = _range_metrics(combined.points, start, end, today)
    accounts = []
    for account_id in ids:
        account_metrics, _, _ = _range_metrics(account_points(rows[account_id]), first, last, today)
        accounts.append(AccountReport(account_id, names[account_id], currencies[account_id], account_metrics))
    gains = gain_breakdown(session, base, first, last, ids, records)
    before = [p for p in combined.points if p.day < first]
    inside = [p for p in combined.points if first <= p.day <= last]
    risk = risk_figures(inside, before[-1].value if before else Decimal(0))
    return Report(base, first, last, tuple(accounts), total, combined.missing_rates, combined.left_out, gains, risk)

"""Lots and gains against the store: each account's activities replayed by its own method.

Read-only; runs on a worker thread (the database's reader). Settings that shape the figures:
``lot_method`` (the default) and ``lot_method:<account>`` (store/manual.py's
:func:`lot_method`), and ``long_term_months`` (how long a holding must be held to be long-term).
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.models.tables import Account, Activity, AppSetting, FxRate
from clera_desktop.portfolio.gains import AccountLots, GainsReport, cents, is_sheltered, realised_gains
from clera_desktop.portfolio.history import ActivityRecord, PriceTable, price_on, split_ratios
from clera_desktop.portfolio.lots import LONG_TERM_MONTHS, LotBook, build_lots
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.store.history import closes_on, internal_transfers, load_records, records_by_account
from clera_desktop.store.manual import lot_method
from clera_desktop.store.rates import rate_book

LONG_TERM_KEY = "long_term_months"
#: Reads accounts' activity records (None: every account), given the internal transfers' ids.
RecordsReader = Callable[[Session, Collection[str] | None, Collection[int]], Mapping[str, list[ActivityRecord]]]


def long_term_months(session: Session) -> int:
    row = session.get(AppSetting, LONG_TERM_KEY)
    try:
        months = int(row.value) if row is not None else LONG_TERM_MONTHS
    except ValueError:
        return LONG_TERM_MONTHS
    return months if 0 <= months <= 600 else LONG_TERM_MONTHS


def account_lots(session: Session, account_ids: Collection[str] | None = None,
                 records_of: Callable[[str], list[ActivityRecord]] | None = None) -> list[AccountLots]:
    """Every active account's lots (or those of ``account_ids``), in the accounts' name order;
    ``records_of`` reads an account's activities (a caller that needs them again passes a cached one)."""
    query = (select(Account.id, Account.name, Account.currency, Account.account_type)
             .where(Account.is_active.is_(True)).order_by(Account.name))
    if account_ids is not None:
        query = query.where(Account.id.in_(sorted(account_ids)))
    if records_of is None:
        internal = internal_transfers(session)
        records_of = functools.partial(load_records, session, internal=internal)
    result = []
    for account_id, name, currency, account_type in session.execute(query).all():
        method = lot_method(session, account_id)
        book = build_lots(records_of(account_id), method)
        result.append(AccountLots(account_id, name, currency, method, book, is_sheltered(account_type)))
    return result


def gains_report(session: Session, base: str, start: date, end: date,
                 account_ids: Collection[str] | None = None) -> GainsReport:
    rates = rate_book(session)
    return realised_gains(account_lots(session, account_ids), base, start, end, rates.rate_on,
                          long_term_months(session))


class GainsCache:
    """Replayed lots and finished reports, kept while what they come from is unchanged.

    Opening the Gains view on 200,000 activities would otherwise read and replay them all each
    time (6 s in bench/gains_bench.py). An account's lots are kept while its activities (count
    and newest id), its method, name, currency and type are the same; a report while those and
    the stored rates and the long-term period are. The window's service also empties the cache
    on every announced change to activities, accounts or gains settings (an activity edited in
    place keeps its count and id). Safe from several reader threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._books: dict[str, tuple[tuple[object, ...], AccountLots]] = {}
        self._reports: dict[tuple[object, ...], GainsReport] = {}

    def clear(self, account_ids: Collection[str] | None = None) -> None:
        """Forget the lots of ``account_ids`` (None: of every account) and every finished report."""
        with self._lock:
            if account_ids is None:
                self._books.clear()
            for account_id in account_ids or ():
                self._books.pop(account_id, None)
            self._reports.clear()

    def account_lots(self, session: Session, account_ids: Collection[str] | None = None) -> list[AccountLots]:
        return [lots for _key, lots in self._keyed_lots(session, account_ids)]

    def _keyed_lots(self, session: Session,
                    account_ids: Collection[str] | None) -> list[tuple[tuple[object, ...], AccountLots]]:
        activity = {account: (count, newest) for account, count, newest in session.execute(
            select(Activity.account_id, func.count(Activity.id), func.max(Activity.id)).group_by(Activity.account_id))}
        query = (select(Account.id, Account.name, Account.currency, Account.account_type)
                 .where(Account.is_active.is_(True)).order_by(Account.name))
        if account_ids is not None:
            query = query.where(Account.id.in_(sorted(account_ids)))
        rows = []
        for account_id, name, currency, account_type in session.execute(query).all():
            method = lot_method(session, account_id)
            key = (activity.get(account_id), method, name, currency, account_type)
            with self._lock:
                known = self._books.get(account_id)
            rows.append((account_id, name, currency, account_type, method, key,
                         known if known is not None and known[0] == key else None))
        stale = [account_id for account_id, *_, known in rows if known is None]
        records = records_by_account(session, stale) if stale else {}  # the changed accounts' activities, one read
        result = []
        for account_id, name, currency, account_type, method, key, known in rows:
            if known is None:
                book = build_lots(records.get(account_id, []), method)
                known = (key, AccountLots(account_id, name, currency, method, book, is_sheltered(account_type)))
                with self._lock:
                    self._books[account_id] = known
            result.append(known)
        return result

    def report(self, session: Session, base: str, start: date, end: date,
               account_ids: Collection[str] | None = None) -> GainsReport:
        keyed = self._keyed_lots(session, account_ids)
        rates = session.execute(select(func.count(FxRate.id), func.max(FxRate.id))).one()
        months = long_term_months(session)
        key = (base, start, end, tuple(k for k, _ in keyed), tuple(a.account_id for _, a in keyed), tuple(rates), months)
        with self._lock:
            known = self._reports.get(key)
        if known is None:
            known = realised_gains([a for _, a in keyed], base, start, end, rate_book(session).rate_on, months)
            with self._lock:
                self._reports[key] = known
        return known


@dataclass(frozen=True, slots=True)
class GainBreakdown:
    """A range's gain split the way a tax office and a person think of it, in the base currency:
    what sales realised, and how the open lots' unrealised gain moved. With the range's income,
    fees and taxes they add up to its gain (value at the end, less at the start, less net
    deposits) where every cost, price and rate is known and no shares moved in or out by transfer
    (a transfer's carried-in gain arrives as unrealised, not as the range's gain)."""

    realised: Decimal
    unrealised_start: Decimal | None  # at the end of the day before the range
    unrealised_end: Decimal | None
    left_out: tuple[str, ...] = ()  # accounts whose lots have an unknown cost, price or rate

    @property
    def unrealised_change(self) -> Decimal | None:
        if self.unrealised_start is None or self.unrealised_end is None:
            return None
        return self.unrealised_end - self.unrealised_start


def gain_breakdown(session: Session, base: str, start: date, end: date, account_ids: Collection[str] | None = None,
                   read_records: RecordsReader | None = None) -> GainBreakdown:
    """``read_records``: how to read the accounts' activity records (:func:`records_by_account`, or a reader
    that keeps them between reads)."""
    rates = rate_book(session)
    stored = (read_records or records_by_account)(session, account_ids, internal_transfers(session))  # one read, used twice
    accounts = account_lots(session, account_ids, lambda account_id: stored.get(account_id, []))
    report = realised_gains(accounts, base, start, end, rates.rate_on, long_term_months(session))
    realised = sum((line.gain_base for line in report.lines if line.gain_base is not None), Decimal(0))
    totals: dict[date, Decimal | None] = {start - timedelta(days=1): Decimal(0), end: Decimal(0)}
    left_out: set[str] = {line.account for line in report.lines if line.gain_base is None}
    books: dict[tuple[str, date], tuple[list[ActivityRecord], LotBook]] = {}
    for account in accounts:
        records = stored.get(account.account_id, [])
        for day in totals:
            upto = [r for r in records if r.day <= day]
            # every activity up to the day: the lots account_lots built already
            book = account.book if len(upto) == len(records) else build_lots(upto, account.method)
            books[account.account_id, day] = (upto, book)
    closes = {day: closes_on(session, {s for (_, on), (_, book) in books.items() if on == day
                                      for s, lots in book.open.items() if lots}, day, {})
              for day in totals}  # one read per day for every account's holdings
    for account in accounts:
        for day in totals:
            upto, book = books[account.account_id, day]
            value = _unrealised_on(account, upto, book, closes[day], day, base, rates)
            if value is None:
                left_out.add(account.name)
            else:
                totals[day] = (totals[day] or Decimal(0)) + value
    before, after = (totals[day] for day in sorted(totals))
    if left_out:
        return GainBreakdown(cents(realised), None, None, tuple(sorted(left_out)))
    return GainBreakdown(cents(realised), None if before is None else cents(before),
                         None if after is None else cents(after))


def _unrealised_on(account: AccountLots, upto: list[ActivityRecord], book: LotBook, closes: PriceTable, day: date,
                   base: str, rates: RateBook) -> Decimal | None:
    """The account's open lots at the end of ``day`` (``book``, from the activities ``upto`` it),
    valued at that day's price (as the history values the day), less their cost, in ``base`` at
    that day's rate; None when anything is unknown."""
    held = [symbol for symbol, lots in book.open.items() if lots]
    if not held:
        return Decimal(0)
    prices = closes.assuming(held, account.currency)
    by_symbol: dict[str | None, list[ActivityRecord]] = defaultdict(list)
    for r in upto:  # each symbol's price from its own activities (a scan of all of them per symbol adds up)
        by_symbol[r.symbol].append(r)
    total = Decimal(0)
    for symbol in held:
        own = by_symbol[symbol]
        price = price_on(prices, own, split_ratios(own), symbol, day)
        cost = book.cost(symbol)
        symbol_currency = prices.currency.get(symbol, account.currency)
        rate = Decimal(1) if symbol_currency == account.currency else rates.rate_on(symbol_currency, account.currency, day)
        if price is None or cost is None or rate is None:
            return None
        total += book.held(symbol) * price * rate - cost
    to_base = Decimal(1) if account.currency == base else rates.rate_on(account.currency, base, day)
    return None if to_base is None else total * to_base

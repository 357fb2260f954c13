"""History against the store: load an account's inputs, rebuild, keep daily snapshots.

Runs on the database writer thread. An account is rebuilt only when its inputs changed (new
activities, prices, rates or synced positions: a fingerprint says so), and only days whose
figures changed are written.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from clera_desktop.core.clock import Clock
from clera_desktop.core.money import canonical
from clera_desktop.models.enums import ActivityType, Provider, SecurityType
from clera_desktop.models.history_marks import clear_rewritten, rewritten_since
from clera_desktop.models.queries import text_table, writable_accounts
from clera_desktop.models.tables import Account, Activity, AppSetting, Balance, DailyPrice, FxRate, PortfolioSnapshot, Position
from clera_desktop.models.upserts import put_app_setting, upsert_rows
from clera_desktop.portfolio.history import AccountHistory, ActivityRecord, Adjustment, PriceTable, rebuild_account
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.worth import account_worth
from clera_desktop.store.rates import rate_book

T = TypeVar("T")

SPLIT_RATIO_RAW_TYPE = "SPLIT_RATIO"  # a CSV split: quantity is the ratio


@dataclass(frozen=True, slots=True)
class Inputs:
    """What an account's history was built from, each read cheaply: where one changed, the
    history is rebuilt from the first day the change can move (:func:`_changed_from`)."""

    activities: tuple[int, int]  # the account's: count, newest id
    prices: tuple[int, int]  # every close's: count, newest id
    rates: tuple[int, int]  # every rate's: count, newest id
    anchors: str  # today's synced positions (shares, price, value) and cash, hashed
    today: str
    internal: int  # the account's transfers matched with another of the person's accounts

    def as_json(self) -> dict[str, object]:
        return {"activities": list(self.activities), "prices": list(self.prices), "rates": list(self.rates),
                "anchors": self.anchors, "today": self.today, "internal": self.internal}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Inputs:
        activities, prices, rates = (cast(tuple[int, int], tuple(data[k])) for k in ("activities", "prices", "rates"))
        return cls(activities, prices, rates, data["anchors"], data["today"], data["internal"])

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.as_json(), sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoreMarks:
    """The store-wide counts every account's inputs share, read once per update."""

    prices: tuple[int, int]
    rates: tuple[int, int]

    @classmethod
    def read(cls, session: Session) -> StoreMarks:
        return cls(table_marks(session, DailyPrice.id), table_marks(session, FxRate.id))


def table_marks(session: Session, column: Any, *where: Any) -> tuple[int, int]:
    """(count, newest id) of a table's rows: a cheap sign that rows were added or removed. Two
    queries, not one: SQLite counts ``count(*)`` alone from its smallest index (8 ms at 1 M
    closes) and finds ``max(id)`` alone in one seek, but walks every row for the pair (60-90 ms)."""
    count = session.scalar(select(func.count()).select_from(column.table).where(*where)) or 0
    newest = session.scalar(select(func.max(column)).where(*where))
    return count, newest or 0


def activity_marks(session: Session, account_id: str) -> tuple[int, int]:
    """(count, newest id) of an account's activities (rewrites in place: :mod:`models.history_marks`)."""
    return table_marks(session, Activity.id, Activity.account_id == account_id)


@dataclass(frozen=True, slots=True)
class HistoryState:
    fingerprint: str
    adjustments: tuple[Adjustment, ...]
    missing_prices: tuple[str, ...]
    first_day: date | None
    inputs: Inputs | None = None  # None: written before the history kept them (rebuilt in full once)


def state_key(account_id: str) -> str:
    return f"history:{account_id}"


_RECORD_COLUMNS = (Activity.id, Activity.trade_date, Activity.type, Activity.symbol, Activity.quantity, Activity.price,
                   Activity.amount, Activity.fee, Activity.raw_type, Activity.tax, Activity.cost_basis,
                   Activity.acquired_on)


def load_records(session: Session, account_id: str, internal: Collection[int] = ()) -> list[ActivityRecord]:
    """The account's activities in order; ``internal``: ids of transfers between the person's own
    accounts (:func:`internal_transfers`)."""
    return records_by_account(session, [account_id], internal).get(account_id, [])


def records_by_account(session: Session, account_ids: Collection[str] | None,
                       internal: Collection[int] = ()) -> dict[str, list[ActivityRecord]]:
    """:func:`load_records` of several accounts (None: every account) in one read, each in order.
    The rows are read as stored (no per-value processing) and each text converted once: a
    report reads every activity of every account."""
    as_stored = [column if column.key in ("id", "symbol", "raw_type") else type_coerce(column, String)
                 for column in _RECORD_COLUMNS]
    query = select(Activity.account_id, *as_stored).order_by(Activity.account_id, Activity.trade_date, Activity.id)
    if account_ids is not None:
        query = query.where(Activity.account_id.in_(sorted(account_ids)))
    records: dict[str, list[ActivityRecord]] = defaultdict(list)
    decimals, days, kinds = ConvertedOnce(Decimal), ConvertedOnce(plain_day), ConvertedOnce(ActivityType)

    def decimal(text: str | None) -> Decimal | None:
        return None if text is None else decimals[text]

    row: Any
    for row in session.connection().execute(query).all():
        account_id, id_, day, kind, symbol, quantity, price, amount, fee, raw_type, tax, cost_basis, acquired_on = row
        records[account_id].append(ActivityRecord(
            days[day], kinds[kind], symbol, decimal(quantity), decimal(price), decimal(amount), decimal(fee),
            raw_type == SPLIT_RATIO_RAW_TYPE, decimal(tax), id_ in internal, id_, decimal(cost_basis),
            None if acquired_on is None else days[acquired_on]))
    return records


#: One stored day of an account: date, value, net flow, income, flow out, internal flow, fees, taxes.
SnapshotRow = tuple[date, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]


def snapshot_rows(session: Session, account_ids: list[str], end: date | None,
                  since: date | None = None) -> dict[str, list[SnapshotRow]]:
    """Every account's stored days in order (from ``since``), in one read (a report needs them for
    the total and for each account: read once, used twice)."""
    amounts = (PortfolioSnapshot.value, PortfolioSnapshot.net_flow, PortfolioSnapshot.income, PortfolioSnapshot.flow_out,
               PortfolioSnapshot.internal_flow, PortfolioSnapshot.fees, PortfolioSnapshot.taxes)
    query = select(PortfolioSnapshot.account_id, type_coerce(PortfolioSnapshot.date, String),
                   *(type_coerce(a, String) for a in amounts)) \
        .where(PortfolioSnapshot.account_id.in_(account_ids)).order_by(PortfolioSnapshot.account_id, PortfolioSnapshot.date)
    if end is not None:
        query = query.where(PortfolioSnapshot.date <= end)
    if since is not None:
        query = query.where(PortfolioSnapshot.date >= since)
    rows: dict[str, list[SnapshotRow]] = {account_id: [] for account_id in account_ids}
    # the connection's rows, all at once and as stored (a row with no column to process is not
    # processed at all): the day and the amounts (NOT NULL, exact text) are read here; 30,000 days
    # cost 3x through the ORM's entity loading and a call per value. Most amounts on most days are
    # the same few texts ("0"): each text is made a Decimal once (Decimals are immutable).
    decimal_of = ConvertedOnce(Decimal).__getitem__
    for account_id, day, *texts in session.connection().execute(query).all():
        rows[account_id].append(cast(SnapshotRow, (plain_day(day), *map(decimal_of, texts))))
    return rows


class ConvertedOnce(dict[Any, T]):
    """A stored value -> what ``convert`` makes of it, each distinct value converted once: a report
    reads the same few texts ("0", a day, a type) hundreds of thousands of times, and what they
    convert to (Decimal, date, an enum member) is immutable, so one object serves every row."""

    def __init__(self, convert: Callable[[Any], T]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, stored: Any) -> T:
        value = self[stored] = self._convert(stored)
        return value


#: A transfer out of one account and into another of the person's counts as one move between them
#: when they agree (the same security and shares, or the same cash) within this many days.
TRANSFER_MATCH_DAYS = 3


def internal_transfers(session: Session) -> set[int]:
    """Ids of transfers between the person's own active accounts: a TRANSFER_OUT matched with a
    TRANSFER_IN elsewhere of the same shares (or the same cash, in the same currency) within a few
    days, each used once. For each account it is a flow; for the total it is not."""
    rows = session.execute(
        select(Activity.id, Activity.account_id, Activity.type, Activity.trade_date, Activity.symbol, Activity.quantity,
               Activity.amount, Activity.currency)
        .join(Account, Account.id == Activity.account_id)
        .where(Account.is_active.is_(True), Activity.type.in_([ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT]))
        .order_by(Activity.trade_date, Activity.id)).all()

    def what(r: Any) -> tuple[object, ...]:
        return (r.symbol, r.quantity) if r.symbol and r.quantity else (None, abs(r.amount or 0), r.currency)

    incoming = [r for r in rows if r.type is ActivityType.TRANSFER_IN]
    matched: set[int] = set()
    for out in (r for r in rows if r.type is ActivityType.TRANSFER_OUT):
        partner = next((r for r in incoming if r.id not in matched and r.account_id != out.account_id
                        and what(r) == what(out) and abs((r.trade_date - out.trade_date).days) <= TRANSFER_MATCH_DAYS),
                       None)
        if partner is not None:
            matched.update((out.id, partner.id))
    return matched


def price_table(session: Session, symbols: set[str], currencies: dict[str, str], since: date | None = None) -> PriceTable:
    """Stored closes of ``symbols`` in date order (from ``since``, with the last close before it);
    ``currencies`` holds each symbol's assumed currency (the account's, a position's) and is
    corrected by the closes' own. Read as the columns' plain values (a million closes: one
    ``Decimal`` and one ``date`` each, without the ORM's processing)."""
    closes: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    if since is not None:
        for symbol, carried in closes_on(session, symbols, since - timedelta(days=1), currencies).closes.items():
            closes[symbol].extend(carried)
    if symbols:
        query = (select(DailyPrice.symbol, type_coerce(DailyPrice.date, String), type_coerce(DailyPrice.close, String),
                        DailyPrice.currency)
                 .where(DailyPrice.symbol.in_(sorted(symbols))).order_by(DailyPrice.symbol, DailyPrice.date))
        rows = session.execute(query if since is None else query.where(DailyPrice.date >= since))
        for symbol, day, close, currency in rows:
            closes[symbol].append((plain_day(day), Decimal(close)))
            currencies[symbol] = currency  # a close is in its own recorded currency, whatever was assumed
    return PriceTable(closes, currencies)


def closes_on(session: Session, symbols: Collection[str], day: date, currencies: dict[str, str]) -> PriceTable:
    """Each symbol's last close on or before ``day`` (one row each, in one query): what a figure of
    that day needs, where :func:`price_table` reads every day of every symbol."""
    closes: dict[str, list[tuple[date, Decimal]]] = {}
    if symbols:
        # per symbol, the newest row on or before the day: one index seek each (a GROUP BY with
        # max(date) walks every close of every symbol up to the day instead, and so does a GROUP
        # BY to list the symbols: they come as a table of their own, 30x quicker at 500 of 1 M closes)
        held = text_table(session, symbols, "held")
        earlier = aliased(DailyPrice)
        newest = (select(earlier.id).where(earlier.symbol == held.c.value, earlier.date <= day)
                  .order_by(earlier.date.desc()).limit(1).correlate(held).scalar_subquery())
        rows = session.execute(select(DailyPrice.symbol, DailyPrice.date, DailyPrice.close, DailyPrice.currency)
                               .where(DailyPrice.id.in_(select(newest).select_from(held))))
        for symbol, when, close, currency in rows:
            closes[symbol] = [(when, close)]
            currencies[symbol] = currency
    return PriceTable(closes, currencies)


def plain_day(value: date | str) -> date:
    """A date column's plain value: ISO text in SQLite, a date in PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _inputs(session: Session, account_id: str, positions_now: list[Position], balances: list[Balance],
            today: date, internal: int, marks: StoreMarks) -> Inputs:
    # today's point is priced as the brokerage prices the position now: a second sync the same day
    # that moves only prices changes the history's today too
    positions = sorted((p.symbol, canonical(p.quantity), canonical(p.price) if p.price is not None else "",
                        canonical(p.market_value) if p.market_value is not None else "") for p in positions_now)
    cash = sorted((b.currency, canonical(b.cash) if b.cash is not None else "") for b in balances)
    anchors = hashlib.sha256(json.dumps([positions, cash]).encode()).hexdigest()
    return Inputs(activity_marks(session, account_id), marks.prices, marks.rates, anchors, today.isoformat(), internal)


def _changed_from(session: Session, account_id: str, symbols: set[str], state: HistoryState | None,
                  inputs: Inputs) -> date | None:
    """The first day the changed inputs can move (``date.min``: every day; ``date.max``: none,
    though the inputs moved; None: nothing changed). Added activities, closes and rates move their
    own day on; a new day, or today's synced figures, move the last today on; anything else (a
    removed or replaced row, another transfer matched, closes while some are missing) every day."""
    old = None if state is None else state.inputs
    rewritten = rewritten_since(session, account_id)
    if old is not None and old == inputs and rewritten is None:
        return None
    if old is None or state is None or state.first_day is None or old.internal != inputs.internal:
        return date.min
    since = rewritten or date.max
    if old.today != inputs.today or old.anchors != inputs.anchors:
        since = min(since, date.fromisoformat(old.today))  # the last today was priced as the brokerage priced it then
    if old.activities != inputs.activities:
        added, first = session.execute(select(func.count(Activity.id), func.min(Activity.trade_date))
                                       .where(Activity.account_id == account_id, Activity.id > old.activities[1])).one()
        if inputs.activities[0] - old.activities[0] != added:
            return date.min
        since = min(since, first or date.max)
    for key, day, was, now, wanted in ((DailyPrice.id, DailyPrice.date, old.prices, inputs.prices, symbols),
                                       (FxRate.id, FxRate.as_of, old.rates, inputs.rates, None)):
        if was == now:
            continue
        if key is DailyPrice.id and state.missing_prices:
            return date.min  # a close may price days that had none: every day
        added = session.scalar(select(func.count(key)).where(key > was[1])) or 0
        if now[0] - was[0] != added:
            return date.min
        query = select(func.min(day)).where(key > was[1])
        if wanted is not None:
            query = query.where(DailyPrice.symbol.in_(sorted(wanted)))
        since = min(since, session.scalar(query) or date.max)
    return since


def _anchors(account: Account, positions_now: list[Position], balances: list[Balance],
             rates: RateBook) -> tuple[dict[str, Decimal] | None, Decimal | None]:
    """Today's synced positions and cash (cash as every view counts it: :func:`account_worth`); a
    manual account has none to anchor to (its activities are the truth)."""
    if account.provider is Provider.MANUAL:
        return None, None
    positions: dict[str, Decimal] = {}
    for p in positions_now:
        if p.security_type is not SecurityType.CASH:
            positions[p.symbol] = positions.get(p.symbol, Decimal(0)) + p.quantity
    return positions, account_worth(account.currency, positions_now, balances, rates).cash


class SharedCloses:
    """The closes of an update that rebuilds several accounts from their first day (an import of a
    whole history, a first sync): every held symbol's closes read once, from the second such
    account on, instead of each account reading the closes of the hundreds of symbols it shares
    with the others. The first reads its own (an update of one account reads no more than it needs)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._asked = 0
        self._table: PriceTable | None = None
        self._currencies: dict[str, str] = {}

    def table(self, symbols: set[str], currencies: dict[str, str]) -> PriceTable:
        """Like :func:`price_table` (``currencies`` corrected by the closes' own), each list the account's own."""
        self._asked += 1
        if self._asked == 1:
            return price_table(self._session, symbols, currencies)
        if self._table is None:
            held = {s for s in self._session.scalars(select(Activity.symbol).distinct()) if s}
            held |= set(self._session.scalars(select(Position.symbol).distinct()))
            self._table = price_table(self._session, held | symbols, self._currencies)
        closes: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
        for symbol in symbols:
            if symbol in self._table.closes:
                closes[symbol] = list(self._table.closes[symbol])  # the account's today is written into it
                currencies[symbol] = self._currencies[symbol]
        return PriceTable(closes, currencies)


def rebuild_and_store(session: Session, account_id: str, clock: Clock, *, force: bool = False,
                      internal: Collection[int] | None = None, marks: StoreMarks | None = None,
                      shared: SharedCloses | None = None) -> AccountHistory | None:
    """Rebuild one account from the first day its inputs changed; returns the history of the days
    rebuilt (None: nothing to do)."""
    today, now = clock.today(), clock.now()
    account = session.get_one(Account, account_id)
    internal = internal_transfers(session) if internal is None else internal
    marks = StoreMarks.read(session) if marks is None else marks
    positions_now = list(session.scalars(select(Position).where(Position.account_id == account_id)))
    balances = list(session.scalars(select(Balance).where(Balance.account_id == account_id)))
    # what the inputs need of the activities, asked of the store: an account that did not change
    # is passed over without reading its activities (10,000 of them, on every import or sync)
    traded = session.scalars(select(Activity.symbol).where(Activity.account_id == account_id).distinct())
    symbols = {symbol for symbol in traded if symbol} | {p.symbol for p in positions_now}
    moves = session.scalar(select(func.count()).select_from(Activity).where(
        Activity.account_id == account_id, Activity.id.in_(sorted(internal)))) if internal else 0
    inputs = _inputs(session, account_id, positions_now, balances, today, moves or 0, marks)
    state = read_state(session, account_id)
    since = date.min if force else _changed_from(session, account_id, symbols, state, inputs)
    if since is None:
        return None
    records = load_records(session, account_id, internal)
    if not records and not positions_now:
        _write_state(session, account_id, HistoryState(inputs.fingerprint, (), (), None, inputs), now=now)
        return None
    start = records[0].day if records else today
    if since == date.max:  # inputs moved, none of this account's days did
        assert state is not None
        clear_rewritten(session, account_id)
        _write_state(session, account_id, replace(state, fingerprint=inputs.fingerprint, inputs=inputs), now=now)
        return None
    if state is not None and state.first_day == start and start < since <= today:
        rebuilt = _rebuild(session, account, records, positions_now, balances, symbols, today, start, since)
        if tuple(rebuilt[0].adjustments) == state.adjustments:  # else the days before moved too
            return _store(session, account, rebuilt, inputs, state, start, now)
    return _store(session, account, _rebuild(session, account, records, positions_now, balances, symbols, today,
                                             start, start, shared), inputs, None, start, now)


_Rebuilt = tuple[AccountHistory, list[str]]  # the history, and the symbols never priced at all


def _rebuild(session: Session, account: Account, records: list[ActivityRecord], positions_now: list[Position],
             balances: list[Balance], symbols: set[str], today: date, start: date, since: date,
             shared: SharedCloses | None = None) -> _Rebuilt:
    """The account's days from ``since`` (``start``: its first day, every day)."""
    fx = rate_book(session)
    currencies = {r.symbol: account.currency for r in records if r.symbol}
    for p in positions_now:
        currencies[p.symbol] = p.currency
    if since > start:
        prices = price_table(session, symbols, currencies, since)
    else:
        prices = shared.table(symbols, currencies) if shared is not None else price_table(session, symbols, currencies)
    unpriced = sorted(s for s in symbols if not prices.closes.get(s))  # before today's prices join
    closes = cast(dict[str, list[tuple[date, Decimal]]], prices.closes)  # price_table builds lists
    for p in positions_now:  # today is priced as the brokerage prices it now, like every other view
        if p.price is not None:
            series = closes[p.symbol]
            series[:] = [row for row in series if row[0] != today] + [(today, p.price)]
    positions, cash = _anchors(account, positions_now, balances, fx)
    history = rebuild_account(account.id, account.currency, records, prices, fx, start=since, end=today,
                              anchor_positions=positions, anchor_cash=cash, history_start=start)
    return history, unpriced


def _store(session: Session, account: Account, rebuilt: _Rebuilt, inputs: Inputs, kept: HistoryState | None,
           start: date, now: datetime) -> AccountHistory:
    """Write the rebuilt days and the state; ``kept``: the state of the days before them, when only
    some days were rebuilt (what was missing there still is)."""
    history, unpriced = rebuilt
    clear_rewritten(session, account.id)
    upsert_rows(session, PortfolioSnapshot, [
        {"account_id": account.id, "date": day, "value": value, "cash": cash_, "currency": account.currency,
         "net_flow": flow, "income": income, "flow_out": out, "internal_flow": moved, "fees": fees, "taxes": taxes}
        for day, value, cash_, flow, income, out, moved, fees, taxes in zip(
            history.days, history.value, history.cash, history.flows, history.income, history.flows_out,
            history.internal, history.fees, history.taxes, strict=True)
    ], ["account_id", "date"], ignore=())
    missing = set(unpriced) | set(history.missing_prices) | set(kept.missing_prices if kept is not None else ())
    _write_state(session, account.id, HistoryState(inputs.fingerprint, tuple(history.adjustments),
                                                   tuple(sorted(missing)), start, inputs), now=now)
    return history


def _write_state(session: Session, account_id: str, state: HistoryState, *, now: datetime) -> None:
    """The account's state, with a serial one above the last: a reader that keeps the account's days
    (:class:`store.kept_reads.KeptReads`) knows by it that they were written again."""
    kept = session.get(AppSetting, state_key(account_id))
    serial = 1 + (int(json.loads(kept.value).get("serial", 0)) if kept is not None else 0)
    value = json.dumps({
        "serial": serial,
        "fingerprint": state.fingerprint, "first_day": state.first_day.isoformat() if state.first_day else None,
        "adjustments": [{"symbol": a.symbol, "quantity": canonical(a.quantity)} for a in state.adjustments],
        "missing_prices": list(state.missing_prices),
        "inputs": None if state.inputs is None else state.inputs.as_json(),
    })
    put_app_setting(session, state_key(account_id), value, now=now)


def read_state(session: Session, account_id: str) -> HistoryState | None:
    row = session.get(AppSetting, state_key(account_id))
    if row is None:
        return None
    data = json.loads(row.value)
    return HistoryState(
        data["fingerprint"],
        tuple(Adjustment(a["symbol"], Decimal(a["quantity"])) for a in data.get("adjustments", [])),
        tuple(data.get("missing_prices", [])),
        date.fromisoformat(data["first_day"]) if data.get("first_day") else None,
        Inputs.from_json(data["inputs"]) if data.get("inputs") else None,
    )


def rebuild_all(session: Session, clock: Clock) -> list[str]:
    """Every active account whose inputs changed; returns the ids rebuilt."""
    rebuilt = []
    internal = internal_transfers(session)
    marks = StoreMarks.read(session)
    shared = SharedCloses(session)
    mine = writable_accounts(session)  # a shared book: each person's app keeps their own accounts' history
    for account_id in list(session.scalars(select(Account.id).where(Account.is_active.is_(True)))):
        if mine is not None and account_id not in mine:
            continue
        if rebuild_and_store(session, account_id, clock, internal=internal, marks=marks, shared=shared) is not None:
            rebuilt.append(account_id)
    return rebuilt

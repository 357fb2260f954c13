"""History against the store: load an account's inputs, rebuild, keep daily snapshots.

Runs on the database writer thread. An account is rebuilt only when its inputs changed (new
activities, prices, rates or synced positions: a fingerprint says so), and only days whose
figures changed are written.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from clera_desktop.core.clock import Clock
from clera_desktop.core.money import canonical
from clera_desktop.models.enums import ActivityType, Provider, SecurityType
from clera_desktop.models.tables import Account, Activity, AppSetting, Balance, DailyPrice, FxRate, PortfolioSnapshot, Position
from clera_desktop.models.upserts import put_app_setting, upsert_rows
from clera_desktop.portfolio.history import AccountHistory, ActivityRecord, Adjustment, PriceTable, rebuild_account
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.worth import account_worth

SPLIT_RATIO_RAW_TYPE = "SPLIT_RATIO"  # a CSV split: quantity is the ratio


@dataclass(frozen=True, slots=True)
class HistoryState:
    fingerprint: str
    adjustments: tuple[Adjustment, ...]
    missing_prices: tuple[str, ...]
    first_day: date | None


def _state_key(account_id: str) -> str:
    return f"history:{account_id}"


def load_records(session: Session, account_id: str, internal: Collection[int] = ()) -> list[ActivityRecord]:
    """The account's activities in order; ``internal``: ids of transfers between the person's own
    accounts (:func:`internal_transfers`)."""
    rows = session.execute(
        select(Activity.id, Activity.trade_date, Activity.type, Activity.symbol, Activity.quantity, Activity.price,
               Activity.amount, Activity.fee, Activity.raw_type, Activity.tax, Activity.cost_basis, Activity.acquired_on)
        .where(Activity.account_id == account_id).order_by(Activity.trade_date, Activity.id)
    ).all()
    return [ActivityRecord(r.trade_date, r.type, r.symbol, r.quantity, r.price, r.amount, r.fee,
                           r.raw_type == SPLIT_RATIO_RAW_TYPE, r.tax, r.id in internal, r.id, r.cost_basis, r.acquired_on)
            for r in rows]


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


def price_table(session: Session, symbols: set[str], currencies: dict[str, str]) -> PriceTable:
    """Stored closes of ``symbols``; ``currencies`` holds each symbol's assumed currency (the
    account's, a position's) and is corrected by the closes' own. Read as the columns' plain values
    (a million closes: one ``Decimal`` and one ``date`` each, without the ORM's processing)."""
    closes: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    if symbols:
        rows = session.execute(
            select(DailyPrice.symbol, type_coerce(DailyPrice.date, String), type_coerce(DailyPrice.close, String),
                   DailyPrice.currency)
            .where(DailyPrice.symbol.in_(sorted(symbols))).order_by(DailyPrice.symbol, DailyPrice.date))
        for symbol, day, close, currency in rows:
            closes[symbol].append((_day(day), Decimal(close)))
            currencies[symbol] = currency  # a close is in its own recorded currency, whatever was assumed
    return PriceTable(closes, currencies)


def closes_on(session: Session, symbols: Collection[str], day: date, currencies: dict[str, str]) -> PriceTable:
    """Each symbol's last close on or before ``day`` (one row each, in one query): what a figure of
    that day needs, where :func:`price_table` reads every day of every symbol."""
    closes: dict[str, list[tuple[date, Decimal]]] = {}
    if symbols:
        # per symbol, the newest row on or before the day: one index seek each (a GROUP BY with
        # max(date) walks every close of every symbol up to the day instead)
        held = (select(DailyPrice.symbol.label("symbol")).where(DailyPrice.symbol.in_(sorted(symbols)))
                .group_by(DailyPrice.symbol).subquery())
        earlier = aliased(DailyPrice)
        newest = (select(earlier.id).where(earlier.symbol == held.c.symbol, earlier.date <= day)
                  .order_by(earlier.date.desc()).limit(1).correlate(held).scalar_subquery())
        rows = session.execute(select(DailyPrice.symbol, DailyPrice.date, DailyPrice.close, DailyPrice.currency)
                               .where(DailyPrice.id.in_(select(newest).select_from(held))))
        for symbol, when, close, currency in rows:
            closes[symbol] = [(when, close)]
            currencies[symbol] = currency
    return PriceTable(closes, currencies)


def _day(value: date | str) -> date:
    """A date column's plain value: ISO text in SQLite, a date in PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _fingerprint(session: Session, account: Account, symbols: set[str], positions_now: list[Position],
                 balances: list[Balance], today: date, internal: int) -> str:
    activity = session.execute(select(func.count(Activity.id), func.max(Activity.id))
                               .where(Activity.account_id == account.id)).one()
    prices = session.execute(select(func.count(DailyPrice.id), func.max(DailyPrice.id))
                             .where(DailyPrice.symbol.in_(sorted(symbols)))).one() if symbols else (0, 0)
    rates = session.execute(select(func.count(FxRate.id), func.max(FxRate.id))).one()
    # today's point is priced as the brokerage prices the position now: a second sync the same day
    # that moves only prices changes the history's today too
    positions = sorted((p.symbol, canonical(p.quantity), canonical(p.price) if p.price is not None else "",
                        canonical(p.market_value) if p.market_value is not None else "") for p in positions_now)
    cash = sorted((b.currency, canonical(b.cash) if b.cash is not None else "") for b in balances)
    text = json.dumps([tuple(activity), tuple(prices), tuple(rates), positions, cash, today.isoformat(), internal],
                      default=str)
    return hashlib.sha256(text.encode()).hexdigest()


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


def rebuild_and_store(session: Session, account_id: str, clock: Clock, *, force: bool = False,
                      internal: Collection[int] | None = None) -> AccountHistory | None:
    """Rebuild one account if its inputs changed; returns the history (None: nothing to do)."""
    today, now = clock.today(), clock.now()
    account = session.get_one(Account, account_id)
    internal = internal_transfers(session) if internal is None else internal
    records = load_records(session, account_id, internal)
    positions_now = list(session.scalars(select(Position).where(Position.account_id == account_id)))
    balances = list(session.scalars(select(Balance).where(Balance.account_id == account_id)))
    symbols = {r.symbol for r in records if r.symbol} | {p.symbol for p in positions_now}
    fingerprint = _fingerprint(session, account, symbols, positions_now, balances, today,
                               sum(1 for r in records if r.internal))
    state = read_state(session, account_id)
    if not force and state is not None and state.fingerprint == fingerprint:
        return None
    if not records and not positions_now:
        _write_state(session, account_id, HistoryState(fingerprint, (), (), None), now=now)
        return None
    fx = RateBook.from_store(session)
    currencies = {r.symbol: account.currency for r in records if r.symbol}
    for p in positions_now:
        currencies[p.symbol] = p.currency
    prices = price_table(session, symbols, currencies)
    unpriced = sorted(s for s in symbols if not prices.closes.get(s))  # before today's prices join
    closes = cast(dict[str, list[tuple[date, Decimal]]], prices.closes)  # price_table builds lists
    for p in positions_now:  # today is priced as the brokerage prices it now, like every other view
        if p.price is not None:
            series = closes[p.symbol]
            series[:] = [row for row in series if row[0] != today] + [(today, p.price)]
    positions, cash = _anchors(account, positions_now, balances, fx)
    # no activities (a new account, or a manual one before its first import): history starts
    # today, and what the account holds is an explicit adjustment rather than an invented past
    start = records[0].day if records else today
    history = rebuild_account(account_id, account.currency, records, prices, fx, start=start, end=today,
                              anchor_positions=positions, anchor_cash=cash)
    upsert_rows(session, PortfolioSnapshot, [
        {"account_id": account_id, "date": day, "value": value, "cash": cash_, "currency": account.currency,
         "net_flow": flow, "income": income, "flow_out": out, "internal_flow": moved, "fees": fees, "taxes": taxes}
        for day, value, cash_, flow, income, out, moved, fees, taxes in zip(
            history.days, history.value, history.cash, history.flows, history.income, history.flows_out,
            history.internal, history.fees, history.taxes, strict=True)
    ], ["account_id", "date"], ignore=())
    _write_state(session, account_id, HistoryState(fingerprint, tuple(history.adjustments),
                                                   tuple(sorted(set(unpriced) | set(history.missing_prices))), start),
                 now=now)
    return history


def _write_state(session: Session, account_id: str, state: HistoryState, *, now: datetime) -> None:
    value = json.dumps({
        "fingerprint": state.fingerprint, "first_day": state.first_day.isoformat() if state.first_day else None,
        "adjustments": [{"symbol": a.symbol, "quantity": canonical(a.quantity)} for a in state.adjustments],
        "missing_prices": list(state.missing_prices),
    })
    put_app_setting(session, _state_key(account_id), value, now=now)


def read_state(session: Session, account_id: str) -> HistoryState | None:
    row = session.get(AppSetting, _state_key(account_id))
    if row is None:
        return None
    data = json.loads(row.value)
    return HistoryState(
        data["fingerprint"],
        tuple(Adjustment(a["symbol"], Decimal(a["quantity"])) for a in data.get("adjustments", [])),
        tuple(data.get("missing_prices", [])),
        date.fromisoformat(data["first_day"]) if data.get("first_day") else None,
    )


def rebuild_all(session: Session, clock: Clock) -> list[str]:
    """Every active account whose inputs changed; returns the ids rebuilt."""
    rebuilt = []
    internal = internal_transfers(session)
    for account_id in list(session.scalars(select(Account.id).where(Account.is_active.is_(True)))):
        if rebuild_and_store(session, account_id, clock, internal=internal) is not None:
            rebuilt.append(account_id)
    return rebuilt

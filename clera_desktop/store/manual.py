"""Manual accounts hold what their activities say.

A manual account has no provider to report its positions and cash, so they are worked out here
from its activities (shares through every trade, transfer and split; cash as the sum of every
activity's cash; cost from its lots) and priced by the newest price the app holds: the last daily
close (fetched or imported), the last trade's price (split-adjusted), or the price a brokerage
reported for the same security at the last sync (the market's price today), whichever is newest;
on the same day a brokerage's price beats a close, and a close beats a trade. They are written as the
account's positions and balance, exactly as a sync writes a provider's, so the Accounts view,
Holdings, the Dashboard and the live value show a manual account like any other, and the
history's today agrees with them (the same price, the same shares).

Run after anything that changes a manual account's inputs: its activities (an import, a form),
or the closes (the history update fetches them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clera_desktop.core.money import canonical
from clera_desktop.models.enums import Provider, SecurityType
from clera_desktop.models.history_marks import rewritten_since
from clera_desktop.models.queries import writable_accounts
from clera_desktop.models.tables import Account, AppSetting, Balance, Position
from clera_desktop.models.upserts import put_app_setting, upsert_rows
from clera_desktop.portfolio.history import (
    ActivityRecord,
    ExactHoldings,
    PriceTable,
    cash_effect,
    dated_price_on,
    split_ratios,
)
from clera_desktop.portfolio.lots import LotMethod, build_lots
from clera_desktop.store.history import StoreMarks, activity_marks, closes_on, load_records

LOT_METHOD_KEY = "lot_method"  # the default; an account's own is "lot_method:<account id>"


def lot_method(session: Session, account_id: str | None = None) -> LotMethod:
    """The account's method for closing lots, else the person's default, else FIFO."""
    for key in ([f"{LOT_METHOD_KEY}:{account_id}"] if account_id else []) + [LOT_METHOD_KEY]:
        row = session.get(AppSetting, key)
        if row is not None and row.value in LotMethod._value2member_map_:
            return LotMethod(row.value)
    return LotMethod.FIFO


def refresh_manual_accounts(session: Session, *, today: date, now: datetime,
                            account_ids: Collection[str] | None = None, changed_only: bool = False) -> list[str]:
    """Write each manual account's positions and cash from its activities; returns their ids.
    ``changed_only``: only the accounts whose inputs (:func:`_inputs`) moved since their last refresh."""
    query = select(Account).where(Account.provider == Provider.MANUAL, Account.is_active.is_(True))
    if account_ids is not None:
        query = query.where(Account.id.in_(list(account_ids)))
    accounts = list(session.scalars(query))
    mine = writable_accounts(session)  # a shared book: another person's manual account is theirs to refresh
    if mine is not None:
        accounts = [a for a in accounts if a.id in mine]
    inputs = {}
    if changed_only and accounts:
        shared = _shared_inputs(session, today)
        inputs = {a.id: _inputs(session, a.id, shared) for a in accounts}
        accounts = [a for a in accounts if _kept_inputs(session, a.id) != inputs[a.id]]
    held_by_account: dict[str, tuple[list[ActivityRecord], dict[int, Decimal], dict[str, Decimal]]] = {}
    for account in accounts:
        records = [r for r in load_records(session, account.id) if r.day <= today]
        ratios = split_ratios(records)
        held = {symbol: quantity for symbol, quantity in ExactHoldings(records, ratios).on(today).items() if quantity}
        held_by_account[account.id] = (records, ratios, held)
    wanted = {symbol for _, _, held in held_by_account.values() for symbol in held}
    closes = closes_on(session, wanted, today, {})  # today's figures need today's closes only: one read for all
    for account in accounts:
        _refresh(session, account, *held_by_account[account.id], closes, today=today, now=now)
        if account.id in inputs:
            put_app_setting(session, _inputs_key(account.id), inputs[account.id], now=now)
    return [a.id for a in accounts]


def _inputs_key(account_id: str) -> str:
    return f"manual-inputs:{account_id}"


def _kept_inputs(session: Session, account_id: str) -> str | None:
    row = session.get(AppSetting, _inputs_key(account_id))
    return None if row is None else row.value


def _shared_inputs(session: Session, today: date) -> list[object]:
    """What every manual account's figures read beside its own activities: the closes (their count
    and newest id), the brokerages' prices and names, the day, the default lot method."""
    quotes = sorted((symbol, currency, canonical(price) if price is not None else "", as_of.isoformat(), active,
                     name or "")
                    for symbol, currency, price, as_of, active, name in session.execute(
                        select(Position.symbol, Position.currency, Position.price, Position.as_of, Account.is_active,
                               Position.description)
                        .join(Account, Account.id == Position.account_id).where(Account.provider != Provider.MANUAL)))
    return [list(StoreMarks.read(session).prices), hashlib.sha256(json.dumps(quotes).encode()).hexdigest(), today.isoformat(),
            lot_method(session).value]


def _inputs(session: Session, account_id: str, shared: list[object]) -> str:
    """What the account's positions and cash are worked out from, as one text to compare."""
    count, newest = activity_marks(session, account_id)
    rewritten = rewritten_since(session, account_id)
    return json.dumps([count, newest, None if rewritten is None else rewritten.isoformat(),
                       lot_method(session, account_id).value, *shared])


def _refresh(session: Session, account: Account, records: list[ActivityRecord], ratios: dict[int, Decimal],
             held: dict[str, Decimal], closes: PriceTable, *, today: date, now: datetime) -> None:
    prices = closes.assuming(held, account.currency)
    lots = build_lots(records, lot_method(session, account.id))
    quotes = brokerage_prices(session, set(held), today)
    names = brokerage_names(session, set(held))
    rows = []
    for symbol, quantity in sorted(held.items()):
        price = _newest(dated_price_on(prices, records, ratios, symbol, today),
                        quotes.get((symbol, prices.currency.get(symbol, account.currency))))
        cost = lots.cost(symbol)
        rows.append({
            "account_id": account.id, "symbol": symbol, "universal_symbol_id": None, "description": names.get(symbol),
            "security_type": SecurityType.EQUITY, "quantity": quantity, "price": price,
            "market_value": None if price is None else quantity * price,
            "average_cost": None if cost is None else cost / quantity, "cost_basis": cost,
            "currency": prices.currency.get(symbol, account.currency), "as_of": now,
        })
    session.execute(delete(Position).where(Position.account_id == account.id, Position.symbol.not_in(list(held))))
    upsert_rows(session, Position, rows, ["account_id", "symbol"], ignore=("as_of",))
    cash = sum((cash_effect(r) for r in records), Decimal(0))
    session.execute(delete(Balance).where(Balance.account_id == account.id, Balance.currency != account.currency))
    upsert_rows(session, Balance, [{"account_id": account.id, "currency": account.currency, "cash": cash,
                                    "buying_power": None, "as_of": now}], ["account_id", "currency"], ignore=("as_of",))


def brokerage_prices(session: Session, symbols: Collection[str], today: date) -> dict[tuple[str, str], tuple[date, Decimal]]:
    """(symbol, currency) -> the newest price a provider's account reported for it, up to ``today``."""
    newest: dict[tuple[str, str], tuple[datetime, Decimal]] = {}
    if symbols:
        for symbol, currency, price, as_of in session.execute(
                select(Position.symbol, Position.currency, Position.price, Position.as_of)
                .join(Account, Account.id == Position.account_id)
                .where(Account.provider != Provider.MANUAL, Account.is_active.is_(True),
                       Position.symbol.in_(sorted(symbols)), Position.price.is_not(None))):
            key = (symbol, currency)
            if price is not None and as_of.date() <= today and (key not in newest or as_of > newest[key][0]):
                newest[key] = (as_of, price)
    return {key: (as_of.date(), price) for key, (as_of, price) in newest.items()}


def brokerage_names(session: Session, symbols: Collection[str]) -> dict[str, str]:
    """symbol -> the security's name as a provider's account reports it (a manual account has none
    of its own); of several, the longest, which is the least abbreviated."""
    names: dict[str, str] = {}
    if symbols:
        for symbol, description in session.execute(
                select(Position.symbol, Position.description).join(Account, Account.id == Position.account_id)
                .where(Account.provider != Provider.MANUAL, Position.symbol.in_(sorted(symbols)),
                       Position.description.is_not(None))):
            if description and len(description) > len(names.get(symbol, "")):
                names[symbol] = description
    return names


def _newest(held: tuple[date, Decimal] | None, quoted: tuple[date, Decimal] | None) -> Decimal | None:
    """The newer of the account's own price (close or trade) and a brokerage's; on one day, the brokerage's."""
    if quoted is not None and (held is None or quoted[0] >= held[0]):
        return quoted[1]
    return None if held is None else held[1]

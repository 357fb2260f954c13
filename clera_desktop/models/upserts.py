"""Idempotent writes of provider data: what sync calls inside one transaction per account.

Every statement is an upsert keyed by the provider's own ids (the uniqueness rules of
``tables.py``), and updates only rows whose values changed, so running the same sync twice
writes nothing the second time and adds no row.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Dialect, Result, Table, delete, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change
from clera_desktop.core.money import canonical
from clera_desktop.core.text import DESCRIPTION_LENGTH, SYMBOL_LENGTH, clean_text, optional_text
from clera_desktop.models.domain import account_id_for
from clera_desktop.models.enums import ConnectionStatus, OrderStatus, Provider, SecurityType
from clera_desktop.models.history_marks import EVERY_DAY, mark_rewritten
from clera_desktop.models.provider_data import (
    AccountData,
    BrokerTaxLot,
    RemoteAccount,
    RemoteConnection,
    RemoteOrder,
    RemotePosition,
)
from clera_desktop.models.queries import setting_key
from clera_desktop.models.tables import (
    Account,
    Activity,
    AppSetting,
    AuditEntry,
    Balance,
    Base,
    Connection,
    Order,
    Position,
    Security,
    table_of,
)


@dataclass(slots=True)
class AccountChanges:
    """What one account's sync changed (rows written, not rows seen)."""

    account_id: str
    positions_changed: int = 0
    positions_removed: int = 0
    activities_changed: int = 0
    orders_changed: int = 0
    balances_changed: int = 0
    account_changed: bool = False  # new, or its name, number, type, currency or state moved (not its sync stamps)

    @property
    def total(self) -> int:
        return (self.positions_changed + self.positions_removed + self.activities_changed
                + self.orders_changed + self.balances_changed)

    @property
    def kinds(self) -> Change:
        """The kinds of change written, for the views that show them (holdings and cash move the
        account's value too)."""
        what = Change.ACCOUNTS if self.account_changed else Change.NONE
        if self.positions_changed or self.positions_removed or self.balances_changed:
            what |= Change.POSITIONS | Change.ACCOUNTS
        if self.activities_changed:
            what |= Change.ACTIVITIES
        if self.orders_changed:
            what |= Change.ORDERS
        return what


def connection_id_for(connection: RemoteConnection) -> str:
    return f"{connection.provider.account_prefix}_{connection.provider_connection_id}"


def upsert_connection(session: Session, remote: RemoteConnection, *, now: datetime) -> tuple[Connection, bool]:
    """The connection's row, and whether it is new or what a view shows of it moved."""
    connection_id = connection_id_for(remote)
    name = clean_text(remote.brokerage_name) or remote.provider.display_name
    status = ConnectionStatus.NEEDS_RECONNECT if remote.disabled else ConnectionStatus.ACTIVE
    # inserted if new, in one statement: another writer inserting it at the same moment is no error
    new = insert_once(session, Connection, id=connection_id, provider=remote.provider,
                      provider_connection_id=remote.provider_connection_id, created_at=now, updated_at=now,
                      brokerage_name=name, connection_type=remote.connection_type, status=status)
    row = session.get_one(Connection, connection_id)
    values = {
        "brokerage_name": name, "brokerage_slug": optional_text(remote.brokerage_slug, 100),
        "connection_type": remote.connection_type, "status": status, "status_reason": remote.status_reason,
        "disabled_since": (row.disabled_since or remote.disabled_since or now) if remote.disabled else None,
    }
    moved = any(getattr(row, key) != value for key, value in values.items())
    if moved:
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = now
    return row, new or moved


@functools.cache
def _upsert_plan(table: Table, columns: tuple[str, ...], keys: tuple[str, ...], ignore: tuple[str, ...],
                 dialect: Dialect) -> tuple[str, tuple[str, ...], list[Callable[[Any], Any] | None]]:
    """The statement compiled once per shape for ``dialect`` (SQLite or PostgreSQL: the same
    ``INSERT .. ON CONFLICT .. DO UPDATE .. WHERE`` changed), the order it binds the columns in
    (the table's), and those columns' own bind processors."""
    updates = [c for c in columns if c not in keys and c not in ignore]
    statement = dialect_insert(dialect)(table).inline()  # no RETURNING of the new rows' ids
    if updates:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={c: statement.excluded[c] for c in updates},
            where=or_(*(table.c[c].is_distinct_from(statement.excluded[c]) for c in updates)))
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    compiled = statement.compile(dialect=dialect, column_keys=list(columns))
    # SQLite binds by position (qmark), in the table's column order; psycopg by name (pyformat)
    order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup is not None else columns
    if sorted(order) != sorted(columns) or sorted(compiled.binds) != sorted(columns):
        raise AssertionError(f"the upsert of {table.name} binds other than {columns}: {compiled.string}")
    return compiled.string, order, [table.c[c].type.bind_processor(dialect) for c in order]


def dialect_insert(dialect: Dialect) -> Callable[[Table], Any]:
    """The dialect's own INSERT (with ``ON CONFLICT``): SQLite's or PostgreSQL's."""
    if dialect.name == "postgresql":
        return postgresql_insert
    return sqlite_insert


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """An upsert ready to run: SQL compiled once, parameters already converted."""

    sql: str
    params: list[tuple[Any, ...]]
    columns: tuple[str, ...] = ()  # the order ``params`` hold the values in
    named: bool = False  # the driver takes each row by column name (psycopg), not by position (sqlite3)


def prepare_rows(model: type[Base], rows: Sequence[dict[str, Any]], keys: list[str], dialect: Dialect,
                 *, ignore: tuple[str, ...] = ("as_of",)) -> PreparedRows | None:
    """Convert ``rows`` with the columns' own SQLAlchemy bind processors (exact Decimal text,
    UTC timestamps). Pure: sync runs it outside the write transaction, which then only executes.

    Columns in ``ignore`` are written on insert but neither compared nor updated: a new
    ``as_of`` on identical data is not a change (the account's ``last_sync_at`` says when).
    """
    if not rows:
        return None
    columns = tuple(rows[0])
    sql, order, processors = _upsert_plan(table_of(model), columns, tuple(keys), ignore, dialect)
    if order == columns:  # the rows' own order (nearly always): their values as they come
        params = [
            tuple(value if process is None else process(value) for process, value in zip(processors, row.values(), strict=True))
            for row in rows
        ]
    else:
        params = [tuple(row[c] if process is None else process(row[c]) for process, c in zip(processors, order, strict=True))
                  for row in rows]
    return PreparedRows(sql, params, order, named=not dialect.positional)


def run_prepared(session: Session, prepared: PreparedRows | None) -> int:
    """One ``executemany``; returns how many rows were inserted or really changed.

    A statement compiled once and run this way costs a third of the ORM's per-row machinery,
    which matters when a first sync writes a million rows.
    """
    if prepared is None:
        return 0
    if prepared.named:
        rows = [dict(zip(prepared.columns, row, strict=True)) for row in prepared.params]
        return rows_affected(session.connection().exec_driver_sql(prepared.sql, rows))
    return rows_affected(session.connection().exec_driver_sql(prepared.sql, prepared.params))


def upsert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]], keys: list[str],
                *, ignore: tuple[str, ...] = ("as_of",)) -> int:
    """Insert or update ``rows`` now; returns how many rows were inserted or really changed."""
    return run_prepared(session, prepare_rows(model, rows, keys, session.connection().dialect, ignore=ignore))


def rows_affected(result: Result[Any]) -> int:
    """How many rows a DML statement touched (0 where the driver cannot say)."""
    return max(cast(CursorResult[Any], result).rowcount, 0)


@dataclass(frozen=True, slots=True)
class PreparedAccount:
    data: AccountData
    account_id: str
    now: datetime
    balances: PreparedRows | None
    positions: PreparedRows | None
    activities: PreparedRows | None
    orders: list[dict[str, Any]]
    notes: tuple[str, ...] = ()  # what was left out, for the person (an activity dated in the future)
    holdings_digest: str | None = None  # of the rows ``balances`` and ``positions`` write (:func:`rows_digest`)


#: No brokerage API reports activity before this day; a date before it is garbage (year 1 once
#: asked for 750,000 days of history).
EARLIEST_ACTIVITY = date(1950, 1, 1)


def prepare_account_data(data: AccountData, *, dialect: Dialect, now: datetime, today: date | None = None,
                         known: KnownPositions | None = None) -> PreparedAccount:
    """Everything about one account's write that needs no database: rows built and converted, text
    cleaned and capped, and activities outside the sane window left out: a future one is held
    until its day comes (the next sync's overlap window fetches it again), an ancient one refused.
    ``known`` remembers each account's last prepared positions (a repeat sync brings the same)."""
    today = today or now.date()
    remote = _clean_account(data.account)
    account_id = account_id_for(remote.provider.account_prefix, remote.provider_account_id)
    positions = (known or KnownPositions()).prepared(
        account_id, data.positions, lambda: _prepare_positions(account_id, data.positions, dialect, now))
    data = replace(data, account=remote, positions=positions.cleaned)
    future = [a for a in data.activities if a.trade_date > today]
    ancient = [a for a in data.activities if a.trade_date < EARLIEST_ACTIVITY]
    notes = []
    if future:
        notes.append(f"{len(future)} activit{'y' if len(future) == 1 else 'ies'} dated after today "
                     f"({min(a.trade_date for a in future)}) will be added on {'its' if len(future) == 1 else 'their'} day")
    if ancient:
        notes.append(f"{len(ancient)} activit{'y' if len(ancient) == 1 else 'ies'} dated before {EARLIEST_ACTIVITY.year} "
                     "left out: the provider sent an impossible date")
    if future or ancient:
        kept = tuple(a for a in data.activities if EARLIEST_ACTIVITY <= a.trade_date <= today)
        data = replace(data, activities=kept, activities_to=min(data.activities_to or today, today))
    balances = [
        {"account_id": account_id, "currency": b.currency, "cash": b.cash, "buying_power": b.buying_power, "as_of": now}
        for b in data.balances
    ]
    activities = [
        {"account_id": account_id, "provider_activity_id": clean_text(a.provider_activity_id, 160), "type": a.type,
         "raw_type": optional_text(a.raw_type, 64), "trade_date": a.trade_date, "settlement_date": a.settlement_date,
         "symbol": optional_text(a.symbol, SYMBOL_LENGTH), "quantity": a.quantity, "price": a.price, "amount": a.amount,
         "fee": a.fee, "tax": a.tax, "cost_basis": a.cost_basis, "acquired_on": a.acquired_on, "currency": a.currency,
         "description": optional_text(a.description, DESCRIPTION_LENGTH)}
        for a in data.activities
    ]
    orders = [order_values(account_id, o, now) for o in data.orders]
    prepared_balances = prepare_rows(Balance, balances, ["account_id", "currency"], dialect)
    cash_digest = rows_digest(prepared_balances, skip="as_of")
    return PreparedAccount(
        data, account_id, now, prepared_balances, positions.rows,
        prepare_rows(Activity, activities, ["account_id", "provider_activity_id"], dialect),
        orders, tuple(notes), _text_digest(cash_digest + positions.digest),
    )


@dataclass(frozen=True, slots=True)
class PreparedPositions:
    cleaned: tuple[RemotePosition, ...]
    rows: PreparedRows | None
    digest: str


class KnownPositions:
    """Each account's positions as its last sync prepared them. A repeat sync brings the same ones
    again; comparing them is a fraction of converting them anew. (Their rows keep the as-of moment
    of when they were first prepared: it is written only with a new row, never compared.)"""

    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple[RemotePosition, ...], PreparedPositions]] = {}

    def prepared(self, account_id: str, positions: tuple[RemotePosition, ...],
                 prepare: Callable[[], PreparedPositions]) -> PreparedPositions:
        last = self._last.get(account_id)
        if last is not None and last[0] == positions:
            return last[1]
        made = prepare()
        self._last[account_id] = (positions, made)
        return made


def _prepare_positions(account_id: str, positions: tuple[RemotePosition, ...], dialect: Dialect,
                       now: datetime) -> PreparedPositions:
    cleaned = tuple(_clean_position(p) for p in positions)
    rows = [
        {"account_id": account_id, "symbol": p.symbol, "universal_symbol_id": p.universal_symbol_id,
         "description": p.description, "security_type": p.security_type, "quantity": p.quantity, "price": p.price,
         "market_value": p.market_value, "average_cost": p.average_cost, "cost_basis": p.cost_basis,
         "currency": p.currency, "as_of": now, "tax_lots": tax_lots_json(p.tax_lots)}
        for p in cleaned
    ]
    prepared = prepare_rows(Position, rows, ["account_id", "symbol"], dialect)
    # what record_securities writes from them too (the rows carry no exchange, sector or industry)
    described = "\x1e".join("\x1f".join(map(_digest_part, (p.symbol, p.security_type, p.exchange, p.sector, p.industry)))
                            for p in cleaned)
    digest = rows_digest(prepared, skip="as_of")
    return PreparedPositions(cleaned, prepared, _text_digest(digest + described))


def rows_digest(prepared: PreparedRows | None, *, skip: str) -> str:
    """A digest of the rows a statement writes, every value but column ``skip``'s (their as-of
    moment): equal digests, equal rows. A change of the app's cleaning rules or columns changes
    the rows, and so the digest."""
    if prepared is None:
        return "none"
    at = prepared.columns.index(skip)
    text = "\x1e".join("\x1f".join(map(_digest_part, row[:at] + row[at + 1:])) for row in prepared.params)
    return _text_digest(prepared.sql + "\x1d" + text)


def _digest_part(value: object) -> str:
    if value is None:
        return "\x00"
    if type(value) is str:
        return value if len(value) < 128 else _long_text_digest(value)  # a lot list: digested once
    return repr(value)


def _text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=1 << 16)
def _long_text_digest(text: str) -> str:
    return _text_digest(text)


def _clean_account(remote: RemoteAccount) -> RemoteAccount:
    return replace(remote, institution=clean_text(remote.institution), name=clean_text(remote.name) or "Account",
                   masked_number=optional_text(remote.masked_number, 32), account_type=optional_text(remote.account_type, 64))


def _clean_position(position: RemotePosition) -> RemotePosition:
    return replace(position, symbol=clean_text(position.symbol, SYMBOL_LENGTH),
                   description=optional_text(position.description))


def order_values(account_id: str, o: RemoteOrder, now: datetime) -> dict[str, Any]:
    """An order's row values (the client order id falls back to one derived from the provider's id)."""
    return {"account_id": account_id, "provider_order_id": o.provider_order_id,
         "client_order_id": o.client_order_id or f"{account_id}:{o.provider_order_id}", "symbol": o.symbol,
         "side": o.side, "order_type": o.order_type, "time_in_force": o.time_in_force, "quantity": o.quantity,
         "notional": o.notional, "limit_price": o.limit_price, "stop_price": o.stop_price, "status": o.status,
         "filled_quantity": o.filled_quantity, "average_fill_price": o.average_fill_price, "currency": o.currency,
         "reject_reason": o.reject_reason, "submitted_at": o.submitted_at, "updated_at": o.updated_at or now,
         "filled_at": o.filled_at, "canceled_at": o.canceled_at}


def store_prepared_account(session: Session, prepared: PreparedAccount, *, connection_id: str | None) -> AccountChanges:
    """Write one account's whole remote state; the caller's transaction makes it all-or-nothing."""
    data, account_id, now = prepared.data, prepared.account_id, prepared.now
    changes = AccountChanges(account_id)
    changes.account_changed = _upsert_account(session, data, account_id, connection_id, now)
    _store_holdings(session, prepared, changes)
    if prepared.activities is not None:
        # the whole table's last id (the rowid's end, at once): rows this upsert inserts come after it,
        # as nothing else writes inside this transaction
        newest = session.scalar(select(func.max(Activity.id))) or 0
        changes.activities_changed = run_prepared(session, prepared.activities)
        if changes.activities_changed:
            added = session.scalar(select(func.count(Activity.id)).where(Activity.id > newest,
                                                                         Activity.account_id == account_id)) or 0
            if changes.activities_changed > added:  # the provider rewrote activities it sent before
                mark_rewritten(session, account_id, EVERY_DAY, now=now)
    changes.orders_changed = store_orders(session, prepared.orders)
    changes.orders_changed += reconcile_tickets(session, account_id, now=now)
    return changes


def _store_holdings(session: Session, prepared: PreparedAccount, changes: AccountChanges) -> None:
    """The account's cash and positions as the provider reported them, and what each security is;
    no statement at all when they are the ones last written (the digest kept with the account says
    so: a repeat sync brings them all again, and most are unchanged)."""
    data, account_id = prepared.data, prepared.account_id
    account = session.get_one(Account, account_id)  # from the session: _upsert_account read it
    if prepared.holdings_digest is not None and account.holdings_digest == prepared.holdings_digest:
        return
    changes.balances_changed = run_prepared(session, prepared.balances)
    session.execute(delete(Balance).where(Balance.account_id == account_id,
                                          Balance.currency.not_in([b.currency for b in data.balances])))
    changes.positions_changed = run_prepared(session, prepared.positions)
    removed = session.execute(delete(Position).where(
        Position.account_id == account_id, Position.symbol.not_in([p.symbol for p in data.positions])))
    changes.positions_removed = rows_affected(removed)
    record_securities(session, data.positions, now=prepared.now, provider=data.account.provider)
    account.holdings_digest = prepared.holdings_digest


def record_securities(session: Session, positions: Iterable[RemotePosition], *, now: datetime,
                      provider: Provider | None = None) -> int:
    """What the provider said each held security is. A field it left out (None) keeps what another
    provider said; a row changes only when a reported field does (a second sync writes nothing).
    Alpaca's asset class ``us_equity`` covers stocks and ETFs alike, so it says nothing about which."""
    def kind(p: RemotePosition) -> SecurityType | None:
        if p.security_type is SecurityType.OTHER or (provider is Provider.ALPACA and p.security_type is SecurityType.EQUITY):
            return None
        return p.security_type

    rows = {p.symbol: {"symbol": p.symbol, "security_type": kind(p), "exchange": optional_text(p.exchange, 32),
                       "sector": optional_text(p.sector, 100), "industry": optional_text(p.industry, 100),
                       "updated_at": now}
            for p in positions if p.security_type is not SecurityType.CASH}
    fields = ("security_type", "exchange", "sector", "industry")
    known = {row.symbol: row for row in session.execute(
        select(Security.symbol, *(getattr(Security, f) for f in fields)).where(Security.symbol.in_(list(rows))))}
    rows = {symbol: row for symbol, row in rows.items()  # a repeat sync: nothing new, no statement at all
            if symbol not in known or any(row[f] is not None and row[f] != getattr(known[symbol], f) for f in fields)}
    if not rows:
        return 0
    table = table_of(Security)
    statement = dialect_insert(session.connection().dialect)(table)
    kept = {name: func.coalesce(statement.excluded[name], table.c[name]) for name in fields}
    statement = statement.on_conflict_do_update(
        index_elements=["symbol"], set_={**kept, "updated_at": statement.excluded.updated_at},
        where=or_(*(kept[name].is_distinct_from(table.c[name]) for name in fields)))
    return rows_affected(session.execute(statement, list(rows.values())))


def store_account_data(session: Session, data: AccountData, *, connection_id: str | None, now: datetime) -> AccountChanges:
    """Prepare and store in one go (tests, small writes); sync prepares outside the transaction."""
    prepared = prepare_account_data(data, dialect=session.connection().dialect, now=now)
    return store_prepared_account(session, prepared, connection_id=connection_id)


def store_orders(session: Session, orders: list[dict[str, Any]]) -> int:
    """Orders placed from the app already have a row under their client order id; match it first."""
    if not orders:
        return 0
    known = dict(session.execute(
        select(Order.client_order_id, Order.id).where(Order.client_order_id.in_([o["client_order_id"] for o in orders]))
    ).all())
    changed = 0
    fresh = []
    for order in orders:
        if order["client_order_id"] in known:
            result = session.execute(update(Order).where(
                Order.id == known[order["client_order_id"]],
                or_(*(getattr(Order, k).is_distinct_from(v) for k, v in order.items() if k != "client_order_id")),
            ).values(**order))
            changed += rows_affected(result)
        else:
            fresh.append(order)
    # an order the app placed keeps the client order id it was placed under
    return changed + upsert_rows(session, Order, fresh, ["account_id", "provider_order_id"],
                                 ignore=("client_order_id",))


#: A brokerage's clock and ours differ a little: an order placed this long before the ticket's
#: record is still the ticket's.
CLOCK_SKEW = timedelta(seconds=30)
#: A placement whose answer was lost reached the brokerage within moments of being sent: only an
#: order placed within this long after the ticket is its order. One placed later is the person's
#: own (outside the app), never the ticket's.
MATCH_WINDOW = timedelta(minutes=2)
NEVER_REACHED = ("No order at the brokerage matches this ticket within 2 minutes of sending: it never reached "
                 "the brokerage. Close it, and place it again if you still want it.")


def reconcile_tickets(session: Session, account_id: str, *, now: datetime) -> int:
    """Tickets the app sent whose answer never came (no order id, still pending), matched with an
    order the brokerage reports for this account that no ticket claims: same symbol, side, type
    and size, placed within :data:`MATCH_WINDOW` after the ticket was sent; of several, the pairs
    nearest in time first (SnapTrade orders carry no client id; Alpaca's are matched by theirs in
    :func:`store_orders`). The order's row is merged into the ticket's, so each order appears once,
    under the ticket, which keeps when it was sent; the audit says how it was matched. A ticket
    still unmatched once the window has passed is said never to have reached the brokerage.
    Returns how many tickets changed."""
    tickets = list(session.scalars(select(Order).where(
        Order.account_id == account_id, Order.provider_order_id.is_(None), Order.status == OrderStatus.PENDING,
    ).order_by(Order.submitted_at, Order.id)))
    if not tickets:
        return 0
    unclaimed = list(session.scalars(select(Order).where(
        Order.account_id == account_id, Order.provider_order_id.is_not(None),
        Order.client_order_id == literal(f"{account_id}:").concat(Order.provider_order_id),
    ).order_by(Order.submitted_at, Order.id)))
    pairs = sorted(((_gap(ticket, order), n, m) for n, ticket in enumerate(tickets) for m, order in enumerate(unclaimed)
                    if _same_order(ticket, order)),
                   key=lambda pair: (abs(pair[0]) if pair[0] == pair[0] else float("inf"), pair[1], pair[2]))
    matched_tickets: set[int] = set()
    matched_orders: set[int] = set()
    changed = 0
    for gap, n, m in pairs:
        if n in matched_tickets or m in matched_orders:
            continue
        matched_tickets.add(n)
        matched_orders.add(m)
        ticket, order = tickets[n], unclaimed[m]
        values = {c.key: getattr(order, c.key) for c in table_of(Order).columns
                  if c.key not in ("id", "client_order_id", "account_id", "submitted_at")}
        session.delete(order)
        session.flush()  # the order's provider id is free for the ticket
        for key, value in values.items():
            setattr(ticket, key, value)
        ticket.updated_at = now
        session.add(AuditEntry(at=now, action="reconciled", account_id=account_id, details={
            "client_order_id": ticket.client_order_id, "provider_order_id": ticket.provider_order_id,
            "symbol": ticket.symbol, "status": ticket.status.value,
            "how": (f"found at the next sync (the answer to the placement was lost): the nearest order of the same "
                    f"symbol, side, type and size placed within {int(MATCH_WINDOW.total_seconds() // 60)} minutes "
                    f"of sending, {gap:+.0f} s after it" if gap == gap else
                    "found at the next sync (the answer to the placement was lost): same symbol, side, type and size")}))
        changed += 1
    for n, ticket in enumerate(tickets):
        sent = _aware(ticket.submitted_at)
        if n in matched_tickets or sent is None or now < sent + MATCH_WINDOW or ticket.reject_reason == NEVER_REACHED:
            continue
        ticket.reject_reason = NEVER_REACHED
        ticket.updated_at = now
        session.add(AuditEntry(at=now, action="never_reached", account_id=account_id, details={
            "client_order_id": ticket.client_order_id, "symbol": ticket.symbol, "reason": NEVER_REACHED}))
        changed += 1
    return changed


def _aware(moment: datetime | None) -> datetime | None:
    """A stored moment as an aware one (the store's are UTC; a naive one is read as UTC)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _gap(ticket: Order, order: Order) -> float:
    """Seconds from sending the ticket to the brokerage's order (NaN: a time is missing)."""
    sent, placed = _aware(ticket.submitted_at), _aware(order.submitted_at)
    return float("nan") if sent is None or placed is None else (placed - sent).total_seconds()


def _same_order(ticket: Order, order: Order) -> bool:
    gap = _gap(ticket, order)
    return (order.symbol.removesuffix(".TO") == ticket.symbol.removesuffix(".TO") and order.side is ticket.side
            and order.order_type is ticket.order_type
            and (ticket.quantity is None or order.quantity == ticket.quantity)
            and (ticket.notional is None or order.notional in (None, ticket.notional))
            and (gap != gap or -CLOCK_SKEW.total_seconds() <= gap <= MATCH_WINDOW.total_seconds()))


def _upsert_account(session: Session, data: AccountData, account_id: str, connection_id: str | None,
                    now: datetime) -> bool:
    """Write the account's row; True when it is new or something a view shows of it moved (its
    sync stamps and status are not: :attr:`Change.SYNC_STATUS` says those)."""
    remote = data.account
    shown: dict[str, Any] = {
        "provider": remote.provider, "provider_account_id": remote.provider_account_id, "connection_id": connection_id,
        "institution": remote.institution, "name": remote.name, "masked_number": remote.masked_number,
        "account_type": remote.account_type, "currency": remote.currency, "is_active": True,
        "connection_type": remote.connection_type, "is_paper": remote.is_paper,
    }
    values: dict[str, Any] = {**shown, "stale_since": None, "last_sync_at": now, "last_error": None}
    if data.activities_to is not None:
        values["activities_synced_through"] = data.activities_to
    row = session.get(Account, account_id)  # read first: a known account (nearly every sync's) is one statement
    if row is None:
        if insert_once(session, Account, id=account_id, created_at=now, updated_at=now, **values):
            return True
        row = session.get_one(Account, account_id)  # another writer's, inserted meanwhile
    moved = any(getattr(row, key) != value for key, value in shown.items())
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = now
    return moved


def insert_once(session: Session, model: type[Base], **values: Any) -> bool:
    """Insert the row unless its key exists (``ON CONFLICT DO NOTHING``: two writers meeting is no
    error); True when this call inserted it."""
    session.flush()  # what the session holds goes first, in order
    statement = dialect_insert(session.connection().dialect)(table_of(model)).values(**values).on_conflict_do_nothing()
    inserted = rows_affected(session.connection().execute(statement)) > 0
    if inserted:
        session.expire_all()  # the identity map learns of the new row on its next read
    return inserted


def mark_accounts(session: Session, account_ids: Iterable[str], **values: Any) -> None:
    ids = list(account_ids)
    if ids:
        session.execute(update(Account).where(Account.id.in_(ids)).values(**values))


def deactivate_missing_accounts(session: Session, connection_id: str, present: set[str], *, now: datetime) -> int:
    """Accounts a connection no longer reports become inactive; their history stays."""
    result = session.execute(update(Account).where(
        Account.connection_id == connection_id, Account.is_active.is_(True), Account.id.not_in(present),
    ).values(is_active=False, updated_at=now))
    return rows_affected(result)


@functools.lru_cache(maxsize=1 << 16)
def tax_lots_json(lots: tuple[BrokerTaxLot, ...] | None) -> str | None:
    """The brokerage's lots as stored (exact decimal text); None when it reports none. Remembered:
    each sync brings every position's lots again, mostly unchanged."""
    if lots is None:
        return None
    return json.dumps([{"acquired": lot.acquired.isoformat() if lot.acquired else None, "quantity": canonical(lot.quantity),
                        "cost": None if lot.cost is None else canonical(lot.cost), "lot_id": lot.lot_id} for lot in lots])


def put_app_setting(session: Session, key: str, value: str, *, now: datetime) -> None:
    """Set one of the store's small settings (base currency, default account, history state); a
    personal one for this session's person alone in a shared book (:func:`queries.setting_key`)."""
    key = setting_key(session, key)
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value, updated_at=now))
    else:
        row.value, row.updated_at = value, now


def drop_app_setting(session: Session, key: str) -> None:
    """Forget a setting (a personal one: this session's person's)."""
    row = session.get(AppSetting, setting_key(session, key))
    if row is not None:
        session.delete(row)

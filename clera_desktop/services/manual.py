"""Manual accounts and their activities, typed in by the person: create, rename, delete; add, edit
and delete one activity at a time.

A form's cells go through the CSV importer's own checks (:func:`parse_line`), so a form accepts
exactly what a file would. Only manual accounts are edited here: a provider's account holds what
its provider reports, and the next sync would undo an edit. Every change rebuilds what derives
from it (the account's positions, cash and history) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError, LeavesCashNegative, SellsMoreThanHeld
from clera_desktop.core.money import format_money, format_quantity
from clera_desktop.core.text import NAME_LENGTH, clean_text
from clera_desktop.core.words import joined, said
from clera_desktop.imports.activities_csv import (
    ParsedLine,
    as_record,
    create_manual_account,
    form_cells,
    line_values,
    parse_line,
)
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType, Provider
from clera_desktop.models.history_marks import mark_rewritten
from clera_desktop.models.tables import Account, Activity, AppSetting
from clera_desktop.portfolio.history import ActivityRecord, cash_effect, sales_beyond_holdings
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.history import load_records, state_key
from clera_desktop.store.manual import LOT_METHOD_KEY

#: The cells of the activity form, in the order the form shows them (the CSV's columns but the account).
FORM_CELLS = ("date", "type", "symbol", "quantity", "price", "amount", "fee", "tax", "currency", "acquired", "description")
_ACTIVITY_CHANGES = Change.ACTIVITIES | Change.POSITIONS | Change.ACCOUNTS | Change.HISTORY


@dataclass(frozen=True, slots=True)
class ManualActivity:
    """One activity of a manual account as the form edits it."""

    id: int
    account_id: str
    cells: dict[str, str]


class ManualAccounts:
    def __init__(self, database: Database, clock: Callable[[], Clock], bus: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._bus = bus

    # ---- accounts ---------------------------------------------------------------------------

    async def create_account(self, name: str, currency: str) -> Changes:
        name, currency = clean_text(name, NAME_LENGTH), currency.strip().upper()
        if not name:
            raise CleraError(said("Give the account a name."))
        if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
            raise CleraError(said("{currency!r} is not a currency code such as USD or CAD.", currency=currency))
        now = self._clock().now()

        def write(session: Session) -> str:
            _name_is_free(session, name)
            return create_manual_account(session, name, currency, now=now).id

        account_id = await self._database.write(write)
        announced = said("Added the manual account {name} ({currency}).", name=name, currency=currency)
        return self._bus.announce(Changes(Change.ACCOUNTS, frozenset({account_id}), announced))

    async def rename_account(self, account_id: str, name: str) -> Changes:
        name = clean_text(name, NAME_LENGTH)
        if not name:
            raise CleraError(said("Give the account a name."))
        now = self._clock().now()

        def write(session: Session) -> None:
            account = _manual(session, account_id)
            if account.name != name:
                _name_is_free(session, name)
                account.name, account.updated_at = name, now

        await self._database.write(write)
        return self._bus.announce(Changes(Change.ACCOUNTS, frozenset({account_id}),
                                          said("Renamed the account {name}.", name=name)))

    async def delete_account(self, account_id: str) -> Changes:
        """The account and everything in it (its activities, positions, history): only a manual one."""
        def write(session: Session) -> str:
            account = _manual(session, account_id)
            name = account.name
            session.delete(account)  # the store cascades to its rows
            session.execute(delete(AppSetting).where(AppSetting.key.in_(
                [state_key(account_id), f"{LOT_METHOD_KEY}:{account_id}"])))
            return name

        name = await self._database.write(write)
        announced = said("Deleted the manual account {name}.", name=name)
        return self._bus.announce(Changes(_ACTIVITY_CHANGES, frozenset({account_id}), announced))

    # ---- activities -------------------------------------------------------------------------

    async def activity(self, activity_id: int) -> ManualActivity:
        def read(session: Session) -> ManualActivity:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise CleraError(said("That activity no longer exists."))
            return ManualActivity(activity.id, activity.account_id, form_cells(activity))

        return await self._database.read(read)

    async def check(self, account_id: str, cells: dict[str, str], *, decimal_comma: bool = False) -> list[str]:
        """What is wrong with the form's cells, as the import would say it (empty: nothing)."""
        today = self._clock().today()

        def read(session: Session) -> list[str]:
            return _checked_line(_manual(session, account_id), cells, decimal_comma=decimal_comma, today=today).errors

        return await self._database.read(read)

    async def save_activity(self, account_id: str, cells: dict[str, str], activity_id: int | None = None, *,
                            decimal_comma: bool = False, confirmed: bool = False) -> Changes:
        """Add an activity (``activity_id`` None) or replace one, after the import's checks
        (``decimal_comma``: the person's locale writes 1,5 for one and a half). A sale of more shares
        than the account holds that day raises :class:`SellsMoreThanHeld`, and one that leaves its
        cash below zero :class:`LeavesCashNegative`, unless the person has seen that and said so
        (``confirmed``)."""
        clock = self._clock()

        def write(session: Session) -> int:
            account = _manual(session, account_id)
            line = _checked_line(account, cells, decimal_comma=decimal_comma, today=clock.today())
            if line.errors:
                raise CleraError(joined(line.errors, "; ", end="."))
            if not confirmed:
                _refuse_unlikely(session, account, line, activity_id)
            values = line_values(line, account.id, account.currency)
            if activity_id is None:
                activity = Activity(provider_activity_id=f"manual:{uuid.uuid4().hex}", **values)
                session.add(activity)
            else:
                activity = _manual_activity(session, activity_id, account_id)
                moved_to = cast(date, values["trade_date"])  # the history from the earlier of its old and new day
                mark_rewritten(session, account_id, min(activity.trade_date, moved_to), now=clock.now())
                for key, value in values.items():
                    setattr(activity, key, value)
            session.flush()
            bring_up_to_date(session, clock)
            return activity.id

        saved = await self._database.write(write)
        announced = said("Added the activity.") if activity_id is None else said("Saved the activity.")
        return self._bus.announce(Changes(_ACTIVITY_CHANGES, frozenset({account_id}), announced,
                                          item=saved))

    async def delete_activity(self, activity_id: int) -> Changes:
        clock = self._clock()

        def write(session: Session) -> str:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise CleraError(said("That activity no longer exists."))
            account_id = activity.account_id
            _manual_activity(session, activity_id, account_id)
            session.delete(activity)
            session.flush()
            bring_up_to_date(session, clock)
            return account_id

        account_id = await self._database.write(write)
        return self._bus.announce(Changes(_ACTIVITY_CHANGES, frozenset({account_id}), said("Deleted the activity.")))


def _refuse_unlikely(session: Session, account: Account, line: ParsedLine, editing: int | None) -> None:
    """Say, before it is saved, a sale beyond the holding (:class:`SellsMoreThanHeld`) or a purchase
    beyond the cash (:class:`LeavesCashNegative`); both at once when both hold."""
    if line.day is None or line.type is None:
        return
    records = [r for r in load_records(session, account.id) if r.id != editing]
    found = [(kind, text) for kind, text in ((SellsMoreThanHeld, _sold_beyond_holding(account, line, records)),
                                             (LeavesCashNegative, _overdrawn(account, line, records))) if text]
    if found:
        raise found[0][0](joined([*(text for _kind, text in found),
                                  said("Add what is missing first, or save again to keep it as written.")], " "))


def _sold_beyond_holding(account: Account, line: ParsedLine, records: list[ActivityRecord]) -> str:
    """The import's own check (:func:`sales_beyond_holdings`) on the account's activities with this one."""
    if line.type not in (ActivityType.SELL, ActivityType.TRANSFER_OUT) or not line.symbol or not line.quantity:
        return ""
    held = dict(sales_beyond_holdings([*records, as_record(line)])).get(len(records))
    if held is None:
        return ""
    return said("{account} holds {held} {symbol} on {day}: this takes out {quantity}, leaving {left}.",
                account=account.name, held=format_quantity(held), symbol=line.symbol, day=line.day,
                quantity=format_quantity(line.quantity), left=format_quantity(held - line.quantity))


def _overdrawn(account: Account, line: ParsedLine, records: list[ActivityRecord]) -> str:
    """A line that takes cash out and leaves the account's cash below zero at the end of its day
    (the deposit that paid for it not recorded yet, or a loan)."""
    assert line.day is not None
    effect = cash_effect(as_record(line))
    if effect >= 0:
        return ""
    cash = sum((cash_effect(r) for r in records if r.day <= line.day), effect)
    if cash >= 0:
        return ""
    return said("This leaves {account} with {cash} in cash on {day}.", account=account.name,
                cash=format_money(cash, account.currency), day=line.day)


def _checked_line(account: Account, cells: dict[str, str], *, decimal_comma: bool, today: date) -> ParsedLine:
    """The form's cells read as the account's CSV line would be, in the account's currency."""
    line = parse_line(0, {**cells, "account": account.name}, comma=decimal_comma, today=today)
    if line.currency and line.currency != account.currency:
        line.errors.append(f"{account.name} keeps {account.currency}; this activity is in {line.currency}")
    return line


def _manual(session: Session, account_id: str) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise CleraError(said("That account no longer exists."))
    if account.provider is not Provider.MANUAL:
        raise CleraError(said("{account} is kept by its provider: its activities change when the provider's do. Add a "
                              "manual account for records of your own.", account=account.name))
    return account


def _manual_activity(session: Session, activity_id: int, account_id: str) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.account_id != account_id:
        raise CleraError(said("That activity no longer exists."))
    _manual(session, account_id)
    return activity


def _name_is_free(session: Session, name: str) -> None:
    taken = session.scalar(select(func.count()).select_from(Account).where(Account.name == name))
    if taken:
        raise CleraError(said("An account named {name!r} exists already.", name=name))

"""Lots and gains against the store: each account's activities replayed by its own method.

Read-only; runs on a worker thread (the database's reader). Settings that shape the figures:
``lot_method`` (the default) and ``lot_method:<account>`` (portfolio/manual.py's
:func:`lot_method`), and ``long_term_months`` (how long a holding must be held to be long-term).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.tables import Account, AppSetting
from clera_desktop.portfolio.gains import AccountLots, GainsReport, is_sheltered, realised_gains
from clera_desktop.portfolio.history_store import FxTable, internal_transfers, load_records
from clera_desktop.portfolio.lots import LONG_TERM_MONTHS, build_lots
from clera_desktop.portfolio.manual import lot_method

LONG_TERM_KEY = "long_term_months"


def long_term_months(session: Session) -> int:
    row = session.get(AppSetting, LONG_TERM_KEY)
    try:
        months = int(row.value) if row is not None else LONG_TERM_MONTHS
    except ValueError:
        return LONG_TERM_MONTHS
    return months if 0 <= months <= 600 else LONG_TERM_MONTHS


def account_lots(session: Session, account_ids: Collection[str] | None = None) -> list[AccountLots]:
    """Every active account's lots (or those of ``account_ids``), in the accounts' name order."""
    query = (select(Account.id, Account.name, Account.currency, Account.account_type)
             .where(Account.is_active.is_(True)).order_by(Account.name))
    if account_ids is not None:
        query = query.where(Account.id.in_(sorted(account_ids)))
    internal = internal_transfers(session)
    result = []
    for account_id, name, currency, account_type in session.execute(query).all():
        method = lot_method(session, account_id)
        book = build_lots(load_records(session, account_id, internal), method)
        result.append(AccountLots(account_id, name, currency, method, book, is_sheltered(account_type)))
    return result


def gains_report(session: Session, base: str, start: date, end: date,
                 account_ids: Collection[str] | None = None) -> GainsReport:
    rates = FxTable(session)
    return realised_gains(account_lots(session, account_ids), base, start, end, rates.rate_on,
                          long_term_months(session))

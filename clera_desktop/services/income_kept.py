"""The Income report of every account, kept in the store beside the marks of what it was read from,
so that the first open after a start shows it at once instead of summing every payment again.

At a million activities the report takes 1.3-1.5 s to read (bench/income_bench.py); kept, it is a
small row (the days' sums and a few hundred sources) and a handful of cheap counts that say whether
anything it depends on moved since: the activities (their count and newest id), activities rewritten
in place (the history's marks, and each account's history state, whose serial moves when a rewrite
is taken in), the rates, the positions still held (the projection), the accounts and their names.
Any of them moved, or another base currency or day: it is read again, and kept again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Float, cast, func, select
from sqlalchemy.orm import Session

from clera_desktop.models.tables import Account, Activity, AppSetting, FxRate, Position
from clera_desktop.models.upserts import put_app_setting
from clera_desktop.portfolio.income import Amounts, IncomeReport, SourceIncome
from clera_desktop.store.history import table_marks

KEY = "income-report"
#: The prefixes of the store's settings that say an account's activities changed (history_store's
#: state, history_marks' rewrite mark).
_ACCOUNT_MARKS = ("history:", "history-rewritten:")


def marks(session: Session) -> str:
    """A digest of everything :func:`store.income.income_report` reads."""
    activities, rates = table_marks(session, Activity.id), table_marks(session, FxRate.id)
    held = session.execute(select(func.count(Position.id), func.coalesce(func.sum(Position.id), 0))
                           .where(cast(Position.quantity, Float) > 0)).one()
    accounts = session.execute(select(Account.id, Account.name, Account.is_active).order_by(Account.id)).all()
    settings = session.execute(select(AppSetting.key, AppSetting.value).where(
        AppSetting.key.startswith(_ACCOUNT_MARKS[0]) | AppSetting.key.startswith(_ACCOUNT_MARKS[1]))
        .order_by(AppSetting.key)).all()
    text = json.dumps([activities, rates, list(held), [list(a) for a in accounts],
                       [list(s) for s in settings]], default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def load(session: Session, base: str, today: date, *, now_marks: str) -> IncomeReport | None:
    """The kept report, when it was read in ``base`` on ``today`` from what the store holds now."""
    row = session.get(AppSetting, KEY)
    if row is None:
        return None
    try:
        kept = json.loads(row.value)
        if (kept["base"], kept["today"], kept["marks"]) != (base, today.isoformat(), now_marks):
            return None
        return _decode(kept)
    except (ValueError, KeyError, TypeError):  # written by another version: read again
        return None


def save(session: Session, report: IncomeReport, read_marks: str, *, now: Any) -> None:
    """Keep ``report``, read when the store's marks were ``read_marks``."""
    put_app_setting(session, KEY, json.dumps(_encode(report, read_marks)), now=now)


def _encode(report: IncomeReport, read_marks: str) -> dict[str, Any]:
    return {
        "base": report.base_currency, "today": report.today.isoformat(), "marks": read_marks,
        "days": [[day.isoformat(), a.gross, a.tax, a.fee, a.payments] for day, a in sorted(report.days.items())],
        "sources": [[s.kind, s.symbol, list(s.accounts), str(s.net), str(s.tax), s.payments, s.last_paid.isoformat(),
                     str(s.projected)] for s in report.sources],
        "left_out": dict(report.left_out),
    }


def _decode(kept: dict[str, Any]) -> IncomeReport:
    days = {date.fromisoformat(day): Amounts(gross, tax, fee, payments) for day, gross, tax, fee, payments in kept["days"]}
    sources = tuple(SourceIncome(kind, symbol, tuple(accounts), Decimal(net), Decimal(tax), payments,
                                 date.fromisoformat(last), Decimal(projected))
                    for kind, symbol, accounts, net, tax, payments, last, projected in kept["sources"])
    return IncomeReport(kept["base"], date.fromisoformat(kept["today"]), days, sources,
                        {pair: int(count) for pair, count in kept["left_out"].items()})

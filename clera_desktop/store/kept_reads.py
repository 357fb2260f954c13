"""Each account's stored days and activity records, kept between reads while they stay the same.

A view's figures read every account's days (30,000 of them at 10 accounts and 8 years) and every
activity (for the gains) again after each change, though a change usually touches one account.
Kept here, a read asks the store only for what tells the accounts apart (each one's history state,
whose serial moves whenever its days are written, and the count of its days; for the records, the
count and newest id of its activities, the mark of a rewrite in place, and the history state) and
reads again only the accounts whose marks moved. The marks are read in the
reader's own transaction, so what is returned is what that transaction sees, whichever process wrote.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Collection, Hashable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.models.history_marks import rewritten_key
from clera_desktop.models.tables import Activity, AppSetting, PortfolioSnapshot
from clera_desktop.portfolio.history import ActivityRecord
from clera_desktop.store.history import SnapshotRow, records_by_account, snapshot_rows, state_key

#: Days kept at most, across accounts (about 0.9 KB each: 50 MB): a larger book is read each time.
MOST_DAYS = 60_000


class KeptReads:
    def __init__(self, most_days: int = MOST_DAYS) -> None:
        self._most_days = most_days
        self._lock = threading.Lock()  # two reader threads may ask at once
        self._days: dict[str, tuple[Hashable, list[SnapshotRow]]] = {}
        self._records: dict[str, tuple[Hashable, list[ActivityRecord]]] = {}

    def days(self, session: Session, account_ids: list[str], end: date | None) -> dict[str, list[SnapshotRow]]:
        """:func:`history_store.snapshot_rows` of ``account_ids`` up to ``end``."""
        states = _settings(session, account_ids)
        counts = dict(session.execute(select(PortfolioSnapshot.account_id, func.count()).where(
            PortfolioSnapshot.account_id.in_(account_ids)).group_by(PortfolioSnapshot.account_id)).all())
        marks = {a: (states.get(state_key(a)), counts.get(a, 0)) for a in account_ids}
        with self._lock:
            kept = {a: rows for a, (mark, rows) in self._days.items() if marks.get(a) == mark}
        fresh = snapshot_rows(session, [a for a in account_ids if a not in kept], None)
        if fresh:
            with self._lock:
                for account_id, rows in fresh.items():
                    self._days[account_id] = (marks[account_id], rows)
                if sum(len(rows) for _, rows in self._days.values()) > self._most_days:
                    self._days.clear()
        every = {**kept, **fresh}
        return {a: _upto(every[a], end) for a in account_ids}

    def records(self, session: Session, account_ids: Collection[str] | None,
                internal: Collection[int]) -> dict[str, list[ActivityRecord]]:
        """:func:`history_store.records_by_account` of ``account_ids`` (None: every account;
        ``internal``: the transfers between the person's own accounts, which the records mark)."""
        query = select(Activity.account_id, func.count(Activity.id), func.max(Activity.id)).group_by(Activity.account_id)
        if account_ids is not None:
            query = query.where(Activity.account_id.in_(list(account_ids)))
        counted = [(account_id, count, newest) for account_id, count, newest in session.execute(query)]
        states = _settings(session, [a for a, _, _ in counted])
        moves = frozenset(internal)
        marks = {a: (count, newest, moves, states.get(state_key(a)), states.get(rewritten_key(a)))
                 for a, count, newest in counted}
        with self._lock:
            kept = {a: records for a, (mark, records) in self._records.items() if a in marks and marks[a] == mark}
        wanted = [a for a in marks if a not in kept]
        fresh = records_by_account(session, wanted, internal) if wanted else {}
        with self._lock:
            for account_id, records in fresh.items():
                self._records[account_id] = (marks[account_id], records)
        return {**kept, **fresh}


def _settings(session: Session, account_ids: Collection[str]) -> dict[str, str]:
    """The accounts' history states and rewrite marks, by key."""
    keys = [key for a in account_ids for key in (state_key(a), rewritten_key(a))]
    return dict(session.execute(select(AppSetting.key, AppSetting.value).where(AppSetting.key.in_(keys))).all())


def _upto(rows: list[SnapshotRow], end: date | None) -> list[SnapshotRow]:
    """``rows`` (in date order, the day first) through ``end``."""
    if end is None or not rows or rows[-1][0] <= end:
        return rows
    return rows[:bisect.bisect_right(rows, end, key=lambda row: row[0])]

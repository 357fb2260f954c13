"""Where an account's history must be rebuilt from, when a writer rewrote activities in place.

The history notices added and removed activities by itself (their count and newest id); a row
rewritten in place (an activity edited in a form, a provider correcting one it sent before) leaves
both as they were, so its writer marks the account here, from the first day the rewrite can move.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from clera_desktop.models.tables import AppSetting

#: Rebuild every day (the rewritten row's old day is not known).
EVERY_DAY = date.min


def rewritten_key(account_id: str) -> str:
    return f"history-rewritten:{account_id}"


def mark_rewritten(session: Session, account_id: str, since: date, *, now: datetime) -> None:
    """The account's activities from ``since`` on were rewritten (the earliest mark stands)."""
    row = session.get(AppSetting, rewritten_key(account_id))
    if row is None:
        session.add(AppSetting(key=rewritten_key(account_id), value=since.isoformat(), updated_at=now))
    else:
        row.value, row.updated_at = min(since, date.fromisoformat(row.value)).isoformat(), now


def rewritten_since(session: Session, account_id: str) -> date | None:
    row = session.get(AppSetting, rewritten_key(account_id))
    return None if row is None else date.fromisoformat(row.value)


def clear_rewritten(session: Session, account_id: str) -> None:
    row = session.get(AppSetting, rewritten_key(account_id))
    if row is not None:
        session.delete(row)

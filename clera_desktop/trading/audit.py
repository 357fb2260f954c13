"""The trading audit log: every preview, placement, cancel and rejection, never a secret.

Entries are written in the same transaction as the order change they describe, so the log
and the orders table cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.csv_safe import write_rows
from clera_desktop.core.files import open_private
from clera_desktop.core.money import canonical
from clera_desktop.models.tables import Account, AuditEntry

#: Keys that never enter the log, whatever a caller passes.
_SECRET_WORDS = ("secret", "token", "password", "api_key", "apikey", "authorization", "consumer_key")


class AuditAction:
    PREVIEW = "preview"
    PREVIEW_REJECTED = "preview_rejected"
    TICKET_INVALID = "ticket_invalid"
    PLACE_REQUESTED = "place_requested"
    PLACED = "placed"
    REJECTED = "rejected"
    UNCONFIRMED = "placement_unconfirmed"
    RECONCILED = "reconciled"
    TICKET_CLOSED = "ticket_closed"  # never confirmed by the brokerage; closed by the person
    NEVER_REACHED = "never_reached"  # no order at the brokerage matched it within the window after sending
    CANCEL_REQUESTED = "cancel_requested"
    CANCELED = "canceled"
    CANCEL_FAILED = "cancel_failed"
    FILLED = "filled"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return canonical(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if not any(w in str(k).lower() for w in _SECRET_WORDS)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record(session: Session, action: str, account_id: str | None, details: Mapping[str, Any],
           *, at: datetime) -> None:
    session.add(AuditEntry(at=at, action=action, account_id=account_id, details=_plain(details)))


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: datetime
    action: str
    account_id: str | None
    account_name: str | None
    summary: str
    details: dict[str, Any]


def summarize(action: str, details: Mapping[str, Any]) -> str:
    ticket = details.get("ticket")
    parts = [str(details["message"])] if details.get("message") else []
    if isinstance(ticket, Mapping):
        amount = ticket.get("quantity") or (f"{ticket.get('notional')} notional" if ticket.get("notional") else "?")
        prices = "".join(f" {label} {ticket[key]}" for key, label in (("limit_price", "@"), ("stop_price", "stop"))
                         if ticket.get(key))
        parts.insert(0, f"{str(ticket.get('side', '')).upper()} {amount} {ticket.get('symbol', '')} "
                        f"{str(ticket.get('order_type', '')).replace('_', '-')}{prices}")
    if details.get("estimated_total") is not None:
        parts.append(f"estimated total {details['estimated_total']} ({details.get('total_source')})")
    if details.get("problems"):
        parts.append("; ".join(map(str, details["problems"])))
    for key in ("provider_order_id", "status", "reason", "how"):
        if details.get(key):
            parts.append(f"{key.replace('_', ' ')}: {details[key]}")
    return "; ".join(parts) or action


def audit_rows(session: Session, *, limit: int = 5000) -> list[AuditRow]:
    entries = session.execute(
        select(AuditEntry, Account.name).outerjoin(Account, Account.id == AuditEntry.account_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    return [AuditRow(e.at, e.action, e.account_id, name, summarize(e.action, e.details), dict(e.details))
            for e, name in entries]


def export_audit_csv(rows: Iterable[AuditRow], path: Path) -> int:
    """Write the log as CSV (details as JSON); returns the number of entries written."""
    with open_private(path, newline="") as handle:  # what was traded where: the person's alone
        return write_rows(handle, ["at", "action", "account_id", "account", "summary", "details"], (
            [row.at, row.action, row.account_id, row.account_name, row.summary, json.dumps(row.details, sort_keys=True)]
            for row in rows))

"""Activities from CSV: ``date,account,type,symbol,quantity,price,amount,fee,currency``.

The rules (what other trackers' users ask for, made explicit):
- dates are ISO 8601; numbers use a decimal point; amounts are positive, the type gives the
  direction; a BUY or SELL with an empty amount moves quantity x price (plus the fee for a buy,
  minus it for a sell); a SPLIT carries its ratio in ``quantity`` (2 = 2-for-1), applied before
  that day's trades; DEPOSIT and WITHDRAWAL are the external flows;
- an account named in the file that does not exist becomes a manual account (the preview says so);
- every line is checked first: any fatal line, and nothing is imported;
- a line's identity is its content plus how many identical lines came before it in the file, so
  importing the same file again adds nothing while two identical lines stay two activities.
"""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.enums import ActivityType, ConnectionType, Provider
from clera_desktop.models.tables import Account, Activity
from clera_desktop.models.upserts import upsert_rows
from clera_desktop.portfolio.history_store import SPLIT_RATIO_RAW_TYPE

COLUMNS = ("date", "account", "type", "symbol", "quantity", "price", "amount", "fee", "currency")
TYPES = {t.name: t for t in (ActivityType.BUY, ActivityType.SELL, ActivityType.DIVIDEND, ActivityType.INTEREST,
                             ActivityType.DEPOSIT, ActivityType.WITHDRAWAL, ActivityType.FEE, ActivityType.SPLIT,
                             ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT)}
_MONEY_OUT = {ActivityType.BUY, ActivityType.WITHDRAWAL, ActivityType.FEE, ActivityType.TRANSFER_OUT}
_NEEDS_SYMBOL = {ActivityType.BUY, ActivityType.SELL, ActivityType.SPLIT}
_NEEDS_AMOUNT = {ActivityType.DIVIDEND, ActivityType.INTEREST, ActivityType.DEPOSIT, ActivityType.WITHDRAWAL,
                 ActivityType.FEE}


@dataclass
class ParsedLine:
    number: int  # 1-based, the header is line 1
    account: str
    day: date | None = None
    type: ActivityType | None = None
    symbol: str | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    amount: Decimal | None = None  # signed cash effect in the app's convention
    fee: Decimal | None = None
    currency: str | None = None
    errors: list[str] = field(default_factory=list)
    identity: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ActivitiesPreview:
    lines: list[ParsedLine]
    file_errors: list[str] = field(default_factory=list)
    new_accounts: list[str] = field(default_factory=list)
    already_imported: int = 0

    @property
    def fatal(self) -> bool:
        return bool(self.file_errors) or any(not line.ok for line in self.lines)

    @property
    def to_import(self) -> int:
        return len(self.lines) - self.already_imported

    def summary(self) -> str:
        parts = [f"{len(self.lines)} lines", f"{self.to_import} new activities",
                 f"{self.already_imported} already imported"]
        if self.new_accounts:
            parts.append("new manual accounts: " + ", ".join(self.new_accounts))
        text = "; ".join(parts)
        problems = self.file_errors + [f"line {line.number}: {e}" for line in self.lines for e in line.errors]
        if problems:
            text += "\n" + "\n".join(problems) + "\nNothing will be imported until these lines are fixed."
        return text


def _decimal(text: str, name: str, line: ParsedLine) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        line.errors.append(f"{name} {text!r} is not a number (use a decimal point, no thousands separators)")
        return None
    if not value.is_finite():
        line.errors.append(f"{name} {text!r} is not a number")
        return None
    return value


def _day(text: str, line: ParsedLine) -> date | None:
    try:
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        line.errors.append(f"date {text!r} is not ISO 8601 (YYYY-MM-DD)")
        return None


def parse_activities(text: str) -> ActivitiesPreview:
    """Check every line; pure (no store)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return ActivitiesPreview([], [f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)} "
                                      f"(expected {','.join(COLUMNS)})"])
    lines: list[ParsedLine] = []
    seen: Counter[tuple[str, ...]] = Counter()
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        line = ParsedLine(number, row["account"])
        if not line.account:
            line.errors.append("account is empty")
        line.day = _day(row["date"], line)
        kind = TYPES.get(row["type"].upper())
        if kind is None:
            line.errors.append(f"type {row['type']!r} is not one of {', '.join(TYPES)}")
        line.type = kind
        line.symbol = row["symbol"].upper() or None
        line.quantity = _decimal(row["quantity"], "quantity", line)
        line.price = _decimal(row["price"], "price", line)
        amount = _decimal(row["amount"], "amount", line)
        line.fee = _decimal(row["fee"], "fee", line)
        line.currency = row["currency"].upper() or None
        if line.currency is not None and (len(line.currency) != 3 or not line.currency.isalpha()):
            line.errors.append(f"currency {row['currency']!r} is not a code such as USD")
        for name, value in (("quantity", line.quantity), ("price", line.price), ("amount", amount), ("fee", line.fee)):
            if value is not None and value < 0:
                line.errors.append(f"{name} must not be negative (the type gives the direction)")
        if kind is not None:
            _check_kind(line, kind, amount)
        identity = tuple(row.get(c, "") for c in COLUMNS)
        line.identity = hashlib.sha256(("|".join(identity) + f"#{seen[identity]}").encode()).hexdigest()[:40]
        seen[identity] += 1
        lines.append(line)
    if not lines:
        return ActivitiesPreview([], ["the file has no activity lines"])
    return ActivitiesPreview(lines)


def _check_kind(line: ParsedLine, kind: ActivityType, amount: Decimal | None) -> None:
    if kind in _NEEDS_SYMBOL and not line.symbol:
        line.errors.append(f"a {kind.name} needs a symbol")
    if kind in (ActivityType.BUY, ActivityType.SELL):
        if not line.quantity:
            line.errors.append(f"a {kind.name} needs a quantity greater than zero")
        if amount is None:
            if line.price is None:
                line.errors.append(f"a {kind.name} needs an amount, or a price to compute it")
            elif line.quantity:
                fee = line.fee or Decimal(0)
                gross = line.quantity * line.price
                amount = gross + fee if kind is ActivityType.BUY else gross - fee
    elif kind is ActivityType.SPLIT:
        if not line.quantity or line.quantity <= 0:
            line.errors.append("a SPLIT needs its ratio in quantity (2 for a 2-for-1 split)")
        amount = Decimal(0)
    elif kind in (ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT):
        if line.symbol and not line.quantity:
            line.errors.append(f"a {kind.name} of a security needs a quantity")
        if not line.symbol and amount is None:
            line.errors.append(f"a cash {kind.name} needs an amount")
        amount = amount if amount is not None else Decimal(0)
    elif kind in _NEEDS_AMOUNT and amount is None:
        line.errors.append(f"a {kind.name} needs an amount")
    if amount is not None:
        line.amount = -amount if kind in _MONEY_OUT else amount


def preview_against_store(session: Session, preview: ActivitiesPreview) -> ActivitiesPreview:
    """Which accounts are new, and which lines an earlier import already brought in."""
    accounts = {a.name: a for a in session.scalars(select(Account))}
    preview.new_accounts = sorted({line.account for line in preview.lines if line.account and line.account not in accounts})
    ids = [f"csv:{line.identity}" for line in preview.lines]
    existing = set(session.scalars(select(Activity.provider_activity_id).where(Activity.provider_activity_id.in_(ids))))
    preview.already_imported = sum(1 for i in ids if i in existing)
    for line in preview.lines:
        account = accounts.get(line.account)
        if account is not None and line.currency and line.currency != account.currency:
            line.errors.append(f"{line.account} keeps {account.currency}; this line is in {line.currency}")
    return preview


def create_manual_account(session: Session, name: str, currency: str, *, now: datetime) -> Account:
    own_id = uuid.uuid4().hex
    account = Account(id=f"manual_{own_id}", provider=Provider.MANUAL, provider_account_id=own_id, institution="Manual",
                      name=name, currency=currency, connection_type=ConnectionType.READ, is_paper=False,
                      created_at=now, updated_at=now, last_sync_at=None)
    session.add(account)
    session.flush()
    return account


def import_activities(session: Session, preview: ActivitiesPreview, *, source: str, now: datetime) -> int:
    """Write a checked preview in the caller's transaction; returns how many activities were added."""
    if preview.fatal:
        raise ValueError("a preview with errors is never imported")
    accounts = {a.name: a for a in session.scalars(select(Account))}
    for name in preview.new_accounts:
        if name not in accounts:
            first = next(line for line in preview.lines if line.account == name)
            accounts[name] = create_manual_account(session, name, first.currency or "USD", now=now)
    rows = [{
        "account_id": accounts[line.account].id, "provider_activity_id": f"csv:{line.identity}",
        "type": line.type,
        "raw_type": SPLIT_RATIO_RAW_TYPE if line.type is ActivityType.SPLIT else (line.type.name if line.type else None),
        "trade_date": line.day, "settlement_date": None, "symbol": line.symbol, "quantity": line.quantity,
        "price": line.price, "amount": line.amount, "fee": line.fee,
        "currency": line.currency or accounts[line.account].currency, "description": f"Imported from {source}",
    } for line in preview.lines]
    return upsert_rows(session, Activity, rows, ["account_id", "provider_activity_id"], ignore=())

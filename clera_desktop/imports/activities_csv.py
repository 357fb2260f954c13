"""Activities from CSV: ``date,account,type`` and any of ``symbol,quantity,price,amount,fee,tax,
currency,acquired,description``.

The rules (what other trackers' users ask for, made explicit; README says them too):
- dates are ISO 8601 and not after today; numbers use the file's decimal mark (detected) and no
  thousands separator; amounts are positive and the type gives the direction (a TAX with a
  negative amount is a tax refund);
- BUY/SELL: ``amount`` is the cash that moved, fee included; without it, quantity x price plus
  the fee for a buy, minus it for a sell;
- DIVIDEND/INTEREST: ``amount`` is gross; ``fee`` and ``tax`` (withheld) are deducted from the
  cash, and the report shows all three;
- FEE, TAX: money out; REFUND: a fee or commission given back;
- SPLIT: the ratio in ``quantity`` (2 = 2-for-1), applied before that day's trades;
- TRANSFER_IN/TRANSFER_OUT of a security (with a symbol) move shares, never cash: ``amount`` (or
  quantity x ``price``) is the cost they carry and ``acquired`` the day they were first bought;
  without a symbol they move cash. DEPOSIT and WITHDRAWAL are the external flows;
- an account named in the file that does not exist becomes a manual account (the preview says so);
- every line is checked first; the good lines of a file with bad ones can be imported on their own;
- a line's identity is its content plus how many identical lines came before it in the file, so
  importing the same file again adds nothing while two identical lines stay two activities.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.money import format_quantity
from clera_desktop.core.text import DESCRIPTION_LENGTH, NAME_LENGTH, SYMBOL_LENGTH, clean_text
from clera_desktop.core.words import said
from clera_desktop.imports import fields
from clera_desktop.imports.csv_file import Detected, UnreadableFile, read_table
from clera_desktop.models.enums import ActivityType, ConnectionType, Provider
from clera_desktop.models.tables import Account, Activity
from clera_desktop.models.upserts import upsert_rows
from clera_desktop.portfolio.history import ActivityRecord, sales_beyond_holdings
from clera_desktop.store.history import SPLIT_RATIO_RAW_TYPE, load_records

COLUMNS = ("date", "account", "type", "symbol", "quantity", "price", "amount", "fee", "currency")
OPTIONAL = ("tax", "acquired", "description")
REQUIRED = ("date", "account", "type")
NUMERIC = ("quantity", "price", "amount", "fee", "tax")
TYPES = {t.name: t for t in (ActivityType.BUY, ActivityType.SELL, ActivityType.DIVIDEND, ActivityType.INTEREST,
                             ActivityType.DEPOSIT, ActivityType.WITHDRAWAL, ActivityType.FEE, ActivityType.TAX,
                             ActivityType.REFUND, ActivityType.SPLIT, ActivityType.TRANSFER_IN,
                             ActivityType.TRANSFER_OUT)}
_MONEY_OUT = {ActivityType.BUY, ActivityType.WITHDRAWAL, ActivityType.FEE, ActivityType.TAX, ActivityType.TRANSFER_OUT}
_NEEDS_SYMBOL = {ActivityType.BUY, ActivityType.SELL, ActivityType.SPLIT}
_NEEDS_AMOUNT = {ActivityType.DIVIDEND, ActivityType.INTEREST, ActivityType.DEPOSIT, ActivityType.WITHDRAWAL,
                 ActivityType.FEE, ActivityType.TAX, ActivityType.REFUND}
_INCOME = {ActivityType.DIVIDEND, ActivityType.INTEREST}


@dataclass
class ParsedLine:
    number: int  # the line in the file, the header being line 1
    account: str
    day: date | None = None
    type: ActivityType | None = None
    symbol: str | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    amount: Decimal | None = None  # the signed cash effect in the app's convention (None: no cash moves)
    fee: Decimal | None = None
    tax: Decimal | None = None
    cost_basis: Decimal | None = None  # what transferred shares carry
    acquired_on: date | None = None
    currency: str | None = None
    description: str | None = None
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
    warnings: list[str] = field(default_factory=list)  # what goes in as written, but deserves a look
    detected: Detected | None = None

    @property
    def fatal(self) -> bool:
        """Something is wrong; :attr:`importable` says whether the good lines may still go in."""
        return bool(self.file_errors) or any(not line.ok for line in self.lines)

    @property
    def good_lines(self) -> list[ParsedLine]:
        return [line for line in self.lines if line.ok]

    @property
    def importable(self) -> bool:
        """Some lines can go in (all of them, or the good ones when asked)."""
        return not self.file_errors and bool(self.good_lines)

    @property
    def to_import(self) -> int:
        return len(self.good_lines) - self.already_imported

    def summary(self) -> str:
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """What was read, line by line: each a sentence the window can translate (core/words)."""
        counts = said("{lines} lines; {new} new activities; {known} already imported", lines=len(self.lines),
                      new=self.to_import, known=self.already_imported)
        if self.new_accounts:
            counts = said("{counts}; new manual accounts: {accounts}", counts=counts, accounts=", ".join(self.new_accounts))
        shown = [*([self.detected.describe()] if self.detected else []), counts]
        shown += [said("Check: {warning}", warning=warning) for warning in self.warnings[:50]]
        shown += ["..."] if len(self.warnings) > 50 else []
        problems = [*self.file_errors,
                    *(said("line {number}: {problem}", number=line.number, problem=e)
                      for line in self.lines for e in line.errors)]
        if problems:
            bad = sum(1 for line in self.lines if not line.ok)
            shown += problems[:200] + (["..."] if len(problems) > 200 else [])
            if not self.importable:
                shown.append(said("Nothing can be imported until these are fixed."))
            elif bad == 1:
                shown.append(said("1 line cannot be imported as written; the other {good} can be imported on their own.",
                                  good=len(self.good_lines)))
            else:
                shown.append(said("{bad} lines cannot be imported as written; the other {good} can be imported on their "
                                  "own.", bad=bad, good=len(self.good_lines)))
        return shown


def parse_activities(data: bytes | str, *, today: date) -> ActivitiesPreview:
    """Check every line; pure (no store). ``today`` bounds the dates (the app's clock)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        table = read_table(raw, (*COLUMNS, *OPTIONAL), numeric=NUMERIC)
    except UnreadableFile as error:
        return ActivitiesPreview([], [str(error)])
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        columns = {"missing": ", ".join(missing), "required": ",".join(REQUIRED),
                  "optional": ",".join(c for c in (*COLUMNS, *OPTIONAL) if c not in REQUIRED)}
        said_missing = (said("missing column: {missing} (the file needs {required} and any of {optional})", **columns)
                        if len(missing) == 1 else
                        said("missing columns: {missing} (the file needs {required} and any of {optional})", **columns))
        return ActivitiesPreview([], [said_missing], detected=table.detected)
    lines: list[ParsedLine] = []
    seen: Counter[tuple[str, ...]] = Counter()
    comma = table.detected.decimal_comma
    for number, row in table.rows:
        line = parse_line(number, row, comma=comma, today=today)
        identity = tuple(row.get(c, "") for c in (*COLUMNS, *OPTIONAL))
        line.identity = hashlib.sha256(("|".join(identity) + f"#{seen[identity]}").encode()).hexdigest()[:40]
        seen[identity] += 1
        lines.append(line)
    if not lines:
        return ActivitiesPreview([], [said("the file has no activity lines")], detected=table.detected)
    return ActivitiesPreview(lines, detected=table.detected)


def parse_line(number: int, row: dict[str, str], *, comma: bool, today: date) -> ParsedLine:
    """One line's cells (as text, by column name) checked and read; the activity form uses it too."""
    line = ParsedLine(number, clean_text(row.get("account", ""), NAME_LENGTH))
    if "\x00extra" in row:
        line.errors.append(said("more cells than the header has columns (a separator inside a value?)"))
    if not line.account:
        line.errors.append(said("account is empty"))
    line.day = fields.day(row.get("date", ""), "date", line, today=today)
    kind = TYPES.get(clean_text(row.get("type", ""), 32).upper())
    if kind is None:
        line.errors.append(said("type {given!r} is not one of {types}",
                                given=clean_text(row.get("type", ""), 32), types=", ".join(TYPES)))
    line.type = kind
    line.symbol = clean_text(row.get("symbol", ""), SYMBOL_LENGTH).upper() or None
    line.quantity = fields.number(row.get("quantity", ""), "quantity", line, decimal_comma=comma)
    line.price = fields.number(row.get("price", ""), "price", line, decimal_comma=comma)
    amount = fields.number(row.get("amount", ""), "amount", line, decimal_comma=comma, negative=kind is ActivityType.TAX)
    line.fee = fields.number(row.get("fee", ""), "fee", line, decimal_comma=comma)
    line.tax = fields.number(row.get("tax", ""), "tax", line, decimal_comma=comma)
    line.currency = fields.currency(row.get("currency", ""), line)
    line.acquired_on = fields.day(row.get("acquired", ""), "acquired", line, today=today, required=False)
    line.description = clean_text(row.get("description", ""), DESCRIPTION_LENGTH) or None
    if kind is not None:
        _apply_kind(line, kind, amount)
    return line


def _apply_kind(line: ParsedLine, kind: ActivityType, amount: Decimal | None) -> None:
    """What the line's cells mean for its type: the cash it moves, the shares, the cost they carry."""
    if kind in _NEEDS_SYMBOL and not line.symbol:
        line.errors.append(said("a {kind} needs a symbol", kind=kind.name))
    if line.tax is not None and kind not in (*_INCOME, ActivityType.SELL):
        line.errors.append(said("tax is withheld on a DIVIDEND, INTEREST or SELL line; book a {kind}'s tax as a TAX line",
                                kind=kind.name))
    if line.acquired_on is not None and kind is not ActivityType.TRANSFER_IN:
        line.errors.append(said("acquired is the day transferred-in shares were first bought (TRANSFER_IN only)"))
    if line.acquired_on is not None and line.day is not None and line.acquired_on > line.day:
        line.errors.append(said("acquired is after the transfer itself"))
    fee, tax = line.fee or Decimal(0), line.tax or Decimal(0)
    if kind in (ActivityType.BUY, ActivityType.SELL):
        if not line.quantity:
            line.errors.append(said("a {kind} needs a quantity greater than zero", kind=kind.name))
        if amount is None:
            if line.price is None:
                line.errors.append(said("a {kind} needs an amount, or a price to compute it", kind=kind.name))
            elif line.quantity:
                gross = line.quantity * line.price
                amount = gross + fee if kind is ActivityType.BUY else gross - fee - tax
    elif kind is ActivityType.SPLIT:
        if not line.quantity or line.quantity <= 0:
            line.errors.append(said("a SPLIT needs its ratio in quantity (2 for a 2-for-1 split)"))
        amount = None
    elif kind in (ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT):
        if line.symbol:  # shares move, with the cost they carry; no cash does
            if not line.quantity:
                line.errors.append(said("a {kind} of a security needs a quantity", kind=kind.name))
            line.cost_basis = amount if amount is not None else (
                line.quantity * line.price if line.quantity and line.price is not None else None)
            amount = None
        elif amount is None:
            line.errors.append(said("a cash {kind} needs an amount (or a symbol and a quantity for shares)", kind=kind.name))
    elif kind in _NEEDS_AMOUNT and amount is None:
        line.errors.append(said("a {kind} needs an amount", kind=kind.name))
    elif kind in _INCOME and amount is not None:
        amount = amount - fee - tax  # gross in the file; what reached the account is net
        if amount < 0:
            line.errors.append(said("the fee and tax are larger than the amount (the amount is the gross payment)"))
    if amount is not None:
        line.amount = -amount if kind in _MONEY_OUT else amount


def preview_against_store(session: Session, preview: ActivitiesPreview) -> ActivitiesPreview:
    """Which accounts are new, and which lines an earlier import already brought in."""
    accounts = {a.name: a for a in session.scalars(select(Account))}
    preview.new_accounts = sorted({line.account for line in preview.lines if line.account and line.account not in accounts})
    ids = [f"csv:{line.identity}" for line in preview.lines]
    existing: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit, on big files
        existing.update(session.scalars(select(Activity.provider_activity_id)
                                        .where(Activity.provider_activity_id.in_(ids[start:start + 500]))))
    preview.already_imported = sum(1 for line, i in zip(preview.lines, ids, strict=True) if line.ok and i in existing)
    for line in preview.lines:
        account = accounts.get(line.account)
        if account is not None and line.currency and line.currency != account.currency:
            line.errors.append(said("{account} keeps {currency}; this line is in {line_currency}",
                                    account=line.account, currency=account.currency, line_currency=line.currency))
    preview.warnings = _sales_beyond_holdings(session, preview, accounts, existing)
    return preview


def _sales_beyond_holdings(session: Session, preview: ActivitiesPreview, accounts: dict[str, Account],
                           existing: set[str]) -> list[str]:
    """Each new sale that takes more shares than its account holds then (with what is stored), said
    before the import: it goes in as written, but a person reads why a position turns negative."""
    warnings: list[str] = []
    new_lines = [line for line in preview.good_lines if f"csv:{line.identity}" not in existing]
    for name in sorted({line.account for line in new_lines}):
        account = accounts.get(name)
        stored = load_records(session, account.id) if account is not None else []
        lines = [line for line in new_lines if line.account == name]
        records = stored + [as_record(line) for line in lines]
        for index, held in sales_beyond_holdings(records):
            if index >= len(stored):
                line = lines[index - len(stored)]
                warnings.append(said("line {number}: takes out {quantity} {symbol} on {day}, when {name} holds "
                                     "{held}: the position goes negative (a purchase missing from the file?)",
                                     number=line.number, quantity=format_quantity(line.quantity), symbol=line.symbol,
                                     day=line.day, name=name, held=format_quantity(held)))
    return warnings


def as_record(line: ParsedLine) -> ActivityRecord:
    """A checked line as the history and lots read activities."""
    assert line.day is not None and line.type is not None
    return ActivityRecord(line.day, line.type, line.symbol, line.quantity, line.price, line.amount, line.fee,
                          split_is_ratio=line.type is ActivityType.SPLIT, tax=line.tax)


def create_manual_account(session: Session, name: str, currency: str, *, now: datetime) -> Account:
    own_id = uuid.uuid4().hex
    account = Account(id=f"manual_{own_id}", provider=Provider.MANUAL, provider_account_id=own_id, institution="Manual",
                      name=name, currency=currency, connection_type=ConnectionType.READ, is_paper=False,
                      created_at=now, updated_at=now, last_sync_at=None)
    session.add(account)
    session.flush()
    return account


def import_activities(session: Session, preview: ActivitiesPreview, *, source: str, now: datetime,
                      good_lines_only: bool = False) -> int:
    """Write a checked preview in the caller's transaction; returns how many activities were added.
    A preview with bad lines goes in only as its good lines, and only when asked (``good_lines_only``)."""
    if preview.file_errors or (preview.fatal and not good_lines_only):
        raise ValueError("a preview with errors is never imported whole")
    lines = preview.good_lines
    accounts = {a.name: a for a in session.scalars(select(Account))}
    for line in lines:
        if line.account not in accounts:
            accounts[line.account] = create_manual_account(session, line.account, line.currency or "USD", now=now)
    rows = [{
        **line_values(line, accounts[line.account].id, accounts[line.account].currency),
        "provider_activity_id": f"csv:{line.identity}",
        "description": line.description or clean_text(f"Imported from {source}", DESCRIPTION_LENGTH),
    } for line in lines]
    return upsert_rows(session, Activity, rows, ["account_id", "provider_activity_id"], ignore=())


def line_values(line: ParsedLine, account_id: str, account_currency: str) -> dict[str, object]:
    """A checked line as an activity row's values (the import and the activity form write these)."""
    return {
        "account_id": account_id, "type": line.type,
        "raw_type": SPLIT_RATIO_RAW_TYPE if line.type is ActivityType.SPLIT else (line.type.name if line.type else None),
        "trade_date": line.day, "settlement_date": None, "symbol": line.symbol, "quantity": line.quantity,
        "price": line.price, "amount": line.amount, "fee": line.fee, "tax": line.tax, "cost_basis": line.cost_basis,
        "acquired_on": line.acquired_on, "currency": line.currency or account_currency, "description": line.description,
    }


def form_cells(activity: Activity) -> dict[str, str]:
    """A stored activity written back as the cells a person typed (the inverse of :func:`parse_line`):
    amounts positive, a dividend's gross, transferred shares' cost in ``amount``."""
    kind = activity.type
    stored = activity.amount
    fee, tax = activity.fee or Decimal(0), activity.tax or Decimal(0)
    amount: Decimal | None
    if kind in (ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT) and activity.symbol:
        amount = activity.cost_basis
    elif stored is None:
        amount = None
    elif kind in _INCOME:
        amount = stored + fee + tax
    elif kind is ActivityType.TAX:
        amount = -stored  # a refund of tax was typed negative
    else:
        amount = abs(stored)

    def text(value: object) -> str:
        if value is None:
            return ""
        return format(value, "f") if isinstance(value, Decimal) else str(value)

    return {"date": text(activity.trade_date), "type": kind.name, "symbol": activity.symbol or "",
            "quantity": text(activity.quantity), "price": text(activity.price), "amount": text(amount),
            "fee": text(activity.fee), "tax": text(activity.tax), "currency": activity.currency,
            "acquired": text(activity.acquired_on), "description": activity.description or ""}

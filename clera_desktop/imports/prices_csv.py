"""Daily prices from CSV: ``symbol,date,close,currency``, for symbols no provider prices.

Every line is checked first; any bad line and nothing is imported. A (symbol, date) already
stored is replaced by the file's close, so importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from clera_desktop.models.tables import DailyPrice
from clera_desktop.models.upserts import upsert_rows

COLUMNS = ("symbol", "date", "close", "currency")


@dataclass
class PriceLine:
    number: int
    symbol: str
    day: date | None
    close: Decimal | None
    currency: str
    errors: list[str] = field(default_factory=list)


@dataclass
class PricesPreview:
    lines: list[PriceLine]
    file_errors: list[str] = field(default_factory=list)
    already_stored: int = 0

    @property
    def fatal(self) -> bool:
        return bool(self.file_errors) or any(line.errors for line in self.lines)

    def summary(self) -> str:
        symbols = sorted({line.symbol for line in self.lines})
        text = (f"{len(self.lines)} prices for {len(symbols)} symbol{'s' if len(symbols) != 1 else ''}"
                f" ({', '.join(symbols[:8])}{'...' if len(symbols) > 8 else ''}); "
                f"{self.already_stored} already stored")
        problems = self.file_errors + [f"line {line.number}: {e}" for line in self.lines for e in line.errors]
        if problems:
            text += "\n" + "\n".join(problems) + "\nNothing will be imported until these lines are fixed."
        return text


def parse_prices(text: str) -> PricesPreview:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return PricesPreview([], [f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)} "
                                  f"(expected {','.join(COLUMNS)})"])
    lines = []
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        line = PriceLine(number, row["symbol"].upper(), None, None, row["currency"].upper())
        if not line.symbol:
            line.errors.append("symbol is empty")
        try:
            line.day = datetime.fromisoformat(row["date"]).date()
        except ValueError:
            line.errors.append(f"date {row['date']!r} is not ISO 8601 (YYYY-MM-DD)")
        try:
            line.close = Decimal(row["close"])
            if not line.close.is_finite() or line.close <= 0:
                line.errors.append(f"close {row['close']!r} must be a positive number")
        except InvalidOperation:
            line.errors.append(f"close {row['close']!r} is not a number (use a decimal point)")
        if len(line.currency) != 3 or not line.currency.isalpha():
            line.errors.append(f"currency {row['currency']!r} is not a code such as USD")
        lines.append(line)
    if not lines:
        return PricesPreview([], ["the file has no price lines"])
    return PricesPreview(lines)


def preview_prices_against_store(session: Session, preview: PricesPreview) -> PricesPreview:
    keys = [(line.symbol, line.day) for line in preview.lines if line.day is not None]
    if keys:
        stored = set(session.execute(select(DailyPrice.symbol, DailyPrice.date)
                                     .where(tuple_(DailyPrice.symbol, DailyPrice.date).in_(keys))).all())
        preview.already_stored = sum(1 for k in keys if k in stored)
    return preview


def import_prices(session: Session, preview: PricesPreview) -> int:
    if preview.fatal:
        raise ValueError("a preview with errors is never imported")
    rows = [{"symbol": line.symbol, "date": line.day, "close": line.close, "currency": line.currency, "source": "csv"}
            for line in preview.lines]
    return upsert_rows(session, DailyPrice, rows, ["symbol", "date"], ignore=())

"""Daily prices from CSV: ``symbol,date,close,currency``, for symbols no provider prices.

Every line is checked first (a close within bounds and above zero, a day not after today, one
close per symbol and day in the file); the good lines of a file with bad ones can go in on
their own. A (symbol, day) already stored is replaced by the file's close, so importing the same
file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.text import SYMBOL_LENGTH, clean_text
from clera_desktop.core.words import said
from clera_desktop.imports import fields
from clera_desktop.imports.csv_file import Detected, UnreadableFile, read_table
from clera_desktop.models.tables import DailyPrice
from clera_desktop.models.upserts import upsert_rows

COLUMNS = ("symbol", "date", "close", "currency")


@dataclass
class PriceLine:
    number: int
    symbol: str
    day: date | None = None
    close: Decimal | None = None
    currency: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PricesPreview:
    lines: list[PriceLine]
    file_errors: list[str] = field(default_factory=list)
    already_stored: int = 0
    detected: Detected | None = None

    @property
    def fatal(self) -> bool:
        return bool(self.file_errors) or any(line.errors for line in self.lines)

    @property
    def good_lines(self) -> list[PriceLine]:
        return [line for line in self.lines if line.ok]

    @property
    def importable(self) -> bool:
        return not self.file_errors and bool(self.good_lines)

    def summary(self) -> str:
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """What was read, line by line: each a sentence the window can translate (core/words)."""
        symbols = sorted({line.symbol for line in self.lines if line.symbol})
        named = ", ".join(symbols[:8]) + ("..." if len(symbols) > 8 else "")
        shown = [*([self.detected.describe()] if self.detected else []),
                 said("{prices} prices for {count} symbols ({symbols}); {known} already stored", prices=len(self.lines),
                      count=len(symbols), symbols=named, known=self.already_stored)]
        problems = [*self.file_errors,
                    *(said("line {number}: {problem}", number=line.number, problem=e)
                      for line in self.lines for e in line.errors)]
        if problems:
            shown += problems[:200] + (["..."] if len(problems) > 200 else [])
            shown.append(said("The other {good} lines can be imported on their own.", good=len(self.good_lines))
                         if self.importable else said("Nothing can be imported until these are fixed."))
        return shown


def parse_prices(data: bytes | str, *, today: date) -> PricesPreview:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        table = read_table(raw, COLUMNS, numeric=("close",))
    except UnreadableFile as error:
        return PricesPreview([], [str(error)])
    missing = [c for c in COLUMNS if c not in table.header]
    if missing:
        named, expected = ", ".join(missing), ",".join(COLUMNS)
        said_missing = (said("missing column: {missing} (expected {columns})", missing=named, columns=expected)
                        if len(missing) == 1 else
                        said("missing columns: {missing} (expected {columns})", missing=named, columns=expected))
        return PricesPreview([], [said_missing], detected=table.detected)
    lines: list[PriceLine] = []
    first_line: dict[tuple[str, date], int] = {}
    for number, row in table.rows:
        line = PriceLine(number, clean_text(row["symbol"], SYMBOL_LENGTH).upper())
        if not line.symbol:
            line.errors.append(said("symbol is empty"))
        line.day = fields.day(row["date"], "date", line, today=today)
        line.close = fields.number(row["close"], "close", line, decimal_comma=table.detected.decimal_comma, required=True)
        if line.close is not None and line.close <= 0:
            line.errors.append(said("close must be greater than zero"))
        line.currency = fields.currency(row["currency"], line)
        if line.currency is None and not line.errors:
            line.errors.append(said("currency is empty"))
        if line.symbol and line.day is not None:
            earlier = first_line.setdefault((line.symbol, line.day), number)
            if earlier != number:
                line.errors.append(said("a second close for {symbol} on {day} (line {earlier} has one)",
                                        symbol=line.symbol, day=line.day, earlier=earlier))
        lines.append(line)
    if not lines:
        return PricesPreview([], ["the file has no price lines"], detected=table.detected)
    return PricesPreview(lines, detected=table.detected)


def preview_prices_against_store(session: Session, preview: PricesPreview) -> PricesPreview:
    """How many of the file's closes the store holds already: the stored days of the file's
    symbols, read a few hundred symbols at a time (a million closes of 500 symbols: two queries,
    where a lookup per line took thousands)."""
    keys = [(line.symbol, line.day) for line in preview.good_lines if line.day is not None]
    symbols = sorted({symbol for symbol, _ in keys})
    first = min((day for _, day in keys), default=None)
    stored: set[tuple[str, date]] = set()
    for start in range(0, len(symbols), 400):
        chunk = symbols[start:start + 400]
        stored.update((symbol, day) for symbol, day in session.execute(
            select(DailyPrice.symbol, DailyPrice.date)
            .where(DailyPrice.symbol.in_(chunk), DailyPrice.date >= first)))
    preview.already_stored = sum(1 for k in keys if k in stored)
    return preview


def import_prices(session: Session, preview: PricesPreview, *, good_lines_only: bool = False) -> int:
    if preview.file_errors or (preview.fatal and not good_lines_only):
        raise ValueError("a preview with errors is never imported whole")
    rows = [{"symbol": line.symbol, "date": line.day, "close": line.close, "currency": line.currency, "source": "csv"}
            for line in preview.good_lines]
    return upsert_rows(session, DailyPrice, rows, ["symbol", "date"], ignore=())

"""Exchange rates from CSV: ``base,quote,date,rate`` (one ``base`` costs ``rate`` of ``quote``),
for pairs no provider gives (a manual CHF account in a USD total, say).

Checked like prices: a rate within bounds and above zero, two different codes, a day not after
today, one rate per pair and day in the file, and a pair quoted both ways on one day only when the
two agree (one the other's inverse within ``INVERSE_TOLERANCE``): ``EUR,USD,1.1`` beside
``USD,EUR,5`` is refused, never stored for the rate book to choose between. A stored (pair, day) is
replaced by the file's rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from clera_desktop.core.words import said
from clera_desktop.imports import fields
from clera_desktop.imports.csv_file import Detected, UnreadableFile, read_table
from clera_desktop.models.tables import FxRate
from clera_desktop.models.upserts import upsert_rows

COLUMNS = ("base", "quote", "date", "rate")
#: Two quotes of one pair in opposite directions agree when their product is this close to 1 (a
#: bid/ask spread, or rates from two sources a minute apart).
INVERSE_TOLERANCE = Decimal("0.01")


@dataclass
class RateLine:
    number: int
    base: str | None = None
    quote: str | None = None
    day: date | None = None
    rate: Decimal | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class RatesPreview:
    lines: list[RateLine]
    file_errors: list[str] = field(default_factory=list)
    detected: Detected | None = None

    @property
    def fatal(self) -> bool:
        return bool(self.file_errors) or any(line.errors for line in self.lines)

    @property
    def good_lines(self) -> list[RateLine]:
        return [line for line in self.lines if line.ok]

    @property
    def importable(self) -> bool:
        return not self.file_errors and bool(self.good_lines)

    def summary(self) -> str:
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """What was read, line by line: each a sentence the window can translate (core/words)."""
        pairs = sorted({f"{line.base}/{line.quote}" for line in self.good_lines})
        shown = [*([self.detected.describe()] if self.detected else []),
                 said("{rates} rates for {count} pairs ({pairs})", rates=len(self.lines), count=len(pairs),
                      pairs=", ".join(pairs[:8]))]
        problems = [*self.file_errors,
                    *(said("line {number}: {problem}", number=line.number, problem=e)
                      for line in self.lines for e in line.errors)]
        if problems:
            shown += problems[:200]
            shown.append(said("The other {good} lines can be imported on their own.", good=len(self.good_lines))
                         if self.importable else said("Nothing can be imported until these are fixed."))
        return shown


def parse_rates(data: bytes | str, *, today: date) -> RatesPreview:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        table = read_table(raw, COLUMNS, numeric=("rate",))
    except UnreadableFile as error:
        return RatesPreview([], [str(error)])
    missing = [c for c in COLUMNS if c not in table.header]
    if missing:
        named, expected = ", ".join(missing), ",".join(COLUMNS)
        said_missing = (said("missing column: {missing} (expected {columns})", missing=named, columns=expected)
                        if len(missing) == 1 else
                        said("missing columns: {missing} (expected {columns})", missing=named, columns=expected))
        return RatesPreview([], [said_missing], detected=table.detected)
    lines: list[RateLine] = []
    first_line: dict[tuple[str, str, date], int] = {}
    quoted: dict[tuple[str, str, date], RateLine] = {}
    for number, row in table.rows:
        line = RateLine(number)
        line.base, line.quote = fields.currency(row["base"], line), fields.currency(row["quote"], line)
        if not line.base or not line.quote:
            line.errors.append(said("base and quote are currency codes such as USD and CHF"))
        elif line.base == line.quote:
            line.errors.append(said("{base} to {quote} is always 1", base=line.base, quote=line.quote))
        line.day = fields.day(row["date"], "date", line, today=today)
        line.rate = fields.number(row["rate"], "rate", line, decimal_comma=table.detected.decimal_comma, required=True)
        if line.rate is not None and line.rate <= 0:
            line.errors.append(said("rate must be greater than zero"))
        if line.base and line.quote and line.day is not None:
            earlier = first_line.setdefault((line.base, line.quote, line.day), number)
            if earlier != number:
                line.errors.append(said("a second {base}/{quote} rate on {day} (line {earlier} has one)",
                                        base=line.base, quote=line.quote, day=line.day, earlier=earlier))
            inverse = quoted.get((line.quote, line.base, line.day))
            if inverse is not None and line.rate is not None and inverse.rate is not None and \
                    abs(line.rate * inverse.rate - 1) > INVERSE_TOLERANCE:
                line.errors.append(said("{base}/{quote} {rate} on {day} contradicts line {number}'s {base2}/{quote2} {rate2} "
                                        "(whose inverse is {value:.6f}): keep the one that is right",
                                        base=line.base, quote=line.quote, rate=line.rate, day=line.day, number=inverse.number,
                                        base2=inverse.base, quote2=inverse.quote, rate2=inverse.rate, value=1 / inverse.rate))
            if line.ok:
                quoted.setdefault((line.base, line.quote, line.day), line)
        lines.append(line)
    if not lines:
        return RatesPreview([], ["the file has no rate lines"], detected=table.detected)
    return RatesPreview(lines, detected=table.detected)


def import_rates(session: Session, preview: RatesPreview, *, good_lines_only: bool = False) -> int:
    if preview.file_errors or (preview.fatal and not good_lines_only):
        raise ValueError("a preview with errors is never imported whole")
    rows = [{"base": line.base, "quote": line.quote, "rate": line.rate, "as_of": line.day, "source": "csv"}
            for line in preview.good_lines]
    return upsert_rows(session, FxRate, rows, ["base", "quote", "as_of"], ignore=())

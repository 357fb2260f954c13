"""One cell at a time: what each importer checks the same way, each problem a sentence for its line."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from clera_desktop.core.money import InvalidAmount, parse_number
from clera_desktop.core.text import clean_text
from clera_desktop.core.words import said

#: No brokerage keeps records from before this day (year 1 once asked for 750,000 days of history).
EARLIEST_DAY = date(1950, 1, 1)


class Line(Protocol):
    errors: list[str]


def number(text: str, name: str, line: Line, *, decimal_comma: bool, negative: bool = False,
           required: bool = False) -> Decimal | None:
    """The cell as a bounded Decimal in the file's notation; empty is None (a problem when
    ``required``); every problem is said on the line."""
    text = text.strip()
    if not text:
        if required:
            line.errors.append(said("{name} is empty", name=name))
        return None
    try:
        value = parse_number(text, decimal_comma=decimal_comma)
    except InvalidAmount as error:
        line.errors.append(said("{name}: {error}", name=name, error=error))
        return None
    if value < 0 and not negative:
        line.errors.append(said("{name} must not be negative (the type gives the direction)", name=name))
        return None
    return value


def day(text: str, name: str, line: Line, *, today: date, required: bool = True) -> date | None:
    """An ISO 8601 day between 1950 and today: a later one has not happened yet."""
    text = text.strip()
    if not text:
        if required:
            line.errors.append(said("{name} is empty", name=name))
        return None
    try:
        value = datetime.fromisoformat(text[:32]).date()
    except ValueError:
        line.errors.append(said("{name} {given!r} is not a date written YYYY-MM-DD",
                                name=name, given=clean_text(text, 40)))
        return None
    if value > today:
        line.errors.append(said("{name} {value} is after today ({today}): import it once it has happened",
                                name=name, value=value, today=today))
        return None
    if value < EARLIEST_DAY:
        line.errors.append(said("{name} {value} is before {year}: no brokerage keeps records that old",
                                name=name, value=value, year=EARLIEST_DAY.year))
        return None
    return value


def currency(text: str, line: Line) -> str | None:
    code = clean_text(text, 8).upper()
    if not code:
        return None
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        line.errors.append(said("currency {code!r} is not a code such as USD or CHF", code=code))
        return None
    return code

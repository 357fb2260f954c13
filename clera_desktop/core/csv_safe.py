"""CSV that a spreadsheet opens as data, never as formulas.

A security or account name is text from outside (a brokerage, a CSV file someone sent): a cell
such as ``=cmd|' /C calc'!A0`` or ``=HYPERLINK(...)`` runs in Excel or LibreOffice when the export is
opened. Every writer in the app goes through :func:`writer_rows`, which neutralises such cells
the way OWASP recommends (a leading apostrophe), while numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # with full-width forms
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def cell(value: object) -> str:
    """One value as CSV text: exact decimals, ISO dates, nothing a spreadsheet would evaluate."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    text = str(getattr(value, "value", value)) if not isinstance(value, (str, int, float)) else str(value)
    if text.startswith(_TRIGGERS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def write_rows(handle: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``header`` and ``rows`` through :func:`cell`; returns how many rows were written."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([cell(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([cell(v) for v in row])
        count += 1
    return count

"""Reading a CSV file as people have them: what Excel, Numbers or LibreOffice wrote, in any locale.

Detected, and said back in the preview: the encoding (UTF-8 with or without a BOM, UTF-16 as
Excel's "Unicode text" writes it, else Windows-1252), the separator (comma, semicolon or tab:
the one that splits the header into the columns we know), and the decimal mark (a decimal comma
where the numbers use one, as in "1.234,56", in a file not separated by commas). Limits keep a hostile file from costing more than
a real one: 50 MB, 500,000 lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from clera_desktop.core.text import clean_text
from clera_desktop.core.words import said

MAX_BYTES = 50 * 1024 * 1024
MAX_LINES = 500_000
MAX_FIELD = 1_000_000  # characters in one cell (the file limit bounds memory); what is kept is capped per column
DELIMITERS = {",": said("commas"), ";": said("semicolons"), "\t": said("tabs")}
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d+\.(\d{1,2}|\d{4,})$")


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (the message says why and what to do)."""


@dataclass(frozen=True, slots=True)
class Detected:
    encoding: str  # "UTF-8", "UTF-8 with BOM", "UTF-16", "Windows-1252"
    delimiter: str
    decimal_comma: bool

    def describe(self) -> str:
        """"Read as UTF-8 with BOM, separated by semicolons, with decimal commas"."""
        return said("Read as {encoding}, separated by {separator}, with {decimals}.", encoding=self.encoding,
                    separator=DELIMITERS[self.delimiter],
                    decimals=said("decimal commas (1.234,56)") if self.decimal_comma else said("decimal points (1234.56)"))


@dataclass
class Table:
    """The header (lower-cased) and each data line by its line number in the file (header = 1)."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    detected: Detected
    file_errors: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) by BOM, then by what the bytes can be."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"The file is {len(data) / 1e6:.0f} MB; files up to {MAX_BYTES // 1024 // 1024} MB "
                             "can be imported. Split it into years.")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    sample = data[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:  # UTF-16 LE without a BOM
        return data.decode("utf-16-le", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def read_table(data: bytes, known: Sequence[str], *, numeric: Sequence[str]) -> Table:
    """Decode, detect the separator by the ``known`` column names, and the decimal mark by the
    ``numeric`` columns' values. Raises :class:`UnreadableFile` for a file that is not a table."""
    text, encoding = decode(data)
    text = text.replace("\x00", "")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise UnreadableFile("The file is empty.")
    delimiter = max(DELIMITERS, key=lambda d: (_header_hits(first, d, known), first.count(d)))
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] = []
    try:
        for raw in reader:
            if reader.line_num > MAX_LINES:
                raise UnreadableFile(f"The file has more than {MAX_LINES:,} lines; split it into years.")
            if not header:
                if any(cell.strip() for cell in raw):
                    header = [clean_text(h, 64).lower() for h in raw]
                continue
            if not any(cell.strip() for cell in raw):
                continue
            row = {name: raw[i].strip() if i < len(raw) else "" for i, name in enumerate(header) if name}
            if len(raw) > len(header) and any(cell.strip() for cell in raw[len(header):]):
                row["\x00extra"] = "yes"  # more cells than columns: said per line by the importer
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise UnreadableFile(f"Line {reader.line_num} cannot be read as CSV ({error}).") from error
    # A decimal comma only where commas do not separate: Excel uses semicolons (or tabs) in the
    # locales that write 1.234,56, and a quoted "1,000" in a comma file is a thousand, not 1.0.
    values = [row.get(column, "") for _, row in rows for column in numeric] if delimiter != "," else []
    comma = any(_COMMA_DECIMAL.match(v) for v in values)
    point = any(_POINT_DECIMAL.match(v) for v in values)
    return Table(header, rows, Detected(encoding, delimiter, comma and not point))


def _header_hits(line: str, delimiter: str, known: Sequence[str]) -> int:
    cells = [c.strip().strip('"').lower() for c in line.split(delimiter)]
    return sum(1 for cell in cells if cell in known)

"""Text that came from outside (a provider's payload, a CSV file) made fit to store and show."""

from __future__ import annotations

import unicodedata
from typing import Final

#: Longest name kept (an account, an institution, a security): the columns are 200 wide.
NAME_LENGTH: Final = 200
#: Longest description kept (an activity's memo).
DESCRIPTION_LENGTH: Final = 1000
#: Longest symbol kept ("BRK.B", "XIU.TO", an option's OCC symbol).
SYMBOL_LENGTH: Final = 32


def clean_text(value: object, limit: int = NAME_LENGTH) -> str:
    """One line of printable text: control characters (NUL, escape sequences, bidi overrides that
    could disguise a name) dropped, runs of white space made one space, at most ``limit``
    characters (an ellipsis says it was cut)."""
    text = str(value)
    if not text.isprintable():  # the common case (only printable characters and plain spaces) needs no walk
        text = "".join(" " if c.isspace() else c for c in text if c.isspace() or _printable(c))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def optional_text(value: object, limit: int = NAME_LENGTH) -> str | None:
    """:func:`clean_text`, with ``None`` and what cleans to nothing kept as ``None``."""
    if value is None:
        return None
    return clean_text(value, limit) or None


def _printable(character: str) -> bool:
    # Cc: controls (NUL, ESC...); Cf: format characters (bidi overrides, zero-width joiners
    # aside, which names in some scripts need); Cs/Co/Cn: surrogates, private use, unassigned
    category = unicodedata.category(character)
    if category == "Cf":
        return character in "\u200c\u200d"
    return category not in ("Cc", "Cs", "Co", "Cn")

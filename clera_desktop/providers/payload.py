"""Reading one field of a provider's JSON: an id, a symbol or a currency must be what it says.

``str(value)`` turns anything into text, so an object where a symbol belongs (``{"not": ...}``)
was stored as the symbol ``"{'not': ..."``. These readers refuse what is not text with a
``TypeError`` naming the field, which the sync reports as data the provider sent and the app
could not read (that account keeps what it had).
"""

from __future__ import annotations

import re

_CURRENCY = re.compile(r"[A-Za-z]{3}")


def _shown(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {str(value)[:40]!r}"


def text(value: object, what: str) -> str:
    """Text that must be there: a string, or an integer's digits (some ids are numbers)."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"{what} is {_shown(value)}, not text")


def optional_text(value: object, what: str) -> str | None:
    """Text that may be absent (null or empty); anything else than text is still refused."""
    if value is None or value == "":
        return None
    return text(value, what)


def label(value: object) -> str | None:
    """A descriptive field nothing depends on (a sector, an exchange): text, else not reported.
    Unlike an id or an amount, a malformed one costs the account's sync nothing; the security is
    then unclassified along it, as if the provider had left it out."""
    return value.strip() or None if isinstance(value, str) else None


def currency(value: object, what: str, default: str) -> str:
    """An ISO 4217 code (upper-cased); absent is ``default``; anything else is refused."""
    if value is None or value == "":
        return default
    if isinstance(value, str) and _CURRENCY.fullmatch(value.strip()):
        return value.strip().upper()
    raise TypeError(f"{what} is {_shown(value)}, not a currency code")

"""Exact money and quantity arithmetic.

Everything the app stores or shows is a :class:`decimal.Decimal`; floats only ever reach
the chart code. Provider SDKs hand us floats (SnapTrade balances, Plaid amounts), so
:func:`to_decimal` turns a float into the Decimal of its shortest repr (``0.1`` becomes
``Decimal("0.1")``, not ``0.1000000000000000055511151231257827``).
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, TypeVar

# Enough for 1e-8 fractional shares on values up to a trillion, with room to spare.
DECIMAL_CONTEXT: Final = decimal.Context(prec=38, rounding=decimal.ROUND_HALF_EVEN)
CENT: Final = Decimal("0.01")
N = TypeVar("N", int, Decimal)
QUANTITY_STEP: Final = Decimal("0.00000001")


#: No amount, quantity, price or rate a person holds comes near a quadrillion: anything larger is
#: an error in the data, and refusing it keeps every total (and the float drawing path) finite.
MAX_MAGNITUDE: Final = Decimal("1e15")
#: Places kept: money has 2, shares 8 (1e-8 fractional shares), exchange rates 6-10.
MAX_PLACES: Final = 12
_PLACES_STEP: Final = Decimal(1).scaleb(-MAX_PLACES)
#: A number's text longer than this is not a figure (and ``Decimal("1e-999999")`` is a million digits).
MAX_NUMBER_TEXT: Final = 64


class InvalidAmount(ValueError):
    """A value that cannot be read as an exact decimal number within the app's bounds."""


def _parse(text: str, shown: object) -> Decimal:
    if len(text) > MAX_NUMBER_TEXT:
        raise InvalidAmount(f"not a number: {text[:20]!r}... is {len(text)} characters long")
    try:
        return Decimal(text)
    except decimal.InvalidOperation as exc:
        raise InvalidAmount(f"not a number: {shown!r}") from exc


def _within_bounds(value: Decimal, shown: object) -> Decimal:
    if not value.is_finite():
        raise InvalidAmount(f"not a finite number: {shown!r}")
    # copy_abs and compare are exact (no context): abs() of 1E1000000 would trap Overflow.
    if value.copy_abs() >= MAX_MAGNITUDE:
        raise InvalidAmount(f"{shown!r} is beyond any real figure (at most {MAX_MAGNITUDE:,.0f})")
    return value


def decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def to_decimal(value: object) -> Decimal:
    """Convert a provider value (str, int, float, Decimal) into an exact, bounded Decimal.

    Floats go through ``repr`` so that what the provider meant (``31.33``) is what we keep. NaN,
    infinities and magnitudes of 1e15 or more are refused (:class:`InvalidAmount`, a ValueError
    the sync reports as data it could not read). Places beyond 12 are float noise from an API
    (``0.30000000000000004``) and are rounded half-even, never stored digit by digit.
    """
    if isinstance(value, bool):
        raise InvalidAmount(f"not a number: {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = _parse(str(value), value)
    elif isinstance(value, float):
        result = _parse(repr(value), value)
    elif isinstance(value, str):
        result = _parse(value.strip(), value)
    else:
        raise InvalidAmount(f"not a number: {value!r}")
    result = _within_bounds(result, value)
    if decimal_places(result) > MAX_PLACES:
        result = result.quantize(_PLACES_STEP, rounding=decimal.ROUND_HALF_EVEN)
    return result


def parse_number(text: str, *, decimal_comma: bool = False) -> Decimal:
    """A number a person typed or a file holds: the same bounds as :func:`to_decimal`, but more
    than 12 places is refused (a person means every digit they wrote). ``decimal_comma`` reads
    ``1.234,56`` as 1234.56. Raises :class:`InvalidAmount` with a message for the person."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if decimal_comma:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        raise InvalidAmount(f"{text.strip()!r} has a comma: use a decimal point and no thousands separators")
    value = _within_bounds(_parse(cleaned, text.strip()), text.strip())
    if decimal_places(value) > MAX_PLACES:
        raise InvalidAmount(f"{text.strip()!r} has more than {MAX_PLACES} decimal places")
    return value


def optional_decimal(value: object) -> Decimal | None:
    """Like :func:`to_decimal`, but ``None`` and ``""`` mean "not reported"."""
    if value is None or value == "":
        return None
    return to_decimal(value)


def canonical(value: Decimal) -> str:
    """The stored text form: no exponent, no trailing zeros, ``-0`` folded to ``0``.

    Two equal Decimals always get the same text, so a re-sync that reports ``10.50`` where
    we stored ``10.5`` is recognised as "no change".
    """
    text = str(value)
    if "E" not in text and "e" not in text and not text.startswith("-0"):
        if "." not in text:
            return text
        if not text.endswith("0"):
            return text
    if not value.is_finite():
        raise InvalidAmount(f"not a finite number: {value!r}")
    if value.is_zero():
        return "0"
    text = format(value.normalize(DECIMAL_CONTEXT), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or None when any part is unknown: a partial sum looks real and is wrong."""
    total = Decimal(0)
    for value in values:
        if value is None:
            return None
        total += value
    return total


def hand_out(shares: list[N], left: int, sizes: Sequence[N], unit: N) -> list[N]:
    """``shares`` given ``left`` more units (taken, when negative), one at a time, the largest
    ``sizes`` first: what rounding each share leaves over, so the shares add up to their rounded whole."""
    order = sorted(range(len(sizes)), key=lambda n: abs(sizes[n]), reverse=True)
    step = unit if left > 0 else -unit
    for k in range(abs(left)):
        shares[order[k % len(order)]] += step
    return shares


def quantize_cents(value: Decimal) -> Decimal:
    """Round to whole cents, half-even, for display of currency amounts."""
    return value.quantize(CENT, rounding=decimal.ROUND_HALF_EVEN)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its currency; adding different currencies is an error, not a guess."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"Money amount must be Decimal, got {type(self.amount).__name__}")
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def times(self, factor: Decimal) -> Money:
        return Money(self.amount * factor, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} and {other.currency} without an FX rate")

    def __str__(self) -> str:
        return f"{format_amount(self.amount)} {self.currency}"


#: ISO 4217 minor units where they are not 2 (no cents in a yen; mils in a dinar).
CURRENCY_PLACES: Final = {
    "JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0, "PYG": 0, "UGX": 0, "XAF": 0, "XOF": 0,
    "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
}
RATIO_PLACES: Final = 6  # a percentage to four places, as a ratio


def currency_places(currency: str) -> int:
    return CURRENCY_PLACES.get(currency.upper(), 2)


def money_places(value: Decimal | None, currency: str) -> Decimal | None:
    """An amount as its currency writes it (``12.3456 USD`` -> ``12.35``), for exports."""
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-currency_places(currency)), rounding=decimal.ROUND_HALF_EVEN)


def quantity_places(value: Decimal | None) -> Decimal | None:
    """Shares to 1e-8 (the finest fraction any brokerage trades), without trailing zeros."""
    if value is None:
        return None
    kept = value.quantize(QUANTITY_STEP, rounding=decimal.ROUND_HALF_EVEN)
    return kept.quantize(Decimal(1)) if kept == kept.to_integral_value() else kept.normalize()


def ratio_places(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-RATIO_PLACES), rounding=decimal.ROUND_HALF_EVEN)


def format_amount(value: Decimal | None, places: int = 2) -> str:
    """Thousands separators and fixed places; ``None`` (unknown) shows as an em dash."""
    if value is None:
        return "\u2014"
    step = Decimal(1).scaleb(-places)
    return f"{value.quantize(step, rounding=decimal.ROUND_HALF_EVEN):,.{places}f}"


def format_quantity(value: Decimal | None) -> str:
    """Shares as the provider reported them (up to 8 places), without noise zeros."""
    if value is None:
        return "\u2014"
    text = format(value.quantize(QUANTITY_STEP, rounding=decimal.ROUND_HALF_EVEN), ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_money(value: Decimal | None, currency: str) -> str:
    """``1,234.56 USD``; an unknown amount says so instead of showing 0.00."""
    return "not available" if value is None else f"{format_amount(value)} {currency}"

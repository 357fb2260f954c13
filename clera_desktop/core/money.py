"""Exact money and quantity arithmetic, and the one rounding rule.

Everything the app stores or shows is a :class:`decimal.Decimal`; floats only ever reach
the chart code. Provider SDKs hand us floats (SnapTrade balances, Plaid amounts), so
:func:`to_decimal` turns a float into the Decimal of its shortest repr (``0.1`` becomes
``Decimal("0.1")``, not ``0.1000000000000000055511151231257827``).

Rounding: a figure is kept exact until it is shown, exported, compared or shared out, and then
rounded once, here, half up (a tie away from zero: 1.005 -> 1.01, -1.005 -> -1.01), as brokerage
statements, tax forms and Portfolio Performance round. :func:`round_money` is that rule for
amounts, :func:`divide_rounded` the same rule for whole units kept as integers (cents, millionths),
:func:`round_figure` for percentages and ratios shown. Nothing outside this module calls
``quantize`` (tests/core/test_rounding_rule.py reads the source to keep it so).
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, TypeVar

#: The one rounding rule for every figure shown, exported or compared: half up, ties away from zero.
ROUNDING: Final = decimal.ROUND_HALF_UP
# Enough for 1e-8 fractional shares on values up to a trillion, with room to spare.
DECIMAL_CONTEXT: Final = decimal.Context(prec=38, rounding=ROUNDING)
CENT: Final = Decimal("0.01")
_STEPS: Final = {places: Decimal(1).scaleb(-places) for places in range(13)}
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
    if "_" in text:  # Python reads 1_000 as 1000; no statement or API writes a number so
        raise InvalidAmount(f"not a number: {shown!r} (an underscore is no digit separator in a statement)")
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
    if type(value) is str:  # what JSON gives most often: read and checked without the general path's steps
        fast = _plain_text(value)
        if fast is not None:
            return fast
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
        result = result.quantize(_PLACES_STEP, rounding=ROUNDING)
    return result


_PLAIN_NUMBER = re.compile(r"-?\d{1,15}(?:\.\d{0,12})?", re.ASCII)


def _plain_text(text: str) -> Decimal | None:
    """``text`` when it is a plain number already within every bound (at most 15 integer digits,
    hence under 1e15; at most 12 places; no sign but minus, no exponent, no space): most of what a
    provider sends. None: anything else, for the general path to read or refuse."""
    if _PLAIN_NUMBER.fullmatch(text) is None:
        return None
    return Decimal(text)


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


def round_money(value: Decimal, places: int = 2) -> Decimal:
    """``value`` to ``places`` (cents by default), half up: the one rule every shown, exported or
    compared amount goes through. A figure too large for the default context keeps every digit."""
    step = _STEPS.get(places) or Decimal(1).scaleb(-places)
    try:
        return value.quantize(step, rounding=ROUNDING)
    except decimal.InvalidOperation:  # more digits than the context holds: widen it for this one
        if not value.is_finite():
            raise
        with decimal.localcontext() as context:
            context.prec = value.adjusted() + places + 2
            return value.quantize(step, rounding=ROUNDING)


def round_cents(value: Decimal) -> Decimal:
    """``value`` to whole cents, half up (:func:`round_money`)."""
    return round_money(value, 2)


def round_figure(value: Decimal, places: int) -> Decimal:
    """A percentage or ratio shown to ``places``: the same rule as money (half up)."""
    return round_money(value, places)


def divide_rounded(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` to a whole unit by the same rule (half up, ties away from zero),
    for amounts kept as integers (cents, millionths): exact, without a Decimal per row."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def has_cents_only(value: Decimal) -> bool:
    """True when ``value`` needs no more than two places (``12.5``, ``12.50``), without rounding it."""
    return decimal_places(value.normalize(DECIMAL_CONTEXT)) <= 2 if value.is_finite() else False


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
    return round_money(value, currency_places(currency))


def quantity_places(value: Decimal | None) -> Decimal | None:
    """Shares to 1e-8 (the finest fraction any brokerage trades), without trailing zeros."""
    if value is None:
        return None
    kept = value.quantize(QUANTITY_STEP, rounding=ROUNDING)
    return kept.quantize(Decimal(1)) if kept == kept.to_integral_value() else kept.normalize()


def ratio_places(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_figure(value, RATIO_PLACES)


def format_amount(value: Decimal | None, places: int = 2) -> str:
    """Thousands separators and fixed places; ``None`` (unknown) shows as an em dash."""
    if value is None:
        return "\u2014"
    return f"{round_money(value, places):,.{places}f}"


def format_quantity(value: Decimal | None) -> str:
    """Shares as the provider reported them (up to 8 places), without noise zeros."""
    if value is None:
        return "\u2014"
    text = format(value.quantize(QUANTITY_STEP, rounding=ROUNDING), ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_money(value: Decimal | None, currency: str) -> str:
    """``1,234.56 USD``; an unknown amount says so instead of showing 0.00."""
    return "not available" if value is None else f"{format_amount(value)} {currency}"

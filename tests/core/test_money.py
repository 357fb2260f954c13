import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clera_desktop.core.money import (
    InvalidAmount,
    Money,
    canonical,
    format_amount,
    format_quantity,
    parse_number,
    to_decimal,
)


def test_floats_from_providers_keep_the_digits_the_provider_meant() -> None:
    assert to_decimal(31.33) == Decimal("31.33")
    assert to_decimal(0.1) + to_decimal(0.2) == Decimal("0.3")


@pytest.mark.parametrize("bad", ["abc", float("nan"), float("inf"), "NaN", True, None, [1]])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(InvalidAmount):
        to_decimal(bad)


@pytest.mark.parametrize(
    ("value", "text"),
    [("10.50", "10.5"), ("0.00000001", "0.00000001"), ("1E+3", "1000"), ("-0.0", "0"), ("100", "100")],
)
def test_canonical_text_is_the_same_for_equal_values(value: str, text: str) -> None:
    assert canonical(Decimal(value)) == text


def test_money_refuses_to_add_different_currencies() -> None:
    usd = Money(Decimal("1.00"), "USD")
    with pytest.raises(ValueError, match="FX rate"):
        usd + Money(Decimal("1.00"), "CAD")
    assert usd + usd == Money(Decimal("2.00"), "USD")


def test_money_refuses_floats_and_bad_currency_codes() -> None:
    with pytest.raises(TypeError):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(Decimal(1), "usd")


def test_unknown_values_display_as_a_dash_never_zero() -> None:
    assert format_amount(None) == "\u2014"
    assert format_quantity(None) == "\u2014"
    assert format_amount(Decimal("1234567.125")) == "1,234,567.13"  # half up, as a statement rounds
    assert format_quantity(Decimal("1234.50000000")) == "1,234.5"
    assert format_quantity(Decimal("0.00000001")) == "0.00000001"


@pytest.mark.parametrize("text", ["1_000", "1_0.5", "_1", "1__0"])
def test_an_underscore_is_no_digit_separator_in_a_file_or_an_answer(text: str) -> None:
    """Python's Decimal reads "1_000" as 1000; an imported quantity of 1_000 was taken as a thousand."""
    with pytest.raises(InvalidAmount, match="underscore"):
        parse_number(text)
    with pytest.raises(InvalidAmount, match="underscore"):
        to_decimal(text)


@given(st.from_regex(r"[ +\-]?[0-9٣]{0,18}(\.[0-9]{0,14})?([eE][+-]?[0-9]{1,3})?[ _]?", fullmatch=True))
def test_plain_text_reads_exactly_as_the_general_path(text: str) -> None:
    """The quick path for a provider's plain numbers gives what the general one gives, refusals included."""
    from clera_desktop.core import money

    def outcome(read: Callable[[str], Decimal]) -> tuple[str, ...]:
        try:
            value = read(text)
        except money.InvalidAmount:
            return ("refused",)
        return (str(value), str(value.as_tuple()))

    def general(value: str) -> Decimal:
        quick, money._PLAIN_NUMBER = money._PLAIN_NUMBER, re.compile(r"(?!)")  # never matches: the general path
        try:
            return money.to_decimal(value)
        finally:
            money._PLAIN_NUMBER = quick

    assert outcome(money.to_decimal) == outcome(general)

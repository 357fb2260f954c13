"""One rounding rule for money: half up (a tie away from zero), in core/money and nowhere else."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.core.money import (
    divide_rounded,
    format_amount,
    has_cents_only,
    money_places,
    round_cents,
    round_figure,
    round_money,
)

PACKAGE = Path(__file__).resolve().parents[2] / "clera_desktop"
#: The sandbox stands for the brokerages (it rounds as they do, with its own helper: it imports
#: nothing of the app); core/money is the one place the app rounds.
OUTSIDE_THE_RULE = {PACKAGE / "core" / "money.py"}
SANDBOX = PACKAGE / "sandbox"


@pytest.mark.parametrize(("exact", "cents"), [
    ("1.005", "1.01"), ("-1.005", "-1.01"), ("2.675", "2.68"), ("1700.145", "1700.15"), ("0.004999", "0.00"),
    ("1234567.125", "1234567.13"), ("-0.005", "-0.01"), ("12.5", "12.50"),
])
def test_a_tie_rounds_away_from_zero_as_statements_do(exact: str, cents: str) -> None:
    assert round_cents(Decimal(exact)) == Decimal(cents)
    assert str(round_cents(Decimal(exact))) == cents


def test_every_place_count_and_integer_unit_follows_the_same_rule() -> None:
    assert round_money(Decimal("1234.5"), 0) == Decimal("1235")  # a yen amount
    assert money_places(Decimal("1234.5"), "JPY") == Decimal("1235")
    assert money_places(Decimal("1.0005"), "KWD") == Decimal("1.001")
    assert round_figure(Decimal("0.123455"), 5) == Decimal("0.12346")
    assert [divide_rounded(n, 10) for n in (15, 25, -15, -25, 14, -14)] == [2, 3, -2, -3, 1, -1]
    assert divide_rounded(5, -10) == -1
    assert format_amount(Decimal("0.125")) == "0.13"


def test_a_figure_beyond_the_default_precision_keeps_every_digit() -> None:
    huge = Decimal("123456789012345678901234567890123.455")
    assert round_cents(huge) == Decimal("123456789012345678901234567890123.46")


def test_cents_only_is_asked_without_rounding() -> None:
    assert has_cents_only(Decimal("12.50")) and has_cents_only(Decimal("12.5000")) and has_cents_only(Decimal(3))
    assert not has_cents_only(Decimal("12.505"))


def _rounding_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "quantize":
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: .quantize")
        elif isinstance(node, ast.Name | ast.alias) and (getattr(node, "id", None) or getattr(node, "name", "")).startswith(
                "ROUND_"):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: a rounding mode of its own")
    return found


def test_nothing_outside_core_money_rounds_money_its_own_way() -> None:
    offenders = [line for path in sorted(PACKAGE.rglob("*.py"))
                 if path not in OUTSIDE_THE_RULE and SANDBOX not in path.parents
                 for line in _rounding_calls(path)]
    assert offenders == [], "round through clera_desktop.core.money (round_money, round_cents, round_figure, " \
                            "divide_rounded), not by hand:\n" + "\n".join(offenders)


def test_the_scan_sees_a_quantize_where_there_is_one() -> None:
    sample = PACKAGE / "core" / "money.py"
    assert any(".quantize" in line for line in _rounding_calls(sample)), "the scan would pass anything"

"""One rate book, one rule: today's rate and a day's rate come from the same pairs by the same
path, so the totals (today), the history (each day), gains and income never pick differently."""

from __future__ import annotations

import ast
import pathlib
from datetime import date
from decimal import Decimal

from clera_desktop.portfolio.rates import RateBook

D = date


def test_todays_rate_is_the_newest_day_by_the_same_path_as_any_day() -> None:
    book = RateBook([
        ("CAD", "USD", D(2026, 3, 2), Decimal("0.74")),
        ("CAD", "USD", D(2026, 3, 9), Decimal("0.75")),
        ("EUR", "USD", D(2026, 3, 4), Decimal("1.10")),
    ])
    latest = book.latest("CAD", "EUR")
    assert latest is not None and latest.rate == Decimal("0.75") / Decimal("1.10")
    assert latest.as_of == D(2026, 3, 4)  # dated by the older leg
    assert book.rate_on("CAD", "EUR", D(2026, 12, 7)) == latest.rate
    assert book.rate_on("CAD", "EUR", D(2026, 3, 5)) == Decimal("0.74") / Decimal("1.10")


def test_unknown_is_none_never_one_or_another_days_rate() -> None:
    book = RateBook([("CAD", "USD", D(2026, 3, 2), Decimal("0.74"))])
    assert book.latest("GBP", "USD") is None
    assert book.on("CAD", "USD", D(2026, 3, 1)) is None
    assert book.latest("USD", "USD") is not None and book.latest("USD", "USD").rate == 1  # type: ignore[union-attr]


def test_the_pair_as_recorded_wins_over_its_inverse_the_same_day_and_the_newer_day_wins_otherwise() -> None:
    book = RateBook([
        ("EUR", "USD", D(2026, 3, 2), Decimal("1.10")),
        ("USD", "EUR", D(2026, 3, 2), Decimal("0.5")),  # contradicts; EUR/USD was recorded as such
        ("USD", "EUR", D(2026, 3, 3), Decimal("0.8")),
    ])
    assert book.rate_on("EUR", "USD", D(2026, 3, 2)) == Decimal("1.10")
    assert book.rate_on("USD", "EUR", D(2026, 3, 2)) == Decimal("0.5")
    assert book.rate_on("EUR", "USD", D(2026, 3, 3)) == Decimal(1) / Decimal("0.8")


def test_no_other_module_chooses_an_exchange_rate() -> None:
    """The rule lives in portfolio/rates.py (store/rates.py reads the rows into it); anything else
    reading FxRate rows to convert would be a second rule (the sandbox stands for the brokerages;
    sync and imports write rates)."""
    package = pathlib.Path(__file__).resolve().parents[2] / "clera_desktop"
    readers = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(("sandbox/", "models/")) or relative in ("portfolio/rates.py", "store/rates.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "FxRate"
                    and node.attr == "rate"):
                readers.append(relative)
    assert not readers, f"these modules read FxRate.rate themselves: {sorted(set(readers))}"

"""Numbers as the person's locale writes them: a German desktop reads 1.234,56, never 1,234.56."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def german() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(GERMAN)
    fmt.use_locale(GERMAN)
    yield
    QLocale.setDefault(previous)
    fmt.use_locale(previous)


@pytest.mark.usefixtures("german")
def test_money_quantities_and_percentages_use_the_locales_separators() -> None:
    assert fmt.money(Decimal("1234567.891"), "EUR") == "1.234.567,89 EUR"
    assert fmt.quantity(Decimal("1234.5")) == "1.234,5"
    assert fmt.percent(Decimal("0.12345")) == "+12,35%"  # half up, as every figure
    assert fmt.plain_percent(Decimal("-0.00001")) == "0,00%", "never -0,00%"


def test_english_where_the_system_names_no_locale() -> None:
    fmt.use_locale(QLocale.c())
    assert fmt.money(Decimal("1234.5"), "USD") == "1,234.50 USD"
    assert fmt.percent(Decimal("-0.00001")) == "+0.00%"


@pytest.mark.usefixtures("german")
def test_the_window_shows_a_decimal_comma_on_a_german_desktop(window: MainWindow,
                                                              run: Callable[[Awaitable[Any]], Any]) -> None:
    fmt.use_locale(GERMAN)  # the window set the system's at start; the person's desktop is German
    run(window.sync_now())
    view = showing(window, window.holdings_view, run)
    view.set_snapshot(view.model.snapshot)  # formatted afresh
    value = view.model.index(0, 4).data()
    assert "," in value and value.rsplit(",", 1)[1].isdigit() and len(value.rsplit(",", 1)[1]) == 2, value

"""The Income view: the headline, the months, the sources and the years, all from one report."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from clera_desktop.services.history import build_report
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.views.income_view import MONTHS_SHOWN, headline_text
from tests.ui.conftest import showing

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_the_income_view_shows_one_reports_figures_after_a_sync(window: MainWindow,
                                                                 run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    view = showing(window, window.income_view, run)
    report = view.report
    assert report is not None and report == run(window.services.income.report())
    assert report.payments, "the demo world pays dividends and interest"
    assert view.headline.text() == headline_text(report)
    net, _tax = report.trailing_twelve_months()
    assert fmt.money(net, report.base_currency) in view.headline.text()
    assert view.sources.rows == tuple(report.by_source())
    assert sum((s.net for s in view.sources.rows), Decimal(0)) == net, "the sources add up to the headline"
    assert view.years.rows == tuple(report.by_year())
    assert view.sources.headerData(1, Qt.Orientation.Horizontal) == f"Last 12 months\n({report.base_currency})"
    months = report.by_month(MONTHS_SHOWN)
    paid = next(n for n, (_m, amount, _t) in enumerate(months) if amount)
    assert view.chart.describe(paid).endswith(fmt.money(months[paid][1], report.base_currency))


def test_one_accounts_income_is_that_accounts_payments_only(window: MainWindow,
                                                            run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    view = showing(window, window.income_view, run)
    assert view.report is not None
    everyone = view.report
    name = next(s.accounts[0] for s in everyone.sources if s.symbol and len(s.accounts) == 1)
    view.account.setCurrentIndex(view.account.findText(name))
    run(view.reload())
    assert 0 < view.report.payments < everyone.payments
    assert view.report.sources and {a for s in view.report.sources for a in s.accounts} == {name}


def test_a_years_gross_income_is_the_performance_reports_income_for_that_year(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """The same dividends and interest, gross, in the base currency: the Income view's year and
    the history report (Performance, ``clera-desktop report``) agree to the cent."""
    run(window.sync_now())
    run(window.services.history.update())
    income = run(window.services.income.report())
    base = window.services.settings.base_currency
    year, gross = next((y, g) for y, g, _t, _n in income.by_year() if y < income.today.year)
    history = window.services.database.read_sync(
        lambda s: build_report(s, base, None, date(year, 1, 1), date(year, 12, 31), today=income.today))
    assert Decimal(str(history.as_json()["total"]["income"])) == gross  # type: ignore[index]

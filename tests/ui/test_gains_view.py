"""The Gains view: a tax year's sale parts, the totals by term, the CSV, all one report."""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from clera_desktop.portfolio.lots import LotMethod
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _a_year_with_sales(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> int:
    """A tax year in which the demo sells in taxable and in sheltered accounts (early in a year,
    the current one may hold only a few taxable sales, so the year is looked for, not assumed)."""
    for year in run(window.services.gains.years_with_sales()):
        report = run(window.services.gains.report(date(year, 1, 1), date(year, 12, 31)))
        if report.has_sheltered and any(not line.sheltered for line in report.lines):
            return int(year)
    raise AssertionError("the demo world sells in taxable and sheltered accounts in some year")


def test_the_gains_view_shows_the_reports_sales_totals_and_csv(window: MainWindow, run: Callable[[Awaitable[Any]], Any],
                                                               tmp_path: Path) -> None:
    run(window.sync_now())
    year = _a_year_with_sales(window, run)
    view = showing(window, window.gains_view, run)
    view.year.setCurrentIndex(view.year.findData(year))
    run(view._load())
    report = run(window.services.gains.report(date(year, 1, 1), date(year, 12, 31)))
    assert view.model.rows == report.lines
    base = report.base_currency
    assert view.model.headerData(9, Qt.Orientation.Horizontal) == f"Gain\n({base})"
    assert f"Taxable total: {fmt.money(report.gain, base)}" in view.totals.text()
    assert report.has_sheltered and f"(not taxed): {fmt.money(report.sheltered_gain, base)}" in view.totals.text(), \
        "the demo sells in a TFSA and a 401(k): shown apart"
    view.export_to(tmp_path / "gains.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "gains.csv").read_text(encoding="utf-8"))))
    parts = [r for r in rows if not r["account"].startswith("Total")]
    assert len(parts) == len(report.lines)
    taxable = sum(Decimal(r[f"gain ({base})"] or 0) for r in parts if r["tax"] == "taxable")
    assert taxable == report.gain, "the CSV's taxable lines add up to the taxable total"

    one = report.lines[0].account_id
    view.account.setCurrentIndex(view.account.findData(one))
    run(view._load())
    assert view.model.rows and {line.account_id for line in view.model.rows} == {one}


def test_changing_an_accounts_lot_method_redraws_the_gains_view(window: MainWindow,
                                                                run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    year = _a_year_with_sales(window, run)
    view = showing(window, window.gains_view, run)
    view.year.setCurrentIndex(view.year.findData(year))
    run(view._load())
    account = view.model.rows[0].account_id
    loads = window.refreshers["gains"].loads
    run(window.services.gains.set_lot_method(account, LotMethod.HIFO))
    run(window.settled())
    assert window.refreshers["gains"].loads == loads + 1
    assert view.report is not None and view.report.methods[account] is LotMethod.HIFO


def test_an_accounts_lot_method_is_chosen_in_its_pane(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    from tests.ui.conftest import wait_for

    run(window.sync_now())
    account = window.accounts_view.model.accounts()[0]
    run(window.accounts_view.open_account(account.account_id))
    detail = window.accounts_view.detail
    assert detail is not None
    run(wait_for(lambda: detail.lot_method.currentData() == LotMethod.FIFO))
    detail.lot_method.setCurrentIndex(detail.lot_method.findData(LotMethod.LIFO.value))
    detail.lot_method.activated.emit(detail.lot_method.currentIndex())
    run(wait_for(lambda: run_coroutine_result(window, account.account_id) is LotMethod.LIFO))


def run_coroutine_result(window: MainWindow, account_id: str) -> Any:
    """The stored method, read on the writer's side of the store (no event loop needed)."""
    from clera_desktop.store.manual import lot_method

    return window.services.database.read_sync(lambda s: lot_method(s, account_id))

"""Every view agrees after every change: connect a brokerage through the portal, place a trade,
File › Refresh, all on one day, and after each step the Dashboard, Accounts, Holdings (all, and
narrowed to one account), Allocation, Performance, ``report --json`` and ``report allocation``
show one total to the cent."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.cli import run_allocation_report, run_report
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK
from tests.ui.conftest import evaluate, showing, shown_amount, wait_for
from tests.ui.test_connect_flows import _portal_ready, _sign_in
from tests.ui.test_trade_views import _fill_ticket, _review

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

CLERA = "Clera Brokerage (paper)"


def _printed(capsys: pytest.CaptureFixture[str], command: Callable[[], int]) -> Any:
    capsys.readouterr()
    assert command() == 0
    return json.loads(capsys.readouterr().out)


def _totals(window: MainWindow, run: Callable[[Awaitable[Any]], Any], capsys: pytest.CaptureFixture[str]) -> dict[str, Decimal]:
    """Each view's total of the whole portfolio, as a person reads it off the screen."""
    run(window.services.history_settled())
    run(window.settled())
    run(window.services.live.refresh_book())
    accounts = showing(window, window.accounts_view, run)
    figures = {"accounts": shown_amount(accounts.total.text())}
    holdings = showing(window, window.holdings_view, run)
    figures["holdings"] = shown_amount(holdings.totals.text().split("Portfolio")[1])
    dashboard = showing(window, window.dashboard_view, run)
    dashboard.render_if_changed()
    figures["dashboard"] = shown_amount(dashboard.total.text())
    allocation = showing(window, window.allocation_view, run)
    run(wait_for(lambda: allocation.shown is not None))
    figures["allocation"] = allocation.shown.total  # type: ignore[union-attr]
    performance = showing(window, window.performance_view, run)
    run(wait_for(lambda: performance.report is not None))
    figures["performance"] = shown_amount(performance.figures["end_value"].text())
    settings = window.services.settings
    report = _printed(capsys, lambda: run_report(settings, accounts=None, start=None, end=None))
    figures["report --json"] = Decimal(report["total"]["end_value"])
    by_account = _printed(capsys, lambda: run_allocation_report(settings, accounts=None, by="account"))
    figures["report allocation"] = Decimal(by_account["total"])
    return figures


def _this_years_gains_and_income(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """Performance over the year to date: its realised gain is the Gains view's for this tax year
    (taxable and sheltered), its income the Income view's payments this year."""
    year = TEST_CLOCK.today().year
    performance = showing(window, window.performance_view, run)
    shown = performance.report
    next(b for b in performance.range_group.buttons() if b.text() == "YTD").click()
    run(wait_for(lambda: performance.report is not shown and performance.report is not None))
    realised, income = (shown_amount(performance.figures[key].text()) for key in ("realised", "income"))
    gains = showing(window, window.gains_view, run)
    run(wait_for(lambda: getattr(gains, "report", None) is not None))
    if gains.year.currentData() != year:
        gains.year.setCurrentIndex(gains.year.findData(year))
        gains.year.activated.emit(gains.year.currentIndex())
        run(wait_for(lambda: gains.report.start.year == year))
    assert gains.report.gain + gains.report.sheltered_gain == realised
    paid = showing(window, window.income_view, run)
    run(wait_for(lambda: paid.report is not None))
    gross = sum(a.gross for day, a in paid.report.days.items() if day.year == year)
    assert Decimal(gross) / 100 == income
    next(b for b in performance.range_group.buttons() if b.text() == "1Y").click()


def _one_account_agrees(window: MainWindow, run: Callable[[Awaitable[Any]], Any], name: str) -> None:
    """Holdings narrowed to one account: its footer is the Accounts view's total for it, cash included."""
    account = next(a for a in window.accounts_view.model.accounts() if a.name == name)
    holdings = showing(window, window.holdings_view, run)
    holdings.account.setCurrentIndex(holdings.account.findData(account.account_id))
    footer = holdings.totals.text()
    assert shown_amount(footer.split(name)[1]) == account.total_base, footer
    rows = holdings.visible_rows()
    assert all(len(r.accounts) == 1 for r in rows)
    assert abs(sum((r.weight for r in rows if r.weight is not None), Decimal(0)) - 1) < Decimal("1e-20")
    holdings.account.setCurrentIndex(0)


def _agree(step: str, window: MainWindow, run: Callable[[Awaitable[Any]], Any],
           capsys: pytest.CaptureFixture[str]) -> Decimal:
    figures = _totals(window, run, capsys)
    assert len(set(figures.values())) == 1, (step, figures)
    for name in ("E*TRADE Brokerage", CLERA):
        _one_account_agrees(window, run, name)
    _this_years_gains_and_income(window, run)
    return figures["accounts"]


def test_every_view_agrees_after_connecting_trading_and_refreshing_the_same_day(
        quiet_window: MainWindow, run: Callable[[Awaitable[Any]], Any], capsys: pytest.CaptureFixture[str]) -> None:
    window = quiet_window
    run(window.sync_now())
    first = _agree("first sync", window, run, capsys)

    async def connect() -> str:
        window.show_view(window.connect_view)
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=True))
        page = await _portal_ready(window)
        await evaluate(page, _sign_in("WEALTHSIMPLE", "demo"))
        return await flow

    assert run(connect()) == "Brokerage connected and synced."
    connected = _agree("a new connection", window, run, capsys)
    assert connected > first, "the new connection's accounts count everywhere"

    async def trade() -> None:
        await _fill_ticket(window, "MSFT", CLERA, "3")
        dialog = await _review(window)
        dialog.place_button.click()
        await wait_for(lambda: window.trade_view.last_result is not None)
        await window.services.trading.settled()

    run(trade())
    _agree("a trade", window, run, capsys)

    run(window.refresh())
    _agree("File > Refresh", window, run, capsys)

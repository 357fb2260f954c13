"""The demo plus manual accounts in two other currencies: the Dashboard, Accounts, Holdings and
Performance show one total, to the cent (issue: "Every number right").

The demo's stream sends no ticks, so no price moves between one view's reading and the next: the
same data, four views.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.store.rates import rate_book
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TODAY
from tests.ui.conftest import showing, shown_amount, wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _cells(**cells: str) -> dict[str, str]:
    return {"date": "", "type": "", "symbol": "", "quantity": "", "price": "", "amount": "", "fee": "", "tax": "",
            "currency": "", "acquired": "", "description": "", **cells}


def test_the_four_views_show_one_total_with_manual_accounts_in_two_other_currencies(
        quiet_window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    window, services = quiet_window, quiet_window.services
    run(window.sync_now())
    run(window.update_history())
    before = window.accounts_view.model.accounts()

    manual = services.manual
    pension = next(iter(run(manual.create_account("Pension", "CHF")).accounts))
    savings = next(iter(run(manual.create_account("Euro savings", "EUR")).accounts))
    a_year_ago, later = (TODAY - timedelta(days=400)).isoformat(), (TODAY - timedelta(days=300)).isoformat()
    for account, cells in (
            (pension, _cells(date=a_year_ago, type="DEPOSIT", amount="20000", currency="CHF")),
            (pension, _cells(date=a_year_ago, type="BUY", symbol="AAPL", quantity="10", price="150", fee="9.95",
                             currency="CHF")),
            (savings, _cells(date=a_year_ago, type="DEPOSIT", amount="5000", currency="EUR")),
            (savings, _cells(date=a_year_ago, type="BUY", symbol="VTI", quantity="3", price="200", currency="EUR")),
            (savings, _cells(date=later, type="DIVIDEND", symbol="VTI", amount="12.50", tax="1.88", currency="EUR"))):
        run(manual.save_activity(account, cells))
    run(window.update_history())  # CHF and EUR rates, AAPL and VTI closes: the manual accounts are priced
    run(services.live.refresh_book())

    accounts = window.accounts_view.model.accounts()
    by_id = {a.account_id: a for a in accounts}
    assert by_id[pension].missing_prices == () and by_id[pension].total_base, "the pension is priced and converted"
    assert {a.currency for a in accounts} >= {"USD", "CAD", "CHF", "EUR"}
    aapl = next(p for p in run(services.book.account_detail(pension)).positions if p.symbol == "AAPL")
    assert aapl.currency == "USD", "a US listing in a Swiss account is priced in dollars, and converted"
    usd_chf = services.database.read_sync(lambda s: rate_book(s).latest("USD", "CHF"))
    assert usd_chf is not None and aapl.price is not None
    cash = Decimal(20000) - (10 * Decimal(150) + Decimal("9.95"))
    assert by_id[pension].cash == cash and by_id[pension].total == cash + 10 * aapl.price * usd_chf.rate

    accounts_total = shown_amount(window.accounts_view.total.text())
    holdings = showing(window, window.holdings_view, run)
    holdings_total = holdings.model.snapshot.portfolio.amount  # type: ignore[union-attr]
    assert shown_amount(holdings.totals.text().split("Portfolio")[1]) == holdings_total
    dashboard = showing(window, window.dashboard_view, run)
    dashboard.render_if_changed()
    assert services.live.snapshot().ticks == 0  # type: ignore[union-attr]
    dashboard_total = shown_amount(dashboard.total.text())
    performance = showing(window, window.performance_view, run)
    next(b for b in performance.range_group.buttons() if b.text() == "ALL").click()
    run(wait_for(lambda: performance.report is not None and performance.report.start < TODAY - timedelta(days=700)))
    performance_total = shown_amount(performance.figures["end_value"].text())

    assert accounts_total == holdings_total == dashboard_total == performance_total, \
        (accounts_total, holdings_total, dashboard_total, performance_total)
    assert not window.accounts_view.total_note.isVisible() and performance.report.complete  # type: ignore[union-attr]
    demo_only = sum((a.total_base for a in before), Decimal(0))  # type: ignore[misc]
    assert accounts_total - demo_only == by_id[pension].total_base + by_id[savings].total_base  # type: ignore[operator]

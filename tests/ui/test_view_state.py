"""The window opens where the person left it: the view, the account open, the holdings' sort, the range."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from clera_desktop.app import AppContext
from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing, wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_the_view_account_sort_and_range_come_back_after_a_restart(
        qtbot: Any, window: MainWindow, demo_context: AppContext, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    account = window.accounts_view.model.accounts()[2]
    run(window.accounts_view.open_account(account.account_id))
    window.holdings_view.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    window.performance_view.choose_range("3M")
    window.performance_view.show_deposits.setChecked(False)
    showing(window, window.gains_view, run)
    window.close()

    again = MainWindow(demo_context.services)
    qtbot.addWidget(again)
    again.show()
    run(again.reload())
    try:
        assert again.stack.currentWidget() is again.gains_view and again.nav_buttons["gains"].isChecked()
        header = again.holdings_view.tree.header()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
        assert again.performance_view.chosen_range()[0] == "3M"
        assert not again.performance_view.show_deposits.isChecked()
        run(wait_for(lambda: again.accounts_view.shown_account == account.account_id))
    finally:
        again.close()

"""Holdings: an account row under a holding opens its lots, beside the brokerage's cost."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing, wait_for


def test_choosing_an_account_under_a_holding_shows_its_lots_adding_up_to_its_shares(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    view = showing(window, window.holdings_view, run)
    model = view.model
    top = next(r for r in range(model.rowCount()) if len(model.visible_rows[r].accounts) > 1)
    holding = model.visible_rows[top]
    parent = model.index(top, 0)
    view.tree.expand(parent)
    view.tree.setCurrentIndex(model.index(0, 0, parent))
    share = holding.accounts[0]
    run(wait_for(lambda: view.lots.holding is not None and view.lots.holding.account_id == share.account_id))
    lots = view.lots.holding
    assert lots is not None and lots.symbol == holding.symbol
    assert sum((v.lot.quantity for v in lots.lots), Decimal(0)) == share.quantity, "every share is in a lot"
    assert view.lots.model.rowCount() == len(lots.lots)
    assert share.account_name in view.lots.title.text() and lots.method.label in view.lots.title.text()
    assert "Cost from your activities" in view.lots.reconciliation.text()

    view.tree.setCurrentIndex(parent)  # a holding in several accounts: no one account's lots
    assert view.lots.holding is None

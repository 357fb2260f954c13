"""Holdings: an account row under a holding opens its lots, beside the brokerage's cost."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing, wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


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


def test_the_brokerages_own_lots_are_shown_beside_ours_and_agree_when_history_is_complete(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """E*TRADE reports tax lots in the demo (SnapTrade's tax_lots, enabled for that brokerage only)."""
    run(window.sync_now())
    snapshot = run(window.services.book.holdings())
    etrade = [(a.account_id, r.symbol) for r in snapshot.rows for a in r.accounts if a.account_name == "E*TRADE Brokerage"]
    others = [(a.account_id, r.symbol) for r in snapshot.rows for a in r.accounts if a.account_name == "Robinhood Individual"]
    assert etrade and others
    agreed = 0
    for account_id, symbol in etrade:
        holding = run(window.services.gains.holding_lots(account_id, symbol))
        assert holding.broker_lots, f"{symbol}: E*TRADE reports its lots"
        assert sum((lot.quantity for lot in holding.broker_lots), Decimal(0)) == holding.quantity_held
        agreed += bool(holding.broker_lots_agree)
    assert agreed == len(etrade), "our FIFO lots are the brokerage's FIFO lots"
    robinhood = run(window.services.gains.holding_lots(*others[0]))
    assert robinhood.broker_lots is None, "a brokerage without tax lots: nothing claimed"


def test_an_account_kept_by_hand_names_its_holdings_and_compares_with_no_brokerage(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """A manual account's holding took no name (an empty Name column) and its lots pane said its cost
    was "the same as the brokerage reports", when there is no brokerage: its own cost."""
    from clera_desktop.ui.views.lots_panel import reconciliation_text
    from tests.clock import TEST_CLOCK

    run(window.sync_now())
    named = {p.symbol: p.description for a in run(window.services.book.accounts()) if a.provider != "manual"
             for p in run(window.services.book.account_detail(a.account_id)).positions if p.description}
    symbol = sorted(named)[0]
    manual = window.services.manual
    account = next(iter(run(manual.create_account("Notebook", "USD")).accounts))
    day = TEST_CLOCK.today().isoformat()
    run(manual.save_activity(account, {"date": day, "type": "DEPOSIT", "amount": "1000", "currency": "USD"}))
    run(manual.save_activity(account, {"date": day, "type": "BUY", "symbol": symbol, "quantity": "1", "price": "10",
                                       "currency": "USD"}))
    position = next(p for p in run(window.services.book.account_detail(account)).positions if p.symbol == symbol)
    assert position.description, "named as the brokerages name it"
    holding = run(window.services.gains.holding_lots(account, symbol))
    assert holding.kept_by_hand and holding.broker_cost is None
    text = reconciliation_text(holding)
    assert "kept by hand" in text and "brokerage reports" not in text, text

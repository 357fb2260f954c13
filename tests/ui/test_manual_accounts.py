"""Manual accounts through the window: the context menu, the activity form (the import's checks), edit, delete."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from clera_desktop.models.enums import ActivityType
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK
from tests.ui.conftest import wait_for

TODAY = TEST_CLOCK.today()


def _account(window: MainWindow, name: str) -> Any:
    return next(a for a in window.accounts_view.model.accounts() if a.name == name)


def test_a_manual_account_is_kept_by_hand_through_its_menu_and_form(window: MainWindow,
                                                                    run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    synced = _account(window, "Robinhood Individual")
    menu = window.accounts_view.context_menu(synced)
    by_text = {a.text(): a for a in menu.actions()}
    assert not by_text["Add activity\u2026"].isEnabled() and not by_text["Delete account\u2026"].isEnabled()
    by_text["Add manual account\u2026"].trigger()
    dialog = window.manual_dialog
    dialog.name.setText("Cash box")
    dialog.currency.setText("EUR")
    dialog.create_button.click()
    run(wait_for(lambda: dialog.account_id is not None))
    run(window.settled())
    box = _account(window, "Cash box")
    assert box.currency == "EUR" and box.provider == "manual"

    run(window.accounts_view.open_account(box.account_id))
    detail = window.accounts_view.detail
    assert detail is not None and detail.editable and not detail.activity_buttons.isHidden()
    detail.tabs.setCurrentIndex(detail.tabs.indexOf(detail.activities_table.parentWidget()))
    detail.add_activity_button.click()
    run(wait_for(lambda: hasattr(detail, "activity_dialog") and detail.activity_dialog.isVisible()))
    form = detail.activity_dialog
    form.type.setCurrentIndex(form.type.findData(ActivityType.BUY.name))
    assert not form.cells["acquired"].isVisibleTo(form) and form.cells["symbol"].isVisibleTo(form)
    form.cells["quantity"].setText("2")
    form.save_button.click()
    run(wait_for(lambda: "needs a symbol" in form.message.text()))
    assert form.isVisible(), "nothing was saved"

    form.type.setCurrentIndex(form.type.findData(ActivityType.DEPOSIT.name))
    form.cells["amount"].setText("1500")
    form.save_button.click()
    run(wait_for(lambda: form.result() == form.DialogCode.Accepted))
    run(window.settled())
    assert _account(window, "Cash box").cash == Decimal(1500)
    assert [a.type for a in detail.activities.rows] == ["deposit"]

    detail.activities_table.selectRow(0)
    detail.edit_activity_button.click()
    run(wait_for(lambda: detail.activity_dialog is not form and detail.activity_dialog.isVisible()))
    edit = detail.activity_dialog
    assert edit.cells["amount"].text() == "1500"
    edit.cells["amount"].setText("1250.50")
    edit.save_button.click()
    run(wait_for(lambda: edit.result() == edit.DialogCode.Accepted))
    run(window.settled())
    assert _account(window, "Cash box").cash == Decimal("1250.50") and len(detail.activities.rows) == 1

    detail.activities_table.selectRow(0)
    detail.ask_and_delete_activity()
    box_dialog = next(w for w in detail.findChildren(QMessageBox) if w.isVisible())
    next(b for b in box_dialog.buttons() if b.text() == "Delete").click()
    run(wait_for(lambda: not detail.activities.rows))
    run(window.settled())
    assert _account(window, "Cash box").cash == 0


def test_a_sale_of_more_than_is_held_is_said_before_it_is_saved(window: MainWindow,
                                                                 run: Callable[[Awaitable[Any]], Any]) -> None:
    """A manual SELL of 1,000,000 AAPL never held was accepted (a position of -1,000,000, worth
    -150,000,000): the form says so first, and keeps it as written only when Save is pressed again."""
    manual = window.services.manual
    account = next(iter(run(manual.create_account("Notebook", "USD")).accounts))
    run(window.settled())
    run(window.accounts_view.open_account(account))
    detail = window.accounts_view.detail
    assert detail is not None
    detail.add_activity_button.click()
    run(wait_for(lambda: hasattr(detail, "activity_dialog") and detail.activity_dialog.isVisible()))
    form = detail.activity_dialog
    form.type.setCurrentIndex(form.type.findData(ActivityType.SELL.name))
    form.cells["symbol"].setText("AAPL")
    form.cells["quantity"].setText("1000000")
    form.cells["price"].setText("150")
    form.save_button.click()
    run(wait_for(lambda: "holds 0 AAPL" in form.message.text()))
    assert form.isVisible() and form.save_button.text() == "Save anyway" and not detail.activities.rows
    assert "leaving -1,000,000" in form.message.text()
    form.cells["quantity"].setText("10")  # another form: said again, not saved
    form.save_button.click()
    run(wait_for(lambda: "takes out 10" in form.message.text()))
    form.save_button.click()  # the same form once more: the person has read it
    run(wait_for(lambda: form.result() == form.DialogCode.Accepted))
    run(window.settled())
    assert len(detail.activities.rows) == 1


def test_a_purchase_beyond_the_cash_is_said_before_it_is_saved(window: MainWindow,
                                                               run: Callable[[Awaitable[Any]], Any]) -> None:
    """A manual BUY of 10 x 230 with no deposit left -2,300 in cash without a word: it is said first,
    with the sale check's words when both hold, and kept as written only when confirmed."""
    from clera_desktop.core.errors import LeavesCashNegative, SellsMoreThanHeld

    manual = window.services.manual
    account = next(iter(run(manual.create_account("Notebook", "USD")).accounts))
    day = TODAY.isoformat()
    buy = {"date": day, "type": "BUY", "symbol": "AAPL", "quantity": "10", "price": "230", "currency": "USD"}
    with pytest.raises(LeavesCashNegative, match=r"-2,300\.00 USD in cash"):
        run(manual.save_activity(account, buy))
    run(manual.save_activity(account, {"date": day, "type": "DEPOSIT", "amount": "2300", "currency": "USD"}))
    run(manual.save_activity(account, buy))  # paid for: nothing to say
    sale = {"date": day, "type": "SELL", "symbol": "AAPL", "quantity": "20", "price": "230", "currency": "USD"}
    run(manual.save_activity(account, sale, confirmed=True))  # more than held, but no cash taken
    fee = {"date": day, "type": "FEE", "amount": "5000", "currency": "USD"}
    with pytest.raises(LeavesCashNegative):
        run(manual.save_activity(account, fee))
    short_again = {**sale, "quantity": "1", "fee": "6000"}
    with pytest.raises(SellsMoreThanHeld, match=r"takes out 1\b.*in cash"):
        run(manual.save_activity(account, short_again))
    run(manual.save_activity(account, fee, confirmed=True))
    cash = next(a.cash for a in run(window.services.book.accounts()) if a.account_id == account)
    assert cash == Decimal(2300 - 2300 + 20 * 230 - 5000), "kept as written once confirmed"

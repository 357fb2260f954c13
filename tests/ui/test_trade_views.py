"""The trade ticket, confirmation, orders view and audit log, driven in the real window."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.app import AppContext
from clera_desktop.models.enums import OrderStatus
from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

CLERA = "Clera Brokerage (paper)"
ETRADE = "E*TRADE Brokerage"


def _holding(window: MainWindow, symbol: str) -> Decimal:
    row = next((r for r in window.holdings_view.model.snapshot.rows if r.symbol == symbol), None)
    return row.quantity if row else Decimal(0)


def _account_cash(window: MainWindow, name: str) -> Decimal | None:
    return next(a.cash for a in window.accounts_view.model.accounts() if a.name == name)


def _alpaca_orders(demo: AppContext) -> list[dict[str, Any]]:
    from alpaca.trading.client import TradingClient
    from alpaca.trading.enums import QueryOrderStatus
    from alpaca.trading.requests import GetOrdersRequest

    assert demo.demo is not None
    info = demo.demo.sandbox.info["alpaca"]
    client = TradingClient(info["key_id"], info["secret_key"], paper=True, raw_data=True, url_override=info["trading_url"])
    return client.get_orders(GetOrdersRequest(status=QueryOrderStatus.ALL, limit=500))  # type: ignore[return-value]


async def _fill_ticket(window: MainWindow, symbol: str, account: str, quantity: str, *, side: str = "Buy",
                       order_type: str = "Market", limit: str = "") -> None:
    view = window.trade_view
    window.open_ticket(symbol)
    await wait_for(lambda: view.facts_ready() and view.ticket().symbol == symbol and bool(view.route_note.text()))  # type: ignore[union-attr]
    index = next(i for i in range(view.account.count()) if view.account.itemText(i).startswith(account))
    if view.account.currentIndex() != index:
        view.account.setCurrentIndex(index)
        view.account.activated.emit(index)
        await wait_for(lambda: view.facts_ready() and view._facts.account.name == account)  # type: ignore[union-attr]
    view.side.setCurrentIndex(view.side.findText(side))
    view.order_type.setCurrentIndex(view.order_type.findText(order_type))
    view.amount.setText(quantity)
    view.limit_price.setText(limit)


async def _review(window: MainWindow) -> Any:
    view = window.trade_view
    view.confirm_dialog = None
    view.review_button.click()
    await wait_for(lambda: view.confirm_dialog is not None and view.confirm_dialog.isVisible())
    return view.confirm_dialog


def test_a_ticket_is_routed_placed_once_and_shows_up_everywhere(window: MainWindow, demo_context: AppContext,
                                                               run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.reload())  # Holdings is hidden: it redraws when shown; read what it would show
    held_before, cash_before = _holding(window, "MSFT"), _account_cash(window, CLERA)
    orders_before = len(_alpaca_orders(demo_context))

    async def scenario() -> Any:
        await _fill_ticket(window, "MSFT", CLERA, "3")
        assert "Clera Brokerage" in window.trade_view.route_note.text()
        assert window.trade_view.account_info.text().count("paper") == 1  # its name says so already
        assert "Estimated cost" in window.trade_view.estimate.text()
        dialog = await _review(window)
        text = " ".join(label.text() for label in dialog.findChildren(type(window.sync_label)))
        assert "app estimate from the latest quote" in text and "Commission" in text and "not available" in text
        assert not dialog.live_check.isVisible() and dialog.place_button.isEnabled()  # paper: no second question
        dialog.place_button.click()
        dialog.place_button.click()  # the double click
        await wait_for(lambda: window.trade_view.last_result is not None)
        await window.services.trading.settled()
        await window.reload()

    run(scenario())
    result = window.trade_view.last_result
    assert result is not None and result.order.status is OrderStatus.FILLED
    assert result.message == "Buy 3 MSFT: filled.", "the order in words, not its id"
    assert len(_alpaca_orders(demo_context)) == orders_before + 1
    assert _holding(window, "MSFT") == held_before + 3
    assert _account_cash(window, CLERA) < cash_before  # type: ignore[operator]
    top = [window.orders_view.model.row(i) for i in range(window.orders_view.model.rowCount())]
    mine = [o for o in top if o.client_order_id == result.ticket_id]
    assert len(mine) == 1 and mine[0].status is OrderStatus.FILLED
    actions = [r.action for r in window.orders_view.audit_model.rows]
    assert {"preview", "place_requested", "placed"} <= set(actions)


def test_the_routing_reason_says_what_the_account_holds_after_a_fill(window: MainWindow,
                                                                    run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())

    async def scenario() -> tuple[str, str]:
        view = window.trade_view
        window.open_ticket("MSFT")
        await wait_for(lambda: view.facts_ready() and bool(view.route_note.text()))
        before = view.route_note.text()
        view.amount.setText("2")
        dialog = await _review(window)
        if dialog.live_check.isVisible():
            dialog.live_check.setChecked(True)
        dialog.place_button.click()
        await wait_for(lambda: view.last_result is not None, timeout=30)
        await window.services.trading.settled()
        now = (await window.services.trading.route("MSFT")).reason
        await wait_for(lambda: view.route_note.text() == now)
        return before, now

    before, now = run(scenario())
    assert before != now and "MSFT" in now, "the two more shares are in the reason, not the count before the fill"


def test_a_live_snaptrade_order_needs_the_second_confirmation(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())

    async def scenario() -> Any:
        await _fill_ticket(window, "AAPL", ETRADE, "1")
        assert "E*TRADE" in window.trade_view.route_note.text()  # it holds AAPL and trades through SnapTrade
        assert "(live)" in window.trade_view.account_info.text()  # real money, said before the review
        dialog = await _review(window)
        assert dialog.live_check.isVisible() and not dialog.place_button.isEnabled()
        text = " ".join(label.text() for label in dialog.findChildren(type(window.sync_label)))
        assert "from the brokerage's preview" in text
        dialog.live_check.setChecked(True)
        dialog.place_button.click()
        await wait_for(lambda: window.trade_view.last_result is not None, timeout=30)
        return window.trade_view.last_result

    result = run(scenario())
    assert result.order.status is OrderStatus.FILLED


def test_validation_messages_appear_as_the_person_types(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())

    async def scenario() -> None:
        await _fill_ticket(window, "AMD", CLERA, "100000", side="Sell")
        assert "cannot sell 100,000" in window.trade_view.problems.text()
        window.trade_view.order_type.setCurrentIndex(window.trade_view.order_type.findText("Limit"))
        assert "needs a limit price" not in window.trade_view.problems.text(), "not before the person got there"
        window.trade_view.review_button.click()
        for _ in range(200):  # the service judges again and logs the refusal
            if any(r.action == "ticket_invalid" for r in await window.services.trading.audit_log()):
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the refused ticket was not logged")
        await wait_for(lambda: window.trade_view.review_button.isEnabled())
        assert "cannot sell" in window.trade_view.problems.text()
        assert "needs a limit price" in window.trade_view.problems.text(), "asked to review: every gap is said"
        assert window.trade_view.confirm_dialog is None

    run(scenario())


def test_an_open_order_is_canceled_from_the_orders_view(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())

    async def scenario() -> None:
        await _fill_ticket(window, "MSFT", CLERA, "1", order_type="Limit", limit="1.00")
        dialog = await _review(window)
        dialog.place_button.click()
        await wait_for(lambda: window.trade_view.last_result is not None)
        await window.reload()
        orders = window.orders_view
        window.show_view(orders)
        row = next(i for i in range(orders.model.rowCount()) if orders.model.row(i).is_open)
        orders.table.selectRow(orders.proxy.mapFromSource(orders.model.index(row, 0)).row())
        assert orders.cancel_button.isEnabled()
        orders.cancel_button.click()
        await wait_for(lambda: orders.confirm_box is not None and orders.confirm_box.isVisible())
        orders.confirm_cancel_button.click()
        await wait_for(lambda: "canceled" in orders.status.text())

    run(scenario())
    model = window.orders_view.model
    assert not any(model.row(i).is_open for i in range(model.rowCount()))
    assert window.orders_view.model.row(0).status in (OrderStatus.CANCELED, OrderStatus.FILLED)
    assert any(r.action == "canceled" for r in window.orders_view.audit_model.rows)
    assert not window.orders_view.timer.isActive()  # nothing open: no polling


def test_the_audit_log_exports_without_secrets(window: MainWindow, demo_context: AppContext,
                                               run: Callable[[Awaitable[Any]], Any], tmp_path: Any) -> None:
    from clera_desktop.trading.audit import export_audit_csv

    run(window.sync_now())
    run(_fill_ticket(window, "MSFT", CLERA, "1"))
    dialog = run(_review(window))
    dialog.reject()
    run(window.orders_view.reload())
    path = tmp_path / "audit.csv"
    assert export_audit_csv(window.orders_view.audit_model.rows, path) >= 1
    text = path.read_text()
    assert "preview" in text and "MSFT" in text
    info = demo_context.demo.sandbox.info
    for secret in (info["alpaca"]["secret_key"], info["snaptrade"]["consumer_key"], info["snaptrade"]["demo_user_secret"]):
        assert secret not in text


def test_the_previous_symbols_facts_never_stand_in_for_the_new_one(window: MainWindow,
                                                                  run: Callable[[Awaitable[Any]], Any]) -> None:
    """Changing the symbol while the first symbol's quote is shown: until the new symbol's facts
    arrive the form is not ready and shows no quote (the Review button would otherwise judge MSFT
    with AAPL's quote)."""
    run(window.sync_now())
    view, trading = window.trade_view, window.services.trading
    release = asyncio.Event()
    real_check = trading.check

    async def slow_for_msft(ticket: Any) -> Any:
        if ticket.symbol == "MSFT":
            await release.wait()
        return await real_check(ticket)

    trading.check = slow_for_msft  # type: ignore[method-assign]

    async def scenario() -> None:
        window.open_ticket("AAPL")
        await wait_for(lambda: view.facts_ready() and view.ticket().symbol == "AAPL")  # type: ignore[union-attr]
        assert view.current_facts() is not None and view.current_facts().quote is not None  # type: ignore[union-attr]
        window.open_ticket("MSFT")
        await wait_for(lambda: view._asked_for is not None and view._asked_for[1] == "MSFT")
        assert not view.facts_ready() and view.current_facts() is None
        assert "AAPL" not in view.quote_info.text()
        release.set()
        await wait_for(lambda: view.facts_ready())
        assert view.current_facts().quote.symbol == "MSFT"  # type: ignore[union-attr]

    run(scenario())


def test_a_sell_tickets_review_shows_the_lots_it_would_close_and_the_estimated_gain(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    snapshot = run(window.services.book.holdings())
    symbol = next(r.symbol for r in snapshot.rows if any(a.account_name == CLERA and a.quantity >= 2 for a in r.accounts))
    account = next(a for r in snapshot.rows if r.symbol == symbol for a in r.accounts if a.account_name == CLERA)

    async def scenario() -> Any:
        await _fill_ticket(window, symbol, CLERA, "2", side="Sell")
        return await _review(window)

    dialog = run(scenario())
    assert dialog.sale_effect is not None, "a sale's review says what it would realise"
    text = dialog.sale_effect.text()
    holding = run(window.services.gains.holding_lots(account.account_id, symbol))
    assert "Tax effect" in text and holding.method.label in text and "app estimate" in text
    assert "Estimated realised gain" in text and "its API takes no lot choice" in text
    preview = run(window.services.gains.preview_sale(account.account_id, symbol, Decimal(2), Decimal(100)))
    assert sum((p.quantity for p in preview.parts), Decimal(0)) == 2
    dialog.reject()


def test_a_new_ticket_starts_clean_and_says_nothing_before_the_person_types(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    view = window.trade_view

    async def scenario() -> None:
        await _fill_ticket(window, "MSFT", CLERA, "2", order_type="Limit", limit="123.45")
        window.open_ticket("AAPL")
        await wait_for(lambda: view.facts_ready() and view.ticket().symbol == "AAPL")  # type: ignore[union-attr]

    run(scenario())
    assert view.limit_price.text() == "" and view.amount.text() == "", "nothing of the last ticket carried over"
    assert "Enter" not in view.problems.text() and "needs" not in view.problems.text()
    height = view.route_note.height()
    view.route_note.setText("A much longer routing note than before, long enough to wrap onto a second line in the "
                            "form, which used to push every field below it down")
    assert view.route_note.minimumHeight() >= 2 * view.route_note.fontMetrics().lineSpacing()
    assert view.route_note.height() >= height

"""Preview -> place -> track against the sandbox, through the real SDKs: exactly one order."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from clera_desktop.core.errors import CleraError
from clera_desktop.models.enums import OrderStatus, OrderType
from clera_desktop.models.trading import Source
from clera_desktop.trading.audit import AuditAction
from clera_desktop.trading.service import PlacementUnconfirmed, TicketRejected
from tests.trading.conftest import TradingHarness, make_trading

# SQLite and PostgreSQL; its outcome depends on the day it plays (tests/run_suite.py --calendar)
pytestmark = [pytest.mark.both_engines, pytest.mark.day]

ETRADE = "E*TRADE Brokerage"
CLERA = "Clera Brokerage (paper)"
ROBINHOOD = "Robinhood Individual"


def actions(trading: TradingHarness) -> list[str]:
    return [row.action for row in reversed(trading.run(trading.service.audit_log()))]


def test_snaptrade_market_buy_is_previewed_placed_filled_and_synced(trading: TradingHarness) -> None:
    world_account = trading.world_account(ETRADE)
    held = world_account.book.holdings.get("AAPL")
    held_before = held.quantity if held is not None else Decimal(0)
    ticket = trading.ticket(ETRADE, "AAPL", quantity=Decimal(2))

    preview = trading.run(trading.service.preview(ticket))
    assert preview.broker.trade_id
    assert preview.commission.source is Source.BROKERAGE and preview.commission.value == Decimal(0)
    assert preview.total.source is Source.BROKERAGE
    assert preview.remaining_cash.source is Source.BROKERAGE
    assert preview.live  # a real brokerage account: the dialog must ask twice

    result = trading.run(trading.service.place(preview, live_confirmed=True))
    assert result.order.status is OrderStatus.FILLED and not result.reconciled
    assert world_account.book.holdings["AAPL"].quantity == held_before + 2

    trading.run(trading.service.settled())  # a fill triggers a sync of that account
    account = trading.run(trading.service.account(ticket.account_id)).account
    assert account.held("AAPL") == held_before + 2
    orders = [o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id]
    assert len(orders) == 1 and orders[0].status is OrderStatus.FILLED and orders[0].provider_order_id
    assert actions(trading)[-3:] == [AuditAction.PREVIEW, AuditAction.PLACE_REQUESTED, AuditAction.PLACED]


def test_alpaca_limit_order_rests_open_and_is_canceled(trading: TradingHarness) -> None:
    ticket = trading.ticket(CLERA, "MSFT", order_type=OrderType.LIMIT, quantity=Decimal("1.5"), limit_price=Decimal("1.00"))
    preview = trading.run(trading.service.preview(ticket))
    assert preview.broker.trade_id is None  # Alpaca has no preview: the estimate is the app's
    assert preview.total.source is Source.ESTIMATE and preview.total.value == Decimal("1.500")
    assert preview.commission.source is Source.UNAVAILABLE and preview.commission.value is None
    assert not preview.live

    result = trading.run(trading.service.place(preview))
    assert result.order.status is OrderStatus.ACCEPTED
    row = next(o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id)
    assert row.is_open

    canceled = trading.run(trading.service.cancel(row.id))
    assert canceled.status is OrderStatus.CANCELED
    world_order = next(o for o in trading.world_account(CLERA).orders if o.client_order_id == preview.ticket_id)
    assert world_order.status == "canceled"
    assert actions(trading)[-3:] == [AuditAction.PLACED, AuditAction.CANCEL_REQUESTED, AuditAction.CANCELED]


def test_a_double_click_places_one_order(trading: TradingHarness) -> None:
    before = len(trading.world_account(CLERA).orders)
    preview = trading.run(trading.service.preview(trading.ticket(CLERA, "AAPL", quantity=Decimal(1))))

    async def click_twice():  # type: ignore[no-untyped-def]
        first = trading.service.place(preview)
        second = trading.service.place(preview)
        return await asyncio.gather(first, second)

    first, second = trading.run(click_twice())
    assert first.order.provider_order_id == second.order.provider_order_id
    assert len(trading.world_account(CLERA).orders) == before + 1
    # even a fresh service (a restarted app) refuses the same ticket: the store holds its id
    from clera_desktop.trading.service import TradingService

    again = TradingService(lambda: trading.harness.settings, trading.harness.database, lambda: trading.harness.registry)
    with pytest.raises(CleraError, match="not sent twice"):
        trading.run(again.place(preview))
    assert len(trading.world_account(CLERA).orders) == before + 1
    logged = [r for r in trading.run(trading.service.audit_log()) if r.details.get("ticket_id") == preview.ticket_id]
    assert sorted(r.action for r in logged) == [AuditAction.PLACE_REQUESTED, AuditAction.PLACED, AuditAction.PREVIEW]


@pytest.mark.parametrize(("account", "pattern"), [(ETRADE, "snaptrade:/trade/*"), (CLERA, "alpaca:/v2/orders")])
def test_an_answer_lost_after_the_brokerage_accepted_gives_exactly_one_order(
        trading: TradingHarness, account: str, pattern: str) -> None:
    world_account = trading.world_account(account)
    before = len(world_account.orders)
    preview = trading.run(trading.service.preview(trading.ticket(account, "AAPL", quantity=Decimal(1))))
    trading.server.faults.inject(pattern, "lost", times=1)

    result = trading.run(trading.service.place(preview, live_confirmed=True))

    assert result.reconciled and "did not send it again" in result.message
    assert len(world_account.orders) == before + 1
    rows = [o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id]
    assert len(rows) == 1 and rows[0].provider_order_id == result.order.provider_order_id
    assert actions(trading)[-3:] == [AuditAction.PLACE_REQUESTED, AuditAction.UNCONFIRMED, AuditAction.RECONCILED]


def test_a_read_only_account_cannot_place(trading: TradingHarness) -> None:
    with pytest.raises(TicketRejected, match="read-only"):
        trading.run(trading.service.preview(trading.ticket(ROBINHOOD, "AAPL", quantity=Decimal(1))))
    assert actions(trading)[-1] == AuditAction.TICKET_INVALID
    assert all(o.client_order_id is None or len(o.client_order_id) != 36
               for o in trading.world_account(ROBINHOOD).orders)


def test_switching_the_trade_flag_off_stops_snaptrade_orders(trading: TradingHarness, tmp_path) -> None:  # type: ignore[no-untyped-def]
    preview = trading.run(trading.service.preview(trading.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
    before = len(trading.world_account(ETRADE).orders)
    flag_off = make_trading(trading.server, tmp_path / "flag-off", trade_flag=False)
    try:
        with pytest.raises(TicketRejected, match="FF_SNAPTRADE_TRADE_EXECUTION"):
            flag_off.run(flag_off.service.preview(flag_off.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
        preview_here = type(preview)(**{f: getattr(preview, f) for f in preview.__dataclass_fields__})
        with pytest.raises(TicketRejected, match="switched off"):
            flag_off.run(flag_off.service.place(preview_here, live_confirmed=True))
        audit = [r.action for r in flag_off.run(flag_off.service.audit_log())]
        assert audit.count(AuditAction.TICKET_INVALID) == 2
    finally:
        flag_off.close()
    assert len(trading.world_account(ETRADE).orders) == before


def test_a_live_account_needs_the_explicit_confirmation(trading: TradingHarness) -> None:
    preview = trading.run(trading.service.preview(trading.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
    with pytest.raises(CleraError, match="live account"):
        trading.run(trading.service.place(preview))


def test_the_brokerage_rejection_is_shown_with_its_reason(trading: TradingHarness) -> None:
    # the store still believes in yesterday's cash: the brokerage knows better
    from sqlalchemy import update

    from clera_desktop.models.tables import Balance

    account_id = trading.account_id(CLERA)
    trading.harness.database.write_sync(lambda s: s.execute(
        update(Balance).where(Balance.account_id == account_id).values(cash=Decimal(10**9), buying_power=Decimal(10**9))))
    preview = trading.run(trading.service.preview(trading.ticket(CLERA, "AAPL", quantity=Decimal(100000))))

    with pytest.raises(TicketRejected, match="Insufficient buying power") as raised:
        trading.run(trading.service.place(preview))
    assert raised.value.by_brokerage
    row = next(o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id)
    assert row.status is OrderStatus.REJECTED and "Insufficient buying power" in (row.reject_reason or "")
    assert actions(trading)[-1] == AuditAction.REJECTED


def test_snaptrade_trades_are_paced_one_per_second_per_account(trading: TradingHarness) -> None:
    import time

    previews = [trading.run(trading.service.preview(trading.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
                for _ in range(2)]
    started = time.monotonic()

    async def both():  # type: ignore[no-untyped-def]
        return await asyncio.gather(*(trading.service.place(p, live_confirmed=True) for p in previews))

    results = trading.run(both())
    assert {r.order.status for r in results} == {OrderStatus.FILLED}  # the sandbox's pace was never hit
    assert time.monotonic() - started >= 1.0


def test_a_market_order_while_closed_warns_rests_and_fills_at_the_open(trading: TradingHarness) -> None:
    import time

    trading.server.world.market.is_open = False
    ticket = trading.ticket(CLERA, "AMZN", quantity=Decimal(1))
    _facts, problems = trading.run(trading.service.check(ticket))
    assert [p.message for p in problems if not p.blocking] == [
        "The market is closed: a market order waits for the next open and fills at whatever the price is then."]
    preview = trading.run(trading.service.preview(ticket))
    assert [w.field for w in preview.warnings] == ["market"]
    result = trading.run(trading.service.place(preview))
    assert result.order.status is OrderStatus.ACCEPTED
    held = trading.run(trading.service.account(ticket.account_id)).account.held("AMZN")

    trading.server.world.market.is_open = True
    deadline = time.monotonic() + 10
    filled = []
    while not filled and time.monotonic() < deadline:
        filled = trading.run(trading.service.track())
    assert [f.symbol for f in filled] == ["AMZN"]
    assert trading.run(trading.service.account(ticket.account_id)).account.held("AMZN") == held + 1
    assert actions(trading)[-1] == AuditAction.FILLED


def test_a_lost_answer_the_lookup_could_not_find_is_matched_at_the_next_sync(trading: TradingHarness) -> None:
    """The audit (3 of 3): placement answer lost and the recent-orders lookup failing, the ticket was
    rightly 'unconfirmed', but after the next sync it stayed 'pending' beside the real filled order."""
    world_account = trading.world_account(ETRADE)
    before = len(world_account.orders)
    preview = trading.run(trading.service.preview(trading.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
    trading.server.faults.inject("snaptrade:/trade/*", "lost", times=1)
    trading.server.faults.inject("snaptrade:/accounts/*/recentOrders", "status", status=500)
    trading.server.faults.inject("snaptrade:/trade/place", "status", status=500)  # the resend fails too

    with pytest.raises(PlacementUnconfirmed):
        trading.run(trading.service.place(preview, live_confirmed=True))
    assert len(world_account.orders) == before + 1, "the brokerage has the order, once"
    pending = [o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id]
    assert [(o.status.value, o.provider_order_id) for o in pending] == [("pending", None)]

    trading.server.faults.clear()
    trading.harness.sync()
    rows = [o for o in trading.run(trading.service.orders()) if o.symbol == "AAPL" and o.account_name == ETRADE
            and (o.client_order_id == preview.ticket_id or o.provider_order_id == world_account.orders[-1].id)]
    assert len(rows) == 1, "each order appears once"
    assert rows[0].client_order_id == preview.ticket_id and rows[0].provider_order_id == world_account.orders[-1].id
    assert rows[0].status is OrderStatus.FILLED
    assert actions(trading)[-1] == AuditAction.RECONCILED


def test_a_ticket_that_never_reached_the_broker_can_be_closed(trading: TradingHarness) -> None:
    """The audit found 46 tickets that never reached a broker, pending for good and not cancelable."""
    preview = trading.run(trading.service.preview(trading.ticket(ETRADE, "AAPL", quantity=Decimal(1))))
    before = len(trading.world_account(ETRADE).orders)
    trading.server.faults.inject("snaptrade:/trade/*", "status", status=500)  # refused before it was placed
    trading.server.faults.inject("snaptrade:/accounts/*/recentOrders", "status", status=500)
    with pytest.raises(PlacementUnconfirmed):
        trading.run(trading.service.place(preview, live_confirmed=True))
    trading.server.faults.clear()
    trading.harness.sync()
    [ticket] = [o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id]
    assert ticket.status is OrderStatus.PENDING and ticket.provider_order_id is None, "nothing to match it with"
    with pytest.raises(CleraError, match="has not confirmed"):
        trading.run(trading.service.cancel(ticket.id))
    trading.run(trading.service.close_ticket(ticket.id))
    [closed] = [o for o in trading.run(trading.service.orders()) if o.client_order_id == preview.ticket_id]
    assert closed.status is OrderStatus.CANCELED and "Closed by you" in (closed.reject_reason or "")
    assert actions(trading)[-1] == AuditAction.TICKET_CLOSED
    assert len(trading.world_account(ETRADE).orders) == before

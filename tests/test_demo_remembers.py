"""``--demo --data-dir D`` remembers: a trade's cash is still spent after the demo starts again,
and the history still explains every holding (issue: "The demo forgets")."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.app import build_context
from clera_desktop.core.settings import load_settings
from clera_desktop.models.enums import OrderSide, OrderStatus, OrderType, TimeInForce
from clera_desktop.models.trading import OrderTicket
from clera_desktop.store.history import read_state
from tests.clock import TEST_CLOCK

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

CLERA = "Clera Brokerage (paper)"


def _cash_and_adjustments(data: Path, *, buy: bool) -> tuple[Decimal | None, tuple[object, ...]]:
    context = build_context(load_settings(data_dir=data, environ={}, demo=True, clock=TEST_CLOCK))
    services = context.services

    async def run() -> tuple[Decimal | None, tuple[object, ...]]:
        await services.sync()
        account = next(a for a in await services.book.accounts() if a.name == CLERA)
        if buy:
            ticket = OrderTicket(account.account_id, "MSFT", OrderSide.BUY, OrderType.MARKET, TimeInForce.DAY,
                                 quantity=Decimal(2))
            result = await services.trading.place(await services.trading.preview(ticket))
            assert result.order.status is OrderStatus.FILLED
            await services.trading.settled()
        await services.history_settled()
        account = next(a for a in await services.book.accounts() if a.name == CLERA)
        state = services.database.read_sync(lambda s: read_state(s, account.account_id))
        assert state is not None
        return account.cash, state.adjustments

    try:
        return asyncio.run(run())
    finally:
        context.close()


def test_a_trade_in_the_demo_is_still_there_after_it_starts_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cash_after_trade, adjustments = _cash_and_adjustments(data, buy=True)
    assert adjustments == ()
    cash_again, adjustments_again = _cash_and_adjustments(data, buy=False)
    assert cash_again == cash_after_trade
    assert adjustments_again == (), "the activities still explain the holdings: the sandbox kept its orders"

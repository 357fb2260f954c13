"""The dashboard follows live prices: totals, the intraday line with its crosshair, per account."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_the_dashboard_shows_live_value_and_a_crosshair(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    live = window.services.live
    run(window.sync_now())
    run(window.live.start_prices())
    window.show_view(window.dashboard_view)
    run(wait_for(lambda: live.prices.ticks_seen > 20 and window.dashboard_view.redraws > 2))
    snapshot = live.snapshot()
    assert snapshot is not None and snapshot.source == "stream"
    view = window.dashboard_view
    shown = live.snapshot()
    view.show_snapshot(shown)  # type: ignore[arg-type]
    assert view.total.text() == f"{shown.total.quantize(Decimal('0.01')):,} USD"  # type: ignore[union-attr]
    assert view.model.rowCount() == len(shown.accounts)  # type: ignore[union-attr]
    chart = view.chart
    assert chart is not None
    xs, _ys = live.series(None).arrays()  # type: ignore[union-attr]
    chart.show_crosshair_at(float(xs[-1]))
    exact = live.series(None).exact(len(xs) - 1)  # type: ignore[union-attr]
    assert chart.crosshair_text.endswith(f"{exact.quantize(Decimal('0.01')):,} USD")
    # a frame with nothing new draws nothing
    view.render_if_changed()
    drawn = view.redraws
    assert view.render_if_changed() is False and view.redraws == drawn


def test_a_first_start_says_what_the_dashboard_waits_for_until_the_line_begins(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    view = window.dashboard_view
    window.show_view(view)  # nothing synced yet: no line, no empty axes
    run(window.live.start_prices())
    assert not view.waiting.isHidden() and view.chart is not None and view.chart.isHidden()
    assert "once your accounts are synced" in view.waiting.text()
    run(window.sync_now())
    run(wait_for(lambda: view.chart.isVisible()))
    assert view.waiting.isHidden()
    xs, ys = window.services.live.series(None).arrays()  # type: ignore[union-attr]
    assert len(xs) and min(ys) > 0  # it begins at the portfolio's value, not at 0


def test_the_account_view_shows_its_live_value(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    live = window.services.live
    run(window.sync_now())
    run(window.live.start_prices())
    window.show_view(window.accounts_view)
    account = next(a for a in window.accounts_view.model.accounts() if a.name == "Clera Brokerage (paper)")
    run(window.accounts_view.open_account(account.account_id))
    run(wait_for(lambda: window.accounts_view.detail.live_label.text().startswith("Live value")))
    value = next(v for v in live.snapshot().accounts if v.account_id == account.account_id)  # type: ignore[union-attr]
    assert value.currency == "USD" and value.missing_prices == ()

"""Holdings and accounts views against the database, both directions, and a responsive loop."""

from __future__ import annotations

import asyncio
import csv
import gc
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from clera_desktop.app import build_context
from clera_desktop.core.settings import load_settings
from clera_desktop.models.queries import aggregated_holdings
from clera_desktop.sandbox.world import DemoWorld
from clera_desktop.ui.item_models.holdings_tree_model import HoldingsTreeModel
from clera_desktop.ui.item_models.table_model import SORT_ROLE
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK
from tests.ui.conftest import showing
from tests.ui.loop_gaps import LoopGaps

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _synced(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> MainWindow:
    run(window.sync_now())
    return window


def _top_symbols(window: MainWindow) -> list[str]:
    model = window.holdings_view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_holdings_match_the_database_and_expand_per_account(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    showing(window, window.holdings_view, run)
    expected = {(h.symbol, h.quantity) for h in window.services.database.read_sync(aggregated_holdings)}
    rows = window.holdings_view.model.snapshot.rows
    assert {(r.symbol, r.quantity) for r in rows} == expected
    proxy = window.holdings_view.model
    vti_row = _top_symbols(window).index("VTI")
    vti = proxy.index(vti_row, 0)
    assert proxy.rowCount(vti) == len(next(r for r in rows if r.symbol == "VTI").accounts) >= 2
    window.holdings_view.tree.expand(vti)
    child_quantities = [Decimal(proxy.index(i, 2, vti).data().replace(",", "")) for i in range(proxy.rowCount(vti))]
    assert sum(child_quantities) == Decimal(proxy.index(vti_row, 2).data().replace(",", ""))


def test_sorting_by_any_column(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    view = showing(window, window.holdings_view, run)
    view.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    symbols = _top_symbols(window)
    assert symbols == sorted(symbols)
    view.tree.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    by_symbol = {r.symbol: r for r in view.model.snapshot.rows}
    values = [by_symbol[s].market_value_base for s in _top_symbols(window)]
    assert values == sorted(values, reverse=True)  # type: ignore[type-var]
    view.tree.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    gains = [by_symbol[s].gain_pct for s in _top_symbols(window)]
    assert gains == sorted(gains)  # type: ignore[type-var]


def test_filters_and_totals_follow_each_other(window: MainWindow, run: Callable[[Awaitable[Any]], Any],
                                              tmp_path: Path) -> None:
    _synced(window, run)
    view = showing(window, window.holdings_view, run)
    view.search.setText("vanguard")
    shown = _top_symbols(window)
    names = {r.symbol: (r.name or "").lower() for r in view.model.snapshot.rows}
    assert shown and all("vanguard" in names[s] for s in shown)
    view.search.setText("")
    view.provider.setCurrentIndex(view.provider.findData("plaid"))
    plaid_only = set(_top_symbols(window))
    assert plaid_only == {r.symbol for r in view.model.snapshot.rows if "plaid" in r.providers}
    total = sum(r.market_value_base for r in view.model.snapshot.rows if r.symbol in plaid_only)  # type: ignore[misc]
    assert f"{total.quantize(Decimal('0.01')):,}" in view.totals.text()
    assert f"{len(plaid_only)} holdings" in view.totals.text()
    view.provider.setCurrentIndex(0)
    account_index = view.account.findText("Vanguard Roth IRA")
    view.account.setCurrentIndex(account_index)
    assert set(_top_symbols(window)) == {"AAPL", "QQQ", "SCHD", "VTI"}
    export = tmp_path / "holdings.csv"
    view.export_csv(export)
    exported = list(csv.DictReader(export.open()))
    assert {row["Symbol"] for row in exported} == {"AAPL", "QQQ", "SCHD", "VTI"}
    assert all(Decimal(row["Quantity"]) > 0 for row in exported)


def test_selecting_an_account_opens_its_portfolio(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    tree, model = window.accounts_view.tree, window.accounts_view.model
    institutions = {model.index(i, 0).data(): model.index(i, 0) for i in range(model.rowCount())}
    questrade = institutions["Questrade"]
    tfsa = next(model.index(i, 0, questrade) for i in range(model.rowCount(questrade))
                if model.index(i, 0, questrade).data() == "Questrade TFSA")
    tree.setCurrentIndex(tfsa)

    async def wait() -> None:
        for _ in range(100):
            if window.accounts_view.shown_account and window.accounts_view.detail.positions.rows:
                return
            await asyncio.sleep(0.05)

    run(wait())
    detail = window.accounts_view.detail
    assert "Questrade TFSA" in detail.title.text() and "CAD" in detail.title.text()
    world = DemoWorld.build(7, TEST_CLOCK)  # the demo's world: the same for the same seed and day
    tfsa_book = next(a for a in world.all_accounts() if a.name == "Questrade TFSA").book
    held = {f"{symbol}.TO" for symbol, holding in tfsa_book.holdings.items() if holding.quantity}
    assert held and {p.symbol for p in detail.positions.rows} == held
    assert detail.activities.rows and detail.balances.rows[0][0] == "CAD"


def test_accounts_sort_by_a_header_click_and_keep_what_is_open_and_selected(
        window: MainWindow, qtmodeltester: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    tree, model = window.accounts_view.tree, window.accounts_view.model
    qtmodeltester.check(model)  # and it keeps watching the layout changes below

    def institutions() -> list[str]:
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    def totals() -> list[Decimal]:
        return [model.index(i, 8).data(SORT_ROLE) for i in range(model.rowCount())]

    vanguard = next(model.index(i, 0) for i in range(model.rowCount()) if model.index(i, 0).data() == "Vanguard")
    roth = next(model.index(i, 0, vanguard) for i in range(model.rowCount(vanguard))
                if "Roth" in model.index(i, 0, vanguard).data())
    tree.collapse(model.index(0, 0))  # the first institution, closed by the person
    closed = model.index(0, 0).data()
    tree.setCurrentIndex(roth)

    tree.header().setSortIndicator(8, Qt.SortOrder.DescendingOrder)  # a click on "Total (USD)"
    assert totals() == sorted(totals(), reverse=True) and institutions()[0] == "Vanguard"  # the largest first
    within = [model.index(i, 8, model.index(0, 0)).data(SORT_ROLE) for i in range(model.rowCount(model.index(0, 0)))]
    assert within == sorted(within, reverse=True)
    assert "Roth" in tree.currentIndex().data()  # the selection follows the account
    assert not tree.isExpanded(model.index(institutions().index(closed), 0))  # still closed
    assert all(tree.isExpanded(model.index(i, 0)) for i, name in enumerate(institutions()) if name != closed)

    tree.header().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert institutions() == sorted(institutions(), key=str.casefold)


def test_item_models_pass_qt_model_tester(window: MainWindow, qtmodeltester: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    qtmodeltester.check(window.holdings_view.model)
    qtmodeltester.check(window.accounts_view.model)
    qtmodeltester.check(window.connect_view.model)
    qtmodeltester.check(window.accounts_view.detail.positions)


def test_the_event_loop_never_stalls_during_a_slow_full_sync(qtbot: Any, tmp_path: Path,
                                                             run: Callable[[Awaitable[Any]], Any]) -> None:
    settings = load_settings(data_dir=tmp_path / "slow", environ={}, demo=True, clock=TEST_CLOCK)
    context = build_context(settings, sandbox_args=["--fault", "*=slow:0.15"])
    window = MainWindow(context.services)
    qtbot.addWidget(window)
    window.show()
    ticks = LoopGaps()
    try:
        run(window.reload())
        gc.collect()  # garbage left by earlier tests is not this sync's to collect
        ticks.start()
        started = time.perf_counter()
        run(window.sync_now())
        elapsed = time.perf_counter() - started
        ticks.stop()
        assert window.sync_label.text() == "Up to date"
        assert len(window.accounts_view.model.accounts()) == 7
    finally:
        window.close()
        context.close()
    assert elapsed > 1.0, "the sandbox was slow, so the sync took a while"
    assert len(ticks.gaps) > 50, "the loop kept turning through the whole sync"
    # A freeze is caught here; the < 100 ms goal is bench/loop_stall_bench.py's to measure (largest
    # gap: median 50 ms, worst 81 ms of 5 runs beside two busy processes on 2 cores, 2026-11-26).
    # Work moved onto the GUI thread would stall for seconds (this sync takes 2.4-2.7 s), and 500 ms
    # leaves 6x the worst measured run, so a loaded CI machine does not fail a sound window.
    assert max(ticks.gaps) < 0.500, f"largest gap between 10 ms ticks: {max(ticks.gaps) * 1000:.0f} ms"


def test_holdings_model_with_ten_thousand_rows_sorts(qtbot: Any) -> None:
    from tests.ui.fake_rows import many_holdings

    model = HoldingsTreeModel()
    model.set_snapshot(many_holdings(10_000))
    assert model.rowCount(QModelIndex()) == 10_000


def test_an_account_choice_lists_the_active_accounts_without_valuing_them(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    _synced(window, run)
    services = window._services
    valued = run(services.book.accounts())
    assert run(services.book.account_names()) == [(a.account_id, a.name) for a in valued]  # the same accounts, same order
    run(window.refreshers["performance"].load_now())
    choice = window.performance_view.account
    assert [choice.itemText(n) for n in range(1, choice.count())] == [a.name for a in valued]

"""A change made anywhere reaches every view that shows it, once, and no other (counted)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from clera_desktop.ui.main_window import MainWindow
from tests.clock import TODAY
from tests.ui.conftest import showing, wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _loads(window: MainWindow) -> dict[str, int]:
    return {name: refresher.loads for name, refresher in window.refreshers.items()}


def test_a_new_base_currency_reaches_every_view_at_once_or_when_shown(window: MainWindow,
                                                                       run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.services.live.refresh_book())
    usd_account = next(a for a in window.accounts_view.model.accounts() if a.currency == "USD")
    run(window.accounts_view.open_account(usd_account.account_id))
    assert window.accounts_view.detail is not None and "CAD" not in window.accounts_view.detail.title.text()
    before = _loads(window)

    run(window.services.set_base_currency("CAD"))
    run(window.settled())
    after = _loads(window)
    assert after["accounts"] == before["accounts"] + 1, "the view on screen redrew at once, once"
    assert window.accounts_view.model.headerData(8, Qt.Orientation.Horizontal) == "Total\n(CAD)"
    assert "CAD" in window.accounts_view.detail.title.text(), "the open account's pane too, without reselecting it"
    assert "CAD" in window.accounts_view.total.text()
    assert after["live"] == before["live"] + 1 and window.services.live.snapshot().base_currency == "CAD"  # type: ignore[union-attr]
    assert after["holdings"] == before["holdings"] and window.refreshers["holdings"].dirty, "hidden: marked, not loaded"
    assert after["orders"] == before["orders"] and after["connect"] == before["connect"], "untouched views stay as they are"

    holdings = showing(window, window.holdings_view, run)
    assert _loads(window)["holdings"] == before["holdings"] + 1 and holdings.model.snapshot.base_currency == "CAD"
    assert holdings.model.headerData(4, Qt.Orientation.Horizontal) == "Market value\n(CAD)"
    performance = showing(window, window.performance_view, run)
    run(wait_for(lambda: performance.report is not None and performance.report.base_currency == "CAD"))


def test_an_activity_added_in_one_view_redraws_the_views_that_show_it(window: MainWindow,
                                                                      run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    manual = window.services.manual
    account = next(iter(run(manual.create_account("Cash box", "USD")).accounts))
    run(window.settled())
    before = _loads(window)
    cells = {"date": TODAY.isoformat(), "type": "DEPOSIT", "amount": "250", "currency": "USD"}
    run(manual.save_activity(account, cells))
    run(window.settled())
    after = _loads(window)
    assert after["accounts"] == before["accounts"] + 1
    box = next(a for a in window.accounts_view.model.accounts() if a.account_id == account)
    assert box.cash == 250 and box.total == 250
    assert after["orders"] == before["orders"] and after["connect"] == before["connect"]
    assert window.refreshers["holdings"].dirty and window.refreshers["performance"].dirty
    performance = showing(window, window.performance_view, run)
    run(wait_for(lambda: performance.report is not None
                 and any(a.id == account and a.metrics.net_flows == 250 for a in performance.report.accounts)))


def test_saving_settings_unchanged_changes_nothing(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """It once replaced the demo's providers with none (trading gone, the Clera account unsynced)."""
    from clera_desktop.ui.dialogs.settings_dialog import SettingsDialog

    services = window.services
    registry, credentials = services.registry, services.credentials
    heard: list[object] = []
    services.changes.subscribe(heard.append)
    dialog = SettingsDialog(services, window)
    assert run(dialog.save())
    assert services.registry is registry and services.credentials == credentials
    assert heard == [], "nothing changed, so nothing was announced"
    assert services.registry.alpaca is not None and services.registry.snaptrade is not None
    report = run(services.sync())
    assert report.ok, report.summary()


def test_the_totals_line_starts_afresh_in_a_new_base_currency_and_an_empty_account_leaves_it_whole(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    services = window.services
    run(window.sync_now())
    run(services.live.refresh_book())
    usd_line = services.live.series(None)
    assert usd_line is not None and services.live.snapshot().total is not None  # type: ignore[union-attr]

    run(services.manual.create_account("Yen jar", "JPY"))  # no JPY rate anywhere, and nothing in it
    run(window.settled())
    snapshot = services.live.snapshot()
    assert snapshot is not None and snapshot.total is not None and snapshot.total_note == ""
    assert window.accounts_view.total_note.isHidden()

    run(services.set_base_currency("CAD"))
    run(window.settled())
    assert services.live.series(None) is not usd_line, "USD points never continue as CAD"
    assert services.live.snapshot().base_currency == "CAD"  # type: ignore[union-attr]


def test_a_sync_that_changes_nothing_redraws_no_figure_and_keeps_every_cache(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """A sync says what it wrote: the second sync of an unchanged demo wrote no row, so only the
    "last sync" columns move; every view of figures and every kept read stays as it was."""
    from clera_desktop.core.changes import Change, Changes

    run(window.sync_now())
    run(window.sync_now())  # whatever the first left to settle (today's closes, the history) is settled now
    figures = ("holdings", "performance", "gains", "income", "allocation", "orders", "trade")
    for name in figures:
        view = window.refreshers[name].view
        showing(window, view, run)
    showing(window, window.accounts_view, run)
    services = window.services
    kept_lots = dict(services.gains.cache._books)
    kept_allocation = dict(services.allocation._books._values)
    kept_income = dict(services.income._reports._values)
    assert kept_lots and kept_allocation and kept_income, "every cache was filled by its view"
    heard: list[Changes] = []
    services.changes.subscribe(heard.append)
    before = _loads(window)

    run(window.sync_now())
    run(window.settled())

    assert heard and all(c.what == Change.SYNC_STATUS for c in heard), [c.what for c in heard]
    after = _loads(window)
    for name in (*figures, "live", "window"):
        assert after[name] == before[name] and not window.refreshers[name].dirty, name
    assert after["accounts"] == before["accounts"] + 1, "the last sync's time is shown"
    assert services.gains.cache._books == kept_lots
    assert services.allocation._books._values == kept_allocation and services.income._reports._values == kept_income



def test_each_view_that_loads_itself_says_what_it_watches_and_reads(window: MainWindow) -> None:
    """The window builds their refreshers from what the views declare (ui/refresh.py SelfLoading)."""
    from clera_desktop.core.changes import Change

    assert set(window.loading_views) >= {"holdings", "performance", "gains", "income", "allocation", "trade"}
    for key, view in window.loading_views.items():
        assert isinstance(view.watches, Change) and view.watches, key
        assert view.reading.startswith("Reading the ") and view.reading.endswith("\u2026"), key
        assert window.refreshers[key].watches == view.watches and window.refreshers[key].view is view, key

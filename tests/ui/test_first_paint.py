"""The window paints the last session's accounts before its data is open, then attaches."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import pytest

from clera_desktop.app import AppContext
from clera_desktop.models.domain import AccountValue, FxUse
from clera_desktop.ui import first_paint
from clera_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_the_last_screen_round_trips_exactly(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    accounts = run(window.services.book.accounts())
    folder = window.services.settings.data_dir
    assert first_paint.load(folder).accounts == accounts  # written by the window's own reload, Decimals and all


def test_a_window_without_data_shows_the_last_screen_then_attaches(
        qtbot: Any, demo_context: AppContext, run: Callable[[Awaitable[Any]], Any], tmp_path: Path) -> None:
    first = MainWindow(demo_context.services)
    qtbot.addWidget(first)
    first.show()
    run(first.sync_now())
    saved = first_paint.load(demo_context.settings.data_dir)
    assert saved and saved.accounts
    first.close()

    shell = MainWindow(settings=demo_context.settings, first_paint=saved)
    qtbot.addWidget(shell)
    shell.show()
    assert [a.name for a in shell.accounts_view.model.accounts()] == [a.name for a in saved.accounts]
    assert "last session" in shell.sync_label.text()
    assert not shell.refresh_action.isEnabled() and shell.accounts_view.detail is None
    shell.attach(demo_context.services)
    assert shell.refresh_action.isEnabled() and shell.accounts_view.detail is not None
    assert shell.views["trade"] is shell.trade_view and shell.stack.indexOf(shell.trade_view) >= 0
    run(shell.reload())
    assert len(shell.accounts_view.model.accounts()) == len(saved.accounts)
    assert "last session" not in shell.sync_label.text()  # the store's figures replaced them


def test_the_next_start_paints_the_column_widths_the_person_left(
        qtbot: Any, demo_context: AppContext, run: Callable[[Awaitable[Any]], Any]) -> None:
    first = MainWindow(demo_context.services)
    qtbot.addWidget(first)
    first.show()
    run(first.sync_now())
    tree = first.accounts_view.tree
    qtbot.waitUntil(lambda: bool(first.accounts_view.column_widths()))  # measured to their contents
    assert tree.columnWidth(0) > 100  # the account names are wider than a default column
    tree.setColumnWidth(0, 333)  # the person widens the account column, then quits
    first.close()

    saved = first_paint.load(demo_context.settings.data_dir)
    assert saved is not None and saved.column_widths[0] == 333
    shell = MainWindow(settings=demo_context.settings, first_paint=saved)
    qtbot.addWidget(shell)
    assert shell.accounts_view.column_widths() == saved.column_widths  # set, not measured again


def test_a_first_start_keeps_no_widths_until_they_are_measured(tmp_path: Path) -> None:
    accounts = _one_account()
    first_paint.save(tmp_path, accounts, [])
    assert first_paint.load(tmp_path) == first_paint.LastScreen(accounts, [])
    first_paint.save(tmp_path, accounts, [120, -4])  # nonsense widths are ignored, the accounts kept
    assert first_paint.load(tmp_path) == first_paint.LastScreen(accounts, [])


def test_a_damaged_last_screen_is_ignored(tmp_path: Path) -> None:
    (tmp_path / first_paint.FILE_NAME).write_text('{"version": 2, "accounts": [{"name": 3}]}')
    assert first_paint.load(tmp_path) is None
    (tmp_path / first_paint.FILE_NAME).write_text('{"version": 1, "accounts": []}')  # an older app's
    assert first_paint.load(tmp_path) is None
    assert first_paint.load(tmp_path / "missing") is None


def _one_account() -> list[AccountValue]:
    return [AccountValue(
        account_id="plaid_1", name="Brokerage", institution="Vanguard", provider="plaid", masked_number="\u20224321",
        account_type="brokerage", connection_type="read", currency="CAD", cash=Decimal("10.05"),
        positions_value=Decimal("1000.10"), total=Decimal("1010.15"), base_currency="USD", total_base=Decimal("740.09"),
        fx=FxUse(Decimal("0.732654"), date(2026, 11, 25)), last_sync_at=datetime(2026, 11, 25, 14, 0, tzinfo=UTC),
        stale_since=None, status="active", status_reason=None, is_paper=False)]


def test_show_then_process_events_paints_the_first_frame(
        qtbot: Any, qapp: Any, demo_context: AppContext, run: Callable[[Awaitable[Any]], Any]) -> None:
    """What run_gui (and bench/startup_bench.py) count as the first frame is a painted one."""
    from PySide6.QtCore import QEvent, QObject
    from shiboken6 import getCppPointer

    first = MainWindow(demo_context.services)
    qtbot.addWidget(first)
    run(first.sync_now())
    first.close()

    class PaintLog(QObject):
        painted: ClassVar[set[int]] = set()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted.add(getCppPointer(watched)[0])
            return False

    log = PaintLog()
    qapp.installEventFilter(log)
    try:
        shell = MainWindow(settings=demo_context.settings, first_paint=first_paint.load(demo_context.settings.data_dir))
        qtbot.addWidget(shell)
        shell.show()
        qapp.processEvents()
    finally:
        qapp.removeEventFilter(log)
    tree = shell.accounts_view.tree
    assert {getCppPointer(w)[0] for w in (shell, tree.viewport(), tree.header().viewport(), shell.statusBar())} \
        <= log.painted

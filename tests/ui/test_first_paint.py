"""The window paints the last session's accounts before its data is open, then attaches."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from clera_desktop.app import AppContext
from clera_desktop.ui import first_paint
from clera_desktop.ui.main_window import MainWindow


def test_the_last_screen_round_trips_exactly(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    accounts = run(window._context.services.accounts())
    folder = window._context.settings.data_dir
    assert first_paint.load(folder) == accounts  # written by the window's own reload, Decimals and all


def test_a_window_without_data_shows_the_last_screen_then_attaches(
        qtbot: Any, demo_context: AppContext, run: Callable[[Awaitable[Any]], Any], tmp_path: Path) -> None:
    first = MainWindow(demo_context)
    qtbot.addWidget(first)
    run(first.sync_now())
    saved = first_paint.load(demo_context.settings.data_dir)
    assert saved
    first.close()

    shell = MainWindow(settings=demo_context.settings, first_paint=saved)
    qtbot.addWidget(shell)
    shell.show()
    assert [a.name for a in shell.accounts_view.model.accounts()] == [a.name for a in saved]
    assert "last session" in shell.sync_label.text()
    assert not shell.refresh_action.isEnabled() and shell.accounts_view.detail is None
    shell.attach(demo_context)
    assert shell.refresh_action.isEnabled() and shell.accounts_view.detail is not None
    assert shell.views["trade"] is shell.trade_view and shell.stack.indexOf(shell.trade_view) >= 0
    run(shell.reload())
    assert len(shell.accounts_view.model.accounts()) == len(saved)


def test_a_damaged_last_screen_is_ignored(tmp_path: Path) -> None:
    (tmp_path / first_paint.FILE_NAME).write_text('{"version": 1, "accounts": [{"name": 3}]}')
    assert first_paint.load(tmp_path) is None
    assert first_paint.load(tmp_path / "missing") is None

"""With nothing connected the window welcomes the person with the four ways in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from clera_desktop.app import build_context
from clera_desktop.core.settings import load_settings
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK


@pytest.fixture
def empty_window(qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> Any:
    context = build_context(load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK))  # no keys anywhere
    window = MainWindow(context.services)
    qtbot.addWidget(window)
    window.show()
    run(window.reload())
    yield window
    window.close()
    context.close()


def test_a_first_start_says_it_is_opening_the_data_until_it_is_open(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.ui.main_window import OPENING_NOTE

    settings = load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK)
    shell = MainWindow(settings=settings)  # the first frame of a first start: nothing saved yet
    qtbot.addWidget(shell)
    assert shell.sync_label.text() == OPENING_NOTE
    context = build_context(settings)
    try:
        shell.attach(context.services)
        run(shell.reload())
        assert shell.sync_label.text() == "" and shell.stack.currentWidget() is shell.welcome
    finally:
        shell.close()
        context.close()


def test_nothing_connected_shows_the_four_ways_in(empty_window: MainWindow) -> None:
    assert empty_window.stack.currentWidget() is empty_window.welcome
    assert not any(b.isChecked() for b in empty_window.nav_buttons.values())  # no view claims to be shown
    offers = [b.text() for b in empty_window.welcome.findChildren(QPushButton)]
    assert offers == ["Try the demo", "Connect a brokerage (SnapTrade)", "Link investment accounts (Plaid)",
                      "Add the Clera brokerage account (Alpaca)"]


def test_an_offer_without_keys_explains_what_is_missing(empty_window: MainWindow, qtbot: Any,
                                                        run: Callable[[Awaitable[Any]], Any]) -> None:
    snaptrade = next(b for b in empty_window.welcome.findChildren(QPushButton) if "SnapTrade" in b.text())
    qtbot.mouseClick(snaptrade, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(empty_window.connect_view.notice.text()))
    run(empty_window.settled())  # nothing changed, so nothing reloads and takes the person back to the welcome page
    assert empty_window.stack.currentWidget() is empty_window.connect_view
    assert "SNAPTRADE_CLIENT_ID" in empty_window.connect_view.notice.text()


def test_a_view_clicked_while_the_data_opens_is_the_one_shown_once_it_is_open(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    settings = load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK)
    shell = MainWindow(settings=settings)
    qtbot.addWidget(shell)
    shell.nav_buttons["gains"].click()  # before the store is open: a placeholder is shown
    assert shell.nav_buttons["gains"].isChecked() and shell.stack.currentWidget() is shell.views["gains"]
    context = build_context(settings)
    try:
        with qtbot.captureExceptions() as raised:
            shell.attach(context.services)
        assert not raised
        assert shell.stack.currentWidget() is shell.gains_view, "the view chosen, not another"
        assert shell.nav_buttons["gains"].isChecked() and sum(b.isChecked() for b in shell.nav_buttons.values()) == 1
        run(shell.reload())
        run(shell.settled())
    finally:
        shell.close()
        context.close()


def test_a_book_kept_by_hand_opens_on_its_accounts_not_the_welcome(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    context = build_context(load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK))
    run(context.services.manual.create_account("Pension (by hand)", "USD"))
    window = MainWindow(context.services)
    qtbot.addWidget(window)
    window.show()
    try:
        run(window.reload())
        run(window.settled())
        assert window.stack.currentWidget() is window.accounts_view
        model = window.accounts_view.model
        texts = [model.index(0, column, model.index(0, 0)).data() for column in range(model.columnCount())]
        assert "Pension (by hand)" in texts and "By hand" in texts and "Read-only" not in texts, texts
    finally:
        window.close()
        context.close()

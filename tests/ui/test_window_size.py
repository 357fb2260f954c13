"""The window stays usable at 1024x700: no view asks for more room than that screen has."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from clera_desktop.ui.main_window import MainWindow


def test_no_view_is_wider_than_a_1024_pixel_screen_allows(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.reload())  # every view filled: long totals, notes and names included
    wide = {name: view.minimumSizeHint().width() for name, view in window.views.items()
            if view.minimumSizeHint().width() > 1024 - 130}  # the navigation column takes ~110 px
    assert wide == {}, f"views that would widen the window past 1024 px: {wide}"
    assert window.minimumSizeHint().width() <= 1024
    account = window.accounts_view.model.accounts()[0]
    run(window.accounts_view.open_account(account.account_id))  # its pane, with its chart, open
    assert window.minimumSizeHint().height() <= 700, window.minimumSizeHint()


def test_at_1024x700_accounts_shows_every_column_and_its_pane_only_once_an_account_is_chosen(
        window: MainWindow, run: Callable[[Awaitable[Any]], Any], qtbot: Any) -> None:
    from tests.ui.conftest import wait_for

    run(window.sync_now())
    window.resize(1024, 700)
    window.show_view(window.accounts_view)
    view = window.accounts_view
    run(wait_for(lambda: view.column_widths() != []))
    assert view.detail is not None and view.detail.isHidden() and view.hint.isVisible(), "no empty pane below the list"
    header = view.tree.header()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= view.tree.viewport().width(), \
        "the last sync and the status in view, no scrolling sideways"
    names = view.model.index(0, 0, view.model.index(0, 0))
    assert names.data(0x03) == names.data(), "a name cut short is whole in its tooltip"  # Qt.ToolTipRole
    account = view.model.accounts()[0]
    run(view.open_account(account.account_id))
    assert not view.detail.isHidden() and view.hint.isHidden()


def test_at_1024x700_holdings_shows_every_column(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    """The gain, the weight and the account count stay in view; the names are cut short instead."""
    from tests.ui.conftest import showing, wait_for

    run(window.sync_now())
    window.resize(1024, 700)
    view = showing(window, window.holdings_view, run)
    header = view.tree.header()
    last = header.count() - 1
    run(wait_for(lambda: header.sectionViewportPosition(last) + header.sectionSize(last) <= view.tree.viewport().width()))
    from PySide6.QtCore import Qt

    tip = view.model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Accounts holding it", "the short title says itself in full"

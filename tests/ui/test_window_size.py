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

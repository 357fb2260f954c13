"""The welcome page: shown while nothing is connected and no account is kept by hand (unless the
person went elsewhere), with the ways in: connect SnapTrade or Plaid, enter Alpaca keys, or open
the demo in a window of its own. Built on first need; most starts never show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from shiboken6 import isValid

from clera_desktop.ui.i18n import tr

if TYPE_CHECKING:
    from clera_desktop.core.changes import Changes
    from clera_desktop.ui.main_window import MainWindow
    from clera_desktop.ui.views.welcome_view import WelcomeView


class WelcomeFlow:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.page: WelcomeView | None = None

    async def load(self, _changes: Changes) -> None:
        """The accounts or connections changed: to the welcome page, or away from it."""
        import asyncio  # loaded after the first paint, with the event loop

        window = self._window
        services = window.services
        # any account counts, one kept by hand (a CSV import) too: that book is not empty
        accounts, connections = await asyncio.gather(services.book.account_names(), services.book.connections())
        if not isValid(window):
            return
        if not accounts and not connections:
            if window.stack.currentWidget() in (window.accounts_view, self.page):  # not where the person went
                self.show()
        elif self.page is not None and window.stack.currentWidget() is self.page:
            window.show_view(window.accounts_view)

    def show(self) -> None:
        from clera_desktop.ui.views.welcome_view import WelcomeView

        window = self._window
        if self.page is None:
            self.page = WelcomeView(demo=window.settings.demo)
            connect = window.connect_view
            self.page.snaptrade_requested.connect(self._to_connect(connect.request_snaptrade_connection))
            self.page.plaid_requested.connect(self._to_connect(connect.request_plaid_link))
            self.page.alpaca_requested.connect(self._to_connect(connect.request_alpaca_keys))
            self.page.demo_requested.connect(self._open_demo)
            window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)
        window.navigation.check(None)

    def _to_connect(self, action: Callable[[], object]) -> Callable[[], None]:
        def go() -> None:
            self._window.show_view(self._window.connect_view)
            action()

        return go

    def _open_demo(self) -> None:
        import subprocess

        from clera_desktop.core.launch import own_command

        subprocess.Popen(own_command("--demo"))  # noqa: S603 - this app, fixed arguments
        self._window.statusBar().showMessage(tr("Starting the demo in a new window\u2026"), 8000)

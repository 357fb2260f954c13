"""Live prices on screen: about 30 times a second, the view on screen draws what the prices moved
(the Dashboard's figures and line, or the open account's live value); a hidden view draws nothing.
Prices arrive far faster than that and would redraw for nothing."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from clera_desktop.core.errors import CleraError

if TYPE_CHECKING:
    import asyncio

    from clera_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
FRAME_MS = 33  # at most ~30 redraws a second, however fast prices move


class LiveFrames:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._drawn = -1
        self._task: asyncio.Task[None | None] | None = None
        self.timer = QTimer(window, interval=FRAME_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_frame)

    def draw(self) -> None:
        """Draw what the prices move from now on (the store is open)."""
        self.timer.start()

    def start(self) -> None:
        """Start the live prices, in the background."""
        from clera_desktop.ui.tasks import run_task  # asyncio, with the event loop: after the first paint

        self._task = run_task(self._window, self.start_prices())

    async def start_prices(self) -> None:
        try:
            await self._window.services.live.start()
        except CleraError as error:
            log.warning("live prices unavailable: %s", error)

    def stop(self) -> None:
        self.timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _on_frame(self) -> None:
        window = self._window
        live, current, accounts = window.services.live, window.stack.currentWidget(), window.accounts_view
        if current is window.dashboard_view:
            window.dashboard_view.render_if_changed()
        elif current is accounts and accounts.shown_account and accounts.detail is not None and live.version != self._drawn:
            self._drawn = live.version
            snapshot = live.snapshot()
            value = next((v for v in snapshot.accounts if v.account_id == accounts.shown_account), None) \
                if snapshot else None
            accounts.detail.set_live(value)

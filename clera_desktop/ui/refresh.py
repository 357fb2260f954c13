"""Views redraw what changed, when they are seen (Electrum's deferred updates, Anki's change flags).

A :class:`Refresher` watches one view for the kinds of change it shows. An announcement that
touches them reloads the view at once when it is visible; a hidden view is only marked, and
reloads when next shown. Announcements that arrive while a reload runs are folded into one more
reload after it, never a pile of them. Each reload is counted (``loads``): tests check that a
change reaches every view that shows it, and no other.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError

log = logging.getLogger(__name__)
Load = Callable[[Changes], Awaitable[None]]


class Refresher(QObject):
    def __init__(self, view: QWidget, watches: Change, load: Load, *, always: bool = False) -> None:
        """``always``: reload even while hidden (what must stay current off screen, e.g. live prices)."""
        super().__init__(view)
        self.view = view
        self.watches = watches
        self._load = load
        self._always = always
        self._pending: Changes | None = None
        self._task: asyncio.Task[None] | None = None
        self.loads = 0
        view.installEventFilter(self)

    @property
    def dirty(self) -> bool:
        return self._pending is not None

    def take(self, changes: Changes) -> None:
        if not changes.touches(self.watches):
            return
        self._pending = changes if self._pending is None else self._pending | changes
        if self._always or self.view.isVisible():
            self._start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Show and self._pending is not None:
            self._start()
        return False

    def cancel(self) -> None:
        """Stop a load under way (the window is closing): it ends now, not when its read does."""
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    async def _run(self, *, force: bool = False) -> None:
        while self._pending is not None and isValid(self.view):
            changes, self._pending = self._pending, None
            self.loads += 1
            try:
                await self._load(changes)
            except CleraError as error:  # said where the view says things; the next change tries again
                log.warning("%s could not show the change: %s", type(self.view).__name__, error.user_message)
            if not (force or self._always or (isValid(self.view) and self.view.isVisible())):
                return  # hidden meanwhile: what came in waits for the next show

    async def load_now(self) -> None:
        """Re-read everything the view shows, visible or not, and wait for it."""
        self._pending = Changes(self.watches) if self._pending is None else self._pending | Changes(self.watches)
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)
        if self._pending is not None:
            self._task = asyncio.ensure_future(self._run(force=True))
            await asyncio.shield(self._task)

    async def settled(self) -> None:
        """Wait for the reload under way (tests; closing the window)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

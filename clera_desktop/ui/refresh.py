"""Views redraw what changed, when they are seen (Electrum's deferred updates, Anki's change flags).

A :class:`Refresher` watches one view for the kinds of change it shows. An announcement that
touches them reloads the view at once when it is visible; a hidden view is only marked, and
reloads when next shown. Announcements that arrive while a reload runs are folded into one more
reload after it, never a pile of them. Each reload is counted (``loads``): tests check that a
change reaches every view that shows it, and no other.

A reload that takes longer than :data:`BUSY_AFTER_MS` says so at the foot of its view ("Reading
..."), in a note that stays while the read runs, also when the person leaves the view and comes back; the
window's closing cancels the read instead of waiting for it (:meth:`Refresher.cancel`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, cast, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.ui.i18n import tr, translatable
from clera_desktop.ui.tasks import tied_task

log = logging.getLogger(__name__)
Load = Callable[[Changes], Awaitable[None]]

@runtime_checkable
class SelfLoading(Protocol):
    """A view that loads itself (Anki's screens on ``op_executed``): it says which kinds of change
    move what it shows and what it reads then; the window only builds its :class:`Refresher`."""

    watches: Change
    reading: str  # the busy note, "Reading the holdings…" (marked translatable, shown through tr)

    async def load(self, changes: Changes) -> None: ...


#: A read shorter than this shows no note (most are; a flash of one would be noise).
BUSY_AFTER_MS = 400


class BusyNote(QLabel):
    """"Reading ..." at the foot of the view, centred, over whatever the view shows there."""

    def __init__(self, view: QWidget, text: str) -> None:
        super().__init__(text, view)
        self.setObjectName("busyNote")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel#busyNote { background: palette(base); color: palette(text);"
                           " border: 1px solid palette(highlight); border-radius: 4px; padding: 4px 10px; }")
        self.hide()

    def show_over(self, view: QWidget) -> None:
        self.adjustSize()
        self.move(max(0, (view.width() - self.width()) // 2), max(0, view.height() - self.height() - 12))
        self.raise_()
        self.show()


class Refresher(QObject):
    def __init__(self, view: QWidget, watches: Change, load: Load, *, always: bool = False,
                 reading: str = translatable("Reading the figures\u2026")) -> None:
        """``always``: reload even while hidden (what must stay current off screen, e.g. live prices);
        ``reading``: what a slow reload says it reads."""
        super().__init__(view)
        self.view = view
        self.watches = watches
        self._load = load
        self._always = always
        self._pending: Changes | None = None
        self._task: asyncio.Task[None] | None = None
        self.loads = 0
        self.busy = BusyNote(view, tr(reading))
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        view.installEventFilter(self)

    @classmethod
    def of(cls, view: QWidget) -> Refresher:
        """The refresher of a view that loads itself (:class:`SelfLoading`)."""
        loading = cast(SelfLoading, view)
        return cls(view, loading.watches, loading.load, reading=loading.reading)

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
        if watched is self.view and event.type() == QEvent.Type.Resize and self.busy.isVisible():
            self.busy.show_over(self.view)
        return False

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def _show_busy(self) -> None:
        if self.running and not self._always and isValid(self.view):  # what runs off screen says nothing
            self.busy.show_over(self.view)

    def cancel(self) -> None:
        """Stop a load under way (the window is closing): it ends now, not when its read does."""
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._task = tied_task(self, self._run())  # a child of the view: the load ends with the view

    async def _run(self, *, force: bool = False) -> None:
        self._busy_timer.start()
        try:
            while self._pending is not None and isValid(self.view):
                changes, self._pending = self._pending, None
                self.loads += 1
                try:
                    await self._load(changes)
                except CleraError as error:  # said where the view says things; the next change tries again
                    log.warning("%s could not show the change: %s", type(self.view).__name__, error.user_message)
                if not (force or self._always or (isValid(self.view) and self.view.isVisible())):
                    return  # hidden meanwhile: what came in waits for the next show
        finally:
            if isValid(self):
                self._busy_timer.stop()
                self.busy.hide()

    async def load_now(self) -> None:
        """Re-read everything the view shows, visible or not, and wait for it."""
        self._pending = Changes(self.watches) if self._pending is None else self._pending | Changes(self.watches)
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)
        if self._pending is not None:
            self._task = tied_task(self, self._run(force=True))
            await asyncio.shield(self._task)

    async def settled(self) -> None:
        """Wait for the reload under way (tests; closing the window)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

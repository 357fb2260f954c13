"""The window's sync as one operation: the sync, then the history it started, then a read ahead of
what the slower views show, with what the status bar says about each step.

The sync announces what it changed (core/changes.py) and the views redraw themselves; this only
runs the steps in order, one sync at a time, and says how it went: "Syncing Questrade: ... (2/5)",
"Up to date", or the problems behind a button that opens the sync's details.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from shiboken6 import isValid

from clera_desktop.core.errors import CleraError
from clera_desktop.ui.app_shell import user_message_for
from clera_desktop.ui.i18n import plural, say, tr

if TYPE_CHECKING:  # asyncio and the data stack load after the first paint, which shows the label
    import asyncio

    from clera_desktop.services.app import AppServices
    from clera_desktop.sync.service import SyncProgress, SyncReport

log = logging.getLogger(__name__)


class SyncFlow:
    """``label`` and ``problem_button`` go in the window's status bar; ``action`` is the Refresh
    action, off while a sync runs; ``settled`` waits until the views' redraws have finished."""

    def __init__(self, owner: QWidget, action: QAction, settled: Callable[[], Awaitable[None]]) -> None:
        self._owner = owner
        self._action = action
        self._settled = settled
        self._services: AppServices | None = None
        self.label = QLabel("")
        self.problem_button = QPushButton("")
        self.problem_button.setFlat(True)
        self.problem_button.hide()
        self.problem_button.clicked.connect(self._show_details)
        self.last_report: SyncReport | None = None
        self.sync_task: asyncio.Task[None] | None = None
        self.history_task: asyncio.Task[None] | None = None
        self.read_ahead_task: asyncio.Task[None] | None = None
        #: told when each sync ends, and whether it went well (services/auto_sync.py counts from it)
        self.on_done: Callable[[bool], None] = lambda _ok: None

    def attach(self, services: AppServices) -> None:
        self._services = services

    def refresh(self) -> asyncio.Task[None]:
        """Sync now, unless a sync is under way already (then that one)."""
        import asyncio

        if self.sync_task is None or self.sync_task.done():
            self.sync_task = asyncio.ensure_future(self.sync_now())
        return self.sync_task

    async def sync_now(self) -> None:
        import asyncio

        assert self._services is not None, "attach() first"
        self._action.setEnabled(False)
        self.label.setText(tr("Syncing\u2026"))
        try:
            report = await self._services.sync(progress=self._on_progress)
        except Exception as error:  # the sync's boundary in the window: said, logged, not lost
            if not isinstance(error, CleraError):
                log.error("sync failed unexpectedly", exc_info=error)
            if isValid(self._owner):
                self.label.setText(tr("Sync did not finish"))
                self.show_problem(user_message_for(error))
            self.on_done(False)
            return
        finally:
            if isValid(self._owner):
                self._action.setEnabled(True)
        if not isValid(self._owner):
            return
        self.last_report = report  # the sync announced what changed: the views that show it are redrawing
        self.history_task = asyncio.ensure_future(self._after_history())  # the sync started it
        await self._settled()
        problems = [m for o in report.outcomes for m in o.user_messages]
        self.on_done(report.ok)
        if problems:
            self.label.setText(tr("Synced with problems"))
        elif not report.outcomes:  # no provider has keys: nothing was fetched, so nothing is "up to date"
            self.label.setText(tr("Nothing connected to sync: connect a brokerage in Connect"))
        else:
            self.label.setText(tr("Up to date"))
        if problems:
            self.show_problem(plural(len(problems), tr("{count} problem: {first}"), tr("{count} problems: {first}"),
                                     first=say(problems[0])))
        else:
            self.problem_button.hide()

    async def update_history(self) -> None:
        """Fetch the closes and rates history needs, rebuild what changed, redraw (each sync does)."""
        assert self._services is not None, "attach() first"
        self._services.follow_with_history()
        await self._after_history()

    async def _after_history(self) -> None:
        """Once the history follows the latest sync (it announces what it rebuilt): read ahead."""
        assert self._services is not None
        await self._services.history_settled()
        if isValid(self._owner):
            await self._settled()
            self._read_ahead()

    def _read_ahead(self) -> None:
        """Read what the Allocation and Income views show, in the background, so a click on them
        opens at once (each read is kept until the next change; at 60,000 positions and a million
        activities, ~0.5 s and ~1.5 s on the reader thread)."""
        from clera_desktop.ui.tasks import run_task

        services = self._services
        assert services is not None

        async def read() -> None:
            if isValid(self._owner):
                await services.allocation.book()
            if isValid(self._owner):
                await services.income.report()

        self.read_ahead_task = run_task(self._owner, read())

    def _on_progress(self, progress: SyncProgress) -> None:
        counter = f" ({progress.done}/{progress.total})" if progress.total else ""
        self.label.setText(tr("Syncing {provider}: {message}{counter}")
                           .format(provider=progress.provider.value, message=say(progress.message), counter=counter))

    def show_problem(self, text: str) -> None:
        self.problem_button.setText("\u26a0 " + text[:90])
        self.problem_button.setToolTip(tr("Click for details"))
        self.problem_button.show()

    def _show_details(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        details = self.last_report.summary() if self.last_report else self.problem_button.text()
        QMessageBox.information(self._owner, tr("Sync details"), details)

    def cancel(self) -> None:
        """The window closes: what runs stops."""
        for task in (self.sync_task, self.history_task):
            if task is not None and not task.done():
                task.cancel()

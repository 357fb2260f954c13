"""A view whose figures take long says it is reading, can be left and re-entered meanwhile, and
the window's closing stops the read instead of waiting for it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from clera_desktop.core.changes import Change, Changes
from clera_desktop.ui.refresh import BUSY_AFTER_MS, Refresher


def test_a_slow_read_says_so_on_its_view_until_it_ends(qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    stack, view, other = QStackedWidget(), QWidget(), QWidget()
    stack.addWidget(view)
    stack.addWidget(other)
    qtbot.addWidget(stack)
    stack.resize(800, 500)
    stack.show()
    gate = asyncio.Event()
    shown: list[str] = []

    async def slow(_changes: Changes) -> None:
        await gate.wait()  # the store's read
        shown.append("figures")

    refresher = Refresher(view, Change.HISTORY, slow, reading="Reading the daily values\u2026")

    async def scenario() -> None:
        refresher.take(Changes(Change.HISTORY))
        await asyncio.sleep(BUSY_AFTER_MS / 1000 + 0.2)
        assert refresher.busy.isVisible() and "the daily values" in refresher.busy.text()
        stack.setCurrentWidget(other)  # left meanwhile ...
        await asyncio.sleep(0.05)
        stack.setCurrentWidget(view)  # ... and back: still reading, still said
        await asyncio.sleep(0.05)
        assert refresher.busy.isVisible() and refresher.running
        gate.set()
        await refresher.settled()

    run(scenario())
    assert shown == ["figures"] and not refresher.busy.isVisible()


def test_a_quick_read_shows_no_note(qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    view.show()
    seen: list[bool] = []
    refresher = Refresher(view, Change.HISTORY, lambda _c: asyncio.sleep(0.01))

    async def scenario() -> None:
        refresher.take(Changes(Change.HISTORY))
        await refresher.settled()
        await asyncio.sleep(BUSY_AFTER_MS / 1000 + 0.1)
        seen.append(refresher.busy.isVisible())

    run(scenario())
    assert seen == [False]


def test_closing_cancels_the_read_under_way(qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    view.show()
    cancelled: list[bool] = []

    async def endless(_changes: Changes) -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    refresher = Refresher(view, Change.HISTORY, endless)

    async def scenario() -> None:
        refresher.take(Changes(Change.HISTORY))
        await asyncio.sleep(0.05)
        refresher.cancel()  # what the window's closeEvent does
        await asyncio.sleep(0.05)

    run(scenario())
    assert cancelled == [True] and not refresher.running


def test_a_view_destroyed_while_it_reads_runs_nothing_after_the_read(
        qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    """The load ends with its view (ui/tasks.tied_task): no line after an await touches a widget
    that is gone, so the views need no isValid() check after each await."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel

    window = QWidget()  # the view's window stays: a last window closing would quit the app
    qtbot.addWidget(window)
    view = QLabel("before", window)
    window.show()
    gate = asyncio.Event()
    after: list[str] = []

    async def load(_changes: Changes) -> None:
        await gate.wait()
        after.append("read")
        view.setText("after")  # on a deleted label this would raise, or worse

    refresher = Refresher(view, Change.HISTORY, load)

    async def scenario() -> None:
        refresher.take(Changes(Change.HISTORY))
        await asyncio.sleep(0.05)
        assert refresher.running
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gate.set()  # the read comes back after the view is gone
        await asyncio.sleep(0.05)

    run(scenario())
    assert after == [], "the load was cancelled with its view"


def test_a_task_a_widget_started_is_cancelled_when_the_widget_goes(
        qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from clera_desktop.ui.tasks import run_task

    widget = QWidget()
    gate = asyncio.Event()
    after: list[str] = []

    async def work() -> None:
        await gate.wait()
        after.append("ran on")

    async def scenario() -> asyncio.Task[None | None]:
        task = run_task(widget, work())
        await asyncio.sleep(0)
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gate.set()
        await asyncio.sleep(0.05)
        return task

    task = run(scenario())
    assert after == [] and task.cancelled()

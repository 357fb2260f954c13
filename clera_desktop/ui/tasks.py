"""``run_task`` (and ``tied_task`` under it): the one way a widget starts an async operation.

The task is kept (an unreferenced task can be collected mid-flight), its failure is said where
the widget says things (``on_error``) and logged, nothing is said to a widget that closed
meanwhile (its C++ side is gone), and the task is cancelled when its widget is destroyed: what a
widget started ends with it. :func:`ui.slots.async_slot` runs a widget's async slots this way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from clera_desktop.core.errors import CleraError
from clera_desktop.ui.app_shell import user_message_for

log = logging.getLogger(__name__)
T = TypeVar("T")
_RUNNING: set[asyncio.Task[Any]] = set()


def tied_task(owner: QObject, work: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    """``work`` as a task that ends with ``owner``: kept until done, and cancelled when the widget
    is destroyed, so no line after an ``await`` in it runs on a widget that is gone. Its failure is
    the caller's to handle (:func:`run_task` says it)."""
    task = asyncio.ensure_future(work)
    _RUNNING.add(task)

    def owner_gone() -> None:  # the widget closed: what it started ends with it
        if task.done() or task.get_loop().is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the app is quitting and its loop's timer is gone already
            task.cancel()

    owner.destroyed.connect(owner_gone)

    def finished(done: asyncio.Task[T]) -> None:
        _RUNNING.discard(done)
        if isValid(owner):
            owner.destroyed.disconnect(owner_gone)

    task.add_done_callback(finished)
    return task


def run_task(owner: QObject, work: Coroutine[Any, Any, T], *,
             on_error: Callable[[str], None] | None = None) -> asyncio.Task[T | None]:
    """:func:`tied_task`, with a failure logged and said through ``on_error``."""
    async def guarded() -> T | None:
        try:
            return await work
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the boundary of a person's action: said, logged, not lost
            if not isinstance(error, CleraError):
                log.error("%s: unexpected failure", type(owner).__name__, exc_info=error)
            if on_error is not None and isValid(owner):
                on_error(user_message_for(error))
            return None

    return tied_task(owner, guarded())


async def dialog_result(dialog: QDialog) -> bool:
    """Open ``dialog`` (window-modal, no nested event loop) and wait until it is closed: True when
    it was accepted. A dialog destroyed unanswered counts as cancelled."""
    answered: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

    def finished(result: int) -> None:
        if not answered.done():
            answered.set_result(int(result) == QDialog.DialogCode.Accepted.value)

    dialog.finished.connect(finished)
    dialog.destroyed.connect(lambda: finished(QDialog.DialogCode.Rejected.value))
    dialog.open()
    return await answered

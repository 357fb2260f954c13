"""``async_slot``: the one way a widget's async method answers a signal (ui/tasks.run_task), without
importing asyncio when a class is defined.

The main window is defined, built and painted before the event loop exists (start-up paints
first); asyncio is imported on the first emission instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Slot

AsyncMethod = Callable[..., Coroutine[Any, Any, Any]]


def async_slot(*types: type) -> Callable[[AsyncMethod], Callable[..., Any]]:
    """A Qt slot that runs an async method as :func:`ui.tasks.run_task` runs work: kept, its failure
    logged, cancelled when the widget goes. Calling it returns the task."""
    def decorate(function: AsyncMethod) -> Callable[..., Any]:
        @Slot(*types)
        @functools.wraps(function)
        def slot(owner: QObject, *args: Any) -> Any:
            from clera_desktop.ui.tasks import run_task  # asyncio, with the event loop: after the first paint

            return run_task(owner, function(owner, *args))

        return slot

    return decorate

"""``async_slot``: qasync's ``asyncSlot``, without importing asyncio when a class is defined.

The main window is defined, built and painted before the event loop exists (start-up paints
first); qasync, and asyncio with it, are imported on the first emission instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Slot

AsyncMethod = Callable[..., Coroutine[Any, Any, Any]]


def async_slot(*types: type) -> Callable[[AsyncMethod], Callable[..., Any]]:
    def decorate(function: AsyncMethod) -> Callable[..., Any]:
        real: list[Callable[..., Any]] = []

        @Slot(*types)
        @functools.wraps(function)
        def slot(*args: Any, **kwargs: Any) -> Any:
            if not real:
                from qasync import asyncSlot

                real.append(asyncSlot(*types)(function))
            return real[0](*args, **kwargs)

        return slot

    return decorate

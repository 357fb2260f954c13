"""Blocking work off the event loop, awaitable from any task.

``asyncio.to_thread`` and ``run_in_executor`` ask for the *running* loop. Under qasync a task can
be stepped by Qt's own event processing (a modal dialog, a test's event pump) while asyncio
has a current loop but none running; wrapping an executor future works in both cases.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="clera-io")


async def in_thread(function: Callable[..., T], *args: object) -> T:
    return await asyncio.wrap_future(_POOL.submit(function, *args))

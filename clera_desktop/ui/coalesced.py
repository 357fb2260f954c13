"""One read at a time, the newest request winning: a view's reload asked for again while it runs.

A view whose figures take a second to read is asked to reload by several things at once when it
first opens (its range restored, its accounts listed, the change it watches). Started side by
side, each read competes with the others for the reader thread and the first figures wait for
all of them. Here a request while a run is under way only asks for one more run after it, the run
under way stops at its next step (``superseded()`` says so), and every caller returns when a run
that began after its request has finished: when it returns, the figures on screen are its own.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable

Superseded = Callable[[], bool]


class Coalesced:
    def __init__(self, work: Callable[[Superseded], Awaitable[None]]) -> None:
        """``work(superseded)`` does one run; it checks ``superseded()`` after each await and stops
        when it is true (a newer request will run next)."""
        self._work = work
        self._asked = 0
        self._task: asyncio.Task[None] | None = None

    async def __call__(self) -> None:
        self._asked += 1
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())
        try:
            await asyncio.shield(self._task)
        except asyncio.CancelledError:  # the caller was stopped (the window closing): the read stops too
            self.cancel()
            raise

    def cancel(self) -> None:
        """Stop the run under way (its widget is closing)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def _run(self) -> None:
        await asyncio.sleep(0)  # the requests of this turn of the loop (a show and its refresher) are one
        while True:
            asked = self._asked
            await self._work(functools.partial(self._superseded, asked))
            if not self._superseded(asked):
                return

    def _superseded(self, asked: int) -> bool:
        return self._asked != asked

"""A view's reload asked for again while it runs: one more run after it, never side by side."""

from __future__ import annotations

import asyncio

from clera_desktop.ui.coalesced import Coalesced, Superseded


def test_requests_while_a_run_reads_fold_into_one_more_run_and_the_stale_one_stops() -> None:
    runs: list[str] = []
    gate = asyncio.Event()

    async def work(superseded: Superseded) -> None:
        n = len(runs)
        runs.append(f"started {n}")
        await gate.wait()  # a read on the reader thread
        runs.append(f"stopped {n}" if superseded() else f"shown {n}")

    async def scenario() -> None:
        reload = Coalesced(work)
        first = asyncio.ensure_future(reload())
        await asyncio.sleep(0.01)
        later = [asyncio.ensure_future(reload()) for _ in range(3)]  # three changes meanwhile
        await asyncio.sleep(0.01)
        gate.set()
        await asyncio.gather(first, *later)

    asyncio.run(scenario())
    assert runs == ["started 0", "stopped 0", "started 2", "shown 2"]


def test_requests_in_one_turn_of_the_loop_are_one_run() -> None:
    runs: list[int] = []

    async def work(_superseded: Superseded) -> None:
        runs.append(1)

    async def scenario() -> None:
        reload = Coalesced(work)
        await asyncio.gather(reload(), reload())  # a show and its refresher, together

    asyncio.run(scenario())
    assert runs == [1]


def test_a_stopped_caller_stops_the_read() -> None:
    """The window's closing cancels the view's reload: the read under way ends with it."""
    stopped: list[bool] = []

    async def work(_superseded: Superseded) -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            stopped.append(True)
            raise

    async def scenario() -> None:
        caller = asyncio.ensure_future(Coalesced(work)())
        await asyncio.sleep(0.01)
        caller.cancel()
        await asyncio.sleep(0.01)

    asyncio.run(scenario())
    assert stopped == [True]

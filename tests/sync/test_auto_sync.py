"""Syncing on its own: driven by the clock, which the tests move (nothing here waits)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from clera_desktop.core.clock import FixedClock
from clera_desktop.services.auto_sync import AutoSync


class Moved:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.clock = FixedClock(datetime(2026, 12, 8, 15, tzinfo=UTC), monotonic=lambda: self.seconds)

    def by(self, **delta: float) -> None:
        self.seconds += timedelta(**delta).total_seconds()


def scheduled(outcomes: list[bool], interval_minutes: int = 30) -> tuple[Moved, AutoSync, list[datetime]]:
    moved = Moved()
    runs: list[datetime] = []

    async def sync() -> bool:
        runs.append(moved.clock.now())
        return outcomes.pop(0) if outcomes else True

    return moved, AutoSync(moved.clock, sync, interval=timedelta(minutes=interval_minutes)), runs


def ticks(auto: AutoSync, moved: Moved, minutes: int, every: float = 0.5) -> None:
    """The window's timer, for ``minutes`` of the clock (a tick each half minute)."""
    for _ in range(int(minutes / every)):
        asyncio.run(auto.tick())
        moved.by(minutes=every)


def test_it_syncs_at_start_then_every_interval_after_the_last_sync_ended() -> None:
    moved, auto, runs = scheduled([])
    ticks(auto, moved, 95)
    assert [(r - runs[0]) / timedelta(minutes=1) for r in runs] == [0, 30, 60, 90]
    auto.synced(True)  # the person pressed Refresh at minute 95: the next one is 30 minutes from it
    ticks(auto, moved, 29)
    assert len(runs) == 4
    ticks(auto, moved, 2)
    assert len(runs) == 5


def test_failures_back_off_and_a_success_brings_the_interval_back() -> None:
    moved, auto, runs = scheduled([False] * 6)
    ticks(auto, moved, 120)
    gaps = [(b - a) / timedelta(minutes=1) for a, b in pairwise(runs)]
    assert gaps[:6] == [1, 2, 4, 8, 16, 30]  # doubling, never longer than the interval
    assert auto.failures == 0 and gaps[6:] == [30] * len(gaps[6:])  # the seventh went well


def test_waking_from_sleep_or_the_network_coming_back_syncs_at_once() -> None:
    moved, auto, runs = scheduled([], interval_minutes=240)
    ticks(auto, moved, 5)
    assert len(runs) == 1
    moved.by(minutes=60)  # the lid closed for an hour: no tick meanwhile
    ticks(auto, moved, 1)
    assert len(runs) == 2 and runs[1] - runs[0] >= timedelta(minutes=65)
    ticks(auto, moved, 10)
    auto.nudge()  # the network came back
    ticks(auto, moved, 1)
    assert len(runs) == 3


def test_paused_or_off_it_never_syncs_by_itself() -> None:
    moved, auto, runs = scheduled([])
    auto.paused = True
    ticks(auto, moved, 90)
    assert runs == [] and auto.next_at() is None
    auto.paused = False
    auto.interval = timedelta(0)  # "only when I ask"
    ticks(auto, moved, 90)
    assert runs == []

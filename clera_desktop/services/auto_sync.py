"""Syncing on its own while the app runs: when the next sync is due.

Every ``interval`` after the last sync ended (the person's own Refresh counts too); at once when the
computer woke from sleep (the clock jumped past several of the window's ticks) or the network came
back (:meth:`AutoSync.nudge`); after a failure sooner, backing off (1, 2, 4 ... minutes, never
longer than the interval), so a provider that is down is not asked every few seconds. Paused, or an
interval of 0, it never syncs by itself. The app's clock decides, never a timer's own count: tests
move the clock, they do not wait. Two windows, or the command line, still take turns at the book's
sync lock (sync/lock.py); a connection that needs signing in again is left for the person to repair
(the sync reports it, and does not ask the brokerage for it until then).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from clera_desktop.core.clock import Clock

DEFAULT_INTERVAL = timedelta(minutes=30)
FIRST_RETRY = timedelta(minutes=1)
#: the window asks this often; a gap of several of them between two asks means the computer slept
TICK = timedelta(seconds=30)
SETTING_KEY = "auto_sync_minutes"  # a person's own (models/queries.PERSONAL_SETTINGS)


class AutoSync:
    def __init__(self, clock: Clock, sync: Callable[[], Awaitable[bool]], *,
                 interval: timedelta | Callable[[], timedelta] = DEFAULT_INTERVAL, tick: timedelta = TICK) -> None:
        """``sync`` runs one sync (the window's, which shows its progress) and says whether it went
        well; ``interval`` may be asked each time (the person's setting, which can change)."""
        self._clock = clock
        self._sync = sync
        self._interval = interval if callable(interval) else (lambda: interval)
        self._tick = tick
        self.paused = False
        self.failures = 0
        self.last_end: datetime | None = None  # None: not synced since start, so due at once
        self._last_tick: datetime | None = None
        self._nudged = False
        self.running = False

    @property
    def interval(self) -> timedelta:
        return self._interval()

    @interval.setter
    def interval(self, value: timedelta) -> None:
        self._interval = lambda: value

    def next_at(self, now: datetime | None = None) -> datetime | None:
        """When the next sync is due (None: never by itself: paused or off); ``now`` when at once."""
        if self.paused or self.interval <= timedelta(0):
            return None
        if self.last_end is None or self._nudged:
            return now or self._clock.now()
        wait = self.interval if not self.failures else min(FIRST_RETRY * 2 ** (self.failures - 1), self.interval)
        return self.last_end + wait

    def synced(self, ok: bool) -> None:
        """A sync ended, however started: the next is counted from now (sooner after a failure)."""
        self.last_end = self._clock.now()
        self.failures = 0 if ok else self.failures + 1
        self._nudged = False

    def nudge(self) -> None:
        """The network came back: sync at the next tick (unless paused or off)."""
        self._nudged = True

    async def tick(self) -> bool:
        """The window's timer asks; returns whether a sync was started and run."""
        now = self._clock.now()
        if self._last_tick is not None and now - self._last_tick > 3 * self._tick:
            self._nudged = True  # woke from sleep: what happened meanwhile is worth a look
        self._last_tick = now
        due = self.next_at(now)
        if self.running or due is None or now < due:
            return False
        self.running = True
        try:
            ok = await self._sync()  # the window's sync catches and says what went wrong
        finally:
            self.running = False
        self.synced(ok)
        return True

"""One sync at a time per book, across processes (a window and the CLI, two windows) and, for a
book shared on PostgreSQL, across machines.

Two syncs at once would spend SnapTrade's 250 calls a minute twice and race each other's first
inserts. For a SQLite file the lock is an OS file lock beside it (``filelock``: fcntl on POSIX,
msvcrt on Windows) that the OS releases when its process dies, so a killed sync never leaves the
folder locked; a small JSON note says who holds it and since when, for the second process to say
so. For a shared book it is the server's advisory lock (models/advisory.py), which the server
releases when the holder's connection ends, and the server says who holds it.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import SyncBusy
from clera_desktop.core.folder_locks import SYNC_LOCK
from clera_desktop.models.advisory import SYNC, AdvisoryLock
from clera_desktop.models.engine import Database

log = logging.getLogger(__name__)
LOCK_NAME = SYNC_LOCK
NOTE_NAME = SYNC_LOCK + ".json"


class SyncLock:
    """``acquire`` (blocking: call it from a worker thread) and ``release``; a folder of None (a
    database in memory) has no one to share it with, so the lock is a no-op."""

    def __init__(self, folder: Path | None, clock: Clock, *, shared: AdvisoryLock | None = None) -> None:
        self._folder = folder
        self._clock = clock
        # one lock object per file in this process (is_singleton), counted: the window's own syncs
        # (a full sync, an account after a fill) share it; another process waits or is told
        self._lock: FileLock | AdvisoryLock | None = (
            shared if shared is not None else
            FileLock(folder / LOCK_NAME, thread_local=False, is_singleton=True) if folder is not None else None)
        self._held_around = 0  # holds by a caller around its syncs (the command line's whole sync command)

    @classmethod
    def of(cls, database: Database, clock: Clock) -> SyncLock:
        """The lock of ``database``'s book: beside its file, or on its server (one lock object per
        book in this process, as the file's is)."""
        if database.shared:
            return cls(None, clock, shared=database.advisory_lock(SYNC))
        return cls(database.path.parent if database.path else None, clock)

    def acquire(self, *, wait: float = 0.0) -> None:
        if self._lock is None:
            return
        if isinstance(self._lock, AdvisoryLock):
            if not self._lock.acquire(timeout=max(wait, 0.0)):
                raise SyncBusy(self.busy_message(), detail="the book's sync lock is held on its server")
            return
        try:
            self._lock.acquire(timeout=max(wait, 0.0) or 0.01)
        except Timeout:
            raise SyncBusy(self.busy_message(), detail=f"{self._folder} is locked") from None
        note = {"pid": os.getpid(), "since": self._clock.now().isoformat()}
        try:
            (self._folder / NOTE_NAME).write_text(json.dumps(note), encoding="utf-8")  # type: ignore[operator]
        except OSError as error:
            log.info("could not write the sync lock's note: %s", error)

    def hold_around(self, *, wait: float) -> None:
        """Hold the lock around a whole command, its set-up writes included (``clera-desktop sync``:
        a second one waits here, before it touches the store, not mid-way); ``release`` ends it."""
        self.acquire(wait=wait)
        self._held_around += 1

    @property
    def sole_holder(self) -> bool:
        """Held once, by this process, for a sync: no other sync runs anywhere (so 'running' rows are dead)."""
        return self._lock is None or self._lock.lock_counter - self._held_around == 1

    def release(self) -> None:
        if self._lock is not None and self._lock.is_locked:
            if self._lock.lock_counter == self._held_around:
                self._held_around -= 1
            self._lock.release()

    def busy_message(self) -> str:
        """Who holds the lock, for the person: "Another Clera Desktop (process 4242) has been
        syncing this data since 10:42. ..." (the note may be gone: then without the details)."""
        if isinstance(self._lock, AdvisoryLock):
            other = self._lock.holder()
            when = f" since {other.since.astimezone():%H:%M}" if other is not None and other.since else ""
            who = other.who if other is not None else "Another Clera Desktop"
            return f"{who} has been syncing this shared book{when}. This sync did not start; try again when it is done."
        holder = ""
        try:
            note = json.loads((self._folder / NOTE_NAME).read_text("utf-8"))  # type: ignore[operator]
            since = datetime.fromisoformat(note["since"]).astimezone()
            holder = f" (process {int(note['pid'])}) has been syncing this data since {since:%H:%M}"
        except (OSError, ValueError, KeyError, TypeError):
            holder = " is syncing this data"
        return f"Another Clera Desktop{holder}. This sync did not start; try again when it is done."


"""PostgreSQL's advisory locks: what a folder's file lock is to one machine, a shared book's lock is
to every machine that opens it.

A lock is held by a connection of its own, kept open while held; the server lets go of it when
that connection ends, so a killed process or a machine that drops off the network never leaves
the book locked. Who holds it is the server's to say (``pg_stat_activity``: each Clera connection
names its machine and process, :func:`application_name`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, text

#: Locks of one book (advisory locks are per database), by what they guard.
SYNC = "clera:sync"
MIGRATE = "clera:migrate"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (PostgreSQL's advisory lock space)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def application_name() -> str:
    """What this process's connections call themselves: the machine and the process, for another
    machine's "who is syncing?" (PostgreSQL keeps the first 63 bytes)."""
    return f"Clera Desktop on {socket.gethostname()} (process {os.getpid()})"[:63]


@dataclass(frozen=True, slots=True)
class Holder:
    """Another session holding a lock: who (its application name) and since when (its connection's start)."""

    who: str
    since: datetime | None


class AdvisoryLock:
    """One advisory lock on ``engine``'s database, re-entrant within this process (counted, as
    ``filelock``'s are): the first :meth:`acquire` opens the connection that holds it, the last
    :meth:`release` closes it."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self._key = lock_key(name)
        self._connection: Connection | None = None
        self._guard = threading.RLock()
        self.lock_counter = 0

    @property
    def is_locked(self) -> bool:
        return self.lock_counter > 0

    def acquire(self, timeout: float) -> bool:
        """Hold the lock, trying for up to ``timeout`` seconds; False when another session kept it."""
        with self._guard:
            if self.lock_counter:
                self.lock_counter += 1
                return True
            connection = self.engine.connect()
            deadline = time.monotonic() + max(timeout, 0.0)
            try:
                while not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}).scalar():
                    connection.rollback()  # no transaction left open while waiting
                    if time.monotonic() >= deadline:
                        connection.close()
                        return False
                    time.sleep(min(0.1, max(deadline - time.monotonic(), 0.0)))
                connection.commit()  # a session lock outlives the transaction that took it
            except BaseException:
                connection.close()
                raise
            self._connection = connection
            self.lock_counter = 1
            return True

    def release(self) -> None:
        with self._guard:
            if not self.lock_counter:
                return
            self.lock_counter -= 1
            if self.lock_counter or self._connection is None:
                return
            connection, self._connection = self._connection, None
            try:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
                connection.commit()
            finally:
                connection.close()  # and were the unlock lost, closing the session lets go of it too

    def holder(self) -> Holder | None:
        """The other session holding the lock, if any (None: free, or unknown)."""
        with contextlib.suppress(Exception), self.engine.connect() as connection:
            row = connection.execute(text(
                "SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                "AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = :key "
                "AND l.pid != pg_backend_pid()"), {"key": self._key}).first()
            if row is not None:
                return Holder(row[0] or "another program", row[1])
        return None


@contextlib.contextmanager
def held(engine: Engine, name: str) -> Iterator[None]:
    """Hold ``name``'s lock for the block, waiting as long as another session holds it (two
    machines migrating a new book at once: one migrates, the other finds it done)."""
    key = {"key": lock_key(name)}
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), key)
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)
            connection.commit()

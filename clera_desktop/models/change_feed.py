"""What changed in a shared book, told to every computer that has it open: PostgreSQL's LISTEN/NOTIFY.

A computer that changed something says so on :data:`CHANNEL` after its write committed (the
notice goes out with a transaction's commit, or not at all); every other computer listening hears
it within moments and redraws what it shows of it. A notice is small (the kinds of change, the
accounts, who sent it), never data: each computer reads the rows through its own role, so the
server's policies still decide what it sees. Polling would read every table every few seconds
on every computer for changes that come a few times a day.

The listener keeps one connection of its own in a thread of its own. When the server goes away it
says so (``on_reachable(False)``), tries again with growing pauses, and says when it is back:
whatever was missed meanwhile is then read afresh (``on_reachable(True)`` after a loss).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
CHANNEL = "clera_changes"
MAX_PAYLOAD = 7_000  # PostgreSQL's limit is 8,000 bytes: longer notices name no accounts (all of them)


def notify(session: Session, payload: str) -> None:
    """Tell the book's other computers (sent when ``session``'s transaction commits)."""
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})


def conninfo(url: str) -> str:
    """The libpq address of a SQLAlchemy one (``postgresql+psycopg://`` → ``postgresql://``)."""
    return str(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))


class ChangeListener:
    """Hears :data:`CHANNEL` on ``url`` in a thread; ``on_notice(payload)`` and
    ``on_reachable(bool)`` are called from that thread (hand them to your own loop)."""

    def __init__(self, url: str, on_notice: Callable[[str], None], on_reachable: Callable[[bool], None], *,
                 password: str | None = None, first_pause: float = 1.0, longest_pause: float = 30.0) -> None:
        self._address = conninfo(url)
        self._password = password  # from the keyring, never in the address
        self._on_notice = on_notice
        self._on_reachable = on_reachable
        self._first_pause, self._longest_pause = first_pause, longest_pause
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="shared-book-listener", daemon=True)
        self.reachable: bool | None = None

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg

        pause = self._first_pause
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._address, autocommit=True, connect_timeout=10, password=self._password,
                                     application_name="Clera Desktop (listening for changes)") as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._reached(True)
                    pause = self._first_pause
                    while not self._stopping.is_set():
                        for notice in connection.notifies(timeout=0.5):
                            self._on_notice(notice.payload)
                        connection.execute("SELECT 1")  # a dropped server is found within the half second
            except psycopg.Error as error:
                log.info("the shared book's server is not reachable: %s", error)
                self._reached(False)
                self._stopping.wait(pause)
                pause = min(pause * 2, self._longest_pause)

    def _reached(self, reachable: bool) -> None:
        if reachable != self.reachable:
            self.reachable = reachable
            try:
                self._on_reachable(reachable)
            except Exception:
                log.exception("telling of the server's reachability failed")

"""Changes in a shared book reach every computer that has it open, and the window says when the
book's server is away.

What one computer announces on its change bus (core/changes.py) and keeps in the book goes to the
others as a notice (models/change_feed.py); what the others announce arrives here and is announced
on this computer's bus as if made here, so each view redraws what it shows of it, as for a local
change. Settings and keys are each person's own and stay on their computer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.words import said
from clera_desktop.models import change_feed
from clera_desktop.models.engine import Database

log = logging.getLogger(__name__)

#: What lives in the shared book (not a person's settings, keys or this computer's view).
SHARED_KINDS = (Change.ACCOUNTS | Change.POSITIONS | Change.ACTIVITIES | Change.ORDERS | Change.CONNECTIONS
                | Change.HISTORY | Change.GAINS | Change.CLASSIFICATION | Change.SYNC_STATUS | Change.BASE_CURRENCY)
FROM_ELSEWHERE = "from another computer"  # the ``item`` of a change that arrived (never sent back out)
AWAY = said("The shared book's server cannot be reached: showing what was last read; nothing is saved until it is "
            "back.")
BACK = said("The shared book's server is back; reading what changed meanwhile.")


def encoded(changes: Changes, origin: str) -> str:
    notice = {"from": origin, "what": (changes.what & SHARED_KINDS).value, "accounts": sorted(changes.accounts)}
    payload = json.dumps(notice)
    if len(payload) > change_feed.MAX_PAYLOAD:  # too many to name: all of them
        payload = json.dumps({**notice, "accounts": []})
    return payload


def decoded(payload: str, origin: str) -> Changes | None:
    """The change a notice tells of (None: our own, or not one this app understands)."""
    try:
        notice = json.loads(payload)
        if notice.get("from") == origin:
            return None
        what = Change(int(notice["what"])) & SHARED_KINDS
        accounts = frozenset(str(a) for a in notice.get("accounts") or ())
    except (ValueError, KeyError, TypeError):
        log.info("a notice this app does not understand: %.200s", payload)
        return None
    return Changes(what, accounts, item=FROM_ELSEWHERE) if what else None


class SharedChanges:
    """The bridge between this computer's change bus and the book's other computers."""

    def __init__(self, database: Database, bus: ChangeBus, *, on_reachable: Callable[[bool, str], None] | None = None,
                 listener: type[change_feed.ChangeListener] = change_feed.ChangeListener) -> None:
        self._database = database
        self._bus = bus
        self.origin = uuid.uuid4().hex
        self.on_reachable = on_reachable or (lambda _reachable, _sentence: None)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listener = listener(database.url, self._heard, self._reached, password=database.server_password)
        self._unsubscribe: Callable[[], None] | None = None
        self.away = False

    def start(self) -> None:
        """Listen (from the app's loop: what arrives is announced on it)."""
        self._loop = asyncio.get_event_loop()
        self._unsubscribe = self._bus.subscribe(self._tell_others)
        self._listener.start()

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._listener.stop()

    def _tell_others(self, changes: Changes) -> None:
        if changes.item == FROM_ELSEWHERE or not changes.what & SHARED_KINDS or self._database.read_only:
            return
        payload = encoded(changes, self.origin)
        # after the writes queued before it, on the writer thread: never on the window's
        self._database.write_soon(lambda session: change_feed.notify(session, payload), "a notice to other computers")

    def _heard(self, payload: str) -> None:  # the listener's thread
        changes = decoded(payload, self.origin)
        if changes is not None and self._loop is not None:
            self._loop.call_soon_threadsafe(self._bus.announce, changes)

    def _reached(self, reachable: bool) -> None:  # the listener's thread
        if self._loop is None:
            return
        if reachable and not self.away:
            return  # the first connection: nothing was missed
        self.away = not reachable
        sentence = AWAY if not reachable else BACK
        self._loop.call_soon_threadsafe(self.on_reachable, reachable, sentence)
        if reachable:  # whatever happened meanwhile: read afresh
            self._loop.call_soon_threadsafe(self._bus.announce, Changes(SHARED_KINDS, item=FROM_ELSEWHERE))

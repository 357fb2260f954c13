"""What a mutation changed, said once, heard by whoever shows it (Anki's operations with change flags).

Every operation that changes data or app state (a sync, an import, a form, a trade, a setting, a
connection, keys) ends by announcing a :class:`Changes`: which kinds of things, for which
accounts, and a sentence for the person. Views subscribe through the window and redraw only what
they show of it, at once when visible and when next shown otherwise; nothing reloads everything,
and no view reaches into another to tell it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Flag, auto

log = logging.getLogger(__name__)


class Change(Flag):
    NONE = 0
    ACCOUNTS = auto()  # accounts added, removed, renamed, re-valued
    POSITIONS = auto()  # holdings and cash
    ACTIVITIES = auto()
    ORDERS = auto()  # orders and tickets, the audit log
    CONNECTIONS = auto()  # connections added, removed, their status
    HISTORY = auto()  # daily values rebuilt
    GAINS = auto()  # lots and realised gains
    BASE_CURRENCY = auto()  # every figure shown in the base currency
    CREDENTIALS = auto()  # keys, and so the providers the app can reach
    SETTINGS = auto()  # the person's preferences
    CLASSIFICATION = auto()  # what a security is (asset class, sector, country), reported or the person's
    SYNC_STATUS = auto()  # when each account and connection last synced, and how it went: no figure moves
    #: Anything a provider reports, for what removes or replaces a connection's data wholesale. A
    #: sync announces only the kinds it changed (:meth:`Changes.of_sync`), never this.
    SYNCED = ACCOUNTS | POSITIONS | ACTIVITIES | ORDERS | CONNECTIONS


@dataclass(frozen=True, slots=True)
class Changes:
    what: Change
    accounts: frozenset[str] = frozenset()  # which accounts (empty: any or all)
    message: str = ""  # for the status bar
    item: object = None  # what was made (an activity's id, an order), for the caller

    def touches(self, kinds: Change) -> bool:
        return bool(self.what & kinds)

    def __or__(self, other: Changes) -> Changes:
        accounts = frozenset() if not self.accounts or not other.accounts else self.accounts | other.accounts
        return Changes(self.what | other.what, accounts, " ".join(m for m in (self.message, other.message) if m))


Listener = Callable[[Changes], None]


class ChangeBus:
    """Announcements to listeners, in the order they subscribed; a listener's failure is logged,
    never stops the others."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, changes: Changes) -> Changes:
        if changes.what:
            for listener in list(self._listeners):
                try:
                    listener(changes)
                except Exception:
                    log.exception("a view failed to take in %s", changes.what)
        return changes

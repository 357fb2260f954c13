"""CSV files into the store: check first (nothing written), then import what was checked.

Its own service because it needs only the store, the clock and the change bus: none of the
provider state :class:`~clera_desktop.services.app.AppServices` owns.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.words import said
from clera_desktop.imports.dispatch import ImportKind, Preview, import_preview, preview_file
from clera_desktop.models.engine import Database
from clera_desktop.store.derived import bring_up_to_date


class CsvImports:
    def __init__(self, database: Database, clock: Callable[[], Clock], bus: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._bus = bus

    async def preview(self, kind: ImportKind, data: bytes) -> Preview:
        """Check a CSV file against the store; nothing is written."""
        today = self._clock().today()
        return await self._database.read(lambda s: preview_file(s, kind, data, today=today))

    async def apply(self, preview: Preview, *, source: str, good_lines_only: bool = False) -> int:
        """Import a checked preview (or its good lines) and rebuild the history it changes, in one transaction."""
        clock = self._clock()

        def write(session: Session) -> int:
            added = import_preview(session, preview, source=source, now=clock.now(), good_lines_only=good_lines_only)
            bring_up_to_date(session, clock)
            return added

        added = await self._database.write(write)
        self._bus.announce(Changes(Change.ACTIVITIES | Change.POSITIONS | Change.ACCOUNTS | Change.HISTORY,
                                   message=(said("Imported {count} line from {source}.", count=added, source=source)
                                            if added == 1 else
                                            said("Imported {count} lines from {source}.", count=added, source=source)),
                                   item=added))
        return added

"""Backups of the store: before every migration, once a day, and on request; restore sets the
current file aside (never deletes it) and puts a backup in its place.

Copies go through SQLite's online backup API, so a backup taken while the app runs is a
consistent snapshot (WAL included), and each is checked with ``PRAGMA quick_check`` before it
counts. They live in ``backups/`` beside the database, private to the user, the newest
``KEEP`` kept.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clera_desktop.core.errors import StoreDamaged, StoreError
from clera_desktop.core.files import private_file, private_folder

log = logging.getLogger(__name__)
FOLDER = "backups"
KEEP = 10
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # local time, as the file name says
    reason: str  # "daily", "before-0004", "manual", "before-restore"

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backups(database: Path) -> list[Backup]:
    """The database's backups, newest first."""
    found = []
    folder = database.parent / FOLDER
    for path in folder.glob(f"{database.stem}-*.sqlite") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and match["stem"] == database.stem:
            found.append(Backup(path, datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"]))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def take_backup(database: Path, *, now: datetime, reason: str) -> Backup:
    """A consistent copy of ``database`` now (``now`` in local time names it); keeps the newest KEEP."""
    folder = private_folder(database.parent / FOLDER)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{database.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        with sqlite3.connect(database) as source, sqlite3.connect(partial) as copy:
            source.backup(copy)
            if copy.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise StoreDamaged(detail=f"the copy of {database} failed its check")
        partial.replace(target)
    except sqlite3.DatabaseError as error:
        partial.unlink(missing_ok=True)
        raise StoreDamaged(detail=f"backing up {database}: {error}") from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError("A backup of your Clera data could not be written. Nothing was changed.",
                         detail=f"{target}: {error}") from error
    private_file(target)
    for old in backups(database)[KEEP:]:
        old.path.unlink(missing_ok=True)
    log.info("backed up %s to %s (%s)", database, target, reason)
    return Backup(target, datetime.strptime(stamp, "%Y%m%d-%H%M%S"), reason)


def daily_backup(database: Path, *, now: datetime) -> Backup | None:
    """Take today's backup unless there is one already (any reason counts)."""
    today = now.astimezone().date()
    if not database.is_file() or any(b.taken.date() == today for b in backups(database)):
        return None
    return take_backup(database, now=now, reason="daily")


def is_sound(database: Path) -> bool:
    """``PRAGMA quick_check`` says ok (a truncated or bit-flipped file does not)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            return bool(connection.execute("PRAGMA quick_check").fetchone() == ("ok",))
    except sqlite3.DatabaseError:
        return False


def restore(database: Path, backup: Path, *, now: datetime) -> Path | None:
    """Put ``backup`` in the database's place. The current file (and its WAL) is set aside beside
    it as ``<name>.set-aside-<time>``, never deleted; returns where it went (None if there was none)."""
    if not is_sound(backup):
        raise StoreDamaged(f"The backup {backup.name} is damaged too; choose another one.", detail=str(backup))
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = None
    if database.exists():
        aside = database.with_name(f"{database.name}.set-aside-{stamp}")
        database.replace(aside)
        for suffix in ("-wal", "-shm"):
            companion = database.with_name(database.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    partial = database.with_name(database.name + ".restoring")
    with sqlite3.connect(backup) as source, sqlite3.connect(partial) as copy:
        source.backup(copy)
    partial.replace(database)
    private_file(database)
    log.info("restored %s from %s; the previous file is %s", database, backup, aside)
    return aside

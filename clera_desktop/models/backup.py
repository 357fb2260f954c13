"""Backups of the store: before every migration, once a day, and on request; restore sets the
current file aside (never deletes it) and puts a backup in its place.

Copies go through SQLite's online backup API, so a backup taken while the app runs is a
consistent snapshot (WAL included), and each is checked with ``PRAGMA quick_check`` before it
counts. They live in ``backups/`` beside the database, private to the user, the newest
``KEEP`` kept.

Every connection is closed before its file is renamed (Windows refuses to rename a file that is
still open), a copy is written under a name of its own process's (two processes backing up in the
same second do not meet) and in SQLite's plain journal mode, so no ``-wal``/``-shm`` stays beside it.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clera_desktop.core.errors import StoreDamaged, StoreError, StoreForeign
from clera_desktop.core.files import private_file, private_folder
from clera_desktop.core.words import said
from clera_desktop.models import cipher

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


def take_backup(database: Path, *, now: datetime, reason: str, key: str | None = None) -> Backup:
    """A consistent copy of ``database`` now (``now`` in local time names it); keeps the newest KEEP.
    An encrypted store's (``key``) is encrypted with the same key."""
    folder = private_folder(database.parent / FOLDER)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{database.stem}-{stamp}-{reason}.sqlite"
    partial = _partial_name(target)
    try:
        with _removed_on_failure(partial):
            copy_database(database, partial, key=key)
            if not is_sound(partial, key=key):
                raise StoreDamaged(detail=f"the copy of {database} failed its check")
            partial.replace(target)  # closed by now: Windows renames only a file nobody holds
    except cipher.database_errors(key) as error:
        raise StoreDamaged(detail=f"backing up {database}: {error}") from error
    except OSError as error:
        raise StoreError(said("A backup of your Clera data could not be written. Nothing was changed."),
                         detail=f"{target}: {error}") from error
    private_file(target)
    for old in backups(database)[KEEP:]:
        old.path.unlink(missing_ok=True)
    log.info("backed up %s to %s (%s)", database, target, reason)
    return Backup(target, datetime.strptime(stamp, "%Y%m%d-%H%M%S"), reason)


def copy_database(source: Path, target: Path, *, key: str | None = None) -> None:
    """A consistent copy of ``source`` at ``target`` (a new file) in plain journal mode, both files
    closed when it returns; an encrypted one's (``key``) encrypted with the same key."""
    if key is not None:
        cipher.convert(source, target, source_key=key, target_key=key)
        return
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)
        writing.execute("PRAGMA journal_mode=DELETE")  # a backup is one file: no -wal or -shm beside it
        writing.commit()


def _partial_name(target: Path) -> Path:
    """A name no other process or thread writes: two starts in the same second each copy to their own."""
    return target.with_name(f"{target.name}.partial-{os.getpid()}-{uuid.uuid4().hex[:8]}")


@contextmanager
def _removed_on_failure(partial: Path) -> Iterator[None]:
    """A copy under way (and its journal) is removed when anything stops it: nothing left behind."""
    try:
        yield
    except BaseException:
        for path in (partial, *(partial.with_name(partial.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
            path.unlink(missing_ok=True)
        raise


def _read_only(database: Path, key: str | None = None) -> closing[sqlite3.Connection]:
    """A connection that cannot write a byte (a file URI, so '%' and '?' in a folder's name are a name)."""
    return closing(cipher.connect(database, key, mode="mode=ro"))


def daily_backup(database: Path, *, now: datetime, key: str | None = None) -> Backup | None:
    """Take today's backup unless there is one already (any reason counts)."""
    today = now.astimezone().date()
    if not database.is_file() or any(b.taken.date() == today for b in backups(database)):
        return None
    return take_backup(database, now=now, reason="daily", key=key)


def is_sound(database: Path, *, key: str | None = None) -> bool:
    """``PRAGMA quick_check`` says ok (a truncated or bit-flipped file does not; nor a wrong key)."""
    return cipher.opens(database, key)


def is_clera_store(database: Path, *, key: str | None = None) -> bool:
    """The file is a Clera store: marked with its application id, or (made before the mark) with
    the schema's revision table."""
    return _kind(database, key) == "clera"


def is_foreign_store(database: Path, *, key: str | None = None) -> bool:
    """The file is another program's SQLite database (tables, none of them Clera's): read only,
    without a byte written (an engine's connection would switch it to WAL before any check)."""
    return _kind(database, key) == "foreign"


def _kind(database: Path, key: str | None = None) -> str:
    """"clera", "empty", "foreign", or "unreadable" (damaged, missing, or not a file)."""
    from clera_desktop.models.engine import APPLICATION_ID  # the engine imports this module

    if not database.is_file():
        return "unreadable"
    try:
        with _read_only(database, key) as connection:
            if connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,):
                return "clera"
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    except cipher.database_errors(key):
        return "unreadable"
    return "clera" if "alembic_version" in tables else "foreign" if tables else "empty"


def restore(database: Path, backup: Path, *, now: datetime, key: str | None = None) -> Path | None:
    """Put ``backup`` in the database's place. The current file (and its WAL) is set aside beside
    it as ``<name>.set-aside-<time>``, never deleted; returns where it went (None if there was none)."""
    key = key if key is not None and not cipher.is_plain(backup) else None  # one from before encryption is plain
    if not is_sound(backup, key=key):
        raise StoreDamaged(said("The backup {backup} is damaged too; choose another one.", backup=backup.name),
                           detail=str(backup))
    if not is_clera_store(backup, key=key):
        raise StoreForeign(said("{backup} is not a Clera Desktop backup (it holds another program's tables). Nothing was "
                                "changed.", backup=backup.name), detail=str(backup))
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = None
    if database.exists():
        aside = database.with_name(f"{database.name}.set-aside-{stamp}")
        database.replace(aside)
        for suffix in ("-wal", "-shm"):
            companion = database.with_name(database.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    partial = _partial_name(database.with_name(database.name + ".restoring"))
    with _removed_on_failure(partial):
        copy_database(backup, partial, key=key)
        partial.replace(database)  # closed by now: Windows renames only a file nobody holds
    private_file(database)
    log.info("restored %s from %s; the previous file is %s", database, backup, aside)
    return aside

"""Encrypting or decrypting a store in place, with nothing lost on the way.

1. Every connection is closed (the caller holds the folder's window and sync locks) and the
   write-ahead log folded into the file.
2. A copy in the new form is written beside it and verified: it opens with its key, its pages
   check out, and every table holds as many rows as the original's.
3. Only then the swap: when encrypting, the folder's mark (``encryption.json``, the key's name;
   the key itself is in the keyring already) and then the file, by one rename each; when
   decrypting, the file and then the mark. A stop between the two leaves a plain file under a
   mark, which opens as the plain store it is (models/engine._store_key), never the reverse.
4. The backups follow, each verified the same way, so no unencrypted copy of an encrypted store
   stays in ``backups/`` (and a decrypted store's backups need no key).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from clera_desktop.core.errors import StoreError
from clera_desktop.core.words import said
from clera_desktop.models import cipher
from clera_desktop.models.backup import _partial_name, _removed_on_failure, backups

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Converted:
    tables: int
    rows: int
    backups: int
    seconds: float


def encrypt(database: Path, keep_key: Callable[[str, str], None]) -> tuple[str, Converted]:
    """Encrypt ``database`` (and its backups) with a new key, kept first by ``keep_key(name, key)``
    (the secret store): the key is safe before any file depends on it. Returns the key."""
    mark, key = cipher.Mark.new(), cipher.new_key()
    keep_key(mark.key_name, key)
    return key, change_encryption(database, from_key=None, to_key=key, mark=mark)


def decrypt(database: Path, key: str) -> Converted:
    """Decrypt ``database`` (and its backups); the key is left where it is kept."""
    return change_encryption(database, from_key=key, to_key=None, mark=None)


def change_encryption(database: Path, *, from_key: str | None, to_key: str | None,
                      mark: cipher.Mark | None) -> Converted:
    """``database`` (closed by everyone) from ``from_key`` to ``to_key`` (None: plain); ``mark``:
    the folder's mark to write when encrypting (None when decrypting)."""
    import time

    started = time.perf_counter()
    _fold_log(database, from_key)
    counts = cipher.table_counts(database, from_key)
    folder = database.parent

    def before_swap() -> None:  # the mark first: a plain file under a mark opens as plain, never the reverse
        if to_key is not None:
            assert mark is not None
            cipher.write_mark(folder, mark)

    _convert_verified(database, from_key, to_key, counts, before_swap)
    if to_key is None:
        cipher.remove_mark(folder)
    converted = 0
    for backup in backups(database):
        kept_key = None if cipher.is_plain(backup.path) else from_key
        if (kept_key is None) == (to_key is None):
            continue  # already in the new form
        _convert_verified(backup.path, kept_key, to_key, cipher.table_counts(backup.path, kept_key))
        converted += 1
    seconds = time.perf_counter() - started
    log.info("%s %s in %.2f s (%d backups too)", database, "encrypted" if to_key else "decrypted", seconds, converted)
    return Converted(len(counts), sum(counts.values()), converted, seconds)


def _fold_log(database: Path, key: str | None) -> None:
    """Fold the write-ahead log into the file, so the file alone is the store."""
    with closing(cipher.connect(database, key)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _convert_verified(path: Path, from_key: str | None, to_key: str | None, counts: dict[str, int],
                      before_swap: Callable[[], None] = lambda: None) -> None:
    partial = _partial_name(path.with_name(path.name + ".converting"))
    with _removed_on_failure(partial):
        failures: tuple[type[Exception], ...] = (sqlite3.DatabaseError, *cipher.database_errors(from_key),
                                                 *cipher.database_errors(to_key))
        try:
            cipher.convert(path, partial, source_key=from_key, target_key=to_key)
            sound = cipher.opens(partial, to_key) and cipher.table_counts(partial, to_key) == counts
        except failures as error:
            raise StoreError(said("The converted copy of your Clera data could not be made. Nothing was changed."),
                             detail=f"{path}: {error}") from error
        if not sound:
            raise StoreError(said("The converted copy of your Clera data did not match the original. Nothing was changed."),
                             detail=str(path))
        before_swap()
        for suffix in ("-wal", "-shm"):  # the old form's; the new file is one file in plain journal mode
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        partial.replace(path)

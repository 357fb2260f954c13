"""Encryption at rest, by choice: the store (and its backups) in SQLCipher.

The binding is ``sqlcipher3-wheels`` (SQLCipher 4, AES-256; wheels for Windows, macOS and Linux,
as rotki's and Wealthfolio's stores use). The key is 256 random bits, kept in the OS keyring (or
the passphrase-protected key file where there is none) under a name the data folder's mark says:
``encryption.json`` beside the store holds that name and nothing secret. Raw keys skip SQLCipher's
passphrase stretching, so an encrypted store opens as fast as a plain one.

:func:`convert` writes a copy in the other form (``sqlcipher_export``); encrypting or decrypting
in place (``clera-desktop encrypt``/``decrypt``, Settings › Security) goes through
:mod:`models.encryption`: a verified copy first, then the swap.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clera_desktop.core.errors import StoreError
from clera_desktop.core.words import said

MARK = "encryption.json"
PLAIN_HEADER = b"SQLite format 3\x00"
CIPHER = "sqlcipher4"


class EncryptionUnavailable(StoreError):
    default_message = (said("Encryption needs the SQLCipher library (the sqlcipher3-wheels package), which is not "
                       "installed with this copy of Clera Desktop. Nothing was changed."))


class StoreKeyMissing(StoreError):
    default_message = (said("Your Clera data is encrypted, and its key is not in this computer's keyring (or the key file "
                       "is locked). Unlock the saved keys, or restore the keyring the key was kept in; nothing was "
                       "changed."))


class StoreKeyWrong(StoreError):
    default_message = (said("Your Clera data is encrypted, and the key found for it does not open it. Nothing was "
                       "changed; restore the keyring the key was kept in, or a backup made before encryption."))


@dataclass(frozen=True, slots=True)
class Mark:
    """What the data folder says of its store's encryption (nothing secret)."""

    key_name: str

    @staticmethod
    def new() -> Mark:
        return Mark(f"store_key:{uuid.uuid4()}")


def new_key() -> str:
    return secrets.token_hex(32)


def read_mark(folder: Path) -> Mark | None:
    try:
        data = json.loads((folder / MARK).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise StoreError(said("{file} cannot be read, so the store's key cannot be found. Nothing was changed.",
                              file=folder / MARK),
                         detail=str(error)) from error
    return Mark(str(data["key_name"]))


def write_mark(folder: Path, mark: Mark) -> None:
    from clera_desktop.core.files import write_private

    partial = folder / f"{MARK}.partial"
    write_private(partial, json.dumps({"cipher": CIPHER, "key_name": mark.key_name}))
    partial.replace(folder / MARK)


def remove_mark(folder: Path) -> None:
    (folder / MARK).unlink(missing_ok=True)


def is_plain(path: Path) -> bool:
    """The file starts as every unencrypted SQLite file does (an encrypted one is random bytes)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def module() -> Any:
    """SQLCipher's DB-API module (imported when first needed)."""
    try:
        import sqlcipher3.dbapi2 as dbapi
    except ImportError as error:
        raise EncryptionUnavailable(detail=str(error)) from error
    return dbapi


def _raw_key(key: str) -> str:
    """The key as SQLCipher takes a raw key (``x'...'``); anything but 64 hex digits is refused."""
    if not all(c in "0123456789abcdef" for c in key) or len(key) != 64:
        raise StoreKeyWrong(detail="the stored key is not 64 hex digits")
    return f"x'{key}'"


def key_statements(key: str) -> tuple[str, ...]:
    """What a new SQLCipher connection runs first: quiet (its errors are ours to say), then the key."""
    return ("PRAGMA cipher_log_level = NONE", f'PRAGMA key = "{_raw_key(key)}"')


def connect(path: Path, key: str | None, *, mode: str = "") -> sqlite3.Connection:
    """A connection to ``path``, plain (``key`` None) or encrypted; ``mode``: a file URI's query
    (``mode=ro``: it cannot write a byte). Closed by the caller."""
    target = f"{path.resolve().as_uri()}?{mode}" if mode else str(path)
    if key is None:
        return sqlite3.connect(target, uri=bool(mode), check_same_thread=False)
    connection: sqlite3.Connection = module().connect(target, uri=bool(mode), check_same_thread=False)
    for statement in key_statements(key):
        connection.execute(statement)
    return connection


def database_errors(key: str | None) -> tuple[type[Exception], ...]:
    """What a connection's failures are raised as (SQLCipher's module has classes of its own)."""
    return (sqlite3.DatabaseError,) if key is None else (sqlite3.DatabaseError, module().DatabaseError)


def convert(source: Path, target: Path, *, source_key: str | None, target_key: str | None) -> None:
    """A copy of ``source`` at ``target`` (a new file) in the other form, in plain journal mode,
    every schema object, row and the store's application id with it; both closed on return."""
    from clera_desktop.models.engine import APPLICATION_ID  # the engine imports this module

    dbapi = module()
    with closing(dbapi.connect(str(source))) as reading:
        statements = key_statements(source_key) if source_key is not None else ("PRAGMA cipher_log_level = NONE",)
        for statement in statements:
            reading.execute(statement)
        attach_key = _raw_key(target_key) if target_key is not None else ""
        reading.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), attach_key))
        reading.execute("SELECT sqlcipher_export('converted')")
        reading.execute(f"PRAGMA converted.application_id = {APPLICATION_ID}")
        version = reading.execute("PRAGMA user_version").fetchone()[0]
        reading.execute(f"PRAGMA converted.user_version = {int(version)}")
        reading.commit()
        reading.execute("DETACH DATABASE converted")


def table_counts(path: Path, key: str | None) -> dict[str, int]:
    """Rows in each table: what a converted copy must hold as well."""
    with closing(connect(path, key, mode="mode=ro")) as connection:
        names = [n for (n,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        # names read from the file's own schema, quoted: no input of anyone's reaches this statement
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}  # noqa: S608


def opens(path: Path, key: str | None) -> bool:
    """``key`` opens ``path`` and its pages check out (``quick_check``)."""
    try:
        with closing(connect(path, key, mode="mode=ro")) as connection:
            return bool(connection.execute("PRAGMA quick_check").fetchone() == ("ok",))
    except database_errors(key):
        return False

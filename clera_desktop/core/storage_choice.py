"""Where this computer keeps the book: its own file (the default), or a book shared on a PostgreSQL
server, as chosen in Settings › Storage and kept in ``storage.json`` in the data folder.

The file holds the server's address without a password: the password is a secret, kept in the
keyring under :func:`password_name` like the providers' keys, and handed to the server's driver
when the book is opened (models/engine.py asks for it by that name). ``--db`` on the command line
beats the file, for one run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)
FILENAME = "storage.json"
DEFAULT_PORT = 5432


@dataclass(frozen=True, slots=True)
class SharedBookAddress:
    host: str
    port: int
    database: str
    user: str

    @property
    def url(self) -> str:
        """The SQLAlchemy address (no password: the keyring has it)."""
        return f"postgresql+psycopg://{quote(self.user, safe='')}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def shown(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def password_name(user: str, host: str, port: int, database: str) -> str:
    """The keyring entry of a shared book's password."""
    return f"postgres.password:{user}@{host}:{port}/{database}"


def chosen(data_dir: Path) -> SharedBookAddress | None:
    """The shared book this data folder opens (None: its own file; an unreadable choice is logged
    and the folder's own file opened, never a half-read address)."""
    try:
        data = json.loads((data_dir / FILENAME).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("%s cannot be read (%s): opening this computer's own book", data_dir / FILENAME, error)
        return None
    server = data.get("server") if isinstance(data, dict) else None
    if not isinstance(server, dict):
        return None
    try:
        return SharedBookAddress(str(server["host"]), int(server.get("port", DEFAULT_PORT)), str(server["database"]),
                                 str(server["user"]))
    except (KeyError, TypeError, ValueError) as error:
        log.warning("%s names no usable server (%s): opening this computer's own book", data_dir / FILENAME, error)
        return None


def choose(data_dir: Path, address: SharedBookAddress | None) -> None:
    """Keep the choice (None: this computer's own file); written whole, then moved into place."""
    target = data_dir / FILENAME
    if address is None:
        target.unlink(missing_ok=True)
        return
    partial = target.with_name(FILENAME + ".partial")
    partial.write_text(json.dumps({"server": {"host": address.host, "port": address.port, "database": address.database,
                                              "user": address.user}}, indent=2), encoding="utf-8")
    partial.replace(target)

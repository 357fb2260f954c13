"""Backups of a book shared on PostgreSQL: ``pg_dump``'s own archive, beside the local backups.

A server's book is copied by the server's own tool, never by reading its tables through the app:
``pg_dump`` takes one consistent snapshot while others keep writing. Where it is not installed the
person is told so in a sentence, with what to do. The password, if the address has one, goes to
``pg_dump`` in its environment (``PGPASSWORD``), never on its command line, where another user's
process list could read it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from clera_desktop.core.errors import StoreError
from clera_desktop.core.files import private_file, private_folder
from clera_desktop.core.words import said
from clera_desktop.models.backup import FOLDER, KEEP

log = logging.getLogger(__name__)
SUFFIX = ".dump"


def dump_book(url: str, data_dir: Path, *, now: datetime, reason: str = "manual") -> Path:
    """``pg_dump`` of the book at ``url`` into ``data_dir``'s backups folder; the newest KEEP kept."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise StoreError(said("Backing up a shared book needs PostgreSQL's pg_dump, which is not installed on this "
                              "computer: install PostgreSQL's client tools, or ask whoever runs the server to back it "
                              "up. Nothing was changed."))
    address = make_url(url)
    folder = private_folder(data_dir / FOLDER)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{address.database}-{stamp}-{reason}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    environment = dict(os.environ)
    if address.password:
        environment["PGPASSWORD"] = str(address.password)
    plain = address.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    # pg_dump's own path and our own arguments; the address is one argument, never a shell's
    command = [pg_dump, "--format=custom", "--no-owner", f"--file={partial}", f"--dbname={plain}"]
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False, timeout=3600)  # noqa: S603
    if done.returncode:
        partial.unlink(missing_ok=True)
        raise StoreError(said("pg_dump could not back up the shared book (is this computer's pg_dump as new as the "
                              "server?). Nothing was changed."), detail=done.stderr.strip()[-500:])
    partial.replace(target)
    private_file(target)
    for old in sorted(folder.glob(f"{address.database}-*{SUFFIX}"), reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
    log.info("backed up the shared book %s to %s (%s)", address.database, target, reason)
    return target

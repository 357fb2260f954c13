"""The app's files are the person's alone: folders 0700, files 0600 (on POSIX; on Windows the
user's profile folder is private already and these are no-ops).

A brokerage history is as private as a bank statement; another local user should not read the
database, the log or the last screen's figures. :func:`keep_private` sets the process's umask so
every file the app makes is born private, and tightens what an older version left readable.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_POSIX = sys.platform != "win32"


def private_folder(path: Path) -> Path:
    """Make ``path`` (and its missing parents) and make it the user's alone."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if _POSIX and stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    if _POSIX and path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_FILE)
    return path


def open_private(path: Path, *, newline: str | None = None) -> TextIO:
    """``path`` opened for writing text (UTF-8), the person's alone whatever the umask, and made so
    when it existed readable by others (an export over an older file keeps no 0644)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        if _POSIX:
            os.fchmod(descriptor, PRIVATE_FILE)
        return open(descriptor, "w", encoding="utf-8", newline=newline)
    except BaseException:
        os.close(descriptor)
        raise


def write_private(path: Path, text: str, *, newline: str | None = None) -> None:
    """``text`` into ``path``, private (:func:`open_private`)."""
    with open_private(path, newline=newline) as handle:
        handle.write(text)


#: What the app keeps in its data folder (a folder the person chose may hold their own files too:
#: those are never touched).
APP_ENTRIES = ("clera.sqlite", "clera.sqlite-wal", "clera.sqlite-shm", "clera.sqlite.*", "last-screen.json",
               "secrets.cfg", "sync.lock", "sync.lock.json", "window.lock", "window.lock.json", "logs", "backups", "crash.log",
               "clera-desktop.log*", "demo-sandbox.json")


def writable_folder(path: Path) -> bool:
    """Whether files can be made in the existing folder ``path`` (False on a read-only disk or
    share, or a folder of another user's): tried, as permission bits do not say (root, ACLs, a
    read-only mount). A folder that does not exist yet is writable if it can be made."""
    if not path.exists():
        return True
    try:
        with tempfile.TemporaryFile(dir=path):
            return True
    except OSError:
        return False


def keep_private(folders: Iterable[Path]) -> None:
    """From now on this process makes private files (umask 077), and the app's files an older
    version left readable in ``folders`` are made private. A folder is tightened itself only when
    everything in it is the app's. Run at start-up, before the store opens."""
    if not _POSIX:
        return
    os.umask(0o077)
    for folder in folders:
        if not folder.is_dir():
            continue
        entries = list(folder.iterdir())
        ours = [e for e in entries if any(e.match(pattern) for pattern in APP_ENTRIES)]
        if len(ours) == len(entries):
            private_folder(folder)
        for entry in ours:
            if entry.is_symlink():
                continue
            if entry.is_dir():
                private_folder(entry)
                for item in entry.iterdir():
                    if item.is_file() and not item.is_symlink():
                        private_file(item)
            else:
                private_file(entry)

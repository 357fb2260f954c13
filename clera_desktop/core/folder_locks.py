"""The data folder's locks by name, and who holds one: shared by the window, the sync and the
command line (a restore must wait for neither, and say who holds the folder).

The locks are OS file locks that the OS releases when their process dies; beside each, a JSON note
(``<name>.json``) says which process took it. The sync lock waits and is taken from threads, so it is
``filelock``'s. The window lock is only ever tried, once per process, before the first frame:
``WindowLock`` takes the same OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows, as
``filelock`` does) without ``filelock``'s import, which cost 14 ms of a 216 ms first paint.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

WINDOW_LOCK = "window.lock"  # held while a window has the folder open
SYNC_LOCK = "sync.lock"  # held while a sync writes (sync/lock.py)


def note_path(folder: Path, lock_name: str) -> Path:
    return folder / (lock_name + ".json")


def holder(folder: Path, lock_name: str) -> str:
    """Who holds the lock, for a sentence: "process 4242", or "another process" without a note."""
    try:
        pid = json.loads(note_path(folder, lock_name).read_text(encoding="utf-8"))["pid"]
        return f"process {int(pid)}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


#: What a refused non-blocking lock raises; any other error means the file system cannot lock.
_TAKEN = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


class WindowLock:
    """The window's hold on a data folder: tried once, never waited for, released by the OS when the
    process ends (a crash or a kill included), or by ``release``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / WINDOW_LOCK
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """True when this process now holds the folder; False when another one does."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as error:
            if error.errno in _TAKEN:
                os.close(fd)
                return False
            # A file system without locks (some network shares): two windows cannot be told
            # apart there, which is no reason to refuse the only one.
            log.warning("cannot lock %s (%s): one window per folder is not enforced there", self.path, error)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):  # never locked (see try_acquire): closing releases it anyway
                _unlock(fd)
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte, as filelock locks it

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as filelock's UnixFileLock

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

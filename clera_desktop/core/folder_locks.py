"""The data folder's locks by name, and who holds one: shared by the window, the sync and the
command line (a restore must wait for neither, and say who holds the folder).

The locks are OS file locks (``filelock``) that the OS releases when their process dies; beside
each, a JSON note (``<name>.json``) says which process took it.
"""

from __future__ import annotations

import json
from pathlib import Path

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

"""The window's own files are the person's alone, as the store is."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from clera_desktop.ui.single_instance import LOCK_NAME, SingleInstance


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes: Windows profile folders are private")
def test_the_windows_lock_files_are_private(tmp_path: Path, qapp: object) -> None:
    """window.lock and window.lock.json were 0644: made before the app's umask applies."""
    previous = os.umask(0o022)
    only = SingleInstance(tmp_path)
    try:
        assert only.acquire()
    finally:
        os.umask(previous)
    try:
        for name in (LOCK_NAME, LOCK_NAME + ".json"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    finally:
        only._lock.release()

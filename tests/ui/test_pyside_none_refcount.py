"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call.

After a few thousand calls the interpreter aborts with "none_dealloc": a pyqtgraph chart or an
idle qasync loop dies within a minute. pyproject.toml pins 3.11 to the 6.11 line; this test
catches any environment that gets a broken pair anyway.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QTimer

CALLS = 5_000


def test_void_qt_calls_do_not_lose_references_to_none() -> None:
    probe = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    for n in range(CALLS):
        probe.setObjectName("probe")  # returns None from C++
        timer.setInterval(n % 100 + 1)  # returns None from C++
        probe.setProperty("n", n)  # returns bool
    after = sys.getrefcount(None)
    assert after >= before, f"None lost {before - after} references in {CALLS} void Qt calls"


def test_the_installed_pair_is_not_the_known_broken_one() -> None:
    major_minor = tuple(int(part) for part in pyside_version.split(".")[:2])
    if sys.version_info < (3, 12):
        assert major_minor < (6, 12), f"PySide6 {pyside_version} is broken on Python 3.11"

"""A crash that can write no log record still leaves its traceback in the log folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CRASHING_CHILD = """
import ctypes, sys, threading
from pathlib import Path
from clera_desktop.core.logging_setup import record_crashes

record_crashes(Path(sys.argv[1]), started="2027-03-14T12:00:00-04:00")

def paint_the_window():
    ctypes.string_at(0)  # what a Qt segfault looks like to Python: a read through a null pointer

worker = threading.Thread(target=paint_the_window, name="gui")
worker.start()
worker.join()
"""


def test_a_segfault_leaves_every_threads_traceback_in_crash_log(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    result = subprocess.run([sys.executable, "-c", CRASHING_CHILD, str(logs)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode != 0, "the child should have crashed"
    text = (logs / "crash.log").read_text("utf-8")
    assert "started 2027-03-14T12:00:00-04:00" in text
    assert "Fatal Python error" in text and "paint_the_window" in text


def test_the_cli_records_crashes_in_its_log_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(data), "export", "accounts"], capture_output=True,
                   timeout=120, check=True)
    assert "--- process" in (data / "logs" / "crash.log").read_text("utf-8")

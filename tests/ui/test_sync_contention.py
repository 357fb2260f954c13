"""Two processes on one data folder: the window syncing while the command line syncs, and the other way round."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import demo_window, wait_for

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def slow_window(qtbot: Any, tmp_path: Path, loop: Any, run: Callable[[Awaitable[Any]], Any]) -> Iterator[MainWindow]:
    """The demo window whose sandbox answers every request 0.25 s late: its sync takes seconds."""
    with demo_window(qtbot, tmp_path / "data", run, ["--fault", "*=slow:0.25"]) as main:
        yield main


@pytest.mark.slow
def test_the_command_line_waits_for_the_windows_sync_then_syncs(slow_window: MainWindow,
                                                               run: Callable[[Awaitable[Any]], Any]) -> None:
    data = slow_window.services.settings.data_dir
    task = slow_window.refresh()
    run(wait_for(lambda: (data / "sync.lock.json").exists()))
    command = [sys.executable, "-m", "clera_desktop", "sync", "--demo", "--data-dir", str(data)]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    run(task)
    _out, err = child.communicate(timeout=300)
    assert child.returncode == 0 and "Traceback" not in err, err[-3000:]
    assert f"Another Clera Desktop (process {os.getpid()}) has been syncing this data since" in err
    assert slow_window.sync_label.text() == "Up to date"
    with sqlite3.connect(data / "clera.sqlite") as raw:
        duplicates = raw.execute("SELECT count(*) FROM (SELECT account_id, provider_activity_id FROM activities "
                                 "GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0]
        assert duplicates == 0
        assert {s for (s,) in raw.execute("SELECT status FROM sync_runs")} == {"succeeded"}


def test_the_window_says_who_is_syncing_when_another_process_is(window: MainWindow,
                                                                run: Callable[[Awaitable[Any]], Any]) -> None:
    import filelock

    folder = window.services.settings.data_dir
    held, release = threading.Event(), threading.Event()

    def other_process() -> None:  # a FileLock singleton is per process: a thread with its own handle stands in
        with filelock.FileLock(folder / "sync.lock", thread_local=False, is_singleton=False):
            (folder / "sync.lock.json").write_text('{"pid": 4242, "since": "2027-03-14T10:42:00-04:00"}')
            held.set()
            release.wait(30)

    thread = threading.Thread(target=other_process)
    thread.start()
    try:
        assert held.wait(10)
        run(window.sync_now())
    finally:
        release.set()
        thread.join()
    assert window.sync_label.text() == "Sync did not finish"
    assert "Another Clera Desktop (process 4242)" in window.error_button.text()
    assert window.refresh_action.isEnabled(), "the person can try again"

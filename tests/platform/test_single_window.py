"""Two launches on one data folder leave one window: the second brings the first forward and ends."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.window
def test_a_second_launch_on_one_folder_brings_the_first_forward_and_ends(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "clera_desktop", "--data-dir", str(data)]
    first = subprocess.Popen([*command, "--quit-after", "60"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        log = data / "logs" / "clera-desktop.log"
        while not (log.exists() and "data folder" in log.read_text(encoding="utf-8", errors="replace")):
            assert first.poll() is None and time.monotonic() < deadline, "the first window did not start"
            time.sleep(0.2)
        started = time.monotonic()
        second = subprocess.run([*command, "--quit-after", "60"], cwd=REPO, env=env, capture_output=True, text=True,
                                timeout=60, check=False)
        assert time.monotonic() - started < 20, "the second launch ended at once rather than running a window"
        assert second.returncode == 0
        assert f"already open for {data} (process {first.pid})" in second.stderr
        assert "brought to the front" in second.stderr
        deadline = time.monotonic() + 10
        while "asked this window to come to the front" not in log.read_text(encoding="utf-8", errors="replace"):
            assert time.monotonic() < deadline, "the first window never heard the second"
            time.sleep(0.2)
        assert first.poll() is None, "the first window is still open"
        other = subprocess.run([*command[:-1], str(tmp_path / "other"), "--quit-after", "2"], cwd=REPO, env=env,
                               capture_output=True, text=True, timeout=60, check=False)
        assert other.returncode == 0 and "already open" not in other.stderr, "another folder is another window"
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_the_window_lock_is_one_holder_at_a_time_and_free_once_released(tmp_path: Path) -> None:
    from filelock import FileLock, Timeout

    from clera_desktop.core.folder_locks import WINDOW_LOCK, WindowLock

    first, second = WindowLock(tmp_path), WindowLock(tmp_path)
    assert first.try_acquire() and first.held
    assert not second.try_acquire() and not second.held, "the OS lock is per open file, so this process is refused too"
    with pytest.raises(Timeout):  # the same OS lock filelock takes: older versions' checks agree
        FileLock(tmp_path / WINDOW_LOCK, thread_local=False, is_singleton=False).acquire(timeout=0)
    first.release()
    assert not first.held and second.try_acquire(), "released, the next window takes it"
    second.release()

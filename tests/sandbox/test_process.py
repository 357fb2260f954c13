"""The demo's sandbox child process ends with the app, even when the app dies without cleaning up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clera_desktop.sandbox.process import SandboxProcess

ROOT = Path(__file__).resolve().parents[2]
CRASHING_APP = """
import os, sys
from clera_desktop.sandbox.process import SandboxProcess
sandbox = SandboxProcess()
print(sandbox._process.pid, flush=True)
sys.stdin.readline()
os._exit(1)  # a crash: no atexit, no stop()
"""


def _alive(pid: int) -> bool:
    """Running (the sandbox is the app's child, not ours: asked of the system, zombies count as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


@pytest.mark.skipif(sys.platform == "win32", reason="checks the process by pid with POSIX calls")
def test_the_sandbox_stops_when_the_app_that_started_it_crashes() -> None:
    app = subprocess.Popen([sys.executable, "-c", CRASHING_APP], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True, cwd=ROOT)
    assert app.stdout is not None and app.stdin is not None
    child = int(app.stdout.readline())
    assert _alive(child), "serving while the app runs"
    app.stdin.write("crash\n")
    app.stdin.flush()
    assert app.wait(timeout=10) == 1
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "an orphaned sandbox would serve and stream forever"


def test_a_stopped_sandbox_process_is_gone() -> None:
    sandbox = SandboxProcess()
    assert sandbox.info["snaptrade"]["base_url"].startswith("http://127.0.0.1:")
    sandbox.stop()
    assert sandbox._process.poll() is not None

"""The demo's throwaway folder goes when the demo ends, a termination included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="Windows ends a process without a signal it can catch")
def test_a_terminated_demo_removes_its_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    environment = {**os.environ, "TMPDIR": str(scratch), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("CLERA_DATA_DIR", None)
    demo = subprocess.Popen([sys.executable, "-m", "clera_desktop", "sync", "--demo"], env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not any(p.name.startswith("clera-demo-") and (p / "clera.sqlite").exists() for p in scratch.iterdir()):
            assert time.monotonic() < deadline and demo.poll() is None, "the demo made no store"
            time.sleep(0.05)
        demo.send_signal(signal.SIGTERM)
        assert demo.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if demo.poll() is None:
            demo.kill()
    assert [p.name for p in scratch.iterdir() if p.name.startswith("clera-demo-")] == []

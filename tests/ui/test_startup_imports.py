"""Start-up stays fast by design: the first frame needs only Qt and light modules, and the
embedded browser loads only when a portal opens. A module that creeps in shows up here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import io, json, sys
imported = []

class Recorder:  # sees every import, in order, and finds nothing itself
    def find_spec(self, name, path=None, target=None):
        imported.append(name)

sys.meta_path.insert(0, Recorder())
marks = {}

class Marking(io.TextIOBase):  # notes how far imports had got when each line is printed
    def write(self, text):
        if text.strip():
            marks[text.strip()] = len(imported)
        if text.strip() == "ready":  # the store's figures are shown: done
            from PySide6.QtWidgets import QApplication
            QApplication.instance().quit()
        return len(text)

sys.stdout = Marking()
sys.argv = ["clera-desktop", "--data-dir", sys.argv[1], "--report-startup", "--quit-after", "90"]
from clera_desktop.__main__ import main
main()
sys.__stdout__.write(json.dumps({"before_paint": imported[:marks["painted"]], "all": imported,
                                 "ready": "ready" in marks}))
"""

HEAVY = ("asyncio", "qasync", "sqlalchemy", "alembic", "keyring", "numpy", "pyqtgraph", "snaptrade_client",
         "plaid", "alpaca", "aiohttp", "clera_desktop.services", "clera_desktop.models.engine",
         "filelock", "hashlib")  # the last two: 17 ms of a 216 ms first paint (core/folder_locks.WindowLock)


def test_the_first_frame_loads_no_data_stack_and_no_browser(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data")], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout)
    assert seen["ready"], "the window showed the store's figures"
    names = {m if m.startswith("clera_desktop") else m.split(".")[0] for m in seen["before_paint"]}
    early = sorted(names & set(HEAVY))
    assert early == [], f"imported before the first frame: {early}"
    assert "clera_desktop.services" in seen["all"]  # the data stack did load, after it
    assert not [m for m in seen["all"] if "QtWebEngine" in m], "the browser waits for a portal to open"

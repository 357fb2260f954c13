"""Start-up time: a shown, populated Clera Desktop main window beside a bare PySide6 QMainWindow.

    .venv/bin/python bench/startup_bench.py [--runs 5]

Each measurement is a fresh process, timed from launch to the first painted frame (for the app:
with the accounts and holdings of a synced demo database rendered). Offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab()
print("ready", flush=True)
"""

APP = """
import asyncio, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, Qt
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from PySide6.QtWidgets import QApplication
import qasync
from clera_desktop.app import build_context
from clera_desktop.core.settings import load_settings
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.palette import apply_system_palette
app = QApplication(sys.argv)
apply_system_palette(app)
loop = qasync.QEventLoop(app); asyncio.set_event_loop(loop)
context = build_context(load_settings(data_dir=Path(sys.argv[1])))
window = MainWindow(context); window.show()
with loop:
    loop.run_until_complete(window.reload())
app.processEvents()
assert window.accounts_view.model.accounts(), "the window is populated"
window.grab()
print("ready", flush=True)
context.close()
"""


def _time(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    assert line.strip() == "ready", line
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="clera-startup-"))
    subprocess.run([sys.executable, "-m", "clera_desktop", "sync", "--demo", "--data-dir", str(data)],
                   check=True, capture_output=True, cwd=ROOT)
    _time(BARE), _time(APP, str(data))  # warm the OS file cache for both
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine
        bare.append(_time(BARE))
        app.append(_time(APP, str(data)))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"{'':40}{'median s':>10}{'min s':>10}")
    print(f"{'bare PySide6 QMainWindow, shown':40}{b:>10.3f}{min(bare):>10.3f}")
    print(f"{'Clera Desktop, shown and populated':40}{a:>10.3f}{min(app):>10.3f}")
    print(f"ratio: {a / b:.2f}x the bare window (goal <= 2x), {args.runs} runs each, offscreen")


if __name__ == "__main__":
    main()

"""Start-up time: a shown, populated Clera Desktop main window beside a bare PySide6 QMainWindow.

    .venv/bin/python bench/startup_bench.py [--runs 5]

Each measurement is a fresh process, timed from launch to the first painted frame. For the app
that frame shows the accounts of the last session (what the window saved when it last read the
store), as the app starts; the time until the same window shows the figures read from the store
is printed too. The demo database is synced first. Offscreen platform.
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
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, Qt
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from PySide6.QtWidgets import QApplication
from clera_desktop.core.settings import load_settings
from clera_desktop.ui.first_paint import load
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.palette import apply_system_palette
app = QApplication(sys.argv)
apply_system_palette(app)
settings = load_settings(data_dir=Path(sys.argv[1]))
cached = load(settings.data_dir)
window = MainWindow(settings=settings, first_paint=cached); window.show()
if cached:  # every start after the first: the last session's accounts, painted at once
    app.processEvents()
    assert window.accounts_view.model.accounts(), "the window is populated"
    window.grab()
    print("ready", flush=True)
# then, as run_gui does: the event loop, the data stack behind the window, the store's figures
import asyncio
import qasync
loop = qasync.QEventLoop(app); asyncio.set_event_loop(loop)
from clera_desktop.app import build_context_and_views
async def open_data():
    context = await asyncio.to_thread(build_context_and_views, settings)
    window.attach(context)
    await window.reload()
    return context
with loop:
    context = loop.run_until_complete(open_data())
app.processEvents()
assert window.accounts_view.model.accounts(), "the window is populated"
window.grab()
if not cached:
    print("ready", flush=True)
print("live", flush=True)
context.close()
"""


def _time(code: str, *args: str) -> tuple[float, float]:
    """Seconds to the first populated paint, and to the figures read live from the store."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    ready = time.perf_counter() - started
    assert line.strip() == "ready", line
    second = process.stdout.readline()
    live = time.perf_counter() - started if second.strip() == "live" else ready
    process.wait(timeout=60)
    return ready, live


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="clera-startup-"))
    subprocess.run([sys.executable, "-m", "clera_desktop", "sync", "--demo", "--data-dir", str(data)],
                   check=True, capture_output=True, cwd=ROOT)
    first_start = _time(APP, str(data))  # no last screen yet: populated only from the store
    _time(BARE)  # warm the OS file cache for both
    bare, app, live = [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine
        bare.append(_time(BARE)[0])
        ready, from_store = _time(APP, str(data))
        app.append(ready)
        live.append(from_store)
    b, a, s = statistics.median(bare), statistics.median(app), statistics.median(live)
    print(f"{'':52}{'median s':>10}{'min s':>10}")
    print(f"{'bare PySide6 QMainWindow, shown':52}{b:>10.3f}{min(bare):>10.3f}")
    print(f"{'Clera Desktop, shown and populated (last screen)':52}{a:>10.3f}{min(app):>10.3f}")
    print(f"{'Clera Desktop, figures read live from the store':52}{s:>10.3f}{min(live):>10.3f}")
    print(f"ratio: {a / b:.2f}x the bare window (goal <= 2x), {args.runs} runs each, offscreen")
    print(f"a first start (nothing cached yet) is populated from the store in {first_start[0]:.3f} s")


if __name__ == "__main__":
    main()

"""Start-up time: the real ``clera-desktop`` to its first painted, populated window, beside a bare
PySide6 QMainWindow shown in the same run.

    .venv/bin/python bench/startup_bench.py [--runs 9]

Each measurement is a fresh process, timed from launch to the line it prints once its first frame
is painted (``show()`` then ``processEvents()``: the expose event is handled and every widget
paints into the window's backing store; tests/ui/test_first_paint.py checks that it does). The
app is the installed entry point itself with ``--report-startup``, which also prints a line once
the figures read from the store are shown. Its first frame shows the accounts the window saved
when it last read the store, as every start after the first does. The demo database is synced
first. Offscreen platform; runs interleaved so both see the same machine.

The package's bytecode is compiled first, as any install has it (pip compiles what it installs;
Python writes the caches of an editable install on first run). Without this, a machine that sets
PYTHONDONTWRITEBYTECODE, as this one does, would compile the app's modules on every start while
the bare window's PySide6 modules load from the bytecode pip wrote.
"""

from __future__ import annotations

import argparse
import compileall
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
print("painted", flush=True)
"""


def _app_command(data: Path) -> list[str]:
    script = Path(sys.executable).with_name("clera-desktop")  # the console script people run
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "clera_desktop"]
    return [*entry, "--data-dir", str(data), "--report-startup"]


def _time(command: list[str], *, until_ready: bool) -> tuple[float, float, float]:
    """Seconds to the first painted frame, to the store's figures in the view on screen, and to
    every view's read."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=env, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    painted = time.perf_counter() - started
    assert line.strip() == "painted", line
    shown = ready = painted
    if until_ready:
        line = process.stdout.readline()
        shown = time.perf_counter() - started
        assert line.strip() == "shown", line
        line = process.stdout.readline()
        ready = time.perf_counter() - started
        assert line.strip() == "ready", line
        process.terminate()
    process.wait(timeout=60)
    return painted, shown, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="clera-startup-"))
    compileall.compile_dir(ROOT / "clera_desktop", quiet=1)
    subprocess.run([sys.executable, "-m", "clera_desktop", "sync", "--demo", "--data-dir", str(data)],
                   check=True, capture_output=True, cwd=ROOT)
    bare_command = [sys.executable, "-c", BARE]
    app_command = _app_command(data)
    first_start = _time(app_command, until_ready=True)  # nothing saved yet: populated from the store
    _time(bare_command, until_ready=False)  # warm the OS file cache for both
    bare, app, shown, ready = [], [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine
        bare.append(_time(bare_command, until_ready=False)[0])
        painted, on_screen, every = _time(app_command, until_ready=True)
        app.append(painted)
        shown.append(on_screen)
        ready.append(every)
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"{'':56}{'median s':>10}{'min s':>10}")
    print(f"{'bare PySide6 QMainWindow, painted':56}{b:>10.3f}{min(bare):>10.3f}")
    print(f"{'clera-desktop, painted with the last session accounts':56}{a:>10.3f}{min(app):>10.3f}")
    print(f"{'clera-desktop, the store figures of the view on screen':56}{statistics.median(shown):>10.3f}"
          f"{min(shown):>10.3f}")
    print(f"{'clera-desktop, every view read from the store':56}{r:>10.3f}{min(ready):>10.3f}")
    print(f"ratio: {a / b:.2f}x the bare window (goal <= 2x), {args.runs} runs each, offscreen")
    print(f"a first start (nothing saved yet) paints in {first_start[0]:.3f} s, shows the store's figures "
          f"in {first_start[1]:.3f} s, has read every view in {first_start[2]:.3f} s")


if __name__ == "__main__":
    main()

"""How long the window stalls while a full sync of the demo world runs against a slow sandbox.

    .venv/bin/python bench/loop_stall_bench.py [--runs 4] [--busy 2]

Each run is a fresh process: the real window (offscreen) on the app's event loop, the in-process
sandbox answering every request 150 ms late, a full sync, and a 10 ms timer on the GUI loop; the
largest gap between its ticks is the stall a person would feel. Side by side, interleaved:
- baseline: the same run on CPython's default GIL switch interval (5 ms);
- the app: the switch interval its event loop sets (``clera_desktop.ui.event_loop``).
``--busy N`` keeps N other processes spinning meanwhile, as on a shared CI machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SWITCH_INTERVAL = 0.005


def one_run(switch_interval: float | None) -> dict[str, float]:
    """In this process: the window, a slow full sync, the gaps between timer ticks."""
    import asyncio
    import gc
    import tempfile

    import keyring
    from PySide6.QtWidgets import QApplication

    from clera_desktop.app import build_context
    from clera_desktop.core.settings import load_settings
    from clera_desktop.ui.event_loop import create_event_loop
    from clera_desktop.ui.main_window import MainWindow
    from tests.conftest import MemoryKeyring
    from tests.ui.loop_gaps import LoopGaps

    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication([])
    loop = create_event_loop(app)
    if switch_interval is not None:
        sys.setswitchinterval(switch_interval)
    asyncio.set_event_loop(loop)
    settings = load_settings(data_dir=Path(tempfile.mkdtemp(prefix="clera-stall-")), environ={}, demo=True)
    context = build_context(settings, sandbox_args=["--fault", "*=slow:0.15"])
    window = MainWindow(context.services)
    window.resize(1280, 800)
    window.show()
    ticks = LoopGaps()
    try:
        loop.run_until_complete(window.reload())
        gc.collect()
        ticks.start()
        started = time.perf_counter()
        loop.run_until_complete(window.sync_now())
        elapsed = time.perf_counter() - started
        ticks.stop()
    finally:
        window.close()
        context.close()
    gaps = sorted(ticks.gaps)
    return {"largest": gaps[-1], "p99": gaps[int(len(gaps) * 0.99)], "sync": elapsed,
            "switch": sys.getswitchinterval()}


def spawn(switch_interval: float | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child"]
    if switch_interval is not None:
        command += ["--switch-interval", str(switch_interval)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def busy_processes(count: int) -> list[subprocess.Popen[bytes]]:
    spin = "import time\nwhile True: sum(range(10000))"
    return [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--busy", type=int, default=0, help="processes spinning meanwhile")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--switch-interval", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.switch_interval)))
        return

    hogs = busy_processes(args.busy)
    results: dict[str, list[dict[str, float]]] = {"baseline": [], "app": []}
    try:
        for _ in range(args.runs):
            results["baseline"].append(spawn(DEFAULT_SWITCH_INTERVAL))
            results["app"].append(spawn(None))
    finally:
        for hog in hogs:
            hog.kill()
    print(f"slow full sync of the demo world, {args.runs} runs each, {args.busy} busy processes beside, "
          f"{os.cpu_count()} CPUs")
    print(f"{'':34} {'switch ms':>9} {'largest gap ms (each run)':>34} {'median':>7} {'p99 ms':>7} {'sync s':>7}")
    for name, label in (("baseline", "baseline: default switch interval"), ("app", "app's event loop")):
        runs = results[name]
        largest = [r["largest"] * 1000 for r in runs]
        print(f"{label:34} {runs[0]['switch'] * 1000:9.1f} {' '.join(f'{g:5.0f}' for g in largest):>34} "
              f"{statistics.median(largest):7.0f} {statistics.median(r['p99'] * 1000 for r in runs):7.0f} "
              f"{statistics.median(r['sync'] for r in runs):7.2f}")
    base = statistics.median(r["largest"] for r in results["baseline"])
    app = statistics.median(r["largest"] for r in results["app"])
    print(f"largest stall, median: app {app * 1000:.0f} ms vs baseline {base * 1000:.0f} ms = {app / base:.2f}x (goal < 100 ms)")


if __name__ == "__main__":
    main()

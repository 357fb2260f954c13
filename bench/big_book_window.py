"""The window on a big book, offscreen, in a process of its own: bench/big_book.py runs it.

    .venv/bin/python bench/big_book_window.py DATA_DIR AS_OF ONE_MORE_CSV

Opens the real main window on ``DATA_DIR`` (no sandbox, no keyring: a book imported from files),
then times, each on the app's own event loop:

- each of Performance, Holdings, Gains, Income and Allocation opened for the first time, then
  opened again after another view (a second open that re-reads nothing);
- one more activity imported through the import service, until every view that shows it has
  redrawn (the visible one at once, the others when next shown: each is shown and awaited);
- closing the window.

Prints one JSON object of seconds.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402 - after the platform is chosen

from clera_desktop.app import build_context  # noqa: E402
from clera_desktop.core.clock import FixedClock  # noqa: E402
from clera_desktop.core.settings import load_settings  # noqa: E402
from clera_desktop.imports.dispatch import ImportKind  # noqa: E402
from clera_desktop.ui.event_loop import create_event_loop  # noqa: E402
from clera_desktop.ui.main_window import MainWindow  # noqa: E402

VIEWS = ("performance", "holdings", "gains", "income", "allocation")


async def _open(main: MainWindow, key: str) -> float:
    started = time.perf_counter()
    main.show_view(main.views[key])
    await main.settled()
    return time.perf_counter() - started


async def _measure(main: MainWindow, one_more: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    await main.settled()  # the accounts view, first shown
    for key in VIEWS:  # each view's whole read, then shown: its first open
        started = time.perf_counter()
        await main.refreshers[key].load_now()
        main.show_view(main.views[key])
        await main.settled()
        figures[f"open {key}"] = time.perf_counter() - started
    for key in VIEWS:
        await _open(main, "accounts")
        figures[f"open {key} again"] = await _open(main, key)
    await _open(main, "performance")
    started = time.perf_counter()
    imports = main._services.imports
    preview = await imports.preview(ImportKind.ACTIVITIES, one_more.read_bytes())
    await imports.apply(preview, source=one_more.name)
    figures["one more activity: imported"] = time.perf_counter() - started
    await main.settled()
    figures["... the visible view redrawn"] = time.perf_counter() - started
    for key in (*VIEWS, "accounts"):  # every other view that shows it, each redrawn when shown
        figures[f"... then {key} shown"] = await _open(main, key)
    figures["... every view redrawn"] = time.perf_counter() - started
    return figures


def main() -> None:
    data, as_of, one_more = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([])
    loop = create_event_loop(app)
    asyncio.set_event_loop(loop)
    settings = load_settings(data_dir=data, environ={}, clock=FixedClock.on(as_of))
    context = build_context(settings)
    window = MainWindow(context.services)
    window.resize(1600, 1000)
    window.show()
    figures = loop.run_until_complete(_measure(window, one_more))
    started = time.perf_counter()
    window.close()
    app.processEvents()
    figures["close the window"] = time.perf_counter() - started
    context.close()
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()

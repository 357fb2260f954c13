"""The asyncio loop the window runs on: qasync, with the GUI thread first in line for the GIL.

Sync, the network pool, the database writer and (in demo mode) the sandbox run Python on worker
threads. A thread that wants the GIL waits for the holder to drop it, which CPython asks for only
after the switch interval (5 ms by default), and with several threads waiting the GUI thread can
lose a few rounds in a row. During a slow sync on this 2-core machine with two busy processes
beside it, the largest stall was 68-139 ms at 5 ms and 45-81 ms at 1 ms (bench/loop_stall_bench.py),
and the sync took no longer (bench/sync_bench.py).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import qasync
    from PySide6.QtWidgets import QApplication

GUI_SWITCH_INTERVAL = 0.001  # seconds a worker thread may keep the GIL while the GUI thread waits


def create_event_loop(app: QApplication, *, collect_garbage: bool = True) -> qasync.QEventLoop:
    """A qasync loop on ``app``, with the interpreter tuned for a responsive GUI thread and, unless
    the caller starts it later (start-up runs without collections), garbage collected on the GUI
    thread only (see ``ui/garbage.py``)."""
    import qasync

    from clera_desktop.ui.garbage import collect_garbage_on_gui_thread

    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    if collect_garbage:
        collect_garbage_on_gui_thread(app)
    return qasync.QEventLoop(app, already_running=False)

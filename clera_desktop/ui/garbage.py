"""Python's cyclic garbage collection, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate past a threshold. When that is a
worker thread (sync, the network pool, the database writer) and the garbage holds a Qt object, the
object is destroyed on the worker thread. Its timers cannot be unregistered from there, and the GUI
thread's next timer dispatch touches freed memory: a segfault in ``QTimerInfoList::activateTimers``,
seen in the test suite once a finished window's event loop became garbage mid-sync. So automatic
collection is switched off and the GUI thread collects on a short timer, by CPython's own
thresholds (the approach pyqtgraph ships as ``GarbageCollector``; importing pyqtgraph at start-up
would cost more than these lines).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QTimer

CHECK_INTERVAL_MS = 100  # short, so each collection finds few young objects (no felt pause)
FULL_COLLECTION_EVERY_S = 30.0  # CPython also spaces full collections (by heap growth)

_collector: GuiThreadCollector | None = None


class GuiThreadCollector:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self._thresholds = gc.get_threshold()
        self._last_full = time.monotonic()
        self._timer = QTimer(app)  # owned by the application: it lives and dies on the GUI thread
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self.collections = [0, 0, 0]

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect what CPython would have collected by now: gen 0 past its threshold, gen 1 every
        ``threshold[1]`` gen-0 collections, gen 2 every ``threshold[2]`` gen-1 ones (spaced)."""
        young, first, second = gc.get_count()
        if young <= self._thresholds[0]:
            return
        generation = 0
        if first >= self._thresholds[1]:
            generation = 1
            if second >= self._thresholds[2] and time.monotonic() - self._last_full >= FULL_COLLECTION_EVERY_S:
                generation = 2
                self._last_full = time.monotonic()
        gc.collect(generation)
        self.collections[generation] += 1


def collect_garbage_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Switch to GUI-thread collection (once per application; later calls return the same)."""
    global _collector
    if _collector is None or _collector.app is not app:
        _collector = GuiThreadCollector(app)
    _collector.start()
    return _collector

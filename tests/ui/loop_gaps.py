"""The stall a person would feel: gaps between the ticks of a 10 ms timer on the GUI loop."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class LoopGaps:
    """Start before the work, stop after it; ``gaps`` holds the seconds between ticks."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

"""An intraday value line: one point per second (the newest point follows every update).

Floats for drawing only (numpy, growing by doubling, views without copies); the exact Decimal
of every point is kept beside them, so a crosshair reading shows the real figure.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np


class SeriesBuffer:
    def __init__(self, capacity: int = 4096, resolution: float = 1.0) -> None:
        self._times = np.empty(capacity, dtype=np.float64)
        self._values = np.empty(capacity, dtype=np.float64)
        self._size = 0
        self._last_bucket = -1.0
        self._exact: list[Decimal] = []
        self.resolution = resolution

    def __len__(self) -> int:
        return self._size

    def add(self, at: float, exact: Decimal) -> None:
        """Append, or move the newest point when it falls in the same second."""
        value = float(exact)
        bucket = at // self.resolution
        if self._size and bucket == self._last_bucket:
            self._times[self._size - 1], self._values[self._size - 1] = at, value
            self._exact[-1] = exact
            return
        self._last_bucket = bucket
        if self._size == len(self._times):
            self._times = np.concatenate([self._times, np.empty_like(self._times)])
            self._values = np.concatenate([self._values, np.empty_like(self._values)])
        self._times[self._size], self._values[self._size] = at, value
        self._exact.append(exact)
        self._size += 1

    def exact(self, index: int) -> Decimal:
        return self._exact[index]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return self._times[: self._size], self._values[: self._size]

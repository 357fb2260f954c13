"""Reads kept until a change makes them stale: what a view opened again shows at once.

A read still under way when a stale-making change is announced is returned to its caller but not
kept, so the next call reads again (never a figure from before the change kept after it)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

from clera_desktop.core.changes import Change, ChangeBus, Changes

V = TypeVar("V")

KEPT_AT_MOST = 8  # a few accounts' or groups' reads; the oldest goes first


class Kept(Generic[V]):
    def __init__(self, bus: ChangeBus, stale: Change) -> None:
        self._stale = stale
        self._values: dict[Hashable, V] = {}
        self._generation = 0
        bus.subscribe(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self._stale):
            self._values.clear()
            self._generation += 1

    async def get(self, key: Hashable, read: Callable[[], Awaitable[V]]) -> V:
        if key in self._values:
            return self._values[key]
        generation = self._generation
        value = await read()
        if generation == self._generation:
            if len(self._values) >= KEPT_AT_MOST:
                del self._values[next(iter(self._values))]
            self._values[key] = value
        return value

"""A change made on one computer reaches the other's views; the server going away is said, and what
was missed is read again when it is back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from sqlalchemy import text

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.errors import StoreAway
from clera_desktop.models.engine import Database
from clera_desktop.services.shared_changes import AWAY, BACK, FROM_ELSEWHERE, SharedChanges
from tests.postgres import ThrowawayServer, find_binaries


async def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        await asyncio.sleep(0.05)


def test_what_one_computer_changes_is_announced_on_the_other(empty_postgres: str) -> None:
    laptop, desktop = Database(empty_postgres), Database(empty_postgres)
    laptop_bus, desktop_bus = ChangeBus(), ChangeBus()
    heard: dict[str, list[Changes]] = {"laptop": [], "desktop": []}
    laptop_bus.subscribe(heard["laptop"].append)
    desktop_bus.subscribe(heard["desktop"].append)
    bridges = [SharedChanges(laptop, laptop_bus), SharedChanges(desktop, desktop_bus)]

    async def scene() -> None:
        for bridge in bridges:
            bridge.start()
        await asyncio.sleep(0.5)  # both listening
        laptop_bus.announce(Changes(Change.SETTINGS))  # a person's own: stays on their computer
        laptop_bus.announce(Changes(Change.POSITIONS | Change.ACCOUNTS, frozenset({"snaptrade_a"}), "Synced."))
        await until(lambda: bool(heard["desktop"]))
        await asyncio.sleep(0.5)  # and nothing more arrives: no echo, no settings

    try:
        asyncio.run(scene())
    finally:
        for bridge in bridges:
            bridge.stop()
        laptop.close()
        desktop.close()
    assert [(c.what, c.accounts, c.item) for c in heard["desktop"]] == [
        (Change.POSITIONS | Change.ACCOUNTS, frozenset({"snaptrade_a"}), FROM_ELSEWHERE)]
    assert [c.item for c in heard["laptop"]] == [None, None]  # its own two, never its echo


def test_the_server_away_is_said_and_what_was_missed_is_read_again(tmp_path: object) -> None:
    binaries = find_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed")
    server = ThrowawayServer(binaries).start()
    said: list[tuple[bool, str]] = []
    bus = ChangeBus()
    announced: list[Changes] = []
    bus.subscribe(announced.append)
    try:
        database = Database(server.create_database())
        bridge = SharedChanges(database, bus, on_reachable=lambda reachable, sentence: said.append((reachable, sentence)))

        async def scene() -> None:
            bridge.start()
            await until(lambda: bridge._listener.reachable is True)
            server.pause()
            await until(lambda: said == [(False, AWAY)])
            with pytest.raises(StoreAway, match="cannot be reached, so nothing was saved"):
                database.write_sync(lambda s: s.execute(text("SELECT 1")))
            server.resume()
            await until(lambda: said == [(False, AWAY), (True, BACK)])
            await until(lambda: bool(announced))

        try:
            asyncio.run(scene())
        finally:
            bridge.stop()
            database.close()
    finally:
        server.stop()
    assert announced[-1].item == FROM_ELSEWHERE and announced[-1].what & Change.POSITIONS

"""Two machines, one shared book on PostgreSQL: each its own data folder and keyring, one server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from clera_desktop.core.errors import SyncBusy
from clera_desktop.models.engine import Database
from clera_desktop.models.tables import Order
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.store.valuation import account_values
from clera_desktop.sync.lock import SyncLock
from clera_desktop.trading.order_store import AlreadyPlaced
from clera_desktop.trading.service import TradingService
from tests.clock import TEST_CLOCK
from tests.trading.conftest import make_trading

TABLES = ("connections", "accounts", "balances", "positions", "activities", "orders", "daily_prices", "fx_rates")


def counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "clera_desktop", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUTF8": "1"})


def test_two_machines_syncing_at_once_write_every_row_once(empty_postgres: str, tmp_path: Path) -> None:
    Database(empty_postgres).close()  # the book's schema, as its owner's first open makes it
    first = cli("sync", "--demo", "--data-dir", str(tmp_path / "laptop"), "--db", empty_postgres)
    second = cli("sync", "--demo", "--data-dir", str(tmp_path / "desktop"), "--db", empty_postgres)
    said = [p.communicate(timeout=240)[0] for p in (first, second)]
    # both finish; when they overlapped (nearly always) one waited for the other at the server's lock
    # (test_a_sync_on_another_machine_is_named... holds that lock to account), never both writing at once
    assert [first.returncode, second.returncode] == [0, 0], said
    shared = Database(empty_postgres)
    alone = Database(f"sqlite:///{tmp_path / 'alone' / 'clera.sqlite'}")
    try:
        single = cli("sync", "--demo", "--data-dir", str(tmp_path / "alone"))
        assert single.wait(timeout=240) == 0
        assert counts(shared) == counts(alone)  # the same world synced once, twice at once: the same rows
        base = "USD"
        on_server = shared.read_sync(lambda s: [(v.name, v.total, v.total_base) for v in account_values(s, base)])
        on_file = alone.read_sync(lambda s: [(v.name, v.total, v.total_base) for v in account_values(s, base)])
        assert on_server == on_file  # both windows show the same totals
    finally:
        shared.close()
        alone.close()


def test_the_same_ticket_placed_from_two_machines_is_one_order(empty_postgres: str, tmp_path: Path) -> None:
    with SandboxServer(clock=TEST_CLOCK) as server:
        laptop = make_trading(server, tmp_path / "laptop", database_url=empty_postgres)
        desktop_database = Database(empty_postgres)
        desktop = TradingService(lambda: laptop.harness.settings, desktop_database, lambda: laptop.harness.registry)
        try:
            account = "Clera Brokerage (paper)"
            world = laptop.world_account(account)
            before = len(world.orders)
            preview = laptop.run(laptop.service.preview(laptop.ticket(account, "AAPL", quantity=Decimal(1))))

            async def both() -> list[object]:
                return await asyncio.gather(laptop.service.place(preview), desktop.place(preview),
                                            return_exceptions=True)

            outcomes = laptop.run(both())
            refused = [o for o in outcomes if isinstance(o, AlreadyPlaced)]
            assert len(refused) == 1, outcomes  # the database's unique client order id said no to one
            assert len(world.orders) == before + 1
            rows = laptop.harness.database.read_sync(lambda s: s.scalar(
                select(func.count()).select_from(Order).where(Order.client_order_id == preview.ticket_id)))
            assert rows == 1
        finally:
            desktop_database.close()
            laptop.close()


def test_a_sync_on_another_machine_is_named_and_its_lock_ends_with_its_process(empty_postgres: str) -> None:
    laptop, desktop = Database(empty_postgres), Database(empty_postgres)
    try:
        held = SyncLock.of(laptop, TEST_CLOCK)
        held.acquire()
        with pytest.raises(SyncBusy, match=r"Clera Desktop on .* \(process \d+\) has been syncing this shared book"):
            SyncLock.of(desktop, TEST_CLOCK).acquire(wait=0.2)
        held.release()
        SyncLock.of(desktop, TEST_CLOCK).acquire()
        SyncLock.of(desktop, TEST_CLOCK).release()
        # a process killed while it holds the lock: the server lets go with its connection
        child = subprocess.Popen([sys.executable, "-c", (
            "import sys, time\nfrom clera_desktop.models.engine import Database\nfrom clera_desktop.sync.lock import SyncLock\n"
            "from tests.clock import TEST_CLOCK\n"
            f"SyncLock.of(Database({empty_postgres!r}), TEST_CLOCK).acquire()\nprint('held', flush=True)\ntime.sleep(60)\n")],
            stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(SyncBusy):
            SyncLock.of(desktop, TEST_CLOCK).acquire(wait=0)
        child.kill()
        child.wait()
        SyncLock.of(desktop, TEST_CLOCK).acquire(wait=10)
        SyncLock.of(desktop, TEST_CLOCK).release()
    finally:
        laptop.close()
        desktop.close()

"""A process killed mid-sync leaves a sound database, each account wholly old or wholly new."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from clera_desktop.sandbox.exchange import OrderRequest, submit
from tests.sync.conftest import Harness


def _state(database: Path) -> dict[str, tuple[tuple[tuple[str, Decimal], ...], Decimal | None]]:
    with closing(sqlite3.connect(database)) as raw:  # closed, not only committed: Windows keeps an open file
        accounts = [row[0] for row in raw.execute("SELECT id FROM accounts")]
        state = {}
        for account in accounts:
            positions = tuple(sorted((s.removesuffix(".TO"), Decimal(q)) for s, q in raw.execute(
                "SELECT symbol, quantity FROM positions WHERE account_id = ?", (account,))))
            cash = raw.execute("SELECT cash FROM balances WHERE account_id = ?", (account,)).fetchone()
            state[account] = (positions, None if cash is None or cash[0] is None else Decimal(cash[0]))
        return state


def test_killing_a_sync_leaves_each_account_old_or_new(harness: Harness, tmp_path: Path) -> None:
    harness.sync()
    database = harness.settings.database_path
    assert database is not None
    old = _state(database)
    world = harness.server.world
    for account in world.all_accounts():  # every account changes at the provider
        symbol = sorted(account.book.holdings)[0]
        submit(world, account, OrderRequest(symbol=symbol, side="sell", order_type="market", time_in_force="day",
                                            quantity=Decimal(1)))
    new = {
        next(a for a in old if a.endswith(account.id)): (
            tuple(sorted((s, h.quantity) for s, h in account.book.holdings.items())), account.book.cash)
        for account in world.all_accounts()
    }
    assert all(old[a] != new[a] for a in old)
    harness.server.faults.inject("snaptrade:/accounts/*/positions/all", "slow", delay=0.4)
    harness.server.faults.inject("plaid:/investments/holdings/get", "slow", delay=0.6)
    info = tmp_path / "info.json"
    info.write_text(json.dumps(harness.server.info))
    harness.database.close()
    seen = harness.server.request_count
    child = subprocess.Popen([sys.executable, "-m", "tests.sync.sync_child", str(info), str(database.parent)],
                             cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any("positions/all" in path for _, path in harness.server.requests_since(seen)):
        assert time.monotonic() < deadline and child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        time.sleep(0.02)
    # kill once an account is written while the others still wait on the slow sandbox
    while not any(state == new[a] for a, state in _state(database).items()):
        assert time.monotonic() < deadline and child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)

    with closing(sqlite3.connect(database)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = _state(database)
    outcomes = {a: ("new" if after[a] == new[a] else "old" if after[a] == old[a] else "HALF") for a in old}
    assert "HALF" not in outcomes.values(), outcomes
    assert "old" in outcomes.values(), f"the kill came too late to prove anything: {outcomes}"

"""The audit's fault matrix, automated: every fault the sandbox can play, on every provider, from an
empty store and from a synced one, and the store compared account by account afterwards.

The remote side moves between the first sync (world A) and the faulted one (world B: a deposit in
every account), so what a failed sync wrote, or failed to keep, shows. After each faulted sync:

- every account is wholly A or wholly B (never a mix), and the faulted provider's are A (or absent,
  from empty) while every other provider's are B, exactly as a clean sync leaves them;
- the faulted provider's run is recorded as failed or partial with a sentence, none stays running;
- the file passes ``integrity_check``; a clean sync afterwards gives exactly the clean result (no
  duplicates, nothing lost).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.models.enums import SyncStatus
from clera_desktop.sandbox.ledger import EventKind, LedgerEvent
from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TEST_CLOCK, TODAY
from tests.sync.conftest import Harness, make_harness

#: Where each provider's faults land: everything it serves, or only the per-account data after the
#: accounts were listed (the failure in the middle of a sync).
PLACES = {
    "snaptrade": {"all": "snaptrade:*", "account data": "snaptrade:/accounts/*"},
    "plaid": {"all": "plaid:*", "account data": "plaid:/investments/*"},
    "alpaca": {"all": "alpaca:*", "account data": "alpaca:/v2/account/activities*"},
}
FAULTS = {
    "500": {"kind": "status", "status": 500},
    "503": {"kind": "status", "status": 503},
    "429": {"kind": "status", "status": 429, "retry_after": 0},
    "malformed": {"kind": "malformed"},
    "truncated": {"kind": "truncated"},
    "symbol garbage": {"kind": "field", "damage": "garbage"},
    "quantity huge": {"kind": "field", "damage": "huge"},
    "id null": {"kind": "field", "damage": "null"},
}
#: The field each provider calls by that name (fields are damaged wherever they appear).
FIELDS = {
    "snaptrade": {"symbol garbage": "symbol", "quantity huge": "units", "id null": "id"},
    "plaid": {"symbol garbage": "ticker_symbol", "quantity huge": "quantity", "id null": "account_id"},
    "alpaca": {"symbol garbage": "symbol", "quantity huge": "qty", "id null": "id"},
}
#: (provider, provider's account id) -> the account's rows, without the times a sync stamps.
Content = dict[tuple[str, str], tuple[object, ...]]


def content(database_path: Path) -> Content:
    with sqlite3.connect(database_path) as raw:
        accounts = raw.execute("SELECT id, provider, provider_account_id, name, currency, is_active FROM accounts").fetchall()
        result: Content = {}
        for account_id, provider, remote_id, name, currency, active in accounts:
            rows = (
                (name, currency, active),
                sorted(raw.execute("SELECT currency, cash, buying_power FROM balances WHERE account_id = ?",
                                   (account_id,)).fetchall()),
                sorted(raw.execute("SELECT symbol, quantity, price, market_value, cost_basis FROM positions "
                                   "WHERE account_id = ?", (account_id,)).fetchall()),
                sorted(raw.execute("SELECT provider_activity_id, type, trade_date, symbol, quantity, price, amount "
                                   "FROM activities WHERE account_id = ?", (account_id,)).fetchall(), key=repr),
                sorted(raw.execute("SELECT client_order_id, provider_order_id, symbol, status, filled_quantity "
                                   "FROM orders WHERE account_id = ?", (account_id,)).fetchall(), key=repr),
            )
            result[(provider, remote_id)] = tuple(map(tuple, rows))  # type: ignore[arg-type]
        return result


def of(provider: str, every: Content) -> Content:
    return {key: rows for key, rows in every.items() if key[0] == provider}


@dataclass
class Matrix:
    server: SandboxServer
    folder: Path
    synced_a: Path  # a store synced from world A
    world_a: Content  # its content
    clean_from_synced: Content  # world B synced cleanly onto synced_a
    clean_from_empty: Content  # world B synced cleanly into an empty store
    runs: int = 0

    def harness(self, start: str) -> Harness:
        self.runs += 1
        data = self.folder / f"run-{self.runs}"
        data.mkdir()
        if start == "synced":
            shutil.copy(self.synced_a, data / "clera.sqlite")
        return make_harness(self.server, data)


def _move_the_world(server: SandboxServer) -> None:
    """World B: a deposit of 100 in every account, today."""
    for n, account in enumerate(server.world.all_accounts()):
        account.record(LedgerEvent(f"matrix-deposit-{n}", TODAY, EventKind.DEPOSIT, Decimal(100), account.currency,
                                   description="Deposit"))


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    folder = tmp_path_factory.mktemp("matrix")
    # a hundred syncs a minute is far past SnapTrade's 250 calls: its own limit is tested elsewhere
    with SandboxServer(clock=TEST_CLOCK, snaptrade_rate_limit=1_000_000) as server:
        first = make_harness(server, folder / "a")
        assert all(o.status is SyncStatus.SUCCEEDED for o in first.sync().outcomes)
        first.database.close()
        synced_a = folder / "a" / "clera.sqlite"
        world_a = content(synced_a)
        _move_the_world(server)
        clean = Matrix(server, folder, synced_a, world_a, {}, {})
        for start in ("synced", "empty"):
            run = clean.harness(start)
            assert all(o.status is SyncStatus.SUCCEEDED for o in run.sync().outcomes)
            run.database.close()
            assert run.settings.database_path is not None
            if start == "synced":
                clean.clean_from_synced = content(run.settings.database_path)
            else:
                clean.clean_from_empty = content(run.settings.database_path)
        for provider in PLACES:  # the test can fail: world B differs from A in every provider's accounts
            changed = of(provider, clean.clean_from_synced)
            assert changed and all(changed[key] != world_a[key] for key in changed), provider
        yield clean


@pytest.mark.parametrize("start", ["empty", "synced"])
@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize(("provider", "place"), [(p, place) for p, places in PLACES.items() for place in places])
def test_a_fault_leaves_each_account_as_it_was_or_fully_updated(matrix: Matrix, provider: str, place: str, fault: str,
                                                                start: str) -> None:
    harness = matrix.harness(start)
    spec = {**FAULTS[fault], **({"field_name": FIELDS[provider][fault]} if fault in FIELDS[provider] else {})}
    rule = matrix.server.faults.inject(PLACES[provider][place], **spec)  # type: ignore[arg-type]
    try:
        report = harness.sync()
    finally:
        matrix.server.faults.clear()
    assert harness.settings.database_path is not None
    path = harness.settings.database_path
    after = content(path)
    before = matrix.world_a if start == "synced" else {}
    clean = matrix.clean_from_synced if start == "synced" else matrix.clean_from_empty

    for key, rows in after.items():
        assert rows in (before.get(key), clean.get(key)), f"{key} is a mix of before and after"
    for other in set(PLACES) - {provider}:
        assert of(other, after) == of(other, clean), f"{other} was held back by {provider}'s fault"
    outcome = next(o for o in report.outcomes if o.provider.value == provider)
    assert rule.met, "every fault of the matrix reaches its provider"
    assert outcome.status in (SyncStatus.FAILED, SyncStatus.PARTIAL), outcome
    assert outcome.user_messages and all(m and "Traceback" not in m for m in outcome.user_messages)
    assert of(provider, after) != of(provider, clean), "the faulted provider's accounts were not updated"
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("SELECT count(*) FROM sync_runs WHERE status = 'running'").fetchone() == (0,)

    assert all(o.status is SyncStatus.SUCCEEDED for o in harness.sync().outcomes), "recovers once the fault is gone"
    assert content(path) == clean, "the clean sync afterwards adds nothing twice and loses nothing"
    harness.database.close()


@pytest.mark.parametrize(("place", "field_name"), [("alpaca:/v2/positions*", "exchange")])
def test_a_garbled_classification_field_costs_the_sync_nothing(matrix: Matrix, place: str, field_name: str) -> None:
    """An exchange nothing depends on: the security is unclassified along it, the account syncs
    whole (never 'data the app could not read' for a descriptive field). Plaid's SDK checks the
    types of a security's sector and exchange itself, and refuses the whole answer: not the app's to
    soften."""
    harness = matrix.harness("empty")
    rule = matrix.server.faults.inject(place, kind="field", damage="garbage", field_name=field_name)  # type: ignore[arg-type]
    try:
        report = harness.sync()
    finally:
        matrix.server.faults.clear()
    assert rule.met
    assert all(o.status is SyncStatus.SUCCEEDED for o in report.outcomes), report.summary()
    assert harness.settings.database_path is not None
    assert content(harness.settings.database_path) == matrix.clean_from_empty
    harness.database.close()


def test_a_restore_during_a_sync_waits_its_turn_and_the_sync_lands_whole(matrix: Matrix) -> None:
    """`restore` while a sync writes: refused in a sentence naming the sync, the store neither the
    backup nor a mix of the two afterwards, but exactly what a clean sync makes."""
    import subprocess
    import sys
    import threading

    harness = matrix.harness("synced")
    assert harness.settings.database_path is not None
    path = harness.settings.database_path
    matrix.server.faults.inject("snaptrade:/accounts/*", "slow", delay=0.6)  # the sync is under way a while
    finished: list[object] = []
    sync = threading.Thread(target=lambda: finished.append(harness.sync()))
    try:
        sync.start()
        lock = path.parent / "sync.lock.json"
        for _ in range(400):  # the sync holds the folder's lock (it writes who holds it beside)
            if lock.exists() and sync.is_alive():
                break
            threading.Event().wait(0.01)
        restore = subprocess.run([sys.executable, "-m", "clera_desktop", "restore", "--data-dir", str(path.parent)],
                                 capture_output=True, text=True, timeout=120, check=False)  # another process, as in life
        refused, said = restore.returncode, restore.stderr
        assert sync.is_alive(), "the restore was tried while the sync ran"
        sync.join(timeout=120)
    finally:
        matrix.server.faults.clear()
    assert refused == 1 and "A sync is writing" in said, said
    assert finished and content(path) == matrix.clean_from_synced, "the sync landed whole; the restore did nothing"
    assert not list(path.parent.glob("*.set-aside-*"))
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    harness.database.close()


def test_two_processes_opening_a_new_folder_at_once_make_one_sound_store(tmp_path: Path) -> None:
    """Two commands started together on a folder that does not exist yet: both answer, one store
    at the newest schema, no half-written backup or lock left behind."""
    import subprocess
    import sys

    from clera_desktop.models.engine import SCHEMA_HEAD

    data = tmp_path / "new folder"
    processes = [subprocess.Popen([sys.executable, "-m", "clera_desktop", "export", "accounts", "--data-dir", str(data)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    answers = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], answers
    assert all("Traceback" not in err for _, err in answers)
    with sqlite3.connect(data / "clera.sqlite") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    left = [p.name for p in data.rglob("*") if ".partial" in p.name or ".restoring" in p.name]
    assert not left, left

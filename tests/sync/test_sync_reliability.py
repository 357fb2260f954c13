"""What the audit broke, each kept broken no more: a malformed field, a huge number, a locked or
damaged store, two syncs at once, a run left behind by a killed process."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from clera_desktop.core.errors import StoreBusy, SyncBusy
from clera_desktop.models import engine as engine_module
from clera_desktop.models.enums import SyncStatus
from clera_desktop.models.tables import Account, Position, SyncRun
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.sync.lock import SyncLock
from clera_desktop.sync.service import SyncService
from tests.clock import TEST_CLOCK
from tests.sync.conftest import Harness, make_harness

REPO = Path(__file__).resolve().parents[2]


def _runs(harness: Harness) -> list[tuple[str, SyncStatus, str | None]]:
    with harness.database.session() as session:
        return [(str(r.provider), r.status, r.error) for r in session.scalars(select(SyncRun).order_by(SyncRun.id))]


@pytest.mark.parametrize(("damage", "said"), [("missing", "could not read"), ("garbage", "could not read"),
                                              ("null", "could not read")])
def test_a_damaged_field_in_a_snaptrade_payload_fails_those_accounts_only(harness: Harness, damage: str, said: str) -> None:
    """``item["instrument"]`` used to escape as a KeyError, stop every provider and leave runs 'running'."""
    harness.server.faults.inject("snaptrade:/accounts/*/positions/all", "field", field_name="instrument", damage=damage)
    report = harness.sync()
    outcomes = {o.provider.value: o for o in report.outcomes}
    assert outcomes["snaptrade"].status is SyncStatus.PARTIAL
    assert all(said in message for message in outcomes["snaptrade"].user_messages), outcomes["snaptrade"].user_messages
    assert outcomes["plaid"].status is SyncStatus.SUCCEEDED and outcomes["alpaca"].status is SyncStatus.SUCCEEDED
    assert [status for _, status, _ in _runs(harness)] == [SyncStatus.PARTIAL, SyncStatus.SUCCEEDED, SyncStatus.SUCCEEDED] \
        or SyncStatus.RUNNING not in {status for _, status, _ in _runs(harness)}
    with harness.database.session() as session:
        snaptrade_positions = session.scalars(select(Position).join(Account).where(Account.provider == "snaptrade")).all()
        assert snaptrade_positions == [], "nothing half-read was stored"


def test_a_number_beyond_any_real_figure_is_refused_not_stored(harness: Harness) -> None:
    """Quantity 1e999999 used to overflow, 99...9 x 1234...9 to corrupt totals through int64."""
    harness.server.faults.inject("snaptrade:/accounts/*/positions/all", "field", field_name="units", damage="huge")
    report = harness.sync()
    snaptrade = next(o for o in report.outcomes if o.provider.value == "snaptrade")
    assert snaptrade.status is SyncStatus.PARTIAL and "could not read" in " ".join(snaptrade.user_messages)
    with sqlite3.connect(harness.settings.database_path) as raw:
        longest = raw.execute("SELECT max(length(quantity)) FROM positions").fetchone()[0]
    assert longest is None or longest < 40


def test_a_locked_store_ends_every_providers_run_with_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holding SQLite's write lock: each provider says so; nothing is left 'running'."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    with SandboxServer(clock=TEST_CLOCK) as server:
        harness = make_harness(server, tmp_path / "data")
        try:
            path = harness.settings.database_path
            assert path is not None
            holder = sqlite3.connect(path, timeout=1)
            holder.execute("BEGIN IMMEDIATE")  # another writer, holding on
            try:
                report = harness.sync()
            finally:
                holder.rollback()
                holder.close()
            assert report.outcomes and all(o.status is SyncStatus.FAILED for o in report.outcomes)
            assert all(StoreBusy.default_message in o.user_messages for o in report.outcomes)
            assert harness.sync().ok, "once the other writer lets go, the sync runs"
            assert SyncStatus.RUNNING not in {status for _, status, _ in _runs(harness)}
        finally:
            harness.database.close()


def test_a_run_a_killed_process_left_running_is_marked_interrupted(harness: Harness) -> None:
    harness.database.write_sync(lambda s: s.add(SyncRun(provider="snaptrade", started_at=TEST_CLOCK.now(),
                                                        status=SyncStatus.RUNNING, counts={})))
    harness.sync()
    runs = _runs(harness)
    assert runs[0][1] is SyncStatus.INTERRUPTED and "ended during this sync" in (runs[0][2] or "")
    assert all(status is SyncStatus.SUCCEEDED for _, status, _ in runs[1:])


def test_a_caller_holding_the_lock_around_its_sync_still_marks_left_runs_and_lets_go(harness: Harness) -> None:
    """``clera-desktop sync`` holds the folder's lock from before its set-up writes; the sync inside
    it is still the sole holder (the dead run is marked), and the lock is free after."""
    path = harness.settings.database_path
    assert path is not None
    harness.database.write_sync(lambda s: s.add(SyncRun(provider="snaptrade", started_at=TEST_CLOCK.now(),
                                                        status=SyncStatus.RUNNING, counts={})))
    lock = SyncLock(path.parent, TEST_CLOCK)
    lock.hold_around(wait=0)
    try:
        service = SyncService(harness.database, harness.registry.for_sync(), harness.settings, fx=harness.registry.fx,
                              lock=lock)
        assert asyncio.run(service.sync_all()).ok
    finally:
        lock.release()
    assert _runs(harness)[0][1] is SyncStatus.INTERRUPTED
    import filelock

    with filelock.FileLock(path.parent / "sync.lock", thread_local=False, is_singleton=False).acquire(timeout=1):
        pass  # another process could take it now


def test_a_second_sync_of_the_same_folder_is_told_who_is_syncing(harness: Harness) -> None:
    path = harness.settings.database_path
    assert path is not None
    other_process = SyncLock(path.parent, TEST_CLOCK)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:  # a FileLock singleton is per process; a thread with its own file handle stands in
        import filelock

        lock = filelock.FileLock(path.parent / "sync.lock", thread_local=False, is_singleton=False)
        with lock:
            (path.parent / "sync.lock.json").write_text('{"pid": 4242, "since": "2027-03-14T10:42:00-04:00"}')
            held.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(10)
        service = SyncService(harness.database, harness.registry.for_sync(), harness.settings, fx=harness.registry.fx)
        with pytest.raises(SyncBusy, match=r"process 4242\) has been syncing this data since"):
            asyncio.run(service.sync_all())
        assert other_process.busy_message().startswith("Another Clera Desktop (process 4242)")
    finally:
        release.set()
        thread.join()
    assert harness.sync().ok


@pytest.mark.slow
def test_two_first_syncs_at_once_both_finish_and_store_each_row_once(tmp_path: Path) -> None:
    """``clera-desktop sync --demo`` twice at once into one new folder (the audit: a raw IntegrityError
    in 2 of 3 runs). The second waits for the first's lock, then syncs; every row is there once."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "clera_desktop", "sync", "--demo", "--data-dir", str(data)]
    children = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    results = [child.communicate(timeout=300) for child in children]
    for child, (_out, err) in zip(children, results, strict=True):
        assert child.returncode == 0 and "Traceback" not in err, err[-3000:]
    # Whether the second found the first mid-sync depends on the machine's load (a quick first sync
    # may be over before the second starts): the waiting itself is checked where it is made certain,
    # test_a_second_sync_of_the_same_folder_is_told_who_is_syncing and
    # tests/ui/test_sync_contention.py. Here: the audit's IntegrityError, gone, and every row once.
    with sqlite3.connect(data / "clera.sqlite") as raw:
        assert raw.execute("SELECT count(*) FROM accounts").fetchone()[0] == 7
        duplicates = raw.execute("SELECT count(*) FROM (SELECT account_id, provider_activity_id FROM activities "
                                 "GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0]
        assert duplicates == 0
        assert {s for (s,) in raw.execute("SELECT status FROM sync_runs")} == {"succeeded"}


@pytest.mark.slow
def test_the_command_line_says_the_store_is_busy_when_another_process_holds_it_30_seconds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(data), "export", "accounts"],
                   capture_output=True, timeout=120, check=True)  # the store exists
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE'); "
        "print('held', flush=True); time.sleep(30)"), str(data / "clera.sqlite")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(data), "import", "prices",
                                 str(_prices_file(tmp_path))], capture_output=True, text=True, timeout=120, check=False)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Another program is writing to your Clera data" in result.stderr
    assert waited < 29, "it said so after the busy timeout, not after the other process let go"


def _prices_file(folder: Path) -> Path:
    path = folder / "prices.csv"
    path.write_text("symbol,date,close,currency\nACME,2026-11-02,10.5,USD\n", encoding="utf-8")
    return path

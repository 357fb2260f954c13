"""Backups before migrations and daily; restore sets the damaged file aside, never deletes it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from clera_desktop.core.errors import StoreDamaged
from clera_desktop.models.backup import KEEP, backups, daily_backup, is_sound, restore, take_backup
from clera_desktop.models.engine import SCHEMA_HEAD, Database, make_engine, upgrade
from tests.clock import TEST_CLOCK


def _store(path: Path) -> Path:
    Database(f"sqlite:///{path}", clock=TEST_CLOCK).close()
    with closing(sqlite3.connect(path)) as raw, raw:  # closed, not only committed (Windows' rules)
        raw.execute("INSERT INTO app_settings (key, value, updated_at) VALUES ('base_currency', 'CHF', '2026-01-01')")
    return path


def test_an_older_store_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "clera.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    engine.dispose()
    Database(f"sqlite:///{path}", clock=TEST_CLOCK).close()
    [before] = backups(path)
    assert before.reason == f"before-{SCHEMA_HEAD}"
    with closing(sqlite3.connect(before.path)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",), "as it was"


def test_one_daily_backup_and_only_the_newest_are_kept(tmp_path: Path) -> None:
    path = _store(tmp_path / "clera.sqlite")
    assert backups(path) == [], "a new store has nothing to keep yet"
    Database(f"sqlite:///{path}", clock=TEST_CLOCK).close()
    assert [b.reason for b in backups(path)] == ["daily"]
    assert daily_backup(path, now=TEST_CLOCK.now()) is None, "one a day"
    for day in range(1, KEEP + 3):
        take_backup(path, now=TEST_CLOCK.now() + timedelta(days=day), reason="daily")
    kept = backups(path)
    assert len(kept) == KEEP and kept[0].taken > kept[-1].taken
    assert all(is_sound(b.path) for b in kept)


def test_a_damaged_store_is_set_aside_and_the_backup_put_back(tmp_path: Path) -> None:
    path = _store(tmp_path / "clera.sqlite")
    backup = take_backup(path, now=TEST_CLOCK.now(), reason="manual")
    path.write_bytes(path.read_bytes()[:3000])  # truncated
    assert not is_sound(path)
    with pytest.raises(StoreDamaged):
        Database(f"sqlite:///{path}", clock=TEST_CLOCK)
    aside = restore(path, backup.path, now=TEST_CLOCK.now())
    assert aside is not None and aside.exists() and len(aside.read_bytes()) == 3000, "kept, never deleted"
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT value FROM app_settings WHERE key = 'base_currency'").fetchone() == ("CHF",)
    with pytest.raises(StoreDamaged, match="damaged too"):
        restore(path, aside, now=TEST_CLOCK.now())


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = _store(tmp_path / "seed.sqlite")
    data.mkdir()
    (data / "clera.sqlite").write_bytes(path.read_bytes())

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "clera_desktop", *args, "--data-dir", str(data)],
                              capture_output=True, text=True, timeout=120, check=False)

    assert cli("backup").returncode == 0
    listed = cli("restore", "--list")
    assert listed.returncode == 0 and "manual" in listed.stdout
    (data / "clera.sqlite").write_bytes(b"\x00garbage" * 500)
    damaged = cli("report", "--json")
    assert damaged.returncode == 1 and "damaged" in damaged.stderr and "Traceback" not in damaged.stderr
    restored = cli("restore")
    assert restored.returncode == 0 and "set-aside" in restored.stdout, restored.stderr
    assert cli("report", "--json").returncode == 0


def test_a_backup_leaves_nothing_beside_it_and_is_one_plain_file(tmp_path: Path) -> None:
    """Every backup once left a -wal and -shm of its copy behind (one was 5.9 MB)."""
    path = _store(tmp_path / "clera.sqlite")
    database = Database(f"sqlite:///{path}", clock=TEST_CLOCK)  # the app holds the store open meanwhile
    try:
        taken = take_backup(path, now=TEST_CLOCK.now(), reason="manual")
    finally:
        database.close()
    left = sorted(p.name for p in taken.path.parent.iterdir())
    assert taken.path.name in left and all(name.endswith(".sqlite") for name in left), left  # the daily one too
    with closing(sqlite3.connect(taken.path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert raw.execute("SELECT value FROM app_settings WHERE key = 'base_currency'").fetchone() == ("CHF",)


def test_two_processes_backing_up_in_the_same_second_both_succeed(tmp_path: Path) -> None:
    """Two starts in one second raced on one partial file's name: 'A backup ... could not be written'."""
    path = _store(tmp_path / "clera.sqlite")
    script = ("import sys; from datetime import datetime; from pathlib import Path; "
              "from clera_desktop.models.backup import take_backup; "
              "[take_backup(Path(sys.argv[1]), now=datetime.fromisoformat(sys.argv[2]), reason='daily') for _ in range(5)]")
    moment = TEST_CLOCK.now().isoformat()
    runs = [subprocess.Popen([sys.executable, "-c", script, str(path), moment], stderr=subprocess.PIPE, text=True)
            for _ in range(4)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    [backup] = backups(path)
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name], "no partial copy left"
    assert is_sound(backup.path)


def test_windows_rules_refuse_to_rename_an_open_store(tmp_path: Path) -> None:
    """The rule the backup once broke on Windows, seen here: what this process holds open stays put."""
    path = _store(tmp_path / "clera.sqlite")
    held = sqlite3.connect(path)
    try:
        with pytest.raises(PermissionError, match="still open"):
            path.replace(tmp_path / "elsewhere.sqlite")
    finally:
        held.close()
    path.replace(tmp_path / "elsewhere.sqlite")  # closed: allowed


def test_a_restore_works_under_windows_rules_and_leaves_no_copy_behind(tmp_path: Path) -> None:
    path = _store(tmp_path / "clera.sqlite")
    taken = take_backup(path, now=TEST_CLOCK.now(), reason="manual")
    aside = restore(path, taken.path, now=TEST_CLOCK.now() + timedelta(seconds=1))
    assert aside is not None and aside.exists() and is_sound(path)
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name or ".restoring" in p.name]


@pytest.mark.parametrize("busy", ["a window", "a sync"])
def test_restore_waits_its_turn_while_a_window_or_a_sync_holds_the_folder(tmp_path: Path, busy: str) -> None:
    """With the window open, `restore` succeeded and the window's later writes (a filled order's
    ticket, its audit rows) went to the file set aside; during a sync, a store of neither."""
    import json
    import os

    from filelock import FileLock

    from clera_desktop.core.folder_locks import SYNC_LOCK, WINDOW_LOCK, WindowLock

    data = tmp_path / "data"
    data.mkdir()
    (data / "clera.sqlite").write_bytes(_store(tmp_path / "seed.sqlite").read_bytes())

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "clera_desktop", *args, "--data-dir", str(data)],
                              capture_output=True, text=True, timeout=120, check=False)

    assert cli("backup").returncode == 0
    name = WINDOW_LOCK if busy == "a window" else SYNC_LOCK
    (data / (name + ".json")).write_text(json.dumps({"pid": os.getpid(), "since": TEST_CLOCK.now().isoformat()}))
    before = (data / "clera.sqlite").read_bytes()
    if busy == "a window":  # held as an open window holds it
        window = WindowLock(data)
        assert window.try_acquire()
        try:
            refused = cli("restore")
        finally:
            window.release()
    else:
        with FileLock(data / name, thread_local=False, is_singleton=False):
            refused = cli("restore")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert ("has this data folder open" if busy == "a window" else "A sync is writing") in refused.stderr
    assert (f"process {os.getpid()}" in refused.stderr) == (busy == "a window"), refused.stderr
    assert (data / "clera.sqlite").read_bytes() == before and not list(data.glob("*.set-aside-*")), "nothing moved"
    assert cli("restore").returncode == 0, "once the folder is free, it restores"


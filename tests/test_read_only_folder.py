"""A data folder that cannot be written (a read-only disk, a share) can still be read: `report`
and `export` show what was last saved, with one sentence saying nothing can be saved; commands
that must save refuse in one sentence; the store is opened in SQLite's read-only mode and left
byte for byte as it was.

Root writes through permission bits, so the folder is made unwritable where the app asks
(``writable_folder``) and the store is opened read-only as it would be on a read-only mount
(checked by hand on a ``mount -o remount,ro`` tmpfs: the same sentences)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from clera_desktop.core import files
from clera_desktop.core.errors import StoreReadOnly
from clera_desktop.models import engine
from clera_desktop.models.engine import Database
from tests.test_cli_refusals import _said, data  # noqa: F401 - the fixture: a folder with a manual account


def _digest(folder: Path) -> str:
    return hashlib.sha256((folder / "clera.sqlite").read_bytes()).hexdigest()


@pytest.fixture
def read_only(data: str, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    folder = Path(data)
    unwritable = {folder.resolve()}

    def writable(path: Path) -> bool:
        return path.resolve() not in unwritable

    monkeypatch.setattr(files, "writable_folder", writable)
    monkeypatch.setattr(engine, "writable_folder", writable)
    return folder


def test_report_and_export_read_what_was_saved_and_say_nothing_can_be_saved(
        read_only: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(read_only)
    code, out, err = _said(capsys, "report", "--data-dir", str(read_only))
    assert code == 0 and json.loads(out)["total"]["end_value"]
    assert "is read-only: showing what was last saved there; nothing can be saved." in err
    code, out, err = _said(capsys, "export", "holdings", "--data-dir", str(read_only))
    assert code == 0 and out.startswith("symbol,") and "Traceback" not in err
    assert _digest(read_only) == before


@pytest.mark.parametrize("command", [["sync"], ["backup"], ["import", "prices", "nothing.csv"]])
def test_commands_that_save_refuse_in_one_sentence(read_only: Path, command: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _said(capsys, *command, "--data-dir", str(read_only))
    assert code == 1 and not out
    assert "needs to save there. Nothing was done" in err and len(err.strip().splitlines()) == 1


def test_the_store_itself_refuses_writes_in_a_sentence(read_only: Path) -> None:
    database = Database(f"sqlite:///{read_only / 'clera.sqlite'}")
    try:
        assert database.read_only
        assert database.read_sync(lambda s: s.execute(engine.text("SELECT count(*) FROM accounts")).scalar())
        with pytest.raises(StoreReadOnly, match="read-only: nothing can be saved"):
            database.write_sync(lambda s: None)
        with database.engine.connect() as connection, pytest.raises(Exception, match="readonly"):
            connection.exec_driver_sql("DELETE FROM accounts")  # SQLite's own read-only mode, not only ours
    finally:
        database.close()


def test_a_full_disk_is_one_sentence_with_no_database_text_on_the_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each provider's sync ends at a full disk; the terminal gets the sentence once per provider
    (the summary), never SQLite's or SQLAlchemy's own words, which go to the log file."""
    from clera_desktop.core.errors import StoreFull

    async def full(self: Database, work: object) -> None:
        raise StoreFull(detail="(sqlite3.OperationalError) database or disk is full")

    monkeypatch.setattr(Database, "write", full)
    code, out, err = _said(capsys, "sync", "--demo", "--data-dir", str(tmp_path / "data"))
    assert code == 1
    said = out + err
    assert "The disk with your Clera data is full" in said
    assert "OperationalError" not in said and "sqlalche" not in said and "Traceback" not in said
    log = (tmp_path / "data" / "logs" / "clera-desktop.log").read_text(encoding="utf-8")
    assert "database or disk is full" in log  # the detail is kept for whoever reads the log

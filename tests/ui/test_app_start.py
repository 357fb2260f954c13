"""The window's entry point, run as a person runs it: the installed command in a fresh process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clera_desktop.models.engine import head_revision
from tests.test_cli import _run


def test_starting_the_app_creates_the_database_at_the_newest_schema_and_keeps_rows(tmp_path: Path) -> None:
    data_dir = tmp_path / "D"
    first = _run("--data-dir", str(data_dir), "--quit-after", "0.5")
    assert first.returncode == 0, first.stderr
    database = data_dir / "clera.sqlite"
    with sqlite3.connect(database) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        raw.execute(
            "INSERT INTO audit_log (at, action, details) VALUES ('2026-01-01 00:00:00', 'test', '{}')"
        )
    second = _run("--data-dir", str(data_dir), "--quit-after", "0.5")
    assert second.returncode == 0, second.stderr
    with sqlite3.connect(database) as raw:
        assert raw.execute("SELECT action FROM audit_log").fetchall() == [("test",)]
    assert (data_dir / "logs" / "clera-desktop.log").exists()


def test_closing_the_window_while_the_data_opens_or_after_leaves_no_task_behind(tmp_path: Path) -> None:
    """Closed while the store is still opening (0.2 s) or once the views are reading (1.5 s): the
    process ends cleanly, with no "Task was destroyed but it is pending!" and no traceback."""
    for seconds in ("0.2", "1.5"):
        done = _run("--demo", "--data-dir", str(tmp_path / seconds), "--quit-after", seconds)
        assert done.returncode == 0, done.stderr
        assert "Task was destroyed" not in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "unhandled error" not in done.stderr, done.stderr


def test_quitting_while_views_still_read_says_nothing_and_shows_no_dialog(tmp_path: Path) -> None:
    """A view's read still under way at quit is cancelled as its view goes (ui/tasks.tied_task),
    after the event loop's own timer is gone: that once raised in the cancel, and the error dialog
    it opened held the exit open (a CI run timed out on it). Several quit times, a fresh folder each."""
    for seconds in ("0.8", "1.2", "2"):
        done = _run("--data-dir", str(tmp_path / seconds), "--quit-after", seconds)
        assert done.returncode == 0, done.stderr
        assert "unhandled error" not in done.stderr and "Traceback" not in done.stderr, done.stderr

"""Data folders as people name them, on any platform: accents, spaces, percent signs, a Windows path.

The store, its migrations (Alembic's config is a ConfigParser: ``%`` interpolates), its backups
and the lock files all work in such a folder; each test would have failed before its fix."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from clera_desktop.core.settings import load_settings, sqlite_url
from clera_desktop.models.backup import backups, take_backup
from clera_desktop.models.engine import SCHEMA_HEAD, Database, alembic_config, current_revision, make_engine
from tests.clock import TEST_CLOCK

AWKWARD = ["Jösé", "100% mine", "data 50%25 off", "C:\\Users\\Jösé\\AppData\\Roaming\\Clera", "ünïcødé 日本"]


@pytest.mark.parametrize("name", AWKWARD)
def test_a_store_is_created_migrated_and_backed_up_in_an_awkwardly_named_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    settings = load_settings(data_dir=folder, environ={}, clock=TEST_CLOCK)
    assert settings.database_path == folder / "clera.sqlite", "the URL reads back as the same path"
    database = Database(settings.database_url, clock=TEST_CLOCK)
    try:
        assert database.path == folder / "clera.sqlite" and database.path.exists()
        assert current_revision(database.engine) == SCHEMA_HEAD
        take_backup(database.path, now=TEST_CLOCK.now(), reason="test")
        assert backups(database.path) and backups(database.path)[0].path.parent.parent == folder
    finally:
        database.close()
    with sqlite3.connect(folder / "clera.sqlite") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_windows_url_passes_through_alembics_config(tmp_path: Path) -> None:
    """What SQLAlchemy 2.1 renders for ``C:\\Users\\Jösé``: ``C%3A%5CUsers%5CJ%C3%B6s%C3%A9`` (2.0 renders
    the path as it is); either reaches Alembic's config and back as the same file."""
    engine = make_engine(sqlite_url(tmp_path / "C:\\Users\\Jösé" / "clera.sqlite"))
    try:
        config = alembic_config(engine)  # raised "invalid interpolation syntax"
        assert make_url(config.get_main_option("sqlalchemy.url") or "").database == engine.url.database
    finally:
        engine.dispose()


def test_the_command_line_works_in_an_awkward_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Jösé 100%"
    result = subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(folder), "export", "accounts"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert (folder / "clera.sqlite").exists()

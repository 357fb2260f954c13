"""The app's files are the person's alone; a folder the person chose keeps its other files as they were."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clera_desktop.core.files import keep_private, write_private

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes: Windows profile folders are private")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_what_the_command_line_writes_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(data), "export", "accounts"],
                   capture_output=True, timeout=120, check=True)
    assert _mode(data) == 0o700 and _mode(data / "logs") == 0o700
    for item in (data / "clera.sqlite", data / "logs" / "clera-desktop.log", data / "logs" / "crash.log"):
        assert _mode(item) == 0o600, item


def test_an_older_versions_readable_files_are_tightened_and_the_persons_own_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "Documents"
    (mine / "logs").mkdir(parents=True)
    for name in ("clera.sqlite", "last-screen.json", "logs/clera-desktop.log", "taxes-2025.pdf"):
        (mine / name).write_text("x")
        (mine / name).chmod(0o644)
    mine.chmod(0o755)
    keep_private([mine])
    assert _mode(mine / "clera.sqlite") == _mode(mine / "last-screen.json") == _mode(mine / "logs/clera-desktop.log") == 0o600
    assert _mode(mine / "taxes-2025.pdf") == 0o644 and _mode(mine) == 0o755, "the person's folder and files as they were"


def test_info_on_an_empty_folder_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "new"
    result = subprocess.run([sys.executable, "-m", "clera_desktop", "--data-dir", str(data), "info", "--json"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and '"schema_revision": null' in result.stdout
    assert not data.exists()


def test_an_export_is_private_whatever_the_umask_and_over_a_readable_file(tmp_path: Path) -> None:
    """The audit log's CSV export was 0644: an export over a file others could read stayed so."""
    from datetime import UTC, datetime

    from clera_desktop.trading.audit import AuditRow, export_audit_csv

    older = tmp_path / "audit.csv"
    older.write_text("old", encoding="utf-8")
    older.chmod(0o644)
    previous = os.umask(0o022)
    try:
        export_audit_csv([AuditRow(datetime(2026, 12, 7, tzinfo=UTC), "place", "a", "A", "Bought 1 AAPL", {})], older)
        write_private(tmp_path / "new.csv", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(older.stat().st_mode) == 0o600 and "Bought 1 AAPL" in older.read_text(encoding="utf-8")
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o600


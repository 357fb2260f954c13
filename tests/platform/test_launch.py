"""Starting copies of the app the way a bundle must, and leaving nothing behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clera_desktop.core.launch import own_command
from clera_desktop.sandbox.process import SandboxProcess
from tests.clock import AS_OF_ARGUMENT

REPO = Path(__file__).resolve().parents[2]


def test_a_frozen_app_starts_its_sandbox_child_as_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a PyInstaller bundle ``sys.executable`` is the app: ``-m clera_desktop`` would be an unknown
    option. A shim that is 'the app' stands in for the bundle's executable."""
    app = tmp_path / "clera-desktop"
    app.write_text(f'#!/bin/sh\ncd "{REPO}"\nexec "{sys.executable}" -m clera_desktop "$@"\n', encoding="utf-8")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert own_command("sandbox") == [str(app), "sandbox"]
    child = SandboxProcess(as_of=AS_OF_ARGUMENT)
    try:
        assert child.info["snaptrade"]["base_url"].startswith("http://127.0.0.1:")
    finally:
        child.stop()


def _temporary(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return {**os.environ, "TMPDIR": str(folder), "TEMP": str(folder), "TMP": str(folder), "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    pytest.param(["sync", "--demo"], id="sync"),
    pytest.param(["--demo", "--quit-after", "3"], id="window", marks=pytest.mark.window),
])
def test_no_demo_leaves_a_temporary_folder_behind(tmp_path: Path, args: list[str]) -> None:
    env = _temporary(tmp_path)
    result = subprocess.run([sys.executable, "-m", "clera_desktop", *args], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    left = list((tmp_path / "tmp").glob("clera-demo-*"))
    assert left == [], f"{args} left {left}"

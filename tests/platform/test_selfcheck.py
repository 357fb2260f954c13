"""The bundle's smoke test of the web engine, run from the source tree: it passes where the portal
page shows its form, and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.window
def test_the_portal_self_check_loads_the_demo_portal_page_under_another_locale(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "de_DE.UTF-8", "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "clera_desktop", "selfcheck", "portal", "--demo"], cwd=REPO,
                            env=env, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "portal page loaded: Connect your brokerage" in result.stdout
    assert not list(tmp_path.glob("clera-demo-*")), "the throwaway folder is removed"

"""The core packages' tests where PySide6 is not installed (napari's trick): proof that nothing
outside clera_desktop/ui needs Qt. Makes its own venv, installs the package without its Qt
dependencies, and runs every test folder but tests/ui.

    python3 .ci/core_without_qt.py [VENV]        # default .venv-core
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT = ("pyside6", "pyqtgraph", "qasync", "pytest-qt")


def requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower()


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".venv-core"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [r for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]
              if requirement_name(r) not in QT]
    venv.create(target, with_pip=True, clear=True)
    python = target / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    constraints = ROOT / "constraints.txt"
    pin = ["-c", str(constraints)] if constraints.exists() else []
    subprocess.run([python, "-m", "pip", "install", "-q", *pin, *wanted], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "-e", str(ROOT)], check=True)
    check = subprocess.run([python, "-c", "import PySide6"], capture_output=True, check=False)
    if check.returncode == 0:
        print("PySide6 is importable in the Qt-less venv: the check would prove nothing", file=sys.stderr)
        return 1
    folders = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").iterdir() if p.is_dir()
                     and p.name not in ("ui", "__pycache__"))
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py"))
    return subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *folders, *files],
                          cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

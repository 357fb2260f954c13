"""The one rule of direction: nothing outside ui/ imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import clera_desktop

QT_MODULES = ("PySide6", "pyqtgraph", "qasync")


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(clera_desktop.__path__, "clera_desktop."):
        if info.name.startswith(("clera_desktop.ui", "clera_desktop.models.migrations")):
            continue
        if info.name in ("clera_desktop.app", "clera_desktop.__main__"):
            continue  # the composition root starts the GUI on purpose, lazily
        names.append(info.name)
    return names


def test_core_packages_import_without_qt() -> None:
    modules = _core_modules()
    assert "clera_desktop.models.tables" in modules
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        + "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layers_hold() -> None:
    """The import contracts in pyproject.toml ([tool.importlinter]): entry points -> ui -> services
    -> domain -> providers -> models -> core; the sandbox apart; no SQL or SDK in the UI."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                             "lint_imports_command()"], capture_output=True, text=True, cwd=root, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout

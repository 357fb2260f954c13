"""Icons from resources/ (SVG, so they stay sharp at any DPI)."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtGui import QIcon

_PACKAGE = Path(__file__).resolve().parents[1]
_SOURCE_TREE = _PACKAGE.parent / "resources" / "icons"


@functools.cache
def icons_folder() -> Path:
    """Icons packaged inside the package (a wheel), else the source tree's (an editable install).
    A plain path check: importlib.resources costs start-up time for the same answer."""
    packaged = _PACKAGE / "resources" / "icons"
    return packaged if packaged.is_dir() else _SOURCE_TREE


def icon(name: str) -> QIcon:
    return QIcon(str(icons_folder() / f"{name}.svg"))

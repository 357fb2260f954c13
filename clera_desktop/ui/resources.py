"""Icons from resources/ (SVG, so they stay sharp at any DPI)."""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from pathlib import Path

from PySide6.QtGui import QIcon

_SOURCE_TREE = Path(__file__).resolve().parents[2] / "resources" / "icons"


@functools.cache
def icons_folder() -> Path:
    packaged = importlib_resources.files("clera_desktop").joinpath("resources", "icons")
    return Path(str(packaged)) if packaged.is_dir() else _SOURCE_TREE


def icon(name: str) -> QIcon:
    return QIcon(str(icons_folder() / f"{name}.svg"))

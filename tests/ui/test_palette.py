"""Light and dark palettes follow the system's colour scheme, at start and when it changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from clera_desktop.ui.palette import apply_system_palette, dark_palette

WINDOW = QPalette.ColorRole.Window


def test_the_palette_follows_the_system_scheme(qapp: Any) -> None:
    apply_system_palette(qapp)
    light = qapp.style().standardPalette().color(WINDOW)
    assert qapp.palette().color(WINDOW) == light  # offscreen reports no dark scheme: Fusion's light one
    hints = QGuiApplication.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert qapp.palette().color(WINDOW) == dark_palette().color(WINDOW)
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.palette().color(WINDOW) == light

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


def test_a_disabled_control_looks_disabled_in_the_dark_palette() -> None:
    from PySide6.QtGui import QPalette

    from clera_desktop.ui.palette import dark_palette

    palette = dark_palette()
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        enabled = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert enabled.lightness() - disabled.lightness() >= 80, f"{role.name}: dimmed enough to read as disabled"
        background = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
        assert disabled.lightness() - background.lightness() >= 40, f"{role.name}: still legible"

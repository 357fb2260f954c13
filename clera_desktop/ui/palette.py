"""Light and dark palettes that follow the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#1f2329", QPalette.ColorRole.WindowText: "#e6e9ee",
        QPalette.ColorRole.Base: "#16191e", QPalette.ColorRole.AlternateBase: "#1c2026",
        QPalette.ColorRole.Text: "#e6e9ee", QPalette.ColorRole.Button: "#2a2f37",
        QPalette.ColorRole.ButtonText: "#e6e9ee", QPalette.ColorRole.Highlight: "#3d6fe0",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2a2f37",
        QPalette.ColorRole.ToolTipText: "#e6e9ee", QPalette.ColorRole.PlaceholderText: "#8a93a0",
        QPalette.ColorRole.Link: "#7aa2ff",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    # Disabled controls dimmed: without these, a disabled button or field looked enabled in dark
    disabled = {
        QPalette.ColorRole.WindowText: "#6b7380", QPalette.ColorRole.Text: "#6b7380",
        QPalette.ColorRole.ButtonText: "#6b7380", QPalette.ColorRole.Button: "#23272e",
        QPalette.ColorRole.Base: "#1b1e23", QPalette.ColorRole.Highlight: "#3a3f47",
        QPalette.ColorRole.HighlightedText: "#9aa1ab", QPalette.ColorRole.PlaceholderText: "#555c66",
    }
    for role, color in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def apply_system_palette(app: QApplication) -> None:
    """Fusion everywhere for one look; dark when the system is dark (and when it changes)."""
    app.setStyle("Fusion")  # its standard (light) palette comes with it

    def follow(scheme: Qt.ColorScheme) -> None:
        app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else app.style().standardPalette())

    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        follow(Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.connect(follow)


def emphasise(label: QWidget, pixels: int, *, bold: bool = True) -> None:
    """A larger (bold) font for a headline figure. A font, not a style sheet: a widget with a
    style sheet keeps the colours it was polished with when the system turns dark or light."""
    font = label.font()
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)

"""Light and dark palettes: the system's colour scheme, followed as it changes, or the person's choice
(View › Appearance), kept between runs."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from clera_desktop.ui.i18n import translatable


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


class Appearance(StrEnum):
    SYSTEM = "system"  # light or dark as the system is, following it when it changes
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": translatable("As the &system"), "light": translatable("&Light"),
                "dark": translatable("&Dark")}[self.value]


APPEARANCE_KEY = "appearance"


def kept_appearance() -> Appearance:
    value = str(QSettings().value(APPEARANCE_KEY, Appearance.SYSTEM.value))
    return Appearance(value) if value in Appearance._value2member_map_ else Appearance.SYSTEM


class _Scheme:
    """What the app shows now (one app, one choice): the person's choice, and the system's scheme
    as it last said."""

    chosen = Appearance.SYSTEM
    system = Qt.ColorScheme.Unknown


def apply_system_palette(app: QApplication) -> None:
    """Fusion everywhere for one look; the kept appearance, and dark when the system is dark (and
    when it changes) while the person lets the system decide."""
    app.setStyle("Fusion")  # its standard (light) palette comes with it
    _Scheme.chosen = kept_appearance()
    hints = QGuiApplication.styleHints()
    _Scheme.system = hints.colorScheme()

    def follow(scheme: Qt.ColorScheme) -> None:
        _Scheme.system = scheme
        if _Scheme.chosen is Appearance.SYSTEM:
            _paint(app)

    hints.colorSchemeChanged.connect(follow)
    _paint(app)


def choose_appearance(app: QApplication, appearance: Appearance) -> None:
    """The person's choice, shown at once and kept for the next start."""
    _Scheme.chosen = appearance
    QSettings().setValue(APPEARANCE_KEY, appearance.value)
    _paint(app)


def is_dark() -> bool:
    if _Scheme.chosen is Appearance.SYSTEM:
        return _Scheme.system == Qt.ColorScheme.Dark
    return _Scheme.chosen is Appearance.DARK


def _paint(app: QApplication) -> None:
    app.setPalette(dark_palette() if is_dark() else app.style().standardPalette())


def emphasise(label: QWidget, pixels: int, *, bold: bool = True) -> None:
    """A larger (bold) font for a headline figure. A font, not a style sheet: a widget with a
    style sheet keeps the colours it was polished with when the system turns dark or light."""
    font = label.font()
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)

"""View › Appearance: as the system (the default), light or dark, shown at once and kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from clera_desktop.core.settings import load_settings
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.palette import APPEARANCE_KEY, Appearance, apply_system_palette, kept_appearance
from tests.clock import TEST_CLOCK


def _window_colour() -> str:
    return str(QApplication.palette().color(QPalette.ColorRole.Window).name())


def test_the_person_chooses_dark_or_light_and_the_choice_is_kept(qtbot: Any, qapp: QApplication,
                                                                  tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK)
    QSettings().remove(APPEARANCE_KEY)
    apply_system_palette(qapp)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    actions = window.appearance_actions
    assert actions[Appearance.SYSTEM].isChecked()  # the default: as the system is (light here)
    light = _window_colour()
    try:
        actions[Appearance.DARK].trigger()
        assert _window_colour() == "#1f2329" != light
        assert kept_appearance() is Appearance.DARK
        again = MainWindow(settings=settings)  # the next start
        qtbot.addWidget(again)
        assert again.appearance_actions[Appearance.DARK].isChecked()
        actions[Appearance.LIGHT].trigger()
        assert _window_colour() == light and kept_appearance() is Appearance.LIGHT
    finally:
        actions[Appearance.SYSTEM].trigger()
    assert kept_appearance() is Appearance.SYSTEM and _window_colour() == light

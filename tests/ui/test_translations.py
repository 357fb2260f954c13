"""The window's words can be translated without touching the code: a translator installed before
the window is built changes its navigation and menus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from clera_desktop.app import AppContext
from clera_desktop.ui.main_window import MainWindow

GERMAN = {"Dashboard": "\u00dcbersicht", "Holdings": "Bestand", "&File": "&Datei", "&Settings\u2026": "&Einstellungen\u2026"}


class Dictionary(QTranslator):
    """A translation as a .qm file would give it, without building one."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return GERMAN.get(source) if context == "MainWindow" else None  # None: not translated here


@pytest.mark.usefixtures("loop")  # the window's async slots need the event loop
def test_a_translation_reaches_the_navigation_and_the_menus(qtbot: Any, demo_context: AppContext) -> None:
    translator = Dictionary()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        window = MainWindow(demo_context.services)
        qtbot.addWidget(window)
        assert window.nav_buttons["dashboard"].text() == "\u00dcbersicht"
        assert window.nav_buttons["holdings"].text() == "Bestand"
        assert window.nav_buttons["trade"].text() == "Trade", "untranslated words stay English"
        assert window.menuBar().actions()[0].text() == "&Datei"
    finally:
        app.removeTranslator(translator)


def test_no_translation_file_is_installed_for_english(qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    from clera_desktop.ui.i18n import install_translations

    app = qapp
    assert app is not None
    loaded = install_translations(app, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert not any("clera_" in path for path in loaded)

"""Translations: Qt's own (its dialogs' buttons) and the app's, for the person's locale.

The window's words go through ``tr()`` / ``QCoreApplication.translate`` so a translation can be
added without touching the code: put ``clera_<language>.qm`` (``pyside6-lupdate`` then
``pyside6-lrelease``) in resources/translations. None ships yet: the app speaks English, and
where no file matches the locale nothing is installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clera_desktop.ui.resources import icons_folder

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer


def translations_folder() -> Path:
    return icons_folder().parent / "translations"


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Install Qt's and the app's translations for ``locale``; returns the files loaded."""
    locale = locale or QLocale()
    loaded = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("clera", str(translations_folder()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(translator.filePath())
    return loaded

"""Translations: Qt's own (its dialogs' buttons) and the app's, for the person's locale.

Every word the window shows goes through ``tr("…")`` at the moment it is shown; words kept in a
constant at import time are marked ``translatable("…")`` and shown through ``tr`` (the translator
is installed after imports). Fields are named: ``tr("{count} accounts").format(count=n)``, so a
translation may put them in its own order. All of the app's words share one context, so a word
is translated once however many views show it.

``python tools/translations.py`` collects those words from the code into
resources/translations/clera_<language>.ts (Qt Linguist's file, where translations are written)
and compiles each into the .qm the app loads. German ships; a language without a file stays English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clera_desktop.core.words import Sentence
from clera_desktop.ui.resources import icons_folder

CONTEXT = "Clera"
_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer


def tr(text: str) -> str:
    """``text`` in the installed language (itself where there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def say(text: str) -> str:
    """What a layer below the window said (an error's message, a refusal), in the installed
    language: a ``Sentence`` (core/words.said) by its template and fields, a plain word by itself."""
    if isinstance(text, Sentence):
        return tr(text.template).format(**{name: say(value) if isinstance(value, Sentence) else value
                                           for name, value in text.fields.items()})
    return tr(text)


def plural(count: int, one: str, other: str, **fields: object) -> str:
    """``one`` or ``other`` (each already through ``tr``, with a ``{count}`` field and ``fields``) for
    ``count``: English's and German's two forms."""
    return (one if count == 1 else other).format(count=count, **fields)


def translatable(text: str) -> str:
    """Marks a word kept in a constant for the translation files; show it through ``tr``."""
    return text


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


def remove_translations(app: QCoreApplication) -> None:
    """Back to English (a test that switched language puts it back)."""
    while _installed:
        app.removeTranslator(_installed.pop())

"""The window speaks the person's language: German ships (resources/translations/clera_de.ts), every
word the code marks has a German translation with the same fields, the compiled file says what its
source says, and a German desktop shows German menus, views and numbers."""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from clera_desktop.app import AppContext
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import CONTEXT, install_translations, remove_translations, tr, translations_folder
from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing

ROOT = Path(__file__).resolve().parents[2]
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@functools.cache
def _catalog() -> ModuleType:
    """tools/translations.py, which collects the words and writes the files."""
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_every_word_the_code_marks_has_a_german_translation_with_its_fields() -> None:
    catalog = _catalog()
    words = catalog.words_in_code()
    german = catalog.read_ts(ROOT / "resources" / "translations" / "clera_de.ts")
    assert len(words) > 300
    assert catalog.problems(words, german) == []
    assert {w.source for w in words} == set(german), "the file is the code's words: run tools/translations.py"


def test_the_compiled_german_file_says_what_its_source_says(qapp: Any) -> None:
    german = _catalog().read_ts(ROOT / "resources" / "translations" / "clera_de.ts")
    translator = QTranslator()
    assert translator.load(str(translations_folder() / "clera_de.qm"))
    stale = [source for source, said in german.items() if translator.translate(CONTEXT, source) != said]
    assert stale == [], "clera_de.qm is older than clera_de.ts: run tools/translations.py"


@pytest.fixture
def german_desktop(qapp: Any) -> Iterator[list[str]]:
    """A desktop set to German: its locale and the translations the app installs for it."""
    previous = QLocale()
    QLocale.setDefault(GERMAN)
    loaded = install_translations(qapp, GERMAN)
    try:
        yield loaded
    finally:
        remove_translations(qapp)
        QLocale.setDefault(previous)
        fmt.use_locale(previous)


def test_a_german_desktop_shows_german_menus_views_and_numbers(
        german_desktop: list[str], qtbot: Any, demo_context: AppContext, loop: Any,
        run: Callable[[Awaitable[Any]], Any]) -> None:
    assert any(path.endswith("clera_de.qm") for path in german_desktop)
    assert any("qtbase_de" in path for path in german_desktop), "Qt's own buttons too"
    window = MainWindow(demo_context.services)  # takes the desktop's locale, as at every start
    qtbot.addWidget(window)
    window.show()
    run(window.reload())
    run(window.sync_now())
    try:
        assert [a.text() for a in window.menuBar().actions()] == ["&Datei", "&Ansicht", "&Hilfe"]
        assert window.nav_buttons["dashboard"].text() == "\u00dcbersicht"
        assert window.nav_buttons["holdings"].toolTip().startswith("Positionen (")
        assert window.sync_label.text() == "Aktuell"
        holdings = showing(window, window.holdings_view, run)
        headers = [holdings.model.headerData(c, Qt.Orientation.Horizontal) for c in range(holdings.model.columnCount())]
        assert headers[:3] == ["Symbol", "Name", "St\u00fcckzahl"] and headers[4] == "Marktwert\n(USD)"
        value = holdings.model.index(0, 4).data()
        whole, cents = value.rsplit(",", 1)
        assert len(cents) == 2 and cents.isdigit() and "." in whole, f"German: 12.345,67, not {value}"
        assert "Positionen</b> \u00b7 Marktwert" in holdings.totals.text()
        accounts = showing(window, window.accounts_view, run)
        assert accounts.model.headerData(10, Qt.Orientation.Horizontal) == "Status"
        assert "Konten" in accounts.total.text()
        assert fmt.money(Decimal("1234.5"), "EUR") == "1.234,50 EUR"
    finally:
        window.close()


def test_english_installs_no_translation_of_the_apps(qapp: Any) -> None:
    loaded = install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert not any("clera_" in path for path in loaded)
        assert tr("&File") == "&File"
    finally:
        remove_translations(qapp)


def test_tr_falls_back_to_the_english_word_without_a_translator() -> None:
    assert QCoreApplication.translate(CONTEXT, "Holdings") == tr("Holdings") == "Holdings"


def test_every_word_the_pure_layers_hand_the_window_is_marked_for_translation() -> None:
    """portfolio/ and models/ import no Qt: their labels are listed in ui/words.py, and a new one is caught here."""
    from clera_desktop.models.enums import ActivityType, OrderSide, OrderStatus, OrderType
    from clera_desktop.portfolio.classification import ASSET_CLASSES, Dimension
    from clera_desktop.portfolio.gains import Term
    from clera_desktop.portfolio.health import Rule
    from clera_desktop.portfolio.lots import LotMethod
    from clera_desktop.ui import words

    labels = {member.label for enum in (Dimension, Term, Rule, LotMethod) for member in enum}
    assert labels | set(ASSET_CLASSES.values()) <= set(words.LABELS)
    titles = {member.value.replace("_", " ").title() for enum in (ActivityType, OrderSide, OrderStatus, OrderType)
              for member in enum}
    assert titles | {"Stop-Limit"} <= set(words.TITLES)
    assert set(words.TERM_WORDS) == {term.value for term in Term}


def test_what_the_layers_below_say_is_shown_in_german(german_desktop: list[str]) -> None:
    """An error written below the window (core/words.said) is its English sentence to every test and
    log, and the window says it in German, fields and all."""
    from clera_desktop.core.errors import CleraError, StoreFull
    from clera_desktop.core.words import said
    from clera_desktop.ui.app_shell import user_message_for
    from clera_desktop.ui.i18n import say

    error = CleraError(said("{account} is not active.", account="Savings"))
    assert error.user_message == "Savings is not active."
    assert user_message_for(error) == "Savings ist nicht aktiv."
    assert user_message_for(StoreFull()).startswith("Der Datentr\u00e4ger mit Ihren Clera-Daten ist voll.")
    assert say("words no catalogue knows") == "words no catalogue knows"
    from datetime import date

    from clera_desktop.imports.activities_csv import parse_activities

    preview = parse_activities("date,account,type,symbol,quantity,price,amount\n2026-13-01,Pension,BUY,,1,2,\n",
                               today=date(2026, 12, 7))
    shown = "\n".join(say(line) for line in preview.summary_lines())
    assert "Gelesen als UTF-8, getrennt durch Kommas" in shown and "Zeile 2: date '2026-13-01' ist kein Datum" in shown
    assert "Nichts kann importiert werden" in shown and "Zeile 2" not in preview.summary(), "the command line stays English"

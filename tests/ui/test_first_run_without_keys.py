"""A first start on a system with no keyring and nothing saved: the window says nothing is
connected (not "Up to date"), offers no keys to unlock, and Settings speaks of the encrypted file,
asks for a new passphrase twice before the first keys are kept there, and says why a key could
not be checked."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from clera_desktop.app import AppContext, build_context
from clera_desktop.core.secrets import ENCRYPTED_FILENAME, SecretKey, SecretStore, encrypted_file_backend
from clera_desktop.core.settings import load_settings
from clera_desktop.ui.dialogs.settings_dialog import SettingsDialog
from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.unlock import PassphraseDialog
from tests.clock import TEST_CLOCK
from tests.ui.conftest import wait_for


@pytest.fixture
def fresh(qtbot: Any, tmp_path: Path,
          run: Callable[[Awaitable[Any]], Any]) -> Iterator[tuple[AppContext, MainWindow]]:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    context = build_context(load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK))
    window = MainWindow(context.services)
    qtbot.addWidget(window)
    window.show()
    try:
        yield context, window
    finally:
        window.close()
        context.close()
        keyring.set_keyring(previous)


def test_nothing_connected_is_not_up_to_date_and_there_is_nothing_to_unlock(
        fresh: tuple[AppContext, MainWindow], run: Callable[[Awaitable[Any]], Any]) -> None:
    context, window = fresh
    assert context.services.keys.locked and context.services.secrets.nothing_saved
    assert not window.unlock_button.isVisible()
    run(window.sync_now())
    assert window.sync_label.text().startswith("Nothing connected to sync")


def test_the_first_keys_ask_for_a_new_passphrase_twice_and_say_why_they_were_not_checked(
        fresh: tuple[AppContext, MainWindow], run: Callable[[Awaitable[Any]], Any], tmp_path: Path) -> None:
    context, window = fresh
    services = context.services

    async def unreachable(_values: dict[str, str]) -> tuple[list[str], list[str]]:
        return [], ["Alpaca could not be reached (Alpaca's address could not be found: is this computer online?)."]

    services.keys.check = unreachable  # type: ignore[method-assign]
    dialog = SettingsDialog(services, window)
    assert "no keyring" in dialog.message.text() and "system keyring" not in dialog.message.text()
    assert "keep the saved one" not in dialog.alpaca_secret.placeholderText()
    dialog.alpaca_key.setText("PKNEW")
    dialog.alpaca_secret.setText("secret-new")
    said: list[str] = []
    services.changes.subscribe(lambda changes: said.append(changes.message))

    async def scenario() -> bool:
        saving = asyncio.ensure_future(dialog.save())
        await wait_for(lambda: dialog.findChild(PassphraseDialog) is not None)
        asked = dialog.findChild(PassphraseDialog)
        assert asked is not None and asked.new and asked.again.isVisibleTo(asked)
        asked.passphrase.setText("correct horse")
        asked.again.setText("correct hose")
        asked.buttons.accepted.emit()
        assert asked.isVisible() and "differ" in asked.problem.text(), "a typo is caught before the file is made"
        asked.again.setText("correct horse")
        asked.buttons.accepted.emit()
        return await saving

    assert run(scenario()) is True
    assert (tmp_path / "data" / ENCRYPTED_FILENAME).exists()
    assert SecretStore(encrypted_file_backend(tmp_path / "data", "correct horse")).get(SecretKey.ALPACA_API_KEY) == "PKNEW"
    assert any("address could not be found" in message for message in said), said

"""Without an OS keyring the window starts with saved keys locked, and unlocks them on request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import keyring
from keyring.backends.fail import Keyring as NoKeyring

from clera_desktop.app import build_context
from clera_desktop.core.secrets import SecretKey, SecretStore, encrypted_file_backend
from clera_desktop.core.settings import load_settings
from clera_desktop.models.enums import Provider
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK


def test_keys_in_the_encrypted_file_are_used_after_unlocking(qtbot: Any, tmp_path: Path,
                                                             run: Callable[[Awaitable[Any]], Any]) -> None:
    keyring.set_keyring(NoKeyring())
    data = tmp_path / "data"
    stored = SecretStore(encrypted_file_backend(data, "open sesame"))
    stored.set(SecretKey.ALPACA_API_KEY, "PKFROMFILE")
    stored.set(SecretKey.ALPACA_SECRET_KEY, "secret-from-file")
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    window = MainWindow(context.services)
    qtbot.addWidget(window)
    window.show()
    try:
        assert context.services.keys.locked and window.unlock_button.isVisible()
        assert Provider.ALPACA in context.services.registry.missing
        run(context.services.keys.unlock("open sesame"))
        assert not context.services.keys.locked
        assert context.services.registry.alpaca is not None
        assert context.services.credentials.alpaca is not None
        assert context.services.credentials.alpaca.api_key == "PKFROMFILE"
    finally:
        window.close()
        context.close()

"""Unlocking the saved keys where the system has no keyring: the passphrase of the encrypted file
(a new passphrase creates it), asked in a dialog; a wrong one is said, and nothing changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from clera_desktop.core.errors import CleraError

if TYPE_CHECKING:
    from clera_desktop.services import AppServices


async def ask_and_unlock(parent: QWidget, services: AppServices) -> bool:
    """True once the keys are unlocked; False when the person cancelled or the passphrase failed."""
    passphrase, ok = QInputDialog.getText(
        parent, "Unlock saved keys",
        "This system has no keyring service, so Clera Desktop keeps API keys in a file encrypted\n"
        "with your passphrase (a new passphrase creates the file).", QLineEdit.EchoMode.Password)
    if not ok or not passphrase:
        return False
    try:
        await services.unlock_secrets(passphrase)
    except CleraError as error:
        QMessageBox.warning(parent, "Unlock saved keys", error.user_message)
        return False
    return True

"""The "All accounts" chooser the Gains, Income and Performance views share."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import QComboBox
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.ui.i18n import tr

ALL_ACCOUNTS = ""

#: The active accounts' (id, name) in the accounts' order, read on the store's reader.
AccountNames = Callable[[], Awaitable[list[tuple[str, str]]]]


def fill_account_choice(combo: QComboBox, accounts: list[tuple[str, str]]) -> None:
    """"All accounts" then each (id, name), keeping the choice made where the account is still there."""
    chosen = combo.currentData()
    combo.clear()
    combo.addItem(tr("All accounts"), ALL_ACCOUNTS)
    for account_id, name in accounts:
        combo.addItem(name, account_id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


async def refill_account_choice(combo: QComboBox, changes: Changes, names: AccountNames | None) -> bool:
    """List the accounts again when they changed (or were never listed); False when the chooser
    went away while they were read."""
    if names is None or not (changes.touches(Change.ACCOUNTS) or combo.count() <= 1):
        return True
    accounts = await names()
    if not isValid(combo):
        return False
    fill_account_choice(combo, accounts)
    return True

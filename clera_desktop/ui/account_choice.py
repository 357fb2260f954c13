"""The "All accounts" chooser the Gains and Income views share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

ALL_ACCOUNTS = ""


def fill_account_choice(combo: QComboBox, accounts: list[tuple[str, str]]) -> None:
    """"All accounts" then each (id, name), keeping the choice made where the account is still there."""
    chosen = combo.currentData()
    combo.clear()
    combo.addItem("All accounts", ALL_ACCOUNTS)
    for account_id, name in accounts:
        combo.addItem(name, account_id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))

"""The first real run's guide to API keys: which each provider needs, where to get them, one button.

Shown at the top of Connect while a provider has no keys; it goes away provider by provider as
keys arrive (through Settings, which keeps them in the system keyring and uses them at once).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clera_desktop.models.enums import Provider
from clera_desktop.ui.i18n import tr, translatable

#: What each provider asks for, and where a person gets it. Plain words, links a person can open.
GUIDES = {
    Provider.SNAPTRADE: (
        translatable("<b>Brokerages (SnapTrade)</b>: a <i>client ID</i> and a <i>consumer key</i> from "
        "<a href='https://dashboard.snaptrade.com'>dashboard.snaptrade.com</a> (API keys). A personal key "
        "connects your own accounts; a commercial one is for an app with many users. Trading needs a "
        "connection with trading access, chosen when you connect.")),
    Provider.PLAID: (
        translatable("<b>Other investment accounts (Plaid, read-only)</b>: a <i>client ID</i> and a <i>secret</i> from "
        "<a href='https://dashboard.plaid.com/developers/keys'>dashboard.plaid.com</a>; choose Production for "
        "real institutions (Sandbox only shows Plaid's test banks).")),
    Provider.ALPACA: (
        translatable("<b>The Clera brokerage account (Alpaca)</b>: an <i>API key ID</i> and a <i>secret key</i> from "
        "<a href='https://app.alpaca.markets'>app.alpaca.markets</a>; paper keys trade practice money, live "
        "keys real money (the app asks twice before a live order).")),
}


class KeySetupGuide(QFrame):
    """Lists the providers still without keys; ``keys_requested`` opens Settings."""

    keys_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(tr("<b>Set up your connections</b> \u2014 Clera Desktop talks to each provider with your "
                               "own API keys. Keys are kept in the system keyring, never in the database or the log."))
        self.title.setWordWrap(True)
        self.steps = QLabel("")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setOpenExternalLinks(True)
        self.enter_keys = QPushButton(tr("Enter API keys\u2026"))
        self.enter_keys.clicked.connect(self.keys_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.enter_keys)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        self.missing: tuple[Provider, ...] = ()

    def show_missing(self, missing: dict[Provider, str]) -> None:
        """Providers without keys (a registry's ``missing``); hidden when every one has them.
        Keys that are saved but locked (no keyring unlocked yet) are not asked for again here."""
        wanted = tuple(p for p in GUIDES if p in missing and "locked" not in missing[p].lower())
        self.missing = wanted
        self.steps.setText("".join(f"<p>{tr(GUIDES[p])}</p>" for p in wanted))
        self.setVisible(bool(wanted))

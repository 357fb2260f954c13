"""Shown while nothing is connected: the four ways in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from clera_desktop.ui.i18n import tr


class WelcomeView(QWidget):
    demo_requested = Signal()
    snaptrade_requested = Signal()
    plaid_requested = Signal()
    alpaca_requested = Signal()

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addStretch(1)
        title = QLabel(tr("<h1>Welcome to Clera Desktop</h1>"))
        body = QLabel(tr("Every brokerage account in one window, live and correct to the cent."))
        for label in (title, body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(12)
        buttons = [
            (tr("Connect a brokerage (SnapTrade)"), self.snaptrade_requested),
            (tr("Link investment accounts (Plaid)"), self.plaid_requested),
            (tr("Add the Clera brokerage account (Alpaca)"), self.alpaca_requested),
        ]
        if not demo:
            buttons.insert(0, (tr("Try the demo"), self.demo_requested))
        for text, signal in buttons:
            button = QPushButton(text)
            button.setMinimumSize(380, 36)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

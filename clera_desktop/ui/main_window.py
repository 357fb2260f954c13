"""The main window: assembles the views; holds no logic of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from clera_desktop import __version__

if TYPE_CHECKING:
    from clera_desktop.app import AppContext


class WelcomeView(QWidget):
    """Shown while nothing is connected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("<h1>Welcome to Clera Desktop</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(
            "Every brokerage account in one window.<br>"
            "Connect a brokerage (SnapTrade), link investments (Plaid) "
            "or add your Clera brokerage account (Alpaca) to begin."
        )
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        title = "Clera Desktop"
        if context.settings.demo:
            title += " \u2014 Demo"
        self.setWindowTitle(title)
        self.resize(1200, 780)
        self._views = QStackedWidget(self)
        self._views.addWidget(WelcomeView(self._views))
        self.setCentralWidget(self._views)
        self.statusBar().showMessage(f"Clera Desktop {__version__}")

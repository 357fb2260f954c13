"""The window's navigation: a column of buttons, one per view (ui/window_views.py), each with its
icon, its translated title and its Ctrl+number shortcut in the tooltip; one checked at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QToolButton, QVBoxLayout, QWidget

from clera_desktop.ui.i18n import tr
from clera_desktop.ui.resources import icon
from clera_desktop.ui.window_views import TITLES


class Navigation(QWidget):
    def __init__(self, go: Callable[[str], None], parent: QWidget | None = None) -> None:
        """``go(key)``: show that view."""
        super().__init__(parent)
        self.group = QButtonGroup(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 12, 8, 12)
        self.buttons: dict[str, QToolButton] = {}
        for n, (key, english) in enumerate(TITLES.items(), start=1):
            title = tr(english)
            shortcut = QKeySequence(f"Ctrl+{n % 10}").toString(QKeySequence.SequenceFormat.NativeText)
            button = QToolButton()
            button.setText(title)
            button.setToolTip(f"{title} ({shortcut})")
            button.setIcon(icon(key))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setMinimumWidth(96)
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextUnderIcon)
            button.clicked.connect(lambda _=False, k=key: go(k))
            self.group.addButton(button)
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)

    def check(self, key: str | None) -> None:
        """Mark ``key``'s button as the view shown (None: none, as on the welcome page)."""
        self.group.setExclusive(False)  # an exclusive group keeps one button checked
        for candidate, button in self.buttons.items():
            button.setChecked(candidate == key)
        self.group.setExclusive(True)

"""Every control and chart has a name a screen reader can say, and every view is reachable by keyboard."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from clera_desktop.ui.main_window import MainWindow
from tests.ui.conftest import showing

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and (widget.text().strip().replace("&", "") or widget.toolTip()):
        return True
    return id(widget) in buddies


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the combo's or spin box's own editor: named with it
        if isinstance(widget, QHeaderView):
            continue  # a table's header: the table's name covers it, its sections are its titles
        if isinstance(widget, QAbstractButton) and widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a scroll bar's buttons, a calendar's)
        if not _named(widget, buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName() or ''} in {type(widget.parent()).__name__}")
    return missing


def test_every_control_in_every_view_has_an_accessible_name(window: MainWindow,
                                                            run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    missing = {}
    for name, view in window.views.items():
        showing(window, view, run)
        found = unnamed_controls(view)
        if found:
            missing[name] = found
    assert missing == {}, "\n".join(f"{view}: {', '.join(found)}" for view, found in missing.items())


def test_every_view_is_reached_from_the_keyboard(window: MainWindow, qtbot: Any,
                                                run: Callable[[Awaitable[Any]], Any]) -> None:
    """Ctrl+1..Ctrl+9, then Ctrl+0 (the View menu) go to the views in the sidebar's order; each button's
    tooltip says its keys."""
    window.activateWindow()
    run(window.settled())
    assert window.isActiveWindow()
    for n, (key, button) in enumerate(reversed(list(window.nav_buttons.items())), start=1):
        number = (len(window.nav_buttons) + 1 - n) % 10
        assert f"Ctrl+{number}" in button.toolTip(), key
        QTest.keyClick(QApplication.focusWidget() or window, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        # a tool button's shortcut clicks it as the mouse would: 100 ms later
        qtbot.waitUntil(lambda key=key: window.stack.currentWidget() is window.views[key])
        run(window.settled())
        assert window.stack.currentWidget() is window.views[key], key
        assert button.isChecked()

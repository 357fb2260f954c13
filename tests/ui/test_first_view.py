"""The demo opens on its Dashboard (every account live at once) until the person leaves another
view; a remembered view wins over it."""

from __future__ import annotations

from typing import Any

import pytest

from clera_desktop.app import AppContext
from clera_desktop.ui import view_state
from clera_desktop.ui.main_window import MainWindow


@pytest.mark.usefixtures("loop")  # the window's async slots need the event loop
def test_the_demo_opens_on_the_dashboard_and_a_remembered_view_wins(qtbot: Any, demo_context: AppContext) -> None:
    window = MainWindow(demo_context.services, first_view="dashboard")
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.views["dashboard"]
    assert window.nav_buttons["dashboard"].isChecked()

    view_state.save(demo_context.settings.data_dir, view_state.ViewState(view="income"))
    again = MainWindow(demo_context.services, first_view="dashboard")
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.views["income"]

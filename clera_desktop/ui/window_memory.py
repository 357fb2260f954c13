"""Where the person left the window, kept for the next start: its size and place (QSettings), the
view, the open account, the holdings' sort and Performance's range (view-state.json), and the
accounts it showed (last-screen.json, painted before the store opens next time)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clera_desktop.models.domain import AccountValue
    from clera_desktop.ui.main_window import MainWindow
    from clera_desktop.ui.view_state import ViewState

log = logging.getLogger(__name__)
GEOMETRY_KEY = "main_window/geometry"


def restore_geometry(window: MainWindow) -> None:
    geometry = QSettings().value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)


def restore_view_state(window: MainWindow, chosen_while_opening: QWidget | None) -> tuple[QWidget | None, ViewState]:
    """The view, sort and range the person left; returns the view to show (one clicked while the
    data was opening wins over the remembered one) and the state (its account opens once listed)."""
    from clera_desktop.ui import view_state

    state = view_state.load(window.settings.data_dir)
    column, order = state.holdings_sort
    window.holdings_view.tree.sortByColumn(column, Qt.SortOrder(order))
    if state.performance_range:
        window.performance_view.choose_range(state.performance_range)
    window.performance_view.show_deposits.setChecked(state.show_deposits)
    wanted = state.view or window.first_view  # nothing remembered: the view the start asked for
    if wanted in window.views and chosen_while_opening in (None, window.accounts_view):
        return window.views[wanted], state
    return chosen_while_opening, state


def keep_where_left(window: MainWindow) -> None:
    """The window closes: its geometry, the view state and the accounts it shows."""
    from clera_desktop.ui import view_state

    QSettings().setValue(GEOMETRY_KEY, window.saveGeometry())
    if window.services is None:
        return
    current = next((key for key, view in window.views.items() if view is window.stack.currentWidget()), "")
    header = window.holdings_view.tree.header()
    detail = window.accounts_view.detail
    view_state.save(window.settings.data_dir, view_state.ViewState(
        view=current, account=detail.account_id or "" if detail is not None else "",
        holdings_sort=(header.sortIndicatorSection(), header.sortIndicatorOrder().value),
        performance_range=window.performance_view.chosen_range()[0],
        show_deposits=window.performance_view.show_deposits.isChecked()))
    accounts = window.accounts_view.model.accounts()
    if accounts:  # with the column widths the person left
        keep_last_screen(window, accounts, window.accounts_view.column_widths())


def keep_last_screen(window: MainWindow, accounts: list[AccountValue], column_widths: list[int]) -> None:
    """What the next start paints before its data is open (touches no widget: any thread)."""
    from clera_desktop.ui import first_paint

    try:
        first_paint.save(window.settings.data_dir, accounts, column_widths)
    except OSError as error:
        log.info("could not keep the last screen: %s", error)

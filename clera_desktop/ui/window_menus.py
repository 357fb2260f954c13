"""The main window's menus, toolbar and shortcuts: File (refresh, export, import, manual account,
settings, quit), View (each view by Ctrl+number, Appearance) and Help (about, the log folder).

Every action calls one of the window's public methods; the actions that need the store stay off
until it is open (``needs_data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from clera_desktop import __version__
from clera_desktop.ui.i18n import tr
from clera_desktop.ui.palette import Appearance, choose_appearance, kept_appearance
from clera_desktop.ui.resources import icon

if TYPE_CHECKING:
    from clera_desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class WindowMenus:
    refresh: QAction  # File › Refresh, also on the toolbar: off while a sync runs
    needs_data: list[QAction]  # off until the store is open
    appearance: dict[Appearance, QAction]  # View › Appearance


def build_menus(window: MainWindow, *, has_store: bool) -> WindowMenus:
    refresh = QAction(icon("refresh"), tr("&Refresh"), window)
    refresh.setShortcuts([QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("Ctrl+R")])
    export = QAction(tr("&Export holdings\u2026"), window)
    export.setShortcut(QKeySequence("Ctrl+E"))
    export.triggered.connect(lambda: window.holdings_view.ask_and_export())
    settings = QAction(tr("&Settings\u2026"), window)
    settings.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
    settings.triggered.connect(window.open_settings)
    import_csv = QAction(tr("&Import CSV\u2026"), window)
    import_csv.setShortcut(QKeySequence("Ctrl+I"))
    import_csv.triggered.connect(window.open_import)
    manual = QAction(tr("Add &manual account\u2026"), window)
    manual.triggered.connect(window.open_manual_account)
    quit_action = QAction(tr("&Quit"), window)
    quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    quit_action.triggered.connect(window.close)
    file_menu = window.menuBar().addMenu(tr("&File"))
    needs_data = [refresh, export, import_csv, manual, settings]
    for action in needs_data:
        action.setEnabled(has_store)
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    view_menu = window.menuBar().addMenu(tr("&View"))
    for number, button in enumerate(window.nav_buttons.values(), start=1):
        action = QAction(button.text(), window)
        action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))  # the tenth: Ctrl+0
        action.triggered.connect(button.click)
        view_menu.addAction(action)
    view_menu.addSeparator()
    appearance = _appearance_menu(window, view_menu)

    help_menu = window.menuBar().addMenu(tr("&Help"))
    about = QAction(tr("&About Clera Desktop"), window)
    about.triggered.connect(lambda: _about(window))
    logs = QAction(tr("Open &log folder"), window)
    logs.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.settings.log_dir))))
    help_menu.addAction(about)
    help_menu.addAction(logs)
    toolbar = window.addToolBar(tr("Main toolbar"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(refresh)
    return WindowMenus(refresh, needs_data, appearance)


def _appearance_menu(window: QMainWindow, view_menu: QMenu) -> dict[Appearance, QAction]:
    """View › Appearance: as the system (the default), light or dark; kept between runs."""
    menu = view_menu.addMenu(tr("&Appearance"))
    group = QActionGroup(window)
    kept = kept_appearance()
    actions: dict[Appearance, QAction] = {}
    for appearance in Appearance:
        action = QAction(tr(appearance.label), window, checkable=True)
        action.setChecked(appearance is kept)
        action.triggered.connect(lambda _=False, a=appearance: choose_appearance(
            cast(QApplication, QApplication.instance()), a))
        group.addAction(action)
        menu.addAction(action)
        actions[appearance] = action
    return actions


def _about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(window, tr("About Clera Desktop"),
                      tr("Clera Desktop {version}\nEvery brokerage account in one window.\nData folder: {folder}")
                      .format(version=__version__, folder=window.settings.data_dir))

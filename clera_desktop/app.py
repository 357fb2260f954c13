"""Start-up and composition root: settings -> logging -> store -> services -> window.

No logic lives here; it only wires the parts together and runs the qasync loop.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from dataclasses import dataclass

from clera_desktop.core.settings import Settings
from clera_desktop.models.engine import Database

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything the window needs, built once at start-up."""

    settings: Settings
    database: Database

    def close(self) -> None:
        self.database.close()


def build_context(settings: Settings) -> AppContext:
    """Open (and migrate) the store; later issues add providers and services here."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database_url)
    log.info("data folder %s, database %s", settings.data_dir, settings.database_url)
    return AppContext(settings=settings, database=database)


def run_gui(settings: Settings, *, quit_after: float | None = None) -> int:
    """Open the main window on a qasync event loop and run until it closes."""
    from PySide6.QtWidgets import QApplication

    import qasync

    from clera_desktop.ui.app_shell import install_excepthook
    from clera_desktop.ui.main_window import MainWindow

    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Clera Desktop")
    app.setOrganizationName("Clera")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    install_excepthook()
    context = build_context(settings)
    window = MainWindow(context)
    window.show()
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    if quit_after is not None:
        loop.call_later(quit_after, app.quit)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        context.close()
    return 0

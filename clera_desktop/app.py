"""Start-up and composition root: settings -> logging -> store -> services -> window.

No logic lives here; it only wires the parts together and runs the qasync loop.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clera_desktop.core.credentials import resolve_credentials
from clera_desktop.core.secrets import open_secret_store
from clera_desktop.core.settings import Settings
from clera_desktop.models.engine import Database
from clera_desktop.providers.registry import build_registry
from clera_desktop.services import AppServices

if TYPE_CHECKING:
    from clera_desktop.demo import DemoEnvironment

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything the window needs, built once at start-up."""

    settings: Settings
    database: Database
    services: AppServices
    demo: DemoEnvironment | None = None

    def close(self) -> None:
        self.services.live.close()
        if self.demo is not None:
            self.demo.close()
        self.database.close()


def build_context(settings: Settings, *, passphrase_provider: Callable[[], str | None] | None = None,
                  sandbox_args: Sequence[str] = ()) -> AppContext:
    """Open (and migrate) the store, find credentials, build providers and services."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.database_url)
    log.info("data folder %s, database %s", settings.data_dir, settings.database_url)
    demo = None
    if settings.demo:
        from clera_desktop.demo import start_demo  # the sandbox and its imports only when asked for

        demo = start_demo(settings, database, sandbox_args=sandbox_args)
        settings, credentials, secrets = demo.settings, demo.credentials, demo.secrets
    else:
        secrets = open_secret_store(settings.data_dir, passphrase_provider)
        credentials = resolve_credentials(secrets)
    settings = _with_stored_base_currency(settings, database)
    registry = build_registry(settings, credentials, secrets, database)
    services = AppServices(settings, database, secrets, credentials, registry)
    return AppContext(settings, database, services, demo)


def _with_stored_base_currency(settings: Settings, database: Database) -> Settings:
    """The base currency chosen in Settings, unless CLERA_BASE_CURRENCY says otherwise."""
    import os
    from dataclasses import replace

    from clera_desktop.models.tables import AppSetting

    if os.environ.get("CLERA_BASE_CURRENCY"):
        return settings
    stored = database.read_sync(lambda s: s.get(AppSetting, "base_currency"))
    return replace(settings, base_currency=stored.value) if stored is not None else settings


def run_gui(settings: Settings, *, quit_after: float | None = None) -> int:
    """Open the main window on a qasync event loop and run until it closes."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    import qasync

    from clera_desktop.ui.app_shell import install_excepthook
    from clera_desktop.ui.main_window import MainWindow
    from clera_desktop.ui.palette import apply_system_palette

    # The embedded portal's WebEngine needs this before the application exists (loaded lazily).
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Clera Desktop")
    app.setOrganizationName("Clera")
    apply_system_palette(app)  # type: ignore[arg-type]
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    install_excepthook()
    # Without an OS keyring the secret file stays locked until the person unlocks it from the
    # window (a modal prompt before the window would block start-up, and any headless run).
    context = build_context(settings)
    window = MainWindow(context)
    window.show()
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    if quit_after is not None:
        loop.call_later(quit_after, app.quit)
    try:
        with loop:
            loop.create_task(window.start())
            loop.run_until_complete(closed.wait())
    finally:
        context.close()
    return 0

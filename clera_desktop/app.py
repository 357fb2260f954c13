"""Start-up and composition root: settings -> logging -> store -> services -> window.

No logic lives here; it only wires the parts together and runs the qasync loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from clera_desktop.core.errors import StoreDamaged
from clera_desktop.core.settings import APP_ID, Settings

if TYPE_CHECKING:  # the data stack is imported when it is built (on a worker thread in the GUI)
    from clera_desktop.demo import DemoEnvironment
    from clera_desktop.models.backup import Backup
    from clera_desktop.models.engine import Database
    from clera_desktop.services.app import AppServices

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
    from clera_desktop.core.credentials import resolve_credentials
    from clera_desktop.core.files import keep_private, private_folder
    from clera_desktop.core.secrets import open_secret_store
    from clera_desktop.models.engine import Database
    from clera_desktop.providers.registry import build_registry
    from clera_desktop.services.app import AppServices

    keep_private([settings.data_dir, settings.log_dir])
    private_folder(settings.data_dir)
    kept = None if settings.demo else open_secret_store(settings.data_dir, passphrase_provider)

    def store_key(name: str) -> str | None:  # an encrypted store's key (models/cipher.py)
        return None if kept is None or kept.is_locked else kept.get(name)

    database = Database(settings.database_url, clock=settings.clock, key_lookup=store_key)
    log.info("data folder %s, database %s", settings.data_dir, settings.database_url)
    demo = None
    if settings.demo:
        from clera_desktop.demo import start_demo  # the sandbox and its imports only when asked for

        demo = start_demo(settings, database, sandbox_args=sandbox_args)
        settings, credentials, secrets = demo.settings, demo.credentials, demo.secrets
    else:
        assert kept is not None
        secrets = kept
        credentials = resolve_credentials(secrets)
    settings = _with_stored_base_currency(settings, database)
    registry = build_registry(settings, credentials, secrets, database)
    services = AppServices(settings, database, secrets, credentials, registry)
    return AppContext(settings, database, services, demo)


def _with_stored_base_currency(settings: Settings, database: Database) -> Settings:
    """The base currency chosen in Settings, unless CLERA_BASE_CURRENCY says otherwise."""
    import os
    from dataclasses import replace

    from clera_desktop.models.queries import app_setting

    if os.environ.get("CLERA_BASE_CURRENCY"):
        return settings
    stored = database.read_sync(lambda s: app_setting(s, "base_currency"))
    return replace(settings, base_currency=stored.value) if stored is not None else settings


def latest_backup(settings: Settings) -> Backup | None:
    from clera_desktop.models.backup import backups

    path = settings.database_path
    found = backups(path) if path is not None else []
    return found[0] if found else None


def restore_question(damaged: StoreDamaged, latest: Backup, settings: Settings) -> str:
    name = settings.database_path.name if settings.database_path else "the database"
    return (f"{damaged.user_message}\n\nRestore the backup from {latest.taken:%A %d %B %Y, %H:%M}? The damaged "
            f"file stays beside it as {name}.set-aside-\u2026, so nothing is lost.")


def restore_backup(settings: Settings, backup: Backup) -> None:
    """On a worker thread: the damaged store is set aside (never deleted) and the backup put in its place."""
    from clera_desktop.models.backup import restore

    assert settings.database_path is not None
    restore(settings.database_path, backup.path, now=settings.clock.now())


def build_context_and_views(settings: Settings) -> AppContext:
    """On a worker thread: open the store and providers, and import the views' modules (the slow
    part of start-up) so that building the widgets on the GUI thread afterwards is quick."""
    from clera_desktop.ui.window_views import import_view_modules

    import_view_modules()
    return build_context(settings)


def run_selfcheck(settings: Settings, part: str = "portal") -> int:
    """The bundle's smoke tests (ui/selfcheck.py): the web engine, on the demo's own sandbox, or the
    German translation (no store needed)."""
    from clera_desktop.ui.selfcheck import check_german, check_portal

    if part == "german":
        return check_german()
    context = build_context(settings)
    try:
        return check_portal(context.services)
    finally:
        context.close()


def run_gui(settings: Settings, *, log_level: str = "INFO", quit_after: float | None = None,
            report_startup: bool = False) -> int:
    """Open the main window and run until it closes.

    First paint before anything slow: the last session's accounts (a small JSON file) in a window
    that needs only Qt and light modules, painted before asyncio, qasync and the data stack are
    even imported. Then the log file opens, the event loop starts, the store, keyring, providers
    and the other views load on a worker thread, and the window attaches to them and syncs.
    Without an OS keyring the secret file stays locked until the person unlocks it from the
    window (a modal prompt before the window would block start-up, and any headless run).

    ``report_startup`` prints ``painted`` once the first frame is painted, ``shown`` once the view on
    screen shows the store's own figures and ``ready`` once every view has read them (for
    bench/startup_bench.py, which times the lines).
    """
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from clera_desktop.ui.app_shell import install_excepthook, user_message_for
    from clera_desktop.ui.first_paint import load as load_first_paint
    from clera_desktop.ui.main_window import MainWindow
    from clera_desktop.ui.palette import apply_system_palette

    # The embedded portal's WebEngine needs this before the application exists (loaded lazily).
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    app.setApplicationName("Clera Desktop")
    app.setOrganizationName("Clera")
    app.setDesktopFileName(APP_ID)  # the .desktop file and the taskbar entry belong together
    from clera_desktop.core.files import writable_folder
    from clera_desktop.ui.single_instance import SingleInstance

    if not writable_folder(settings.data_dir):  # its lock, log and every sync are saved there
        from PySide6.QtWidgets import QMessageBox

        said = (f"Your Clera data folder {settings.data_dir} is read-only: the window needs to save there, so it "
                "cannot open it. Move the folder somewhere you can write to, or choose another with --data-dir; "
                "the command line can still read it (clera report, clera export).")
        print(said, file=sys.stderr)  # noqa: T201
        if quit_after is None:
            QMessageBox.critical(None, "Clera Desktop", said)
        return 1
    only = SingleInstance(settings.data_dir)
    if not only.acquire():  # this folder's window is open: bring it forward instead of a second one
        shown = only.ask_to_show()
        print(f"Clera Desktop is already open for {settings.data_dir} ({only.holder()})"  # noqa: T201
              + ("; its window was brought to the front." if shown else "."), file=sys.stderr)
        return 0
    apply_system_palette(app)
    from clera_desktop.ui.i18n import install_translations

    install_translations(app)
    install_excepthook()
    # the demo opens on its Dashboard (every account live at once) until the person leaves another view
    window = MainWindow(settings=settings, first_paint=load_first_paint(settings.data_dir),
                        first_view="dashboard" if settings.demo else "")
    window.show()
    app.processEvents()  # the first paint: the expose event is handled and every widget painted
    if report_startup:
        print("painted", flush=True)  # noqa: T201 - bench/startup_bench.py reads this line
    only.listen(window.come_forward)  # a second launch asks through it from now on (QtNetwork, hashlib)

    import asyncio
    import contextlib

    from clera_desktop.core.logging_setup import configure_logging, record_crashes

    configure_logging(settings.log_dir, log_level)
    record_crashes(settings.log_dir, started=settings.clock.now().isoformat())

    from clera_desktop.ui.event_loop import create_event_loop
    from clera_desktop.ui.garbage import collect_garbage_on_gui_thread

    loop = create_event_loop(app, collect_garbage=False)  # not while starting: see the finally below
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    if quit_after is not None:
        loop.call_later(quit_after, app.quit)
    context: AppContext | None = None

    async def open_data() -> None:
        nonlocal context
        try:
            try:
                context = await asyncio.to_thread(build_context_and_views, settings)
            except StoreDamaged as damaged:
                latest = latest_backup(settings)
                if latest is None or not window.ask("Restore your data?", restore_question(damaged, latest, settings)):
                    raise
                await asyncio.to_thread(restore_backup, settings, latest)
                context = await asyncio.to_thread(build_context_and_views, settings)
            window.attach(context.services)
            await window.start(figures_shown=(lambda: print("shown", flush=True)) if report_startup else None)  # noqa: T201
        except Exception as error:
            log.exception("could not open the data")
            window.sync_label.setText(f"Could not open your data: {user_message_for(error)}")
            return
        finally:
            if not closed.is_set():  # off since launch (see __main__); window.start() has frozen the start-up heap
                collect_garbage_on_gui_thread(app)
        if report_startup:
            print("ready", flush=True)  # noqa: T201 - bench/startup_bench.py reads this line

    try:
        with loop:
            opening = loop.create_task(open_data())
            loop.run_until_complete(closed.wait())
            if not opening.done():  # closed while the data was opening: stop there, said nowhere
                opening.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    loop.run_until_complete(opening)
    finally:
        if context is not None:
            context.close()
    return 0

"""The main window: navigation, views, menus, Refresh and the status bar. Assembles; no logic."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.ui import formatting as fmt
from clera_desktop.ui import window_memory
from clera_desktop.ui.app_shell import settle_heap
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.live_frames import LiveFrames
from clera_desktop.ui.navigation import Navigation
from clera_desktop.ui.resources import icon
from clera_desktop.ui.slots import async_slot
from clera_desktop.ui.sync_flow import SyncFlow
from clera_desktop.ui.views.accounts_view import AccountsView
from clera_desktop.ui.welcome_flow import WelcomeFlow
from clera_desktop.ui.window_views import TITLES

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from clera_desktop.core.changes import Changes
    from clera_desktop.core.settings import Settings
    from clera_desktop.models.domain import AccountValue
    from clera_desktop.services.app import AppServices
    from clera_desktop.ui.first_paint import LastScreen
    from clera_desktop.ui.refresh import Refresher
    from clera_desktop.ui.view_state import ViewState
    from clera_desktop.ui.views.allocation_view import AllocationView
    from clera_desktop.ui.views.connect_view import ConnectView
    from clera_desktop.ui.views.dashboard_view import DashboardView
    from clera_desktop.ui.views.gains_view import GainsView
    from clera_desktop.ui.views.holdings_view import HoldingsView
    from clera_desktop.ui.views.income_view import IncomeView
    from clera_desktop.ui.views.orders_view import OrdersView
    from clera_desktop.ui.views.performance_view import PerformanceView
    from clera_desktop.ui.views.trade_view import TradeView
    from clera_desktop.ui.views.welcome_view import WelcomeView

log = logging.getLogger(__name__)
LAST_SESSION_NOTE = translatable("Showing your last session's figures while your data opens\u2026")
OPENING_NOTE = translatable("Opening your data\u2026")


def _message_box() -> type[QMessageBox]:
    """QMessageBox when a message is shown: not a cost of the first paint."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


class MainWindow(QMainWindow):
    """The window. It can paint before the store is open: built without services it shows the
    last session's accounts (``first_paint``); :meth:`attach` then builds the other views."""

    connect_view: ConnectView
    holdings_view: HoldingsView
    dashboard_view: DashboardView
    performance_view: PerformanceView
    gains_view: GainsView
    income_view: IncomeView
    allocation_view: AllocationView
    trade_view: TradeView
    orders_view: OrdersView
    refreshers: dict[str, Refresher]
    loading_views: dict[str, QWidget]

    def __init__(self, services: AppServices | None = None, *, settings: Settings | None = None,
                 first_paint: LastScreen | None = None, first_view: str = "") -> None:
        """``first_view``: the view to open on when none is remembered (the demo: its Dashboard)."""
        super().__init__()
        self.first_view = first_view
        self._services: AppServices = None  # type: ignore[assignment]  # set by attach()
        settings = services.settings if services is not None else settings
        assert settings is not None, "the services or the settings"
        self._settings = settings
        fmt.use_clock(settings.clock)
        fmt.use_locale(QLocale())
        self.setWindowTitle(tr("Clera Desktop \u2014 Demo") if settings.demo else "Clera Desktop")
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)

        self.welcome_flow = WelcomeFlow(self)  # the ways in, when there is nothing to show
        self._view_state: ViewState | None = None  # where the person left the window, until restored
        self.accounts_view = AccountsView()
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        for key in TITLES:
            view = self.accounts_view if key == "accounts" else QLabel(tr(OPENING_NOTE),
                                                                       alignment=Qt.AlignmentFlag.AlignCenter)
            self.views[key] = view
            self.stack.addWidget(view)

        self.navigation = Navigation(lambda key: self.show_view(self.views[key]))
        self.nav_group, self.nav_buttons = self.navigation.group, self.navigation.buttons
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.sync = SyncFlow(self, self.refresh_action, self.settled)
        self.sync_label, self.error_button = self.sync.label, self.sync.problem_button
        # an icon, not an emoji: emoji fonts are not everywhere
        self.unlock_button = QPushButton(icon("lock"), tr("Unlock saved keys\u2026"))
        self.unlock_button.setFlat(True)
        self.unlock_button.setToolTip(tr("No system keyring here: your API keys are kept in an encrypted file."))
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.unlock_button.hide()
        self._auto_sync_timer = QTimer(self)  # asks services/auto_sync.py; set up in attach, run from start
        self.server_label = QLabel()  # a shared book's server away: said until it is back
        self.server_label.setObjectName("serverAway")
        self.server_label.setWordWrap(True)
        self.server_label.hide()
        self.statusBar().addWidget(self.sync_label, 1)
        self.statusBar().addPermanentWidget(self.server_label)
        self.statusBar().addPermanentWidget(self.unlock_button)
        self.statusBar().addPermanentWidget(self.error_button)
        window_memory.restore_geometry(self)
        self.live = LiveFrames(self)
        self.show_view(self.accounts_view)
        if first_paint and first_paint.accounts:
            accounts = first_paint.accounts
            self.accounts_view.set_accounts(accounts, accounts[0].base_currency, first_paint.column_widths)
            self.sync_label.setText(tr(LAST_SESSION_NOTE))
        elif services is None:  # a first start: nothing saved to show yet
            self.sync_label.setText(tr(OPENING_NOTE))
        if services is not None:
            self.attach(services)

    def come_forward(self) -> None:
        """Another launch on this data folder asked for this window (ui/single_instance.py)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def ask(self, title: str, text: str) -> bool:
        """A yes-or-no question, modal, on the GUI thread (restore a backup, say)."""
        box = _message_box()
        return box.question(self, title, text) == box.StandardButton.Yes

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def services(self) -> AppServices:
        """What the window shows and does (after :meth:`attach`)."""
        return self._services

    def attach(self, services: AppServices) -> None:
        """The store, keyring and providers are open: build every view on them (ui/window_views.py)."""
        from clera_desktop.ui.refresh import SelfLoading
        from clera_desktop.ui.window_views import build_views

        self._services = services
        self._settings = services.settings
        self.sync.attach(services)
        shown = self.stack.currentWidget()
        self.accounts_view.attach(services)
        built = build_views(services)
        #: the views that load themselves on the changes they watch (ui/refresh.py)
        self.loading_views = {key: view for key, view in built.items() if isinstance(view, SelfLoading)}
        for key, view in built.items():
            setattr(self, f"{key}_view", view)  # typed above, for the signals wired below
            placeholder = self.views[key]
            self.stack.insertWidget(self.stack.indexOf(placeholder), view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.views[key] = view
            if placeholder is shown:  # chosen while the data was opening: show what replaced it
                shown = view
        shown, self._view_state = window_memory.restore_view_state(self, shown)
        if shown is not None:
            self.show_view(shown)
        self.unlock_button.setVisible(services.keys.locked and not services.secrets.nothing_saved)
        self._build_refreshers()
        self._stop_listening = services.changes.subscribe(self._on_changes)
        self.connect_view.connections_changed.connect(self._on_connections_changed)
        self.connect_view.keys_requested.connect(self.open_settings)
        self.trade_view.order_placed.connect(self._on_order_placed)
        self.orders_view.orders_filled.connect(self._on_order_placed)
        self.holdings_view.trade_requested.connect(self.open_ticket)
        self.allocation_view.trade_requested.connect(self.open_ticket)
        self.accounts_view.manual_account_requested.connect(self.open_manual_account)
        self.holdings_view.said.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self._sync_on_its_own(services)
        if services.shared_changes is not None:  # a book shared on PostgreSQL (services/shared_changes.py)
            services.shared_changes.on_reachable = self._on_server_reachable
            services.shared_changes.start()
        for action in self.needs_data:
            action.setEnabled(True)
        self.live.draw()

    # ---- menus and actions --------------------------------------------------------------------

    def _build_menus(self) -> None:
        from clera_desktop.ui.window_menus import build_menus

        menus = build_menus(self, has_store=self._services is not None)
        self.refresh_action, self.needs_data = menus.refresh, menus.needs_data
        self.appearance_actions = menus.appearance
        self.refresh_action.triggered.connect(self._on_refresh_triggered)

    def open_import(self) -> None:
        from clera_desktop.ui.dialogs.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self._services, self)
        self.import_dialog.open()

    def open_manual_account(self) -> None:
        from clera_desktop.ui.dialogs.manual_account_dialog import ManualAccountDialog

        self.manual_dialog = ManualAccountDialog(self._services, self)  # announces the account it adds
        self.manual_dialog.open()

    def open_settings(self) -> None:
        from clera_desktop.ui.dialogs.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self._services, self)
        self.settings_dialog.accepted.connect(self.refresh)
        self.settings_dialog.open()

    def show_view(self, view: QWidget) -> None:
        self.stack.setCurrentWidget(view)
        self.navigation.check(next((key for key, candidate in self.views.items() if candidate is view), None))

    def open_ticket(self, symbol: str) -> None:
        self.show_view(self.trade_view)
        self.trade_view.start_ticket(symbol)

    # ---- data ---------------------------------------------------------------------------------

    def _build_refreshers(self) -> None:
        """Which view shows which kinds of change (core/changes.py), and how it re-reads them."""
        from clera_desktop.core.changes import Change
        from clera_desktop.ui.refresh import Refresher

        values = Change.ACCOUNTS | Change.POSITIONS | Change.BASE_CURRENCY
        self.refreshers = {
            "accounts": Refresher(self.accounts_view, values | Change.CONNECTIONS | Change.ACTIVITIES | Change.ORDERS
                                  | Change.HISTORY | Change.SYNC_STATUS, self._load_accounts,
                                  reading=translatable("Reading the accounts\u2026")),
            **{key: Refresher.of(view) for key, view in self.loading_views.items()},
            # the live value is recorded off screen too (the intraday line), and the welcome page decided
            "live": Refresher(self.dashboard_view, values | Change.CREDENTIALS, self._load_live, always=True),
            "window": Refresher(self, Change.ACCOUNTS | Change.CONNECTIONS, self.welcome_flow.load, always=True),
        }

    def _sync_on_its_own(self, services: AppServices) -> None:
        """Every N minutes while the window is open, and on waking or the network's return
        (services/auto_sync.py decides by the clock; this timer only asks it)."""
        from clera_desktop.services.auto_sync import TICK, AutoSync
        from clera_desktop.ui.tasks import run_task

        async def sync() -> bool:
            await self.refresh()
            return self.sync.last_report is not None and self.sync.last_report.ok

        self.auto_sync = AutoSync(services.settings.clock, sync, interval=lambda: services.auto_sync_interval)
        # a sync started by the person (or at start) counts too; the auto's own it counts itself
        self.sync.on_done = lambda ok: None if self.auto_sync.running else self.auto_sync.synced(ok)
        self._auto_sync_timer.setInterval(int(TICK.total_seconds() * 1000))
        self._auto_sync_timer.timeout.connect(lambda: run_task(self, self.auto_sync.tick()))
        self._auto_sync_timer.timeout.connect(self._watch_network, Qt.ConnectionType.SingleShotConnection)
        run_task(self, services.load_auto_sync())  # the timer starts with the window's run (start), on its loop

    def _watch_network(self) -> None:
        """The network's return nudges the next sync (at the first tick, not at start-up: Qt's network
        module and its backend cost the window about 23 ms on the GUI thread)."""
        from PySide6.QtNetwork import QNetworkInformation

        if QNetworkInformation.loadDefaultBackend() and (network := QNetworkInformation.instance()) is not None:
            network.reachabilityChanged.connect(
                lambda reach: self.auto_sync.nudge() if reach == QNetworkInformation.Reachability.Online else None)

    def _on_server_reachable(self, reachable: bool, sentence: str) -> None:
        """The shared book's server went away (said until it is back) or came back (said a moment)."""
        if not isValid(self):
            return
        self.server_label.setText(say(sentence))
        self.server_label.setVisible(not reachable)
        if reachable:
            self.statusBar().showMessage(say(sentence), 8000)

    def _on_changes(self, changes: Changes) -> None:
        """Every announcement (core/changes.py): each view that shows it redraws, now or when next shown."""
        if not isValid(self):
            return
        for refresher in self.refreshers.values():
            refresher.take(changes)
        if changes.message:
            self.statusBar().showMessage(say(changes.message), 8000)  # a said(...) announcement, translated

    async def reload(self) -> None:
        """Re-read everything every view shows, now (the first frame with data; tests)."""
        import asyncio  # loaded after the first paint, with the event loop

        if self._services is None:
            return
        await asyncio.gather(*(refresher.load_now() for refresher in self.refreshers.values()))

    async def settled(self) -> None:
        """Wait until every redraw under way has finished (the end of a sync; tests)."""
        import asyncio  # loaded after the first paint, with the event loop

        await asyncio.gather(*(refresher.settled() for refresher in self.refreshers.values()))

    async def _load_accounts(self, changes: Changes) -> None:
        from clera_desktop.core.changes import Change

        services = self._services
        accounts = await services.book.accounts()
        if not isValid(self):  # the window closed while the store was being read
            return
        self.accounts_view.set_accounts(accounts, services.settings.base_currency)
        if self.sync_label.text() in (tr(LAST_SESSION_NOTE), tr(OPENING_NOTE)):  # the store's figures are shown now
            self.sync_label.setText("")
        shown = self.accounts_view.shown_account
        remembered = self._view_state.account if self._view_state is not None else ""
        if not shown and remembered and any(a.account_id == remembered for a in accounts):
            self._view_state = None  # once: the account the person left open
            await self.accounts_view.open_account(remembered)
            shown = None
        figures_moved = changes.what & ~Change.SYNC_STATUS  # a sync that wrote nothing moved only the stamps
        if shown and figures_moved and (not changes.accounts or shown in changes.accounts
                                        or changes.touches(Change.BASE_CURRENCY)):
            await self.accounts_view.open_account(shown)
        await self._save_first_paint(accounts)

    async def _load_live(self, _changes: Changes) -> None:
        if self._services.live.running:  # positions, accounts or the base currency changed: re-value, resubscribe
            await self._services.live.refresh_book()

    @property
    def welcome(self) -> WelcomeView | None:
        """The welcome page, once shown (ui/welcome_flow.py)."""
        return self.welcome_flow.page

    def show_welcome(self) -> None:
        self.welcome_flow.show()

    async def _save_first_paint(self, accounts: list[AccountValue]) -> None:
        from clera_desktop.core.threads import in_thread

        await in_thread(window_memory.keep_last_screen, self, accounts, self.accounts_view.column_widths())

    async def start(self, figures_shown: Callable[[], None] | None = None) -> None:
        """First paint from the store, then live prices and a sync in the background.
        ``figures_shown``: called once the view on screen shows the store's figures."""
        import asyncio  # loaded after the first paint, with the event loop

        # the figures on screen first; the hidden views' reads after them, not beside them
        shown = [r for r in self.refreshers.values() if r.view.isVisible()]
        await asyncio.gather(*(r.load_now() for r in shown))
        if figures_shown is not None:
            figures_shown()
        await asyncio.gather(*(r.load_now() for r in self.refreshers.values() if r not in shown))
        settle_heap()
        self.live.start()
        self._auto_sync_timer.start()  # from here the app syncs on its own too (until the window closes)
        first_sync = self.refresh()
        from clera_desktop.ui.tasks import run_task

        async def warm_gains() -> None:  # once the first sync settled: the Gains view then opens at once
            await asyncio.wait({first_sync})
            if self.sync.history_task is not None:
                await asyncio.wait({self.sync.history_task})
            if isValid(self):
                await self._services.gains.warm()

        run_task(self, warm_gains())

    def refresh(self) -> asyncio.Task[None]:
        """Sync now (ui/sync_flow.py), unless a sync is under way already."""
        return self.sync.refresh()

    @async_slot()
    async def _on_refresh_triggered(self) -> None:
        await self.refresh()

    async def sync_now(self) -> None:
        await self.sync.sync_now()

    async def update_history(self) -> None:
        await self.sync.update_history()

    @async_slot()
    async def _on_unlock_button_clicked(self) -> None:
        from clera_desktop.ui.unlock import ask_and_unlock

        if await ask_and_unlock(self, self._services) and isValid(self):
            self.unlock_button.hide()
            self.statusBar().showMessage(tr("Saved keys unlocked."), 5000)
            self.refresh()

    def _on_order_placed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)  # the fill's sync announces what it changed

    def _on_connections_changed(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)  # the connection's sync announced what it changed

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        window_memory.keep_where_left(self)
        self._auto_sync_timer.stop()
        self.sync.cancel()
        for refresher in getattr(self, "refreshers", {}).values():
            refresher.cancel()
        self.live.stop()
        if self._services is not None:
            self._stop_listening()
            if self._services.shared_changes is not None:
                self._services.shared_changes.stop()
            self._services.live.close()
            self._services.stop_history()
        super().closeEvent(event)

"""The app's services as the window sees them: awaitable, Qt-free, returning snapshots.

Every method runs its I/O off the GUI thread (provider calls in the network pool, database work
on the store's worker threads) and returns immutable data the views render as they like.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.credentials import Credentials
from clera_desktop.core.errors import CleraError
from clera_desktop.core.secrets import SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.queries import app_setting
from clera_desktop.models.tables import Account
from clera_desktop.providers.registry import ProviderRegistry
from clera_desktop.realtime.service import LiveService
from clera_desktop.services.allocation import AllocationService
from clera_desktop.services.auto_sync import DEFAULT_INTERVAL
from clera_desktop.services.auto_sync import SETTING_KEY as AUTO_SYNC_KEY
from clera_desktop.services.book import BookReads
from clera_desktop.services.connecting import Connecting
from clera_desktop.services.gains import GainsService
from clera_desktop.services.health import HealthService
from clera_desktop.services.history import HistoryService
from clera_desktop.services.imports import CsvImports
from clera_desktop.services.income import IncomeService
from clera_desktop.services.keys import Keys
from clera_desktop.services.manual import ManualAccounts
from clera_desktop.services.security import StoreSecurity
from clera_desktop.services.shared_changes import SharedChanges
from clera_desktop.services.state import AppState
from clera_desktop.services.storage import StorageChoice
from clera_desktop.sync.service import SyncProgress, SyncReport, SyncService
from clera_desktop.trading.service import TradingService

log = logging.getLogger(__name__)


class AppServices:
    """The app's services, assembled once (app.py builds it): each piece has one job.

    ``state`` holds what the app runs on now (settings, secrets, credentials, providers:
    services/state.py); ``keys`` changes the keys in it, ``connecting`` adds and repairs
    connections, ``book`` reads what the views list. This class itself runs the sync and the
    history update that follows every sync, and chooses the base currency. The jobs with services
    of their own: ``manual`` (manual accounts), ``imports`` (CSV files), ``gains`` (lots and realised
    gains), ``income`` (dividends and interest), ``health`` (concentration rules), ``allocation``
    (classes and targets), ``security`` (encryption at rest), ``history``, ``trading``, ``live``.
    Every change any of them makes is announced on ``changes``."""

    def __init__(self, settings: Settings, database: Database, secrets: SecretStore, credentials: Credentials,
                 registry: ProviderRegistry) -> None:
        self.state = AppState(settings, secrets, credentials, registry)
        self.database = database
        #: Every change any part makes is announced here (core/changes.py); the window listens.
        self.changes = ChangeBus()
        # Settings and the registry are replaced, never mutated: the parts ask for the current ones.
        self.book = BookReads(database, lambda: self.settings.base_currency)
        self.keys = Keys(self.state, database, self.changes)
        self.connecting = Connecting(self.state, database, self.changes, sync_service=self.sync_service,
                                     synced=self._synced, sync_connection=lambda c: self.sync(connection_id=c))
        self.history = HistoryService(database, lambda: self.settings, lambda: self.registry)
        self.live = LiveService(database, lambda: self.settings, lambda: self.registry)
        self.trading = TradingService(lambda: self.settings, database, lambda: self.registry,
                                      sync_account=self.sync_account, changes=self.changes)
        self.manual = ManualAccounts(database, lambda: self.settings.clock, self.changes)
        self.imports = CsvImports(database, lambda: self.settings.clock, self.changes)
        self.gains = GainsService(database, lambda: self.settings.clock, lambda: self.settings.base_currency, self.changes)
        self.income = IncomeService(database, lambda: self.settings.clock, lambda: self.settings.base_currency,
                                    self.changes)
        self.allocation = AllocationService(database, lambda: self.settings.clock,
                                            lambda: self.settings.base_currency, self.changes)
        self.health = HealthService(database, lambda: self.settings.clock, self.allocation, self.changes)
        self.security = StoreSecurity(database, lambda: self.settings, lambda: self.secrets)
        self.storage = StorageChoice(lambda: self.settings, lambda: self.secrets)
        #: how often the window syncs on its own (services/auto_sync.py; :meth:`load_auto_sync`)
        self.auto_sync_interval = DEFAULT_INTERVAL
        #: a book shared on PostgreSQL: what other computers change reaches the views here, and back
        self.shared_changes = SharedChanges(database, self.changes) if database.shared else None
        self._history_runs: asyncio.Task[None] | None = None  # the update that follows the latest sync
        self._history_again = False

    # the state every part reads (services/state.py), as attributes of old
    @property
    def settings(self) -> Settings:
        return self.state.settings

    @property
    def secrets(self) -> SecretStore:
        return self.state.secrets

    @property
    def credentials(self) -> Credentials:
        return self.state.credentials

    @property
    def registry(self) -> ProviderRegistry:
        return self.state.registry

    async def load_auto_sync(self) -> timedelta:
        """How often the app syncs on its own (Settings; 30 minutes unless chosen; 0: only when asked)."""
        kept = await self.database.read(lambda s: app_setting(s, AUTO_SYNC_KEY))
        try:
            self.auto_sync_interval = timedelta(minutes=int(kept.value)) if kept is not None else DEFAULT_INTERVAL
        except ValueError:
            self.auto_sync_interval = DEFAULT_INTERVAL
        return self.auto_sync_interval

    async def set_auto_sync(self, minutes: int) -> None:
        from clera_desktop.models.upserts import put_app_setting

        now = self.settings.clock.now()
        await self.database.write(lambda s: put_app_setting(s, AUTO_SYNC_KEY, str(max(minutes, 0)), now=now))
        self.auto_sync_interval = timedelta(minutes=max(minutes, 0))
        self.changes.announce(Changes(Change.SETTINGS))

    async def set_base_currency(self, code: str) -> None:
        """Totals are shown in ``code`` from now on (kept in the database's app settings)."""
        from clera_desktop.models.upserts import put_app_setting

        code = code.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise CleraError(said("{code!r} is not a currency code such as USD or CAD.", code=code))

        if code == self.settings.base_currency:
            return
        now = self.settings.clock.now()
        await self.database.write(lambda s: put_app_setting(s, "base_currency", code, now=now))
        self.state.settings = replace(self.settings, base_currency=code)
        self.changes.announce(Changes(Change.BASE_CURRENCY | Change.ACCOUNTS | Change.POSITIONS | Change.HISTORY,
                                      message=said("Totals are now shown in {code}.", code=code)))

    # ---- reading --------------------------------------------------------------------------

    # ---- sync -----------------------------------------------------------------------------

    def sync_service(self, progress: Callable[[SyncProgress], None] | None = None) -> SyncService:
        return SyncService(self.database, self.registry.for_sync(), self.settings, fx=self.registry.fx,
                           progress=progress)

    async def sync(self, *, connection_id: str | None = None,
                   progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
        service = self.sync_service(progress)
        report = await (service.sync_connection(connection_id) if connection_id is not None else service.sync_all())
        return self._synced(report)

    def _synced(self, report: SyncReport, also: Change = Change.NONE) -> SyncReport:
        """Every sync ends here: what it changed is announced, and the history follows it."""
        self.changes.announce(report.changes() | Changes(also) if also else report.changes())
        self.follow_with_history()
        return report

    def follow_with_history(self) -> asyncio.Task[None]:
        """Bring the history up to date after a sync, however it was started (File › Refresh, a new
        connection, a fill): today's point of Performance and every report follows each one. A
        request while an update runs asks for one more after it, never two at once."""
        if self._history_runs is not None and not self._history_runs.done():
            self._history_again = True
        else:
            self._history_runs = asyncio.ensure_future(self._history_until_current())
        return self._history_runs

    async def _history_until_current(self) -> None:
        while True:
            self._history_again = False
            try:
                await self.update_history()
            except CleraError as error:  # offline, say: the store's figures stay, the next sync tries again
                log.warning("history not updated: %s", error)
            if not self._history_again:
                return

    async def history_settled(self) -> None:
        """Wait until the history follows the latest sync."""
        while self._history_runs is not None and not self._history_runs.done():
            await asyncio.shield(self._history_runs)

    def stop_history(self) -> None:
        if self._history_runs is not None:
            self._history_runs.cancel()

    async def update_history(self) -> list[str]:
        """Fetch the closes and rates history needs, then bring every derived figure up to date
        (manual accounts re-priced, histories rebuilt where their inputs changed)."""
        rebuilt = await self.history.update()
        if rebuilt:
            self.changes.announce(Changes(Change.HISTORY, frozenset(rebuilt)))
        repriced = frozenset(a for a in rebuilt if a.startswith("manual_"))  # new closes move manual accounts' values
        if repriced:
            self.changes.announce(Changes(Change.POSITIONS | Change.ACCOUNTS, repriced))
        return rebuilt

    # ---- connecting -----------------------------------------------------------------------

    async def sync_account(self, account_id: str) -> SyncReport | None:
        """Sync the connection holding ``account_id`` (after a fill, say)."""
        connection_id = await self.database.read(
            lambda s: s.scalar(select(Account.connection_id).where(Account.id == account_id)))
        return None if connection_id is None else await self.sync(connection_id=connection_id)

"""The app's services as the window sees them: awaitable, Qt-free, returning snapshots.

Every method runs its I/O off the GUI thread (provider calls in the network pool, database work
on the store's worker threads) and returns immutable data the views render as they like.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.credentials import AlpacaCredentials, Credentials
from clera_desktop.core.errors import CleraError, ConfigurationError, InvalidCredentials
from clera_desktop.core.secrets import SecretKey, SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.core.threads import in_thread
from clera_desktop.models.domain import AccountValue
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionStatus, PortfolioMode, Provider
from clera_desktop.models.queries import portfolio_mode
from clera_desktop.models.tables import (
    Account,
    Activity,
    Balance,
    Connection,
    Order,
    Position,
)
from clera_desktop.portfolio.history_service import HistoryService
from clera_desktop.portfolio.holdings import HoldingsSnapshot, holdings_snapshot
from clera_desktop.portfolio.valuation import account_values
from clera_desktop.providers.alpaca import AlpacaClient
from clera_desktop.providers.plaid import HostedLink, LinkOutcome
from clera_desktop.providers.registry import (
    ProviderRegistry,
    ensure_snaptrade_user,
    remember_plaid_item,
)
from clera_desktop.realtime.service import LiveService
from clera_desktop.services.allocation import AllocationService
from clera_desktop.services.gains import GainsService
from clera_desktop.services.health import HealthService
from clera_desktop.services.imports import CsvImports
from clera_desktop.services.income import IncomeService
from clera_desktop.services.manual import ManualAccounts
from clera_desktop.services.security import StoreSecurity
from clera_desktop.sync import connections as connection_ops
from clera_desktop.sync.service import SyncProgress, SyncReport, SyncService
from clera_desktop.trading.service import TradingService

log = logging.getLogger(__name__)
PROVIDER_NAMES = {"snaptrade": "SnapTrade", "plaid": "Plaid", "alpaca": "Alpaca"}


@dataclass(frozen=True, slots=True)
class ConnectionRow:
    id: str
    provider: str
    provider_connection_id: str
    name: str
    access: str
    status: str
    status_reason: str | None
    last_sync_at: datetime | None
    last_error: str | None
    accounts: int


@dataclass(frozen=True, slots=True)
class PositionRow:
    symbol: str
    description: str | None
    quantity: Decimal
    price: Decimal | None
    market_value: Decimal | None
    cost_basis: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: int
    day: date
    type: str
    symbol: str | None
    quantity: Decimal | None
    price: Decimal | None
    amount: Decimal | None
    currency: str
    description: str | None


@dataclass(frozen=True, slots=True)
class OrderRow:
    submitted_at: datetime | None
    symbol: str
    side: str
    order_type: str
    quantity: Decimal | None
    status: str
    filled_quantity: Decimal
    average_fill_price: Decimal | None


@dataclass(frozen=True, slots=True)
class AccountDetail:
    value: AccountValue
    positions: tuple[PositionRow, ...]
    balances: tuple[tuple[str, Decimal | None, Decimal | None], ...]
    activities: tuple[ActivityRow, ...]
    orders: tuple[OrderRow, ...]


class AppServices:
    """The owner of the app's state (settings, credentials, the provider registry), and what changes
    it: keys, connections and sync, each replacement announced on ``changes``. Jobs that need none
    of that state are their own services, reached from here: ``manual`` (manual accounts),
    ``imports`` (CSV files), ``gains`` (lots and realised gains), ``income`` (dividends and interest),
    ``health`` (concentration rules), ``allocation`` (classes and targets), ``security`` (encryption at
    rest), ``history``, ``trading``, ``live``."""

    def __init__(self, settings: Settings, database: Database, secrets: SecretStore, credentials: Credentials,
                 registry: ProviderRegistry) -> None:
        self.settings = settings
        self.database = database
        self.secrets = secrets
        self.credentials = credentials
        self.registry = registry
        #: Every change any part makes is announced here (core/changes.py); the window listens.
        self.changes = ChangeBus()
        # Settings and the registry are replaced, never mutated: the parts ask for the current ones.
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
        self._history_runs: asyncio.Task[None] | None = None  # the update that follows the latest sync
        self._history_again = False

    @property
    def secrets_locked(self) -> bool:
        return self.secrets.is_locked

    async def unlock_secrets(self, passphrase: str) -> None:
        """Open the encrypted secret file (no OS keyring here) and pick up the keys inside."""
        from clera_desktop.core.credentials import resolve_credentials
        from clera_desktop.core.secrets import encrypted_file_backend
        from clera_desktop.providers.registry import build_registry

        def unlock() -> ProviderRegistry:
            self.secrets.unlock(encrypted_file_backend(self.settings.data_dir, passphrase))
            self.credentials = resolve_credentials(self.secrets)
            return build_registry(self.settings, self.credentials, self.secrets, self.database)

        self.registry = await in_thread(unlock)
        self.changes.announce(Changes(Change.CREDENTIALS, message="Saved keys unlocked."))

    async def save_keys(self, values: dict[str, str], *, note: str = "") -> Changes:
        """Keep API keys typed into Settings in the keyring and use them right away; a field left
        empty keeps the key in use, and keys that did not change change nothing."""
        from clera_desktop.core.credentials import with_typed_keys
        from clera_desktop.providers.registry import build_registry

        credentials = with_typed_keys(self.credentials, values)
        if credentials == self.credentials:
            return Changes(Change.NONE)

        def save() -> ProviderRegistry:
            for name, value in values.items():
                if value.strip():
                    self.secrets.set(name, value.strip())
            return build_registry(self.settings, credentials, self.secrets, self.database)

        self.registry = await in_thread(save)
        self.credentials = credentials
        return self.changes.announce(Changes(Change.CREDENTIALS, message="Keys saved." + (f" {note}" if note else "")))

    async def check_keys(self, values: dict[str, str]) -> tuple[list[str], list[str]]:
        """Ask each provider whose keys were typed whether it takes them, before they are kept.
        Returns (refused, unchecked): what each provider that refused the keys said, and why each
        that could not be asked was not (offline, down): those keys are kept, and the next sync will tell."""
        from clera_desktop.core.credentials import with_typed_keys
        from clera_desktop.providers.registry import build_registry

        credentials = with_typed_keys(self.credentials, values)
        registry = await in_thread(build_registry, self.settings, credentials, self.secrets, self.database)
        typed = {name.split(".", 1)[0] for name, value in values.items() if value.strip()}
        checks = [(name, client) for name, client in (("snaptrade", registry.snaptrade), ("plaid", registry.plaid),
                                                       ("alpaca", registry.alpaca)) if name in typed and client]
        refused, unchecked = [], []
        for name, client in checks:
            try:
                await client.verify_keys()
            except InvalidCredentials as error:
                refused.append(f"{PROVIDER_NAMES[name]}: {error.user_message}")
            except CleraError as error:
                log.info("could not check the %s keys: %s", name, error.user_message)
                unchecked.append(f"{PROVIDER_NAMES[name]} could not be reached ({error.user_message}).")
        return refused, unchecked

    async def set_base_currency(self, code: str) -> None:
        """Totals are shown in ``code`` from now on (kept in the database's app settings)."""
        from clera_desktop.models.upserts import put_app_setting

        code = code.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise CleraError(f"{code!r} is not a currency code such as USD or CAD.")

        if code == self.settings.base_currency:
            return
        now = self.settings.clock.now()
        await self.database.write(lambda s: put_app_setting(s, "base_currency", code, now=now))
        self.settings = replace(self.settings, base_currency=code)
        self.changes.announce(Changes(Change.BASE_CURRENCY | Change.ACCOUNTS | Change.POSITIONS | Change.HISTORY,
                                      message=f"Totals are now shown in {code}."))

    # ---- reading --------------------------------------------------------------------------

    async def portfolio_mode(self) -> PortfolioMode:
        return await self.database.read(portfolio_mode)

    async def accounts(self) -> list[AccountValue]:
        base = self.settings.base_currency
        return await self.database.read(lambda s: account_values(s, base))

    async def account_names(self) -> list[tuple[str, str]]:
        """(id, name) of the active accounts, in :meth:`accounts`' order, without valuing them: what
        an account choice lists (valuing every holding cost a tenth of a second on a big book)."""
        def read(session: Session) -> list[tuple[str, str]]:
            rows = session.execute(select(Account.id, Account.name).where(Account.is_active.is_(True))
                                   .order_by(Account.institution, Account.name))
            return [(account_id, name) for account_id, name in rows]

        return await self.database.read(read)

    async def holdings(self) -> HoldingsSnapshot:
        base = self.settings.base_currency
        return await self.database.read(lambda s: holdings_snapshot(s, base))

    async def connections(self) -> list[ConnectionRow]:
        return await self.database.read(connection_rows)

    async def account_detail(self, account_id: str) -> AccountDetail:
        base = self.settings.base_currency
        return await self.database.read(lambda s: account_detail(s, account_id, base))

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

    def missing_reason(self, provider: Provider) -> str | None:
        return self.registry.missing.get(provider)

    async def snaptrade_portal_url(self, *, trading: bool, redirect: str, broker: str | None = None,
                                   reconnect: str | None = None) -> str:
        client = self.registry.snaptrade
        if client is None:
            raise ConfigurationError(self.registry.missing[Provider.SNAPTRADE])
        await ensure_snaptrade_user(self.registry, self.database, self.secrets)
        return await client.portal_url(trading=trading, redirect=redirect, broker=broker, reconnect=reconnect)

    async def confirm_snaptrade_connection(self, connection_id: str) -> SyncReport:
        """The portal said SUCCESS: check with SnapTrade that the connection exists, then sync it."""
        client = self.registry.snaptrade
        assert client is not None
        known = {c.provider_connection_id for c in await client.list_connections()}
        if connection_id not in known:
            raise CleraError("SnapTrade does not list the new connection yet. Try Refresh in a minute.")
        return self._synced(await self.sync_service().sync_provider(Provider.SNAPTRADE))

    async def plaid_hosted_link(self, *, redirect: str, item_id: str | None = None) -> HostedLink:
        client = self.registry.plaid
        if client is None:
            raise ConfigurationError(self.registry.missing[Provider.PLAID])
        return await client.create_hosted_link(user_id="clera-desktop", completion_redirect=redirect, item_id=item_id)

    async def finish_plaid_link(self, link_token: str) -> LinkOutcome:
        client = self.registry.plaid
        assert client is not None
        outcome = await client.link_outcome(link_token)
        for public_token, institution in zip(outcome.public_tokens, outcome.institutions, strict=True):
            item_id, access_token = await client.exchange_public_token(public_token)
            await in_thread(functools.partial(remember_plaid_item, self.database, self.secrets, item_id, access_token,
                                              institution, now=self.settings.clock.now()))
        if outcome.finished and not outcome.exit_reason:
            self._synced(await self.sync_service().sync_provider(Provider.PLAID))
        return outcome

    async def connect_alpaca(self, *, api_key: str, secret_key: str, paper: bool) -> str:
        """Verify the keys with Alpaca before keeping them; returns the account's name."""
        credentials = AlpacaCredentials(api_key.strip(), secret_key.strip(), paper)
        endpoints = self.settings.endpoints
        client = AlpacaClient(credentials, trading_url=endpoints.alpaca_trading_url, data_url=endpoints.alpaca_data_url,
                              clock=self.settings.clock)
        account = await client.verify()
        await in_thread(self.secrets.set, SecretKey.ALPACA_API_KEY, credentials.api_key)
        await in_thread(self.secrets.set, SecretKey.ALPACA_SECRET_KEY, credentials.secret_key)
        await in_thread(self.secrets.set, SecretKey.ALPACA_ENVIRONMENT, "paper" if paper else "live")
        self.registry = replace(self.registry, alpaca=client,
                                missing={p: m for p, m in self.registry.missing.items() if p is not Provider.ALPACA})
        self.credentials = replace(self.credentials, alpaca=credentials)
        self._synced(await self.sync_service().sync_provider(Provider.ALPACA), also=Change.CREDENTIALS)
        return account.name

    async def remove_connection(self, connection_id: str) -> None:
        await connection_ops.remove_connection(connection_id=connection_id, database=self.database,
                                               registry=self.registry, clock=self.settings.clock)
        self.changes.announce(Changes(Change.SYNCED | Change.HISTORY))

    async def refresh_connection(self, connection_id: str) -> SyncReport:
        await connection_ops.refresh_connection(connection_id=connection_id, database=self.database,
                                                registry=self.registry)
        return await self.sync(connection_id=connection_id)


# ---- snapshot queries (run on a database worker thread) -------------------------------------


def connection_rows(session: Session) -> list[ConnectionRow]:
    counts: dict[str, int] = {}
    for connection_id in session.scalars(select(Account.connection_id).where(Account.is_active.is_(True))):
        if connection_id:
            counts[connection_id] = counts.get(connection_id, 0) + 1
    return [
        ConnectionRow(c.id, c.provider.value, c.provider_connection_id, c.brokerage_name, c.connection_type.value,
                      c.status.value, c.status_reason, c.last_sync_at, c.last_error, counts.get(c.id, 0))
        for c in session.scalars(select(Connection).where(Connection.status != ConnectionStatus.DISABLED)
                                 .order_by(Connection.brokerage_name))
    ]


def account_detail(session: Session, account_id: str, base: str) -> AccountDetail:
    value = next((v for v in account_values(session, base, include_inactive=True) if v.account_id == account_id), None)
    if value is None:
        raise CleraError("That account no longer exists.")
    positions = tuple(
        PositionRow(p.symbol, p.description, p.quantity, p.price, p.market_value, p.cost_basis, p.currency)
        for p in session.scalars(select(Position).where(Position.account_id == account_id).order_by(Position.symbol))
    )
    balances = tuple((b.currency, b.cash, b.buying_power)
                     for b in session.scalars(select(Balance).where(Balance.account_id == account_id)))
    activities = tuple(
        ActivityRow(a.id, a.trade_date, a.type.value, a.symbol, a.quantity, a.price, a.amount, a.currency, a.description)
        for a in session.scalars(select(Activity).where(Activity.account_id == account_id)
                                 .order_by(Activity.trade_date.desc(), Activity.id.desc()).limit(500))
    )
    orders = tuple(
        OrderRow(o.submitted_at, o.symbol, o.side.value, o.order_type.value, o.quantity, o.status.value,
                 o.filled_quantity, o.average_fill_price)
        for o in session.scalars(select(Order).where(Order.account_id == account_id)
                                 .order_by(Order.updated_at.desc()).limit(200))
    )
    return AccountDetail(value, positions, balances, activities, orders)

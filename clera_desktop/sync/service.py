"""SyncService: every provider's data into SQLite, failure-isolated and incremental.

- One transaction per account (the serial DB writer): an error or a kill mid-sync leaves each
  account as it was or fully updated, never half.
- Providers sync concurrently (bounded); a provider's or connection's failure is recorded on
  it (``last_error``, the sync run) and never stops the others.
- Activities are fetched from the last synced day minus an overlap window and deduplicated by
  the provider's id; positions the provider no longer reports are removed.
- A connection the provider marks disabled keeps its last data: its accounts are marked stale
  (with since when) and the connection "needs reconnect".
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import BadProviderData, CleraError, NeedsReconnect, StoreError
from clera_desktop.core.logging_setup import FILE_ONLY
from clera_desktop.core.settings import Settings
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models.domain import account_id_for
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionStatus, Provider, SyncStatus
from clera_desktop.models.provider_data import (
    AccountData,
    RemoteAccount,
    RemoteConnection,
)
from clera_desktop.models.tables import Account, Connection, FxRate, SyncRun
from clera_desktop.models.upserts import (
    AccountChanges,
    KnownPositions,
    connection_id_for,
    deactivate_missing_accounts,
    mark_accounts,
    prepare_account_data,
    rows_affected,
    store_prepared_account,
    upsert_connection,
    upsert_rows,
)
from clera_desktop.providers.base import ProviderClient
from clera_desktop.providers.fx import FxClient
from clera_desktop.sync.lock import SyncLock

log = logging.getLogger(__name__)
ACTIVITY_OVERLAP = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Reported as sync goes; ``done``/``total`` count accounts within this run."""

    provider: Provider
    message: str
    done: int
    total: int


@dataclass(slots=True)
class ProviderOutcome:
    provider: Provider
    status: SyncStatus = SyncStatus.SUCCEEDED
    accounts: int = 0
    rows_changed: int = 0
    activities_changed: int = 0
    positions_changed: int = 0
    errors: list[str] = field(default_factory=list)
    user_messages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SyncReport:
    outcomes: list[ProviderOutcome] = field(default_factory=list)
    changed_accounts: set[str] = field(default_factory=set)
    changed: Change = Change.NONE  # the kinds of change written (accounts, positions, activities, orders, connections)

    def changes(self) -> Changes:
        """What to announce: the kinds written and their accounts, and always the sync's own status
        (a sync that wrote nothing moves no figure: only the "last sync" columns)."""
        accounts = frozenset() if self.changed & Change.CONNECTIONS else frozenset(self.changed_accounts)
        return Changes(self.changed | Change.SYNC_STATUS, accounts)

    @property
    def ok(self) -> bool:
        return all(o.status is SyncStatus.SUCCEEDED for o in self.outcomes)

    def summary(self) -> str:
        lines = []
        for o in self.outcomes:
            line = (f"{o.provider.value}: {o.status.value}, {o.accounts} accounts, {o.rows_changed} rows changed "
                    f"({o.activities_changed} activities, {o.positions_changed} positions)")
            lines.append(line + "".join(f"\n  ! {m}" for m in o.user_messages))
        return "\n".join(lines) or "nothing to sync: no provider is connected"


ProgressCallback = Callable[[SyncProgress], None]


class SyncService:
    def __init__(
        self,
        database: Database,
        providers: Mapping[Provider, ProviderClient],
        settings: Settings,
        *,
        fx: FxClient | None = None,
        concurrency: int = 4,
        progress: ProgressCallback | None = None,
        lock_wait: float = 0.0,
        lock: SyncLock | None = None,
    ) -> None:
        self.database = database
        self.providers = dict(providers)
        self.settings = settings
        self.fx = fx
        self.clock = settings.clock
        self._provider_slots = asyncio.Semaphore(3)
        self._account_slots = concurrency
        self._progress = progress
        # ``lock``: the folder's lock, when the caller holds it around its syncs (the command line)
        self._lock = lock or SyncLock.of(database, self.clock)
        self._lock_wait = lock_wait
        self._known_positions = KnownPositions()  # each account's positions as last prepared

    # ---- entry points -----------------------------------------------------------------

    def _only_reads(self) -> bool:
        """A viewer of a shared book: nothing of theirs to sync (the server would refuse every row)."""
        if self.database.read_only and self.database.shared:
            log.info("a viewer of the shared book: no sync")
            return True
        return False

    async def sync_all(self) -> SyncReport:
        if self._only_reads():
            return SyncReport()
        async with self._one_writer():
            report = SyncReport()
            providers = [p for p in self.providers if self._enabled(p)]
            outcomes = await asyncio.gather(*(self._bounded(p, None, report) for p in providers))
            report.outcomes.extend(outcomes)
            await self._sync_fx(report)
            return report

    async def sync_provider(self, provider: Provider) -> SyncReport:
        if self._only_reads():
            return SyncReport()
        async with self._one_writer():
            report = SyncReport()
            if self._enabled(provider):
                report.outcomes.append(await self._bounded(provider, None, report))
            await self._sync_fx(report)
            return report

    async def sync_connection(self, connection_id: str) -> SyncReport:
        async with self._one_writer():
            connection = await self.database.read(lambda s: s.get(Connection, connection_id))
            if connection is None:
                raise CleraError(said("That connection no longer exists."))
            report = SyncReport()
            report.outcomes.append(await self._bounded(connection.provider, connection.provider_connection_id, report))
            await self._sync_fx(report)
            return report

    @contextlib.asynccontextmanager
    async def _one_writer(self) -> AsyncIterator[None]:
        """Hold the data folder's sync lock (another process waits ``lock_wait`` seconds, then is
        told who holds it); the sole holder marks runs a killed process left running."""
        await in_thread(functools.partial(self._lock.acquire, wait=self._lock_wait))
        try:
            if self._lock.sole_holder:
                await self._mark_interrupted_runs()
            yield
        finally:
            self._lock.release()

    async def _mark_interrupted_runs(self) -> None:
        now = self.clock.now()
        try:
            interrupted = await self.database.write(lambda s: mark_interrupted_runs(s, now=now))
        except StoreError as error:  # best effort: the providers' runs meet the same store and say so
            log.warning("could not mark interrupted sync runs: %s", error, extra=FILE_ONLY)
            return
        if interrupted:
            log.warning("%d sync run(s) were interrupted (the process ended mid-sync)", interrupted)

    def _enabled(self, provider: Provider) -> bool:
        if provider is Provider.SNAPTRADE and not self.settings.snaptrade_investment_sync:
            log.info("SnapTrade sync is off (FF_SNAPTRADE_INVESTMENT_SYNC=false)")
            return False
        return provider in self.providers

    async def _bounded(self, provider: Provider, only_connection: str | None, report: SyncReport) -> ProviderOutcome:
        """One provider's run, start to recorded end, whatever happens in it: a failure (the
        provider's, the store's, or a bug) is that provider's outcome, and the others go on."""
        async with self._provider_slots:
            outcome = ProviderOutcome(provider)
            run_id: int | None = None
            single: str | None = None
            try:
                started = self.clock.now()
                run_id = await self.database.write(lambda s: _start_run(s, provider, started))
                single = await self._sync_provider(provider, only_connection, report, outcome)
            except Exception as raw:  # noqa: BLE001 - the boundary of one provider's sync
                await self._fail_provider(provider, as_provider_error(raw, provider), outcome)
            if run_id is not None:
                finished = self.clock.now()
                try:
                    await self.database.write(lambda s: _finish_run(s, run_id, outcome, single, now=finished))
                except CleraError as error:  # the run stays 'running' and is marked interrupted next time
                    log.warning("could not record the end of the %s sync: %s", provider.value, error, extra=FILE_ONLY)
            return outcome

    # ---- one provider -------------------------------------------------------------------

    async def _sync_provider(self, provider: Provider, only_connection: str | None, report: SyncReport,
                             outcome: ProviderOutcome) -> str | None:
        """Returns the connection synced alone (``only_connection``'s app id), else None."""
        client = self.providers[provider]
        self._report(provider, said("Checking connections"), 0, 0)
        connections = list(await client.list_connections())
        if only_connection is not None:
            connections = [c for c in connections if c.provider_connection_id == only_connection]
        report.changed |= await self.database.write(lambda s: _store_connections(
            s, provider, connections, full=only_connection is None, now=self.clock.now()))

        active = [c for c in connections if not c.disabled]
        for broken in (c for c in connections if c.disabled):
            outcome.user_messages.append(said("{brokerage}: {reason}", brokerage=broken.brokerage_name,
                                              reason=broken.status_reason or said("needs reconnect")))
            if outcome.status is SyncStatus.SUCCEEDED:
                outcome.status = SyncStatus.PARTIAL
        plans = await asyncio.gather(*(self._accounts_of(client, c, outcome) for c in active))
        work = [(c, a) for c, accounts in zip(active, plans, strict=True) for a in accounts]
        done = 0
        slots = asyncio.Semaphore(self._account_slots)

        async def one(connection: RemoteConnection, account: RemoteAccount) -> None:
            nonlocal done
            async with slots:
                changes = await self._sync_account(client, connection, account, outcome)
            done += 1
            self._report(provider, said("Synced {account}", account=account.name), done, len(work))
            if changes is not None:
                outcome.accounts += 1
                outcome.rows_changed += changes.total
                outcome.activities_changed += changes.activities_changed
                outcome.positions_changed += changes.positions_changed + changes.positions_removed
                if changes.kinds:
                    report.changed_accounts.add(changes.account_id)
                    report.changed |= changes.kinds

        await asyncio.gather(*(one(c, a) for c, a in work))
        return connection_id_for(connections[0]) if only_connection and connections else None

    async def _accounts_of(self, client: ProviderClient, connection: RemoteConnection,
                           outcome: ProviderOutcome) -> list[RemoteAccount]:
        connection_id = connection_id_for(connection)
        try:
            accounts = list(await client.list_accounts(connection))
        except StoreError:
            raise
        except ACCOUNT_FAILURES as raw:
            error = as_provider_error(raw, outcome.provider)
            self._note_error(outcome, connection.brokerage_name, error)
            await self.database.write(functools.partial(_connection_failed, connection_id=connection_id, error=error))
            return []
        present: set[str] = {account_id_for(a.provider.account_prefix, a.provider_account_id) for a in accounts}
        await self.database.write(lambda s: deactivate_missing_accounts(s, connection_id, present, now=self.clock.now()))
        return accounts

    async def _sync_account(self, client: ProviderClient, connection: RemoteConnection, account: RemoteAccount,
                            outcome: ProviderOutcome) -> AccountChanges | None:
        """One account: fetched and stored whole, or kept as it was with the reason recorded. A
        store failure (locked, full) is not this account's: it ends the provider's run."""
        account_id = account_id_for(account.provider.account_prefix, account.provider_account_id)
        synced_through = await self.database.read(
            lambda s: s.scalar(select(Account.activities_synced_through).where(Account.id == account_id)))
        since = None if synced_through is None else synced_through - ACTIVITY_OVERLAP
        try:
            data: AccountData = await client.fetch_account(account, activities_since=since)
            # Converting a large account's rows takes a while: do it off the writer thread, so its
            # transaction only executes statements (shorter locks, no waiting on other threads).
            prepared = await in_thread(functools.partial(
                prepare_account_data, data, dialect=self.database.engine.dialect, now=self.clock.now(),
                today=self.clock.today(), known=self._known_positions))
        except StoreError:
            raise
        except ACCOUNT_FAILURES as raw:
            error = as_provider_error(raw, outcome.provider)
            self._note_error(outcome, account.name, error)
            await self.database.write(functools.partial(_account_failed, account_id=account_id, error=error,
                                                        now=self.clock.now()))
            return None
        for note in prepared.notes:
            outcome.user_messages.append(said("{account}: {note}", account=account.name, note=note))
        connection_id = connection_id_for(connection)
        return await self.database.write(lambda s: store_prepared_account(s, prepared, connection_id=connection_id))

    # ---- errors and progress --------------------------------------------------------------

    def _note_error(self, outcome: ProviderOutcome, what: str, error: CleraError) -> None:
        # the person reads the outcome's sentence (the CLI's summary, the window's status bar); the
        # log file keeps the detail, and the terminal does not get it twice
        log.warning("sync %s: %s failed: %s", outcome.provider, what, error, exc_info=error.__cause__ is not None,
                    extra=FILE_ONLY)
        outcome.errors.append(f"{what}: {error}")
        outcome.user_messages.append(said("{what}: {reason}", what=what, reason=error.user_message))
        outcome.status = SyncStatus.PARTIAL

    async def _fail_provider(self, provider: Provider, error: CleraError, outcome: ProviderOutcome) -> None:
        log.warning("sync %s failed: %s", provider, error, extra=FILE_ONLY)  # said in the outcome, as above
        outcome.status = SyncStatus.FAILED
        outcome.errors.append(str(error))
        outcome.user_messages.append(error.user_message)
        if isinstance(error, StoreError):
            return  # the store refused: there is nowhere to write the failure down
        try:
            await self.database.write(lambda s: _provider_failed(s, provider, error))
        except CleraError as unrecorded:
            log.warning("could not record the %s failure: %s", provider.value, unrecorded, extra=FILE_ONLY)

    def _report(self, provider: Provider, message: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(SyncProgress(provider, message, done, total))

    # ---- FX -----------------------------------------------------------------------------

    async def _sync_fx(self, report: SyncReport) -> None:
        if self.fx is None:
            return
        base = self.settings.base_currency
        currencies = await self.database.read(lambda s: sorted(set(s.scalars(
            select(Account.currency).where(Account.is_active.is_(True), Account.currency != base)).all())))
        if not currencies:
            return
        try:
            quotes = [q for currency in currencies for q in await self.fx.latest(currency, [base])]
        except CleraError as error:
            log.warning("FX rates unavailable: %s", error)
            report.outcomes.append(ProviderOutcome(Provider.MANUAL, SyncStatus.FAILED, errors=[str(error)],
                                                   user_messages=[f"Exchange rates: {error.user_message}"]))
            return

        def store(session: Session) -> None:
            upsert_rows(session, FxRate, [
                {"base": q.base, "quote": q.quote, "rate": q.rate, "as_of": q.as_of, "source": "ecb"} for q in quotes
            ], ["base", "quote", "as_of"])

        await self.database.write(store)


#: What reading a provider's payload raises when a field is missing or malformed (parsed by us,
#: after the SDK answered): the provider sent data the app could not read.
PAYLOAD_ERRORS: tuple[type[Exception], ...] = (KeyError, IndexError, TypeError, ValueError, AttributeError,
                                               ArithmeticError)
#: What fails one connection or account (kept as it was) rather than the provider's whole run.
ACCOUNT_FAILURES: tuple[type[Exception], ...] = (CleraError, *PAYLOAD_ERRORS)


def as_provider_error(error: BaseException, provider: Provider) -> CleraError:
    """Any failure in a provider's sync, as a message for the person (the detail goes to the log)."""
    if isinstance(error, CleraError):
        return error
    name = provider.display_name
    if isinstance(error, PAYLOAD_ERRORS):
        log.warning("%s sent data the app could not read: %r", name, error, exc_info=error)
        return BadProviderData(f"{name} sent data the app could not read. Nothing was changed.", provider=provider.value,
                               detail=repr(error))
    log.error("unexpected failure syncing %s", name, exc_info=error)
    return CleraError(f"Something unexpected went wrong while syncing {name}. Nothing was changed; the details "
                      "are in the log (Help \u203a Open log folder).", detail=repr(error))


def mark_interrupted_runs(session: Session, *, now: datetime) -> int:
    """Runs still 'running' when no sync runs anywhere: their process ended mid-run (a kill, a crash)."""
    return rows_affected(session.execute(
        update(SyncRun).where(SyncRun.status == SyncStatus.RUNNING)
        .values(status=SyncStatus.INTERRUPTED, finished_at=now,
                error="The app ended during this sync (closed, killed or crashed); its accounts kept their last data.")))


def _start_run(session: Session, provider: Provider, started: datetime) -> int:
    run = SyncRun(provider=provider, started_at=started, status=SyncStatus.RUNNING, counts={})
    session.add(run)
    session.flush()
    return run.id


def _finish_run(session: Session, run_id: int, outcome: ProviderOutcome, connection_id: str | None, *,
                now: datetime) -> None:
    run = session.get_one(SyncRun, run_id)
    run.finished_at = now
    run.status = outcome.status
    run.connection_id = connection_id
    run.counts = {"accounts": outcome.accounts, "rows_changed": outcome.rows_changed,
                  "activities_changed": outcome.activities_changed, "positions_changed": outcome.positions_changed}
    run.error = "\n".join(outcome.errors) or None


def _store_connections(session: Session, provider: Provider, connections: list[RemoteConnection], *, full: bool,
                       now: datetime) -> Change:
    """What changed: CONNECTIONS when one was added or changed state (not only its sync stamps);
    every kind a provider reports when one was removed (its accounts leave every figure)."""
    seen, moved = set(), Change.NONE
    for remote in connections:
        row, changed = upsert_connection(session, remote, now=now)
        if changed:
            moved |= Change.CONNECTIONS
        seen.add(row.id)
        account_ids = session.scalars(select(Account.id).where(Account.connection_id == row.id)).all()
        if remote.disabled:
            for account in session.scalars(select(Account).where(Account.id.in_(account_ids),
                                                                 Account.stale_since.is_(None))):
                account.stale_since = row.disabled_since or now
        else:
            row.last_sync_at = now
            row.last_error = None
    if full:  # connections the provider no longer knows were removed elsewhere
        for gone in session.scalars(select(Connection).where(Connection.provider == provider,
                                                             Connection.id.not_in(seen),
                                                             Connection.status != ConnectionStatus.DISABLED)):
            gone.status, gone.status_reason, gone.updated_at = ConnectionStatus.DISABLED, "Removed at the provider.", now
            mark_accounts(session, session.scalars(select(Account.id).where(Account.connection_id == gone.id)).all(),
                          is_active=False)
            moved |= Change.SYNCED
    return moved


def _connection_failed(session: Session, *, connection_id: str, error: CleraError) -> None:
    row = session.get(Connection, connection_id)
    if row is not None:
        row.last_error = error.user_message
        if isinstance(error, NeedsReconnect):
            row.status, row.status_reason = ConnectionStatus.NEEDS_RECONNECT, error.user_message


def _account_failed(session: Session, *, account_id: str, error: CleraError, now: datetime) -> None:
    row = session.get(Account, account_id)
    if row is not None:
        row.last_error = error.user_message
        if isinstance(error, NeedsReconnect) and row.stale_since is None:
            row.stale_since = now


def _provider_failed(session: Session, provider: Provider, error: CleraError) -> None:
    for row in session.scalars(select(Connection).where(Connection.provider == provider)):
        row.last_error = error.user_message
        if isinstance(error, NeedsReconnect):
            row.status, row.status_reason = ConnectionStatus.NEEDS_RECONNECT, error.user_message

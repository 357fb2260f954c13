"""Connecting a brokerage: SnapTrade's portal, Plaid's hosted Link, Alpaca's keys; repairing and
removing a connection. Each new connection is synced at once (and announced, as every sync is)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import replace

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.credentials import AlpacaCredentials
from clera_desktop.core.errors import CleraError, ConfigurationError
from clera_desktop.core.secrets import SecretKey
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import Provider
from clera_desktop.providers.alpaca import AlpacaClient
from clera_desktop.providers.plaid import HostedLink, LinkOutcome
from clera_desktop.providers.registry import ensure_snaptrade_user, remember_plaid_item
from clera_desktop.services.state import AppState
from clera_desktop.sync import connections as connection_ops
from clera_desktop.sync.service import SyncReport, SyncService


class Connecting:
    def __init__(self, state: AppState, database: Database, changes: ChangeBus, *,
                 sync_service: Callable[[], SyncService], synced: Callable[[SyncReport, Change], SyncReport],
                 sync_connection: Callable[[str], Awaitable[SyncReport]]) -> None:
        """``synced``: where every sync ends (announced, the history following); ``sync_connection``:
        one connection's sync, the same way."""
        self._state = state
        self._database = database
        self._changes = changes
        self._sync_service = sync_service
        self._synced = synced
        self._sync_connection = sync_connection

    def missing_reason(self, provider: Provider) -> str | None:
        return self._state.registry.missing.get(provider)

    async def snaptrade_portal_url(self, *, trading: bool, redirect: str, broker: str | None = None,
                                   reconnect: str | None = None) -> str:
        client = self._state.registry.snaptrade
        if client is None:
            raise ConfigurationError(self._state.registry.missing[Provider.SNAPTRADE])
        await ensure_snaptrade_user(self._state.registry, self._database, self._state.secrets)
        return await client.portal_url(trading=trading, redirect=redirect, broker=broker, reconnect=reconnect)

    async def confirm_snaptrade_connection(self, connection_id: str) -> SyncReport:
        """The portal said SUCCESS: check with SnapTrade that the connection exists, then sync it."""
        client = self._state.registry.snaptrade
        assert client is not None
        known = {c.provider_connection_id for c in await client.list_connections()}
        if connection_id not in known:
            raise CleraError(said("SnapTrade does not list the new connection yet. Try Refresh in a minute."))
        return self._synced(await self._sync_service().sync_provider(Provider.SNAPTRADE), Change.NONE)

    async def plaid_hosted_link(self, *, redirect: str, item_id: str | None = None) -> HostedLink:
        client = self._state.registry.plaid
        if client is None:
            raise ConfigurationError(self._state.registry.missing[Provider.PLAID])
        return await client.create_hosted_link(user_id="clera-desktop", completion_redirect=redirect, item_id=item_id)

    async def finish_plaid_link(self, link_token: str) -> LinkOutcome:
        client = self._state.registry.plaid
        assert client is not None
        outcome = await client.link_outcome(link_token)
        for public_token, institution in zip(outcome.public_tokens, outcome.institutions, strict=True):
            item_id, access_token = await client.exchange_public_token(public_token)
            await in_thread(functools.partial(remember_plaid_item, self._database, self._state.secrets, item_id, access_token,
                                              institution, now=self._state.settings.clock.now()))
        if outcome.finished and not outcome.exit_reason:
            self._synced(await self._sync_service().sync_provider(Provider.PLAID), Change.NONE)
        return outcome

    async def connect_alpaca(self, *, api_key: str, secret_key: str, paper: bool) -> str:
        """Verify the keys with Alpaca before keeping them; returns the account's name."""
        credentials = AlpacaCredentials(api_key.strip(), secret_key.strip(), paper)
        endpoints = self._state.settings.endpoints
        client = AlpacaClient(credentials, trading_url=endpoints.alpaca_trading_url, data_url=endpoints.alpaca_data_url,
                              clock=self._state.settings.clock)
        account = await client.verify()
        await in_thread(self._state.secrets.set, SecretKey.ALPACA_API_KEY, credentials.api_key)
        await in_thread(self._state.secrets.set, SecretKey.ALPACA_SECRET_KEY, credentials.secret_key)
        await in_thread(self._state.secrets.set, SecretKey.ALPACA_ENVIRONMENT, "paper" if paper else "live")
        self._state.registry = replace(self._state.registry, alpaca=client,
                                missing={p: m for p, m in self._state.registry.missing.items() if p is not Provider.ALPACA})
        self._state.credentials = replace(self._state.credentials, alpaca=credentials)
        self._synced(await self._sync_service().sync_provider(Provider.ALPACA), Change.CREDENTIALS)
        return account.name

    async def remove_connection(self, connection_id: str) -> None:
        await connection_ops.remove_connection(connection_id=connection_id, database=self._database,
                                               registry=self._state.registry, clock=self._state.settings.clock)
        self._changes.announce(Changes(Change.SYNCED | Change.HISTORY))

    async def refresh_connection(self, connection_id: str) -> SyncReport:
        await connection_ops.refresh_connection(connection_id=connection_id, database=self._database,
                                                registry=self._state.registry)
        return await self._sync_connection(connection_id)

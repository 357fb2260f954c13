"""Builds the provider clients from settings, credentials, the keyring and the store.

Who the app is at SnapTrade (its registered user) lives in the store; that user's secret,
Plaid access tokens and every API key live in the keyring.
"""

from __future__ import annotations

import functools
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.credentials import Credentials
from clera_desktop.core.secrets import LOCKED_KEYS, SecretKey, SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import Provider, SnapTradeKeyKind
from clera_desktop.models.tables import Connection, SnapTradeUser
from clera_desktop.models.upserts import insert_once
from clera_desktop.providers.alpaca import AlpacaClient
from clera_desktop.providers.base import ProviderClient
from clera_desktop.providers.fx import FxClient
from clera_desktop.providers.plaid import PlaidClient
from clera_desktop.providers.snaptrade import SnapTradeClient, SnapTradeUserSecret

log = logging.getLogger(__name__)


@dataclass
class ProviderRegistry:
    """The clients the app can use right now; a provider without credentials is absent."""

    snaptrade: SnapTradeClient | None = None
    plaid: PlaidClient | None = None
    alpaca: AlpacaClient | None = None
    fx: FxClient | None = None
    missing: dict[Provider, str] = field(default_factory=dict)

    def for_sync(self) -> dict[Provider, ProviderClient]:
        clients: dict[Provider, ProviderClient] = {}
        if self.snaptrade is not None and self.snaptrade.user is not None:
            clients[Provider.SNAPTRADE] = self.snaptrade
        if self.plaid is not None and self.plaid.access_tokens:
            clients[Provider.PLAID] = self.plaid
        if self.alpaca is not None:
            clients[Provider.ALPACA] = self.alpaca
        return clients


def build_registry(settings: Settings, credentials: Credentials, secrets: SecretStore, database: Database,
                   *, snaptrade_rate_limit: int = 250) -> ProviderRegistry:
    endpoints = settings.endpoints
    registry = ProviderRegistry(fx=FxClient(endpoints.fx_base_url))
    if credentials.snaptrade is None:
        registry.missing[Provider.SNAPTRADE] = said(
            "SnapTrade needs API keys: set SNAPTRADE_CLIENT_ID and SNAPTRADE_CONSUMER_KEY, or enter them in Settings.")
    else:
        user = None if credentials.snaptrade.personal else _snaptrade_user(database, secrets)
        registry.snaptrade = SnapTradeClient(credentials.snaptrade, host=endpoints.snaptrade_host, user=user,
                                             rate_limit_per_minute=snaptrade_rate_limit, clock=settings.clock)
    if credentials.plaid is None:
        registry.missing[Provider.PLAID] = said("Plaid needs keys: set PLAID_CLIENT_ID and PLAID_SECRET, or enter them in "
                                                "Settings.")
    else:
        registry.plaid = PlaidClient(credentials.plaid, host=endpoints.plaid_host,
                                     access_tokens=_plaid_tokens(database, secrets), clock=settings.clock)
    if credentials.alpaca is None:
        registry.missing[Provider.ALPACA] = said("Add your Clera brokerage (Alpaca) API key and secret to connect it.")
    else:
        registry.alpaca = AlpacaClient(credentials.alpaca, trading_url=endpoints.alpaca_trading_url,
                                       data_url=endpoints.alpaca_data_url, clock=settings.clock)
    if secrets.locked_file is not None:  # "needs keys" would be wrong: they are saved, only locked
        for provider in registry.missing:
            registry.missing[provider] = LOCKED_KEYS
    return registry


def _snaptrade_user(database: Database, secrets: SecretStore) -> SnapTradeUserSecret | None:
    user_id = database.read_sync(lambda s: s.scalar(select(SnapTradeUser.user_id).order_by(SnapTradeUser.id)))
    if user_id is None:
        return None
    secret = secrets.get(SecretKey.snaptrade_user_secret(user_id))
    if secret is None:
        log.warning("SnapTrade user %s has no secret in the keyring; it must connect again", user_id)
        return None
    return SnapTradeUserSecret(user_id, secret)


def _plaid_tokens(database: Database, secrets: SecretStore) -> dict[str, str]:
    item_ids = database.read_sync(lambda s: s.scalars(
        select(Connection.provider_connection_id).where(Connection.provider == Provider.PLAID)).all())
    tokens = {}
    for item_id in item_ids:
        token = secrets.get(SecretKey.plaid_access_token(item_id))
        if token:
            tokens[item_id] = token
    return tokens


def remember_snaptrade_user(database: Database, secrets: SecretStore, user: SnapTradeUserSecret, *, now: datetime,
                            kind: SnapTradeKeyKind = SnapTradeKeyKind.COMMERCIAL) -> None:
    """The id goes to the store, the secret to the keyring (never the other way round)."""
    secrets.set(SecretKey.snaptrade_user_secret(user.user_id), user.user_secret)

    def write(session: Session) -> None:  # two processes starting at once both get here: once is no error
        insert_once(session, SnapTradeUser, user_id=user.user_id, key_kind=kind, created_at=now)

    database.write_sync(write)


async def ensure_snaptrade_user(registry: ProviderRegistry, database: Database, secrets: SecretStore) -> SnapTradeUserSecret:
    """Register the app's SnapTrade user on first connect (commercial keys)."""
    client = registry.snaptrade
    assert client is not None
    if client.user is not None:
        return client.user
    user = await client.register_user(f"clera-{uuid.uuid4()}")
    await in_thread(functools.partial(remember_snaptrade_user, database, secrets, user, now=client.clock.now()))
    client.user = user
    return user


def remember_plaid_item(database: Database, secrets: SecretStore, item_id: str, access_token: str,
                        institution: str, *, now: datetime) -> None:
    from clera_desktop.models.enums import ConnectionType

    secrets.set(SecretKey.plaid_access_token(item_id), access_token)

    def write(session: Session) -> None:
        insert_once(session, Connection, id=f"plaid_{item_id}", provider=Provider.PLAID, provider_connection_id=item_id,
                    brokerage_name=institution, connection_type=ConnectionType.READ, created_at=now, updated_at=now)

    database.write_sync(write)

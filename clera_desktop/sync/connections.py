"""Connection management ops: refresh at the provider, remove (history and audit stay)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionStatus, Provider
from clera_desktop.models.tables import Account, AuditEntry, Connection
from clera_desktop.providers.registry import ProviderRegistry


async def remove_connection(*, connection_id: str, database: Database, registry: ProviderRegistry, clock: Clock) -> None:
    """Remove at the provider, then deactivate the local accounts (their history stays)."""
    connection = await database.read(lambda s: s.get(Connection, connection_id))
    if connection is None:
        raise CleraError(said("That connection no longer exists."))
    if connection.provider is Provider.SNAPTRADE and registry.snaptrade is not None:
        await registry.snaptrade.remove_connection(connection.provider_connection_id)
    elif connection.provider is Provider.PLAID and registry.plaid is not None:
        await registry.plaid.remove_item(connection.provider_connection_id)

    def write(session: Session) -> None:
        now = clock.now()
        row = session.get_one(Connection, connection_id)
        row.status, row.status_reason, row.updated_at = ConnectionStatus.DISABLED, "Removed by you.", now
        session.execute(update(Account).where(Account.connection_id == connection_id)
                        .values(is_active=False, updated_at=now))
        session.add(AuditEntry(at=now, action="connection_removed", account_id=None,
                               details={"connection_id": connection_id, "brokerage": row.brokerage_name}))

    await database.write(write)


async def refresh_connection(*, connection_id: str, database: Database, registry: ProviderRegistry) -> None:
    """Ask SnapTrade to pull fresh data from the brokerage (billed per call, so only on request)."""
    connection = await database.read(lambda s: s.get(Connection, connection_id))
    if connection is None:
        raise CleraError(said("That connection no longer exists."))
    if connection.provider is Provider.SNAPTRADE and registry.snaptrade is not None:
        await registry.snaptrade.refresh_connection(connection.provider_connection_id)

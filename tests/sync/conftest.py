"""A sandbox wired to a real SQLite file through the real providers and SyncService."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clera_desktop.core.settings import Settings, load_settings
from clera_desktop.demo import connect_to_sandbox
from clera_desktop.models.engine import Database
from clera_desktop.providers.base import RetryPolicy
from clera_desktop.providers.registry import ProviderRegistry, build_registry
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.sync.service import SyncReport, SyncService
from tests.clock import TEST_CLOCK


@dataclass
class Harness:
    server: SandboxServer
    database: Database
    settings: Settings
    registry: ProviderRegistry
    service: SyncService

    def sync(self) -> SyncReport:
        return asyncio.run(self.service.sync_all())


def make_harness(server: SandboxServer, data_dir: Path, environ: dict[str, str] | None = None,
                 database_url: str | None = None) -> Harness:
    """``database_url``: the store (None: the data folder's SQLite file; the ``store_url`` fixture
    gives a PostgreSQL one in tests marked ``both_engines``)."""
    settings = load_settings(data_dir=data_dir, database_url=database_url, environ=environ or {}, clock=TEST_CLOCK)
    database = Database(settings.database_url)
    settings, credentials, secrets = connect_to_sandbox(settings, database, server.info)
    registry = build_registry(settings, credentials, secrets, database)
    for client in (registry.snaptrade, registry.plaid, registry.alpaca, registry.fx):
        assert client is not None
        client.runner._retry = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)  # quick tests
    service = SyncService(database, registry.for_sync(), settings, fx=registry.fx)
    return Harness(server, database, settings, registry, service)


@pytest.fixture
def harness(tmp_path: Path, store_url: str | None) -> Iterator[Harness]:
    with SandboxServer(clock=TEST_CLOCK) as server:
        made = make_harness(server, tmp_path / "data", database_url=store_url)
        yield made
        made.database.close()

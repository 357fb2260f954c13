"""Sandbox fixtures: a pristine shared server for read-only tests, a fresh one for changes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TEST_CLOCK


@pytest.fixture(scope="session")
def pristine_sandbox() -> Iterator[SandboxServer]:
    """Shared by tests that only read; a test that changes state uses ``sandbox``."""
    with SandboxServer(clock=TEST_CLOCK) as server:
        yield server


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(clock=TEST_CLOCK) as server:
        yield server


def snaptrade_client(server: SandboxServer, *, retry: bool = True) -> Any:
    """The official client. ``retry=False`` turns off urllib3's own retries, which otherwise
    sleep through a 429's ``Retry-After`` and try again before the caller sees anything."""
    from snaptrade_client import Configuration, SnapTrade, SnapTradeAuth

    info = server.info["snaptrade"]
    auth = SnapTradeAuth.commercial_api_key(consumer_key=info["consumer_key"], client_id=info["client_id"])
    configuration = Configuration(auth=auth, host=info["base_url"])
    if not retry:
        configuration.retries = False
    return SnapTrade(configuration, auth=auth)


def demo_user(server: SandboxServer) -> dict[str, str]:
    info = server.info["snaptrade"]
    return {"user_id": info["demo_user_id"], "user_secret": info["demo_user_secret"]}

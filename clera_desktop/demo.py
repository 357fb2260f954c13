"""Demo mode: start the sandbox and point the whole app at it.

The app starts the sandbox itself, in a child process it owns and stops at exit: served from the
app's own interpreter, the sandbox's JSON work competed with the window for the GIL (the largest
stall during a slow full sync was 31-48 ms in-process against 27-29 ms from a child process).

The demo's credentials are the sandbox's own, kept in an in-memory keyring (the data folder is
throwaway too), so nothing of the demo ever reaches the person's real keyring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from clera_desktop.core.credentials import AlpacaCredentials, Credentials, PlaidCredentials, SnapTradeCredentials
from clera_desktop.core.secrets import EphemeralKeyring, SecretStore
from clera_desktop.core.settings import ProviderEndpoints, Settings
from clera_desktop.models.engine import Database
from clera_desktop.providers.registry import remember_plaid_item, remember_snaptrade_user
from clera_desktop.providers.snaptrade import SnapTradeUserSecret
from clera_desktop.sandbox.process import SandboxProcess


class Sandbox(Protocol):
    @property
    def info(self) -> dict[str, Any]: ...

    def stop(self) -> None: ...


@dataclass
class DemoEnvironment:
    sandbox: Sandbox
    settings: Settings
    credentials: Credentials
    secrets: SecretStore

    def close(self) -> None:
        self.sandbox.stop()


def start_demo(settings: Settings, database: Database, *, sandbox: Sandbox | None = None,
               sandbox_args: Sequence[str] = ()) -> DemoEnvironment:
    """Start a sandbox in a child process (or adopt ``sandbox``) and make the demo user's
    connections the app's own."""
    sandbox = sandbox or SandboxProcess(sandbox_args, as_of=settings.clock.as_of_argument())
    settings, credentials, secrets = connect_to_sandbox(settings, database, sandbox.info)
    return DemoEnvironment(sandbox, settings, credentials, secrets)


def connect_to_sandbox(settings: Settings, database: Database, info: dict[str, Any]) -> tuple[Settings, Credentials, SecretStore]:
    """Point the app at a sandbox described by its info JSON (in this process or another)."""
    endpoints = ProviderEndpoints(
        snaptrade_host=info["snaptrade"]["base_url"], plaid_host=info["plaid"]["base_url"],
        alpaca_trading_url=info["alpaca"]["trading_url"], alpaca_data_url=info["alpaca"]["data_url"],
        alpaca_stream_url=info["alpaca"]["stream_url"], fx_base_url=info["fx"]["base_url"],
    )
    credentials = Credentials(
        snaptrade=SnapTradeCredentials(info["snaptrade"]["client_id"], info["snaptrade"]["consumer_key"]),
        plaid=PlaidCredentials(info["plaid"]["client_id"], info["plaid"]["secret"]),
        alpaca=AlpacaCredentials(info["alpaca"]["key_id"], info["alpaca"]["secret_key"], paper=True),
    )
    secrets = SecretStore(EphemeralKeyring())
    now = settings.clock.now()
    remember_snaptrade_user(database, secrets, SnapTradeUserSecret(info["snaptrade"]["demo_user_id"],
                                                                   info["snaptrade"]["demo_user_secret"]), now=now)
    plaid = info["plaid"]
    remember_plaid_item(database, secrets, plaid["demo_item_id"], plaid["demo_access_token"], plaid["demo_institution"],
                        now=now)
    return settings.with_endpoints(endpoints), credentials, secrets

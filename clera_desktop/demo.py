"""Demo mode: start the sandbox and point the whole app at it.

The app starts the sandbox itself, in a child process it owns and stops at exit: served from the
app's own interpreter, the sandbox's JSON work competed with the window for the GIL (the largest
stall during a slow full sync was 31-48 ms in-process against 27-29 ms from a child process).

The demo's credentials are the sandbox's own, kept in an in-memory keyring, so nothing of the demo
ever reaches the person's real keyring. The sandbox keeps its world in the data folder
(``demo-sandbox.json``): with ``--data-dir``, a demo started again the same day goes on from
where the person left it (their trades, the brokerages they connected).
"""

from __future__ import annotations

import logging
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

log = logging.getLogger(__name__)

#: Where the demo's sandbox keeps its world in the data folder (sandbox/keeping.py), so a restarted
#: demo continues where the person left it that day.
DEMO_WORLD_FILE = "demo-sandbox.json"


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
    kept = ["--state", str(settings.data_dir / DEMO_WORLD_FILE)]
    sandbox = sandbox or SandboxProcess([*kept, *sandbox_args], as_of=settings.clock.as_of_argument())
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
    items = plaid.get("items") or [{"item_id": plaid["demo_item_id"], "access_token": plaid["demo_access_token"],
                                    "institution": plaid["demo_institution"]}]
    for item in items:  # an item linked in an earlier run of the demo is the person's too
        remember_plaid_item(database, secrets, item["item_id"], item["access_token"], item["institution"], now=now)
    if info.get("demo", {}).get("note"):
        log.info("%s", info["demo"]["note"])
    return settings.with_endpoints(endpoints), credentials, secrets

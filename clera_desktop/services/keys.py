"""The API keys a person brings: the encrypted file unlocked where there is no keyring, typed keys
checked with each provider, then kept; each change replaces the app's credentials and providers
(services/state.py) and is announced."""

from __future__ import annotations

import logging

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.errors import CleraError, InvalidCredentials
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.providers.registry import ProviderRegistry
from clera_desktop.services.state import AppState

log = logging.getLogger(__name__)
PROVIDER_NAMES = {"snaptrade": "SnapTrade", "plaid": "Plaid", "alpaca": "Alpaca"}


class Keys:
    def __init__(self, state: AppState, database: Database, changes: ChangeBus) -> None:
        self._state = state
        self._database = database
        self._changes = changes

    @property
    def locked(self) -> bool:
        """No keyring here and the encrypted file not unlocked yet: no saved key can be read."""
        return self._state.secrets.is_locked

    async def unlock(self, passphrase: str) -> None:
        """Open the encrypted secret file (no OS keyring here) and pick up the keys inside."""
        from clera_desktop.core.credentials import resolve_credentials
        from clera_desktop.core.secrets import encrypted_file_backend
        from clera_desktop.providers.registry import build_registry

        def unlock() -> ProviderRegistry:
            self._state.secrets.unlock(encrypted_file_backend(self._state.settings.data_dir, passphrase))
            self._state.credentials = resolve_credentials(self._state.secrets)
            return build_registry(self._state.settings, self._state.credentials, self._state.secrets, self._database)

        self._state.registry = await in_thread(unlock)
        self._changes.announce(Changes(Change.CREDENTIALS, message=said("Saved keys unlocked.")))

    async def save(self, values: dict[str, str], *, note: str = "") -> Changes:
        """Keep API keys typed into Settings in the keyring and use them right away; a field left
        empty keeps the key in use, and keys that did not change change nothing."""
        from clera_desktop.core.credentials import with_typed_keys
        from clera_desktop.providers.registry import build_registry

        credentials = with_typed_keys(self._state.credentials, values)
        if credentials == self._state.credentials:
            return Changes(Change.NONE)

        def save() -> ProviderRegistry:
            for name, value in values.items():
                if value.strip():
                    self._state.secrets.set(name, value.strip())
            return build_registry(self._state.settings, credentials, self._state.secrets, self._database)

        self._state.registry = await in_thread(save)
        self._state.credentials = credentials
        announced = said("Keys saved. {note}", note=note) if note else said("Keys saved.")
        return self._changes.announce(Changes(Change.CREDENTIALS, message=announced))

    async def check(self, values: dict[str, str]) -> tuple[list[str], list[str]]:
        """Ask each provider whose keys were typed whether it takes them, before they are kept.
        Returns (refused, unchecked): what each provider that refused the keys said, and why each
        that could not be asked was not (offline, down): those keys are kept, and the next sync will tell."""
        from clera_desktop.core.credentials import with_typed_keys
        from clera_desktop.providers.registry import build_registry

        credentials = with_typed_keys(self._state.credentials, values)
        registry = await in_thread(build_registry, self._state.settings, credentials, self._state.secrets, self._database)
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


"""What the app runs on now: its settings, the secret store, the credentials and the providers built
from them. A service that changes one of them (keys saved, a brokerage connected, the base
currency chosen) replaces it here; every other reads the current one through here, never a copy."""

from __future__ import annotations

from dataclasses import dataclass

from clera_desktop.core.credentials import Credentials
from clera_desktop.core.secrets import SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.providers.registry import ProviderRegistry


@dataclass(slots=True)
class AppState:
    settings: Settings
    secrets: SecretStore
    credentials: Credentials
    registry: ProviderRegistry

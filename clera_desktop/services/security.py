"""Settings › Security: the person's data encrypted at rest, turned on or off from the window.

The same conversion as ``clera-desktop encrypt``/``decrypt`` (models/encryption.py: a verified
copy first, the backups with it), run while the store is closed for the swap
(:meth:`Database.swapped`) and no sync runs (the folder's sync lock); the key goes to the secret
store the API keys are kept in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clera_desktop.core.errors import CleraError, SyncBusy
from clera_desktop.core.secrets import SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models import cipher
from clera_desktop.models.encryption import Converted, decrypt, encrypt
from clera_desktop.models.engine import Database
from clera_desktop.sync.lock import SyncLock


@dataclass(frozen=True, slots=True)
class SecurityState:
    encrypted: bool
    available: bool  # SQLCipher is installed and the data is the person's (not the demo's, not in memory)
    reason: str  # why it is not available ("" when it is)


class StoreSecurity:
    def __init__(self, database: Database, settings: Callable[[], Settings], secrets: Callable[[], SecretStore]) -> None:
        self._database = database
        self._settings = settings
        self._secrets = secrets

    def state(self) -> SecurityState:
        encrypted = self._database.key is not None
        if self._settings().demo:
            return SecurityState(encrypted, False, "The demo's data is throwaway: encryption is for your own data.")
        if self._database.shared:
            return SecurityState(encrypted, False, said("A shared book is kept by its server: encryption at rest is "
                                                        "for a book on this computer."))
        if self._database.path is None:
            return SecurityState(encrypted, False, "Only a database file can be encrypted (see --db).")
        try:
            cipher.module()
        except cipher.EncryptionUnavailable as missing:
            return SecurityState(encrypted, False, missing.user_message)
        return SecurityState(encrypted, True, "")

    async def set_encrypted(self, on: bool) -> str:
        """Encrypt (``on``) or decrypt the store and its backups in place; returns what was done."""
        state = self.state()
        if not state.available:
            raise CleraError(state.reason)
        if state.encrypted == on:
            return "Your data is encrypted already." if on else "Your data is not encrypted."
        secrets = self._secrets()
        if on and secrets.is_locked:
            raise CleraError(said("Unlock the saved keys first: the database's key is kept with them. Nothing was changed."))
        path = self._database.path
        assert path is not None
        lock = SyncLock(path.parent, self._settings().clock)
        try:
            await in_thread(lambda: lock.acquire(wait=0))
        except SyncBusy:
            raise CleraError(said("A sync is writing to your data: try again when it has finished. Nothing was "
                                  "changed.")) from None
        done: list[Converted] = []

        def change(key: str | None) -> str | None:
            if on:
                new, converted = encrypt(path, secrets.set)
                done.append(converted)
                return new
            assert key is not None
            done.append(decrypt(path, key))
            return None

        try:
            await self._database.swapped(change)
        finally:
            await in_thread(lock.release)
        converted = done[0]
        return (f"Your data is {'encrypted' if on else 'no longer encrypted'}: {converted.rows:,} rows and "
                f"{converted.backups} backup{'s' if converted.backups != 1 else ''}, each copy checked before it "
                "took the file's place." + (" Its key is kept with your saved keys." if on else ""))

"""Settings › Storage: this computer's own file, or a book shared on a PostgreSQL server.

A new choice is tried before it is kept: the server answers, the password is right, and the
database holds a book (or is empty, which the person is told how to fill). It takes effect at the
next start, when the window opens the book from scratch; the password goes to the keyring.
"""

from __future__ import annotations

from collections.abc import Callable

from clera_desktop.core.errors import CleraError, StoreError
from clera_desktop.core.secrets import SecretStore
from clera_desktop.core.settings import Settings
from clera_desktop.core.storage_choice import DEFAULT_PORT, SharedBookAddress, choose, chosen, password_name
from clera_desktop.core.threads import in_thread
from clera_desktop.core.words import said
from clera_desktop.models.engine import book_on_server


class StorageChoice:
    def __init__(self, settings: Callable[[], Settings], secrets: Callable[[], SecretStore]) -> None:
        self._settings = settings
        self._secrets = secrets

    def current(self) -> SharedBookAddress | None:
        """What this data folder opens at start (None: its own file)."""
        return chosen(self._settings().data_dir)

    @property
    def in_use(self) -> str:
        """The book open now, for the person: its file, or the server's address (no password)."""
        url = self._settings().database_url
        if url.startswith("postgresql"):
            from sqlalchemy.engine import make_url

            parsed = make_url(url)
            return SharedBookAddress(str(parsed.host), parsed.port or DEFAULT_PORT, str(parsed.database),
                                     str(parsed.username)).shown
        return str(self._settings().database_path or url)

    async def choose(self, address: SharedBookAddress | None, password: str) -> str:
        """Try ``address`` (None: this computer's file), keep it, and say what happens next."""
        data_dir = self._settings().data_dir
        if address is None:
            await in_thread(choose, data_dir, None)
            return said("Saved: Clera Desktop opens the book on this computer from its next start.")
        state = await in_thread(book_on_server, address.url, password or None)
        if state == "empty":
            raise CleraError(said("{database} on {host} holds no book yet. Set it up first: 'clera-desktop server init', "
                                  "then 'clera-desktop move --to ...' to bring your book there.",
                                  database=address.database, host=address.host))
        secrets = self._secrets()
        if password:
            if secrets.is_locked:
                raise StoreError(said("Not saved: the password needs your saved keys unlocked first."))
            await in_thread(secrets.set, password_name(address.user, address.host, address.port, address.database),
                            password)
        await in_thread(choose, data_dir, address)
        return said("Saved: Clera Desktop opens the shared book {book} from its next start.", book=address.shown)

"""Credentials and per-user secrets, kept in the operating system's keyring.

Where the OS has no keyring (a Linux box without a Secret Service, CI), secrets go to a
passphrase-encrypted file (``keyrings.cryptfile``: Argon2 key derivation, AES-GCM) once the
person unlocks it. There is no plaintext fallback: without a keyring and without the
passphrase, :class:`SecretStore` raises :class:`SecretStoreLocked`.

Every secret read or written is registered with :mod:`core.logging_setup`'s redactor so it can
never reach a log line.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import cast

import keyring
import keyring.backend
import keyring.errors

from clera_desktop.core.errors import SecretStoreLocked
from clera_desktop.core.logging_setup import redactor
from clera_desktop.core.words import said

log = logging.getLogger(__name__)

SERVICE = "clera-desktop"
ENCRYPTED_FILENAME = "secrets.cfg"
KEY_FILE_NOT_OPENED = (
    "The passphrase does not open your saved keys (secrets.cfg in the data folder): type it again, "
    "or correct CLERA_SECRETS_PASSPHRASE.")
#: Why a provider has no keys while they sit in the locked file.
LOCKED_KEYS = said("Your saved keys are locked in the encrypted key file: unlock them (Unlock saved keys… in the "
                   "status bar; CLERA_SECRETS_PASSPHRASE or the prompt on the command line).")

#: Backends that are never an OS keyring: no storage, or files we do not trust for secrets.
_NOT_AN_OS_KEYRING = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.chainer",
    "keyrings.cryptfile",
    "keyrings.alt",
)


class SecretKey:
    """Names of the entries the app keeps; per-user/per-item secrets carry their id."""

    SNAPTRADE_CLIENT_ID = "snaptrade.client_id"
    SNAPTRADE_CONSUMER_KEY = "snaptrade.consumer_key"
    SNAPTRADE_KEY_KIND = "snaptrade.key_kind"  # "personal" or "commercial"
    PLAID_CLIENT_ID = "plaid.client_id"
    PLAID_SECRET = "plaid.secret"  # noqa: S105 - the name of a keyring entry, not a secret
    PLAID_ENVIRONMENT = "plaid.environment"
    ALPACA_API_KEY = "alpaca.api_key"
    ALPACA_SECRET_KEY = "alpaca.secret_key"  # noqa: S105 - the name of a keyring entry
    ALPACA_ENVIRONMENT = "alpaca.environment"  # "paper" or "live": the keys belong to one of them

    @staticmethod
    def snaptrade_user_secret(user_id: str) -> str:
        return f"snaptrade.user_secret:{user_id}"

    @staticmethod
    def plaid_access_token(item_id: str) -> str:
        return f"plaid.access_token:{item_id}"

#: Backends that are the operating system's own secret store.
_OS_KEYRINGS = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    if type(backend).__module__.startswith(_NOT_AN_OS_KEYRING):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend's priority probe raises anything when its service is absent
        return False


def os_keyring_backend() -> keyring.backend.KeyringBackend | None:
    """The OS keyring if one works here, else ``None`` (never a file or plaintext backend).

    Honours a backend chosen with ``keyring.set_keyring`` or keyring's own configuration.
    """
    current = keyring.get_keyring()
    chain: list[keyring.backend.KeyringBackend] = getattr(current, "backends", None) or [current]
    for backend in chain:
        if _usable(backend):
            return backend
    for backend in keyring.backend.get_all_keyring():
        if type(backend).__module__.startswith(_OS_KEYRINGS) and _usable(backend):
            return backend
    return None


def encrypted_file_backend(folder: Path, passphrase: str) -> keyring.backend.KeyringBackend:
    """The passphrase-encrypted file store in ``folder``; a wrong passphrase fails on first read."""
    from keyrings.cryptfile.cryptfile import CryptFileKeyring

    if not passphrase:
        raise SecretStoreLocked(said("A passphrase is needed to protect the secret file."))
    redactor.register(passphrase)
    folder.mkdir(parents=True, exist_ok=True)
    backend = CryptFileKeyring()
    backend.file_path = str(folder / ENCRYPTED_FILENAME)
    try:
        backend.keyring_key = passphrase  # checks the passphrase against an existing file
    except ValueError as exc:
        raise SecretStoreLocked(KEY_FILE_NOT_OPENED) from exc
    return cast(keyring.backend.KeyringBackend, backend)


class EphemeralKeyring(keyring.backend.KeyringBackend):
    """Secrets in memory for this process only: the demo's throwaway sandbox credentials.

    Never used for real credentials: nothing survives the process, nothing touches disk.
    """

    priority = 0  # never chosen automatically

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's base class is untyped
        self._entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class SecretStore:
    """Thread-safe get/set/delete of named secrets in one keyring backend.

    ``backend`` is ``None`` while the store is locked (no OS keyring, no passphrase yet).
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None, *, locked_file: Path | None = None) -> None:
        self._backend = backend
        self._lock = threading.Lock()
        #: While locked: the encrypted file that holds saved keys (None: nothing saved yet).
        self.locked_file = locked_file if backend is None else None

    @property
    def is_locked(self) -> bool:
        return self._backend is None

    @property
    def kept_in(self) -> str:
        """Where keys saved now are kept: ``"keyring"`` (the system's), ``"file"`` (the encrypted
        file: no keyring here, locked or not) or ``"memory"`` (the demo's, gone when it quits)."""
        if self._backend is None or type(self._backend).__module__.startswith("keyrings.cryptfile"):
            return "file"
        return "memory" if isinstance(self._backend, EphemeralKeyring) else "keyring"

    @property
    def nothing_saved(self) -> bool:
        """Locked with no encrypted file yet: the first passphrase chosen creates it."""
        return self._backend is None and self.locked_file is None

    @property
    def backend_name(self) -> str:
        return "locked" if self._backend is None else type(self._backend).__name__

    def unlock(self, backend: keyring.backend.KeyringBackend) -> None:
        with self._lock:
            self._backend = backend
            self.locked_file = None

    def get(self, name: str) -> str | None:
        backend = self._require()
        with self._lock:
            try:
                value = backend.get_password(SERVICE, name)
            except ValueError as exc:  # cryptfile: wrong passphrase or tampered file
                raise SecretStoreLocked(KEY_FILE_NOT_OPENED) from exc
        if value:
            redactor.register(value)
        return value

    def set(self, name: str, value: str) -> None:
        if not value:
            raise ValueError(f"refusing to store an empty secret for {name}")
        redactor.register(value)
        backend = self._require()
        with self._lock:
            backend.set_password(SERVICE, name, value)
        log.info("stored secret %s in %s", name, type(backend).__name__)

    def delete(self, name: str) -> None:
        backend = self._require()
        with self._lock, contextlib.suppress(keyring.errors.PasswordDeleteError):  # gone already: what was asked
            backend.delete_password(SERVICE, name)

    def _require(self) -> keyring.backend.KeyringBackend:
        backend = self._backend
        if backend is None:
            raise SecretStoreLocked()
        return backend


def open_secret_store(
    data_dir: Path, passphrase_provider: Callable[[], str | None] | None = None
) -> SecretStore:
    """The OS keyring when there is one; otherwise the encrypted file, if a passphrase is given.

    ``passphrase_provider`` is asked only when there is no OS keyring (the GUI shows a dialog,
    the CLI prompts). Returning ``None`` leaves the store locked.
    """
    backend = os_keyring_backend()
    if backend is not None:
        return SecretStore(backend)
    passphrase = passphrase_provider() if passphrase_provider else None
    if not passphrase:
        saved = data_dir / ENCRYPTED_FILENAME
        log.warning("no OS keyring and no passphrase: secret store stays locked%s",
                    " (saved keys are in the encrypted file)" if saved.exists() else "")
        return SecretStore(None, locked_file=saved if saved.exists() else None)
    return SecretStore(encrypted_file_backend(data_dir, passphrase))

"""Test setup shared by every test: offscreen Qt, an in-memory keyring, a fresh data folder."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen here, and WebEngine refuses to run as root sandboxed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

# WebEngine needs this before the QApplication exists; it costs nothing when unused.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import keyring.errors  # noqa: E402
import pytest  # noqa: E402

from clera_desktop.core.settings import FEATURE_FLAG_DEFAULTS, Settings, load_settings  # noqa: E402
from clera_desktop.models.engine import Database  # noqa: E402

_PROVIDER_ENV = (
    "CLERA_DATA_DIR", "CLERA_BASE_CURRENCY", "SNAPTRADE_CLIENT_ID", "SNAPTRADE_CONSUMER_KEY",
    "SNAPTRADE_PERSONAL_KEY", "PLAID_CLIENT_ID", "PLAID_SECRET", "PLAID_ENV", "ALPACA_API_KEY",
    "ALPACA_SECRET_KEY", "ALPACA_PAPER", *FEATURE_FLAG_DEFAULTS,
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS-keyring stand-in for machines without a Secret Service (CI, this one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's own keys, data folder or flags."""
    for name in _PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return load_settings(data_dir=data_dir, environ={})


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = Database(settings.database_url)
    yield db
    db.close()

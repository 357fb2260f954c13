"""Test setup shared by every test: one clock, an in-memory keyring, a fresh data folder.

Nothing here imports Qt: the core packages' tests also run where PySide6 is not installed
(.ci/run's Qt-less job). Qt's own setup is in tests/ui/conftest.py.
"""

from __future__ import annotations

import os

# For Qt, in this process and in every child process a test starts: no screen here, and
# WebEngine refuses to run as root sandboxed. pytest-qt reads PYTEST_QT_API when it configures.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from clera_desktop.core.clock import ENVIRONMENT_VARIABLE
from clera_desktop.core.settings import FEATURE_FLAG_DEFAULTS, Settings, load_settings
from clera_desktop.models.engine import Database
from tests.clock import AS_OF_ARGUMENT, TEST_CLOCK
from tests.postgres import REQUIRE_VARIABLE, ThrowawayServer, throwaway_server
from tests.postgres import TEMPLATE as POSTGRES_TEMPLATE
from tests.postgres import required as postgres_required
from tests.windows_rules import windows_file_rules

# Child processes (the CLI, the demo's sandbox) play the same day as the tests.
os.environ[ENVIRONMENT_VARIABLE] = AS_OF_ARGUMENT

_PROVIDER_ENV = (
    "CLERA_DATA_DIR", "CLERA_BASE_CURRENCY", "SNAPTRADE_CLIENT_ID", "SNAPTRADE_CONSUMER_KEY",
    "SNAPTRADE_PERSONAL_KEY", "PLAID_CLIENT_ID", "PLAID_SECRET", "PLAID_ENV", "ALPACA_API_KEY",
    "ALPACA_SECRET_KEY", "ALPACA_PAPER", *FEATURE_FLAG_DEFAULTS,
)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (pyproject's addopts): one worker more than the machine has cores, at most 12. Many
    tests wait (on a sandbox child starting, a sync over loopback, a process holding a lock): on this
    2-core machine three workers ran the suite in 3 min 44 s, two in 4 min 17 s and four in 4 min 2 s."""
    return min((os.cpu_count() or 1) + 1, 12)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that open the window in a child process need PySide6; the Qt-less job skips them."""
    if importlib.util.find_spec("PySide6") is not None:
        return
    skip = pytest.mark.skip(reason="PySide6 is not installed (the core-without-Qt job)")
    for item in items:
        if item.get_closest_marker("window"):
            item.add_marker(skip)


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
def windows_rules(request: pytest.FixtureRequest) -> Iterator[None]:
    """Windows' file rules on Linux too: no renaming or deleting a file this process holds open
    (tests/windows_rules.py); ``@pytest.mark.posix_file_rules`` keeps Linux's for one test."""
    if request.node.get_closest_marker("posix_file_rules"):
        yield
        return
    with windows_file_rules():
        yield


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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``@pytest.mark.both_engines`` runs a test on SQLite and on PostgreSQL: every fixture that
    opens a store (``store_url``) takes the engine the test runs on."""
    if "store_engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("store_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_engine(request: pytest.FixtureRequest) -> str:
    """The engine this test's store runs on: SQLite unless the test is marked ``both_engines``."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayServer | None]:
    """One throwaway PostgreSQL server per test process (None: not installed), with a database
    at the newest schema that each test's database copies."""
    with throwaway_server() as server:
        if server is not None:
            template = server.create_database()
            Database(template).close()  # migrated once: a copy is much faster than the migrations
            server.rename_database(template, POSTGRES_TEMPLATE)
        yield server


@pytest.fixture
def store_url(store_engine: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The address of this test's store: None for the data folder's SQLite file (the settings'
    default), or a fresh database on the throwaway PostgreSQL server."""
    if store_engine == "sqlite":
        yield None
        return
    server = running_postgres(request)
    url = server.create_database(template=POSTGRES_TEMPLATE)
    yield url
    server.drop_database(url)


def running_postgres(request: pytest.FixtureRequest) -> ThrowawayServer:
    """The throwaway server, or the test skipped (failed under CLERA_REQUIRE_POSTGRES=1)."""
    server: ThrowawayServer | None = request.getfixturevalue("postgres_server")
    if server is None:
        message = "PostgreSQL is not installed (tests/postgres.py looks for initdb and pg_ctl)"
        if postgres_required():
            pytest.fail(message + f", and {REQUIRE_VARIABLE}=1 requires it")
        pytest.skip(message)
    return server


@pytest.fixture
def empty_postgres(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema yet): a book's server before it is set up."""
    server = running_postgres(request)
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def settings(data_dir: Path, store_url: str | None) -> Settings:
    return load_settings(data_dir=data_dir, database_url=store_url, environ={}, clock=TEST_CLOCK)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = Database(settings.database_url)
    yield db
    db.close()

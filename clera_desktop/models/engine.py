"""The store's engine (a SQLite file, or a book shared on PostgreSQL), migrations on start, and the
serial database worker.

SQLite is opened in WAL mode (readers never block the writer), with foreign keys enforced and
a busy timeout so a second process waits instead of failing. ``synchronous=NORMAL`` in WAL
mode keeps every committed transaction across an app crash or kill. A shared book's connections
name their machine and process, give up on a silent server after a while, and are checked before
use; a role that may not write opens it for reading only (models/shared_book.py).

The engines' failures (locked, full, read-only, damaged, a schema from a newer app, a server away,
a row another person owns) leave this module as :class:`~clera_desktop.core.errors.StoreError`
with a sentence a person can act on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from filelock import FileLock
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.core.errors import (
    StoreAddressWrong,
    StoreAway,
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreForeign,
    StoreFull,
    StoreNotYours,
    StoreReadOnly,
    StoreTooNew,
    StoreTooOld,
)
from clera_desktop.core.files import writable_folder
from clera_desktop.core.words import said
from clera_desktop.models import advisory, cipher
from clera_desktop.models.advisory import application_name
from clera_desktop.models.backup import daily_backup, is_foreign_store, take_backup

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The newest revision in migrations/versions (a test keeps it equal to Alembic's head), so a
#: start on an up-to-date database needs no Alembic import at all.
SCHEMA_HEAD = "0010"
BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10  # a shared book's server that does not answer: said after this long, not hung on
#: SQLite's application id for a Clera store ("CLRA"), written at its creation: a file with
#: another program's tables is refused rather than migrated into (``PRAGMA application_id``).
APPLICATION_ID = 0x434C5241
T = TypeVar("T")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def sqlite_file(url: str) -> Path | None:
    """The file a ``sqlite:///`` address names (None: another database, or one in memory)."""
    if not url.startswith("sqlite:///") or url in ("sqlite:///:memory:",):
        return None
    return Path(unquote(url.removeprefix("sqlite:///").split("?", 1)[0]))


def read_only_engine(path: Path, key: str | None = None) -> Engine:
    """The store at ``path`` for reading only, its folder being unwritable (a read-only disk, a
    share): SQLite's read-only mode, else (a WAL store whose index cannot be made there) read as
    an unchanging file, provided no write-ahead log holds changes not yet folded into it."""
    wal = path.with_name(path.name + "-wal")

    def opened(mode: str) -> sqlite3.Connection:
        return cipher.connect(path, key, mode=mode)

    try:
        with contextlib.closing(opened("mode=ro")) as trial:
            trial.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = "mode=ro"
    except cipher.database_errors(key) as error:
        if wal.exists() and wal.stat().st_size:
            raise StoreReadOnly(said("Your Clera data folder is read-only and its database holds changes not yet saved "
                                     "into it: open it once where it can be written."), detail=str(error)) from error
        mode = "mode=ro&immutable=1"
    return create_engine("sqlite://", creator=lambda: opened(mode), poolclass=NullPool)


def make_engine(url: str, key: str | None = None, *, password: str | None = None) -> Engine:
    """An engine for ``url`` with the app's PRAGMAs; creates the SQLite file's folder. With ``key``
    the file is SQLCipher's, each connection keyed before anything else."""
    kwargs: dict[str, Any] = {"module": cipher.module()} if key is not None else {}
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise StoreAddressWrong(detail=f"{url!r}: {error}") from error
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreAddressWrong(detail=f"{parsed.get_backend_name()} is not a database Clera keeps its data in")
    if parsed.get_backend_name() == "postgresql":
        # a shared book's connections say whose they are (models/advisory.py: who holds the sync lock)
        kwargs["connect_args"] = {"application_name": application_name(), "connect_timeout": CONNECT_TIMEOUT_S}
        if password and not parsed.password:  # from the keyring (Settings › Storage): never in the address
            kwargs["connect_args"]["password"] = password
        kwargs["pool_pre_ping"] = True  # a server restarted or a network dropped meanwhile: a new connection
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        else:
            file = sqlite_file(url)
            if file is not None:
                file.parent.mkdir(parents=True, exist_ok=True)
                # the path itself, not the URL's text: SQLAlchemy 2.0 keeps a URL's percent-escapes
                # (Jösé, C:\ and '100% mine' are written escaped), 2.1 decodes them
                parsed = parsed.set(database=str(file))
    try:
        engine = create_engine(parsed, **kwargs)
    except (ImportError, NoSuchModuleError) as error:
        raise StoreAddressWrong(said("The database driver for {backend} is not installed ({missing}): install it, or keep your "
                                     "data in a file (sqlite:///...).", backend=parsed.get_backend_name(),
                                     missing=getattr(error, "name", None) or error), detail=str(error)) from error
    except ArgumentError as error:
        raise StoreAddressWrong(detail=str(error)) from error
    if engine.dialect.name == "sqlite" and key is not None:
        statements = cipher.key_statements(key)

        def keyed(dbapi_connection: Any, record: Any) -> None:
            for statement in statements:  # before the journal mode: nothing of the file is read unkeyed
                dbapi_connection.execute(statement)
            _set_sqlite_pragmas(dbapi_connection, record)

        event.listen(engine, "connect", keyed)
    elif engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def alembic_config(engine: Engine | None = None) -> Any:
    """Alembic's configuration; the app hands migrations its connection (``upgrade``), and the
    URL is there only for Alembic's own command line. Alembic's config is a ConfigParser, for which
    ``%`` starts an interpolation: a URL's percent-encoding (``C%3A%5C`` on Windows, ``%C3%A9`` for
    an ``é``) is written ``%%``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def known_revisions() -> set[str]:
    """Every revision this app's migrations know (a database at another one is from a newer app)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _checked(work: Callable[[], T]) -> T:
    """Run ``work``, turning SQLite's failures into :class:`StoreError` (an IntegrityError is the
    caller's own business: it means a rule of the schema held, and callers catch it on purpose)."""
    try:
        return work()
    except IntegrityError:
        raise
    except (OperationalError, DatabaseError) as error:
        raise store_error(error) from error


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision; None for a new, empty store; a damaged one is said to be
    (:class:`StoreDamaged`). (Another program's SQLite file never gets here: :class:`Database`
    refuses it before any connection, models/backup.is_foreign_store.)"""
    return _checked(lambda: _revision(engine))


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def server_password(url: str, key_lookup: Callable[[str], str | None] | None) -> str | None:
    """A shared book's password from the keyring (core/storage_choice.py names its entry); None
    for a file, an address that carries its own, or none kept."""
    from clera_desktop.core.storage_choice import DEFAULT_PORT, password_name

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None  # said by make_engine
    if parsed.get_backend_name() != "postgresql" or parsed.password or key_lookup is None:
        return None
    return key_lookup(password_name(parsed.username or "", parsed.host or "", parsed.port or DEFAULT_PORT,
                                    parsed.database or ""))


def book_on_server(url: str, password: str | None) -> str:
    """Does the server at ``url`` answer, and does its database hold a book? "book" or "empty";
    :class:`StoreError` in words when it does not answer or refuses the login."""
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as connection:
            return "book" if inspect(connection).has_table("alembic_version") else "empty"
    except (OperationalError, DatabaseError) as error:
        text_said = str(error.orig or error).lower()
        if "password" in text_said or "authentication" in text_said or "role" in text_said:
            raise StoreNotYours(said("The server refused that login: check the user and the password."),
                                detail=str(error)[:300]) from error
        if "does not exist" in text_said:
            raise StoreError(said("The server has no database of that name."), detail=str(error)[:300]) from error
        raise store_error(error) from error
    finally:
        engine.dispose()


def _may_write(engine: Engine) -> bool:
    """May this session's role write the shared book? (A new, empty database: yes, it is made now.)"""
    with engine.connect() as connection:
        if not inspect(connection).has_table("accounts"):
            return True
        return bool(connection.execute(text("SELECT has_table_privilege('accounts', 'INSERT')")).scalar())


def stamp_application_id(engine: Engine) -> None:
    """Mark a SQLite store as Clera's (stores made before the id was written get it on their next open)."""
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            if connection.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``, keeping every row (Alembic, batch mode for SQLite)."""
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Off for the migrations, as Alembic's batch mode asks: SQLite changes a table by copying
            # it to a new one and dropping the old, and dropping a parent (accounts) with foreign keys
            # on deletes every child row (positions, activities...) through ON DELETE CASCADE. A
            # PRAGMA inside a transaction does nothing, so before the migrations' transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                    raise StoreDamaged(detail=f"the migration to {revision} left rows without their parent: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def store_error(error: DatabaseError | OSError) -> StoreError:
    """What SQLite (or the file system under it) said, as the app's error; the detail is for the log."""
    text = str(getattr(error, "orig", None) or error).lower()
    detail = str(error)[:500]
    if "row-level security" in text or "permission denied for" in text:  # a shared book's policies said no
        return StoreNotYours(detail=detail)
    if any(words in text for words in ("connection refused", "could not connect", "server closed the connection",
                                       "connection timeout", "terminating connection", "connection is closed",
                                       "the connection is lost", "consuming input failed")):
        return StoreAway(detail=detail)
    if "locked" in text or "busy" in text:
        return StoreBusy(detail=detail)
    if "full" in text or "no space" in text:
        return StoreFull(detail=detail)
    if "readonly" in text or "read-only" in text or "permission denied" in text or "access is denied" in text:
        return StoreReadOnly(detail=detail)
    if "malformed" in text or "not a database" in text or "disk i/o error" in text or "corrupt" in text:
        return StoreDamaged(detail=detail)
    if "unable to open" in text:
        return StoreReadOnly("Your Clera data folder cannot be opened (it is missing, read-only, or not a folder). "
                             "Nothing was changed.", detail=detail)
    return StoreError(detail=detail)


def store_key(file: Path | None, key_lookup: Callable[[str], str | None] | None, *, may_write: bool) -> str | None:
    """The key of an encrypted store (None: a plain one). A plain file under an encryption mark is
    what an encryption stopped before its swap (or undone after it) leaves: plain, and said so."""
    mark = cipher.read_mark(file.parent) if file is not None else None
    if mark is None or file is None:
        return None
    if file.is_file() and cipher.is_plain(file):
        log.warning("%s is not encrypted although its folder's mark says so (an encryption that did not finish?): "
                    "opened as it is", file)
        if may_write:
            cipher.remove_mark(file.parent)
        return None
    key = key_lookup(mark.key_name) if key_lookup is not None else None
    if not key:
        raise cipher.StoreKeyMissing(detail=f"{mark.key_name} for {file}")
    return key


class _ReadGate:
    """Reads run side by side, except while the store's file is swapped (encrypted or decrypted in
    place, :meth:`Database.swapped`): then they wait, and the swap waits for those under way."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._shut = False

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._shut)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextlib.contextmanager
    def shut(self) -> Iterator[None]:
        with self._condition:
            self._shut = True
            self._condition.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._condition:
                self._shut = False
                self._condition.notify_all()


class Database:
    """The store: an engine at the newest schema, sessions, and off-GUI-thread execution.

    Writes go through one serial worker thread (one writer at a time, in order, as SQLite
    wants); reads may use a small pool. Both are awaited from the asyncio loop, so the GUI
    thread never waits on SQLite.
    """

    def __init__(self, url: str, *, migrate: bool = True, clock: Clock | None = None,
                 key_lookup: Callable[[str], str | None] | None = None) -> None:
        """Open (and migrate: a backup first) the store at ``url``; an existing file is backed up
        once a day too (models/backup.py). A store in a folder that cannot be written is opened
        for reading only (:attr:`read_only`): what it holds can be read, nothing saved. An encrypted
        store (models/cipher.py) is opened with the key ``key_lookup`` finds under its folder's mark."""
        self.url = url
        self._clock = clock or SystemClock()
        file = sqlite_file(url)
        self.read_only = file is not None and file.is_file() and not writable_folder(file.parent)
        self._file = file
        self.key = store_key(file, key_lookup, may_write=not self.read_only)
        if file is not None and is_foreign_store(file, key=self.key):  # before an engine's connection writes to it
            raise StoreForeign(detail=str(file))
        self._password = server_password(url, key_lookup)
        try:
            self.engine = (read_only_engine(file, self.key) if self.read_only and file is not None
                           else make_engine(url, self.key, password=self._password))
        except OSError as error:  # the data folder cannot be made
            raise store_error(error) from error
        self.shared = self.engine.dialect.name == "postgresql"
        if self.shared and not _checked(lambda: _may_write(self.engine)):  # a viewer of a shared book
            self.read_only = True
            log.info("%s: this role reads the shared book and writes nothing", self.engine.url.database)
            revision = current_revision(self.engine)
            if revision != SCHEMA_HEAD:
                self.engine.dispose()
                raise StoreTooOld(detail=f"schema {revision}, this app uses {SCHEMA_HEAD}")
        elif self.read_only:
            log.info("%s is in a folder that cannot be written: opened for reading only", file)
            revision = current_revision(self.engine)
            if revision != SCHEMA_HEAD:
                self.engine.dispose()
                raise StoreReadOnly(said("Your Clera data folder is read-only and its database needs an update (schema "
                                         "{revision}, this app uses {schema_head}) that cannot be saved there: open it "
                                         "once where it can be written.", revision=revision, schema_head=SCHEMA_HEAD))
        elif migrate:
            try:
                _checked(self._migrate)
            except StoreDamaged as damaged:
                self.engine.dispose()  # nothing of a store it could not open stays open
                if self.key is not None:  # "not a database": with a key, most likely the wrong one
                    raise cipher.StoreKeyWrong(detail=damaged.detail) from damaged
                raise
            except BaseException:
                self.engine.dispose()
                raise
            path = self.path
            if path is not None and self._existed:
                _checked(lambda: daily_backup(path, now=self._clock.now(), key=self.key))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._advisory_locks: dict[str, advisory.AdvisoryLock] = {}
        self._gate = _ReadGate()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        # Time inside write transactions, commit included (benchmarks): wall clock, and the
        # writer thread's own CPU time (the wall figure also counts waits for other threads).
        self.write_seconds = 0.0
        self.write_cpu_seconds = 0.0
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="db-reader")

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a database in memory."""
        if self.read_only:
            return self._file
        database = self.engine.url.database
        return Path(database) if self.engine.dialect.name == "sqlite" and database not in (None, "", ":memory:") else None

    def _migrate(self) -> None:
        revision = current_revision(self.engine)
        self._existed = revision is not None
        if revision == SCHEMA_HEAD:
            self._stamp()
            return  # every start but the first after an update: no lock, no Alembic import
        if self.shared:
            with advisory.held(self.engine, advisory.MIGRATE):  # two machines opening a new book at once
                self._upgrade()
            return
        path = self.path
        if path is None:
            self._upgrade()
            return
        # two processes opening a new (or older) store at once: one migrates, the other waits
        # and finds it done (both creating the tables failed with "table ... already exists")
        with FileLock(path.with_name(path.name + ".migrate.lock"), thread_local=False):
            self._upgrade()

    def _upgrade(self) -> None:
        before = current_revision(self.engine)
        if before == SCHEMA_HEAD:
            return
        if before is not None and before not in known_revisions():
            self.engine.dispose()
            raise StoreTooNew(detail=f"schema revision {before}; this app knows up to {SCHEMA_HEAD}")
        if before is not None and self.path is not None:  # what was there, as it was, before it changes
            take_backup(self.path, now=self._clock.now(), reason=f"before-{SCHEMA_HEAD}", key=self.key)
        try:
            upgrade(self.engine)
        except ProgrammingError as error:
            said_by_server = str(error).lower()
            if self.shared and ("must be owner" in said_by_server or "permission denied" in said_by_server):
                raise StoreTooOld(detail=f"schema {before}, this app uses {SCHEMA_HEAD}: {error}") from error
            raise
        self._stamp()
        after = current_revision(self.engine)
        if before != after:
            log.info("database schema upgraded from %s to %s", before, after)

    def _stamp(self) -> None:
        try:
            stamp_application_id(self.engine)
        except OperationalError:  # a read-only folder: the store is still ours to read
            log.info("could not mark %s as Clera's (read-only?)", self.url, exc_info=True)

    def session(self) -> Session:
        return self._sessions()

    @property
    def server_password(self) -> str | None:
        """A shared book's password from the keyring, for this process's other connections to it."""
        return self._password

    def advisory_lock(self, name: str) -> advisory.AdvisoryLock:
        """The shared book's lock ``name`` (PostgreSQL), one object per open book in this process:
        the window's syncs count on the same one, as on a folder's file lock."""
        lock = self._advisory_locks.get(name)
        if lock is None:
            lock = self._advisory_locks[name] = advisory.AdvisoryLock(self.engine, name)
        return lock

    def write_sync(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one transaction on the calling thread: committed, or rolled back."""
        if self.read_only and self.shared:
            raise StoreNotYours(said("You can read this shared book but not change it (you are one of its viewers)."))
        if self.read_only:
            raise StoreReadOnly(said("Your Clera data folder is read-only: nothing can be saved there. Move it to a folder "
                                     "you can write to, or choose another with --data-dir."))
        started, started_cpu = time.perf_counter(), time.thread_time()

        def transaction() -> T:
            with self._sessions.begin() as session:
                return work(session)

        try:
            return _checked(transaction)
        finally:
            self.write_seconds += time.perf_counter() - started
            self.write_cpu_seconds += time.thread_time() - started_cpu

    def read_sync(self, work: Callable[[Session], T]) -> T:
        def read() -> T:
            with self._gate.reading(), self._sessions() as session:
                return work(session)

        return _checked(read)

    async def swapped(self, change: Callable[[str | None], str | None]) -> None:
        """Run ``change`` (given the current key, returning the new one; None: plain) with every
        connection closed and reads held back, on the writer thread between two writes; then go on
        with the file as it is now (models/encryption.py makes the new one)."""
        def swap() -> None:
            with self._gate.shut():
                self.engine.dispose()
                try:
                    self.key = change(self.key)
                finally:  # as it is now, changed or not
                    self.engine = make_engine(self.url, self.key, password=self._password)
                    self._sessions = sessionmaker(self.engine, expire_on_commit=False)

        await asyncio.wrap_future(self._writer.submit(swap))

    async def write(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` in one transaction on the serial writer thread."""
        # wrap_future, not run_in_executor: a qasync task may be stepped by Qt's own event
        # processing, when asyncio has no *running* loop (only a current one)
        return await asyncio.wrap_future(self._writer.submit(self.write_sync, work))

    async def read(self, work: Callable[[Session], T]) -> T:
        return await asyncio.wrap_future(self._readers.submit(self.read_sync, work))

    def write_soon(self, work: Callable[[Session], object], what: str) -> None:
        """Queue ``work`` on the writer thread and return at once, for ``what`` may be kept or lost
        (a figure kept to show sooner next time), never the person's data: nobody waits for it
        behind a sync, and a failure is logged. Closing the store waits for it."""
        if self.read_only:
            return

        def done(future: Future[object]) -> None:
            if not future.cancelled() and future.exception() is not None:
                log.warning("could not keep %s: %s", what, future.exception())

        self._writer.submit(self.write_sync, work).add_done_callback(done)

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        self.engine.dispose()

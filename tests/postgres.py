"""A throwaway PostgreSQL server for the tests and benches: started in a temporary folder on the
loopback interface, as an unprivileged user (PostgreSQL refuses root), fast and unsafe on purpose
(no fsync: it is thrown away), stopped at the end.

Found where Debian's ``postgresql`` package puts it (``/usr/lib/postgresql/<version>/bin``) or on
the PATH. Absent, :func:`find_binaries` returns None and the PostgreSQL half of the tests is
skipped, unless ``CLERA_REQUIRE_POSTGRES=1`` (``.ci/run``) makes that a failure. README, "Working
on it", says how to run them locally.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REQUIRE_VARIABLE = "CLERA_REQUIRE_POSTGRES"
ADMIN = "clera_admin"
TEMPLATE = "clera_head"  # a database at the newest schema; each test's is a copy of it


def find_binaries() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl`` (the newest Debian one first), or None."""
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    for folder in reversed(debian):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE) == "1"


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unprivileged_user() -> str | None:
    """The user to run the server as when this process is root (None: run as ourselves)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


class ThrowawayServer:
    """One PostgreSQL cluster in a temporary folder, trusted on loopback only."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="clera-pg-"))
        self.port = _free_port()
        self.user = _unprivileged_user()
        self.url = f"postgresql+psycopg://{ADMIN}@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        argv = [str(self.binaries / command[0]), *command[1:]]
        if self.user is not None:
            argv = ["runuser", "-u", self.user, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=120)
        if done.returncode:
            said = done.stderr.strip() or done.stdout.strip()
            raise RuntimeError(f"{' '.join(command[:2])} failed ({done.returncode}): {said}")

    def start(self) -> ThrowawayServer:
        if self.user is not None:
            import pwd

            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.folder / "data"), "-U", ADMIN, "--auth=trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        self.resume()
        return self

    def pause(self) -> None:
        """The server gone, its data kept (a restart, a network away): :meth:`resume` brings it back."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l", str(self.folder / "server.log"),
                  "-w", "-t", "60", "start")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def database_url(self, name: str) -> str:
        return str(make_url(self.url).set(database=name).render_as_string(hide_password=False))

    def _as_admin(self, statement: str) -> None:
        """One statement outside a transaction (databases are made, renamed and dropped so)."""
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def create_database(self, *, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); its address."""
        name = f"clera_{uuid.uuid4().hex[:12]}"
        self._as_admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.database_url(name)

    def rename_database(self, url: str, name: str) -> None:
        self._as_admin(f"ALTER DATABASE {make_url(url).database} RENAME TO {name}")

    def drop_database(self, url: str) -> None:
        self._as_admin(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")


@contextlib.contextmanager
def throwaway_server() -> Iterator[ThrowawayServer | None]:
    """A started server (None where PostgreSQL is not installed)."""
    binaries = find_binaries()
    if binaries is None:
        yield None
        return
    server = ThrowawayServer(binaries)
    try:
        yield server.start()
    finally:
        server.stop()

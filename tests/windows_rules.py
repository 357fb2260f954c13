"""Windows' file rules on every run: renaming or deleting a file this process still holds open fails.

Linux lets a program rename or delete a file it has open; Windows refuses ("The process cannot
access the file because it is being used by another process", WinError 32), so code that works
here can fail on every second start there (a backup renamed while SQLite still held it). With
:func:`windows_file_rules` on, this process keeps count of what it holds open: SQLite databases
(every ``sqlite3.connect``, SQLAlchemy's pool included, with their ``-wal``/``-shm``/``-journal``
files) and files opened through ``open``; ``os.rename``, ``os.replace``, ``os.remove`` and
``os.unlink`` (and so ``Path.rename``, ``replace``, ``unlink`` and ``shutil.move``) of such a file
raise the PermissionError Windows would. tests/conftest.py turns it on for every test;
``@pytest.mark.posix_file_rules`` turns it off for a test that needs Linux's own.

What it cannot see: files a C library opens on its own (Qt's, the web engine's) and other processes.
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_COMPANIONS = ("-wal", "-shm", "-journal")


def _key(path: object) -> str | None:
    """The file's identity as Windows would compare it (case folded); None for what is not a path."""
    if isinstance(path, int) or path is None:
        return None
    try:
        text = os.fsdecode(path)  # type: ignore[arg-type]
    except TypeError:
        return None
    if text in ("", ":memory:") or text.startswith("file::memory:"):
        return None
    if text.startswith("file:"):  # a SQLite URI: its path, without the query
        text = text.removeprefix("file:").split("?", 1)[0]
        while text.startswith("//"):
            text = text[1:]
        from urllib.parse import unquote

        text = unquote(text)
    return os.path.normcase(os.path.abspath(text))


class _Held:
    """Which files this process holds open, by key; weak references, so a dropped handle is let go."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, list[weakref.ref[Any]]] = {}

    def add(self, key: str, handle: Any) -> None:
        with self._lock:
            refs = self._open.setdefault(key, [])
            if len(refs) >= 16:  # a file opened again and again: forget the handles already gone
                refs[:] = [ref for ref in refs if ref() is not None]
            refs.append(weakref.ref(handle))

    def holder(self, key: str, still_open: Callable[[Any], bool]) -> Any:
        with self._lock:
            for ref in self._open.get(key, ()):
                handle = ref()
                if handle is not None and still_open(handle):
                    return handle
        return None


class _TrackedConnection(sqlite3.Connection):
    """A connection that remembers whether it was closed (sqlite3 has no public flag)."""

    closed_by_us = False

    def close(self) -> None:
        self.closed_by_us = True
        super().close()


def _relative_to_a_folder(kwargs: dict[str, Any]) -> bool:
    """A name relative to an open folder (``dir_fd``, as ``shutil.rmtree`` removes a tree): not a
    path this process can compare, so left to the system."""
    return any(kwargs.get(key) is not None for key in ("dir_fd", "src_dir_fd", "dst_dir_fd"))


def _connection_open(connection: Any) -> bool:
    return not connection.closed_by_us


def _file_open(handle: Any) -> bool:
    return not handle.closed


@contextmanager
def windows_file_rules() -> Iterator[None]:
    """Within the block, this process cannot rename or delete a file it holds open."""
    databases, files = _Held(), _Held()
    real_connect, real_open = sqlite3.connect, builtins.open
    real = {name: getattr(os, name) for name in ("rename", "replace", "remove", "unlink")}

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if kwargs.get("factory") is None and len(args) < 5:  # factory is sqlite3.connect's sixth parameter
            kwargs["factory"] = _TrackedConnection
        connection = real_connect(database, *args, **kwargs)
        key = _key(database)
        if key is not None and isinstance(connection, _TrackedConnection):
            databases.add(key, connection)
        return connection

    def tracked_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, *args, **kwargs)
        key = _key(file)
        if key is not None:
            files.add(key, handle)
        return handle

    def refuse_if_held(path: object, action: str) -> None:
        key = _key(path)
        if key is None:
            return
        database = key
        for suffix in _COMPANIONS:
            if key.endswith(suffix):
                database = key.removesuffix(suffix)
        if databases.holder(database, _connection_open) is not None or files.holder(key, _file_open) is not None:
            error = PermissionError(13, "The process cannot access the file because it is being used by another "
                                        f"process (Windows' rule, tests/windows_rules.py: {action} of a file still open)",
                                    os.fsdecode(path))  # type: ignore[arg-type]
            raise error

    def two_paths(name: str) -> Callable[..., None]:
        def checked(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            if not _relative_to_a_folder(kwargs):
                refuse_if_held(source, name)
                if name == "replace" or os.path.exists(target):
                    refuse_if_held(target, name)
            real[name](source, target, *args, **kwargs)
        return checked

    def one_path(name: str) -> Callable[..., None]:
        def checked(path: Any, *args: Any, **kwargs: Any) -> None:
            if not _relative_to_a_folder(kwargs):
                refuse_if_held(path, name)
            real[name](path, *args, **kwargs)
        return checked

    sqlite3.connect = connect  # type: ignore[assignment]
    sqlite3.dbapi2.connect = connect  # type: ignore[assignment] - SQLAlchemy's pysqlite dialect calls this one
    builtins.open = io.open = tracked_open  # type: ignore[assignment] - pathlib opens through io.open
    os.rename, os.replace = two_paths("rename"), two_paths("replace")  # type: ignore[assignment]
    os.remove, os.unlink = one_path("remove"), one_path("unlink")  # type: ignore[assignment]
    try:
        yield
    finally:
        sqlite3.connect = sqlite3.dbapi2.connect = real_connect  # type: ignore[assignment]
        builtins.open = io.open = real_open  # type: ignore[assignment]
        for name, function in real.items():
            setattr(os, name, function)


"""A damaged, foreign or unreachable store gets one sentence from the real command line, never a
traceback, and nothing of a foreign file is touched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest


def _clera(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clera_desktop", *args], capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _said_once(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert _clera("--data-dir", str(folder), "export", "accounts").returncode == 0
    return folder


def _zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["zeroed header", "truncated", "garbage", "a folder"])
def test_info_on_a_damaged_store_is_one_sentence(store: Path, damage: str) -> None:
    path = store / "clera.sqlite"
    if damage == "zeroed header":
        _zero_header(path)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "garbage":
        path.write_bytes(b"\x00garbage\xff" * 500)
    else:
        path.unlink()
        path.mkdir()
    commands = (["info"], ["report"]) if damage == "zeroed header" else (["info"],)
    for command in commands:
        _said_once(_clera("--data-dir", str(store), *command))


@pytest.mark.parametrize(("address", "words"), [
    ("::::", "cannot open this database address"),
    ("mysql://somewhere/x", "cannot open this database address"),
    ("postgresql+nosuchdriver://nohost/x", "is not installed"),
])
def test_an_address_clera_cannot_open_is_said_in_words(tmp_path: Path, address: str, words: str) -> None:
    _said_once(_clera("--data-dir", str(tmp_path / "data"), "--db", address, "info"), words)


def test_another_programs_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """It was upgraded in place without a word, and `restore` put it in the store's place."""
    folder = tmp_path / "data"
    folder.mkdir()
    foreign = folder / "clera.sqlite"
    with closing(sqlite3.connect(foreign)) as raw, raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
        raw.execute("INSERT INTO recipes VALUES ('bread')")
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    for command in (["info"], ["export", "accounts"], ["sync"]):
        _said_once(_clera("--data-dir", str(folder), *command), "not a Clera Desktop store")
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before, "not one byte of it changed"

    ours = tmp_path / "ours"
    assert _clera("--data-dir", str(ours), "export", "accounts").returncode == 0
    kept = hashlib.sha256((ours / "clera.sqlite").read_bytes()).hexdigest()
    _said_once(_clera("--data-dir", str(ours), "restore", str(foreign)), "not a Clera Desktop backup")
    assert hashlib.sha256((ours / "clera.sqlite").read_bytes()).hexdigest() == kept


def test_a_store_the_app_made_carries_its_mark_and_an_older_one_gets_it(store: Path) -> None:
    from clera_desktop.models.engine import APPLICATION_ID

    with closing(sqlite3.connect(store / "clera.sqlite")) as raw:
        assert raw.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        raw.execute("PRAGMA application_id = 0")  # as a store made before the mark
    assert _clera("--data-dir", str(store), "export", "accounts").returncode == 0, "an older store opens"
    with closing(sqlite3.connect(store / "clera.sqlite")) as raw:
        assert raw.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)

"""The command line's shared-book commands: ``move`` (a book from one engine to another) and
``server`` (a PostgreSQL book's schema, roles, policies and people). Split from cli.py, which
keeps the commands a single person uses."""

from __future__ import annotations

import argparse
import sys

from clera_desktop.core.settings import Settings


def add_commands(commands: argparse._SubParsersAction, common: object) -> None:
    """``common(parser, suppress_defaults=True)`` adds --data-dir, --db and the rest to each."""
    move = commands.add_parser(
        "move", help="copy this book into another, empty database (--to postgresql+psycopg://... to share it, "
        "or sqlite:///FILE back), verified by row counts and totals")
    common(move, suppress_defaults=True)  # type: ignore[operator]
    move.add_argument("--to", required=True, metavar="URL", help="the empty database to copy into")


def run_move(settings: Settings, target_url: str) -> int:
    from clera_desktop.models.engine import Database
    from clera_desktop.models.moving import move_book
    from clera_desktop.sync.lock import SyncLock

    if target_url == settings.database_url:
        print("clera-desktop move: --to names the book itself. Nothing was moved.", file=sys.stderr)
        return 2
    source = Database(settings.database_url, clock=settings.clock)
    lock = SyncLock.of(source, settings.clock)
    try:
        lock.acquire(wait=0)  # no sync writes into the original while it is copied
        target = Database(target_url, clock=settings.clock)
        try:
            report = move_book(source, target, progress=lambda line: print(line, flush=True))
        finally:
            target.close()
    finally:
        lock.release()
        source.close()
    print(f"Moved {report.rows:,} rows into {_shown(target_url)}; every table's rows and amounts agree:")
    for line in report.lines():
        print("  " + line)
    print(f"The original is unchanged. Open the moved book with: clera-desktop --db {_shown(target_url)}")
    return 0


def _shown(url: str) -> str:
    """An address as it may be printed: its password hidden."""
    from sqlalchemy.engine import make_url

    return str(make_url(url).render_as_string(hide_password=True))

"""The command line's shared-book commands: ``move`` (a book from one engine to another) and
``server`` (a PostgreSQL book's schema, roles, policies and people). Split from cli.py, which
keeps the commands a single person uses."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from clera_desktop.core.settings import Settings


def add_commands(commands: argparse._SubParsersAction, common: object) -> None:
    """``common(parser, suppress_defaults=True)`` adds --data-dir, --db and the rest to each."""
    move = commands.add_parser(
        "move", help="copy this book into another, empty database (--to postgresql+psycopg://... to share it, "
        "or sqlite:///FILE back), verified by row counts and totals")
    common(move, suppress_defaults=True)  # type: ignore[operator]
    move.add_argument("--to", required=True, metavar="URL", help="the empty database to copy into")

    server = commands.add_parser(
        "server", help="set up a book shared on PostgreSQL (--db postgresql+psycopg://...): its schema, roles, "
        "row-level security policies and people")
    common(server, suppress_defaults=True)  # type: ignore[operator]
    actions = server.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="on an empty database: create the schema, the book's roles and policies, "
                              "and you as its owner; prints what it did")
    common(init, suppress_defaults=True)  # type: ignore[operator]
    init.add_argument("--name", required=True, help="your name, as the book's other people see it")
    person = actions.add_parser("add-person", help="add a person with a login role of their own")
    common(person, suppress_defaults=True)  # type: ignore[operator]
    person.add_argument("--name", required=True, help="their name, as the book shows it")
    person.add_argument("--login", required=True, help="their PostgreSQL role (lower-case letters, digits, _)")
    person.add_argument("--kind", required=True, choices=["member", "viewer", "client"],
                        help="member: sees everything, changes their own; viewer: reads only; client: only their own")
    person.add_argument("--password-from", metavar="VARIABLE",
                        help="the environment variable holding their password (never on the command line); "
                        "without it, asked for when there is a terminal, else none (trust or certificates)")
    common(actions.add_parser("people", help="list the book's people"), suppress_defaults=True)  # type: ignore[operator]
    share = actions.add_parser("share", help="own an account jointly: each person's share (they add up to 1)")
    common(share, suppress_defaults=True)  # type: ignore[operator]
    share.add_argument("--account", required=True, metavar="ID", help="the account (see 'export accounts')")
    share.add_argument("--person", required=True, action="append", metavar="LOGIN=SHARE",
                       help="a person's login and share, e.g. alex=0.5 (repeat for each owner)")


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


def run_server(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy import inspect, text
    from sqlalchemy.engine import make_url

    from clera_desktop.models import shared_book
    from clera_desktop.models.engine import SCHEMA_HEAD, Database, make_engine
    from clera_desktop.models.enums import PersonKind

    url = settings.database_url
    if not url.startswith("postgresql"):
        print("clera-desktop server: name the shared book's server with --db postgresql+psycopg://USER@HOST/BOOK. "
              "Nothing was changed.", file=sys.stderr)
        return 2
    book = str(make_url(url).database)
    if args.action == "init":
        probe = make_engine(url)
        try:
            with probe.connect() as connection:
                tables = inspect(connection).get_table_names()
        finally:
            probe.dispose()
        if tables:
            print(f"clera-desktop server init: {book} already holds tables ({', '.join(sorted(tables)[:4])}...); init "
                  "sets up an empty database only. Nothing was changed.", file=sys.stderr)
            return 1
        database = Database(url, clock=settings.clock)
        try:
            print(f"Created the schema of {book} (revision {SCHEMA_HEAD})")
            with database.engine.begin() as connection:
                for line in shared_book.init_book(connection, book, args.name):
                    print(f"- {line}")
        finally:
            database.close()
        print("Next: add people with 'clera-desktop server add-person', and move a local book in with "
              f"'clera-desktop move --to {_shown(url)}'.")
        return 0
    database = Database(url, clock=settings.clock)
    try:
        if args.action == "people":
            with database.engine.connect() as connection:
                for name, login, kind in connection.execute(text("SELECT name, login, kind FROM people ORDER BY id")):
                    print(f"{name:<30} {login or '':<20} {kind}")
            return 0
        if args.action == "share":
            shares = {}
            for given in args.person:
                login, _, amount = given.partition("=")
                try:
                    shares[login.strip()] = Decimal(amount or "1")
                except ArithmeticError:
                    print(f"clera-desktop server share: {given!r} is not LOGIN=SHARE (e.g. alex=0.5).", file=sys.stderr)
                    return 2
            with database.engine.begin() as connection:
                print(shared_book.share_account(connection, args.account, shares))
            return 0
        password = _password(args.password_from, args.login)
        with database.engine.begin() as connection:
            print(shared_book.add_person(connection, book, name=args.name, login=args.login,
                                         kind=PersonKind(args.kind), password=password))
        return 0
    finally:
        database.close()


def _password(variable: str | None, login: str) -> str | None:
    import getpass
    import os

    if variable:
        value = os.environ.get(variable)
        if not value:
            raise SystemExit(f"clera-desktop server add-person: {variable} is not set. Nothing was changed.")
        return value
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {login} (empty: none): ") or None
    return None

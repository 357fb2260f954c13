"""Command line: options shared by the GUI and the headless subcommands.

``clera-desktop`` with no subcommand opens the window; subcommands run headless and print.
Every subcommand takes the same ``--data-dir``/``--db`` options as the GUI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clera_desktop import __version__
from clera_desktop.core.errors import CleraError
from clera_desktop.core.settings import FEATURE_FLAG_DEFAULTS, Settings, load_settings

if TYPE_CHECKING:
    import threading

    from sqlalchemy.orm import Session

    from clera_desktop.models.engine import Database
    from clera_desktop.providers.registry import ProviderRegistry

SYNC_LOCK_WAIT = 120  # seconds `sync` waits for another process's sync to end
EPILOG = """\
environment:
  CLERA_DATA_DIR            data folder (default: the platform's user data folder)
  CLERA_TODAY               run as if today were this day (YYYY-MM-DD) or moment: demo and tests
  CLERA_BASE_CURRENCY       currency totals are shown in (default USD)
  SNAPTRADE_CLIENT_ID, SNAPTRADE_CONSUMER_KEY      SnapTrade API keys
  PLAID_CLIENT_ID, PLAID_SECRET, PLAID_ENV         Plaid keys; PLAID_ENV sandbox|production
  ALPACA_API_KEY, ALPACA_SECRET_KEY, ALPACA_PAPER  Alpaca keys; ALPACA_PAPER true (default)|false
feature flags (true|false):
""" + "".join(
    f"  {name:<30} default {'true' if default else 'false'}\n"
    for name, default in FEATURE_FLAG_DEFAULTS.items()
)


def _common_options(parser: argparse.ArgumentParser, *, suppress_defaults: bool) -> None:
    default = argparse.SUPPRESS if suppress_defaults else None
    parser.add_argument(
        "--data-dir", type=Path, default=default, metavar="DIR",
        help="folder for the database and logs (overrides CLERA_DATA_DIR)",
    )
    parser.add_argument(
        "--db", default=default, metavar="URL",
        help="database URL (default: sqlite file clera.sqlite in the data folder)",
    )
    parser.add_argument(
        "--log-level", default=argparse.SUPPRESS if suppress_defaults else "INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="log file detail (default INFO)",
    )
    parser.add_argument(
        "--as-of", default=default, metavar="DATE",
        help="run as if today were DATE (YYYY-MM-DD, noon New York) or a moment (YYYY-MM-DDTHH:MM+HH:MM); "
        "for the demo and tests (overrides CLERA_TODAY)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clera-desktop",
        description="Every brokerage account in one window. Without a command, opens the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common_options(parser, suppress_defaults=False)
    parser.add_argument(
        "--demo", action="store_true",
        help="run against the built-in offline sandbox, in a throwaway data folder "
        "unless --data-dir is given",
    )
    parser.add_argument(
        "--quit-after", type=float, metavar="SECONDS",
        help="close the window after SECONDS (smoke tests and start-up benchmarks)",
    )
    parser.add_argument(  # bench/startup_bench.py reads these lines; not for people
        "--report-startup", action="store_true", help=argparse.SUPPRESS,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    info = commands.add_parser("info", help="show folders, database and schema version")
    _common_options(info, suppress_defaults=True)
    info.add_argument("--json", action="store_true", help="print JSON")

    sync = commands.add_parser("sync", help="sync every connected provider into the database and print what changed")
    _common_options(sync, suppress_defaults=True)
    sync.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                      help="sync the built-in sandbox's demo world (throwaway folder unless --data-dir)")
    sync.add_argument("--provider", choices=["snaptrade", "plaid", "alpaca"], help="sync one provider only")

    export = commands.add_parser("export", help="print accounts, holdings or activities as CSV or JSON")
    _common_options(export, suppress_defaults=True)
    export.add_argument("kind", choices=["accounts", "holdings", "activities"])
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")

    report = commands.add_parser(
        "report", help="print value, flows, gain, income and returns (time- and money-weighted) per account and in "
        "total; 'report gains' prints realised gains by sale and term")
    _common_options(report, suppress_defaults=True)
    report.add_argument("what", nargs="?", choices=["performance", "gains", "allocation"], default="performance",
                        help="performance (default); gains: each sale's lots, proceeds, cost and gain, and totals "
                        "by term, in the base currency; allocation: the holdings and cash by --by, with weights, "
                        "day change and any targets")
    report.add_argument("--by", default="asset_class", metavar="DIMENSION",
                        choices=["asset_class", "sector", "region", "country", "currency", "account", "institution",
                                 "provider"],
                        help="allocation only: asset_class (default), sector, region, country, currency, account, "
                        "institution or provider")
    report.add_argument("--json", action="store_true", help="print JSON (the default)")
    report.add_argument("--csv", action="store_true", help="gains only: print CSV")
    report.add_argument("--year", type=int, metavar="YYYY", help="gains only: the tax year (default: this year)")
    report.add_argument("--account", action="append", metavar="ID", help="only this account (repeatable)")
    report.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                        help="first day of the range (default: the start of history)")
    report.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD",
                        help="last day of the range (default: the last day of history)")

    importer = commands.add_parser("import", help="import activities, daily prices or exchange rates from a CSV file")
    _common_options(importer, suppress_defaults=True)
    importer.add_argument("kind", choices=["activities", "prices", "fx"],
                          help="activities (date,account,type,...), daily prices (symbol,date,close,currency) "
                          "or exchange rates (base,quote,date,rate)")
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    importer.add_argument("--dry-run", action="store_true", help="only check the file and print the preview")
    importer.add_argument("--skip-bad", action="store_true", help="import the good lines when some lines are bad")

    backup = commands.add_parser("backup", help="back up the database now (backups/ beside it; the newest 10 are kept)")
    _common_options(backup, suppress_defaults=True)
    restore = commands.add_parser(
        "restore", help="put a backup in the database's place (the newest unless FILE); the current file is set aside")
    _common_options(restore, suppress_defaults=True)
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a backup file (see --list)")
    restore.add_argument("--list", action="store_true", help="list the backups, newest first")

    for name, said in (("encrypt", "encrypt the database and its backups (SQLCipher; the key in your keyring)"),
                       ("decrypt", "decrypt the database and its backups (the key stays in your keyring)")):
        _common_options(commands.add_parser(name, help=said), suppress_defaults=True)
    selfcheck = commands.add_parser(
        "selfcheck", help="check that this install can show a provider's web page, or speak German (the bundle's smoke test)")
    _common_options(selfcheck, suppress_defaults=True)
    selfcheck.add_argument("part", choices=["portal", "german"],
                           help="portal: load the SnapTrade portal page in the web engine; german: load the German translation")
    selfcheck.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                           help="against the demo sandbox, in a throwaway data folder")
    from clera_desktop import cli_shared

    cli_shared.add_commands(commands, _common_options)
    sandbox = commands.add_parser(
        "sandbox", help="serve the offline SnapTrade/Plaid/Alpaca/FX sandbox until stopped",
        description="Serve the offline sandbox on 127.0.0.1. The first line printed is one JSON "
        "object with every base URL and credential a client needs.",
    )
    _common_options(sandbox, suppress_defaults=True)
    sandbox.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    sandbox.add_argument("--seed", type=int, default=7, help="demo world seed (default 7)")
    sandbox.add_argument("--scale", type=float, default=0,
                         help="add benchmark accounts: 2 x SCALE accounts of 300 positions and 5,000 "
                         "activities each (100 = a million activities)")
    sandbox.add_argument("--fault", action="append", default=[], metavar="SPEC",
                         help="inject a fault, e.g. 'snaptrade:*=status:429:7' or 'plaid:*=status:500@2' "
                         "or '*=slow:1.5' (repeatable; see clera_desktop/sandbox/faults.py)")
    sandbox.add_argument("--tick-rate", type=float, default=20.0,
                         help="stream trades per second, all symbols together (default 20)")
    sandbox.add_argument("--rate-limit", type=int, default=250,
                         help="SnapTrade requests per minute per client id (default 250)")
    sandbox.add_argument("--market-closed", action="store_true", help="start with the demo market closed")
    sandbox.add_argument("--broken-connection", action="append", default=[], metavar="BROKERAGE",
                         help="start with this SnapTrade connection broken (e.g. ETRADE; 'plaid' for the "
                         "Plaid item): it needs a reconnect (repeatable)")
    sandbox.add_argument("--exit-with-parent", action="store_true", help=argparse.SUPPRESS)
    sandbox.add_argument("--state", type=Path, metavar="FILE",
                         help="keep the world in FILE and continue from it when started again the same day")
    return parser


def _day(text: str) -> date:
    """A day on the command line: YYYY-MM-DD, said in one sentence when it is not one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day: write it as YYYY-MM-DD (2026-03-31)") from None


class UnknownAccount(CleraError):
    """An ``--account`` the store does not hold: a report of nothing would look like a real one."""


def _known_accounts(session: Session, wanted: list[str] | None) -> list[str] | None:
    """``wanted`` when the store holds every one of them (raises :class:`UnknownAccount` otherwise)."""
    if not wanted:
        return wanted
    from sqlalchemy import select

    from clera_desktop.models.tables import Account

    held = set(session.scalars(select(Account.id).where(Account.id.in_(wanted))))
    unknown = [account for account in wanted if account not in held]
    if unknown:
        raise UnknownAccount(f"There is no account {', '.join(unknown)} in this data folder: "
                             "`clera-desktop export accounts` lists their ids.")
    return wanted


def _range_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with a report's options, in a sentence (None: nothing)."""
    if args.start and args.end and args.end < args.start:
        return f"--to {args.end} is before --from {args.start}."
    if args.csv and args.what != "gains":
        return f"--csv is for 'report gains'; 'report {args.what}' prints JSON."
    if args.csv and args.json:
        return "Choose one of --csv and --json."
    if args.year is not None and args.what != "gains":
        return f"--year is for 'report gains'; 'report {args.what}' takes --from and --to."
    if args.what == "allocation" and (args.start or args.end):
        return "'report allocation' is where the money is now: it takes no --from or --to."
    return None


def throwaway_folder() -> Path:
    """A demo's data folder, removed when the process ends (its log closed first: Windows
    cannot delete an open file)."""
    import atexit
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="clera-demo-"))

    def remove() -> None:
        import shutil

        from clera_desktop.core.logging_setup import release_log_files

        release_log_files()
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)
    _remove_on_termination(remove)
    return folder


def _remove_on_termination(remove: Callable[[], None]) -> None:
    """A termination (SIGTERM from a session's end or ``kill``, SIGHUP from a closed terminal)
    ends Python without its atexit functions, and left the demo's folder, database and all, in the
    temporary folder: remove it, then end as the signal would have. (Windows ends a process
    without a signal a program can catch; its temporary folder is the system's to clear.)"""
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def terminated(signum: int, _frame: object) -> None:
        remove()
        os._exit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, terminated)


def settings_from_args(args: argparse.Namespace) -> Settings:
    demo = getattr(args, "demo", False)
    data_dir = args.data_dir
    if demo and data_dir is None:
        data_dir = throwaway_folder()
    return load_settings(data_dir=data_dir, database_url=args.db, demo=demo, as_of=args.as_of)


def run_info(settings: Settings, *, as_json: bool) -> int:
    """Describe the data folder and the store as they are: nothing is created or migrated."""
    from clera_desktop.models.backup import backups
    from clera_desktop.models.engine import current_revision, head_revision
    from clera_desktop.models.queries import portfolio_mode

    facts: dict[str, object] = {
        "version": __version__, "data_dir": str(settings.data_dir), "log_dir": str(settings.log_dir),
        "database": settings.database_url, "schema_head": head_revision(),
        "feature_flags": dict(settings.feature_flags),
    }
    path = settings.database_path
    if path is not None and not path.exists():
        facts.update(schema_revision=None, portfolio_mode="none", note="no database yet: the app makes it on first use")
    else:
        database = _open_store(settings, migrate=False)
        try:
            revision = current_revision(database.engine)
            facts["schema_revision"] = revision
            facts["portfolio_mode"] = database.read_sync(portfolio_mode).value if revision == head_revision() \
                else "unknown until the app upgrades the store"
        finally:
            database.close()
    if path is not None:
        facts["backups"] = [str(b.path) for b in backups(path)]
    if as_json:
        print(json.dumps(facts, indent=2))
    else:
        for key, value in facts.items():
            print(f"{key:>16}: {value}")
    return 0


def _open_store(settings: Settings, *, migrate: bool = True) -> Database:
    """The store, an encrypted one opened with its key from the keyring (asked only then)."""
    from clera_desktop.models.engine import Database

    return Database(settings.database_url, migrate=migrate, clock=settings.clock, key_lookup=_key_lookup(settings))


def _key_lookup(settings: Settings) -> Callable[[str], str | None]:
    def lookup(name: str) -> str | None:
        secrets = _secret_store(settings)
        return None if secrets.is_locked else secrets.get(name)

    return lookup


def _store_key(settings: Settings) -> str | None:
    """The current store's key (None: it is plain)."""
    from clera_desktop.models.engine import store_key

    path = settings.database_path
    return store_key(path, _key_lookup(settings), may_write=False) if path is not None and path.exists() else None


def run_encrypt(settings: Settings, *, on: bool) -> int:
    """Encrypt the store (and its backups) with a new key kept in the keyring, or decrypt them:
    a verified copy first, with the folder to this process alone (models/encryption.py)."""
    from clera_desktop.models import cipher
    from clera_desktop.models.encryption import decrypt, encrypt

    what = "encrypt" if on else "decrypt"
    path = _database_file(settings, what=what)
    mark = cipher.read_mark(path.parent)
    if on == (mark is not None and not cipher.is_plain(path)):
        print(f"{path} is {'already' if on else 'not'} encrypted: nothing to do.")
        return 0
    with _folder_to_myself(settings, what):
        _open_store(settings).close()  # ours, whole, at the newest schema (migrated, backed up) before it changes
        secrets = _secret_store(settings)
        if secrets.is_locked:
            raise CleraError("The key would be kept in the encrypted key file, which is locked: run this in a terminal "
                             "(it asks for the passphrase) or set CLERA_SECRETS_PASSPHRASE. Nothing was changed.")
        if on:
            _key, done = encrypt(path, secrets.set)
        else:
            assert mark is not None
            key = secrets.get(mark.key_name)
            if not key:
                raise cipher.StoreKeyMissing()
            done = decrypt(path, key)  # the key stays: a file set aside by an earlier restore may need it
    print(f"{'Encrypted' if on else 'Decrypted'} {path}: {done.tables} tables, {done.rows:,} rows, and "
          f"{done.backups} backup{'s' if done.backups != 1 else ''}, each copy checked before it took the file's "
          f"place ({done.seconds:.1f} s)."
          + (f" The key is in {secrets.backend_name}: without it the data cannot be read." if on else ""))
    return 0


def _secret_store(settings: Settings):  # type: ignore[no-untyped-def]
    """The keyring; without one, the encrypted file unlocked by CLERA_SECRETS_PASSPHRASE or a prompt."""
    import getpass
    import os

    from clera_desktop.core.secrets import open_secret_store

    def passphrase() -> str | None:
        if os.environ.get("CLERA_SECRETS_PASSPHRASE"):
            return os.environ["CLERA_SECRETS_PASSPHRASE"]
        if sys.stdin.isatty():
            return getpass.getpass("Passphrase for the encrypted secret file: ")
        return None

    return open_secret_store(settings.data_dir, passphrase)


def run_sync(settings: Settings, *, provider: str | None) -> int:
    import asyncio

    from clera_desktop.core.credentials import resolve_credentials
    from clera_desktop.core.errors import CleraError, SyncBusy
    from clera_desktop.models.enums import Provider
    from clera_desktop.providers.registry import build_registry
    from clera_desktop.sync.lock import SyncLock
    from clera_desktop.sync.service import SyncService

    database = _open_store(settings)
    lock = SyncLock.of(database, settings.clock)
    demo = None
    try:
        # One sync of a folder at a time, from before the demo's and the registry's first writes:
        # a second `sync` waits here for the first to end, then finds its rows (no write of its
        # set-up meets the first one's sync).
        try:
            lock.hold_around(wait=0.0)
        except SyncBusy as busy:
            print(f"{busy.user_message}\nWaiting for it (up to {SYNC_LOCK_WAIT // 60} minutes)...", file=sys.stderr)
            try:
                lock.hold_around(wait=SYNC_LOCK_WAIT)
            except SyncBusy as still:
                print(f"Sync failed: {still.user_message}", file=sys.stderr)
                return 1
        if settings.demo:
            from clera_desktop.demo import start_demo

            demo = start_demo(settings, database)
            settings, credentials, secrets = demo.settings, demo.credentials, demo.secrets
        else:
            secrets = _secret_store(settings)
            credentials = resolve_credentials(secrets)
        registry = build_registry(settings, credentials, secrets, database)
        clients = registry.for_sync()
        if not clients:
            print("Nothing to sync: no provider is connected.", file=sys.stderr)
            for message in dict.fromkeys(registry.missing.values()):  # locked keys: said once, not per provider
                print(f"  - {message}", file=sys.stderr)
            return 1
        syncer = SyncService(database, clients, settings, fx=registry.fx, lock=lock,
                             progress=lambda p: print(f"[{p.provider.value}] {p.message} ({p.done}/{p.total})",
                                                      file=sys.stderr))
        try:
            report = asyncio.run(syncer.sync_provider(Provider(provider)) if provider else syncer.sync_all())
        except CleraError as error:
            print(f"Sync failed: {error.user_message}", file=sys.stderr)
            return 1
        print(report.summary())
        _follow_with_history(database, settings, registry)
        return 0 if report.ok else 1
    finally:
        lock.release()
        if demo is not None:
            demo.close()
        database.close()


def _follow_with_history(database: Database, settings: Settings, registry: ProviderRegistry) -> None:
    """As the window does after a sync: the closes and rates the history needs, then every derived
    figure brought up to date, so a report (which only reads) shows what the sync brought."""
    import asyncio

    from clera_desktop.services.history import HistoryService

    try:
        asyncio.run(HistoryService(database, lambda: settings, lambda: registry).update())
    except CleraError as error:
        print(f"The history was not brought up to date: {error.user_message}", file=sys.stderr)


def run_export(settings: Settings, kind: str, fmt: str, output: Path | None) -> int:
    from clera_desktop.export import export

    database = _open_store(settings)
    try:
        text = database.read_sync(lambda session: export(session, kind, fmt, settings.base_currency))
    finally:
        database.close()
    if output is None:
        sys.stdout.write(text)
    else:
        from clera_desktop.core.files import write_private

        write_private(output, text)
        print(f"wrote {kind} to {output}", file=sys.stderr)
    return 0


def _stored_base_currency(settings: Settings, database) -> Settings:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from clera_desktop.models.queries import app_setting

    stored = database.read_sync(lambda s: app_setting(s, "base_currency"))
    return replace(settings, base_currency=stored.value) if stored is not None else settings


def run_report(settings: Settings, *, accounts: list[str] | None, start: date | None, end: date | None) -> int:
    from clera_desktop.services.history import build_report

    database = _open_store(settings)
    try:
        settings = _stored_base_currency(settings, database)
        accounts = database.read_sync(lambda s: _known_accounts(s, accounts))
        report = database.read_sync(lambda s: build_report(s, settings.base_currency, accounts, start, end,
                                                            today=settings.clock.today()))
    finally:
        database.close()
    print(json.dumps(report.as_json(), indent=2))
    return 0


def run_allocation_report(settings: Settings, *, accounts: list[str] | None, by: str) -> int:
    """Where the money is, from what is stored: the Allocation view's figures (the same book)."""
    from sqlalchemy import select

    from clera_desktop.models.tables import AllocationTarget
    from clera_desktop.portfolio.classification import Dimension
    from clera_desktop.store.allocation import allocation_book

    dimension = Dimension(by)
    database = _open_store(settings)
    try:
        settings = _stored_base_currency(settings, database)
        accounts = database.read_sync(lambda s: _known_accounts(s, accounts))
        book = database.read_sync(lambda s: allocation_book(s, settings.base_currency, settings.clock.market_today()))
        targets = database.read_sync(lambda s: {t.name: t.percent for t in s.scalars(
            select(AllocationTarget).where(AllocationTarget.dimension == dimension.value))})
    finally:
        database.close()
    print(json.dumps(book.split(dimension, accounts, targets).as_json(), indent=2))
    return 0


def run_gains_report(settings: Settings, *, accounts: list[str] | None, year: int | None, start: date | None,
                     end: date | None, as_csv: bool) -> int:
    """Realised gains of a tax year (or a range), from what is stored."""
    from clera_desktop.services.gains_store import gains_report

    year = year or settings.clock.today().year
    start = start or date(year, 1, 1)
    end = end or date(year, 12, 31)
    if end < start:
        print(f"clera-desktop report: --to {end} is before --from {start}.", file=sys.stderr)
        return 2
    database = _open_store(settings)
    try:
        settings = _stored_base_currency(settings, database)
        accounts = database.read_sync(lambda s: _known_accounts(s, accounts))
        report = database.read_sync(lambda s: gains_report(s, settings.base_currency, start, end, accounts))
    finally:
        database.close()
    if as_csv:
        sys.stdout.write(report.csv_text())
    else:
        print(json.dumps(report.as_json(), indent=2))
    return 0


def run_import(settings: Settings, kind: str, path: Path, *, dry_run: bool, skip_bad: bool) -> int:
    """Check the file (saying what was detected and every line's problem), then import it and
    rebuild the history it changes, in one transaction. With bad lines nothing goes in, unless
    ``--skip-bad`` asks for the good ones alone."""

    from clera_desktop.imports.dispatch import ImportKind, import_preview, preview_file
    from clera_desktop.store.derived import bring_up_to_date

    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"Cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    what = ImportKind(kind)
    database = _open_store(settings)
    try:
        preview = database.read_sync(lambda s: preview_file(s, what, data, today=settings.clock.today()))
        print(preview.summary())
        if preview.fatal and not (skip_bad and preview.importable):
            if preview.importable:
                print("Nothing imported. Fix the lines above, or import the good lines alone with --skip-bad.")
            return 1
        if dry_run:
            print("Dry run: nothing imported.")
            return 0

        def write(session: Session) -> int:
            added = import_preview(session, preview, source=path.name, now=settings.clock.now(),
                                   good_lines_only=skip_bad)
            bring_up_to_date(session, settings.clock)
            return added

        added = database.write_sync(write)
    finally:
        database.close()
    skipped = len(preview.lines) - len(preview.good_lines)
    print(f"Imported {added} {what.noun}" + (f" ({skipped} bad lines left out)" if skipped else "") + "; history rebuilt.")
    return 0


def run_backup(settings: Settings) -> int:
    from clera_desktop.models.backup import take_backup

    if settings.database_url.startswith("postgresql"):
        from clera_desktop.models.server_backup import dump_book

        dumped = dump_book(settings.database_url, settings.data_dir, now=settings.clock.now())
        print(f"Backed up the shared book to {dumped} (restore it with PostgreSQL's pg_restore)")
        return 0
    path = _database_file(settings)
    backup = take_backup(path, now=settings.clock.now(), reason="manual", key=_store_key(settings))
    print(f"Backed up {path} to {backup.path}")
    return 0


def run_restore(settings: Settings, chosen: Path | None, *, list_only: bool) -> int:
    """Without a file: the newest backup. The current database is set aside beside it, never deleted."""
    from clera_desktop.models.backup import backups, restore

    path = _database_file(settings, must_exist=False, what="restore")
    found = backups(path)
    if list_only or (not found and chosen is None):
        if not found:
            print(f"No backups of {path} yet (they are taken daily, before upgrades, and by 'clera-desktop backup').")
        for backup in found:
            print(f"{backup.taken:%Y-%m-%d %H:%M}  {backup.reason:<14} {backup.size:>12,} bytes  {backup.path}")
        return 0 if list_only else 1
    source = chosen or found[0].path
    with _folder_to_myself(settings, "restore"):
        aside = restore(path, source, now=settings.clock.now(), key=_store_key(settings))
    print(f"Restored {path} from {source}." + (f" The previous file is kept as {aside}." if aside else ""))
    return 0


@contextlib.contextmanager
def _folder_to_myself(settings: Settings, what: str) -> Iterator[None]:
    """Hold the folder's window and sync locks around a restore (or ``what`` else replaces the
    file), or refuse in a sentence: a window or a sync still writing would write into the file set
    aside, and be lost."""
    from clera_desktop.core.errors import SyncBusy
    from clera_desktop.core.folder_locks import WINDOW_LOCK, WindowLock, holder
    from clera_desktop.sync.lock import SyncLock

    window = WindowLock(settings.data_dir)
    if not window.try_acquire():
        raise FolderBusy(f"Clera Desktop ({holder(settings.data_dir, WINDOW_LOCK)}) has this data folder open. Close "
                         f"its window, then {what}. Nothing was changed.")
    sync = SyncLock(settings.data_dir, settings.clock)
    try:
        try:
            sync.acquire(wait=0)
        except SyncBusy:
            raise FolderBusy(f"A sync is writing to this data folder. Let it finish, then {what}. Nothing was "
                             "changed.") from None
        try:
            yield
        finally:
            sync.release()
    finally:
        window.release()


class FolderBusy(CleraError):
    """Another process has the data folder open or is syncing it."""


def _database_file(settings: Settings, *, must_exist: bool = True, what: str = "backup") -> Path:
    from clera_desktop.core.errors import StoreError

    path = settings.database_path
    if path is None and settings.database_url.startswith("postgresql") and what == "restore":
        raise StoreError("A shared book is restored on its server with PostgreSQL's pg_restore, from a backup "
                         "'clera-desktop backup' made (its backups folder): ask whoever runs the server. Nothing was "
                         "changed.")
    if path is None and settings.database_url.startswith("postgresql"):
        raise StoreError("Encryption at rest is for a book on this computer: a shared book's server keeps its data "
                         "(ask whoever runs it about its disk's encryption, and connect with sslmode=require). "
                         "Nothing was changed.")
    if path is None:
        raise StoreError("Backups are for a database file; this one is not a file (--db).")
    if must_exist and not path.exists():
        raise StoreError(f"There is no database at {path} yet: nothing to back up.")
    return path


def run_sandbox(args: argparse.Namespace, settings: Settings) -> int:
    import signal
    import threading

    from clera_desktop.sandbox.server import SandboxServer

    server = SandboxServer(
        seed=args.seed, scale=args.scale, port=args.port, clock=settings.clock,
        snaptrade_rate_limit=args.rate_limit, state_path=args.state,
    )
    for spec in args.fault:
        try:
            server.faults.add_spec(spec)
        except ValueError as exc:
            print(f"clera-desktop sandbox: bad --fault {spec!r}: {exc}", file=sys.stderr)
            return 2
    server.stream.rate = args.tick_rate
    server.world.market.is_open = not args.market_closed
    for broken in args.broken_connection:
        try:
            server.break_plaid_item() if broken.lower() == "plaid" else server.break_connection(broken)
        except KeyError as exc:
            print(f"clera-desktop sandbox: {exc}", file=sys.stderr)
            return 2
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    if args.exit_with_parent:  # the app's demo: its end closes our stdin, even when it crashed
        threading.Thread(target=_stop_at_end_of_input, args=(stop,), name="parent-watch", daemon=True).start()
    with server:
        print(json.dumps(server.info), flush=True)
        print(f"serving the sandbox on {server.base_url} (Ctrl+C to stop)", file=sys.stderr, flush=True)
        stop.wait()
    return 0


def _stop_at_end_of_input(stop: threading.Event) -> None:
    """A child sandbox outlives a parent that crashed or was killed (no atexit runs then) and would
    serve and stream forever; the parent's end closes the pipe on our stdin, on every platform."""
    sys.stdin.buffer.read()
    stop.set()


def main(argv: Sequence[str] | None = None, *, collection_paused: bool = False) -> int:
    """Run one command. ``collection_paused`` is the process entry's word that it switched garbage
    collection off for start-up (``__main__``); a subcommand then resumes it. Called in-process
    (tests, a host), main leaves collection as it found it: a GUI-thread collector may own it."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = settings_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    if args.command is None:  # the window: it opens its log file right after its first frame
        from clera_desktop.app import run_gui

        return run_gui(settings, log_level=args.log_level, quit_after=args.quit_after,
                       report_startup=args.report_startup)
    import gc

    from clera_desktop.core.files import keep_private, writable_folder
    from clera_desktop.core.logging_setup import FILE_ONLY, configure_logging, record_crashes

    if collection_paused:  # off for the window's start-up only (see __main__)
        gc.freeze()  # what the imports made lives until exit: no collection needs to walk it again
        gc.enable()
    try:
        if args.command != "info" and not writable_folder(settings.data_dir):
            return _read_only_folder(args, settings)
        if args.command != "info":  # info describes the folder as it is: it makes no log folder either
            keep_private([settings.data_dir, settings.log_dir])
            configure_logging(settings.log_dir, args.log_level)
            record_crashes(settings.log_dir, started=settings.clock.now().isoformat())
        else:  # no log file: its records go nowhere, never as a traceback on the terminal
            logging.getLogger().addHandler(logging.NullHandler())
        return _run_command(args, settings)
    except CleraError as error:  # the data folder, the database, the keys: said, not a traceback
        logging.getLogger(__name__).warning("%s failed: %s", args.command, error, exc_info=error.__cause__ is not None,
                                            extra=FILE_ONLY)
        print(f"clera-desktop {args.command}: {error.user_message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output went to `head` or a pager that closed: stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a folder that cannot be made or written (the log folder, say)
        print(f"clera-desktop {args.command}: {error.strerror or error} ({error.filename or settings.data_dir})",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the command line's boundary: a sentence, the detail in the log
        logging.getLogger(__name__).exception("%s failed unexpectedly", args.command, extra=FILE_ONLY)
        print(f"clera-desktop {args.command}: something unexpected went wrong ({type(error).__name__}). "
              f"The details are in the log in {settings.log_dir}.", file=sys.stderr)
        return 1


#: What can be done in a data folder that cannot be written (a read-only disk or share): read.
READS = frozenset({"report", "export", "selfcheck"})


def _read_only_folder(args: argparse.Namespace, settings: Settings) -> int:
    """A data folder that cannot be written: the commands that only read run on what is saved
    there (no log file, no backup, the figures as last brought up to date), with a sentence
    saying so; the others refuse in one sentence rather than half-start."""
    if args.command not in READS:
        print(f"clera-desktop {args.command}: your Clera data folder {settings.data_dir} is read-only, and "
              f"{args.command} needs to save there. Nothing was done: move the folder somewhere you can write to, "
              "or choose another with --data-dir.", file=sys.stderr)
        return 1
    logging.getLogger().addHandler(logging.NullHandler())  # nowhere to keep a log; never a traceback
    print(f"clera-desktop {args.command}: your Clera data folder {settings.data_dir} is read-only: showing what "
          "was last saved there; nothing can be saved.", file=sys.stderr)
    return _run_command(args, settings)


def _run_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "info":
        return run_info(settings, as_json=args.json)
    if args.command == "selfcheck":
        from clera_desktop.app import run_selfcheck

        return run_selfcheck(settings, args.part)
    if args.command == "sandbox":
        return run_sandbox(args, settings)
    if args.command == "sync":
        return run_sync(settings, provider=args.provider)
    if args.command == "export":
        return run_export(settings, args.kind, args.format, args.output)
    if args.command == "report" and (problem := _range_problem(args)):
        print(f"clera-desktop report: {problem}", file=sys.stderr)
        return 2
    if args.command == "report" and args.what == "gains":
        return run_gains_report(settings, accounts=args.account, year=args.year, start=args.start, end=args.end,
                                as_csv=args.csv)
    if args.command == "report" and args.what == "allocation":
        return run_allocation_report(settings, accounts=args.account, by=args.by)
    if args.command == "report":
        return run_report(settings, accounts=args.account, start=args.start, end=args.end)
    if args.command == "import":
        return run_import(settings, args.kind, args.file, dry_run=args.dry_run, skip_bad=args.skip_bad)
    if args.command == "backup":
        return run_backup(settings)
    if args.command == "restore":
        return run_restore(settings, args.file, list_only=args.list)
    if args.command == "move":
        from clera_desktop.cli_shared import run_move

        return run_move(settings, args.to)
    if args.command == "server":
        from clera_desktop.cli_shared import run_server

        return run_server(settings, args)
    if args.command in ("encrypt", "decrypt"):
        return run_encrypt(settings, on=args.command == "encrypt")
    raise AssertionError(f"unhandled command {args.command}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

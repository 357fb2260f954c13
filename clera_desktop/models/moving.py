"""Moving a book between engines: a local SQLite file into a shared PostgreSQL book, and back.

The target is brought to the newest schema first and must hold nothing: a move never merges into,
or overwrites, a book someone already keeps. Every table is copied through the same column types
the app writes with (exact Decimal text, UTC moments), in one transaction, parents before children;
then both sides are counted and their amounts summed, table by table, and the move is kept only when
they agree (else rolled back, the target left empty as it was). Secrets are not in the store, so
none move: they stay in this computer's keyring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Connection, Table, func, select, text, update

from clera_desktop.core.errors import StoreError
from clera_desktop.core.words import said
from clera_desktop.models.column_types import DecimalText
from clera_desktop.models.engine import Database
from clera_desktop.models.tables import Account, Base, Person, SnapTradeUser, table_of
from clera_desktop.models.tables import Connection as Connection_

log = logging.getLogger(__name__)
BATCH = 5_000
PEOPLE_TABLES = ("people", "account_shares")


@dataclass(frozen=True, slots=True)
class TableTally:
    """A table's rows, and the sum of each of its amount columns (exact)."""

    name: str
    rows: int
    sums: tuple[tuple[str, Decimal], ...] = ()


@dataclass(slots=True)
class MoveReport:
    tallies: list[TableTally] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tallies)

    def lines(self) -> list[str]:
        return [f"{t.name:<22} {t.rows:>10,} rows" + "".join(f"  {c} {s}" for c, s in [x for x in t.sums if x[1]][:2])
                for t in self.tallies if t.rows]


class TargetNotEmpty(StoreError):
    default_message = said("The database you are moving to already holds a book. Nothing was moved: choose an empty "
                           "database (a move never merges into or overwrites one).")


class MoveDisagrees(StoreError):
    default_message = said("The copy did not match the original, so nothing was moved (the target is as empty as it "
                           "was). The log says which table differed.")


def copied_tables() -> list[Table]:
    """Every table of the book, parents first (the schema's own revision table is each side's)."""
    return [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]


def tally(connection: Connection, table: Table) -> TableTally:
    """Rows and amount sums, the amounts summed here as Decimals (as text they cannot be in SQL)."""
    amounts = [c.name for c in table.columns if isinstance(c.type, DecimalText)]
    rows = int(connection.execute(select(func.count()).select_from(table)).scalar_one())
    sums = {name: Decimal(0) for name in amounts}
    if amounts and rows:
        for values in connection.execute(select(*(table.c[n] for n in amounts))).yield_per(BATCH):
            for name, value in zip(amounts, values, strict=True):
                if value is not None:
                    sums[name] += value
    return TableTally(table.name, rows, tuple(sums.items()))


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    order = list(table.primary_key.columns)
    result = connection.execute(select(table).order_by(*order)).mappings().yield_per(BATCH)
    for part in result.partitions():
        yield [dict(row) for row in part]


def move_book(source: Database, target: Database, *, progress: Callable[[str], None] = lambda _line: None) -> MoveReport:
    """Copy everything ``source`` keeps into the empty ``target``; verified, or nothing moved."""
    tables = copied_tables()
    report = MoveReport()
    with source.engine.connect() as reading, target.engine.begin() as writing:
        # a shared book set up for people (``server init``) has them before its first book moves in
        held = [(t.name, n) for t in tables if t.name not in PEOPLE_TABLES
                and (n := int(writing.execute(select(func.count()).select_from(t)).scalar_one()))]
        if held:
            raise TargetNotEmpty(detail=", ".join(f"{name}: {count} rows" for name, count in held))
        people_there = bool(writing.execute(select(func.count()).select_from(table_of(Person))).scalar_one())
        # the target's own people stay; what moves in becomes the mover's (below)
        moved = [t for t in tables if not (people_there and t.name in PEOPLE_TABLES)]
        for table in moved:
            copied = 0
            for rows in _batches(reading, table):
                writing.execute(table.insert(), rows)
                copied += len(rows)
            if copied:
                progress(f"copied {copied:,} rows of {table.name}")
        _continue_numbering(writing, tables)
        if people_there:
            _owned_by_mover(writing)
        for table in moved:
            before, after = tally(reading, table), tally(writing, table)
            if before != after:
                log.error("moving %s: the original has %s, the copy %s", table.name, before, after)
                raise MoveDisagrees(detail=f"{table.name}: {before} != {after}")
            report.tallies.append(after)
    return report


def _owned_by_mover(connection: Connection) -> None:
    """What moved into a shared book with no owner (a local book's rows) becomes the person moving
    it in: the server's ``clera_person()`` says who that is (models/shared_book.py)."""
    for table in (Connection_, Account, SnapTradeUser):
        connection.execute(update(table).where(table.owner_id.is_(None)).values(owner_id=func.clera_person()))


def _continue_numbering(connection: Connection, tables: list[Table]) -> None:
    """Rows copied with their ids: PostgreSQL's sequences then go on after the highest (SQLite's
    rowid does by itself), so the next row written is not refused as a duplicate."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) == 1 and key[0].autoincrement is not False and key[0].type.python_type is int:
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "  # noqa: S608 - our own names
                f"coalesce((SELECT max({key[0].name}) FROM {table.name}), 0) + 1, false)"))

"""Moving a book into a shared PostgreSQL database and back: everything once, verified, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from clera_desktop.cli import main
from clera_desktop.models.engine import Database
from clera_desktop.models.moving import TargetNotEmpty, copied_tables, move_book, tally
from clera_desktop.store.income import income_report
from clera_desktop.store.valuation import account_values
from tests.clock import TEST_CLOCK
from tests.sync.conftest import Harness, make_harness

pytestmark = pytest.mark.day  # a synced demo world: its outcome depends on the day it plays


def tallies(database: Database) -> list[object]:
    with database.engine.connect() as connection:
        return [tally(connection, table) for table in copied_tables()]


def figures(database: Database) -> tuple[object, object]:
    today = TEST_CLOCK.today()
    return database.read_sync(lambda s: (
        [(v.name, v.total, v.total_base, v.missing_prices) for v in account_values(s, "USD")],
        income_report(s, "USD", today)))


def test_a_synced_book_moves_to_the_server_and_back_unchanged(harness: Harness, empty_postgres: str,
                                                              tmp_path: Path) -> None:
    assert harness.sync().ok
    server = Database(empty_postgres)
    back = Database(f"sqlite:///{tmp_path / 'back.sqlite'}")
    try:
        there = move_book(harness.database, server)
        assert there.rows > 1_000 and tallies(server) == tallies(harness.database)
        assert figures(server) == figures(harness.database)
        move_book(server, back)
        assert tallies(back) == tallies(harness.database) and figures(back) == figures(harness.database)
        # the moved book goes on: a sync into it adds nothing twice, and its numbering goes on after the copied rows
        before = tallies(server)
        moved = make_harness(harness.server, tmp_path / "moved", database_url=empty_postgres)
        try:
            assert moved.sync().ok
        finally:
            moved.database.close()
        def rows(found: list[object]) -> dict[str, int]:  # a sync's own record of running aside
            return {t.name: t.rows for t in found if t.name != "sync_runs"}  # type: ignore[attr-defined]

        assert rows(tallies(server)) == rows(before)
    finally:
        server.close()
        back.close()


def test_a_move_refuses_a_database_that_holds_a_book_and_changes_nothing(harness: Harness, empty_postgres: str) -> None:
    assert harness.sync().ok
    server = Database(empty_postgres)
    try:
        with server.engine.begin() as connection:
            connection.execute(text("INSERT INTO app_settings (key, value, updated_at) VALUES ('base_currency', 'EUR', now())"))
        with pytest.raises(TargetNotEmpty, match="already holds a book"):
            move_book(harness.database, server)
        assert sum(t.rows for t in tallies(server)) == 1  # type: ignore[attr-defined]
    finally:
        server.close()


def test_move_on_the_command_line_says_what_it_copied(tmp_path: Path, empty_postgres: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "laptop"
    assert main(["sync", "--demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    assert main(["move", "--data-dir", str(folder), "--to", empty_postgres]) == 0
    said = capsys.readouterr().out
    assert "every table's rows and amounts agree" in said and "activities" in said
    assert main(["move", "--data-dir", str(folder), "--to", empty_postgres]) == 1
    assert "already holds a book" in capsys.readouterr().err
    assert main(["backup", "--data-dir", str(folder), "--db", empty_postgres]) == 0
    assert list((folder / "backups").glob("*.dump"))


@pytest.mark.parametrize(("command", "said"), [
    (["restore"], "restored on its server with PostgreSQL's pg_restore"),
    (["encrypt"], "Encryption at rest is for a book on this computer"),
])
def test_what_only_a_file_can_do_is_refused_for_a_shared_book_in_a_sentence(
        command: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nowhere = "postgresql+psycopg://sam@127.0.0.1:1/household"  # never opened: refused before
    assert main([*command, "--data-dir", str(tmp_path), "--db", nowhere]) == 1
    assert said in capsys.readouterr().err

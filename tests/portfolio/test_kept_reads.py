"""The window's history reads keep each account's days and activity records between reads and read
again only the accounts whose days or activities moved: what they return is always what a fresh read
of the store returns, after an added activity, an edit in place, a removal, and a rebuild."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType as T
from clera_desktop.models.enums import ConnectionType, Provider
from clera_desktop.models.history_marks import mark_rewritten
from clera_desktop.models.tables import Account, Activity
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.history import internal_transfers, records_by_account, snapshot_rows
from clera_desktop.store.kept_reads import KeptReads
from tests.clock import TEST_CLOCK
from tests.portfolio.test_history_incremental import FIRST, NOW, TODAY, _manual_book

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

ACCOUNTS = ["manual_m", "manual_n"]


def _two_accounts(session: Session) -> None:
    session.add(Account(id="manual_n", provider=Provider.MANUAL, provider_account_id="n", institution="Me",
                        name="Second", currency="USD", connection_type=ConnectionType.READ, created_at=NOW,
                        updated_at=NOW))
    session.flush()
    session.add(Activity(account_id="manual_n", provider_activity_id="n0", type=T.DEPOSIT, trade_date=FIRST,
                         amount=Decimal(500), currency="USD"))
    _manual_book(session)


def _kept_and_fresh(database: Database, kept: KeptReads) -> tuple[object, object]:
    def read(session: Session) -> tuple[object, object]:
        internal = internal_transfers(session)
        return ((kept.days(session, ACCOUNTS, None), kept.records(session, ACCOUNTS, internal)),
                (snapshot_rows(session, ACCOUNTS, None), dict(records_by_account(session, ACCOUNTS, internal))))
    return database.read_sync(read)


def test_a_change_to_one_account_reads_that_account_again_and_keeps_the_other(database: Database) -> None:
    database.write_sync(_two_accounts)
    kept = KeptReads()
    (days, records), fresh = _kept_and_fresh(database, kept)
    assert (days, records) == fresh

    def deposit(session: Session) -> None:
        session.add(Activity(account_id="manual_m", provider_activity_id="late", type=T.DEPOSIT,
                             trade_date=TODAY - timedelta(days=5), amount=Decimal("12.34"), currency="USD"))
        bring_up_to_date(session, TEST_CLOCK)

    database.write_sync(deposit)
    (days_after, records_after), fresh = _kept_and_fresh(database, kept)
    assert (days_after, records_after) == fresh
    assert days_after["manual_n"] is days["manual_n"] and records_after["manual_n"] is records["manual_n"]
    assert days_after["manual_m"] != days["manual_m"]


def test_an_edit_in_place_and_a_removal_are_read_again_before_and_after_the_rebuild(database: Database) -> None:
    database.write_sync(_two_accounts)
    kept = KeptReads()
    _kept_and_fresh(database, kept)

    def edit(session: Session) -> None:  # the same id and count: only the writer's mark says it moved
        activity = session.scalars(select(Activity).where(Activity.provider_activity_id == "d100")).one()
        mark_rewritten(session, "manual_m", activity.trade_date, now=NOW)
        activity.amount = Decimal(1500)

    database.write_sync(edit)
    kept_now, fresh = _kept_and_fresh(database, kept)  # marked, not yet rebuilt
    assert kept_now == fresh
    database.write_sync(lambda s: bring_up_to_date(s, TEST_CLOCK))
    kept_now, fresh = _kept_and_fresh(database, kept)
    assert kept_now == fresh

    def remove(session: Session) -> None:
        session.execute(Activity.__table__.delete().where(Activity.provider_activity_id == "n0"))
        bring_up_to_date(session, TEST_CLOCK)

    database.write_sync(remove)
    assert _kept_and_fresh(database, kept) == _kept_and_fresh(database, KeptReads())


def test_days_through_an_end_and_a_book_too_big_to_keep(database: Database) -> None:
    database.write_sync(_two_accounts)
    end = TODAY - timedelta(days=30)
    kept, too_small = KeptReads(), KeptReads(most_days=10)
    for reads in (kept, too_small):
        for _ in range(2):
            assert database.read_sync(lambda s, r=reads: r.days(s, ACCOUNTS, end)) == database.read_sync(
                lambda s: snapshot_rows(s, ACCOUNTS, end))
    assert too_small._days == {}  # over its bound: read each time, nothing kept

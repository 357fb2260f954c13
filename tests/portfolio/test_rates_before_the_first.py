"""Before a pair's first recorded rate, a value in that currency is unknown: never valued at a later
day's rate (the history used to carry the earliest rate backwards)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clera_desktop.models.engine import Database
from clera_desktop.models.tables import FxRate
from clera_desktop.store.rates import rate_book

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

FIRST = date(2026, 3, 2)


def test_a_day_before_the_first_rate_has_no_rate_and_later_days_carry_it_forward(database: Database) -> None:
    database.write_sync(lambda s: s.add_all([
        FxRate(base="CAD", quote="USD", rate=Decimal("0.74"), as_of=FIRST, source="test"),
        FxRate(base="EUR", quote="USD", rate=Decimal("1.10"), as_of=date(2026, 3, 4), source="test"),
    ]))

    def check(session) -> None:  # type: ignore[no-untyped-def]
        table = rate_book(session)
        days = [date(2026, 3, 1), FIRST, date(2026, 3, 6)]
        direct = table("CAD", "USD", days)
        assert math.isnan(direct[0]) and list(direct[1:]) == [0.74, 0.74]
        assert table.rate_on("CAD", "USD", date(2026, 3, 1)) is None
        assert table.rate_on("CAD", "USD", date(2026, 3, 6)) == Decimal("0.74")
        inverse = table("USD", "CAD", days)
        assert math.isnan(inverse[0]) and abs(inverse[1] - 1 / 0.74) < 1e-12
        across = table("CAD", "EUR", [FIRST, date(2026, 3, 3), date(2026, 3, 4)])  # through USD: EUR starts later
        assert math.isnan(across[0]) and math.isnan(across[1]) and abs(across[2] - 0.74 / 1.10) < 1e-12
        assert table.rate_on("CAD", "EUR", date(2026, 3, 3)) is None

    database.read_sync(check)


def test_a_syncs_rate_of_today_does_not_stand_for_the_history_before_it(database: Database) -> None:
    """A sync stores today's rate; the history update took it for a complete series and fetched
    nothing older, and every past day of a CAD account was valued at today's rate."""
    from clera_desktop.models.enums import ActivityType
    from clera_desktop.models.tables import Activity
    from clera_desktop.services.history import _rate_needs
    from tests.models.factories import add_account

    today = date(2026, 12, 7)

    def fill(session) -> None:  # type: ignore[no-untyped-def]
        account = add_account(session, "tfsa", currency="CAD")
        session.flush()
        session.add(Activity(account_id=account.id, provider_activity_id="d1", type=ActivityType.DEPOSIT,
                             trade_date=date(2024, 1, 3), amount=Decimal(1000), currency="CAD"))
        session.add(FxRate(base="CAD", quote="USD", rate=Decimal("0.73"), as_of=today, source="sync"))

    database.write_sync(fill)
    assert database.read_sync(lambda s: _rate_needs(s, "USD", today)) == {"CAD": date(2024, 1, 3)}
    database.write_sync(lambda s: s.add(FxRate(base="CAD", quote="USD", rate=Decimal("0.75"), as_of=date(2024, 1, 2),
                                               source="ecb")))
    assert database.read_sync(lambda s: _rate_needs(s, "USD", today)) == {"CAD": today + timedelta(days=1)}

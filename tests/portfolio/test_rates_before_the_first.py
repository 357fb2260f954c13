"""Before a pair's first recorded rate, a value in that currency is unknown: never valued at a later
day's rate (the history used to carry the earliest rate backwards)."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from clera_desktop.models.engine import Database
from clera_desktop.models.tables import FxRate
from clera_desktop.portfolio.history_store import FxTable

FIRST = date(2026, 3, 2)


def test_a_day_before_the_first_rate_has_no_rate_and_later_days_carry_it_forward(database: Database) -> None:
    database.write_sync(lambda s: s.add_all([
        FxRate(base="CAD", quote="USD", rate=Decimal("0.74"), as_of=FIRST, source="test"),
        FxRate(base="EUR", quote="USD", rate=Decimal("1.10"), as_of=date(2026, 3, 4), source="test"),
    ]))

    def check(session) -> None:  # type: ignore[no-untyped-def]
        table = FxTable(session)
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

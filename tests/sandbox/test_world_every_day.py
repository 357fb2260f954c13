"""The demo world holds what the UI tests assume of it on every day, not only on the five of the
calendar run: 400+ consecutive days around today, each day's world built afresh (world_sweep.py).

``CLERA_SWEEP_DAYS=N`` walks N days after today instead (a longer look before a release).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from tests.clock import TODAY
from tests.sandbox.world_sweep import check_day, days_around

#: A month back (the days CI may re-run a submission on) and a year and more ahead.
DAYS_BEFORE = 30
DAYS_AFTER = int(os.environ.get("CLERA_SWEEP_DAYS", "400"))


def _check_days(days: list[date]) -> list[str]:
    return [problem for day in days for problem in check_day(day)]


def test_every_day_of_the_demo_world_keeps_the_ui_tests_assumptions() -> None:
    days = days_around(TODAY, DAYS_BEFORE, DAYS_AFTER)
    assert len(days) >= 400
    workers = min(2, os.cpu_count() or 1)
    chunks = [days[n::workers * 8] for n in range(workers * 8)]
    with ProcessPoolExecutor(workers) as pool:
        problems = [p for found in pool.map(_check_days, chunks) for p in found]
    assert problems == [], f"{len(problems)} broken on {len({p[:10] for p in problems})} of {len(days)} days:\n" + \
        "\n".join(problems[:20])


def test_the_sweep_sees_a_broken_assumption(monkeypatch) -> None:
    """A check that could never fail would prove nothing: the same day with our lots off by a cent."""
    import tests.sandbox.world_sweep as sweep

    real = sweep.build_lots

    def a_cent_off(records, method):  # type: ignore[no-untyped-def]
        book = real(records, method)
        for lots in book.open.values():
            for lot in lots:
                if lot.cost is not None:
                    lot.cost += sweep.Decimal("0.01")
        return book

    monkeypatch.setattr(sweep, "build_lots", a_cent_off)
    problems = check_day(TODAY)
    assert any("lots differ" in p for p in problems) and any("E*TRADE" in p for p in problems)

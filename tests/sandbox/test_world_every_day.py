"""The demo world holds what the UI tests assume of it on every day, not only on the five of the
calendar run: 400+ consecutive days around today, each day's world built afresh (world_sweep.py).

``CLERA_SWEEP_DAYS=N`` walks N days after today instead (a longer look before a release).
"""

from __future__ import annotations

import itertools
import os

import pytest

from tests.clock import TODAY
from tests.sandbox.world_sweep import check_day, days_around

#: A week back (the days CI may re-run a submission on) and more than a year ahead.
DAYS_BEFORE = 7
DAYS_AFTER = int(os.environ.get("CLERA_SWEEP_DAYS", "400"))
DAYS = days_around(TODAY, DAYS_BEFORE, DAYS_AFTER)
#: Pieces of the walk, so that pytest-xdist spreads them over the cores with the other tests.
PIECES = 24


def test_the_walk_covers_more_than_a_year_of_consecutive_days() -> None:
    assert len(DAYS) >= 400 and all((b - a).days == 1 for a, b in itertools.pairwise(DAYS))
    assert sorted(day for piece in range(PIECES) for day in DAYS[piece::PIECES]) == DAYS


@pytest.mark.parametrize("piece", range(PIECES))
def test_every_day_of_the_demo_world_keeps_the_ui_tests_assumptions(piece: int) -> None:
    days = DAYS[piece::PIECES]
    problems = [problem for day in days for problem in check_day(day)]
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

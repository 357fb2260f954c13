"""Synthetic holdings for size tests and benchmarks (the real path is covered against the sandbox)."""

from __future__ import annotations

import random
from decimal import Decimal

from clera_desktop.portfolio.holdings import HoldingAccountRow, HoldingRow, HoldingsSnapshot


def many_holdings(count: int, seed: int = 3) -> HoldingsSnapshot:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        quantity = Decimal(rng.randrange(1, 5000)) / 10
        price = Decimal(rng.randrange(100, 90000)) / 100
        value = quantity * price
        cost = value * Decimal(rng.randrange(50, 150)) / 100
        accounts = tuple(HoldingAccountRow(f"snaptrade_{k}", f"Account {k}", "snaptrade", quantity / 2, value / 2)
                         for k in range(2))
        rows.append(HoldingRow(f"S{n:05d}", f"Security {n}", "USD", quantity, price, value, value, cost, value - cost,
                               (value - cost) / cost, None, accounts))
    return HoldingsSnapshot("USD", tuple(rows), sum((r.market_value for r in rows), Decimal(0)), None)  # type: ignore[misc]

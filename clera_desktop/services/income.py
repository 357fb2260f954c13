"""Dividends and interest for the Income view: one read of the store, on its reader thread."""

from __future__ import annotations

from collections.abc import Callable, Collection

from clera_desktop.core.clock import Clock
from clera_desktop.models.engine import Database
from clera_desktop.portfolio.income import IncomeReport, income_report


class IncomeService:
    def __init__(self, database: Database, clock: Callable[[], Clock], base_currency: Callable[[], str]) -> None:
        self._database = database
        self._clock = clock
        self._base = base_currency

    async def report(self, account_ids: Collection[str] | None = None) -> IncomeReport:
        """Every payment up to today, in the base currency at each payment day's rate."""
        today, base = self._clock().today(), self._base()
        return await self._database.read(lambda s: income_report(s, base, today, account_ids=account_ids))

"""Dividends and interest for the Income view: one read of the store, on its reader thread, kept
until a change moves a payment, a holding (the projection) or a rate."""

from __future__ import annotations

from collections.abc import Callable, Collection

from clera_desktop.core.changes import Change, ChangeBus
from clera_desktop.core.clock import Clock
from clera_desktop.models.engine import Database
from clera_desktop.portfolio.income import IncomeReport, income_report
from clera_desktop.services.kept import Kept

STALE = Change.ACTIVITIES | Change.POSITIONS | Change.ACCOUNTS | Change.BASE_CURRENCY | Change.HISTORY


class IncomeService:
    def __init__(self, database: Database, clock: Callable[[], Clock], base_currency: Callable[[], str],
                 changes: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._base = base_currency
        self._reports: Kept[IncomeReport] = Kept(changes, STALE)

    async def report(self, account_ids: Collection[str] | None = None) -> IncomeReport:
        """Every payment up to today, in the base currency at each payment day's rate."""
        today, base = self._clock().today(), self._base()
        scope = None if account_ids is None else frozenset(account_ids)
        return await self._reports.get((base, today, scope), lambda: self._database.read(
            lambda s: income_report(s, base, today, account_ids=account_ids)))

"""Dividends and interest for the Income view: one read of the store, on its reader thread, kept
until a change moves a payment, a holding (the projection) or a rate; every account's report is
also kept in the store for the next start (services/income_kept.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus
from clera_desktop.core.clock import Clock
from clera_desktop.models.engine import Database
from clera_desktop.portfolio.income import IncomeReport
from clera_desktop.services import income_kept
from clera_desktop.services.kept import Kept
from clera_desktop.store.income import income_report

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
        if account_ids is not None:
            return await self._reports.get((base, today, frozenset(account_ids)), lambda: self._database.read(
                lambda s: income_report(s, base, today, account_ids=account_ids).warmed()))
        return await self._reports.get((base, today, None), lambda: self._every_account(base, today))

    async def _every_account(self, base: str, today: date) -> IncomeReport:
        """Every account's report: the one kept in the store while nothing it reads moved, else read
        again and kept for the next start (services/income_kept.py)."""
        def read(session: Session) -> tuple[IncomeReport, str, bool]:
            now_marks = income_kept.marks(session)
            kept = income_kept.load(session, base, today, now_marks=now_marks)
            if kept is not None:
                return kept.warmed(), now_marks, False
            return income_report(session, base, today).warmed(), now_marks, True

        report, read_marks, fresh = await self._database.read(read)
        if fresh:
            now = self._clock().now()
            self._database.write_soon(lambda s: income_kept.save(s, report, read_marks, now=now), "the income report")
        return report

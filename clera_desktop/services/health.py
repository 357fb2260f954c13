"""Health rules for the Holdings view: one read (accounts, holdings, thresholds), and the
person's thresholds kept in the store, each change announced as ``Change.SETTINGS``."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.queries import app_setting
from clera_desktop.models.upserts import put_app_setting
from clera_desktop.portfolio.health import DEFAULT_THRESHOLDS, HealthReport, Rule, check_health
from clera_desktop.services.allocation import AllocationService


def thresholds(session: Session) -> dict[Rule, Decimal]:
    """The person's thresholds (percent), each rule's default where none (or a bad one) is kept."""
    chosen = dict(DEFAULT_THRESHOLDS)
    for rule in Rule:
        row = app_setting(session, rule.setting_key)
        try:
            value = Decimal(row.value) if row is not None else None
        except InvalidOperation:
            value = None
        if value is not None and 0 < value <= 100:
            chosen[rule] = value
    return chosen


class HealthService:
    """The rules over the Allocation view's book (the same pieces, so the two agree to the cent)."""

    def __init__(self, database: Database, clock: Callable[[], Clock], allocation: AllocationService,
                 changes: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._allocation = allocation
        self._bus = changes

    async def report(self) -> HealthReport:
        book = await self._allocation.book()
        chosen = await self._database.read(thresholds)
        return check_health(book, chosen)

    async def set_threshold(self, rule: Rule, percent: Decimal) -> Changes:
        if not 0 < percent <= 100:
            raise CleraError(said("A health rule's threshold is a percentage above 0 and up to 100."))
        now = self._clock().now()
        await self._database.write(lambda s: put_app_setting(s, rule.setting_key, str(percent), now=now))
        return self._bus.announce(Changes(Change.SETTINGS, frozenset(),
                                          said("{rule}: flagged above {percent}% of the portfolio.",
                                               rule=said(rule.label), percent=percent)))

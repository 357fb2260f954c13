"""Health rules for the Holdings view: one read (accounts, holdings, thresholds), and the
person's thresholds kept in the store, each change announced as ``Change.SETTINGS``."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError
from clera_desktop.models.engine import Database
from clera_desktop.models.tables import AppSetting
from clera_desktop.models.upserts import put_app_setting
from clera_desktop.portfolio.health import DEFAULT_THRESHOLDS, HealthReport, Rule, check_health
from clera_desktop.portfolio.holdings import holdings_snapshot
from clera_desktop.portfolio.valuation import account_values


def thresholds(session: Session) -> dict[Rule, Decimal]:
    """The person's thresholds (percent), each rule's default where none (or a bad one) is kept."""
    chosen = dict(DEFAULT_THRESHOLDS)
    for rule in Rule:
        row = session.get(AppSetting, rule.setting_key)
        try:
            value = Decimal(row.value) if row is not None else None
        except InvalidOperation:
            value = None
        if value is not None and 0 < value <= 100:
            chosen[rule] = value
    return chosen


class HealthService:
    def __init__(self, database: Database, clock: Callable[[], Clock], base_currency: Callable[[], str],
                 changes: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._base = base_currency
        self._bus = changes

    async def report(self) -> HealthReport:
        base = self._base()

        def read(session: Session) -> HealthReport:
            return check_health(account_values(session, base), holdings_snapshot(session, base), thresholds(session))

        return await self._database.read(read)

    async def set_threshold(self, rule: Rule, percent: Decimal) -> Changes:
        if not 0 < percent <= 100:
            raise CleraError("A health rule's threshold is a percentage above 0 and up to 100.")
        now = self._clock().now()
        await self._database.write(lambda s: put_app_setting(s, rule.setting_key, str(percent), now=now))
        return self._bus.announce(Changes(Change.SETTINGS, frozenset(),
                                          f"{rule.label}: flagged above {percent}% of the portfolio."))

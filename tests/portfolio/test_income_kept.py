"""Every account's Income report is kept in the store for the next start: a new start shows it
without summing the payments again while nothing it reads moved, and reads again (and keeps again)
after a payment, an edit in place, a rate, a holding sold, an account renamed, another day or base."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.changes import ChangeBus
from clera_desktop.core.clock import FixedClock
from clera_desktop.models.engine import Database
from clera_desktop.models.history_marks import mark_rewritten, rewritten_key
from clera_desktop.models.tables import Account, Activity, AppSetting, FxRate, Position
from clera_desktop.portfolio.income import IncomeReport
from clera_desktop.services import income as income_service
from clera_desktop.services.income import IncomeService
from clera_desktop.services.income_kept import KEY
from clera_desktop.store import income as income_module
from clera_desktop.store.income import income_report
from tests.portfolio.test_income import NOW, TODAY, _paid, store  # noqa: F401 - the store fixture

Write = Callable[[Session], object]


def _opened(database: Database, *, today: date = TODAY, base: str = "USD") -> IncomeReport:
    """The report as a new start of the window reads it (nothing kept in memory), the kept one written."""
    service = IncomeService(database, lambda: FixedClock.on(today), lambda: base, ChangeBus())
    report = asyncio.run(service.report())
    asyncio.run(database.write(lambda s: None))  # what write_soon queued is written by now
    return report


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    real = income_module.income_report

    def counting(*args: object, **kwargs: object) -> IncomeReport:
        counted.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(income_service, "income_report", counting)
    return counted


def test_a_new_start_shows_the_kept_report_without_reading_the_payments(
        store: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    reads = _reads(monkeypatch)
    first = _opened(store)
    assert reads == [1] and store.read_sync(lambda s: s.get(AppSetting, KEY)) is not None
    again = _opened(store)
    assert reads == [1]  # kept: the payments were not summed again
    fresh = store.read_sync(lambda s: income_report(s, "USD", TODAY))
    assert again == first == fresh


def _add_payment(session: Session) -> None:
    _paid(session, "a", date(2026, 11, 2), "KO", "42")


def _edit_in_place(session: Session) -> None:
    payment = session.scalars(select(Activity).where(Activity.symbol == "MSFT")).one()
    mark_rewritten(session, "a", payment.trade_date, now=NOW)
    payment.amount = Decimal(30)


def _new_rate(session: Session) -> None:
    session.add(FxRate(base="CAD", quote="USD", rate=Decimal("0.72"), as_of=date(2026, 6, 1), source="test"))


def _sold(session: Session) -> None:
    position = session.scalars(select(Position).where(Position.symbol == "TD")).one()
    position.quantity = Decimal(0)


def _renamed(session: Session) -> None:
    session.get_one(Account, "t").name = "Tax-free"


@pytest.mark.parametrize("change", [_add_payment, _edit_in_place, _new_rate, _sold, _renamed])
def test_a_change_to_what_it_reads_reads_it_again(
        store: Database, monkeypatch: pytest.MonkeyPatch, change: Write) -> None:  # noqa: F811
    _opened(store)
    store.write_sync(change)
    reads = _reads(monkeypatch)
    report = _opened(store)
    assert reads == [1]
    assert report == store.read_sync(lambda s: income_report(s, "USD", TODAY))


def test_an_edit_in_place_is_seen_after_its_mark_is_taken_in(
        store: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The history takes in a rewrite and clears its mark: the account's history state moved with it."""
    store.write_sync(lambda s: s.add(AppSetting(key="history:a", value='{"serial": 1}', updated_at=NOW)))
    _opened(store)

    def edited_and_taken_in(session: Session) -> None:
        payment = session.scalars(select(Activity).where(Activity.symbol == "MSFT")).one()
        payment.amount = Decimal(30)
        session.get_one(AppSetting, "history:a").value = '{"serial": 2}'
        assert session.get(AppSetting, rewritten_key("a")) is None

    store.write_sync(edited_and_taken_in)
    reads = _reads(monkeypatch)
    assert _opened(store) == store.read_sync(lambda s: income_report(s, "USD", TODAY)) and reads == [1]


def test_another_day_or_base_currency_or_a_damaged_row_reads_it_again(
        store: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    _opened(store)
    reads = _reads(monkeypatch)
    _opened(store, today=TODAY + timedelta(days=1))
    _opened(store, base="CAD")
    store.write_sync(lambda s: setattr(s.get_one(AppSetting, KEY), "value", "{not json"))
    assert _opened(store) == store.read_sync(lambda s: income_report(s, "USD", TODAY))
    assert reads == [1, 1, 1]

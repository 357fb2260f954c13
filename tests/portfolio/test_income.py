"""Income by month, year and source from the store; the trailing twelve months against the twelve
before; the projection from what is still held; another currency converted as the history
converts a day. Worked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType, ConnectionType, Provider, SecurityType
from clera_desktop.models.tables import Account, Activity, FxRate, Position
from clera_desktop.portfolio.income import Converter, IncomeReport
from clera_desktop.store.income import income_report

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

D = Decimal
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
CAD_USD = D("0.7155")


def _account(session: Session, account_id: str, name: str, currency: str) -> None:
    session.add(Account(id=account_id, provider=Provider.MANUAL, provider_account_id=account_id, institution="Bank",
                        name=name, currency=currency, connection_type=ConnectionType.READ, created_at=NOW,
                        updated_at=NOW))


def _paid(session: Session, account_id: str, day: date, symbol: str | None, net: str, tax: str | None = None,
          currency: str = "USD") -> None:
    kind = ActivityType.INTEREST if symbol is None else ActivityType.DIVIDEND
    session.add(Activity(account_id=account_id, provider_activity_id=f"{day}-{symbol}-{net}", type=kind,
                         trade_date=day, symbol=symbol, amount=D(net), tax=None if tax is None else D(tax),
                         currency=currency))


def _held(session: Session, account_id: str, symbol: str, currency: str) -> None:
    session.add(Position(account_id=account_id, symbol=symbol, security_type=SecurityType.EQUITY, quantity=D(10),
                         currency=currency, as_of=NOW))


@pytest.fixture
def store(database: Database) -> Database:
    def fill(session: Session) -> None:
        _account(session, "a", "Brokerage", "USD")
        _account(session, "t", "TFSA", "CAD")
        _account(session, "c", "Swiss", "CHF")
        session.flush()
        _paid(session, "a", date(2025, 3, 15), "KO", "40", "6")      # the twelve months before
        _paid(session, "a", date(2025, 12, 1), "KO", "40", "6")      # their last day
        _paid(session, "a", date(2025, 12, 2), "KO", "42", "6.30")   # the first day of the last twelve months
        _paid(session, "a", date(2026, 6, 15), "KO", "42", "6.30")
        _paid(session, "a", date(2026, 9, 1), "MSFT", "25")          # sold since: nothing projected
        _paid(session, "a", date(2026, 10, 31), None, "3.10")        # interest on cash
        for symbol in ("RY", "TD", "BNS"):                           # one day in CAD: 3 x 8.73
            _paid(session, "t", date(2026, 6, 1), symbol, "8.73", currency="CAD")
        _paid(session, "c", date(2026, 5, 1), "NESN", "10", currency="CHF")  # no CHF rate at all
        _paid(session, "a", date(2026, 12, 2), "KO", "99")           # after today: not yet
        _held(session, "a", "KO", "USD")
        _held(session, "t", "RY", "CAD")
        _held(session, "t", "TD", "CAD")
        session.add(FxRate(base="CAD", quote="USD", rate=CAD_USD, as_of=date(2025, 1, 1), source="test"))

    database.write_sync(fill)
    return database


def _report(store: Database, accounts: list[str] | None = None) -> IncomeReport:
    return store.read_sync(lambda s: income_report(s, "USD", TODAY, account_ids=accounts))


def test_the_trailing_twelve_months_against_the_twelve_before(store: Database) -> None:
    income = _report(store)
    # 42 + 42 + 25 + 3.10 in USD, and the CAD day: 26.19 CAD x 0.7155 = 18.738945 -> 18.74
    assert income.trailing_twelve_months() == (D("130.84"), D("12.60"))
    assert income.twelve_months_before() == (D("80.00"), D("12.00"))
    assert income.year_over_year() == D("130.84") / D("80") - 1


def test_by_month_and_year_with_the_tax_withheld(store: Database) -> None:
    income = _report(store)
    months = {month: (net, tax) for month, net, tax in income.by_month()}
    assert len(income.by_month()) == 24 and months["2026-06"] == (D("60.74"), D("6.30"))
    assert months["2026-07"] == (D(0), D(0)) and "2024-12" not in months
    assert income.by_year() == [(2026, D("95.14"), D("6.30"), D("88.84")), (2025, D("140.30"), D("18.30"), D("122.00"))]


def test_sources_share_out_the_converted_day_and_project_what_is_still_held(store: Database) -> None:
    income = _report(store)
    sources = {s.symbol or "interest": s for s in income.by_source()}
    assert (sources["KO"].net, sources["KO"].tax, sources["KO"].payments, sources["KO"].projected) == \
        (D("84.00"), D("12.60"), 2, D("84.00"))
    assert sources["MSFT"].projected == 0, "no longer held: nothing projected"
    assert sources["interest"].projected == D("3.10") and sources["interest"].accounts == ("Brokerage",)
    # 8.73 CAD x 0.7155 = 6.246315 -> 6.25 three times is 18.75; the day is 18.74: a cent comes off one
    assert sorted(sources[s].net for s in ("RY", "TD", "BNS")) == [D("6.24"), D("6.25"), D("6.25")]
    assert sum((s.net for s in income.by_source()), D(0)) == income.trailing_twelve_months()[0]
    assert sources["BNS"].projected == 0 and sources["RY"].projected == sources["RY"].net
    assert income.projected_next_twelve_months() == D("84") + D("3.10") + sources["RY"].net + sources["TD"].net


def test_a_payment_without_any_rate_is_named_and_left_out(store: Database) -> None:
    income = _report(store)
    assert income.left_out == {"CHF->USD": 1} and "NESN" not in {s.symbol for s in income.sources}


def test_one_account_only(store: Database) -> None:
    income = _report(store, ["t"])
    assert {s.symbol for s in income.sources} == {"RY", "TD", "BNS"} and income.payments == 3
    assert income.trailing_twelve_months()[0] == D("18.74")


def test_amounts_below_a_cent_round_per_account_and_day_as_the_history_does(database: Database) -> None:
    """Half a cent twice in one account is a cent; half a cent in another account rounds up to a cent."""
    def fill(session: Session) -> None:
        _account(session, "a", "A", "USD")
        _account(session, "b", "B", "USD")
        session.flush()
        _paid(session, "a", date(2026, 3, 2), "KO", "0.005")
        _paid(session, "a", date(2026, 3, 2), "PEP", "0.005")
        _paid(session, "b", date(2026, 3, 2), "KO", "0.005")

    database.write_sync(fill)
    income = _report(database)
    assert income.by_year() == [(2026, D("0.02"), D("0.00"), D("0.02"))]
    assert sum((s.net for s in income.sources), D(0)) == D("0.02")


def test_the_cents_left_over_go_to_the_largest_parts() -> None:
    """Shares in cents of parts in millionths: each rounded half up, then made to sum to the
    whole's rounding, the largest parts giving back the difference first."""
    one = Converter.of(D(1))
    assert one.total(25_000) == 3 and one.share_out([5_000] * 5) == [0, 0, 1, 1, 1]  # 0.5 c -> 1 c each; 2.5 -> 3 c
    assert one.total(65_000) == 7 and one.share_out([15_000, 15_000, 35_000]) == [2, 2, 3]  # 2 + 2 + 4 -> 7


def test_a_holdings_tax_line_is_the_tax_withheld_from_its_dividend_never_a_payment(store: Database) -> None:
    """SnapTrade's TAX, Plaid's non-resident tax and Alpaca's DIVNRA report the withholding apart:
    PG pays 100 on 3 Aug and 15 of it is withheld on a line of its own; an account's yearly tax
    bill (no symbol) is not income's."""
    before = _report(store)

    def fill(session: Session) -> None:
        _paid(session, "a", date(2026, 8, 3), "PG", "100")
        session.add(Activity(account_id="a", provider_activity_id="pg-tax", type=ActivityType.TAX, trade_date=date(2026, 8, 3),
                             symbol="PG", amount=D("-15"), currency="USD"))
        session.add(Activity(account_id="a", provider_activity_id="bill", type=ActivityType.TAX, trade_date=date(2026, 4, 15),
                             amount=D("-250"), currency="USD"))

    store.write_sync(fill)
    income = _report(store)
    months = {month: (net, tax) for month, net, tax in income.by_month()}
    assert months["2026-08"] == (D(85), D(15))
    assert income.by_year()[0] == (2026, D("95.14") + 100, D("6.30") + 15, D("88.84") + 85)
    assert income.payments == before.payments + 1
    pg = next(s for s in income.sources if s.symbol == "PG")
    assert (pg.net, pg.tax, pg.payments, pg.last_paid) == (D(85), D(15), 1, date(2026, 8, 3))

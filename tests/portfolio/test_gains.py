"""Realised gains by term and in the base currency, each figure worked by hand."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from clera_desktop.models.enums import ActivityType
from clera_desktop.portfolio.gains import AccountLots, Term, is_sheltered, realised_gains, term_of, value_lots
from clera_desktop.portfolio.history import ActivityRecord
from clera_desktop.portfolio.lots import LotMethod, build_lots, preview_sale

D = Decimal
BUY, SELL = ActivityType.BUY, ActivityType.SELL


def trade(day: date, kind: ActivityType, quantity: str, price: str, fee: str = "0", n: int = 0) -> ActivityRecord:
    return ActivityRecord(day, kind, "NESN", D(quantity), D(price), None, D(fee), id=n)


#: CHF -> USD: 1.10 when the shares were bought, 1.25 when they were sold
RATES = {date(2025, 3, 3): D("1.10"), date(2026, 5, 4): D("1.25")}


def chf_to_usd(source: str, target: str, day: date) -> Decimal | None:
    assert (source, target) == ("CHF", "USD")
    known = [rate for d, rate in sorted(RATES.items()) if d <= day]
    return known[-1] if known else None


def chf_account(*records: ActivityRecord, method: LotMethod = LotMethod.FIFO) -> AccountLots:
    return AccountLots("zurich", "Zurich broker", "CHF", method, build_lots(records, method))


def test_another_currency_costs_at_the_buy_days_rate_and_sells_at_the_sale_days() -> None:
    """Bought 10 @ 100 CHF + 10 fee (1,010 CHF at 1.10 = 1,111.00 USD); sold 10 @ 100 CHF - 10 fee
    (990 CHF at 1.25 = 1,237.50 USD). In francs a loss of 20; in dollars a gain of 126.50."""
    account = chf_account(trade(date(2025, 3, 3), BUY, "10", "100", "10", 1),
                          trade(date(2026, 5, 4), SELL, "10", "100", "10", 2))
    report = realised_gains([account], "USD", date(2026, 1, 1), date(2026, 12, 31), chf_to_usd)
    (line,) = report.lines
    assert (line.proceeds, line.cost, line.gain, line.fees) == (D(990), D(1010), D(-20), D(10))
    assert (line.proceeds_base, line.cost_base, line.gain_base) == (D("1237.50"), D("1111.00"), D("126.50"))
    assert line.term is Term.LONG
    assert [(t.term, t.gain) for t in report.totals()] == [(Term.SHORT, D(0)), (Term.LONG, D("126.50"))]


def test_a_missing_rate_leaves_the_line_out_of_the_totals_and_says_so() -> None:
    account = chf_account(trade(date(2024, 1, 2), BUY, "1", "50", n=1), trade(date(2026, 2, 2), SELL, "1", "60", n=2))
    report = realised_gains([account], "EUR", date(2026, 1, 1), date(2026, 12, 31), lambda *_: None)
    (line,) = report.lines
    assert line.gain == D(10) and line.gain_base is None and line.missing_rate == "CHF->EUR"
    assert report.gain == 0 and report.left_out == (line,)
    assert "CHF->EUR" in report.note()


def test_sold_on_the_anniversary_is_short_term_the_day_after_is_long() -> None:
    assert term_of(date(2025, 3, 3), date(2026, 3, 3)) is Term.SHORT
    assert term_of(date(2025, 3, 3), date(2026, 3, 4)) is Term.LONG
    assert term_of(date(2024, 2, 29), date(2025, 2, 28)) is Term.SHORT  # a leap day's anniversary
    assert term_of(date(2024, 2, 29), date(2025, 3, 1)) is Term.LONG
    assert term_of(None, date(2025, 3, 1)) is Term.UNKNOWN
    assert term_of(date(2025, 3, 3), date(2025, 9, 4), months=6) is Term.LONG


def test_the_range_takes_the_sales_inside_it_and_the_csv_agrees_with_the_totals() -> None:
    account = chf_account(trade(date(2025, 3, 3), BUY, "30", "100", n=1), trade(date(2025, 12, 31), SELL, "10", "110", n=2),
                          trade(date(2026, 5, 4), SELL, "10", "120", n=3), trade(date(2027, 1, 1), SELL, "10", "90", n=4))
    report = realised_gains([account], "CHF", date(2026, 1, 1), date(2026, 12, 31), chf_to_usd)
    assert [line.sale_id for line in report.lines] == [3]
    rows = list(csv.DictReader(io.StringIO(report.csv_text())))
    parts = [r for r in rows if not r["account"].startswith("Total")]
    totals = {r["term"]: D(r["gain (CHF)"]) for r in rows if r["account"].startswith("Total")}
    assert sum(D(r["gain (CHF)"]) for r in parts) == sum(totals.values()) == report.gain == D(200)
    assert report.as_json()["gain"] == "200.00"


def test_a_sale_preview_names_the_lots_it_would_close_and_leaves_the_book_alone() -> None:
    book = build_lots([trade(date(2025, 1, 6), BUY, "5", "100", n=1), trade(date(2026, 4, 6), BUY, "5", "150", n=2)],
                      LotMethod.HIFO)
    parts = preview_sale(book, "NESN", D(6), D(840), D(0), date(2026, 6, 1))
    assert [(p.acquired, p.quantity, p.cost, p.gain) for p in parts] == [
        (date(2026, 4, 6), D(5), D(750), D(700) - D(750)), (date(2025, 1, 6), D(1), D(100), D(140) - D(100))]
    assert book.held("NESN") == D(10) and book.cost("NESN") == D(1250)


def test_an_open_lot_is_valued_at_the_price_with_its_gain_and_term_today() -> None:
    book = build_lots([trade(date(2025, 1, 6), BUY, "4", "100", "2", 1)])
    (lot,) = value_lots(book.open["NESN"], D(130), date(2026, 6, 1))
    assert (lot.value, lot.gain, lot.term) == (D(520), D(118), Term.LONG)
    (unpriced,) = value_lots(book.open["NESN"], None, date(2026, 6, 1))
    assert unpriced.value is None and unpriced.gain is None


def test_a_sale_in_a_tax_sheltered_account_is_shown_but_not_in_the_taxable_totals() -> None:
    records = (trade(date(2025, 3, 3), BUY, "1", "100", n=1), trade(date(2026, 5, 4), SELL, "1", "150", n=2))
    taxable = chf_account(*records)
    tfsa = AccountLots("tfsa", "TFSA", "CHF", LotMethod.FIFO, build_lots(records), sheltered=True)
    report = realised_gains([taxable, tfsa], "CHF", date(2026, 1, 1), date(2026, 12, 31), chf_to_usd)
    assert len(report.lines) == 2
    assert report.gain == D(50) and report.sheltered_gain == D(50)
    assert is_sheltered("TFSA") and is_sheltered("401k") and is_sheltered("Roth IRA") and not is_sheltered("MARGIN")

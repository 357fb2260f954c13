"""Realised and unrealised gains across accounts, in the base currency, by tax year and term.

Lots and sales come from :mod:`~clera_desktop.portfolio.lots` in each account's currency. Here
each part of a sale is converted as a tax office would: the cost at the rate of the day the
shares were acquired, the proceeds at the rate of the day they were sold, so a gain includes
what the currency did. A part whose rate is not stored, or whose cost is unknown, keeps its
figures in the account's currency and is left out of the base-currency totals, and the report
says so: never converted at 1.0, never a cost of zero.

Every base amount is rounded to the cent once, per part; totals are sums of those parts, so the
table, its totals, the CSV and ``clera-desktop report gains`` agree to the cent.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from clera_desktop.core.csv_safe import write_rows
from clera_desktop.core.money import round_cents
from clera_desktop.portfolio.lots import LONG_TERM_MONTHS, Lot, LotBook, LotMethod, Realised, is_long_term

CENT = Decimal("0.01")
ZERO = Decimal(0)

#: (from currency, to currency, day) -> the stored rate that day, or None
RateOn = Callable[[str, str, date], Decimal | None]


cents = round_cents


class Term(StrEnum):
    SHORT = "short"
    LONG = "long"
    UNKNOWN = "unknown"  # shares whose purchase no activity records

    @property
    def label(self) -> str:
        return {"short": "Short-term", "long": "Long-term", "unknown": "Unknown (no purchase on record)"}[self.value]


def term_of(acquired: date | None, sold: date, months: int = LONG_TERM_MONTHS) -> Term:
    if acquired is None:
        return Term.UNKNOWN
    return Term.LONG if is_long_term(acquired, sold, months) else Term.SHORT


#: Account types whose gains are not taxed when realised (brokerages' words, lower case): a sale in
#: a TFSA, an IRA or a 401(k) is shown, and left out of the taxable totals.
SHELTERED_TYPES = frozenset({"tfsa", "fhsa", "rrsp", "rrif", "resp", "lira", "ira", "roth", "roth ira", "401k", "403b",
                             "457b", "hsa", "isa", "sipp", "529"})


def is_sheltered(account_type: str | None) -> bool:
    kind = (account_type or "").strip().lower().replace("(", "").replace(")", "")
    return kind in SHELTERED_TYPES or kind.replace(" ", "") in SHELTERED_TYPES


@dataclass(frozen=True, slots=True)
class AccountLots:
    """One account's replayed lots, with what the report needs to name and convert them."""

    account_id: str
    name: str
    currency: str
    method: LotMethod
    book: LotBook
    sheltered: bool = False  # a tax-advantaged account (is_sheltered)


@dataclass(slots=True)  # not frozen: built by the hundred thousand (a frozen __init__ costs twice as much)
class RealisedLine:
    """One part of one sale: the shares of one lot it closed."""

    account_id: str
    account: str
    symbol: str
    sold_on: date
    acquired: date | None
    quantity: Decimal
    currency: str  # the account's: proceeds, cost and fees below are in it, exactly
    proceeds: Decimal
    cost: Decimal | None
    fees: Decimal
    term: Term
    proceeds_base: Decimal | None  # at the sale day's rate, to the cent; None: no rate
    cost_base: Decimal | None  # at the acquisition day's rate; None: unknown cost or no rate
    missing_rate: str | None = None  # "CHF->USD" when a rate is not stored
    sale_id: int | None = None
    sheltered: bool = False  # in a tax-advantaged account: shown, not in the taxable totals

    @property
    def gain(self) -> Decimal | None:
        return None if self.cost is None else self.proceeds - self.cost

    @property
    def gain_base(self) -> Decimal | None:
        if self.proceeds_base is None or self.cost_base is None:
            return None
        return self.proceeds_base - self.cost_base

    @property
    def in_total(self) -> bool:
        return self.gain_base is not None


@dataclass(frozen=True, slots=True)
class TermTotal:
    term: Term
    proceeds: Decimal
    cost: Decimal
    gain: Decimal
    lines: int


@dataclass(frozen=True)
class GainsReport:
    base_currency: str
    start: date
    end: date
    lines: tuple[RealisedLine, ...]
    methods: dict[str, LotMethod] = field(default_factory=dict)  # account id -> its method
    long_term_months: int = LONG_TERM_MONTHS

    def totals(self) -> list[TermTotal]:
        """Short, long, then unknown-term totals of the taxable lines with base figures."""
        result = []
        for term in Term:
            counted = [line for line in self.lines if line.term is term and line.in_total and not line.sheltered]
            if term is Term.UNKNOWN and not counted:
                continue
            result.append(TermTotal(term, sum((line.proceeds_base or ZERO for line in counted), ZERO),
                                    sum((line.cost_base or ZERO for line in counted), ZERO),
                                    sum((line.gain_base or ZERO for line in counted), ZERO), len(counted)))
        return result

    @property
    def gain(self) -> Decimal:
        """The taxable gain: the term totals' sum."""
        return sum((t.gain for t in self.totals()), ZERO)

    @property
    def sheltered_gain(self) -> Decimal:
        """Realised inside tax-advantaged accounts (not taxed when realised)."""
        return sum((line.gain_base or ZERO for line in self.lines if line.sheltered and line.in_total), ZERO)

    @property
    def has_sheltered(self) -> bool:
        return any(line.sheltered for line in self.lines)

    @property
    def left_out(self) -> tuple[RealisedLine, ...]:
        return tuple(line for line in self.lines if not line.in_total)

    @property
    def missing_rates(self) -> tuple[str, ...]:
        return tuple(sorted({line.missing_rate for line in self.lines if line.missing_rate}))

    def note(self) -> str:
        """What the totals leave out, in a sentence ("" when nothing)."""
        unknown_cost = sum(1 for line in self.lines if line.cost is None)
        parts = []
        if unknown_cost:
            parts.append(f"{unknown_cost} sale part{'s' if unknown_cost != 1 else ''} of shares bought before the "
                         "first recorded activity (cost unknown)")
        if self.missing_rates:
            parts.append(f"{sum(1 for line in self.lines if line.missing_rate)} without a stored rate "
                         f"({', '.join(self.missing_rates)})")
        return "Not in the totals: " + "; ".join(parts) + "." if parts else ""

    def as_json(self) -> dict[str, object]:
        def text(value: Decimal | None) -> str | None:
            return None if value is None else format(value, "f")

        return {
            "base_currency": self.base_currency, "from": self.start.isoformat(), "to": self.end.isoformat(),
            "long_term_after_months": self.long_term_months,
            "methods": {account: method.value for account, method in sorted(self.methods.items())},
            "totals": [{"term": t.term.value, "proceeds": text(t.proceeds), "cost": text(t.cost), "gain": text(t.gain),
                        "lines": t.lines} for t in self.totals()],
            "gain": text(self.gain), "sheltered_gain": text(self.sheltered_gain), "note": self.note(),
            "lines": [{"account_id": line.account_id, "account": line.account, "symbol": line.symbol,
                       "sold_on": line.sold_on.isoformat(),
                       "acquired": line.acquired.isoformat() if line.acquired else None,
                       "quantity": text(line.quantity), "term": line.term.value, "currency": line.currency,
                       "proceeds": text(cents(line.proceeds)), "cost": text(None if line.cost is None else cents(line.cost)),
                       "fees": text(cents(line.fees)), "gain": text(None if line.gain is None else cents(line.gain)),
                       "proceeds_base": text(line.proceeds_base), "cost_base": text(line.cost_base),
                       "gain_base": text(line.gain_base), "missing_rate": line.missing_rate,
                       "sheltered": line.sheltered}
                      for line in self.lines],
        }

    def csv_text(self) -> str:
        """One row per sale part, then one per term total; amounts in plain decimal text, and no
        cell a spreadsheet would run as a formula (core/csv_safe.py)."""
        out = io.StringIO()
        base = self.base_currency
        header = ["account", "symbol", "acquired", "sold", "quantity", "term", "currency", "proceeds", "cost", "fees",
                  "gain", f"proceeds ({base})", f"cost ({base})", f"gain ({base})", "tax", "note"]

        def rounded(value: Decimal | None) -> Decimal | None:
            return None if value is None else cents(value)

        rows: list[list[object]] = [
            [line.account, line.symbol, line.acquired, line.sold_on, line.quantity, line.term.value, line.currency,
             rounded(line.proceeds), rounded(line.cost), rounded(line.fees), rounded(line.gain), line.proceeds_base,
             line.cost_base, line.gain_base, "sheltered" if line.sheltered else "taxable",
             f"no {line.missing_rate} rate" if line.missing_rate else "cost unknown" if line.cost is None else ""]
            for line in self.lines]
        rows += [[f"Total {t.term.value}-term", "", "", "", "", t.term.value, base, "", "", "", "", t.proceeds, t.cost,
                  t.gain, "taxable", f"{t.lines} parts"] for t in self.totals()]
        if self.has_sheltered:
            rows.append(["Total in tax-sheltered accounts", "", "", "", "", "", base, "", "", "", "", "", "",
                         self.sheltered_gain, "sheltered", ""])
        write_rows(out, header, rows)
        return out.getvalue()


def _in_base(amount: Decimal, currency: str, base: str, day: date, rate_on: RateOn) -> tuple[Decimal | None, str | None]:
    if currency == base:
        return cents(amount), None
    rate = rate_on(currency, base, day)
    return (None, f"{currency}->{base}") if rate is None else (cents(amount * rate), None)


def realised_line(account: AccountLots, part: Realised, base: str, rate_on: RateOn,
                  months: int = LONG_TERM_MONTHS) -> RealisedLine:
    term = term_of(part.acquired, part.sold_on, months)
    if account.currency == base:  # the common case, without a rate
        cost = part.cost
        return RealisedLine(account.account_id, account.name, part.symbol, part.sold_on, part.acquired, part.quantity,
                            account.currency, part.proceeds, cost, part.fees, term,
                            cents(part.proceeds), None if cost is None else cents(cost), None,
                            part.closed_by, account.sheltered)
    proceeds_base, missing = _in_base(part.proceeds, account.currency, base, part.sold_on, rate_on)
    cost_base: Decimal | None = None
    if part.cost is not None:
        cost_base, missing_cost = _in_base(part.cost, account.currency, base, part.acquired or part.sold_on, rate_on)
        missing = missing or missing_cost
    return RealisedLine(account.account_id, account.name, part.symbol, part.sold_on, part.acquired, part.quantity,
                        account.currency, part.proceeds, part.cost, part.fees, term, proceeds_base, cost_base, missing,
                        part.closed_by, account.sheltered)


def realised_gains(accounts: Iterable[AccountLots], base: str, start: date, end: date, rate_on: RateOn,
                   months: int = LONG_TERM_MONTHS) -> GainsReport:
    """The sales from ``start`` to ``end`` (inclusive): account by account as given, each one's in
    the order they were sold (a view sorts as the person asks)."""
    accounts = list(accounts)
    lines = [realised_line(account, part, base, rate_on, months)
             for account in accounts for part in account.book.realised if start <= part.sold_on <= end]
    return GainsReport(base, start, end, tuple(lines), {a.account_id: a.method for a in accounts}, months)


@dataclass(frozen=True, slots=True)
class LotValue:
    """One open lot valued at a price: what it cost, is worth and has gained (account currency)."""

    lot: Lot
    price: Decimal | None  # per share, account currency
    value: Decimal | None
    gain: Decimal | None
    term: Term  # if it were sold on the valuation day

    @property
    def gain_ratio(self) -> Decimal | None:
        cost = self.lot.cost
        return None if self.gain is None or not cost else self.gain / cost


def value_lots(lots: Sequence[Lot], price: Decimal | None, day: date, months: int = LONG_TERM_MONTHS) -> list[LotValue]:
    result = []
    for lot in lots:
        value = None if price is None else lot.quantity * price
        gain = None if value is None or lot.cost is None else value - lot.cost
        acquired = None if lot.unknown_history else lot.acquired
        result.append(LotValue(lot, price, value, gain, term_of(acquired, day, months)))
    return result


def unrealised(book: LotBook, prices: Callable[[str], Decimal | None]) -> Decimal | None:
    """The open lots' gain at ``prices`` (account currency); None when a price or cost is unknown."""
    total = ZERO
    for symbol, lots in book.open.items():
        if not lots:
            continue
        price = prices(symbol)
        cost = book.cost(symbol)
        if price is None or cost is None:
            return None
        total += book.held(symbol) * price - cost
    return total

"""Rebuild an account's value on every day from its activities and daily closes.

The engine is vectorised (numpy): a (days x symbols) matrix of quantity changes is summed down
the days, splits handled by working in pre-split "base units" (a trade of q on a day with
cumulative split factor C is q / C base units; holdings are base units x C), closes are carried
forward over weekends and holidays, and each day's value is one matrix product. Floats compute;
:func:`to_cents` turns each figure into exact cents and recomputes in Decimal any day that sits
too close to a half cent for a float to decide.

Anchoring: today's synced positions and cash are the truth. What the activities do not explain
(history that starts after the account did, a provider that omits a transfer) is returned as an
explicit :class:`Adjustment`, carried back to the start of history, never hidden in the curve.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, localcontext

import numpy as np

from clera_desktop.core.money import round_cents
from clera_desktop.models.enums import ActivityType
from clera_desktop.portfolio.rates import RateBook

CENT = Decimal("0.01")
#: A float within this many cents of a half cent is recomputed exactly...
TIE_WINDOW = 1e-4
#: ...plus this share of the figure: a day's value sums hundreds of products, each off by ~1e-16.
RELATIVE_ERROR = 1e-12


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    """One stored activity in the app's convention: ``quantity`` >= 0 (the type says which way),
    ``amount`` the signed cash effect in the account's currency (money in is positive)."""

    day: date
    type: ActivityType
    symbol: str | None
    quantity: Decimal | None
    price: Decimal | None
    amount: Decimal | None
    fee: Decimal | None
    split_is_ratio: bool = False  # a CSV SPLIT carries the ratio; a provider's, the shares added
    tax: Decimal | None = None  # withheld on this line (a dividend's, a sale's)
    internal: bool = False  # a transfer to or from another of the person's accounts (history_store matches them)
    id: int | None = None  # the stored activity's
    cost_basis: Decimal | None = None  # what transferred-in shares carry
    acquired_on: date | None = None  # when transferred-in shares were first bought


@dataclass(frozen=True, slots=True)
class Adjustment:
    """Holdings (or cash) today that the activities do not account for."""

    symbol: str | None  # None: cash
    quantity: Decimal  # shares, or cash in the account's currency


@dataclass
class AccountHistory:
    account_id: str
    currency: str
    days: list[date]
    value: list[Decimal]  # end-of-day value, account currency, exact cents
    cash: list[Decimal]
    flows: list[Decimal]  # net external flows on that day (deposits, withdrawals, transfers; in = positive)
    income: list[Decimal]  # dividends and interest on that day, gross
    flows_out: list[Decimal] = field(default_factory=list)  # what left that day (>= 0; flows + flows_out came in)
    internal: list[Decimal] = field(default_factory=list)  # the part of flows from or to the person's own accounts
    fees: list[Decimal] = field(default_factory=list)  # fees paid that day (FEE lines, fees on income), less refunds
    taxes: list[Decimal] = field(default_factory=list)  # taxes paid or withheld that day, less refunds
    adjustments: list[Adjustment] = field(default_factory=list)
    missing_prices: list[str] = field(default_factory=list)  # held symbols never priced


@dataclass(frozen=True, slots=True)
class PriceTable:
    """Daily closes per symbol (any days; carried forward) in each symbol's own currency."""

    closes: Mapping[str, Sequence[tuple[date, Decimal]]]
    currency: Mapping[str, str]

    def assuming(self, symbols: Iterable[str], currency: str) -> PriceTable:
        """The same closes, each of ``symbols`` in its closes' currency, else in ``currency`` (a
        symbol never closed is assumed in the account's currency, as its trades' prices are)."""
        return PriceTable(self.closes, {s: self.currency.get(s, currency) for s in symbols})


def day_range(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def split_ratios(records: Sequence[ActivityRecord]) -> dict[int, Decimal]:
    """Index -> ratio for every split; shares-added splits become ratios from the running holding.
    Only the records of symbols that split are walked (splits are rare; activities are many)."""
    split_symbols = {r.symbol for r in records if r.type is ActivityType.SPLIT and r.symbol}
    if not split_symbols:
        return {}
    ratios: dict[int, Decimal] = {}
    running: dict[str, Decimal] = defaultdict(Decimal)
    for i in _in_effect_order(records, [i for i, r in enumerate(records) if r.symbol in split_symbols]):
        r = records[i]
        if r.symbol is None or r.quantity is None:
            continue
        if r.type is ActivityType.SPLIT:
            held = running[r.symbol]
            ratios[i] = r.quantity if r.split_is_ratio else (held + r.quantity) / held if held else Decimal(1)
        _apply(running, r, ratios.get(i))
    return ratios


class ExactHoldings:
    """Holdings on a given day in Decimal, exactly (anchors need today's; half-cent ties, rare, any day)."""

    def __init__(self, records: Sequence[ActivityRecord], ratios: Mapping[int, Decimal]) -> None:
        self._records, self._ratios = records, ratios

    def on(self, day: date) -> dict[str, Decimal]:
        held: dict[str, Decimal] = defaultdict(Decimal)
        records = self._records
        indices: Sequence[int] = range(len(records))
        for i in _in_effect_order(records, indices) if self._ratios else indices:
            r = records[i]
            if r.day <= day and r.symbol is not None:
                _apply(held, r, self._ratios.get(i))
        return held


def sales_beyond_holdings(records: Sequence[ActivityRecord]) -> list[tuple[int, Decimal]]:
    """(index, shares held just before) of every sale or transfer out that takes more shares than
    the account held then, in one pass in the order the activities took effect (a short position:
    in a record of one's own, nearly always a purchase missing from the history)."""
    ratios = split_ratios(records)
    held: dict[str, Decimal] = defaultdict(Decimal)
    beyond = []
    for i in _in_effect_order(records, range(len(records))):
        r = records[i]
        if r.symbol is None:
            continue
        if r.type in (ActivityType.SELL, ActivityType.TRANSFER_OUT) and r.quantity and r.quantity > held[r.symbol]:
            beyond.append((i, held[r.symbol]))
        _apply(held, r, ratios.get(i))
    return sorted(beyond)


def _in_effect_order(records: Sequence[ActivityRecord], indices: Iterable[int]) -> list[int]:
    """By day, a split before its day's trades (it applies to the shares held that morning)."""
    return sorted(indices, key=lambda i: (records[i].day, records[i].type is not ActivityType.SPLIT))


def _apply(held: dict[str, Decimal], r: ActivityRecord, split_ratio: Decimal | None) -> None:
    """One record's effect on the shares held: a split multiplies, a trade or transfer adds or removes."""
    assert r.symbol is not None
    if split_ratio is not None:
        held[r.symbol] = held.get(r.symbol, Decimal(0)) * split_ratio
        return
    sign = _POSITION_SIGN.get(r.type)
    if sign is not None and r.quantity is not None:
        held[r.symbol] = held.get(r.symbol, Decimal(0)) + (r.quantity if sign > 0 else -r.quantity)


def cash_effect(r: ActivityRecord) -> Decimal:
    """The signed cash change; a trade without an amount moves quantity x price, and the fee."""
    if r.amount is not None:
        return r.amount
    if r.type in (ActivityType.BUY, ActivityType.SELL) and r.quantity is not None and r.price is not None:
        gross = r.quantity * r.price
        fee = r.fee or Decimal(0)
        return -(gross + fee) if r.type is ActivityType.BUY else gross - fee
    return Decimal(0)


_POSITION_SIGN = {ActivityType.BUY: 1.0, ActivityType.TRANSFER_IN: 1.0, ActivityType.SELL: -1.0,
                  ActivityType.TRANSFER_OUT: -1.0}
_INCOME = frozenset({ActivityType.DIVIDEND, ActivityType.INTEREST})
_CASH_FLOWS = frozenset({ActivityType.DEPOSIT, ActivityType.WITHDRAWAL})
_TRANSFERS = frozenset({ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT})
_FEES = frozenset({ActivityType.FEE, ActivityType.REFUND})


@dataclass
class ActivityColumns:
    """An account's activities as arrays for the vectorised share arithmetic, plus the money of
    each day summed exactly in Decimal (a sum, not a float, decides the cents)."""

    day: np.ndarray  # int64, days since ``start``
    col: np.ndarray  # int64, symbol column, -1 for none
    shares: np.ndarray  # float64, signed change in holdings (in shares of that day)
    transfer: np.ndarray  # bool, a security moved in or out (its value is a flow)
    price: np.ndarray  # float64, the trade's price (NaN: none)
    internal: np.ndarray  # bool, a transfer between the person's own accounts
    cash_by_day: list[Decimal]  # signed cash effect per day
    flow_in_by_day: list[Decimal]  # external cash that came in per day (deposits, cash transfers in)
    flow_out_by_day: list[Decimal]  # external cash that left per day (>= 0)
    internal_by_day: list[Decimal]  # the signed part of those flows between the person's own accounts
    income_by_day: list[Decimal]  # dividends and interest per day, gross (before their fees and tax)
    fees_by_day: list[Decimal]  # FEE lines and fees on income, less REFUNDs
    taxes_by_day: list[Decimal]  # TAX lines and tax withheld on income and sales


def activity_columns(records: Sequence[ActivityRecord], start: date, column: Mapping[str, int],
                     n_days: int | None = None) -> ActivityColumns:
    """The loader's share of the work: a few generator passes and one Decimal pass."""
    n = len(records)
    ordinal = start.toordinal()
    day_list = [r.day.toordinal() - ordinal for r in records]
    day = np.fromiter(day_list, dtype=np.int64, count=n)
    n_days = n_days if n_days is not None else (int(day.max()) + 1 if n else 1)
    col = np.fromiter((column[r.symbol] if r.symbol is not None else -1 for r in records), dtype=np.int64, count=n)
    sign = np.fromiter((_POSITION_SIGN.get(r.type, 0.0) for r in records), dtype=np.float64, count=n)
    quantity = np.fromiter((0.0 if r.quantity is None else float(r.quantity) for r in records), dtype=np.float64, count=n)
    # only trades say what a share was worth (a dividend's "price" is often a 0 placeholder)
    price = np.fromiter((float(r.price) if r.price and r.type in _POSITION_SIGN else np.nan for r in records),
                        dtype=np.float64, count=n)
    transfer = np.fromiter((r.type in _TRANSFERS and r.symbol is not None and bool(r.quantity) for r in records),
                           dtype=bool, count=n)
    internal = np.fromiter((r.internal for r in records), dtype=bool, count=n)
    zero = Decimal(0)
    cash, flow_in, flow_out, moved_internally, income, fees, taxes = ([zero] * n_days for _ in range(7))
    for r, d in zip(records, day_list, strict=True):
        if not 0 <= d < n_days:
            continue
        effect = r.amount if r.amount is not None else cash_effect(r)
        kind = r.type
        cash[d] += effect
        if kind in _INCOME:  # the line's amount is what arrived; gross is what was paid before fee and tax
            fee, tax = r.fee or zero, r.tax or zero
            income[d] += effect + fee + tax
            fees[d] += fee
            taxes[d] += tax
        elif kind in _FEES:  # a FEE's effect is negative; a REFUND's positive (it takes a fee back)
            fees[d] -= effect
        elif kind is ActivityType.TAX:
            taxes[d] -= effect
        elif kind is ActivityType.SELL:
            taxes[d] += r.tax or zero
        elif kind in _CASH_FLOWS or (kind in _TRANSFERS and (r.symbol is None or not r.quantity)):
            if effect > 0:
                flow_in[d] += effect
            else:
                flow_out[d] -= effect
            if r.internal:
                moved_internally[d] += effect
    return ActivityColumns(day, col, sign * quantity, transfer, price, internal, cash, flow_in, flow_out,
                           moved_internally, income, fees, taxes)


def rebuild_account(
    account_id: str,
    currency: str,
    records: Sequence[ActivityRecord],
    prices: PriceTable,
    fx: RateBook,
    *,
    start: date,
    end: date,
    anchor_positions: Mapping[str, Decimal] | None = None,
    anchor_cash: Decimal | None = None,
    columns: ActivityColumns | None = None,
    history_start: date | None = None,
) -> AccountHistory:
    """Every day from ``start`` to ``end``; ``anchor_*`` are today's synced figures (None: trust
    the activities alone, as for a manual account).

    ``history_start``: the account's first day, when ``start`` is later (an update from the day an
    input changed; the days before are kept as stored). The range then opens on what the records
    before it left: the shares and cash held the evening before, each symbol's last price (a close
    or a trade), and no opening flow (the history's first day carries that)."""
    continuing = history_start is not None and start > history_start
    days = day_range(start, end)
    n_days = len(days)
    symbols = sorted({r.symbol for r in records if r.symbol} | set(anchor_positions or {}))
    column = {s: i for i, s in enumerate(symbols)}
    n_cols = len(symbols)
    ratios = split_ratios(records)
    acts = columns if columns is not None else activity_columns(records, start, column, n_days)
    inside = (acts.day >= 0) & (acts.day < n_days)

    # split factors C[d, n]: the cumulative product of the ratios so far (1 where none)
    factor: np.ndarray = np.ones((n_days, n_cols))
    if ratios:
        step = np.ones((n_days, n_cols))
        for i, ratio in ratios.items():
            d = (records[i].day - start).days
            if 0 <= d < n_days:
                step[d, column[records[i].symbol]] *= float(ratio)  # type: ignore[index]
        factor = np.cumprod(step, axis=0)

    # holdings: changes in base units, summed down the days, back to shares of each day
    moved = inside & (acts.shares != 0)
    d_idx, n_idx = acts.day[moved], acts.col[moved]
    base = np.bincount(d_idx * n_cols + n_idx, weights=acts.shares[moved] / factor[d_idx, n_idx],
                       minlength=n_days * n_cols).reshape(n_days, n_cols).astype(np.float64) if n_cols \
        else np.zeros((n_days, 0))  # float even when nothing moved (an empty bincount counts in integers)
    exact_holdings = ExactHoldings(records, ratios)
    evening_before = start - timedelta(days=1)
    if continuing and n_cols:  # the shares held the evening before, in the range's base units (no split yet)
        for symbol, quantity in exact_holdings.on(evening_before).items():
            if quantity and symbol in column:
                base[0, column[symbol]] += float(quantity)
    holdings = np.cumsum(base, axis=0) * factor

    # cash: the exact Decimal running sum of each day's effects
    cash_exact: list[Decimal] = []
    running = sum((cash_effect(r) for r in records if r.day < start), Decimal(0)) if continuing else Decimal(0)
    for change in acts.cash_by_day[:n_days]:
        running += change
        cash_exact.append(running)

    adjustments: list[Adjustment] = []
    if anchor_positions is not None:
        explained_today = exact_holdings.on(end)
        for symbol, n in column.items():
            wanted = anchor_positions.get(symbol, Decimal(0))
            explained = explained_today.get(symbol, Decimal(0))
            if wanted != explained:
                adjustments.append(Adjustment(symbol, wanted - explained))
                holdings[:, n] += float(wanted - explained) * factor[:, n] / factor[-1, n]
    if anchor_cash is not None:
        explained_cash = cash_exact[-1] if cash_exact else Decimal(0)
        if anchor_cash != explained_cash:
            adjustments.append(Adjustment(None, anchor_cash - explained_cash))
            cash_exact = [c + (anchor_cash - explained_cash) for c in cash_exact]
    cash = np.fromiter((float(c) for c in cash_exact), dtype=np.float64, count=len(cash_exact))

    trade_price = np.full((n_days, n_cols), np.nan)
    priced_trades = inside & ~np.isnan(acts.price) & (acts.col >= 0)
    trade_price[acts.day[priced_trades], acts.col[priced_trades]] = acts.price[priced_trades]
    carried = None
    if continuing:
        carried = {s: p for s in symbols if (p := price_on(prices, records, ratios, s, evening_before)) is not None}
    price = _price_matrix(prices, symbols, days, trade_price, factor, carried)
    rate = np.ones((n_days, n_cols))
    for n, symbol in enumerate(symbols):
        symbol_currency = prices.currency.get(symbol, currency)
        if symbol_currency != currency:
            rate[:, n] = fx(symbol_currency, currency, days)
    priced = holdings * price * rate
    held = np.abs(holdings) > 1e-12
    missing = sorted(symbols[n] for n in np.nonzero((held & np.isnan(priced)).any(axis=0))[0])
    values = np.where(held, np.nan_to_num(priced), 0.0).sum(axis=1) + cash

    flow_in, flow_out = list(acts.flow_in_by_day[:n_days]), list(acts.flow_out_by_day[:n_days])
    internal = list(acts.internal_by_day[:n_days])
    def worth_on(symbol: str, quantity: Decimal, day: date) -> Decimal | None:
        """Shares' value on a day, exactly (flows are money: never decided by a float)."""
        price_then = price_on(prices, records, ratios, symbol, day)
        if price_then is None:
            return None
        symbol_currency = prices.currency.get(symbol, currency)
        rate = Decimal(1) if symbol_currency == currency else fx.rate_on(symbol_currency, currency, day)
        return None if rate is None else round_cents(quantity * price_then * rate)

    transfers = np.nonzero(inside & acts.transfer)[0]
    for t in transfers:  # a security moved in or out: its value that day is the flow
        r = records[int(t)]
        assert r.symbol is not None and r.quantity is not None
        worth = worth_on(r.symbol, r.quantity, r.day)
        if worth is None:
            continue
        on = int(acts.day[t])
        if r.type is ActivityType.TRANSFER_IN:
            flow_in[on] += worth
        else:
            flow_out[on] += worth
        if r.internal:
            internal[on] += worth if r.type is ActivityType.TRANSFER_IN else -worth

    if adjustments and not continuing:  # what history cannot explain arrives, as far as returns go, on its first day
        opening = sum((a.quantity for a in adjustments if a.symbol is None), Decimal(0))
        for a in adjustments:
            if a.symbol is not None:  # the shares then: today's difference undone by the splits since
                undo = Decimal(1)
                for i, ratio in ratios.items():
                    if records[i].symbol == a.symbol and start < records[i].day <= end:
                        undo *= ratio
                opening += worth_on(a.symbol, a.quantity / undo, start) or Decimal(0)
        if opening > 0:
            flow_in[0] += opening
        else:
            flow_out[0] -= opening

    exact_day = _exact_day_value(exact_holdings, records, ratios, prices, symbols, days, fx, currency, adjustments,
                                 cash_exact.__getitem__)
    return AccountHistory(account_id, currency, days, to_cents(values, exact_day), cash_exact,
                          [i - o for i, o in zip(flow_in, flow_out, strict=True)], list(acts.income_by_day[:n_days]),
                          flows_out=flow_out, internal=internal, fees=list(acts.fees_by_day[:n_days]),
                          taxes=list(acts.taxes_by_day[:n_days]), adjustments=adjustments, missing_prices=missing)


def _price_matrix(prices: PriceTable, symbols: list[str], days: list[date], trade_price: np.ndarray,
                  factor: np.ndarray, carried: Mapping[str, Decimal] | None = None) -> np.ndarray:
    """The last known price each day: that day's close, else that day's own trade price, else
    whichever came last before (carried forward); NaN before anything is known.

    Prices are carried forward per pre-split share (price x the split factor), which a split does
    not change: a close from before a split, carried onto the split day, is divided by the ratio
    (carried as it was, it valued the new shares at the old price: 10x for a 10-for-1).

    ``carried``: each symbol's price the evening before the first day (a close or a trade, per
    share of that evening), when the range continues stored history; else the last close before
    the first day is carried in."""
    start = days[0]
    matrix = trade_price * factor
    n_days = len(days)
    ordinal = start.toordinal()
    for n, symbol in enumerate(symbols):
        if carried is not None and symbol in carried and np.isnan(matrix[0, n]):
            matrix[0, n] = float(carried[symbol])  # in the shares of the evening before: no split of the range yet
        rows = prices.closes.get(symbol, ())
        if not rows:
            continue
        index = np.fromiter((d.toordinal() - ordinal for d, _ in rows), dtype=np.int64, count=len(rows))
        closes = np.fromiter((float(c) for _, c in rows), dtype=np.float64, count=len(rows))
        before = index < 0
        if carried is None and before.any() and np.isnan(matrix[0, n]):  # the last close before the first day carries in
            matrix[0, n] = closes[before][np.argmax(index[before])] * factor[0, n]
        keep = (index >= 0) & (index < n_days)
        matrix[index[keep], n] = closes[keep] * factor[index[keep], n]
    per_share: np.ndarray = forward_fill(matrix) / factor
    return per_share


def forward_fill(matrix: np.ndarray) -> np.ndarray:
    """Carry the last known value down each column (NaN until the first)."""
    n_days = matrix.shape[0]
    known = ~np.isnan(matrix)
    last = np.where(known, np.arange(n_days)[:, None], 0)
    np.maximum.accumulate(last, axis=0, out=last)
    filled = matrix[last, np.arange(matrix.shape[1])]
    filled[~np.maximum.accumulate(known, axis=0)] = np.nan
    return filled


#: Beyond this a float no longer holds every cent (2**53 cents), and int64 cents end at 9.2e16:
#: such days are computed in Decimal (no real account gets there; a bad file once did).
FLOAT_CENTS_LIMIT = 1e13


def to_cents(values: np.ndarray, exact: Callable[[int], Decimal] | None) -> list[Decimal]:
    """Exact cents per day: rounded from the float unless it is too close to a half cent, or too
    large for a float to hold its cents (then, as a tie, recomputed exactly; unknown if it cannot be)."""
    scaled = values * 100
    fraction = scaled - np.floor(scaled)
    large = ~np.isfinite(values) | (np.abs(values) >= FLOAT_CENTS_LIMIT)
    # a float's error grows with the figure (and with the terms summed into it): the window with it
    window = TIE_WINDOW + np.abs(scaled) * RELATIVE_ERROR
    ties = np.nonzero((np.abs(fraction - 0.5) < window) | large)[0] if exact is not None else ()
    cents = np.round(np.where(large, 0.0, scaled)).astype(np.int64)
    result = [Decimal(int(c)).scaleb(-2) for c in cents]
    with localcontext() as context:
        context.prec = 80  # a huge figure keeps every digit to the cent
        for d in ties:
            result[d] = round_cents(exact(int(d)))  # type: ignore[misc]
    return result


def _exact_day_value(exact_holdings: ExactHoldings, records: Sequence[ActivityRecord], ratios: Mapping[int, Decimal],
                     prices: PriceTable, symbols: list[str], days: list[date], fx: RateBook, currency: str,
                     adjustments: list[Adjustment], cash_on: Callable[[int], Decimal]) -> Callable[[int], Decimal]:
    """The same figure for one day, in Decimal all the way (used for half-cent ties only)."""

    def value_on(d: int) -> Decimal:
        day = days[d]
        total = cash_on(d)
        held_on = exact_holdings.on(day)
        for symbol in symbols:
            held = held_on.get(symbol, Decimal(0))
            adjustment = next((a.quantity for a in adjustments if a.symbol == symbol), None)
            if adjustment is not None:
                undo = Decimal(1)
                for i, ratio in ratios.items():
                    if records[i].symbol == symbol and day < records[i].day <= days[-1]:
                        undo *= ratio
                held += adjustment / undo
            if not held:
                continue
            close = price_on(prices, records, ratios, symbol, day)
            if close is None:
                continue
            symbol_currency = prices.currency.get(symbol, currency)
            rate = Decimal(1) if symbol_currency == currency else fx.rate_on(symbol_currency, currency, day)
            if rate is None:
                continue
            total += held * close * rate
        return total

    return value_on


def price_on(prices: PriceTable, records: Sequence[ActivityRecord], ratios: Mapping[int, Decimal], symbol: str,
              day: date) -> Decimal | None:
    """As :func:`_price_matrix` decides, in Decimal: the later of the last close and the last
    trade price up to ``day`` (on the same day the close wins), divided by the ratio of every
    split of the symbol after it, up to ``day``."""
    dated = dated_price_on(prices, records, ratios, symbol, day)
    return None if dated is None else dated[1]


def dated_price_on(prices: PriceTable, records: Sequence[ActivityRecord], ratios: Mapping[int, Decimal], symbol: str,
                   day: date) -> tuple[date, Decimal] | None:
    """:func:`price_on` with the day the price was known."""
    known = _last_price(prices, records, symbol, day)
    if known is None:
        return None
    since, price = known
    for i, ratio in ratios.items():
        if records[i].symbol == symbol and since < records[i].day <= day:
            price /= ratio
    return since, price


def _last_price(prices: PriceTable, records: Sequence[ActivityRecord], symbol: str,
                day: date) -> tuple[date, Decimal] | None:
    close = None
    for d, value in prices.closes.get(symbol, ()):
        if d <= day and (close is None or d >= close[0]):
            close = (d, value)
    trade = None
    for r in records:
        if (r.symbol == symbol and r.price and r.type in _POSITION_SIGN and r.day <= day
                and (trade is None or r.day >= trade[0])):
            trade = (r.day, r.price)
    if close is None or (trade is not None and trade[0] > close[0]):
        return trade
    return close

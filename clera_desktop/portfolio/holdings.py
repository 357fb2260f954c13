"""Holdings across every account, in the base currency, with the portfolio's total beside them.

Each account is valued once (:func:`~clera_desktop.portfolio.worth.account_worth`) and its value in
the base currency, the cents every total counts, is shared out among its holdings and cash
(:func:`~clera_desktop.portfolio.worth.base_shares`, as Allocation shares it). A holding's value is
the sum of its accounts' shares, so the rows and the cash add up to the portfolio's total (the
figure the Accounts view and the Dashboard show) to the cent, and to one account's total when the
view is narrowed to it (:meth:`HoldingsSnapshot.of_accounts`).

Cost and gain are converted at today's rate; a price stays in the currency it trades in, and is
one stated price only when every account gives the same one (each account's is shown beside it).
A symbol whose currency has no rate to the base currency keeps its own-currency figures and says
which pair is missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from clera_desktop.core.money import sum_known
from clera_desktop.models.domain import AccountValue, stated_price
from clera_desktop.portfolio.totals import PortfolioTotal, pair_name, total_of

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class HoldingAccountRow:
    account_id: str
    account_name: str
    provider: str
    quantity: Decimal
    market_value: Decimal | None  # in the holding's own currency
    price: Decimal | None = None  # as this account prices it, in the holding's own currency
    market_value_base: Decimal | None = None  # this account's share of its total, in whole base cents
    cost_basis: Decimal | None = None  # in the holding's own currency


@dataclass(frozen=True, slots=True)
class HoldingRow:
    symbol: str
    name: str | None
    currency: str  # the currency it trades in: price, market_value and cost_basis
    quantity: Decimal
    price: Decimal | None  # the one price every account gives it (None: they differ, or none is known)
    market_value: Decimal | None
    market_value_base: Decimal | None
    cost_basis: Decimal | None
    gain: Decimal | None  # in the base currency, like the value and cost beside it
    gain_pct: Decimal | None
    weight: Decimal | None  # of the holdings shown
    accounts: tuple[HoldingAccountRow, ...]
    cost_basis_base: Decimal | None = None
    missing_rate: str | None = None  # "CAD/CHF" when the figures could not be converted

    @property
    def providers(self) -> frozenset[str]:
        return frozenset(a.provider for a in self.accounts)


@dataclass(frozen=True, slots=True)
class HoldingsSnapshot:
    base_currency: str
    rows: tuple[HoldingRow, ...]
    total_base: Decimal | None  # the holdings' market value (None: some could not be valued)
    total_cost_base: Decimal | None
    portfolio: PortfolioTotal | None = None  # every account, cash included: the total every view shows
    cash_base: Decimal | None = None  # the accounts' cash, in the base currency
    account_values: tuple[AccountValue, ...] = ()
    #: account id -> its cash's share of its base total (absent: no rate to the base currency)
    cash_by_account: dict[str, Decimal] | None = None
    #: holding currency -> today's rate to the base currency (absent: none recorded)
    rates: dict[str, Decimal] | None = None

    def of_accounts(self, account_ids: Collection[str]) -> HoldingsSnapshot:
        """The same holdings narrowed to some accounts: their quantities, values, weights among
        themselves, their cash, and their total (the Accounts view's figures for them)."""
        wanted = set(account_ids)
        parts = [part for row in self.rows for part in _narrowed(row, wanted)]
        accounts = [value for value in self.account_values if value.account_id in wanted]
        cash = {k: v for k, v in (self.cash_by_account or {}).items() if k in wanted}
        return snapshot_of(self.base_currency, parts, accounts, cash, self.rates or {})


@dataclass(frozen=True, slots=True)
class HoldingPart:
    """One account's position in a holding, before the holding is put together."""

    symbol: str
    currency: str
    name: str | None
    share: HoldingAccountRow


def _narrowed(row: HoldingRow, wanted: set[str]) -> list[HoldingPart]:
    return [HoldingPart(row.symbol, row.currency, row.name, share) for share in row.accounts if share.account_id in wanted]


def snapshot_of(base: str, parts: Iterable[HoldingPart], accounts: list[AccountValue],
              cash_by_account: dict[str, Decimal], rates: dict[str, Decimal]) -> HoldingsSnapshot:
    """Each holding from its accounts' parts, weighted among the holdings given, with the
    accounts' total and cash beside them."""
    grouped: dict[tuple[str, str], list[HoldingPart]] = defaultdict(list)
    for part in parts:
        grouped[(part.symbol, part.currency)].append(part)
    rows = [_combined(members, base, rates) for members in grouped.values()]
    values = [r.market_value_base for r in rows]
    known_total = sum((v for v in values if v is not None), ZERO)
    weighted = tuple(_weighted(row, known_total) for row in rows)
    return HoldingsSnapshot(base, weighted, sum_known(values), sum_known(r.cost_basis_base for r in rows),
                            total_of(accounts, base), sum(cash_by_account.values(), ZERO), tuple(accounts),
                            cash_by_account, rates)


def _combined(members: list[HoldingPart], base: str, rates: dict[str, Decimal]) -> HoldingRow:
    first = members[0]
    shares = tuple(part.share for part in members)
    rate = Decimal(1) if first.currency == base else rates.get(first.currency)
    value_base = sum_known(share.market_value_base for share in shares) if rate is not None else None
    cost = sum_known(share.cost_basis for share in shares)
    cost_base = None if cost is None or rate is None else cost * rate
    gain = None if value_base is None or cost_base is None else value_base - cost_base
    return HoldingRow(
        symbol=first.symbol, name=next((part.name for part in members if part.name), None), currency=first.currency,
        quantity=sum((share.quantity for share in shares), ZERO), price=stated_price(share.price for share in shares),
        market_value=sum_known(share.market_value for share in shares), market_value_base=value_base,
        cost_basis=cost, gain=gain, gain_pct=None if gain is None or not cost_base else gain / cost_base,
        weight=None, accounts=shares, cost_basis_base=cost_base,
        missing_rate=None if rate is not None else pair_name(first.currency, base))


def _weighted(row: HoldingRow, known_total: Decimal) -> HoldingRow:
    weight = None if row.market_value_base is None or not known_total else row.market_value_base / known_total
    return replace(row, weight=weight)

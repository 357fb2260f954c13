"""Holdings across every account, in the base currency, with the portfolio's total beside them.

Each symbol's value, cost and gain are shown in the base currency (converted at today's rate, the
same rate for all three, so the gain is the value less the cost in one currency); its price stays
in the currency it trades in. A symbol whose currency has no rate to the base currency keeps its
own-currency figures and says which pair is missing. The total below the table is the portfolio's
(:func:`clera_desktop.portfolio.totals.total_of`): the same figure the Accounts view and the
Dashboard show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.money import sum_known
from clera_desktop.models.domain import AccountValue
from clera_desktop.models.queries import aggregated_holdings
from clera_desktop.models.tables import Account
from clera_desktop.portfolio.rates import LatestRates
from clera_desktop.portfolio.totals import PortfolioTotal, pair_name, total_of
from clera_desktop.portfolio.valuation import account_values


@dataclass(frozen=True, slots=True)
class HoldingAccountRow:
    account_id: str
    account_name: str
    provider: str
    quantity: Decimal
    market_value: Decimal | None  # in the holding's own currency


@dataclass(frozen=True, slots=True)
class HoldingRow:
    symbol: str
    name: str | None
    currency: str  # the currency it trades in: price, market_value and cost_basis
    quantity: Decimal
    price: Decimal | None
    market_value: Decimal | None
    market_value_base: Decimal | None
    cost_basis: Decimal | None
    gain: Decimal | None  # in the base currency, like the value and cost beside it
    gain_pct: Decimal | None
    weight: Decimal | None
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
    cash_base: Decimal | None = None  # the portfolio's cash, in the base currency


def holdings_snapshot(session: Session, base: str) -> HoldingsSnapshot:
    providers = dict(session.execute(select(Account.id, Account.provider)).all())
    rates = LatestRates.from_store(session)
    rows = []
    for holding in aggregated_holdings(session):
        fx = rates.rate(holding.currency, base)

        def to_base(amount: Decimal | None, rate: Decimal | None = None if fx is None else fx.rate) -> Decimal | None:
            return None if amount is None or rate is None else amount * rate

        value_base, cost_base = to_base(holding.market_value), to_base(holding.cost_basis)
        gain = None if value_base is None or cost_base is None else value_base - cost_base
        rows.append(HoldingRow(
            symbol=holding.symbol, name=holding.name, currency=holding.currency, quantity=holding.quantity,
            price=holding.price, market_value=holding.market_value, market_value_base=value_base,
            cost_basis=holding.cost_basis, gain=gain, gain_pct=None if gain is None or not cost_base else gain / cost_base,
            weight=None, accounts=tuple(
                HoldingAccountRow(s.account_id, s.account_name, providers[s.account_id].value, s.quantity, s.market_value)
                for s in holding.accounts),
            cost_basis_base=cost_base, missing_rate=None if fx is not None else pair_name(holding.currency, base),
        ))
    values = [r.market_value_base for r in rows]
    known_total = sum((v for v in values if v is not None), Decimal(0))
    weighted = tuple(
        replace(r, weight=None if r.market_value_base is None or not known_total else r.market_value_base / known_total)
        for r in rows
    )
    accounts = account_values(session, base, rates=rates)
    return HoldingsSnapshot(base, weighted, sum_known(values), sum_known(r.cost_basis_base for r in rows),
                            total_of(accounts, base), _cash_in_base(accounts))


def _cash_in_base(accounts: list[AccountValue]) -> Decimal | None:
    parts = []
    for account in accounts:
        cash = account.cash or Decimal(0)
        parts.append(Decimal(0) if not cash else None if account.fx is None else cash * account.fx.rate)
    return sum_known(parts)

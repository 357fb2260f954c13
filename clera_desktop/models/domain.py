"""Frozen domain types: what services hand to each other and to the UI.

Providers translate SDK responses into these; nothing outside ``providers/`` sees an SDK type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NewType

AccountId = NewType("AccountId", str)
ConnectionId = NewType("ConnectionId", str)


def account_id_for(provider_prefix: str, provider_account_id: str) -> AccountId:
    """``snaptrade_<id>``, ``plaid_<id>``, ``clera_<id>``: the app-wide account id."""
    return AccountId(f"{provider_prefix}_{provider_account_id}")


@dataclass(frozen=True, slots=True)
class HoldingShare:
    """One account's part of an aggregated holding."""

    account_id: AccountId
    account_name: str
    quantity: Decimal
    market_value: Decimal | None
    price: Decimal | None = None  # as the account prices it, in the holding's currency


@dataclass(frozen=True, slots=True)
class AggregatedHolding:
    """A symbol across all active accounts, in one currency.

    ``market_value`` is ``None`` when any account's value is unknown: a partial sum would look
    like a real figure and be wrong.
    """

    symbol: str
    name: str | None
    currency: str
    quantity: Decimal
    price: Decimal | None
    market_value: Decimal | None
    cost_basis: Decimal | None
    accounts: tuple[HoldingShare, ...]


@dataclass(frozen=True, slots=True)
class FxUse:
    """A rate used for a conversion, with the day it was recorded (the UI says so)."""

    rate: Decimal
    as_of: date


@dataclass(frozen=True, slots=True)
class AccountValue:
    """An account's value in its own currency and in the base currency (None: no rate).

    ``total`` counts what could be valued; ``missing_prices`` and ``missing_rates`` name what
    could not (portfolio/worth.py has the one definition every view uses)."""

    account_id: str
    name: str
    institution: str
    provider: str
    masked_number: str | None
    account_type: str | None
    connection_type: str
    currency: str
    cash: Decimal | None
    positions_value: Decimal | None
    total: Decimal | None
    base_currency: str
    total_base: Decimal | None
    fx: FxUse | None
    last_sync_at: datetime | None
    stale_since: datetime | None
    status: str
    status_reason: str | None
    is_paper: bool
    missing_prices: tuple[str, ...] = ()
    missing_rates: tuple[str, ...] = ()
    #: in a shared book, whose account it is when not the session's person's own ("Alex", "Alex,
    #: Sam" for a joint one); None in a book of one person, and for one's own
    owner: str | None = None


def stated_price(prices: Iterable[Decimal | None]) -> Decimal | None:
    """A holding's one price across its accounts: the price they all give it, else none (each
    account's price is shown beside it). Never one account's price standing for the others'."""
    known = set(prices)
    return known.pop() if len(known) == 1 else None

"""Account values in their own currency and in the person's base currency, for the Accounts view.

Each account is valued by :func:`clera_desktop.portfolio.worth.account_worth`, the definition the
Dashboard, Holdings and the history share. A value in base currency needs a recorded rate (or a
path through one currency, :mod:`rates`); without one it is ``None``, never a silent 1.0, and the
rate with its date travels with the value so the UI can say which it used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.domain import AccountValue
from clera_desktop.models.enums import ConnectionStatus
from clera_desktop.models.queries import current_person, people_names
from clera_desktop.models.tables import Account, AccountShare, Balance, Connection, Position
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.totals import in_base
from clera_desktop.portfolio.worth import Worth, account_worth
from clera_desktop.store.rates import rate_book


@dataclass(frozen=True, slots=True)
class ValuedAccount:
    """An account's value, with the worth it was read from and the positions behind it (Holdings
    shares the worth out among them rather than valuing every account again)."""

    value: AccountValue
    worth: Worth
    positions: list[Position]


def account_values(session: Session, base_currency: str, *, include_inactive: bool = False,
                   rates: RateBook | None = None) -> list[AccountValue]:
    return [valued.value for valued in valued_accounts(session, base_currency, include_inactive=include_inactive,
                                                       rates=rates)]


def held_by_account(session: Session) -> tuple[dict[str, list[Position]], dict[str, list[Balance]]]:
    """Every account's positions and balances, by account id (one read of each table): what
    :func:`account_worth` values an account from."""
    positions: dict[str, list[Position]] = defaultdict(list)
    for position in session.scalars(select(Position)):
        positions[position.account_id].append(position)
    balances: dict[str, list[Balance]] = defaultdict(list)
    for balance in session.scalars(select(Balance)):
        balances[balance.account_id].append(balance)
    return positions, balances


def valued_accounts(session: Session, base_currency: str, *, include_inactive: bool = False,
                    rates: RateBook | None = None) -> list[ValuedAccount]:
    query = select(Account, Connection).outerjoin(Connection, Connection.id == Account.connection_id)
    if not include_inactive:
        query = query.where(Account.is_active.is_(True))
    rows = session.execute(query.order_by(Account.institution, Account.name)).all()
    positions, balances = held_by_account(session)
    rates = rates or rate_book(session, newest_only=True)
    owners = owners_shown(session)
    values = []
    for account, connection in rows:
        worth = account_worth(account.currency, positions[account.id], balances[account.id], rates)
        fx = rates.latest(account.currency, base_currency)
        total = worth.value
        status = ConnectionStatus.ACTIVE.value if connection is None else connection.status.value
        values.append(ValuedAccount(AccountValue(
            account_id=account.id, name=account.name, institution=account.institution,
            provider=account.provider.value, masked_number=account.masked_number, account_type=account.account_type,
            connection_type=account.connection_type.value, currency=account.currency, cash=worth.cash,
            positions_value=worth.positions, total=total, base_currency=base_currency,
            total_base=Decimal(0) if not total else None if fx is None else in_base(total, fx.rate), fx=fx,
            last_sync_at=account.last_sync_at, stale_since=account.stale_since, status=status,
            status_reason=(connection.status_reason if connection else None) or account.last_error,
            is_paper=account.is_paper, missing_prices=worth.missing_prices, missing_rates=worth.missing_rates,
            owner=owners.get(account.id),
        ), worth, positions[account.id]))
    return values


def owners_shown(session: Session) -> dict[str, str]:
    """Whose each account is, for the accounts that are not only the session's person's own (a
    shared book: its owner, or a joint account's owners by name); empty in a book of one person."""
    me = current_person(session)
    if me is None:
        return {}
    names = people_names(session)
    owned: dict[str, list[int]] = defaultdict(list)
    for account_id, person_id in session.execute(select(AccountShare.account_id, AccountShare.person_id)):
        owned[account_id].append(person_id)
    for account_id, owner_id in session.execute(select(Account.id, Account.owner_id)):
        if account_id not in owned and owner_id is not None:
            owned[account_id].append(owner_id)
    return {account_id: ", ".join(sorted(names.get(p, "?") for p in people))
            for account_id, people in owned.items() if people != [me]}

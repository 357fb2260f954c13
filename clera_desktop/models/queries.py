"""Read queries over the store that several services share."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import JSON, String, cast, func, literal, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TableValuedAlias

from clera_desktop.core.money import sum_known
from clera_desktop.models.domain import AccountId, AggregatedHolding, HoldingShare, stated_price
from clera_desktop.models.enums import PersonKind, PortfolioMode, Provider, SecurityType
from clera_desktop.models.tables import Account, AppSetting, Person, Position

_AGGREGATORS = frozenset({Provider.SNAPTRADE, Provider.PLAID})


def position_value(position: Position) -> Decimal | None:
    """The position's market value in its own currency: quantity x price, else the value the
    provider reported, else unknown (the rule of ``portfolio/worth.py``, which every view follows)."""
    if position.price is not None:
        return position.quantity * position.price
    return position.market_value


def aggregated_holdings(session: Session, *, include_cash: bool = False) -> list[AggregatedHolding]:
    """Holdings per (symbol, currency) across active accounts, with the per-account breakdown.

    Derived from ``positions`` on every call, so the totals and the breakdown cannot disagree.
    """
    rows = session.execute(
        select(Position, Account.name)
        .join(Account, Account.id == Position.account_id)
        .where(Account.is_active.is_(True))
        .order_by(Position.symbol, Position.currency, Account.name, Account.id)
    ).all()
    groups: dict[tuple[str, str], list[tuple[Position, str]]] = defaultdict(list)
    for position, account_name in rows:
        if position.security_type is SecurityType.CASH and not include_cash:
            continue
        groups[(position.symbol, position.currency)].append((position, account_name))
    holdings = []
    for (symbol, currency), members in groups.items():
        shares = tuple(
            HoldingShare(
                account_id=AccountId(position.account_id),
                account_name=account_name,
                quantity=position.quantity,
                market_value=position_value(position),
                price=position.price,
            )
            for position, account_name in members
        )
        values = [share.market_value for share in shares]
        costs = [position.cost_basis for position, _ in members]
        holdings.append(
            AggregatedHolding(
                symbol=symbol,
                name=next((p.description for p, _ in members if p.description), None),
                currency=currency,
                quantity=sum((share.quantity for share in shares), Decimal(0)),
                price=stated_price(share.price for share in shares),
                market_value=sum_known(values),
                cost_basis=sum_known(costs),
                accounts=shares,
            )
        )
    return holdings


def portfolio_mode(session: Session) -> PortfolioMode:
    """``brokerage`` (Alpaca only), ``aggregation`` (SnapTrade/Plaid only), ``hybrid``, ``none``.

    Only active accounts count: a removed connection no longer shapes the app.
    """
    providers = set(
        session.scalars(
            select(Account.provider).where(Account.is_active.is_(True)).distinct()
        ).all()
    )
    has_brokerage = Provider.ALPACA in providers
    has_aggregation = bool(providers & _AGGREGATORS)
    if has_brokerage and has_aggregation:
        return PortfolioMode.HYBRID
    if has_brokerage:
        return PortfolioMode.BROKERAGE
    if has_aggregation:
        return PortfolioMode.AGGREGATION
    return PortfolioMode.NONE


def text_table(session: Session, texts: Iterable[str], name: str) -> TableValuedAlias:
    """``texts`` as a one-column table ``name.c.value`` in one bound parameter (a JSON array):
    the statement stays the same for any number of them, so it is compiled once, where a VALUES
    list of 500 symbols is compiled on every read (3x the time of the read itself). SQLite reads
    it with ``json_each``, PostgreSQL with ``json_array_elements_text``."""
    array = json.dumps(sorted(texts))
    if session.get_bind().dialect.name == "postgresql":
        rows = func.json_array_elements_text(cast(literal(array, String()), JSON))  # the text, not a JSON string of it
    else:
        rows = func.json_each(array)
    return rows.table_valued("value").alias(name)


def current_person(session: Session) -> int | None:
    """The person this session is in a shared book (the PostgreSQL role it logged in as); None in a
    book of one person (SQLite), or for a login the book has no person for."""
    found = _session_person(session)
    return None if found is None else found[0]


def _session_person(session: Session) -> tuple[int, PersonKind] | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(select(Person.id, Person.kind).where(Person.login == literal_column("session_user"))).first()
    return None if row is None else (row.id, row.kind)


def people_names(session: Session) -> dict[int, str]:
    """Every person this session may see, by id (a client sees only themselves)."""
    return {row.id: row.name for row in session.execute(select(Person.id, Person.name))}


#: Settings each person of a shared book keeps for themselves (what they see their figures in, the
#: benchmark they compare with, where their tickets go, their health limits, how often their app
#: syncs on its own); every other setting
#: is the book's (lot methods, history states: the figures everyone sees must agree).
PERSONAL_SETTINGS = frozenset({"base_currency", "benchmark", "default_trading_account", "auto_sync_minutes"})
PERSONAL_PREFIXES = ("health_",)


def is_personal(key: str) -> bool:
    return key in PERSONAL_SETTINGS or key.startswith(PERSONAL_PREFIXES)


def setting_key(session: Session, key: str) -> str:
    """Where ``key`` is kept for this session: a personal setting under the person's own key in a
    shared book (``base_currency@3``), else as it is."""
    if not is_personal(key):
        return key
    person = current_person(session)
    return key if person is None else f"{key}@{person}"


def app_setting(session: Session, key: str) -> AppSetting | None:
    """A setting as this session's person sees it: their own, else the book's (what the book had
    before they chose, or before it was shared)."""
    own = setting_key(session, key)
    return session.get(AppSetting, own) or (session.get(AppSetting, key) if own != key else None)


def writable_accounts(session: Session) -> set[str] | None:
    """The accounts this session may write derived rows of (histories, manual positions): in a
    shared book a member's or client's own (the others' are rebuilt by their owners' apps; the
    server would refuse the rows), None for all (a book of one person, or the book's owner)."""
    found = _session_person(session)
    if found is None or found[1] is PersonKind.OWNER:
        return None
    return set(session.scalars(select(Account.id).where(Account.owner_id == found[0])))

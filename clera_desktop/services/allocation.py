"""The Allocation view's reads and the person's edits: the book of every holding valued once,
targets per class, and a security's classification (kept apart from what the sync writes, so a
re-sync never undoes it). Each edit is announced as ``Change.CLASSIFICATION``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError
from clera_desktop.core.text import clean_text
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.tables import AllocationTarget, SecurityChoice, TaxonomyTerm
from clera_desktop.portfolio.allocation import AllocationBook
from clera_desktop.portfolio.classification import BUILT_IN_TERMS, EDITABLE, Classification, Dimension
from clera_desktop.services.kept import Kept
from clera_desktop.store.allocation import allocation_book
from clera_desktop.store.classification import classification_of, reported_for, terms

NAME_LENGTH = 100


@dataclass(frozen=True, slots=True)
class SecurityClasses:
    """What the classify dialog shows for one security: the classes in force, what the providers
    reported, and the classes to offer along each editable dimension."""

    symbol: str
    current: Classification
    reported: Classification
    offered: Mapping[Dimension, tuple[str, ...]]


#: What makes a kept book stale: anything that moves a value, a class or a previous close.
STALE = Change.ACCOUNTS | Change.POSITIONS | Change.BASE_CURRENCY | Change.CLASSIFICATION | Change.HISTORY


class AllocationService:
    """Keeps the last book read until a change makes it stale, so the Allocation view and the
    health rules open at once after the first read (60,000 positions take most of a second)."""

    def __init__(self, database: Database, clock: Callable[[], Clock], base_currency: Callable[[], str],
                 changes: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._base = base_currency
        self._bus = changes
        self._books: Kept[AllocationBook] = Kept(changes, STALE)

    async def book(self) -> AllocationBook:
        # the trading day (New York), not the person's: in the evening in Asia, or after 7 pm in New
        # York by UTC, the day change is still the last session's
        base, market_day = self._base(), self._clock().market_today()
        return await self._books.get((base, market_day), lambda: self._database.read(
            lambda s: allocation_book(s, base, market_day)))

    async def targets(self, dimension: Dimension) -> dict[str, Decimal]:
        def read(session: Session) -> dict[str, Decimal]:
            rows = session.execute(select(AllocationTarget.name, AllocationTarget.percent)
                                   .where(AllocationTarget.dimension == dimension.value))
            return {name: percent for name, percent in rows}  # noqa: C416 - a Result is not a mapping

        return await self._database.read(read)

    async def set_target(self, dimension: Dimension, name: str, percent: Decimal | None) -> Changes:
        """Aim for ``percent`` of the portfolio in one class (None: no target for it)."""
        if percent is not None and not 0 <= percent <= 100:
            raise CleraError(said("A target is a percentage from 0 to 100."))
        now = self._clock().now()

        def write(session: Session) -> None:
            session.execute(delete(AllocationTarget).where(AllocationTarget.dimension == dimension.value,
                                                           AllocationTarget.name == name))
            if percent is not None:
                session.add(AllocationTarget(dimension=dimension.value, name=name, percent=percent, updated_at=now))

        await self._database.write(write)
        announced = (said("No target for {name}.", name=name) if percent is None
                     else said("{name}: aiming for {percent}% of the portfolio.", name=name, percent=percent))
        return self._bus.announce(Changes(Change.CLASSIFICATION, frozenset(), announced))

    async def classes_of(self, symbol: str) -> SecurityClasses:
        def read(session: Session) -> SecurityClasses:
            return SecurityClasses(symbol, classification_of(session, symbol), reported_for(session, symbol),
                                   {dimension: tuple(terms(session, dimension)) for dimension in EDITABLE})

        return await self._database.read(read)

    async def classify(self, symbol: str, chosen: Mapping[Dimension, str | None]) -> Changes:
        """The person's classes for ``symbol``: a name sets one (a new name joins the taxonomy),
        None gives the dimension back to what the providers report."""
        cleaned: dict[Dimension, str | None] = {}
        for key, value in chosen.items():
            try:
                dimension = Dimension(key)  # a plain "sector" is read as the Dimension it names
            except ValueError:
                raise CleraError(said("{key!r} is not a way to classify a holding.", key=key)) from None
            if dimension not in EDITABLE:
                raise CleraError(said("{dimension} follows from the holding and cannot be chosen.",
                                      dimension=dimension.label))
            cleaned[dimension] = clean_text(value, NAME_LENGTH) or None if value is not None else None
        now = self._clock().now()

        def write(session: Session) -> None:
            for dimension, value in cleaned.items():
                session.execute(delete(SecurityChoice).where(SecurityChoice.symbol == symbol,
                                                             SecurityChoice.dimension == dimension.value))
                if value is None:
                    continue
                session.add(SecurityChoice(symbol=symbol, dimension=dimension.value, value=value, updated_at=now))
                if value not in BUILT_IN_TERMS.get(dimension, ()) and session.get(
                        TaxonomyTerm, (dimension.value, value)) is None:
                    session.add(TaxonomyTerm(dimension=dimension.value, name=value, created_at=now))

        await self._database.write(write)
        named = ", ".join(f"{d.label.lower()} {v}" for d, v in cleaned.items() if v)
        announced = (said("{symbol} classified: {classes}.", symbol=symbol, classes=named) if named
                     else said("{symbol} classified as the providers report it.", symbol=symbol))
        return self._bus.announce(Changes(Change.CLASSIFICATION, frozenset(), announced))

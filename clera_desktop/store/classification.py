"""The store reads behind portfolio/classification.py (its computations stay pure there)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.tables import Security, SecurityChoice, TaxonomyTerm
from clera_desktop.portfolio.classification import BUILT_IN_TERMS, Classification, Dimension, reported, with_choices


def classifications(session: Session) -> dict[str, Classification]:
    """Every known security's classification by symbol: the providers', then the person's on top."""
    known = {s.symbol: reported(s) for s in session.scalars(select(Security))}
    choices: dict[str, list[tuple[str, str]]] = {}
    for symbol, dimension, value in session.execute(
            select(SecurityChoice.symbol, SecurityChoice.dimension, SecurityChoice.value)):
        choices.setdefault(symbol, []).append((dimension, value))
    for symbol, chosen in choices.items():
        known[symbol] = with_choices(known.get(symbol, Classification()), chosen)
    return known


def reported_for(session: Session, symbol: str) -> Classification:
    security = session.get(Security, symbol)
    return Classification() if security is None else reported(security)


def classification_of(session: Session, symbol: str) -> Classification:
    """One security's classes, as :func:`classifications` gives them, reading its rows alone."""
    choices = session.execute(select(SecurityChoice.dimension, SecurityChoice.value)
                              .where(SecurityChoice.symbol == symbol))
    return with_choices(reported_for(session, symbol), ((dimension, value) for dimension, value in choices))


def terms(session: Session, dimension: Dimension) -> list[str]:
    """The classes to offer along an editable dimension: built in, the person's, and any in use."""
    names = set(BUILT_IN_TERMS.get(dimension, ()))
    names.update(session.scalars(select(TaxonomyTerm.name).where(TaxonomyTerm.dimension == dimension.value)))
    names.update(session.scalars(select(SecurityChoice.value).where(SecurityChoice.dimension == dimension.value)))
    if dimension is Dimension.SECTOR:
        names.update(s for s in session.scalars(select(Security.sector)) if s)
    return sorted(names, key=str.casefold)

"""The rate book read from the store (portfolio/rates.RateBook answers every conversion from it)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.models.tables import FxRate
from clera_desktop.portfolio.rates import RateBook


def rate_book(session: Session, *, newest_only: bool = False) -> RateBook:
    """Every stored rate; ``newest_only``: each pair's newest (enough for today's figures,
    and unknown for any day before it)."""
    statement = select(FxRate.base, FxRate.quote, FxRate.as_of, FxRate.rate)
    if newest_only:
        newest = (select(FxRate.base, FxRate.quote, func.max(FxRate.as_of).label("as_of"))
                  .group_by(FxRate.base, FxRate.quote).subquery())
        statement = statement.join(newest, (FxRate.base == newest.c.base) & (FxRate.quote == newest.c.quote)
                                   & (FxRate.as_of == newest.c.as_of))
    return RateBook((base, quote, day, rate) for base, quote, day, rate in session.execute(statement))

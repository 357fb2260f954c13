"""Column types that keep money exact and timestamps in UTC.

SQLite has no decimal type and its REAL is a binary float, so Decimals are stored as their
canonical text (``core.money.canonical``): what goes in comes out, digit for digit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from clera_desktop.core.money import canonical


class DecimalText(TypeDecorator[Decimal]):
    """An exact Decimal stored as text. Floats are refused: they would already be rounded."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, Decimal):
            return canonical(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        raise TypeError(f"money columns take Decimal, not {type(value).__name__}: {value!r}")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return _decimal_or_none(value)

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Decimal | None]:
        """One call per value where the decorator's own wrapping makes two: a report reads
        hundreds of thousands (the text type has no processor of its own to keep)."""
        return _decimal_or_none

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def _decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; a naive datetime is a bug and refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise TypeError(f"timestamps must be timezone-aware datetimes, got {value!r}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)

    @property
    def python_type(self) -> type[datetime]:
        return datetime

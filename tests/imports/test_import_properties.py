"""Property tests (Hypothesis): whatever a file or a provider holds, the parsers answer with a
value within bounds or the app's own refusal, never a traceback; and a refused file changes
nothing in the store, while an accepted one imports and rebuilds history without error."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from clera_desktop.core.money import MAX_MAGNITUDE, MAX_PLACES, InvalidAmount, decimal_places, parse_number, to_decimal
from clera_desktop.imports.dispatch import ImportKind, import_preview, preview_file
from clera_desktop.models.engine import Database
from clera_desktop.models.tables import Activity, DailyPrice, FxRate, PortfolioSnapshot
from clera_desktop.store.history import rebuild_all
from tests.clock import TEST_CLOCK, TODAY

QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

numberish = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.integers().map(str),
    st.from_regex(r"[-+]?\d{0,40}([.,]\d{0,40})?([eE][-+]?\d{1,7})?", fullmatch=True),
    st.text(max_size=80),
)


def _bounded(value: Decimal) -> bool:
    return value.is_finite() and abs(value) < MAX_MAGNITUDE and decimal_places(value) <= MAX_PLACES


@given(numberish, st.booleans())
@QUICK
def test_a_typed_number_is_a_bounded_decimal_or_refused_with_a_reason(text: str, decimal_comma: bool) -> None:
    try:
        value = parse_number(text, decimal_comma=decimal_comma)
    except InvalidAmount as refused:
        assert str(refused)
    else:
        assert _bounded(value)


@given(st.one_of(numberish, st.floats(), st.integers(), st.decimals(), st.none(), st.booleans(), st.lists(st.integers())))
@QUICK
def test_a_providers_value_is_a_bounded_decimal_or_refused(value: object) -> None:
    try:
        result = to_decimal(value)
    except InvalidAmount:
        return
    assert _bounded(result)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('props') / 'clera.sqlite'}", clock=TEST_CLOCK)
    yield database
    database.close()


def _counts(database: Database) -> tuple[int, ...]:
    return database.read_sync(lambda s: tuple(s.scalar(select(func.count()).select_from(m)) or 0
                                              for m in (Activity, DailyPrice, FxRate, PortfolioSnapshot)))


def _try(database: Database, kind: ImportKind, data: bytes) -> None:
    before = _counts(database)
    preview = database.read_sync(lambda s: preview_file(s, kind, data, today=TODAY))
    assert isinstance(preview.summary(), str)
    if not preview.importable:
        with pytest.raises(ValueError, match="never imported"):
            database.write_sync(lambda s: import_preview(s, preview, source="p.csv", now=TEST_CLOCK.now()))
        assert _counts(database) == before, "a refused file changes nothing"
        return

    def write(session) -> int:  # type: ignore[no-untyped-def]
        added = import_preview(session, preview, source="p.csv", now=TEST_CLOCK.now(), good_lines_only=True)
        rebuild_all(session, TEST_CLOCK)
        return added

    assert database.write_sync(write) >= 0


@given(st.sampled_from(list(ImportKind)), st.binary(max_size=2000))
@QUICK
def test_any_bytes_at_all_are_read_or_refused(store: Database, kind: ImportKind, data: bytes) -> None:
    _try(store, kind, data)


_DAY = st.dates(date(1900, 1, 1), TODAY + timedelta(days=30)).map(date.isoformat) | st.text(max_size=12)
_CELLS = {
    "date": _DAY, "acquired": _DAY, "account": st.sampled_from(["A", "B", "Société", "=1+1", ""]) | st.text(max_size=30),
    "type": st.sampled_from(["BUY", "SELL", "DIVIDEND", "INTEREST", "DEPOSIT", "WITHDRAWAL", "FEE", "TAX", "REFUND",
                             "SPLIT", "TRANSFER_IN", "TRANSFER_OUT", "buy", "?"]),
    "symbol": st.sampled_from(["ACME", "X.TO", ""]) | st.text(max_size=8),
    "quantity": numberish, "price": numberish, "amount": numberish, "fee": numberish, "tax": numberish,
    "currency": st.sampled_from(["USD", "CHF", "usd", "", "DOLLAR"]), "close": numberish, "rate": numberish,
    "base": st.sampled_from(["USD", "CHF", "EUR", "X"]), "quote": st.sampled_from(["USD", "CHF", "EUR", ""]),
}
_LAYOUTS = {
    ImportKind.ACTIVITIES: ("date", "account", "type", "symbol", "quantity", "price", "amount", "fee", "tax", "currency",
                            "acquired"),
    ImportKind.PRICES: ("symbol", "date", "close", "currency"),
    ImportKind.FX: ("base", "quote", "date", "rate"),
}


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[ImportKind, bytes]:
    kind = draw(st.sampled_from(list(ImportKind)))
    columns = list(_LAYOUTS[kind])
    separator = draw(st.sampled_from([",", ";", "\t"]))
    rows = [[draw(_CELLS[c]).replace(separator, " ").replace("\n", " ").replace("\r", " ").replace('"', "")
             for c in columns] for _ in range(draw(st.integers(1, 6)))]
    text = "\n".join(separator.join(row) for row in [columns, *rows])
    return kind, text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])), errors="replace")


@given(csv_files())
@QUICK
def test_any_file_shaped_like_ours_imports_its_good_lines_or_is_refused(store: Database,
                                                                          file: tuple[ImportKind, bytes]) -> None:
    kind, data = file
    _try(store, kind, data)

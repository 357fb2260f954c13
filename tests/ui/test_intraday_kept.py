"""Today's intraday line survives closing and reopening the app on the same day."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from clera_desktop.realtime import intraday_store
from clera_desktop.realtime.series import SeriesBuffer
from clera_desktop.realtime.service import LiveService
from clera_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def test_a_reopened_app_goes_on_from_todays_points(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    services = window.services
    run(window.sync_now())
    run(services.live.refresh_book())
    total = services.live.series(None)
    assert total is not None and len(total)
    kept = [total.exact(n) for n in range(len(total))]
    window.close()  # the window keeps today's lines as it closes

    reopened = LiveService(services.database, lambda: services.settings, lambda: services.registry)
    try:
        run(reopened.start())
        again = reopened.series(None)
        assert again is not None and [again.exact(n) for n in range(len(kept))] == kept, "the morning is still there"
    finally:
        reopened.close()


def test_another_days_or_another_currencys_lines_are_not_used(tmp_path: Any) -> None:
    buffer = SeriesBuffer()
    buffer.add(1_700_000_000.0, Decimal("100.25"))
    from tests.clock import TODAY

    intraday_store.save(tmp_path, TODAY, "USD", {None: buffer, "acct": buffer})
    loaded = intraday_store.load(tmp_path, TODAY, "USD")
    assert set(loaded) == {None, "acct"} and loaded[None].exact(0) == Decimal("100.25")
    assert intraday_store.load(tmp_path, TODAY + timedelta(days=1), "USD") == {}
    assert intraday_store.load(tmp_path, TODAY, "CAD") == {}
    (tmp_path / intraday_store.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert intraday_store.load(tmp_path, TODAY, "USD") == {}

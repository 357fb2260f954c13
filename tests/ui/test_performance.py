"""The performance view over rebuilt history, CSV import through its dialog, manual accounts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from clera_desktop.ui.main_window import MainWindow
from clera_desktop.ui.views.performance_view import INVESTED_LINE
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

HEADER = "date,account,type,symbol,quantity,price,amount,fee,currency\n"


def test_performance_view_shows_history_and_returns_for_each_range(window: MainWindow,
                                                                   run: Callable[[Awaitable[Any]], Any]) -> None:
    run(window.sync_now())
    run(window.sync.history_task)  # type: ignore[arg-type]
    view = window.performance_view
    window.show_view(view)
    buttons = {b.text(): b for b in view.range_group.buttons()}
    buttons["ALL"].click()
    run(wait_for(lambda: view.report is not None and view.report.total.twr is not None and len(view.points) > 700))
    assert "% a year" in view.figures["twr"].text(), "over years the yearly rate is said beside the total"
    assert view.figures["mwr"].text().endswith("%") and view.captions["mwr"].text() == "Money-weighted (yearly)"
    assert view.chart is not None and len(view.chart._xs) == len(view.points)
    view.chart.show_crosshair_at(float(view.chart._xs[10]))
    assert view.chart.crosshair_text.endswith(" USD")
    assert INVESTED_LINE in view.chart.extra_curves
    everything = len(view.points)
    buttons["1M"].click()
    run(wait_for(lambda: 28 <= len(view.points) <= 32))
    assert len(view.points) < everything
    assert view.report is not None  # the dashed line starts at the value before the range: its gap is the gain
    assert view.points[-1].value - view.points[-1].invested == view.report.total.gain
    assert "do not explain" not in view.note.text() + view.note.toolTip()  # every account's activities explain it, Alpaca's too

    # an activity the brokerage never reported: what it leaves unexplained is named, not hidden
    from sqlalchemy import delete, select

    from clera_desktop.models.tables import Activity

    clera = next(a for a in window.accounts_view.model.accounts() if a.provider == "alpaca")

    def forget_first_buy(session: Any) -> None:
        first = session.scalars(select(Activity.id).where(Activity.account_id == clera.account_id,
                                                          Activity.type == "buy").order_by(Activity.trade_date)).first()
        session.execute(delete(Activity).where(Activity.id == first))

    window.services.database.write_sync(forget_first_buy)
    run(window.update_history())
    run(wait_for(lambda: "do not explain" in view.note.text() + view.note.toolTip()))
    assert f"{clera.name}: activities do not explain" in view.note.text() + view.note.toolTip()


def test_importing_a_csv_creates_a_manual_account_with_history(window: MainWindow, tmp_path: Path,
                                                              run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.ui.dialogs.import_dialog import ImportDialog

    path = tmp_path / "pension.csv"
    path.write_text(HEADER + "2025-01-02,Pension,DEPOSIT,,,,1000,,USD\n2025-01-03,Pension,BUY,AAPL,2,100,,,USD\n")
    dialog = ImportDialog(window.services, window)
    dialog.path.setText(str(path))
    run(dialog.load_preview())
    assert "new manual accounts: Pension" in dialog.preview_text.toPlainText() and dialog.import_button.isEnabled()
    dialog.import_button.click()
    run(wait_for(lambda: dialog.result() == dialog.DialogCode.Accepted))
    assert dialog.imported == 2
    run(window.reload())
    assert "Pension" in [a.name for a in window.accounts_view.model.accounts()]
    report = run(window.services.history.report())
    pension = next(a for a in report.accounts if a.name == "Pension")
    assert pension.metrics.net_flows == 1000


def test_a_typed_path_and_enter_reads_the_file_and_choose_opens_where_it_points(
        window: MainWindow, tmp_path: Path, qtbot: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    from PySide6.QtCore import Qt

    from clera_desktop.ui.dialogs.import_dialog import ImportDialog

    path = tmp_path / "pension.csv"
    path.write_text(HEADER + "2025-01-02,Pension,DEPOSIT,,,,1000,,USD\n")
    dialog = ImportDialog(window.services, window)
    dialog.show()
    assert dialog.start_folder() == ""
    qtbot.keyClicks(dialog.path, f"  {tmp_path}  ")
    assert dialog.start_folder() == str(tmp_path), "Choose… opens in the folder typed"
    dialog.path.setText(str(path))
    assert dialog.start_folder() == str(tmp_path)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    run(wait_for(lambda: "new manual accounts: Pension" in dialog.preview_text.toPlainText()))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # Enter again reads again; it never imports
    run(wait_for(lambda: dialog.import_button.isEnabled()))
    run(window.settled())
    assert dialog.isVisible() and dialog.imported == 0
    dialog.close()


def test_a_bad_file_cannot_be_imported(window: MainWindow, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.ui.dialogs.import_dialog import ImportDialog

    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "yesterday,Pension,DEPOSIT,,,,1000,,USD\n")
    dialog = ImportDialog(window.services, window)
    dialog.path.setText(str(path))
    run(dialog.load_preview())
    assert "line 2: date 'yesterday' is not a date written YYYY-MM-DD" in dialog.preview_text.toPlainText()
    assert not dialog.import_button.isEnabled()


def test_a_manual_account_is_created_from_its_dialog(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.ui.dialogs.manual_account_dialog import ManualAccountDialog

    dialog = ManualAccountDialog(window.services, window)
    dialog.name.setText("House fund")
    dialog.currency.setText("eur")
    dialog.create_button.click()
    run(wait_for(lambda: dialog.account_id is not None))
    run(window.reload())
    account = next(a for a in window.accounts_view.model.accounts() if a.name == "House fund")
    assert account.currency == "EUR" and account.provider == "manual"
    again = ManualAccountDialog(window.services, window)
    again.name.setText("House fund")
    again.create_button.click()
    run(wait_for(lambda: "exists already" in again.message.text()))


def test_a_long_list_of_notes_shows_two_and_counts_the_rest() -> None:
    from clera_desktop.ui.views.performance_view import NO_NOTES, notes_text

    assert notes_text([]) == (NO_NOTES, "")
    assert notes_text(["one", "two"]) == ("one\ntwo", "")
    shown, tip = notes_text(["one", "two", "three", "four", "five"])
    assert shown.splitlines() == ["one", "two", "\u2026and 3 more notes: point here to read them."]
    assert tip.split("\n\n") == ["one", "two", "three", "four", "five"]

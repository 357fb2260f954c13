"""Settings: keys typed in go to the keyring and are used at once; the base currency sticks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from clera_desktop.app import build_context
from clera_desktop.core.secrets import SecretKey
from clera_desktop.core.settings import load_settings
from clera_desktop.models.enums import Provider
from clera_desktop.ui.dialogs.settings_dialog import SettingsDialog
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK


def test_keys_and_base_currency_from_settings(qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    data = tmp_path / "data"
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    services = context.services
    assert Provider.SNAPTRADE in services.registry.missing
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.base_currency.setCurrentText("CAD")
    dialog.snaptrade_client.setText("MY-CLIENT")
    dialog.snaptrade_key.setText("my-consumer-key")
    dialog.snaptrade_personal.setChecked(True)
    assert run(dialog.save())
    assert services.secrets.get(SecretKey.SNAPTRADE_CONSUMER_KEY) == "my-consumer-key"
    assert services.registry.snaptrade is not None and services.credentials.snaptrade is not None
    assert services.credentials.snaptrade.personal is True
    assert services.settings.base_currency == "CAD"
    assert "my-consumer-key" not in (data / "clera.sqlite").read_bytes().decode("latin-1")
    context.close()

    reopened = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    try:
        window = MainWindow(reopened.services)
        qtbot.addWidget(window)
        run(window.reload())
        assert reopened.services.settings.base_currency == "CAD"
        assert window.holdings_view.model.headerData(4, Qt.Orientation.Horizontal) == "Market value\n(CAD)"
    finally:
        reopened.close()


def test_the_default_lot_method_and_the_long_term_period_are_saved_only_when_changed(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.core.changes import Change
    from clera_desktop.portfolio.lots import LotMethod
    from tests.ui.conftest import wait_for

    context = build_context(load_settings(data_dir=tmp_path / "data", environ={}, clock=TEST_CLOCK))
    services = context.services
    heard: list[Any] = []
    services.changes.subscribe(heard.append)
    try:
        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        run(wait_for(lambda: dialog._tax_settings is not None))
        assert dialog.lot_method.currentData() == LotMethod.FIFO and dialog.long_term_months.value() == 12
        assert run(dialog.save())
        assert not any(c.touches(Change.GAINS) for c in heard), "nothing changed: nothing announced"

        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        run(wait_for(lambda: dialog._tax_settings is not None))
        dialog.lot_method.setCurrentIndex(dialog.lot_method.findData(LotMethod.HIFO.value))
        dialog.long_term_months.setValue(6)
        assert run(dialog.save())
        assert run(services.gains.method(None)) is LotMethod.HIFO
        assert run(services.gains.long_term_months()) == 6
        assert sum(1 for c in heard if c.touches(Change.GAINS)) == 2
    finally:
        context.close()


def test_a_first_run_is_guided_to_each_providers_keys_and_alpaca_keys_are_kept_live_or_paper(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    from clera_desktop.core.credentials import resolve_credentials
    from clera_desktop.ui.views.connect_view import ConnectView

    data = tmp_path / "data"
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    services = context.services
    try:
        connect = ConnectView(services)
        qtbot.addWidget(connect)
        assert connect.guide.isVisibleTo(connect)
        assert connect.guide.missing == (Provider.SNAPTRADE, Provider.PLAID, Provider.ALPACA)
        said = connect.guide.steps.text()
        assert "dashboard.snaptrade.com" in said and "dashboard.plaid.com" in said and "app.alpaca.markets" in said

        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        dialog.alpaca_key.setText("AKLIVE")
        dialog.alpaca_secret.setText("live-secret")
        dialog.alpaca_live.setChecked(True)
        assert run(dialog.save())
        assert services.credentials.alpaca is not None and services.credentials.alpaca.paper is False
        assert resolve_credentials(services.secrets, {}).alpaca.paper is False, "live after a restart too"  # type: ignore[union-attr]
        connect.set_connections([])
        assert Provider.ALPACA not in connect.guide.missing, "the guide drops what has keys now"
    finally:
        context.close()


def test_keys_a_provider_refuses_are_not_saved_and_the_dialog_says_which(
        qtbot: Any, window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    services = window.services
    before = services.credentials
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.snaptrade_key.setText("not-the-consumer-key")
    assert run(dialog.save()) is False
    assert dialog.message.text().startswith("Not saved. SnapTrade:")
    assert services.credentials == before, "the keys in use are still the working ones"

    dialog.snaptrade_key.clear()
    dialog.plaid_secret.setText(services.credentials.plaid.secret)  # type: ignore[union-attr]  # the right one, typed again
    assert run(dialog.save()) is True, "keys the provider takes are saved"


def test_the_window_syncs_on_its_own_as_often_as_chosen(qtbot: Any, tmp_path: Path,
                                                        run: Callable[[Awaitable[Any]], Any]) -> None:
    from datetime import timedelta

    data = tmp_path / "data"
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    try:
        window = MainWindow(context.services)
        qtbot.addWidget(window)
        assert window.auto_sync.interval == timedelta(minutes=30)  # the default
        dialog = SettingsDialog(context.services)
        qtbot.addWidget(dialog)
        dialog.auto_sync.setValue(45)
        assert run(dialog.save())
        assert window.auto_sync.interval == timedelta(minutes=45)
        assert run(window.auto_sync.tick())  # nothing synced since the start: at once
        assert not run(window.auto_sync.tick())  # then not again for 45 minutes
        assert window.auto_sync.next_at() - window.auto_sync.last_end == timedelta(minutes=45)
        # the timer asks only while the window runs on its loop: from start() until it closes (a window
        # built and never started, as here until now, leaves no timer ticking without a loop)
        assert not window._auto_sync_timer.isActive()
        run(window.start())
        assert window._auto_sync_timer.isActive()
        window.close()
        assert not window._auto_sync_timer.isActive()
    finally:
        context.close()
    reopened = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    try:
        assert run(reopened.services.load_auto_sync()) == timedelta(minutes=45)
    finally:
        reopened.close()

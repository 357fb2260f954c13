"""Settings › Storage: a book shared on a PostgreSQL server, tried before it is kept, opened from the
next start with the password from the keyring; and back to this computer's own file."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from clera_desktop.app import build_context
from clera_desktop.core.errors import CleraError
from clera_desktop.core.settings import load_settings
from clera_desktop.core.storage_choice import chosen, password_name
from clera_desktop.models.engine import Database
from clera_desktop.ui.dialogs.settings_dialog import SettingsDialog
from tests.clock import TEST_CLOCK


def fill(dialog: SettingsDialog, url: str, password: str) -> None:
    address = make_url(url)
    dialog.store_shared.setChecked(True)
    dialog.server_host.setText(str(address.host))
    dialog.server_port.setValue(int(address.port or 5432))
    dialog.server_database.setText(str(address.database))
    dialog.server_user.setText(str(address.username))
    dialog.server_password.setText(password)


def test_a_shared_book_is_chosen_kept_without_its_password_and_opened_at_the_next_start(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any], empty_postgres: str) -> None:
    data = tmp_path / "data"
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    try:
        dialog = SettingsDialog(context.services)
        qtbot.addWidget(dialog)
        assert dialog.store_here.isChecked() and not dialog.server_host.isEnabled()
        fill(dialog, empty_postgres, "s3cret-pass")
        assert not run(dialog.save())  # an empty database: said how to fill it, nothing kept
        assert "holds no book yet" in dialog.message.text() and chosen(data) is None
        Database(empty_postgres).close()  # the book's schema, as 'server init' makes it
        assert run(dialog.save())
        address = chosen(data)
        assert address is not None and address.url == empty_postgres
        assert "s3cret-pass" not in (data / "storage.json").read_text()
        kept = context.services.secrets.get(password_name(address.user, address.host, address.port, address.database))
        assert kept == "s3cret-pass"
    finally:
        context.close()
    settings = load_settings(data_dir=data, environ={}, clock=TEST_CLOCK)
    assert settings.database_url == empty_postgres  # the next start opens the shared book
    assert load_settings(data_dir=data, database_url="sqlite:///x.sqlite", environ={}).database_url == "sqlite:///x.sqlite"
    reopened = build_context(settings)
    try:
        assert reopened.database.shared and reopened.database.server_password == "s3cret-pass"
        dialog = SettingsDialog(reopened.services)
        qtbot.addWidget(dialog)
        assert dialog.store_shared.isChecked() and dialog.server_database.text() == make_url(empty_postgres).database
        dialog.store_here.setChecked(True)
        assert run(dialog.save())
    finally:
        reopened.close()
    assert chosen(data) is None and load_settings(data_dir=data, environ={}).database_url.endswith("clera.sqlite")


def test_a_server_that_does_not_answer_is_said_and_nothing_is_kept(
        qtbot: Any, tmp_path: Path, run: Callable[[Awaitable[Any]], Any]) -> None:
    data = tmp_path / "data"
    context = build_context(load_settings(data_dir=data, environ={}, clock=TEST_CLOCK))
    try:
        with pytest.raises(CleraError):
            from clera_desktop.core.storage_choice import SharedBookAddress

            run(context.services.storage.choose(SharedBookAddress("127.0.0.1", 1, "book", "me"), ""))
        assert chosen(data) is None
    finally:
        context.close()

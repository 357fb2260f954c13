"""Encrypted at rest, by choice: `encrypt` converts the store and its backups in place (a verified
copy first), every command reads it with the key from the key store, backups and restores stay
encrypted, `decrypt` undoes it; a missing or wrong key, or an encryption stopped halfway, is one
sentence or a store that still opens, never a traceback or a lost row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clera_desktop.core.secrets import encrypted_file_backend
from clera_desktop.models import cipher
from clera_desktop.models.backup import backups
from tests.test_cli_refusals import _said, data  # noqa: F401 - the fixture: a folder with a manual account

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def folder(data: str, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """The key goes to the passphrase-protected key file (no OS keyring in a test)."""
    monkeypatch.setattr("clera_desktop.core.secrets.os_keyring_backend", lambda: None)
    monkeypatch.setenv("CLERA_SECRETS_PASSPHRASE", PASSPHRASE)
    return Path(data)


def _report(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, object]:
    code, out, err = _said(capsys, "report", "--data-dir", str(folder))
    assert code == 0, err
    return json.loads(out)["total"]  # type: ignore[no-any-return]


def test_encrypt_then_decrypt_keeps_every_figure_and_every_backup_follows(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = folder / "clera.sqlite"
    plain = _report(capsys, folder)
    assert _said(capsys, "backup", "--data-dir", str(folder))[0] == 0
    code, out, _ = _said(capsys, "encrypt", "--data-dir", str(folder))
    assert code == 0 and "Encrypted" in out and "each copy checked" in out
    assert not cipher.is_plain(store) and (folder / cipher.MARK).exists()
    assert backups(store) and not any(cipher.is_plain(b.path) for b in backups(store)), "no plain copy left behind"
    assert _report(capsys, folder) == plain
    assert _said(capsys, "backup", "--data-dir", str(folder))[0] == 0
    assert not cipher.is_plain(backups(store)[0].path), "a new backup of an encrypted store is encrypted"
    code, _, err = _said(capsys, "restore", "--data-dir", str(folder))
    assert code == 0, err
    assert not cipher.is_plain(store) and _report(capsys, folder) == plain
    assert b"My IRA" not in store.read_bytes(), "the account's name is not readable in the file"

    code, out, _ = _said(capsys, "decrypt", "--data-dir", str(folder))
    assert code == 0 and "Decrypted" in out
    assert cipher.is_plain(store) and not (folder / cipher.MARK).exists()
    assert all(cipher.is_plain(b.path) for b in backups(store))
    assert _report(capsys, folder) == plain


def _key_file(folder: Path) -> object:
    return encrypted_file_backend(folder, PASSPHRASE)


def test_a_wrong_or_missing_key_is_one_sentence(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _said(capsys, "encrypt", "--data-dir", str(folder))[0] == 0
    mark = cipher.read_mark(folder)
    assert mark is not None
    keys = _key_file(folder)
    keys.set_password("clera-desktop", mark.key_name, cipher.new_key())  # type: ignore[attr-defined]
    code, out, err = _said(capsys, "report", "--data-dir", str(folder))
    assert code == 1 and not out and "the key found for it does not open it" in err and "Traceback" not in err
    keys.delete_password("clera-desktop", mark.key_name)  # type: ignore[attr-defined]
    code, out, err = _said(capsys, "report", "--data-dir", str(folder))
    assert code == 1 and "its key is not in this computer's keyring" in err and "Traceback" not in err


def test_an_encryption_stopped_before_its_swap_leaves_a_plain_store_that_opens(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = _report(capsys, folder)
    cipher.write_mark(folder, cipher.Mark.new())  # the mark was written, the file never swapped
    assert _report(capsys, folder) == plain
    assert not (folder / cipher.MARK).exists(), "the stale mark is gone"


def test_settings_security_encrypts_the_open_store_in_place_while_it_is_read(folder: Path) -> None:
    """The window's way: the store stays open; reads under way finish, reads during the swap wait,
    and afterwards every read goes to the encrypted file with its new key."""
    import asyncio

    from clera_desktop.core.secrets import EphemeralKeyring, SecretStore
    from clera_desktop.core.settings import load_settings
    from clera_desktop.models.engine import Database
    from clera_desktop.models.tables import Activity
    from clera_desktop.services.security import StoreSecurity
    from tests.clock import TEST_CLOCK

    settings = load_settings(data_dir=folder, environ={}, clock=TEST_CLOCK)
    secrets = SecretStore(EphemeralKeyring())
    database = Database(settings.database_url, clock=TEST_CLOCK, key_lookup=secrets.get)
    security = StoreSecurity(database, lambda: settings, lambda: secrets)

    def count() -> int:
        return len(database.read_sync(lambda s: s.query(Activity).all()))

    async def scenario() -> tuple[int, str, int, str, int]:
        before = count()
        reads = [database.read(lambda s: s.query(Activity).count()) for _ in range(20)]
        said = await security.set_encrypted(True)
        counted = await asyncio.gather(*reads)
        assert set(counted) == {before}
        assert not cipher.is_plain(folder / "clera.sqlite") and security.state().encrypted
        encrypted = count()
        undone = await security.set_encrypted(False)
        return before, said, encrypted, undone, count()

    try:
        assert security.state().available and not security.state().encrypted
        before, said, encrypted, undone, after = asyncio.run(scenario())
    finally:
        database.close()
    assert before == encrypted == after > 0
    assert "encrypted" in said and "no longer encrypted" in undone
    assert cipher.is_plain(folder / "clera.sqlite")

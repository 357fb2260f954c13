import logging
from pathlib import Path

import keyring
import pytest

from clera_desktop.core.credentials import resolve_credentials
from clera_desktop.core.errors import SecretStoreLocked
from clera_desktop.core.logging_setup import configure_logging
from clera_desktop.core.secrets import (
    SecretKey,
    SecretStore,
    encrypted_file_backend,
    open_secret_store,
)
from tests.conftest import MemoryKeyring


def test_secrets_go_to_the_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    store = open_secret_store(tmp_path)
    store.set(SecretKey.snaptrade_user_secret("u1"), "s3cr3t-value")
    assert store.get(SecretKey.snaptrade_user_secret("u1")) == "s3cr3t-value"
    assert ("clera-desktop", "snaptrade.user_secret:u1") in memory_keyring.entries
    assert not list(tmp_path.iterdir()), "nothing may be written beside the keyring"


def test_without_an_os_keyring_the_store_stays_locked_instead_of_plaintext(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    store = open_secret_store(tmp_path, passphrase_provider=lambda: None)
    assert store.is_locked
    with pytest.raises(SecretStoreLocked):
        store.set(SecretKey.ALPACA_SECRET_KEY, "abc12345")
    assert not list(tmp_path.iterdir())


def test_encrypted_file_store_round_trips_and_hides_the_secret(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    store = open_secret_store(tmp_path, passphrase_provider=lambda: "correct horse")
    store.set(SecretKey.ALPACA_SECRET_KEY, "alpaca-secret-123")
    assert "alpaca-secret-123" not in (tmp_path / "secrets.cfg").read_text()
    reopened = SecretStore(encrypted_file_backend(tmp_path, "correct horse"))
    assert reopened.get(SecretKey.ALPACA_SECRET_KEY) == "alpaca-secret-123"
    with pytest.raises(SecretStoreLocked, match="passphrase"):
        SecretStore(encrypted_file_backend(tmp_path, "wrong passphrase")).get(SecretKey.ALPACA_SECRET_KEY)


def test_secrets_never_reach_the_log(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    store = SecretStore(MemoryKeyring())
    store.set(SecretKey.PLAID_SECRET, "plaid-secret-xyz")
    logging.getLogger("test").warning("calling with %s and userSecret=abcd1234&x=1", "plaid-secret-xyz")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text()
    assert "plaid-secret-xyz" not in text
    assert "abcd1234" not in text
    assert "userSecret=***" in text


def test_credentials_come_from_environment_first_then_keyring() -> None:
    store = SecretStore(MemoryKeyring())
    store.set(SecretKey.ALPACA_API_KEY, "key-from-keyring")
    store.set(SecretKey.ALPACA_SECRET_KEY, "secret-from-keyring")
    from_keyring = resolve_credentials(store, environ={})
    assert from_keyring.alpaca is not None and from_keyring.alpaca.api_key == "key-from-keyring"
    assert from_keyring.snaptrade is None
    from_env = resolve_credentials(
        store, environ={"ALPACA_API_KEY": "env-key", "ALPACA_SECRET_KEY": "env-secret", "ALPACA_PAPER": "false"}
    )
    assert from_env.alpaca is not None
    assert (from_env.alpaca.api_key, from_env.alpaca.paper) == ("env-key", False)
    assert "env-secret" not in repr(from_env)

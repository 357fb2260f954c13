"""One error family for the whole app.

Every error the user can meet carries ``user_message``: what happened and what to do, in
words a person understands, without secrets. The technical detail goes to the log only.
"""

from __future__ import annotations

from clera_desktop.core.words import said


class CleraError(Exception):
    """Base of every error the app raises on purpose."""

    default_message = said("Something went wrong.")

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        self.detail = detail
        super().__init__(self.user_message if detail is None else f"{self.user_message} ({detail})")


class UserCancelled(CleraError):
    """The person closed a dialog or portal: not a failure, shown to nobody."""

    default_message = said("Cancelled.")


class ConfigurationError(CleraError):
    """Missing or invalid settings or credentials."""

    default_message = said("The app is not configured for this yet.")


class SecretStoreLocked(ConfigurationError):
    """No OS keyring, and the encrypted file store has not been unlocked with a passphrase."""

    default_message = said("No system keyring is available. Unlock the encrypted secret file with your passphrase "
                           "to store credentials.")


class ProviderError(CleraError):
    """A provider (SnapTrade, Plaid, Alpaca, FX) could not give us what we asked for."""

    default_message = said("The provider could not be reached.")

    def __init__(
        self,
        user_message: str | None = None,
        *,
        provider: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.provider = provider
        super().__init__(user_message, detail=detail)


class NeedsReconnect(ProviderError):
    default_message = said("This connection needs to be reconnected: sign in to the brokerage again.")


class InvalidCredentials(ProviderError):
    default_message = said("The provider did not accept the app's keys. Check them in Settings.")


class RateLimited(ProviderError):
    default_message = (said("The provider is limiting how often the app may ask, and still did after the app waited "
                       "and asked again. Try again in a minute."))

    def __init__(
        self,
        user_message: str | None = None,
        *,
        retry_after: float | None = None,
        provider: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(user_message, provider=provider, detail=detail)


class TemporarilyUnavailable(ProviderError):
    default_message = said("The provider is temporarily unavailable. Try again in a few minutes.")


class RejectedInput(ProviderError):
    default_message = said("The provider rejected the request.")


class NotFound(RejectedInput):
    default_message = said("The provider does not know this item.")


class BadProviderData(ProviderError):
    default_message = said("The provider sent data the app could not read. Nothing was changed.")


class StoreError(CleraError):
    """The local database could not do what was asked (locked, full, read-only, damaged)."""

    default_message = said("Your Clera data could not be read or written. Nothing was changed.")


class StoreBusy(StoreError):
    default_message = (said("Another program is writing to your Clera data and did not finish within 10 seconds. "
                       "Nothing was changed: try again in a minute."))


class StoreFull(StoreError):
    default_message = said("The disk with your Clera data is full. Nothing was changed: free some space and try again.")


class StoreReadOnly(StoreError):
    default_message = (said("Your Clera data folder cannot be written (it is read-only, or belongs to another user). "
                       "Nothing was changed."))


class StoreDamaged(StoreError):
    default_message = (said("Your Clera database is damaged. Nothing was changed; restore the latest backup "
                       "(clera-desktop restore) or move the file aside to start afresh."))


class StoreForeign(StoreError):
    default_message = (said("This database is not a Clera Desktop store (it holds another program's tables). Nothing was "
                       "changed: move it away, or choose another data folder (--data-dir)."))


class StoreAddressWrong(StoreError):
    default_message = (said("Clera Desktop cannot open this database address. Use a file (sqlite:///path/clera.sqlite) or "
                       "a server (postgresql+psycopg://user@host/database)."))


class StoreTooNew(StoreError):
    default_message = (said("Your Clera data was written by a newer version of Clera Desktop. Update the app to open it; "
                       "nothing was changed."))


class StoreTooOld(StoreError):
    """A shared book at an older schema, opened by someone who may not change its schema."""

    default_message = said("This shared book was set up by an older version of Clera Desktop. Its owner must open it "
                           "once with this version first; nothing was changed.")


class StoreAway(StoreError):
    """A shared book's server does not answer (down, or the network between is)."""

    default_message = said("The shared book's server cannot be reached, so nothing was saved. Check the network, "
                           "then try again; what the window shows is what was last read.")


class StoreNotYours(StoreError):
    """A shared book's server refused a change: the row is another person's, or the role only reads."""

    default_message = said("This shared book does not let you change that: it belongs to another person, or your role "
                           "only reads. Nothing was changed.")


class SyncBusy(CleraError):
    """Another process is syncing this data folder (one writer per folder)."""

    default_message = said("Another Clera Desktop is syncing this data right now. Try again when it is done.")


class NeedsConfirmation(CleraError):
    """A manual record that is possible but nearly always a missing one (a purchase, a deposit): said
    before it is saved, and saved as written when the person confirms."""


class SellsMoreThanHeld(NeedsConfirmation):
    """A sale or transfer out of more shares than a manual account holds that day (a short position):
    said before it is saved, since in a record of one's own it is nearly always a missing purchase."""


class LeavesCashNegative(NeedsConfirmation):
    """A purchase, withdrawal or fee that leaves a manual account's cash below zero that day: nearly
    always the deposit that paid for it is not recorded yet (or it was a loan: the person says so)."""

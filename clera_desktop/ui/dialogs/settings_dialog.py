"""Settings: the base currency, the API keys a person brings (kept in the keyring), how lots close,
whether the data is encrypted at rest, and where the book is kept (this computer, or a server)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.core.secrets import SecretKey
from clera_desktop.core.storage_choice import DEFAULT_PORT, SharedBookAddress
from clera_desktop.portfolio.lots import LotMethod
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices

CURRENCIES = ("USD", "CAD", "EUR", "GBP", "CHF", "JPY")


def _secret_field(name: str, saved: bool) -> QLineEdit:
    """A secret's field: empty, as what is saved is never shown; it says so when one is saved."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(tr("{name} (left empty: keep the saved one)").format(name=name) if saved else name)
    return field


#: Where saved keys are kept, by :attr:`SecretStore.kept_in`, in the person's words.
KEPT_IN = {
    "keyring": translatable("Keys are kept in the system keyring, never in the database or the log."),
    "file": translatable("This system has no keyring: keys are kept in a file encrypted with your passphrase, never in the "
            "database or the log."),
    "memory": translatable("The demo's keys are kept in memory only, and forgotten when it quits."),
}


class SettingsDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(tr("Settings"))
        self.base_currency = QComboBox()
        self.base_currency.addItems(CURRENCIES)
        self.base_currency.setCurrentText(services.settings.base_currency)
        self.snaptrade_client = QLineEdit()
        self.snaptrade_client.setPlaceholderText(tr("Client ID"))
        credentials = services.credentials
        self.snaptrade_key = _secret_field(tr("Consumer key"), credentials.snaptrade is not None)
        self.snaptrade_personal = QCheckBox(tr("Personal key (my own SnapTrade account)"))
        self.plaid_client = QLineEdit()
        self.plaid_client.setPlaceholderText(tr("Client ID"))
        self.plaid_secret = _secret_field(tr("Secret"), credentials.plaid is not None)
        self.plaid_production = QCheckBox(tr("Production (unchecked: Plaid sandbox)"))
        self.alpaca_key = QLineEdit()
        self.alpaca_key.setPlaceholderText(tr("API key ID"))
        self.alpaca_secret = _secret_field(tr("Secret key"), credentials.alpaca is not None)
        self.alpaca_live = QCheckBox(tr("Live keys: real money (unchecked: paper trading)"))
        if credentials.snaptrade:
            self.snaptrade_client.setText(credentials.snaptrade.client_id)
            self.snaptrade_personal.setChecked(credentials.snaptrade.personal)
        if credentials.alpaca:
            self.alpaca_key.setText(credentials.alpaca.api_key)
            self.alpaca_live.setChecked(not credentials.alpaca.paper)
        if credentials.plaid:
            self.plaid_client.setText(credentials.plaid.client_id)
            self.plaid_production.setChecked(credentials.plaid.environment == "production")
        self.lot_method = QComboBox()
        for method in LotMethod:
            self.lot_method.addItem(method.label, method.value)
        self.lot_method.setToolTip(tr("For every account whose own method is not chosen (in its pane under Accounts)"))
        self.long_term_months = QSpinBox()
        self.long_term_months.setRange(0, 600)
        self.long_term_months.setSuffix(" months")
        self.long_term_months.setToolTip(tr("A sale of shares held longer than this is long-term (US: 12 months)"))
        self._tax_settings: tuple[LotMethod, int] | None = None  # as loaded: only a change is saved
        self.auto_sync = QSpinBox()
        self.auto_sync.setRange(0, 24 * 60)
        self.auto_sync.setSingleStep(5)
        self.auto_sync.setSuffix(tr(" minutes"))
        self.auto_sync.setSpecialValueText(tr("only when I ask"))
        self._auto_sync_was = int(services.auto_sync_interval.total_seconds() // 60)
        self.auto_sync.setValue(self._auto_sync_was)
        self.auto_sync.setToolTip(tr("While the app is open it syncs this often, and when the computer wakes or the "
                                     "network comes back; after a failure it tries again sooner, then less often."))
        general = QFormLayout()
        general.addRow(tr("Show totals in"), self.base_currency)
        general.addRow(tr("Sync on its own every"), self.auto_sync)
        general.addRow(tr("Close lots by"), self.lot_method)
        general.addRow(tr("Long-term after"), self.long_term_months)
        snaptrade = QGroupBox(tr("SnapTrade"))
        form = QFormLayout(snaptrade)
        form.addRow(tr("Client ID"), self.snaptrade_client)
        form.addRow(tr("Consumer key"), self.snaptrade_key)
        form.addRow("", self.snaptrade_personal)
        plaid = QGroupBox(tr("Plaid"))
        form = QFormLayout(plaid)
        form.addRow(tr("Client ID"), self.plaid_client)
        form.addRow(tr("Secret"), self.plaid_secret)
        form.addRow("", self.plaid_production)
        alpaca = QGroupBox(tr("Clera brokerage (Alpaca)"))
        form = QFormLayout(alpaca)
        form.addRow(tr("Key ID"), self.alpaca_key)
        form.addRow(tr("Secret"), self.alpaca_secret)
        form.addRow("", self.alpaca_live)
        security = QGroupBox(tr("Security"))
        form = QFormLayout(security)
        state = services.security.state()
        self._encrypted = state.encrypted
        self.encrypt = QCheckBox(tr("Encrypt my data on this computer (SQLCipher, AES-256)"))
        self.encrypt.setChecked(state.encrypted)
        self.encrypt.setEnabled(state.available)
        self.encrypt.setToolTip(say(state.reason) if state.reason else tr(
            "The database and its backups are encrypted; the key is kept with your saved keys, and without it the data "
            "cannot be read."))
        form.addRow("", self.encrypt)
        storage = self._storage_group(services)
        self.message = QLabel(tr(KEPT_IN[services.secrets.kept_in]))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: run_task(self, self.save()))
        buttons.rejected.connect(self.reject)
        # two pages, so the dialog fits a 700-pixel-high screen: what the app does, and the keys it uses
        pages = QTabWidget()
        first, keys = QWidget(), QWidget()
        page = QVBoxLayout(first)
        page.addLayout(general)
        page.addWidget(security)
        page.addWidget(storage)
        page.addStretch(1)
        page = QVBoxLayout(keys)
        for group in (snaptrade, plaid, alpaca):
            page.addWidget(group)
        page.addStretch(1)
        pages.addTab(first, tr("General"))
        pages.addTab(keys, tr("Provider keys"))
        self.pages = pages
        layout = QVBoxLayout(self)
        layout.addWidget(pages)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        run_task(self, self._load_tax_settings(), on_error=self.message.setText)

    def _storage_group(self, services: AppServices) -> QGroupBox:
        """Settings › Storage: this computer's file, or a book shared on a PostgreSQL server."""
        group = QGroupBox(tr("Storage"))
        form = QFormLayout(group)
        chosen = services.storage.current()
        self.store_here = QRadioButton(tr("On this computer"))
        self.store_shared = QRadioButton(tr("A shared book on a PostgreSQL server"))
        (self.store_shared if chosen else self.store_here).setChecked(True)
        self.server_host, self.server_database, self.server_user = QLineEdit(), QLineEdit(), QLineEdit()
        self.server_port = QSpinBox()
        self.server_port.setRange(1, 65535)
        self.server_port.setValue(chosen.port if chosen else DEFAULT_PORT)
        self.server_password = QLineEdit()
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_password.setPlaceholderText(tr("Kept in your keyring"))
        self.server_host.setPlaceholderText(tr("Server, e.g. books.example.org"))
        if chosen:
            self.server_host.setText(chosen.host)
            self.server_database.setText(chosen.database)
            self.server_user.setText(chosen.user)
        self._storage_was = (chosen, "")
        now = QLabel(tr("Open now: {book}").format(book=services.storage.in_use))
        now.setWordWrap(True)
        form.addRow("", now)
        form.addRow("", self.store_here)
        form.addRow("", self.store_shared)
        for label, field in ((tr("Server"), self.server_host), (tr("Port"), self.server_port),
                             (tr("Book (database)"), self.server_database), (tr("Your login"), self.server_user),
                             (tr("Password"), self.server_password)):
            form.addRow(label, field)
        for field in (self.server_host, self.server_port, self.server_database, self.server_user, self.server_password):
            self.store_shared.toggled.connect(field.setEnabled)
            field.setEnabled(self.store_shared.isChecked())
        return group

    def _storage_chosen(self) -> SharedBookAddress | None:
        if not self.store_shared.isChecked():
            return None
        return SharedBookAddress(self.server_host.text().strip(), self.server_port.value(),
                                 self.server_database.text().strip(), self.server_user.text().strip())

    async def _load_tax_settings(self) -> None:
        method = await self._services.gains.method(None)
        months = await self._services.gains.long_term_months()
        self._tax_settings = (method, months)
        self.lot_method.setCurrentIndex(self.lot_method.findData(method.value))
        self.long_term_months.setValue(months)

    def _keys(self) -> dict[str, str]:
        values: dict[str, str] = {}
        if self.snaptrade_client.text().strip() and (self.snaptrade_key.text() or self._services.credentials.snaptrade):
            values[SecretKey.SNAPTRADE_CLIENT_ID] = self.snaptrade_client.text().strip()
            values[SecretKey.SNAPTRADE_CONSUMER_KEY] = self.snaptrade_key.text().strip()
            values[SecretKey.SNAPTRADE_KEY_KIND] = "personal" if self.snaptrade_personal.isChecked() else "commercial"
        if self.plaid_client.text().strip() and (self.plaid_secret.text() or self._services.credentials.plaid):
            values[SecretKey.PLAID_CLIENT_ID] = self.plaid_client.text().strip()
            values[SecretKey.PLAID_SECRET] = self.plaid_secret.text().strip()
            values[SecretKey.PLAID_ENVIRONMENT] = "production" if self.plaid_production.isChecked() else "sandbox"
        if self.alpaca_key.text().strip() and (self.alpaca_secret.text() or self._services.credentials.alpaca):
            values[SecretKey.ALPACA_API_KEY] = self.alpaca_key.text().strip()
            values[SecretKey.ALPACA_SECRET_KEY] = self.alpaca_secret.text().strip()
            values[SecretKey.ALPACA_ENVIRONMENT] = "live" if self.alpaca_live.isChecked() else "paper"
        return values

    async def _unlocked(self) -> bool:
        """No keyring here and the key file locked: its passphrase first (chosen, when there is none)."""
        from clera_desktop.ui.unlock import ask_and_unlock

        if await ask_and_unlock(self, self._services):
            return True
        if isValid(self):
            self.message.setText(tr("Not saved: the keys need the passphrase of their encrypted file."))
        return False

    async def save(self) -> bool:
        try:
            if self.base_currency.currentText() != self._services.settings.base_currency:
                await self._services.set_base_currency(self.base_currency.currentText())
            keys = self._keys()
            if keys and self._services.keys.locked and not await self._unlocked():
                return False
            if keys:
                self.message.setText(tr("Checking the keys with each provider\u2026"))
                refused, unchecked = await self._services.keys.check(keys)
                if refused:
                    self.message.setText(tr("Not saved.") + " " + " ".join(refused))
                    return False
                note = (" " + tr("Not checked: {reasons} The next sync will tell.").format(reasons=" ".join(unchecked))
                        if unchecked else "")  # kept all the same
                await self._services.keys.save(keys, note=note)
            if self.encrypt.isChecked() != self._encrypted:
                self.message.setText(tr("Encrypting your data\u2026") if self.encrypt.isChecked()
                                     else tr("Decrypting your data\u2026"))
                said = await self._services.security.set_encrypted(self.encrypt.isChecked())
                self._encrypted = self.encrypt.isChecked()
                self._services.changes.announce(Changes(Change.SETTINGS, message=said))
            address = self._storage_chosen()
            if address != self._storage_was[0] or self.server_password.text():
                if address is not None and not (address.host and address.database and address.user):
                    self.message.setText(tr("Not saved: a shared book needs its server, book and your login."))
                    return False
                self.message.setText(tr("Trying the server\u2026") if address else "")
                said = await self._services.storage.choose(address, self.server_password.text())
                self._storage_was = (address, "")
                self._services.changes.announce(Changes(Change.SETTINGS, message=said))
            if self.auto_sync.value() != self._auto_sync_was:
                await self._services.set_auto_sync(self.auto_sync.value())
                self._auto_sync_was = self.auto_sync.value()
            if self._tax_settings is not None:
                method, months = LotMethod(self.lot_method.currentData()), self.long_term_months.value()
                if method is not self._tax_settings[0]:
                    await self._services.gains.set_lot_method(None, method)
                if months != self._tax_settings[1]:
                    await self._services.gains.set_long_term_months(months)
        except CleraError as error:
            self.message.setText(say(error.user_message))
            return False
        self.accept()
        return True

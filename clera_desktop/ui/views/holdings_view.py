"""Holdings across every account: filter, sort, expand per account, totals, CSV export."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.csv_safe import write_rows
from clera_desktop.core.files import open_private
from clera_desktop.core.money import money_places, quantity_places, ratio_places, sum_known
from clera_desktop.portfolio.holdings import HoldingRow, HoldingsSnapshot
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.columns import give_the_rest_to, resize_columns_soon
from clera_desktop.ui.i18n import plural, tr, translatable
from clera_desktop.ui.item_models.holdings_tree_model import HoldingsFilter, HoldingsTreeModel
from clera_desktop.ui.item_models.two_level_model import TOP
from clera_desktop.ui.tasks import run_task
from clera_desktop.ui.views.lots_panel import LotsPanel

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.services.gains import HoldingLots


class HoldingsView(QWidget):
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    trade_requested = Signal(str)
    said = Signal(str)  # a sentence for the status bar (an export written, or not)

    watches = Change.ACCOUNTS | Change.POSITIONS | Change.BASE_CURRENCY
    reading = translatable("Reading the holdings\u2026")

    def __init__(self, parent: QWidget | None = None, *,
                 holdings: Callable[[], Awaitable[HoldingsSnapshot]] | None = None,
                 holding_lots: Callable[[str, str], Awaitable[HoldingLots]] | None = None) -> None:
        """``holding_lots(account id, symbol)``: the lots the pane beside the tree shows."""
        super().__init__(parent)
        self._read = holdings
        self._read_lots = holding_lots
        self._whole = HoldingsSnapshot("USD", (), None, None)  # every account; the model holds what is shown
        self._shown_scope: tuple[str | None, str | None] = (None, None)  # (provider, account) the model shows
        self.model = HoldingsTreeModel(self)
        self.filter = HoldingsFilter()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter by symbol or name"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Filter holdings by symbol or name"))
        self.provider = QComboBox()
        self.provider.setAccessibleName(tr("Provider"))
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.export_button = QPushButton(tr("Export CSV\u2026"))
        self.export_button.clicked.connect(self.ask_and_export)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(tr("Provider")))
        bar.addWidget(self.provider, 1)
        bar.addWidget(QLabel(tr("Account")))
        bar.addWidget(self.account, 1)
        bar.addWidget(self.export_button)
        self.trade_button = QPushButton(tr("Trade\u2026"))
        self.trade_button.setToolTip(tr("Open a trade ticket for the selected holding"))
        self.trade_button.clicked.connect(self._on_trade_clicked)
        bar.addWidget(self.trade_button)
        self.tree = QTreeView()
        self.tree.setAccessibleName(tr("Holdings"))
        self.tree.setModel(self.model)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 110)
        self._fit_names = give_the_rest_to(self.tree, 1, minimum=80)  # the figures stay in view at 1024 px
        self.tree.header().setStretchLastSection(False)  # "Accounts" is a count: kept by its row, not at the edge
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.portfolio_note = QLabel()  # what the portfolio's total leaves out, by name
        self.portfolio_note.setWordWrap(True)
        self.portfolio_note.setStyleSheet("color: #b9770e")
        self.portfolio_note.hide()
        self.lots = LotsPanel()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.lots)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.portfolio_note)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.search.textChanged.connect(self._apply_filters)
        self.provider.currentIndexChanged.connect(self._apply_filters)
        self.account.currentIndexChanged.connect(self._apply_filters)

    def chosen_account(self) -> tuple[str, str, str] | None:
        """(account id, account name, symbol) of the account row chosen, or of a holding in one account."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        holding = self.model.holding(index)
        if index.internalId() == TOP:
            if len(holding.accounts) != 1:
                return None
            share = holding.accounts[0]
        else:
            share = holding.accounts[index.row()]
        return share.account_id, share.account_name, holding.symbol

    def _on_current_changed(self, *_: object) -> None:
        chosen = self.chosen_account()
        if chosen is None:
            self.lots.clear()
            return
        account_id, _name, symbol = chosen
        if self._read_lots is not None:
            run_task(self, self._show_lots(self._read_lots, account_id, symbol), on_error=self.lots.title.setText)

    async def _show_lots(self, read: Callable[[str, str], Awaitable[HoldingLots]], account_id: str,
                         symbol: str) -> None:
        holding = await read(account_id, symbol)
        chosen = self.chosen_account() if isValid(self) else None
        if chosen is not None and (chosen[0], chosen[2]) == (account_id, symbol):  # still the one chosen
            self.lots.show_holding(holding, chosen[1])

    def _on_trade_clicked(self) -> None:
        index = self.tree.currentIndex()
        while index.parent().isValid():
            index = index.parent()
        symbol = self.model.index(index.row(), 0).data() if index.isValid() else ""
        self.trade_requested.emit(symbol or "")

    async def load(self, _changes: Changes) -> None:
        if self._read is None:
            return
        snapshot = await self._read()
        self.set_snapshot(snapshot)

    def set_snapshot(self, snapshot: HoldingsSnapshot) -> None:
        first = not self.model.snapshot.rows
        self._whole = snapshot
        self._fill_choices(snapshot)
        self.model.set_snapshot(self._scoped())
        if first and 0 < len(snapshot.rows) <= 2000:  # beyond that, measuring every row costs seconds
            resize_columns_soon(self.tree, [0, *range(2, self.model.columnCount())], done=self._fit_names)
        self._update_totals()

    def _scope(self) -> set[str] | None:
        """The accounts chosen by the provider and account boxes (None: every account)."""
        provider, account = self.provider.currentData(), self.account.currentData()
        if provider is None and account is None:
            return None
        return {share.account_id for row in self._whole.rows for share in row.accounts
                if (provider is None or share.provider == provider) and (account is None or share.account_id == account)}

    def _scoped(self) -> HoldingsSnapshot:
        """Narrowed to the chosen accounts: their quantities, values and cash, weights among them."""
        self._shown_scope = (self.provider.currentData(), self.account.currentData())
        scope = self._scope()
        return self._whole if scope is None else self._whole.of_accounts(scope)

    def _fill_choices(self, snapshot: HoldingsSnapshot) -> None:
        providers = sorted({p for row in snapshot.rows for p in row.providers})
        accounts = sorted({(a.account_name, a.account_id) for row in snapshot.rows for a in row.accounts})
        for combo, items in ((self.provider, [(fmt.provider_text(p), p) for p in providers]),
                             (self.account, accounts)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _apply_filters(self, *_: object) -> None:
        self.filter.text = self.search.text().strip().lower()
        self.filter.provider, self.filter.account = self.provider.currentData(), self.account.currentData()
        if (self.filter.provider, self.filter.account) != self._shown_scope:  # typing in the search box keeps the scope
            self.model.set_snapshot(self._scoped())
        self.model.set_filter(self.filter)
        self._update_totals()

    def visible_rows(self) -> tuple[HoldingRow, ...]:
        return self.model.visible_rows

    def _update_totals(self) -> None:
        rows = self.visible_rows()
        snapshot = self.model.snapshot
        base = snapshot.base_currency
        values = [r.market_value_base for r in rows]
        total = sum_known(values)
        known = sum((v for v in values if v is not None), Decimal(0))
        note = "" if total is not None else tr(" (known part {amount}; some prices or rates are missing)").format(
            amount=fmt.money(known))
        holdings = plural(len(rows), tr("{count} holding"), tr("{count} holdings"))
        text = tr("<b>{holdings}</b> \u00b7 Market value <b>{value}</b>{note}").format(
            holdings=holdings, value=fmt.money(total, base), note=note)
        portfolio = snapshot.portfolio
        if portfolio is not None and len(rows) == len(snapshot.rows):  # no search: the accounts shown, whole
            text += tr(" \u00b7 Cash {cash} \u00b7 {scope} <b>{total}</b>").format(
                cash=fmt.money(snapshot.cash_base, base), scope=self._scope_name(), total=fmt.money(portfolio.amount, base))
        self.totals.setText(text)
        self.totals.setToolTip(portfolio.note() if portfolio is not None else "")
        self.portfolio_note.setText(portfolio.note() if portfolio is not None else "")
        self.portfolio_note.setVisible(bool(portfolio and not portfolio.complete))

    def _scope_name(self) -> str:
        """What the footer's total is of: the portfolio, one account, or one provider's accounts."""
        if self.account.currentData() is not None:
            return self.account.currentText()
        if self.provider.currentData() is not None:
            return tr("{provider} accounts").format(provider=self.provider.currentText())
        return tr("Portfolio")

    def ask_and_export(self) -> None:
        """Ask where, then write the holdings shown (File › Export holdings, the Export button)."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export holdings"), "holdings.csv", tr("CSV files (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """Exactly what the table shows (filtered): amounts to their currency's places, quantities to
        1e-8, prices as the provider gave them; says where it wrote (or why it could not)."""
        base = self.model.snapshot.base_currency
        rows = self.visible_rows()
        try:
            self._write_csv(path, base, rows)
        except OSError as error:
            self.said.emit(tr("Could not write {path}: {reason}. Choose another folder.").format(
                path=path, reason=error.strerror or error))
            return
        self.said.emit(plural(len(rows), tr("Exported {count} holding to {path}"), tr("Exported {count} holdings to {path}"),
                              path=path))

    @staticmethod
    def _write_csv(path: Path, base: str, rows: tuple[HoldingRow, ...]) -> None:
        with open_private(path, newline="") as handle:
            write_rows(handle, ["Symbol", "Name", "Quantity", "Price", "Currency", f"Market value ({base})",
                                f"Cost basis ({base})", f"Gain/loss ({base})", "Gain %", "Weight", "Accounts"],
                       ([r.symbol, r.name, quantity_places(r.quantity), r.price, r.currency,
                         money_places(r.market_value_base, base), money_places(r.cost_basis_base, base),
                         money_places(r.gain, base), ratio_places(r.gain_pct), ratio_places(r.weight), len(r.accounts)]
                        for r in rows))


def build(services: AppServices) -> HoldingsView:
    """The window's holdings view on the app's services (ui/window_views.py)."""
    return HoldingsView(holdings=services.book.holdings, holding_lots=services.gains.holding_lots)

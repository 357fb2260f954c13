"""Realised gains: every sale part of a tax year, by account and term, in the base currency.

One row per lot a sale closed (the same lines as ``clera-desktop report gains`` and the CSV
export, from the same report object), the totals by term above them, and what the totals leave
out (a cost or a rate the app does not have) said in words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.files import write_private
from clera_desktop.portfolio.gains import GainsReport, RealisedLine, Term
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.account_choice import ALL_ACCOUNTS, AccountNames, fill_account_choice, refill_account_choice
from clera_desktop.ui.columns import give_the_rest_to, resize_columns_soon
from clera_desktop.ui.i18n import plural, tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.words import TERM_WORDS, label

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.services.gains import GainsService



def _acquired(line: RealisedLine) -> str:
    return line.acquired.isoformat() if line.acquired else tr("before records")


def _note(line: RealisedLine) -> str:
    if line.missing_rate:
        return tr("no {pair} rate").format(pair=line.missing_rate)
    if line.cost is None:
        return tr("cost unknown")
    return ""


def _own_currency(line: RealisedLine) -> str:
    """The same part in the account's currency (a tooltip: what the base figures were converted from)."""
    return (f"In {line.currency}: proceeds {fmt.money(line.proceeds)}, cost {fmt.money(line.cost)}, "
            f"fees {fmt.money(line.fees)}, gain {fmt.money(line.gain)}")


ACCOUNT_COLUMN = 2  # in gain_columns


def gain_columns(base: str) -> list[Column[RealisedLine]]:
    return [
        Column(tr("Sold"), lambda r: r.sold_on.isoformat(), lambda r: r.sold_on.toordinal()),
        Column(tr("Acquired"), _acquired, lambda r: r.acquired.toordinal() if r.acquired else 0),
        Column(tr("Account"), lambda r: r.account),
        Column(tr("Symbol"), lambda r: r.symbol),
        Column(tr("Quantity"), lambda r: fmt.quantity(r.quantity), lambda r: fmt.sort_number(r.quantity), numeric=True),
        Column(tr("Term"), lambda r: tr(TERM_WORDS[r.term.value])),
        Column(tr("Tax"), lambda r: tr("Sheltered") if r.sheltered else tr("Taxable"),
               tooltip=lambda r: tr("In a tax-advantaged account: not in the taxable totals") if r.sheltered else None),
        Column(tr("Proceeds\n({base})")
               .format(base=base), lambda r: fmt.money(r.proceeds_base), lambda r: fmt.sort_number(r.proceeds_base),
               numeric=True, tooltip=_own_currency),
        Column(tr("Cost\n({base})")
               .format(base=base), lambda r: fmt.money(r.cost_base), lambda r: fmt.sort_number(r.cost_base), numeric=True,
               tooltip=_own_currency),
        Column(tr("Gain\n({base})")
               .format(base=base), lambda r: fmt.money(r.gain_base), lambda r: fmt.sort_number(r.gain_base), numeric=True,
               tooltip=_own_currency),
        Column(tr("Note"), _note),
    ]


def totals_text(report: GainsReport) -> str:
    base = report.base_currency
    parts = [f"{label(t.term)}: {fmt.money(t.gain, base)} ({plural(t.lines, tr('{count} part'), tr('{count} parts'))})"
             for t in report.totals()]
    sheltered = [tr("in tax-sheltered accounts (not taxed): {gain}").format(gain=fmt.money(report.sheltered_gain, base))] \
        if report.has_sheltered else []
    return " \u00b7 ".join([*parts, tr("Taxable total: {gain}").format(gain=fmt.money(report.gain, base)), *sheltered])


class GainsView(QWidget):
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = (Change.ACTIVITIES | Change.GAINS | Change.BASE_CURRENCY | Change.ACCOUNTS | Change.POSITIONS
               | Change.HISTORY)
    reading = translatable("Reading the lots and gains\u2026")

    def __init__(self, gains: GainsService, parent: QWidget | None = None, *,
                 account_names: AccountNames | None = None) -> None:
        super().__init__(parent)
        self._gains = gains
        self._account_names = account_names
        self.report: GainsReport | None = None
        self._base = ""
        self.year = QComboBox()
        self.year.setAccessibleName(tr("Tax year"))
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.account.addItem(tr("All accounts"), ALL_ACCOUNTS)
        self.export_button = QPushButton(tr("Export CSV\u2026"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.totals = QLabel("")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setWordWrap(True)  # long labels never widen the window (usable at 1024 px)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.model: RowsTableModel[RealisedLine] = RowsTableModel(gain_columns("USD"), self)
        self.table, self.proxy = sorted_table(self.model, self, fit_columns=False, select_rows=True,
                                              name=tr("Realised gains"))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        # the account takes what the figures leave: at 1024 px the gain stays in view, the name cut short
        self._fit_accounts = give_the_rest_to(self.table, ACCOUNT_COLUMN, minimum=110, maximum=260)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Tax year")))
        bar.addWidget(self.year)
        bar.addWidget(QLabel(tr("Account")))
        bar.addWidget(self.account)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.totals)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.year.activated.connect(lambda _: self._reload_soon())
        self.account.activated.connect(lambda _: self._reload_soon())

    def set_accounts(self, accounts: list[tuple[str, str]]) -> None:
        fill_account_choice(self.account, accounts)

    async def load(self, changes: Changes) -> None:
        """The chooser's accounts when they changed, then the figures."""
        if await refill_account_choice(self.account, changes, self._account_names):
            await self.reload()

    async def reload(self) -> None:
        years = await self._gains.years_with_sales()
        if not isValid(self):
            return
        chosen = self.year.currentData()
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        await self._load()

    async def _load(self) -> None:
        year = self.year.currentData() or 0
        if not year:
            return
        account = self.account.currentData()
        report = await self._gains.report(date(year, 1, 1), date(year, 12, 31), [account] if account else None)
        if not isValid(self):
            return
        self.report = report
        if report.base_currency != self._base:
            self._base = report.base_currency
            self.model.set_columns(gain_columns(self._base))  # the currency is in the titles
        first = not self.model.rows
        self.model.set_rows(report.lines)
        if first and report.lines:
            resize_columns_soon(self.table, [c for c in range(len(gain_columns(self._base)) - 1) if c != ACCOUNT_COLUMN],
                                done=self._fit_accounts)
        self.totals.setText(totals_text(report) if report.lines else tr("No sales in {year}.").format(year=year))
        self.note.setText(report.note())
        self.note.setVisible(bool(report.note()))
        methods = sorted({label(m) for m in report.methods.values()})
        self.status.setText(tr("Lots closed by {methods}; held more than {months} months is long-term (Settings). "
                               "Each part's cost is converted at the rate of the day it was bought, its proceeds at the "
                               "rate of the day it was sold.")
                            .format(methods=', '.join(methods), months=report.long_term_months))
        self.export_button.setEnabled(bool(report.lines))

    def _reload_soon(self) -> None:
        from clera_desktop.ui.tasks import run_task

        run_task(self, self._load(), on_error=lambda message: self.status.setText(message))

    def _on_export_clicked(self) -> None:
        report = self.report
        if report is None:
            return
        name = f"clera-gains-{report.start.year}.csv"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export realised gains"), name, tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        assert self.report is not None
        try:
            write_private(path, self.report.csv_text(), newline="")
        except OSError as error:
            self.status.setText(tr("Could not write {path}: {reason}. Choose another folder.")
                                .format(path=path, reason=error.strerror or error))
            return
        self.status.setText(tr("Saved {count} sale parts and the totals to {path}.").format(
            count=len(self.report.lines), path=path))


__all__ = ["GainsView", "Term"]


def build(services: AppServices) -> GainsView:
    """The window's gains view on the app's services (ui/window_views.py)."""
    return GainsView(services.gains, account_names=services.book.account_names)

"""Income: dividends and interest across accounts, in the base currency.

The last twelve months against the twelve before, what the next twelve would pay if what is held
keeps paying as it did, the months as bars, and the same payments by source and by year: all
sums of one report's payments (portfolio/income.py), so every figure here agrees with the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.portfolio.income import IncomeReport, SourceIncome
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.account_choice import ALL_ACCOUNTS, AccountNames, fill_account_choice, refill_account_choice
from clera_desktop.ui.charts.month_bars import MonthBars
from clera_desktop.ui.columns import fit_columns_when_shown, give_the_rest_to
from clera_desktop.ui.i18n import plural, tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.tables import self_sorting_table, sorted_table

if TYPE_CHECKING:
    from decimal import Decimal

    from clera_desktop.services.app import AppServices
    from clera_desktop.services.income import IncomeService

YearRow = tuple[int, "Decimal", "Decimal", "Decimal"]
MONTHS_SHOWN = 24


def source_columns(base: str) -> list[Column[SourceIncome]]:
    """The figures first, the accounts last (a holding in four accounts names all four); the
    currency on a line of its own under each title, so the figures fit a 1024-pixel window."""
    return [
        Column(tr("Paid by"), lambda s: s.symbol or tr("Interest ({accounts})").format(accounts=", ".join(s.accounts)),
               tooltip=lambda s: None if s.symbol else tr("Interest on the account's cash")),
        Column(tr("Last 12 months\n({base})")
               .format(base=base), lambda s: fmt.money(s.net), lambda s: fmt.sort_number(s.net), numeric=True,
               tooltip=lambda s: tr("Net: after the tax withheld and any fee")),
        Column(tr("Tax withheld\n({base})")
               .format(base=base), lambda s: fmt.money(s.tax), lambda s: fmt.sort_number(s.tax), numeric=True),
        Column(tr("Next 12 months\n({base})")
               .format(base=base), lambda s: fmt.money(s.projected) if s.projected else tr("no longer held"),
               lambda s: fmt.sort_number(s.projected), numeric=True,
               tooltip=lambda s: tr("What it paid in the last twelve months, if still held")),
        Column(tr("Payments"), lambda s: str(s.payments), lambda s: s.payments, numeric=True),
        Column(tr("Last paid"), lambda s: s.last_paid.isoformat(), lambda s: s.last_paid.toordinal()),
        Column(tr("Accounts"), lambda s: ", ".join(s.accounts), tooltip=lambda s: "\n".join(s.accounts)),
    ]


def year_columns(base: str) -> list[Column[YearRow]]:
    return [
        Column(tr("Year"), lambda r: str(r[0]), lambda r: r[0]),
        Column(tr("Gross\n({base})").format(base=base), lambda r: fmt.money(r[1]), lambda r: fmt.sort_number(r[1]), numeric=True),
        Column(tr("Tax\n({base})").format(base=base), lambda r: fmt.money(r[2]), lambda r: fmt.sort_number(r[2]), numeric=True,
               tooltip=lambda r: tr("Tax withheld from the year's payments")),
        Column(tr("Net\n({base})").format(base=base), lambda r: fmt.money(r[3]), lambda r: fmt.sort_number(r[3]), numeric=True),
    ]


def headline_text(report: IncomeReport) -> str:
    base = report.base_currency
    net, tax = report.trailing_twelve_months()
    before, _ = report.twelve_months_before()
    change = report.year_over_year()
    versus = tr("{amount} the twelve months before").format(amount=fmt.money(before, base)) + (
        f" ({fmt.percent(change)})" if change is not None else "")
    return tr("Last 12 months: {net} net, {tax} tax withheld \u00b7 {versus} \u00b7 next 12 months, projected: "
              "{projected}").format(net=fmt.money(net, base), tax=fmt.money(tax, base), versus=versus,
                                    projected=fmt.money(report.projected_next_twelve_months(), base))


def note_text(report: IncomeReport) -> str:
    parts = [tr("Each account's payments of a day are converted together at that day's rate, as Performance "
                "counts them. The projection repeats what each holding still held (and each account's cash) paid "
                "in the last twelve months; no dividend announcements are known to the app.")]
    missing = sum(report.left_out.values())
    if missing:
        rates = ", ".join(report.missing_rates)
        parts.insert(0, plural(missing, tr("{count} payment left out of these totals: no {rates} rate (sync to fetch "
                                           "rates)."),
                               tr("{count} payments left out of these totals: no {rates} rate (sync to fetch rates)."),
                               rates=rates))
    return " ".join(parts)


class IncomeView(QWidget):
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = Change.ACTIVITIES | Change.POSITIONS | Change.BASE_CURRENCY | Change.ACCOUNTS | Change.HISTORY
    reading = translatable("Reading the dividends and interest\u2026")

    def __init__(self, income: IncomeService, parent: QWidget | None = None, *,
                 account_names: AccountNames | None = None) -> None:
        super().__init__(parent)
        self._income = income
        self._account_names = account_names
        self.report: IncomeReport | None = None
        self._base = ""
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.account.addItem(tr("All accounts"), ALL_ACCOUNTS)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.headline.setFont(font)
        self.chart = MonthBars(self, name=tr("Income by month"))
        self.chart.setMinimumHeight(200)
        self.sources: RowsTableModel[SourceIncome] = RowsTableModel(source_columns("USD"), self)
        # widths measured once (a portfolio has hundreds of sources: fitting every row on each change is felt)
        self.sources_table = self_sorting_table(self.sources, self, name=tr("Income by source"))
        self._sources_measured = False
        # measured on the first hundred rows (the largest amounts first: the widest), not on every source
        self.sources_table.horizontalHeader().setResizeContentsPrecision(100)
        self._split_fitted = False
        self.sources_table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.years: RowsTableModel[YearRow] = RowsTableModel(year_columns("USD"), self)
        self.years_table, _ = sorted_table(self.years, self, select_rows=True, name=tr("Income by year"))
        self.years_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Account")))
        bar.addWidget(self.account)
        bar.addStretch(1)
        # who paid takes what the figures leave (long interest names are cut short, in full on hover)
        self._fit_payers = give_the_rest_to(self.sources_table, 0, minimum=110, maximum=280)
        self.tables = tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.sources_table)
        tables.addWidget(self.years_table)
        tables.setStretchFactor(0, 1)  # a wider window widens the sources; the years keep their four columns
        tables.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.chart, 2)
        layout.addWidget(tables, 3)
        layout.addWidget(self.note)
        self.account.activated.connect(lambda _: self._reload_soon())

    def set_accounts(self, accounts: list[tuple[str, str]]) -> None:
        fill_account_choice(self.account, accounts)

    async def load(self, changes: Changes) -> None:
        """The chooser's accounts when they changed, then the figures."""
        if await refill_account_choice(self.account, changes, self._account_names):
            await self.reload()

    async def reload(self) -> None:
        account = self.account.currentData()
        report = await self._income.report([account] if account else None)
        if not isValid(self):
            return
        self.show_report(report)

    def show_report(self, report: IncomeReport) -> None:
        if report is self.report:
            return  # the report kept since it was shown: nothing moved, nothing to redraw
        self.report = report
        if report.base_currency != self._base:
            self._base = report.base_currency
            self.sources.set_columns(source_columns(self._base))  # the currency is in the titles
            self.years.set_columns(year_columns(self._base))
        self.sources.set_rows(report.by_source())
        if not self._sources_measured and self.sources.rows:
            self._sources_measured = True
            fit_columns_when_shown(self.sources_table, range(1, self.sources.columnCount()),
                                   done=self._fit_payers)
        self.years.set_rows(report.by_year())
        if not self._split_fitted:
            fit_columns_when_shown(self.years_table, range(self.years.columnCount()), done=self._fit_split)
        self.chart.set_months([(month, net) for month, net, _tax in report.by_month(MONTHS_SHOWN)], self._base)
        self.headline.setText(headline_text(report) if report.days or report.left_out else
                              tr("No dividends or interest recorded yet. They appear here after a sync or a CSV import."))
        self.note.setText(note_text(report))

    def _fit_split(self) -> None:
        """Once: the years' table as wide as its four columns, the sources the rest (the person's
        own drag of the divider is kept after that)."""
        if self._split_fitted or not self.years.rows:
            return
        self._split_fitted = True
        table = self.years_table
        years = (table.horizontalHeader().length() + table.verticalHeader().width() + 2 * table.frameWidth()
                 + table.verticalScrollBar().sizeHint().width())
        total = sum(self.tables.sizes())
        self.tables.setSizes([max(total - years, total // 2), min(years, total // 2)])

    def _reload_soon(self) -> None:
        from clera_desktop.ui.tasks import run_task

        run_task(self, self.reload(), on_error=self.note.setText)


def build(services: AppServices) -> IncomeView:
    """The window's income view on the app's services (ui/window_views.py)."""
    return IncomeView(services.income, account_names=services.book.account_names)

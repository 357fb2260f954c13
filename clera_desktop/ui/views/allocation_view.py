"""Allocation: where the money is, split by asset class, sector, region, country, currency,
account, institution or provider, for every account or one; the holdings in a slice; targets with
their drift and what would rebalance (shown, never placed: a ticket opens only when asked); and
the health rules with the thresholds the person sets.

One book of every holding is read from the store (portfolio/allocation.py); choosing another
dimension or account splits it again in memory, so the view answers at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Coroutine, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.money import round_figure
from clera_desktop.portfolio.allocation import AccountFacts, Allocation, AllocationBook, Slice, SliceHolding
from clera_desktop.portfolio.classification import Dimension
from clera_desktop.portfolio.health import HealthReport, Rule
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.account_choice import ALL_ACCOUNTS
from clera_desktop.ui.charts.donut import Donut
from clera_desktop.ui.columns import fit_columns_when_shown
from clera_desktop.ui.i18n import plural, say, tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.palette import emphasise
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.words import label

if TYPE_CHECKING:
    from clera_desktop.services.allocation import AllocationService
    from clera_desktop.services.app import AppServices
    from clera_desktop.services.health import HealthService

HUNDRED = Decimal(100)
SCOPE_JOIN = "\n"  # account ids of a group, in the chooser's data (an id never holds a line break)


def share(percent: Decimal | None) -> str:
    return fmt.plain_percent(None if percent is None else percent / HUNDRED)


def slice_columns(base: str, total: Decimal, swatch: Callable[[Slice], QColor | None] = lambda _s: None,
                  heading: str = translatable("Class")) -> list[Column[Slice]]:
    """The slices' table; ``swatch`` is each class's colour in the chart (the legend), ``heading``
    what the slices are (the split's name: Account, Sector...)."""
    return [
        Column(tr(heading), lambda s: tr(s.name), decoration=swatch),  # "Stocks", "Cash": words.LABELS
        Column(tr("Value\n({base})")
               .format(base=base), lambda s: fmt.money(s.value), lambda s: fmt.sort_number(s.value), numeric=True),
        Column(tr("Weight"), lambda s: share(s.weight), lambda s: fmt.sort_number(s.weight), numeric=True),
        Column(tr("Day change\n({base})")
               .format(base=base), day_change_text, lambda s: fmt.sort_number(s.day_change), numeric=True,
               tooltip=day_change_tip),
        Column(tr("Target"), lambda s: share(s.target), lambda s: fmt.sort_number(s.target), numeric=True),
        Column(tr("Drift"), lambda s: fmt.DASH if s.drift is None else fmt.percent(s.drift / HUNDRED),
               lambda s: fmt.sort_number(s.drift), numeric=True, tooltip=lambda s: tr("Percentage points from the target")),
        Column(tr("To rebalance\n({base})").format(base=base), lambda s: rebalance_text(s, total),
               lambda s: fmt.sort_number(s.to_rebalance(total)), numeric=True,
               tooltip=lambda s: tr("What buying or selling would bring it to its target (nothing is placed)")),
    ]


def day_change_text(piece: Slice) -> str:
    """The change since the previous close; a star when it leaves some holding out."""
    return fmt.money(piece.day_change) + ("*" if piece.day_change is not None and piece.day_change_missing else "")


def day_change_tip(piece: Slice) -> str:
    if not piece.day_change_missing:
        return tr("Since the previous close")
    named = ", ".join(piece.day_change_missing[:6]) + (" …" if len(piece.day_change_missing) > 6 else "")
    return tr("Since the previous close; leaves out {symbols}: no previous close known (US listings have daily "
              "closes)").format(symbols=named)


def rebalance_text(piece: Slice, total: Decimal) -> str:
    amount = piece.to_rebalance(total)
    if amount is None:
        return fmt.DASH
    if not amount:
        return tr("on target")
    return (tr("buy {amount}") if amount > 0 else tr("sell {amount}")).format(amount=fmt.money(abs(amount)))


def holding_columns(base: str) -> list[Column[SliceHolding]]:
    return [
        Column(tr("Symbol"), lambda h: h.symbol or tr("Cash")),
        Column(tr("Name"), lambda h: h.name or ""),
        Column(tr("Value\n({base})")
               .format(base=base), lambda h: fmt.money(h.value), lambda h: fmt.sort_number(h.value), numeric=True),
        Column(tr("Weight"), lambda h: share(h.weight), lambda h: fmt.sort_number(h.weight), numeric=True,
               tooltip=lambda h: tr("Of the total shown above")),
        Column(tr("Day change\n({base})")
               .format(base=base), lambda h: fmt.money(h.day_change), lambda h: fmt.sort_number(h.day_change),
               numeric=True),
        Column(tr("Accounts"), lambda h: ", ".join(h.accounts), tooltip=lambda h: "\n".join(h.accounts)),
    ]


#: How the figures add up (the note's and the headline's tooltip): said once, not under every view.
HOW_IT_ADDS_UP = (translatable("Each account is valued as the Accounts view values it and its cents shared among its holdings, "
                  "so the classes add up to the total. A security nobody reported a class for is \u201cUnclassified\u201d "
                  "until you classify it (Classify\u2026)."))


def health_title(failing: int | None) -> str:
    """The health tab's title: how many rules the portfolio fails, so a warning is seen from the holdings."""
    if failing is None:
        return tr("Health of the whole portfolio")
    return tr("Health: all within your limits") if not failing else \
        plural(failing, tr("Health: \u26a0 {count} rule over your limit"), tr("Health: \u26a0 {count} rules over your limit"))


class HealthPanel(QWidget):
    """Each health rule: its threshold (the person's) and what fails it, by name."""

    threshold_changed = Signal(str, int)  # rule, percent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.spins: dict[Rule, QSpinBox] = {}
        self.verdicts: dict[Rule, QLabel] = {}
        for row, rule in enumerate(Rule):
            spin = QSpinBox()
            spin.setRange(1, 100)
            spin.setSuffix("%")
            spin.setAccessibleName(tr("{rule}: threshold").format(rule=label(rule)))
            spin.setToolTip(tr("Flag it above this share of the portfolio"))
            spin.editingFinished.connect(lambda r=rule: self._on_edited(r))
            verdict = QLabel("")
            verdict.setWordWrap(True)
            verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(tr("{rule} over").format(rule=label(rule))), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(verdict, row, 2)
            self.spins[rule], self.verdicts[rule] = spin, verdict
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(Rule), 1)
        self.shown: dict[Rule, int] = {}
        self.failing = 0  # rules the portfolio fails now

    def _on_edited(self, rule: Rule) -> None:
        """Focus leaving a spin box also ends an edit: only a new value is a change."""
        value = self.spins[rule].value()
        if self.shown.get(rule) != value:
            self.shown[rule] = value
            self.threshold_changed.emit(rule.value, value)

    def show_report(self, report: HealthReport) -> None:
        self.failing = sum(not result.passed for result in report.results)
        for result in report.results:
            spin = self.spins[result.rule]
            before = self.shown.get(result.rule)
            self.shown[result.rule] = int(result.threshold)
            if before is None or not spin.hasFocus() or spin.value() == before:  # never under the person's typing
                spin.blockSignals(True)
                spin.setValue(int(result.threshold))
                spin.blockSignals(False)
            verdict = self.verdicts[result.rule]
            verdict.setText(("\u2714 " if result.passed else "\u26a0 ") + say(result.sentence(report.base_currency)))
            verdict.setForegroundRole(QPalette.ColorRole.WindowText if result.passed else QPalette.ColorRole.Link)


class AllocationView(QWidget):
    trade_requested = Signal(str)  # a symbol: the window opens a ticket (never placed from here)
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = (Change.ACCOUNTS | Change.POSITIONS | Change.BASE_CURRENCY | Change.CLASSIFICATION | Change.SETTINGS
               | Change.HISTORY)
    reading = translatable("Reading the allocation\u2026")

    async def load(self, _changes: Changes) -> None:
        await self.reload()  # its chooser comes from its book (accounts, institutions, providers)

    def __init__(self, allocation: AllocationService, health: HealthService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._allocation = allocation
        self._health = health
        self.book: AllocationBook | None = None
        self.shown: Allocation | None = None
        self.targets: dict[str, Decimal] = {}
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.account.addItem(tr("All accounts"), ALL_ACCOUNTS)
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(tr("Split by"))
        for dimension in Dimension:
            self.dimension.addItem(label(dimension), dimension.value)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        emphasise(self.headline, 17)
        self.donut = Donut(self, name=tr("Allocation chart"))
        self.slices: RowsTableModel[Slice] = RowsTableModel(slice_columns("USD", Decimal(0)), self)
        self.slices_table, self._slices_proxy = sorted_table(self.slices, self, select_rows=True, name=tr("Allocation"))
        self.slices_table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.holdings: RowsTableModel[SliceHolding] = RowsTableModel(holding_columns("USD"), self)
        # widths measured once, when first shown: a class can hold thousands of holdings, and fitting
        # every column to every row on each change would be felt
        self.holdings_table, self._holdings_proxy = sorted_table(self.holdings, self, fit_columns=False,
                                                                 select_rows=True, name=tr("Holdings in the chosen class"))
        self.holdings_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._holdings_measured = False
        self.holdings_title = QLabel(tr("Choose a class (a slice or a row) to see its holdings."))
        self.target_button = QPushButton(tr("Set target\u2026"))
        self.target_button.setToolTip(tr("The share of the total you aim for in the chosen class"))
        self.clear_target_button = QPushButton(tr("Clear target"))
        self.classify_button = QPushButton(tr("Classify\u2026"))
        self.classify_button.setToolTip(tr("Set the chosen holding's asset class, sector or country yourself"))
        self.trade_button = QPushButton(tr("Trade\u2026"))
        self.trade_button.setToolTip(tr("Open a trade ticket for the chosen holding (you review it before anything is placed)"))
        self.health = HealthPanel(self)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self._build_layout()
        self.account.activated.connect(lambda _: self.show_split())
        self.dimension.activated.connect(lambda _: self._run(self._load_targets()))
        self.donut.slice_clicked.connect(self._choose_row)
        self.slices_table.selectionModel().currentRowChanged.connect(self._on_slice_changed)
        self.holdings_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.target_button.clicked.connect(self._ask_target)
        self.clear_target_button.clicked.connect(lambda: self._set_target(None))
        self.classify_button.clicked.connect(self._ask_classes)
        self.trade_button.clicked.connect(self._on_trade_clicked)
        self.health.threshold_changed.connect(
            lambda rule, percent: self._run(self._health.set_threshold(Rule(rule), Decimal(percent))))
        self._update_buttons()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Account")))
        bar.addWidget(self.account)
        bar.addWidget(QLabel(tr("Split by")))
        bar.addWidget(self.dimension)
        bar.addStretch(1)
        bar.addWidget(self.target_button)
        bar.addWidget(self.clear_target_button)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.donut)
        top.addWidget(self.slices_table)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        actions.addWidget(self.holdings_title, 1)
        actions.addWidget(self.classify_button)
        actions.addWidget(self.trade_button)
        below_layout.addLayout(actions)
        below_layout.addWidget(self.holdings_table)
        # the class's holdings and the portfolio's health share the lower half: at 1024x700 the
        # holdings table shows a page of rows, not two
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(below, tr("Holdings"))
        self.lower_tabs.addTab(self.health, health_title(None))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.lower_tabs)
        split.setStretchFactor(0, 1)  # the donut reads as well at half the height; the table needs rows
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)

    # ---- reading ------------------------------------------------------------------------------

    def fill_scopes(self, accounts: Mapping[str, AccountFacts]) -> None:
        """All accounts; each institution and each provider holding more than one; then each account.
        The choice made stays where it still exists."""
        chosen = self.account.currentText()
        names = sorted(accounts.items(), key=lambda item: item[1].name.casefold())
        institutions: dict[str, list[str]] = defaultdict(list)
        providers: dict[str, list[str]] = defaultdict(list)
        for account_id, facts in names:
            institutions[facts.institution].append(account_id)
            providers[facts.provider].append(account_id)
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(tr("All accounts"), ALL_ACCOUNTS)
        for institution, ids in sorted(institutions.items()):
            if 1 < len(ids) < len(accounts):
                self.account.addItem(tr("{institution} ({count} accounts)")
                                     .format(institution=institution, count=len(ids)), SCOPE_JOIN.join(ids))
        for provider, ids in sorted(providers.items()):
            if 1 < len(ids) < len(accounts):
                self.account.addItem(tr("Through {provider} ({count} accounts)")
                                     .format(provider=provider.capitalize(), count=len(ids)), SCOPE_JOIN.join(ids))
        for account_id, facts in names:
            self.account.addItem(facts.name, account_id)
        self.account.setCurrentIndex(max(self.account.findText(chosen), 0))
        self.account.blockSignals(False)

    def chosen_accounts(self) -> list[str] | None:
        """The accounts in the chosen scope (None: all)."""
        data = self.account.currentData()
        return data.split(SCOPE_JOIN) if data else None

    @property
    def chosen_dimension(self) -> Dimension:
        return Dimension(self.dimension.currentData())

    async def reload(self) -> None:
        book = await self._allocation.book()
        targets = await self._allocation.targets(self.chosen_dimension)
        health = await self._health.report()
        if not isValid(self):
            return
        self.book, self.targets = book, targets
        self.fill_scopes(book.accounts)
        self.health.show_report(health)
        self.lower_tabs.setTabText(self.lower_tabs.indexOf(self.health), health_title(self.health.failing))
        self.show_split()

    async def _load_targets(self) -> None:
        targets = await self._allocation.targets(self.chosen_dimension)
        if isValid(self):
            self.targets = targets
            self.show_split()

    def show_split(self) -> None:
        if self.book is None:
            return
        chosen = self.chosen_slice()
        allocation = self.book.split(self.chosen_dimension, self.chosen_accounts(), self.targets)
        self.shown = allocation
        base = allocation.base
        self.donut.set_wedges([(tr(s.name), s.weight, f"{tr(s.name)}: {fmt.money(s.value, base)}, {share(s.weight)}")
                               for s in allocation.slices], fmt.money(allocation.total, base))
        rows = {s.name: n for n, s in enumerate(allocation.slices)}
        self.slices.set_columns(slice_columns(base, allocation.total, lambda s: self.donut.colour_of(rows[s.name]),
                                              heading=allocation.dimension.label))  # translated there
        self.slices.set_rows(allocation.slices)
        if self.holdings.headerData(2, Qt.Orientation.Horizontal) != tr("Value\n({base})").format(base=base):
            self.holdings.set_columns(holding_columns(base))
        self.headline.setText(self._headline(allocation) if allocation.slices else
                              tr("Nothing held yet. Holdings appear here after a sync, a CSV import or a manual account."))
        self.note.setText(self._note(allocation))
        self.note.setToolTip(tr(HOW_IT_ADDS_UP))
        self.headline.setToolTip(tr(HOW_IT_ADDS_UP))
        names = [s.name for s in allocation.slices]
        if chosen is not None and chosen.name in names:
            self._choose_row(names.index(chosen.name))
        else:  # the largest, so its holdings show from the start
            self._choose_row(0 if names else None)

    def _headline(self, allocation: Allocation) -> str:
        largest = allocation.slices[0]
        split = label(allocation.dimension)  # "by asset class" in English; German keeps its nouns' capitals
        return tr("{total} by {split} \u00b7 largest: {name}, {share}").format(
            total=fmt.money(allocation.total, allocation.base),
            split=split.lower() if split == allocation.dimension.label else split,
            name=tr(largest.name), share=share(largest.weight))

    @staticmethod
    def _note(allocation: Allocation) -> str:
        parts: list[str] = []
        missing = sorted({symbol for s in allocation.slices if s.day_change is not None  # the starred ones
                          for symbol in s.day_change_missing})
        if missing:
            named = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
            said = (tr("* The day change leaves out {symbols}: no previous close is known for it (US listings have "
                       "daily closes).") if len(missing) == 1 else
                    tr("* The day change leaves out {symbols}: no previous close is known for them (US listings have "
                       "daily closes)."))
            parts.insert(0, said.format(symbols=named))
        if allocation.left_out:
            parts.insert(0, tr("Left out (no price or no exchange rate): {what}.").format(what=", ".join(allocation.left_out)))
        if allocation.untargeted is not None and allocation.untargeted:
            parts.append(tr("Targets add up to {share}, not 100%.").format(share=share(HUNDRED - allocation.untargeted)))
        return " ".join(parts)

    # ---- choosing -----------------------------------------------------------------------------

    def chosen_slice(self) -> Slice | None:
        index = self._slices_proxy.mapToSource(self.slices_table.currentIndex())
        return self.slices.row(index.row()) if index.isValid() else None

    def chosen_holding(self) -> SliceHolding | None:
        index = self._holdings_proxy.mapToSource(self.holdings_table.currentIndex())
        return self.holdings.row(index.row()) if index.isValid() else None

    def _choose_row(self, row: int | None) -> None:
        if row is None:
            self.slices_table.setCurrentIndex(QModelIndex())
            self._on_slice_changed()
            return
        self.slices_table.setCurrentIndex(self._slices_proxy.mapFromSource(self.slices.index(row, 0)))

    def _on_slice_changed(self, *_: object) -> None:
        chosen = self.chosen_slice()
        self.donut.choose(None if chosen is None or self.shown is None else self.shown.slices.index(chosen))
        self.holdings.set_rows(chosen.holdings if chosen else ())
        if not self._holdings_measured and chosen is not None and chosen.holdings:
            self._holdings_measured = True  # once: later the person's widths stay, and nothing is measured again
            fit_columns_when_shown(self.holdings_table, range(self.holdings.columnCount()))
        base = self.shown.base if self.shown else ""
        self.holdings_title.setText(
            tr("Choose a class (a slice or a row) to see its holdings.") if chosen is None else
            tr("{chosen}: {holdings}, {money}").format(
                chosen=tr(chosen.name), holdings=plural(len(chosen.holdings), tr("{count} holding"), tr("{count} holdings")),
                money=fmt.money(chosen.value, base)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen, holding = self.chosen_slice(), self.chosen_holding()
        self.target_button.setEnabled(chosen is not None)
        self.clear_target_button.setEnabled(chosen is not None and chosen.target is not None)
        has_symbol = holding is not None and holding.symbol is not None
        self.classify_button.setEnabled(has_symbol)
        self.trade_button.setEnabled(has_symbol)

    # ---- the person's edits -------------------------------------------------------------------

    def _ask_target(self) -> None:
        chosen = self.chosen_slice()
        if chosen is None:
            return
        start = float(chosen.target if chosen.target is not None else round_figure(chosen.weight, 1))
        value, ok = QInputDialog.getDouble(self, tr("Target"), tr("Share of the total to aim for in {name} (%)")
                                           .format(name=chosen.name),
                                           start, 0.0, 100.0, 1)
        if ok:
            self._set_target(Decimal(str(value)))

    def _set_target(self, percent: Decimal | None) -> None:
        chosen = self.chosen_slice()
        if chosen is not None:
            self._run(self._allocation.set_target(self.chosen_dimension, chosen.name, percent))

    def _ask_classes(self) -> None:
        holding = self.chosen_holding()
        if holding is None or holding.symbol is None:
            return
        from clera_desktop.ui.dialogs.classify_dialog import ClassifyDialog

        async def open_dialog(symbol: str) -> None:
            classes = await self._allocation.classes_of(symbol)
            if not isValid(self):
                return
            dialog = ClassifyDialog(classes, self)
            dialog.chosen.connect(lambda chosen: self._run(self._allocation.classify(symbol, chosen)))
            dialog.open()

        self._run(open_dialog(holding.symbol))

    def _on_trade_clicked(self) -> None:
        holding = self.chosen_holding()
        if holding is not None and holding.symbol:
            self.trade_requested.emit(holding.symbol)

    def _run(self, work: Coroutine[Any, Any, Any]) -> None:
        """An edit or a read in the background; what fails is said under the view."""
        from clera_desktop.ui.tasks import run_task

        run_task(self, work, on_error=self.note.setText)


def build(services: AppServices) -> AllocationView:
    """The window's allocation view on the app's services (ui/window_views.py)."""
    return AllocationView(services.allocation, services.health)

"""One holding's open lots in one account, under the Holdings tree, beside the broker's cost.

Shown for the account row chosen in the tree (or a holding held in one account only): each lot's
day, shares, cost, value, gain and holding period in the account's currency, then our cost
beside the one the brokerage reports and, where they differ, the reason when it is known.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clera_desktop.portfolio.gains import LotValue, Term
from clera_desktop.services.gains import BEFORE_RECORDS, HoldingLots
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import plural, tr, translatable
from clera_desktop.ui.item_models.table_model import Column, RowsTableModel
from clera_desktop.ui.tables import sorted_table
from clera_desktop.ui.words import label

CENT = Decimal("0.01")


def _acquired(lot: LotValue) -> str:
    return tr("before records") if lot.lot.unknown_history or lot.lot.acquired == BEFORE_RECORDS else lot.lot.acquired.isoformat()


LOT_COLUMNS: list[Column[LotValue]] = [
    Column(translatable("Acquired"), _acquired, lambda v: v.lot.acquired.toordinal()),
    Column(translatable("Quantity"),
           lambda v: fmt.quantity(v.lot.quantity), lambda v: fmt.sort_number(v.lot.quantity), numeric=True),
    Column(translatable("Cost / share"),
           lambda v: fmt.money(v.lot.cost_per_share), lambda v: fmt.sort_number(v.lot.cost_per_share),
           numeric=True),
    Column(translatable("Cost"), lambda v: fmt.money(v.lot.cost), lambda v: fmt.sort_number(v.lot.cost), numeric=True),
    Column(translatable("Value"), lambda v: fmt.money(v.value), lambda v: fmt.sort_number(v.value), numeric=True),
    Column(translatable("Gain"), lambda v: fmt.money(v.gain), lambda v: fmt.sort_number(v.gain), numeric=True),
    Column(translatable("Gain %"), lambda v: fmt.percent(v.gain_ratio), lambda v: fmt.sort_number(v.gain_ratio), numeric=True),
    Column(translatable("Held"), lambda v: label(v.term) if v.term is not Term.UNKNOWN else tr("Unknown"),
           tooltip=lambda v: tr("If sold today") if v.term is not Term.UNKNOWN else tr("No purchase on record")),
]


class LotsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holding: HoldingLots | None = None
        self.title = QLabel(tr("Choose an account under a holding to see its lots."))
        self.model: RowsTableModel[LotValue] = RowsTableModel(LOT_COLUMNS, self)
        self.table, _ = sorted_table(self.model, self, fit_columns=True, name=tr("Open lots"))
        self.reconciliation = QLabel("")
        self.reconciliation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reconciliation)

    def show_holding(self, holding: HoldingLots, account_name: str) -> None:
        self.holding = holding
        self.model.set_rows(holding.lots)
        count = len(holding.lots)
        self.title.setText(tr("{symbol} in {account}: {lots}, closed {method}; amounts in {currency}").format(
            symbol=holding.symbol, account=account_name, lots=plural(count, tr("{count} open lot"), tr("{count} open lots")),
            method=label(holding.method), currency=holding.currency))
        self.reconciliation.setText(reconciliation_text(holding))

    def clear(self) -> None:
        self.holding = None
        self.model.set_rows([])
        self.title.setText(tr("Choose an account under a holding to see its lots."))
        self.reconciliation.setText("")


def reconciliation_text(holding: HoldingLots) -> str:
    currency = holding.currency
    ours = fmt.money(holding.our_cost, currency)
    if holding.kept_by_hand:
        said = tr("Cost from your activities: {cost} (an account kept by hand: no brokerage to compare with).")
    elif holding.broker_cost is None:
        said = tr("Cost from your activities: {cost}. The brokerage reports no cost basis in {currency} to compare.")
    elif holding.difference is not None and abs(holding.difference) < CENT:
        said = tr("Cost from your activities: {cost}, the same as the brokerage reports.")
    else:
        said = tr("Cost from your activities: {cost} \u00b7 the brokerage's: {theirs} \u00b7 difference {difference}.")
    said = said.format(cost=ours, currency=currency, theirs=fmt.money(holding.broker_cost, currency),
                       difference=fmt.money(holding.difference, currency))
    said = f"{said} {holding.reason[:1].upper()}{holding.reason[1:]}." if holding.reason else said
    return f"{said} {broker_lots_text(holding)}".strip()


def broker_lots_text(holding: HoldingLots) -> str:
    """The brokerage's own lots, where it reports them, and whether they are ours."""
    lots = holding.broker_lots
    if lots is None:
        return ""
    shown = "; ".join(tr("{day}: {quantity} shares, cost {cost}").format(
        day=lot.acquired.isoformat() if lot.acquired else tr("day unknown"), quantity=fmt.quantity(lot.quantity),
        cost=fmt.money(lot.cost)) for lot in lots[:6])
    more = tr("; and {count} more").format(count=len(lots) - 6) if len(lots) > 6 else ""
    verdict = (tr("They are the same as the lots above.") if holding.broker_lots_agree
               else tr("They differ from the lots above (another method, or history the activities do not show)."))
    return tr("The brokerage's own lots ({count}): {lots}{more}. {verdict}").format(
        count=len(lots), lots=shown, more=more, verdict=verdict)

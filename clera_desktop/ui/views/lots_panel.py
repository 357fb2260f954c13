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

CENT = Decimal("0.01")


def _acquired(lot: LotValue) -> str:
    return "before records" if lot.lot.unknown_history or lot.lot.acquired == BEFORE_RECORDS else lot.lot.acquired.isoformat()


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
    Column(translatable("Held"), lambda v: {Term.LONG: "Long-term", Term.SHORT: "Short-term"}.get(v.term, "Unknown"),
           tooltip=lambda v: "If sold today" if v.term is not Term.UNKNOWN else "No purchase on record"),
]


class LotsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holding: HoldingLots | None = None
        self.title = QLabel(tr("Choose an account under a holding to see its lots."))
        self.model: RowsTableModel[LotValue] = RowsTableModel(LOT_COLUMNS, self)
        self.table, _ = sorted_table(self.model, self, fit_columns=True, name="Open lots")
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
            method=holding.method.label, currency=holding.currency))
        self.reconciliation.setText(reconciliation_text(holding))

    def clear(self) -> None:
        self.holding = None
        self.model.set_rows([])
        self.title.setText(tr("Choose an account under a holding to see its lots."))
        self.reconciliation.setText("")


def reconciliation_text(holding: HoldingLots) -> str:
    currency = holding.currency
    ours = f"Cost from your activities: {fmt.money(holding.our_cost, currency)}"
    if holding.kept_by_hand:
        said = f"{ours} (an account kept by hand: no brokerage to compare with)."
    elif holding.broker_cost is None:
        said = f"{ours}. The brokerage reports no cost basis in {currency} to compare."
    elif holding.difference is not None and abs(holding.difference) < CENT:
        said = f"{ours}, the same as the brokerage reports."
    else:
        said = (f"{ours} \u00b7 the brokerage's: {fmt.money(holding.broker_cost, currency)} \u00b7 difference "
                f"{fmt.money(holding.difference, currency)}.")
    said = f"{said} {holding.reason[:1].upper()}{holding.reason[1:]}." if holding.reason else said
    return f"{said} {broker_lots_text(holding)}".strip()


def broker_lots_text(holding: HoldingLots) -> str:
    """The brokerage's own lots, where it reports them, and whether they are ours."""
    lots = holding.broker_lots
    if lots is None:
        return ""
    shown = "; ".join(f"{lot.acquired.isoformat() if lot.acquired else 'day unknown'}: {fmt.quantity(lot.quantity)} "
                      f"shares, cost {fmt.money(lot.cost)}" for lot in lots[:6])
    more = f"; and {len(lots) - 6} more" if len(lots) > 6 else ""
    verdict = ("They are the same as the lots above." if holding.broker_lots_agree
               else "They differ from the lots above (another method, or history the activities do not show).")
    return f"The brokerage's own lots ({len(lots)}): {shown}{more}. {verdict}"

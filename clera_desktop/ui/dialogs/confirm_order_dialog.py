"""The last look before money moves: every figure with its source, live trades asked twice.

The Place button is disabled from the first click until the answer arrives; the trading
service dedupes the ticket as well, so a double click never makes two orders.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.errors import CleraError
from clera_desktop.models.enums import OrderSide, OrderType
from clera_desktop.models.trading import Source, Sourced
from clera_desktop.services.gains import SalePreview
from clera_desktop.trading.service import PlacementResult, TradePreview
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.words import TERM_WORDS, label, titled

Place = Callable[[TradePreview, bool], Awaitable[PlacementResult]]

_SOURCE_NOTE = {Source.BROKERAGE: translatable("from the brokerage's preview"),
                Source.ESTIMATE: translatable("app estimate from the latest quote"),
                Source.UNAVAILABLE: translatable("not available")}


def sourced(figure: Sourced, currency: str) -> str:
    if figure.value is None:
        return f"<i>{tr('not available')}</i>"
    return f"<b>{fmt.money(figure.value, currency)}</b> <span style='color:gray'>({tr(_SOURCE_NOTE[figure.source])})</span>"


def sale_effect_html(sale: SalePreview, price_source: Source) -> str:
    """The lots a sale would close and what it would realise, said as the estimate it is."""
    currency = sale.currency
    at = tr("the brokerage's price") if price_source is Source.BROKERAGE else tr("the latest quote")
    rows = "".join(
        f"<tr><td>{part.acquired.isoformat() if part.acquired else tr('before records')}</td>"
        f"<td align='right'>{fmt.quantity(part.quantity)}</td><td align='right'>{fmt.money(part.cost)}</td>"
        f"<td align='right'>{fmt.money(part.proceeds)}</td><td align='right'>{fmt.money(part.gain)}</td>"
        f"<td>{tr(TERM_WORDS[part.term.value])}</td></tr>" for part in sale.parts)
    by_term = ", ".join(f"{label(term)} {fmt.money(gain, currency)}" for term, gain in sale.gain_by_term().items())
    total = (tr("unknown: some shares' cost is not on record") if sale.gain is None
             else f"<b>{fmt.money(sale.gain, currency)}</b>" + (f" ({by_term})" if by_term else ""))
    shelter = ("<br>" + tr("In a tax-sheltered account: nothing is taxed when it is realised.") if sale.sheltered else "")
    heads = (tr("Bought"), tr("Shares"), tr("Cost"), tr("Proceeds"), tr("Gain"), tr("Term"))
    return (f"<p><b>{tr('Tax effect')}</b> <span style='color:gray'>"
            + tr("(app estimate at {price}; lots closed {method})").format(price=at, method=label(sale.method))
            + "</span></p>"
            f"<table cellspacing='6'><tr><th align='left'>{heads[0]}</th><th>{heads[1]}</th><th>{heads[2]}</th>"
            f"<th>{heads[3]}</th><th>{heads[4]}</th><th align='left'>{heads[5]}</th></tr>{rows}</table>"
            "<p>" + tr("Estimated realised gain: {gain}.").format(gain=total)
            + f"{shelter}<br><span style='color:gray'>{say(sale.lot_choice)}</span></p>")


def estimate_differs(preview: TradePreview) -> str:
    """Why the amount here is not the ticket's estimate, when it is not (empty when they agree)."""
    estimate, amount = preview.estimate, preview.amount
    if amount.source is not Source.BROKERAGE or estimate.value is None or amount.value is None:
        return ""
    currency = preview.account.currency
    if fmt.money(estimate.value, currency) == fmt.money(amount.value, currency):
        return ""
    quote = preview.quote
    quoted = quote.price_for(preview.ticket.side) if quote is not None else None
    said = (tr("The ticket estimated {estimate} from the quote's ask {quoted}; the brokerage's preview prices the order "
               "at {price}, and the brokerage's figure is the one shown.") if preview.ticket.side is OrderSide.BUY else
            tr("The ticket estimated {estimate} from the quote's bid {quoted}; the brokerage's preview prices the order "
               "at {price}, and the brokerage's figure is the one shown."))
    return said.format(estimate=fmt.money(estimate.value, currency), quoted=fmt.money(quoted, currency),
                       price=fmt.money(preview.price.value, currency))


class ConfirmOrderDialog(QDialog):
    def __init__(self, preview: TradePreview, place: Place, parent: QWidget | None = None, *,
                 sale: SalePreview | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._place = place
        self.result_: PlacementResult | None = None
        ticket, account = preview.ticket, preview.account
        currency = account.currency
        self.setWindowTitle(tr("Confirm order"))
        self.setMinimumWidth(520)
        buy = ticket.side is OrderSide.BUY
        if ticket.quantity is not None:
            said = tr("Buy {quantity} shares of {symbol}") if buy else tr("Sell {quantity} shares of {symbol}")
            amount = fmt.quantity(ticket.quantity)
        else:
            said = tr("Buy {amount} worth of {symbol}") if buy else tr("Sell {amount} worth of {symbol}")
            amount = fmt.money(ticket.notional, currency)
        headline = QLabel("<h2>" + said.format(quantity=amount, amount=amount, symbol=ticket.symbol) + "</h2>")
        form = QFormLayout()
        form.addRow(tr("Account"), QLabel(f"{account.label} \u2014 " + (tr("paper") if account.is_paper else tr("<b>LIVE</b>"))))
        form.addRow(tr("Order type"), QLabel(titled(ticket.order_type.value, "-") + tr(", time in force {tif}").format(
            tif=ticket.time_in_force.value.upper())))
        if ticket.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT):
            form.addRow(tr("Limit price"), QLabel(fmt.money(ticket.limit_price, currency)))
        if ticket.order_type in (OrderType.STOP, OrderType.STOP_LIMIT):
            form.addRow(tr("Stop price"), QLabel(fmt.money(ticket.stop_price, currency)))
        if ticket.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT) and ticket.limit_price is not None:
            better = (tr("(your limit: it fills at this price or lower, or not at all)") if ticket.side is OrderSide.BUY
                      else tr("(your limit: it fills at this price or higher, or not at all)"))
            form.addRow(tr("Price"), self._rich(f"<b>{fmt.money(ticket.limit_price, currency)}</b> <span style='color:gray'>"
                                                f"{better}</span>"))
        else:
            form.addRow(tr("Price"), self._rich(sourced(preview.price, currency)))
        form.addRow(tr("Amount"), self._rich(sourced(preview.amount, currency)))
        differs = estimate_differs(preview)
        if differs:
            form.addRow("", self._rich(f"<span style='color:gray'>{differs}</span>"))
        form.addRow(tr("Commission"), self._rich(sourced(preview.commission, currency)))
        form.addRow(tr("Estimated cost") if ticket.side is OrderSide.BUY else tr("Estimated proceeds"),
                    self._rich(sourced(preview.total, currency)))
        form.addRow(tr("Cash afterwards"), self._rich(sourced(preview.remaining_cash, currency)))
        if preview.quote is not None:
            q = preview.quote
            form.addRow(tr("Quote"), QLabel(tr("bid {bid} \u00b7 ask {ask} \u00b7 last {last} ({source})").format(
                bid=fmt.money(q.bid), ask=fmt.money(q.ask), last=fmt.money(q.last), source=q.source)))
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addLayout(form)
        self.sale_effect = self._rich(sale_effect_html(sale, preview.price.source)) if sale is not None else None
        if self.sale_effect is not None:
            layout.addWidget(self.sale_effect)
        for warning in preview.warnings:
            layout.addWidget(self._rich(f"<span style='color:#b26b00'>\u26a0 {warning.message}</span>"))
        self.live_check = QCheckBox(tr("I understand this is a live account: this order uses real money."))
        self.live_check.setVisible(preview.live)
        layout.addWidget(self.live_check)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.place_button: QPushButton = self.buttons.addButton(tr("Place order"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.place_button.setEnabled(not preview.live)
        self.live_check.toggled.connect(self._on_live_check_toggled)
        self.buttons.rejected.connect(self.reject)
        self.place_button.clicked.connect(self._on_place_clicked)
        layout.addWidget(self.buttons)
        self._task: asyncio.Task[None] | None = None

    @staticmethod
    def _rich(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    def _on_live_check_toggled(self, checked: bool) -> None:
        if self._task is None:
            self.place_button.setEnabled(checked)

    def _on_place_clicked(self) -> None:
        if self._task is not None:  # a second click while the first is in flight
            return
        self.place_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.message.setText(tr("Placing the order\u2026"))
        self._task = asyncio.ensure_future(self._place_once())

    async def _place_once(self) -> None:
        try:
            result = await self._place(self._preview, self.live_check.isChecked())
        except CleraError as error:
            if isValid(self):
                self.message.setText(f"<span style='color:#c0392b'>{say(error.user_message)}</span>")
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Close"))
            return
        if isValid(self):
            self.result_ = result
            self.accept()

"""The trade ticket: symbol, account (routed, with the reason), side, amount, type, prices.

Facts that need the network (capabilities, quote, market clock, whether the brokerage lists
the symbol) are fetched when the symbol or account changes; every keystroke after that is
judged locally by the same rules the service applies, so messages appear as the person types.
"""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from clera_desktop.core.changes import Change, Changes
from clera_desktop.core.errors import CleraError
from clera_desktop.models.enums import OrderSide, OrderType, TimeInForce
from clera_desktop.models.trading import OrderTicket, TradingAccount
from clera_desktop.trading.accounts import Eligibility
from clera_desktop.trading.service import PlacementResult, TicketRejected, TradePreview
from clera_desktop.trading.validation import TicketFacts, TicketProblem, estimated_amount, validate_ticket
from clera_desktop.ui import formatting as fmt
from clera_desktop.ui.dialogs.confirm_order_dialog import ConfirmOrderDialog
from clera_desktop.ui.i18n import say, tr, translatable
from clera_desktop.ui.slots import async_slot

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices
    from clera_desktop.services.gains import GainsService, SalePreview
    from clera_desktop.trading.service import TradingService

log = logging.getLogger(__name__)
#: Fields whose "enter this" problem waits until the person typed in them (or asked for a review).
_EMPTY_UNTIL_TYPED = frozenset({"quantity", "limit_price", "stop_price", "symbol"})
_DECIMAL = QRegularExpression(r"^\d{0,12}(\.\d{0,9})?$")
_TYPES = [(translatable("Market"), OrderType.MARKET), (translatable("Limit"), OrderType.LIMIT),
          (translatable("Stop"), OrderType.STOP), (translatable("Stop-limit"), OrderType.STOP_LIMIT)]
_TIF_TEXT = {TimeInForce.DAY: translatable("Day"), TimeInForce.GTC: translatable("Good till canceled"),
             TimeInForce.IOC: translatable("Immediate or cancel"), TimeInForce.FOK: translatable("Fill or kill"),
             TimeInForce.OPG: translatable("At the open"), TimeInForce.CLS: translatable("At the close")}


def parse_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text.strip() else None
    except InvalidOperation:
        return None


def problem_html(problem: TicketProblem) -> str:
    color, mark = ("#c0392b", "\u2716") if problem.blocking else ("#b26b00", "\u26a0")
    return f"<span style='color:{color}'>{mark} {say(problem.message)}</span>"


class TradeView(QWidget):
    order_placed = Signal(str)  # the message for the status bar
    #: What it shows moves with these (ui/refresh.py reloads it through :meth:`load`).
    watches = (Change.ACCOUNTS | Change.POSITIONS | Change.BASE_CURRENCY | Change.CONNECTIONS | Change.CREDENTIALS
               | Change.SETTINGS)
    reading = translatable("Reading the accounts that can trade\u2026")

    async def load(self, _changes: Changes) -> None:
        await self.reload()

    def __init__(self, trading: TradingService, gains: GainsService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trading = trading
        self._gains = gains
        self._accounts: dict[str, Eligibility] = {}
        # the facts held and the (account, symbol) they describe; and what was last asked for
        self._facts: TicketFacts | None = None
        self._facts_for: tuple[str, str] | None = None
        self._asked_for: tuple[str, str] | None = None
        self._account_chosen_by_person = False
        self.last_result: PlacementResult | None = None
        self.confirm_dialog: ConfirmOrderDialog | None = None

        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(tr("Symbol, e.g. AAPL"))
        self.symbol_names = QStringListModel(self)
        completer = QCompleter(self.symbol_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.symbol.setCompleter(completer)
        completer.activated.connect(lambda text: self.symbol.setText(text.split(" ")[0]))
        self.account = QComboBox()
        self.route_note = QLabel("")
        self.route_note.setWordWrap(True)
        # two lines kept for it: the fields below do not move as the note grows and shrinks
        self.route_note.setMinimumHeight(self.route_note.fontMetrics().lineSpacing() * 2 + 4)
        self.route_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.route_note.setStyleSheet("color: gray")
        self.side = QComboBox()
        self.side.addItem(tr("Buy"), OrderSide.BUY)
        self.side.addItem(tr("Sell"), OrderSide.SELL)
        self.amount_kind = QComboBox()
        self.amount_kind.setAccessibleName(tr("Amount in"))
        self.amount_kind.addItem(tr("Shares"), "quantity")
        self.amount_kind.addItem(tr("Cash amount"), "notional")
        self.amount = QLineEdit()
        self.amount.setAccessibleName(tr("Amount"))
        self.amount.setValidator(QRegularExpressionValidator(_DECIMAL, self))
        self.amount.setPlaceholderText("0")
        self.order_type = QComboBox()
        for text, kind in _TYPES:
            self.order_type.addItem(tr(text), kind)
        self.limit_price = QLineEdit()
        self.stop_price = QLineEdit()
        for box in (self.limit_price, self.stop_price):
            box.setValidator(QRegularExpressionValidator(_DECIMAL, self))
        self.time_in_force = QComboBox()
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 2)
        amount_row.addWidget(self.amount_kind, 1)
        form = QFormLayout()
        form.addRow(tr("Symbol"), self.symbol)
        form.addRow(tr("Account"), self.account)
        form.addRow("", self.route_note)
        form.addRow(tr("Side"), self.side)
        form.addRow(tr("Amount"), amount_row)
        form.addRow(tr("Order type"), self.order_type)
        form.addRow(tr("Limit price"), self.limit_price)
        form.addRow(tr("Stop price"), self.stop_price)
        form.addRow(tr("Time in force"), self.time_in_force)
        self.review_button = QPushButton(tr("Review order\u2026"))
        self.review_button.setDefault(True)
        self.review_button.clicked.connect(self._on_review_clicked)
        ticket_box = QGroupBox(tr("Order ticket"))
        ticket_layout = QVBoxLayout(ticket_box)
        ticket_layout.addLayout(form)
        ticket_layout.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignRight)
        ticket_layout.addStretch(1)

        self.account_info = QLabel("")
        self.quote_info = QLabel("")
        self.estimate = QLabel("")
        self.problems = QLabel("")
        for label in (self.account_info, self.quote_info, self.estimate, self.problems):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info_box = QGroupBox(tr("Before you send it"))
        info = QVBoxLayout(info_box)
        for label in (self.account_info, self.quote_info, self.estimate, self.problems):
            info.addWidget(label)
        info.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(ticket_box, 3)
        row.addWidget(info_box, 2)

        self._symbol_timer = QTimer(self, singleShot=True, interval=350)
        self._symbol_timer.timeout.connect(self._on_symbol_settled)
        self.symbol.textEdited.connect(lambda _: self._symbol_timer.start())
        self.symbol.editingFinished.connect(self._on_symbol_settled)
        self.account.activated.connect(self._on_account_activated)
        for signal in (self.side.currentIndexChanged, self.amount_kind.currentIndexChanged,
                       self.order_type.currentIndexChanged, self.time_in_force.currentIndexChanged,
                       self.amount.textChanged, self.limit_price.textChanged, self.stop_price.textChanged):
            signal.connect(self._judge)
        self.order_type.currentIndexChanged.connect(self._on_order_type_changed)
        self._on_order_type_changed()
        # a field says what it lacks once the person has typed in it, or asked for a review
        self._typed: set[str] = set()
        for name, field in (("quantity", self.amount), ("limit_price", self.limit_price),
                            ("stop_price", self.stop_price), ("symbol", self.symbol)):
            field.textEdited.connect(lambda _text, n=name: self._typed.add(n))

    # ---- reading the form ----------------------------------------------------------------------

    def selected_account(self) -> TradingAccount | None:
        chosen = self._accounts.get(self.account.currentData() or "")
        return chosen.account if chosen else None

    def ticket(self) -> OrderTicket | None:
        account = self.selected_account()
        if account is None:
            return None
        value = parse_decimal(self.amount.text())
        notional = self.amount_kind.currentData() == "notional"
        # Qt hands enum data back as plain strings: turn them back into the app's vocabularies
        kind = OrderType(self.order_type.currentData())
        return OrderTicket(
            account_id=account.id, symbol=self.symbol.text().strip().upper(), side=OrderSide(self.side.currentData()),
            order_type=kind, time_in_force=TimeInForce(self.time_in_force.currentData() or TimeInForce.DAY),
            quantity=None if notional else value, notional=value if notional else None,
            limit_price=parse_decimal(self.limit_price.text()) if kind in (OrderType.LIMIT, OrderType.STOP_LIMIT) else None,
            stop_price=parse_decimal(self.stop_price.text()) if kind in (OrderType.STOP, OrderType.STOP_LIMIT) else None,
        )

    # ---- accounts and routing ------------------------------------------------------------------

    async def reload(self) -> None:
        """Re-read the accounts (after a sync, say) and keep the person's choice."""
        candidates = await self._trading.accounts()
        if not isValid(self):
            return
        self._accounts = {c.account.id: c for c in candidates}
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        model = self.account.model()
        for candidate in sorted(candidates, key=lambda c: (not c.eligible, c.account.label)):
            cash = fmt.money(candidate.account.cash, candidate.account.currency)
            self.account.addItem(tr("{label} \u00b7 cash {cash}")
                                 .format(label=candidate.account.label, cash=cash), candidate.account.id)
            item = model.item(self.account.count() - 1)  # type: ignore[attr-defined]
            if not candidate.eligible:
                item.setEnabled(False)
                item.setToolTip(say(candidate.reason or ""))
                self.account.setItemText(self.account.count() - 1, tr("{label} \u2014 cannot trade")
                                                                   .format(label=candidate.account.label))
        index = self.account.findData(current)
        if index < 0 or not self._accounts[current].eligible:
            index = next((i for i in range(self.account.count()) if self._accounts[self.account.itemData(i)].eligible), -1)
        self.account.setCurrentIndex(index)
        self.account.blockSignals(False)
        symbol = self.symbol.text().strip().upper()
        if any(c.eligible for c in candidates):
            if self.route_note.text().startswith("No account can trade"):
                self.route_note.setText("")
            if symbol and not self._account_chosen_by_person:
                await self._say_route(symbol)  # what it holds moved (a fill, a sync): the reason says so
                if not isValid(self):
                    return
        else:
            self.route_note.setText(tr("No account can trade yet: connect a brokerage with trading access, or add the "
                                       "Clera brokerage account, in Connect."))
        self._facts, self._facts_for = None, None
        await self._refresh_facts()

    def start_ticket(self, symbol: str, side: OrderSide = OrderSide.BUY) -> None:
        """Open the ticket for ``symbol`` (from the holdings view, say): a fresh ticket, nothing of
        the last one's amount or prices carried over."""
        self._clear_amounts()
        self.symbol.setText(symbol)
        self.side.setCurrentIndex(self.side.findData(side))
        self._account_chosen_by_person = False
        self._on_symbol_settled()

    @async_slot()
    async def _on_symbol_settled(self) -> None:
        self._symbol_timer.stop()
        symbol = self.symbol.text().strip().upper()
        if symbol and not self._account_chosen_by_person:
            await self._say_route(symbol)
        await asyncio.gather(self._refresh_facts(), self._refresh_completions(symbol))

    async def _say_route(self, symbol: str) -> None:
        """Route ``symbol`` to the account that should trade it, and say why (what it holds now)."""
        decision = await self._trading.route(symbol)
        if not isValid(self) or self.symbol.text().strip().upper() != symbol:
            return
        if decision.account is not None:
            self.account.setCurrentIndex(self.account.findData(decision.account.id))
        self.route_note.setText(say(decision.reason))

    @async_slot(int)
    async def _on_account_activated(self, _index: int) -> None:
        self._account_chosen_by_person = True
        account = self.selected_account()
        if account is not None:
            self.route_note.setText(tr("You chose {label}.").format(label=account.label))
        await self._refresh_facts()

    async def _refresh_completions(self, text: str) -> None:
        account = self.selected_account()
        if account is None or not text:
            return
        try:
            matches = await self._trading.search(account.id, text)
        except CleraError:
            return
        if isValid(self):
            self.symbol_names.setStringList([f"{m.symbol} \u2014 {m.description}" for m in matches])

    async def _refresh_facts(self) -> None:
        ticket = self.ticket()
        if ticket is None:
            self._judge()
            return
        key = (ticket.account_id, ticket.symbol)
        if key == self._facts_for:
            self._judge()
            return
        self._asked_for = key
        self.quote_info.setText(tr("Fetching the latest quote\u2026") if ticket.symbol else "")
        try:
            facts, _ = await self._trading.check(ticket)
        except CleraError as error:
            if isValid(self):
                self.quote_info.setText(f"<span style='color:#c0392b'>{say(error.user_message)}</span>")
            return
        if not isValid(self) or (self.ticket() and (self.ticket().account_id, self.ticket().symbol) != key):  # type: ignore[union-attr]
            return  # the person moved on while we asked
        self._facts, self._facts_for = facts, key
        self._apply_capabilities()
        self._judge()

    def _apply_capabilities(self) -> None:
        caps = self._facts.capabilities if self._facts else None
        allowed = caps.time_in_force if caps else (TimeInForce.DAY, TimeInForce.GTC)
        current = self.time_in_force.currentData()
        self.time_in_force.blockSignals(True)
        self.time_in_force.clear()
        for tif in allowed:
            self.time_in_force.addItem(tr(_TIF_TEXT[tif]), tif)
        self.time_in_force.setCurrentIndex(max(0, self.time_in_force.findData(current)))
        self.time_in_force.blockSignals(False)
        notional_item = self.amount_kind.model().item(1)  # type: ignore[attr-defined]
        notional_item.setEnabled(bool(caps and caps.notional))
        if not (caps and caps.notional) and self.amount_kind.currentIndex() == 1:
            self.amount_kind.setCurrentIndex(0)

    def _on_order_type_changed(self, *_: object) -> None:
        kind = self.order_type.currentData()
        self.limit_price.setEnabled(kind in (OrderType.LIMIT, OrderType.STOP_LIMIT))
        self.stop_price.setEnabled(kind in (OrderType.STOP, OrderType.STOP_LIMIT))

    # ---- judging as the person types -------------------------------------------------------------

    def facts_ready(self) -> bool:
        """The network facts match what the form shows now (tests and the Review button)."""
        ticket = self.ticket()
        return ticket is not None and self._facts is not None and self._facts_for == (ticket.account_id, ticket.symbol)

    def current_facts(self) -> TicketFacts | None:
        """The facts for the ticket the form shows now; None while they are being fetched (never
        another symbol's quote or another account's cash)."""
        return self._facts if self.facts_ready() else None

    def current_problems(self) -> list[TicketProblem]:
        ticket, facts = self.ticket(), self.current_facts()
        if ticket is None or facts is None:
            return []
        return validate_ticket(ticket, facts)

    def _judge(self, *_: object) -> None:
        account, ticket, facts = self.selected_account(), self.ticket(), self.current_facts()
        if account is None:
            self.account_info.setText("")
            return
        symbol = ticket.symbol if ticket else ""
        held = tr(" \u00b7 holds <b>{quantity} {symbol}</b>").format(
            quantity=fmt.quantity(account.held(symbol)), symbol=symbol) if symbol else ""
        kind = "paper" if account.is_paper else "live"
        said = (tr(" (paper)") if account.is_paper else tr(" (live)")) if kind not in account.label.lower() else ""
        self.account_info.setText(
            tr("<b>{account}</b>{kind}<br>Cash <b>{cash}</b> \u00b7 buying power <b>{buying_power}</b>{held}").format(
                account=account.label, kind=said, cash=fmt.money(account.cash, account.currency),
                buying_power=fmt.money(account.buying_power, account.currency), held=held))
        quote = facts.quote if facts is not None else None
        if quote is not None:
            self.quote_info.setText(tr("{symbol}: bid {bid} \u00b7 ask {ask} \u00b7 last <b>{last}</b><br><span "
                                       "style='color:gray'>{source}{when}</span>")
                                    .format(symbol=quote.symbol, bid=fmt.money(quote.bid), ask=fmt.money(quote.ask),
                                            last=fmt.money(quote.last, quote.currency), source=quote.source,
                                            when=', ' + fmt.when(quote.as_of) if quote.as_of else ''))
        elif facts is not None and symbol:
            self.quote_info.setText(tr("No quote available for this symbol."))
        if ticket is not None and quote is not None:
            amount = estimated_amount(ticket, quote)
            buy = ticket.side is OrderSide.BUY
            if amount.value is None:
                self.estimate.setText(tr("Estimated cost: not available") if buy else tr("Estimated proceeds: not available"))
            else:
                said = (tr("Estimated cost: <b>{money}</b>") if buy else tr("Estimated proceeds: <b>{money}</b>")).format(
                    money=fmt.money(amount.value, account.currency))
                self.estimate.setText(said + " <span style='color:gray'>" + tr(
                    "(app estimate from the latest quote, before commission)") + "</span>")
        else:
            self.estimate.setText("")
        shown = [p for p in self.current_problems() if p.field not in _EMPTY_UNTIL_TYPED or p.field in self._typed
                 or self._field_text(p.field)]
        self.problems.setText("<br>".join(problem_html(p) for p in shown))

    # ---- review and place ------------------------------------------------------------------------

    def _field_text(self, field: str) -> str:
        box = {"quantity": self.amount, "limit_price": self.limit_price, "stop_price": self.stop_price,
               "symbol": self.symbol}.get(field)
        return box.text().strip() if box is not None else ""

    def _clear_amounts(self) -> None:
        for box in (self.amount, self.limit_price, self.stop_price):
            box.clear()
        self._typed = set()

    @async_slot()
    async def _on_review_clicked(self) -> None:
        self._typed |= _EMPTY_UNTIL_TYPED  # asked to review: every missing field says so now
        ticket = self.ticket()
        if ticket is None:
            self.problems.setText(f"<span style='color:#c0392b'>{tr('Choose an account that can trade.')}</span>")
            return
        self.review_button.setEnabled(False)
        self.problems.setText(tr("Asking the brokerage to check the order\u2026"))
        try:
            preview = await self._trading.preview(ticket)
        except TicketRejected as rejected:
            self.problems.setText("<br>".join(problem_html(p) for p in rejected.problems if p.blocking)
                                  or say(rejected.user_message))
            return
        except CleraError as error:
            self.problems.setText(f"<span style='color:#c0392b'>{say(error.user_message)}</span>")
            return
        finally:
            if isValid(self):  # a finally runs when the view is gone too (its task cancelled)
                self.review_button.setEnabled(True)
        sale = await self._sale_effect(preview)
        self._judge()
        self.confirm_dialog = ConfirmOrderDialog(
            preview, lambda p, live: self._trading.place(p, live_confirmed=live), self, sale=sale)
        self.confirm_dialog.accepted.connect(self._on_confirm_dialog_accepted)
        self.confirm_dialog.open()

    async def _sale_effect(self, preview: TradePreview) -> SalePreview | None:
        """For a sale: the lots it would close and the gain, by the account's method (None: a buy,
        or no price to estimate with; a failure here never stops the order)."""
        ticket = preview.ticket
        price = preview.price.value
        if self._gains is None or ticket.side is not OrderSide.SELL or not price:
            return None
        quantity = ticket.quantity if ticket.quantity is not None else (
            ticket.notional / price if ticket.notional is not None else None)
        if not quantity:
            return None
        commission = preview.commission.value or Decimal(0)
        try:
            return await self._gains.preview_sale(ticket.account_id, ticket.symbol, quantity, price, commission)
        except CleraError:
            log.info("no sale estimate for %s", ticket.symbol, exc_info=True)
            return None

    def _on_confirm_dialog_accepted(self) -> None:
        dialog = self.confirm_dialog
        if dialog is None or dialog.result_ is None:
            return
        self.last_result = dialog.result_
        message = dialog.result_.message
        self.problems.setText(f"<span style='color:#1e8449'>\u2714 {message}</span>")
        self._clear_amounts()
        self._facts_for = None  # cash and holdings change: fetch again
        self.order_placed.emit(message)


def build(services: AppServices) -> TradeView:
    """The window's trade view on the app's services (ui/window_views.py)."""
    return TradeView(services.trading, services.gains)

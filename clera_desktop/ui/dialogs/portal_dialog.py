"""A provider's web flow (SnapTrade's connection portal, Plaid's hosted Link) inside the app.

A top-level web view receives no portal window messages, so the app asks the provider to
redirect to a callback URL it recognises and stops that navigation here, reading the outcome
from its query. Navigation stays on the provider's and the callback's hosts; any other link
opens in the system browser. QtWebEngine is imported here only, so start-up never pays for it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import parse_qsl

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

SNAPTRADE_CALLBACK = "https://clera-desktop.invalid/callback/snaptrade"
PLAID_CALLBACK = "https://clera-desktop.invalid/callback/plaid"


def _make_page(callback: str, allowed_hosts: set[str], on_callback: Any) -> Any:
    from PySide6.QtWebEngineCore import QWebEnginePage

    class GuardedPage(QWebEnginePage):
        def acceptNavigationRequest(self, url: QUrl | str, kind: Any, is_main_frame: bool) -> bool:  # noqa: N802
            url = QUrl(url)
            text = url.toString()
            if text.startswith(callback):
                on_callback(url)
                return False
            if url.scheme() in ("http", "https") and url.host() not in allowed_hosts and is_main_frame:
                log.info("opening %s outside the app", url.host())
                QDesktopServices.openUrl(url)
                return False
            return super().acceptNavigationRequest(url, kind, is_main_frame)

        def createWindow(self, kind: Any) -> Any:  # noqa: N802 - pop-ups go to the system browser
            page = QWebEnginePage(self)
            def hand_over(target: QUrl) -> None:
                QDesktopServices.openUrl(target)
                page.deleteLater()

            page.urlChanged.connect(hand_over)
            return page

    return GuardedPage()


class PortalDialog(QDialog):
    """Shows ``url``; resolves with the callback's query parameters, or ``None`` if closed."""

    callback_reached = Signal(dict)

    def __init__(self, url: str, callback: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.setWindowTitle(title)
        self.resize(520, 720)
        self._future: asyncio.Future[dict[str, str] | None] | None = None
        self.result_params: dict[str, str] | None = None
        start = QUrl(url)
        hosts = {start.host(), QUrl(callback).host()}
        self.view = QWebEngineView(self)
        self.page = _make_page(callback, hosts, self._on_callback)
        self.page.setParent(self.view)
        self.view.setPage(self.page)
        hint = QLabel(f"Signing in happens on {start.host()}; Clera Desktop never sees your brokerage password.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.view.load(start)

    def _on_callback(self, url: QUrl) -> None:
        self.result_params = dict(parse_qsl(url.query()))
        self.callback_reached.emit(self.result_params)
        if self._future is not None and not self._future.done():
            self._future.set_result(self.result_params)
        self.accept()

    def done(self, code: int) -> None:
        if self._future is not None and not self._future.done():
            self._future.set_result(self.result_params)
        super().done(code)
        # The web page goes now, not whenever Python lets go of the dialog: a page still alive
        # when QtWebEngine releases its profile at exit crashes the process. Later, because this
        # may run inside the page's own navigation handler.
        self.view.deleteLater()

    async def run(self) -> dict[str, str] | None:
        """Open the dialog and wait (without blocking the loop) until it finishes."""
        self._future = asyncio.get_running_loop().create_future()
        self.open()
        return await self._future

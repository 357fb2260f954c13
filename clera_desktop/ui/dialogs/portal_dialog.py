"""A provider's web flow (SnapTrade's connection portal, Plaid's hosted Link) inside the app.

A top-level web view receives no portal window messages, so the app asks the provider to
redirect to a callback URL it recognises and stops that navigation here, reading the outcome
from its query. The page is a guest, kept on a short leash:

- only the provider's host and the callback's load, in the main frame and in every sub-frame;
- only the main frame's navigation to the callback counts (a sub-frame cannot forge a SUCCESS);
- a link elsewhere (another site, ``smb:``, ``file:``, ``mailto:``) or a pop-up is refused, and
  the person is asked before the system opens it;
- every dialog has its own off-the-record profile: no cookie, cache or storage outlives it.

QtWebEngine is imported here only, so start-up never pays for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from clera_desktop.ui.i18n import tr

log = logging.getLogger(__name__)

SNAPTRADE_CALLBACK = "https://clera-desktop.invalid/callback/snaptrade"
PLAID_CALLBACK = "https://clera-desktop.invalid/callback/plaid"
#: Frames may always show these (an empty frame a script fills in).
_HARMLESS = ("about:blank", "about:srcdoc")


def _is_callback(url: QUrl, callback: QUrl) -> bool:
    return (url.scheme(), url.host(), url.port(), url.path()) == (callback.scheme(), callback.host(), callback.port(),
                                                                  callback.path())


def _make_page(profile: Any, callback: str, allowed_hosts: set[str], on_callback: Callable[[QUrl], None],
               on_elsewhere: Callable[[QUrl], None], parent: QObject) -> Any:
    from PySide6.QtWebEngineCore import QWebEnginePage

    expected = QUrl(callback)

    class GuardedPage(QWebEnginePage):
        def acceptNavigationRequest(self, url: QUrl | str, kind: Any, is_main_frame: bool) -> bool:  # noqa: N802
            url = QUrl(url)
            if _is_callback(url, expected):
                if is_main_frame:
                    on_callback(url)
                else:
                    log.warning("refused a callback from a sub-frame (%s)", url.host())
                return False
            if url.toString() in _HARMLESS:
                return True
            if url.scheme() in ("http", "https") and url.host() in allowed_hosts:
                return super().acceptNavigationRequest(url, kind, is_main_frame)
            if is_main_frame:
                on_elsewhere(url)  # asked first, after this handler returns
            else:
                log.info("refused a frame from %s://%s", url.scheme(), url.host())
            return False

        def createWindow(self, kind: Any) -> Any:  # noqa: N802 - a pop-up: its address, offered like a link
            popup = QWebEnginePage(profile, self)

            def offered(target: QUrl) -> None:
                popup.deleteLater()
                on_elsewhere(target)

            popup.urlChanged.connect(offered)
            return popup

    return GuardedPage(profile, parent)


class PortalDialog(QDialog):
    """Shows ``url``; resolves with the callback's query parameters, or ``None`` if closed."""

    callback_reached = Signal(dict)

    def __init__(self, url: str, callback: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from clera_desktop.ui.web_engine import prepare_web_engine

        prepare_web_engine()  # before the engine's first import: as root, Chromium would end the process
        from PySide6.QtWebEngineCore import QWebEngineProfile
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.setWindowTitle(title)
        self.resize(520, 720)
        self._future: asyncio.Future[dict[str, str] | None] | None = None
        self.result_params: dict[str, str] | None = None
        self.offered: list[str] = []  # addresses the person was asked about (tests read it)
        self.question: QMessageBox | None = None
        start = QUrl(url)
        hosts = {start.host(), QUrl(callback).host()}
        # The view first, then the profile: Qt deletes a dialog's children in the order they came, and
        # the page (the view's child) must go before its profile. No storage name: off the record.
        self.view = QWebEngineView(self)
        self.profile = QWebEngineProfile(self)
        self.page = _make_page(self.profile, callback, hosts, self._on_callback, self._offer_elsewhere, self.view)
        self.view.setPage(self.page)
        # the page must go before its profile (QtWebEngine crashes otherwise): the profile follows it
        self.page.destroyed.connect(self.profile.deleteLater)
        hint = QLabel(tr("Signing in happens on {host}; Clera Desktop never sees your brokerage password.")
                      .format(host=start.host()))
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

    def _offer_elsewhere(self, url: QUrl) -> None:
        """A link away from the provider: ask, then hand it to the system (never silently)."""
        text = url.toString()
        if not text or text in _HARMLESS:
            return
        self.offered.append(text)
        QTimer.singleShot(0, lambda: self._ask_to_open(url))

    def _ask_to_open(self, url: QUrl) -> None:
        where = url.host() or url.scheme()
        self.question = box = QMessageBox(
            QMessageBox.Icon.Question, tr("Open outside Clera Desktop?"),
            tr("The page wants to open {address}.\n\nOpen it with your system ({where})?")
            .format(address=url.toDisplayString(), where=where), parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda answer: QDesktopServices.openUrl(url) if answer == QMessageBox.StandardButton.Open
                             else None)
        box.open()

    def done(self, code: int) -> None:
        if self._future is not None and not self._future.done():
            self._future.set_result(self.result_params)
        super().done(code)
        # The web page goes now, not whenever Python lets go of the dialog: a page still alive
        # when QtWebEngine releases its profile crashes the process. Later, because this may run
        # inside the page's own navigation handler; the profile follows the page (see __init__).
        self.view.deleteLater()

    async def run(self) -> dict[str, str] | None:
        """Open the dialog and wait (without blocking the loop) until it finishes."""
        self._future = asyncio.get_running_loop().create_future()
        self.open()
        return await self._future

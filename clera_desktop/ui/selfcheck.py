"""``clera-desktop selfcheck portal --demo``: proof that this install can show a provider's web page
(and ``selfcheck german``: that it carries the German translation).

QtWebEngine is the part of a bundle most likely to be missing pieces (its helper process, its
resources, its locales): the window opens without it, and only the Connect flow would fail. The
bundle's smoke test (packaging/build_bundle.py) runs this to load the demo's SnapTrade portal in
the same guarded dialog the Connect view uses, and fails unless the page's sign-in form shows.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from clera_desktop.services.app import AppServices

log = logging.getLogger(__name__)

#: True once the demo portal's brokerage list and sign-in form are on the page.
_FORM_SHOWN = "!!document.querySelector('[data-slug]') && !!document.getElementById('password')"


def check_portal(services: AppServices, *, timeout: float = 90.0) -> int:
    """Open the portal page and wait for its form; 0 when it showed, 1 (with the reason) when not.
    Runs its own Qt application and event loop: nothing else of the window is built."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from clera_desktop.ui.event_loop import create_event_loop

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    loop = create_event_loop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            title = loop.run_until_complete(asyncio.wait_for(_portal_title(services), timeout))
    except TimeoutError:
        print(f"the portal page did not show its form within {timeout:.0f} s", file=sys.stderr)  # noqa: T201
        return 1
    except Exception as error:  # the smoke test's verdict: say what broke, the log has the rest
        log.exception("portal self-check failed")
        print(f"the portal page could not be shown: {error}", file=sys.stderr)  # noqa: T201
        return 1
    print(f"portal page loaded: {title}")  # noqa: T201
    return 0


def check_german() -> int:
    """Load the German translations as a German desktop would: the app's and Qt's own; 0 when the
    window's words come out German, 1 (with what is missing) when not (a bundle left a file out)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from clera_desktop.ui.i18n import install_translations, tr

    app = QApplication.instance() or QApplication(sys.argv)
    loaded = install_translations(app, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    missing = [name for name in ("clera_de", "qtbase_de") if not any(name in path for path in loaded)]
    if missing or tr("&File") != "&Datei":
        print(f"the German translation did not load: missing {', '.join(missing) or 'its words'}", file=sys.stderr)  # noqa: T201
        return 1
    print(f"German loaded: {tr('&File')} \u00b7 {tr('Holdings')} ({len(loaded)} files)")  # noqa: T201
    return 0


async def _portal_title(services: AppServices) -> str:
    from clera_desktop.ui.dialogs.portal_dialog import SNAPTRADE_CALLBACK, PortalDialog

    url = await services.connecting.snaptrade_portal_url(trading=False, redirect=SNAPTRADE_CALLBACK)
    dialog = PortalDialog(url, SNAPTRADE_CALLBACK, "Connect a brokerage")
    dialog.show()
    try:
        while not await _evaluate(dialog.page, _FORM_SHOWN):
            await asyncio.sleep(0.1)
        return str(dialog.view.title())
    finally:
        dialog.done(0)


async def _evaluate(page: object, script: str) -> object:
    from PySide6.QtWebEngineCore import QWebEnginePage

    assert isinstance(page, QWebEnginePage)
    answer: asyncio.Future[object] = asyncio.get_running_loop().create_future()

    def answered(value: object) -> None:
        if not answer.done():
            answer.set_result(value)

    page.runJavaScript(script, 0, answered)
    return await answer

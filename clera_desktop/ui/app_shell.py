"""Process-wide Qt glue: the exception hook that turns a stray error into a dialog."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from clera_desktop.core.errors import CleraError, UserCancelled
from clera_desktop.ui.i18n import say, tr

log = logging.getLogger(__name__)


def user_message_for(error: BaseException) -> str:
    if isinstance(error, CleraError):
        return say(error.user_message)
    return tr("Something unexpected went wrong. The details are in the log (Help > Open log folder).")


def install_excepthook() -> None:
    """qasync hands failures of async slots to ``sys.excepthook``: log them, show a message."""

    from PySide6.QtWidgets import QApplication

    quitting = [False]  # once the app quits, a modal message would hold the exit open: the log has it
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: quitting.__setitem__(0, True))

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, UserCancelled):
            return
        log.error("unhandled error", exc_info=(kind, error, tb))
        from PySide6.QtWidgets import QMessageBox

        if QApplication.instance() is not None and not quitting[0] and not QApplication.closingDown():
            QMessageBox.warning(None, tr("Clera Desktop"), user_message_for(error))

    sys.excepthook = hook


def settle_heap() -> None:
    """Once the window is up: collect, then freeze what start-up built (Qt wrappers, SDK and
    SQLAlchemy modules, the first snapshots) out of the collector's reach.

    With tens of thousands of ticks a second the collector runs often; scanning the whole
    start-up heap on every full collection cost 30-300 ms pauses (measured in
    bench/live_bench.py). Frozen objects are never scanned, so those pauses go away.
    """
    import gc

    gc.collect()
    gc.freeze()

"""What Qt WebEngine needs before it starts: called before its first import.

Chromium refuses to run as root with its sandbox on ("Running as root without --no-sandbox is not
supported") and ends the whole process, so connecting a brokerage from a container killed the app
with nothing in its log. As root (POSIX), the engine starts without its sandbox, with a warning in
the log; everyone else keeps it.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)
FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"
NO_SANDBOX = "--no-sandbox"


def running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # Windows has none: its administrators run sandboxed
    return geteuid is not None and geteuid() == 0


def prepare_web_engine() -> None:
    """Before QtWebEngine is imported: as root, turn its sandbox off (said in the log) rather than
    let Chromium end the process."""
    flags = os.environ.get(FLAGS, "")
    if running_as_root() and NO_SANDBOX not in flags.split():
        os.environ[FLAGS] = f"{flags} {NO_SANDBOX}".strip()
        log.warning("running as root: the web engine (the connection portal) runs without its sandbox; "
                    "run Clera Desktop as your own user to keep it")

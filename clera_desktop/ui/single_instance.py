"""One window per data folder.

Two windows on one folder would run two syncs, two live streams and two sets of rate limits
against one store and overwrite each other's files. The first window holds a lock file in the
data folder and listens on a local socket named after the folder; a second launch finds the lock
taken, asks the first (through the socket) to come to the front, and ends, saying so. A launch on
another data folder (a demo's throwaway one, say) is not affected.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from clera_desktop.core.files import private_file, write_private
from clera_desktop.core.folder_locks import WINDOW_LOCK, WindowLock, holder

if TYPE_CHECKING:  # QtNetwork loads after the first paint (listen), or for a second launch (ask_to_show)
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)
LOCK_NAME = WINDOW_LOCK
SHOW = b"show\n"


def socket_name(data_dir: Path) -> str:
    """A name every process derives alike for a folder (short: some systems cap socket paths)."""
    import hashlib  # after the first paint (listen), or for a second launch: 3 ms less before it

    return "clera-desktop-" + hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]


class SingleInstance:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = WindowLock(data_dir)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True: this is the folder's only window (the lock is held until the process ends)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.try_acquire():
            return False
        private_file(self.data_dir / LOCK_NAME)  # made before the umask is the app's: tightened here
        write_private(self.data_dir / (LOCK_NAME + ".json"), json.dumps({"pid": os.getpid()}))
        return True

    def holder(self) -> str:
        """Who holds the folder, for the message: "process 4242"."""
        return holder(self.data_dir, LOCK_NAME)

    def listen(self, on_show: Callable[[], None]) -> None:
        """Bring this window forward when a second launch asks."""
        from PySide6.QtNetwork import QLocalServer

        name = socket_name(self.data_dir)
        QLocalServer.removeServer(name)  # a crashed window's socket file would refuse the name
        server = QLocalServer()
        if not server.listen(name):
            log.warning("single-window socket %s: %s", name, server.errorString())
            return

        def on_connection() -> None:
            socket = server.nextPendingConnection()
            if socket is None:
                return

            def on_ready() -> None:
                if bytes(socket.readAll().data()).startswith(SHOW.strip()):
                    log.info("a second launch asked this window to come to the front")
                    on_show()
                socket.disconnectFromServer()

            socket.readyRead.connect(on_ready)

        server.newConnection.connect(on_connection)
        self._server = server

    def ask_to_show(self, timeout_ms: int = 2000) -> bool:
        """From a second launch: ask the running window to come to the front."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(socket_name(self.data_dir))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SHOW)
        socket.flush()  # may write it all at once, and then there is nothing left to wait for
        sent = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return sent

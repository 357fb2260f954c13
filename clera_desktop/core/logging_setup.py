"""Logging to a rotating file in the log folder, with secrets scrubbed from every record; a crash
(a segfault in Qt, say) leaves its Python traceback in ``crash.log`` beside it."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

LOG_FILENAME = "clera-desktop.log"
CRASH_FILENAME = "crash.log"
_handlers: list[logging.Handler] = []  # the handlers configure_logging added
_crash_file = None  # kept open for faulthandler, which writes to its descriptor when the process dies

# Query-string and JSON fields that carry secrets in provider URLs and bodies.
_SECRET_FIELDS = re.compile(
    r"(?i)(userSecret|user_secret|secret|secret_key|consumer_key|consumerKey|access_token|"
    r"public_token|password|APCA-API-SECRET-KEY|PLAID-SECRET|Signature)"
    r"(\"?\s*[:=]\s*\"?)([^&\"'\s,}]+)"
)
_MASK = "***"


class SecretRedactor(logging.Filter):
    """Replaces every registered secret value, and secret-looking fields, with ``***``."""

    def __init__(self) -> None:
        super().__init__()
        self._values: set[str] = set()
        self._lock = threading.Lock()

    def register(self, value: str) -> None:
        if value and len(value) >= 4:
            with self._lock:
                self._values.add(value)

    def scrub(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            if value in text:
                text = text.replace(value, _MASK)
        return _SECRET_FIELDS.sub(lambda m: f"{m.group(1)}{m.group(2)}{_MASK}", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = self.scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        record.msg, record.args = scrubbed, None
        return True


redactor = SecretRedactor()
#: ``log.warning(..., extra=FILE_ONLY)``: for what the caller says to the person itself (the CLI).
FILE_ONLY = {"console": False}


class _WithoutTraceback(logging.Formatter):
    """The terminal gets what happened in a line; the traceback is in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        return logging.Formatter.formatMessage(self, _plain(record)) if record.exc_info or record.exc_text \
            else super().format(record)


def _plain(record: logging.LogRecord) -> logging.LogRecord:
    copy = logging.makeLogRecord(record.__dict__)
    copy.exc_info, copy.exc_text, copy.stack_info = None, None, None
    copy.message = copy.getMessage()
    return copy


def configure_logging(log_dir: Path, level: str = "INFO") -> Path:
    """Send the app's logs to ``log_dir`` (rotating, 5 x 2 MB) and to stderr for warnings."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILENAME
    root = logging.getLogger()
    root.setLevel(level.upper())
    while _handlers:  # configured again (a test, a second command): replace ours, keep others'
        handler = _handlers.pop()
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    file_handler.setFormatter(formatter)
    console.setFormatter(_WithoutTraceback("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(lambda record: getattr(record, "console", True))  # FILE_ONLY records skip the terminal
    for handler in (file_handler, console):
        handler.addFilter(redactor)
        _handlers.append(handler)
        root.addHandler(handler)
    return path


def record_crashes(log_dir: Path, *, started: str) -> Path:
    """A fatal error (a segfault in Qt, an abort) can write no log record: faulthandler writes every
    thread's Python traceback to ``crash.log`` in the log folder instead, after a line saying which
    process started when (``started``, from the app's clock)."""
    global _crash_file
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / CRASH_FILENAME
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
    _crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open until the process ends
    _crash_file.write(f"--- process {os.getpid()} started {started}\n")
    _crash_file.flush()
    faulthandler.enable(file=_crash_file, all_threads=True)
    return path


def release_log_files() -> None:
    """Close the log and crash files (a throwaway folder is about to be deleted: Windows cannot
    delete an open file)."""
    global _crash_file
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()

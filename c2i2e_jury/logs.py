"""Logging to a file in the per-user data folder; the user sees one sentence, the log keeps the detail.

When the data folder is unusable (a file in its place, a read-only home), the program still runs: warnings go to
stderr, one line each and without traceback, and the commands that need the folder refuse in one sentence.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.paths import log_file

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
WORKER_FORMAT = "%(asctime)s %(levelname)s %(name)s (%(processName)s %(process)d): %(message)s"


class _OneLine(logging.Formatter):
    """A log record as one line: the user asked for a sentence, not a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"c2i2e-jury: {record.getMessage()}"


def _is_ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, "_c2i2e", False))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """The log file's path, or ``None`` when it cannot be written (then warnings go to stderr only)."""
    root = logging.getLogger()
    existing = next((h for h in root.handlers if _is_ours(h)), None)
    if isinstance(existing, logging.FileHandler):
        return Path(existing.baseFilename)
    if existing is not None:  # stderr only, last time: the folder may be usable now
        root.removeHandler(existing)
    handler: logging.Handler
    try:
        path: Path | None = log_file()
        assert path is not None
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", errors="backslashreplace"
        )  # a record never fails
        handler.setFormatter(logging.Formatter(FORMAT))
        root.setLevel(level)
        problem = ""
    except (OSError, UserError) as exc:
        path = None
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        handler.setFormatter(_OneLine())
        problem = str(exc) if isinstance(exc, UserError) else os_error_text(exc)
    setattr(handler, "_c2i2e", True)  # noqa: B010 (a mark on a handler of the standard library)
    root.addHandler(handler)
    if problem:
        logging.getLogger(__name__).warning("journal non écrit : %s", problem)
    return path


def current_log_file() -> str | None:
    """The file this process logs to, for the worker processes it starts; None when it logs to stderr only."""
    ours = next((h for h in logging.getLogger().handlers if _is_ours(h)), None)
    return ours.baseFilename if isinstance(ours, logging.FileHandler) else None


def join_parent_log(path: str | None) -> None:
    """In a worker process started with « spawn » (it inherits no logging): its warnings and errors go to ``path``,
    the file its parent writes (appended to, never rotated: only the parent rotates), or one line each to stderr
    when the parent has no file (``None``). Called once, first thing in the worker."""
    handler: logging.Handler
    if path:
        handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace", delay=True)
        handler.setFormatter(logging.Formatter(WORKER_FORMAT))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
    handler.setLevel(logging.WARNING)
    setattr(handler, "_c2i2e", True)  # noqa: B010 (a mark on a handler of the standard library)
    logging.getLogger().addHandler(handler)

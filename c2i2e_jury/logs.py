"""Logging to a file in the per-user data folder; the user sees one sentence, the log keeps the detail."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from c2i2e_jury.paths import log_file


def setup_logging(level: int = logging.INFO) -> Path:
    path = log_file()
    root = logging.getLogger()
    if not any(getattr(h, "_c2i2e", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._c2i2e = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(level)
    return path
